"""Statement deletions, the faults mutmut does not make, run beside it; prints one JSON object.

    python -m bench.deletion                       # every module of [tool.jaxnet.mutation]
    python -m bench.deletion --only jaxnet/augment.py jaxnet/checks.py --out deletion.json
    python -m bench.deletion --changed-since main  # only the statements a change touches
    python -m bench.deletion --list jaxnet/checks.py   # its mutants, without running them
    python -m bench.deletion --count               # mutants per module, without running them
    python -m bench.deletion --report --out deletion.json   # count the last runs again
    python -m bench.deletion --jobs 2              # two mutants at once (a copy of the folder each)
    python -m bench.deletion --survivors --out deletion.json   # the last runs' survivors again

Three operators, each applied to one statement at a time:

- ``call``: a call statement (``f(x)`` on its own line) becomes ``pass``;
- ``argument``: an assignment from a call takes the call's first positional argument
  instead (``x = constrain(x, sharding)`` becomes ``x = x``; ``y = f(a, b)``, ``y = a``);
  calls without a positional argument are left alone;
- ``raise``: ``raise ...`` becomes ``return`` (``pass`` outside a function).

The body of ``if __name__ == "__main__":`` is left alone (no in-process test runs it).
Each module runs in .mutation/deletion/MODULE/, a copy of the sources and tests
(bench.mutation.prepare). A first run of the module's row of tests, under coverage with one
context per test (tests/mutation_plugin.py; ``MUTANT_UNDER_TEST=stats`` so that every test
traces its jitted programs afresh), records which tests execute which line and how long each
takes; lines that run only at import select every test. Modules whose rows are the same share
that first run (it records all their lines; they run in the first one's folder). Then each
mutant is written over the module's copy and runs against the tests that execute its lines, fastest first, stopping at
the first failure, with a limit of 10 times those tests' time in the first run (plus the
run's start-up) plus 10 s; all its processes share one JAX compilation cache. A mutant whose
lines no test executes, as coverage sees it (a trace function's lines, a child process's), runs
against the whole row: killed if it fails, else "no tests".

Score: killed / (mutants - equivalent); a timeout counts as killed, a mutant no test executes
("no tests") as not killed. The equivalent mutants are bench.equivalent.DELETION_EQUIVALENT.
"""

import argparse
import ast
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench import changes, deletion_run, mutation
from bench.equivalent import DELETION_EQUIVALENT
from jaxnet.cli import machine

OPERATORS = {
    "call": "a call statement becomes pass",
    "argument": "an assignment from a call takes the call's first positional argument",
    "raise": "raise becomes return (pass outside a function)",
}


@dataclass(frozen=True)
class Mutant:
    """One statement changed: ``key`` names it (path::function::operator::statement, stable
    under edits elsewhere), ``first``..``last`` are its lines, ``source`` the whole mutated
    module."""
    key: str
    operator: str
    first: int
    last: int
    source: str


def _is_main_block(node):
    test = node.test if isinstance(node, ast.If) else None
    return (isinstance(test, ast.Compare) and isinstance(test.left, ast.Name)
            and test.left.id == "__name__" and len(test.comparators) == 1
            and getattr(test.comparators[0], "value", None) == "__main__")


def _sites(node, scope=(), in_function=False):
    """(statement, operator, scope, in_function) for every statement an operator changes, in
    source order; ``scope`` is the names of the functions and classes around it."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield from _sites(child, scope + (child.name,), True)
        elif isinstance(child, ast.ClassDef):
            yield from _sites(child, scope + (child.name,), False)
        elif not _is_main_block(child):
            if isinstance(child, ast.Expr) and isinstance(child.value, ast.Call):
                yield child, "call", scope, in_function
            elif (isinstance(child, (ast.Assign, ast.AnnAssign)) and isinstance(child.value, ast.Call)
                  and child.value.args and not isinstance(child.value.args[0], ast.Starred)):
                yield child, "argument", scope, in_function
            elif isinstance(child, ast.Raise):
                yield child, "raise", scope, in_function
            yield from _sites(child, scope, in_function)


def _offset(line_starts, line, column):
    return line_starts[line - 1] + column


def _replace(data, line_starts, node, text):
    """The UTF-8 bytes ``data`` with ``node``'s span (ast's byte columns) replaced by text."""
    start = _offset(line_starts, node.lineno, node.col_offset)
    end = _offset(line_starts, node.end_lineno, node.end_col_offset)
    return data[:start] + text.encode() + data[end:]


def _segment(data, line_starts, node):
    start = _offset(line_starts, node.lineno, node.col_offset)
    return data[start:_offset(line_starts, node.end_lineno, node.end_col_offset)].decode()


def mutants(source, path="module.py"):
    """Every deletion mutant of a module's source, in source order."""
    data = source.encode()
    line_starts = [0]
    for line in data.splitlines(keepends=True):
        line_starts.append(line_starts[-1] + len(line))
    found, seen = [], {}
    for node, operator, scope, in_function in _sites(ast.parse(source)):
        if operator == "call":
            new = _replace(data, line_starts, node, "pass")
        elif operator == "argument":
            first = node.value.args[0]
            text = _segment(data, line_starts, first)
            simple = isinstance(first, (ast.Name, ast.Attribute, ast.Subscript, ast.Constant))
            new = _replace(data, line_starts, node.value, text if simple else f"({text})")
        else:
            new = _replace(data, line_starts, node, "return" if in_function else "pass")
        statement = " ".join(ast.unparse(node).split())
        statement = statement if len(statement) <= 80 else statement[:79] + "…"
        key = f"{path}::{'.'.join(scope) or '<module>'}::{operator}::{statement}"
        seen[key] = seen.get(key, 0) + 1
        key = key if seen[key] == 1 else f"{key} #{seen[key]}"
        found.append(Mutant(key, operator, node.lineno, node.end_lineno, new.decode()))
    return found


def score(statuses, equivalent=DELETION_EQUIVALENT):
    """One module's counts from {mutant key: status}: killed includes timeouts; the score
    is killed / (mutants - equivalent), "no tests" counted as not killed."""
    equivalent_keys = sorted(k for k, s in statuses.items() if s == "survived" and k in equivalent)
    surviving = sorted(k for k, s in statuses.items() if s == "survived" and k not in equivalent)
    untested = sorted(k for k, s in statuses.items() if s == "no tests")
    values = list(statuses.values())
    killed = values.count("killed") + values.count("timeout")
    scored = len(statuses) - len(equivalent_keys)
    return {"mutants": len(statuses), "killed": killed, "timeout": values.count("timeout"),
            "survived": len(surviving), "no_tests": len(untested),
            "equivalent": len(equivalent_keys), "error": values.count("error"),
            "score": round(killed / scored, 4) if scored else None,
            "surviving": surviving, "untested": untested, "equivalent_mutants": equivalent_keys}


def rescored(entry, equivalent=DELETION_EQUIVALENT):
    """A module's counts from an earlier run's JSON with the equivalent mutants as they are
    listed now (survivors listed since move to equivalent)."""
    moved = [k for k in entry["surviving"] if k in equivalent]
    surviving = [k for k in entry["surviving"] if k not in equivalent]
    scored = entry["mutants"] - entry["equivalent"] - len(moved)
    return {**entry, "surviving": surviving, "survived": len(surviving),
            "equivalent": entry["equivalent"] + len(moved), "equivalent_mutants": sorted(
                set(entry.get("equivalent_mutants", [])) | set(moved)),
            "score": round(entry["killed"] / scored, 4) if scored else None}


def total(modules):
    """The counts of every module run, added up."""
    ran = [m for m in modules.values() if m.get("mutants")]
    killed = sum(m["killed"] for m in ran)
    scored = sum(m["mutants"] - m["equivalent"] for m in ran)
    return {"modules": len(ran), "mutants": sum(m["mutants"] for m in ran), "killed": killed,
            "scored": scored, "score": round(killed / scored, 4) if scored else None,
            "seconds": round(sum(m.get("seconds", 0) for m in ran), 1)}


def merged(entry, statuses, seconds, equivalent=DELETION_EQUIVALENT):
    """A module's counts from its last run's ``entry`` and the statuses of that run's
    survivors and untested mutants run again (``--survivors``): the mutants killed then stay
    killed, those run again count as they ended now."""
    again = score(statuses, equivalent)
    killed = entry["killed"] + again["killed"]
    scored = entry["mutants"] - entry["equivalent"] - again["equivalent"]
    return {**entry, "killed": killed, "timeout": entry["timeout"] + again["timeout"],
            "survived": again["survived"], "no_tests": again["no_tests"],
            "equivalent": entry["equivalent"] + again["equivalent"], "error": again["error"],
            "score": round(killed / scored, 4) if scored else None,
            "surviving": again["surviving"], "untested": again["untested"],
            "equivalent_mutants": sorted(set(entry.get("equivalent_mutants", []))
                                         | set(again["equivalent_mutants"])),
            "seconds": round(entry.get("seconds", 0) + seconds["seconds"], 1),
            "rerun": {"mutants": len(statuses), "seconds": seconds["seconds"],
                      "record_seconds": seconds["record_seconds"]}}


def selected(paths, touched, survivors=None):
    """{module: its mutants} for the modules to run: all of each module's; given the touched
    lines of a change, only the mutants whose lines it touches; given ``survivors`` (the last
    runs' {module: entry}), only the mutants each left surviving or untested."""
    chosen = {}
    for module in paths:
        found = mutants((mutation.ROOT / module).read_text(), module)
        if touched is not None:
            lines = touched.get(module, set())
            found = [m for m in found if any(m.first <= n <= m.last for n in lines)]
        if survivors is not None:
            left = survivors.get(module, {})
            left = set(left.get("surviving", [])) | set(left.get("untested", []))
            found = [m for m in found if m.key in left]
        if found:
            chosen[module] = found
    return chosen


def parse_args(argv, table):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--only", nargs="+", choices=list(table), default=list(table), metavar="MODULE",
                   help="modules to run (default: all, in the table's order)")
    p.add_argument("--changed-since", metavar="REV",
                   help="only the mutants of statements that `git diff REV` touches")
    p.add_argument("--list", metavar="MODULE", help="print a module's mutants; run nothing")
    p.add_argument("--count", action="store_true", help="count each module's mutants; run nothing")
    p.add_argument("--report", action="store_true",
                   help="run nothing; count the last runs again (after editing the equivalents)")
    p.add_argument("--survivors", action="store_true",
                   help="run only the mutants that the last runs in --out left surviving or "
                        "untested (after new tests), with a new first run")
    p.add_argument("--out", help="also write the JSON here (merged into it when it exists)")
    p.add_argument("--jobs", type=int, default=1,
                   help="mutants run at once, each in a copy of its module's folder (default: 1)")
    return p.parse_args(argv)


def run_modules(chosen, table, result, report=False, out=None, jobs=1, survivors=False):
    """Run (or with ``report``, count again from ``result``) each chosen module, adding its
    entry and the total to ``result``; written to ``out`` after every module, so that a run
    stopped halfway keeps what it did. Modules with the same row of tests share one first run.
    With ``survivors`` the chosen mutants are the last runs' survivors, merged into their
    entries."""
    previous, start = dict(result["modules"]), time.perf_counter()
    if not report:
        deletion_run.clear_cache()
    groups = {}
    for path, found in chosen.items():
        groups.setdefault(tuple(table[path]), {})[path] = found
    for row, group in groups.items():
        if report:
            done = ((path, None, None) for path in group if path in previous)
        else:
            done = deletion_run.run_modules(group, list(row), jobs)
        for path, statuses, seconds in done:
            if report:
                result["modules"][path] = rescored(previous[path])
            elif survivors:
                result["modules"][path] = merged(previous[path], statuses, seconds)
                result["wall_seconds"] = round(time.perf_counter() - start, 1)
            else:
                result["modules"][path] = {**score(statuses), **seconds}
                result["wall_seconds"] = round(time.perf_counter() - start, 1)
            result["total"] = total(result["modules"])
            counts = {k: v for k, v in result["modules"][path].items() if not isinstance(v, list)}
            print(f"{path}: {json.dumps(counts)}", file=sys.stderr, flush=True)
            if out:
                Path(out).write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    return result


def main(argv=None):
    table = mutation.modules()
    args = parse_args(argv, table)
    if args.list:
        for m in mutants((mutation.ROOT / args.list).read_text(), args.list):
            print(f"{m.first}-{m.last} {m.key}")
        return 0
    touched = changes.changed_lines(args.changed_since) if args.changed_since else None
    for path in sorted(set(touched or ()) - set(table)):
        print(f"{path}: changed, but it has no row in [tool.jaxnet.mutation]", file=sys.stderr)
    if args.survivors and not (args.out and Path(args.out).exists()):
        raise SystemExit("--survivors reads the last runs from --out: name an existing file")
    last = json.loads(Path(args.out).read_text())["modules"] if args.survivors else None
    chosen = selected(args.only, touched, last)
    if args.count:
        counts = {m: len(found) for m, found in chosen.items()}
        print(json.dumps({"modules": counts, "mutants": sum(counts.values())}, indent=1))
        return 0
    previous = {}
    if args.out and Path(args.out).exists():
        previous = json.loads(Path(args.out).read_text()).get("modules", {})
    result = {"tool": "bench.deletion", "cpu": machine.cpu_name(), "cpu_count": os.cpu_count(),
              "changed_since": args.changed_since, "modules": previous}
    if args.jobs < 1:
        raise SystemExit(f"--jobs must be >= 1, got {args.jobs}")
    result = run_modules(chosen, table, result, args.report, args.out, args.jobs, args.survivors)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # a run stopped by hand: the modules done are already in --out
        sys.exit("stopped by hand: the modules done so far are in --out")
