"""Mutation testing of the core, one module at a time, with mutmut; prints one JSON object.

    pip install -e ".[mutation]"
    python -m bench.mutation                       # every module of [tool.jaxnet.mutation]
    python -m bench.mutation --only jaxnet/optimizer.py jaxnet/checks.py
    python -m bench.mutation --report              # count the last runs' results again
    python -m bench.mutation --verify --only jaxnet/checks.py   # the survivors again, fresh
    python -m bench.mutation --verify --only reference/checker/rates.py --with tests/test_checker_heldout.py
    python -m bench.mutation --verify --sample 60 --only ...   # 60 mutants a stopped run left, at random
    python -m bench.mutation --changed-since main  # only the functions a change touches
    python -m bench.mutation --count               # mutants per module, without running them
    python -m bench.mutation --resume --only ...   # go on with a run that was stopped

Each module runs in a folder of its own, .mutation/MODULE/, holding a copy of the sources and
tests and a pyproject.toml whose ``[tool.mutmut]`` is the project's with two changes: only that
module is mutated, and the tests are that module's row of ``[tool.jaxnet.mutation]``. There
``mutmut run`` runs the selection once to learn which tests reach which function, then each
mutant against only the tests that reach its function. This times each module's run and
counts its mutants by status from mutmut's record (mutants/MODULE.meta). Modules run together
whose rows are the same share one folder and one ``mutmut run`` (the first module's folder;
the others' hold a ``shared_run`` file naming it): the selection runs once for all of them.

``--changed-since REV`` runs, in each module that ``git diff REV`` touches, only the mutants of
the functions whose lines it touches (mutmut's ``run NAME...``); mutmut still runs the
module's row once to learn which tests reach which function.

``--resume`` goes on with a run that was stopped (a long one across sessions): the modules'
folder is kept as it is, sources and tests, and mutmut runs only the mutants it holds no result
for; the time is added to the last run's. It refuses modules edited since the run began. A run
stopped with Ctrl-C records its modules' counts and time so far in ``--out`` and starts no other.

``--verify`` runs a module's last run's survivors (and untested mutants) again outside mutmut,
with the tests as they are now, without running the module again (those an earlier ``--verify``
killed stand and are not run again): each mutant is written into
a copy of the module as ``mutmut apply`` writes it and run by bench.deletion's runner (a first
run of the row under coverage, which must pass; then each mutant in a fresh process against the
tests that execute its lines, fastest first, ``--max-children`` at once). It scores new tests,
and the mutants mutmut cannot see: its workers are forked from a process that imported the
unmutated modules, so a mutant whose effect is fixed at import (a table built by calling the
mutated function at import) is not in force there.

``--verify --sample N`` runs, in the same way, N of the mutants a stopped run has not reached,
drawn at random across its modules, and keeps their statuses apart (``sampled``): the killed share
of them, with its 95% interval, estimates the score of the run's rest without running all of it.

A module's score is killed / (mutants - equivalent), timeouts counted as killed: the equivalent
mutants, which no test can tell from the real code, are listed in EQUIVALENT with the reason
(docs/verification.md, "Mutation testing").
"""

import argparse
import difflib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import time
import tomllib
from collections import Counter
from importlib import metadata
from pathlib import Path

from bench import changes
from bench.equivalent import EQUIVALENT
from jaxnet.cli import machine

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / ".mutation"
# JAX's persistent compilation cache, shared by every mutant's process: a mutant that leaves
# a program's HLO unchanged (host code, or a traced function its tests do not reach) loads
# the program compiled by an earlier process instead of compiling it again. The cache's key
# is the program itself, so a mutant that changes a program compiles its own.
XLA_CACHE = WORK / "xla-cache"


def _env(cache=XLA_CACHE):
    """The environment of a mutation run: no bytecode written beside a mutated source, and
    one compilation cache for every process."""
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1",
            "JAX_COMPILATION_CACHE_DIR": str(cache),
            "JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS": "0",
            "JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES": "0"}

# mutmut's exit codes, as its stats module reads them (mutmut.stats.status_by_exit_code).
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", 34: "skipped",
          36: "timeout", -24: "timeout", 24: "timeout", 152: "timeout", 255: "timeout",
          37: "caught by type check", -11: "segfault", -9: "segfault", None: "not checked"}


STOPPED = "stopped"  # a run's exit code when it was interrupted (Ctrl-C)
KILLED_AGAIN = ("killed", "timeout")  # the statuses of a mutant --verify killed


def pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def modules():
    """The table ``[tool.jaxnet.mutation]``: module path -> pytest arguments for its tests."""
    return pyproject()["tool"]["jaxnet"]["mutation"]


def workdir(path):
    return WORK / path.removesuffix(".py").replace("/", ".")


def _toml(table):
    # Strings, numbers, booleans and lists of them: JSON writes them as TOML reads them.
    return "".join(f"{key} = {json.dumps(value)}\n" for key, value in table.items())


def run_folder(path):
    """The folder of a module's last run: its own, or the one it shared with modules of the same
    row (named in its ``shared_run``)."""
    own = workdir(path)
    shared = own / "shared_run"
    return WORK / shared.read_text().strip() if shared.exists() else own


def prepare(path, tests, work=None):
    """A fresh folder for one module's run (``work``, by default ``workdir(path)``): sources,
    tests, and mutmut's config for it. ``path`` may be a list of modules that share ``tests``,
    mutated in one run in the first one's folder."""
    paths = [path] if isinstance(path, str) else list(path)
    work = work or workdir(paths[0])
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.egg-info")
    # docs and bench: the tests hold the docs' tables to the code and score held-out nets by bench's rule
    for name in ("jaxnet", "jaxnet_start", "reference", "tests", "docs", "bench"):
        shutil.copytree(ROOT / name, work / name, ignore=skip)
    for name in ("conftest.py", "README.md"):
        shutil.copy2(ROOT / name, work / name)
    tool = pyproject()["tool"]
    mutmut = {**tool["mutmut"], "only_mutate": paths, "pytest_add_cli_args_test_selection": tests}
    (work / "pyproject.toml").write_text("[tool.pytest.ini_options]\n" + _toml(tool["pytest"]["ini_options"])
                                         + "\n[tool.mutmut]\n" + _toml(mutmut))
    return work


def count(path):
    """One module's mutants by status, from mutmut's record of it (None if it never ran)."""
    meta = run_folder(path) / "mutants" / (path + ".meta")
    if not meta.exists():
        return None
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    statuses = {name: STATUS.get(code, "suspicious") for name, code in codes.items()}
    equivalent = sorted(n for n, s in statuses.items() if s == "survived" and n in EQUIVALENT)
    survived = sorted(n for n, s in statuses.items() if s == "survived" and n not in EQUIVALENT)
    counts = Counter(statuses.values())
    checked = len(codes) - counts["not checked"]
    killed = counts["killed"] + counts["timeout"]
    scored = checked - len(equivalent)
    return {"mutants": len(codes), "checked": checked, "killed": killed,
            "timeout": counts["timeout"], "survived": len(survived),
            "equivalent": len(equivalent), "no_tests": counts["no tests"],
            "other": checked - killed - len(survived) - len(equivalent) - counts["no tests"],
            "score": round(killed / scored, 4) if scored else None,
            "surviving": survived,
            "untested": sorted(n for n, s in statuses.items() if s == "no tests")}


def mutant_names(path, source, functions=None):
    """mutmut's names of a module's mutants, as it generates them from ``source``: all, or
    those of the functions named in ``functions`` (mutmut's names: x_f, xǁClassǁm)."""
    from mutmut.mutation.file_mutation import mutate_file_contents

    names = mutate_file_contents(path, source).mutant_names
    if functions is not None:
        names = [n for n in names if n.partition("__mutmut_")[0] in functions]
    return [f"{changes.module_name(path)}.{n}" for n in names]


def planned(paths, rev):
    """{module: the mutant names to run (None: all)} for the modules with mutants; with a
    base commit ``rev``, only the mutants of the functions its diff touches."""
    touched = changes.changed_lines(rev) if rev else None
    plan = {}
    for path in paths:
        source = (ROOT / path).read_text()
        functions = (changes.touched_functions(source, touched.get(path, ()))
                     if touched is not None else None)
        if functions == []:
            continue  # untouched: no need to generate its mutants
        names = mutant_names(path, source, functions)
        if names:
            plan[path] = names if touched is not None else None
    return plan


def run(path, tests, max_children, names=None, resume=False):
    """``mutmut run`` (of the named mutants only, if given) in the module's folder at nice 19
    (the machine is shared): its wall time in seconds (mutant generation, the test-selection
    run and the mutants) and exit code. ``path`` may be a list of modules of one row: one run
    in the first one's folder, which the others' ``shared_run`` names. ``resume``: in the
    folder as the stopped run left it, where mutmut skips the mutants it has results for."""
    paths = [path] if isinstance(path, str) else list(path)
    work = workdir(paths[0])
    if resume and (work / "mutants").is_dir():
        edited = [p for p in paths if (work / p).read_text() != (ROOT / p).read_text()]
        if edited:
            raise SystemExit(f"{', '.join(edited)} changed since the run began: run again without --resume")
    else:
        work = prepare(paths, tests)
    for other in paths[1:]:
        shutil.rmtree(workdir(other), ignore_errors=True)
        workdir(other).mkdir(parents=True)
        (workdir(other) / "shared_run").write_text(work.name + "\n")
    cmd = [sys.executable, "-m", "mutmut", "run", "--max-children", str(max_children), *(names or ())]
    env = _env()
    start = time.perf_counter()
    try:
        with open(work / "mutmut.log", "a" if resume else "w") as log:
            code = subprocess.run(cmd, cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env,
                                  preexec_fn=lambda: os.nice(19)).returncode
    except KeyboardInterrupt:  # stopped by hand: mutmut's results so far stand, for --resume
        code = STOPPED
    seconds = time.perf_counter() - start
    if code != 0:
        sys.stderr.write(f"{', '.join(paths)}: mutmut {'was stopped' if code == STOPPED else f'exited {code}'}; "
                         f"see {work / 'mutmut.log'}\n")
    return round(seconds, 1), code


def applied(path, source, names):
    """mutmut's mutants ``names`` of a module as whole sources, each function replaced by its
    mutant as ``mutmut apply`` writes it: bench.deletion.Mutant's, with the lines the mutant
    changes (in the unmutated source's numbering)."""
    import libcst as cst
    from mutmut.mutation.diff_apply import find_top_level_function_or_method, read_mutant_function
    from mutmut.mutation.file_mutation import mutate_file_contents

    from bench.deletion import Mutant

    original, generated = cst.parse_module(source), cst.parse_module(mutate_file_contents(path, source).code)
    old, prefix, found = source.splitlines(), changes.module_name(path) + ".", []
    for name in names:
        function = read_mutant_function(generated, name.removeprefix(prefix))
        target = find_top_level_function_or_method(original, function.name.value)
        mutated = original.deep_replace(target, function).code
        differ = [(i1, i2) for tag, i1, i2, _, _ in
                  difflib.SequenceMatcher(None, old, mutated.splitlines(), autojunk=False).get_opcodes()
                  if tag != "equal"]
        first, last = differ[0][0] + 1, max(differ[-1][1], differ[-1][0] + 1)
        found.append(Mutant(name, "mutmut", first, last, mutated))
    return found


def not_run(path):
    """The mutants of a module's last run that mutmut holds no result for (a stopped run's rest)."""
    meta = run_folder(path) / "mutants" / (path + ".meta")
    codes = json.loads(meta.read_text())["exit_code_by_key"] if meta.exists() else {}
    return sorted(n for n, code in codes.items() if code is None)


def drawn(paths, size, seed=0):
    """{path: names}: ``size`` of the modules' mutants not run yet, drawn at random across them
    (a seeded shuffle, so a larger sample holds a smaller one)."""
    pool = [(path, name) for path in paths for name in not_run(path)]
    random.Random(seed).shuffle(pool)
    return {path: [n for p, n in pool[:size] if p == path] for path in paths}


def interval(k, n, z=1.96):
    """Wilson's 95% interval for a proportion of k in n."""
    if not n:
        return None
    p, spread = k / n, z * math.sqrt(k * (n - k) / n + z * z / 4) / n
    centre, half = (p + z * z / (2 * n)) / (1 + z * z / n), spread / (1 + z * z / n)
    return [round(centre - half, 4), round(centre + half, 4)]


def verify(paths, tests, jobs=1, killed=(), sample=None):
    """Each surviving or untested mutant of the modules' last run (modules that share the row
    ``tests``), run again outside mutmut with the tests as they are now; yields (path, {mutant:
    status}) as each module is done. bench.deletion's runner: the mutant written into the
    module's copy, a fresh process, the tests that execute its lines fastest first (every test
    for a line run at import). ``killed``: mutants an earlier --verify killed (with ``sample``:
    the ones sampled before), not run again. ``sample``: instead of the survivors, that many of
    the mutants mutmut has not run, drawn at random across the modules."""
    chosen = {}
    picked = drawn(paths, sample) if sample else None
    for path in paths:
        source = (ROOT / path).read_text()
        if (run_folder(path) / path).read_text() != source:
            raise SystemExit(f"{path} changed since its last run: run it again instead of --verify")
        last = count(path) or {}
        names = picked[path] if sample else last.get("surviving", []) + last.get("untested", [])
        names = [n for n in names if n not in killed]
        if names:
            chosen[path] = applied(path, source, names)
    yield from ((path, {}) for path in paths if path not in chosen)
    if chosen:
        from bench import deletion_run
        work = WORK / "verify" / workdir(paths[0]).name
        for path, statuses, _ in deletion_run.run_modules(chosen, tests, jobs, work):
            yield path, statuses


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    table = modules()
    p.add_argument("--only", nargs="+", choices=list(table), default=list(table), metavar="MODULE",
                   help="modules to run (default: all, in the table's order)")
    p.add_argument("--max-children", type=int, default=2, help="mutants run at once")
    p.add_argument("--report", action="store_true", help="run nothing; count the last runs")
    p.add_argument("--verify", action="store_true",
                   help="run the last runs' survivors again, each in a fresh process, with the tests as they are now")
    p.add_argument("--sample", type=int, metavar="N",
                   help="with --verify: instead of the survivors, N mutants mutmut has not run yet, drawn at random "
                        "across the modules (an estimate of their score, kept apart as 'sampled')")
    p.add_argument("--with", nargs="+", default=[], metavar="TEST", dest="also",
                   help="with --verify: tests run beside each row's (the checker's held-out nets)")
    p.add_argument("--changed-since", metavar="REV",
                   help="only the mutants of the functions that `git diff REV` touches")
    p.add_argument("--count", action="store_true", help="count each module's mutants; run nothing")
    p.add_argument("--resume", action="store_true",
                   help="go on with the last run where it stopped, adding to its time")
    p.add_argument("--out", help="also write the JSON here (merged into it when it exists)")
    args = p.parse_args(argv)
    if args.sample is not None and not (args.verify and args.sample > 0):
        p.error("--sample takes a positive number, with --verify")
    kept = "sampled" if args.sample else "verified"  # where --verify's statuses go
    if args.count:
        counts = {path: len(mutant_names(path, (ROOT / path).read_text())) for path in args.only}
        print(json.dumps({"modules": counts, "mutants": sum(counts.values())}, indent=1))
        return 0
    plan = ({path: None for path in args.only} if args.report or args.verify
            else planned(args.only, args.changed_since))
    previous = {}
    if args.out and Path(args.out).exists():
        previous = json.loads(Path(args.out).read_text()).get("modules", {})
    result = {"tool": f"mutmut {metadata.version('mutmut')}", "cpu": machine.cpu_name(),
              "cpu_count": os.cpu_count(), "changed_since": args.changed_since,
              "modules": dict(previous)}
    if not (args.report or args.verify or args.resume):
        shutil.rmtree(XLA_CACHE, ignore_errors=True)  # a run's time includes its compilations
    ran = {}  # module -> (seconds, exit code, the group's first module) of the run it took part in
    verified, verifying = {}, {}  # module -> {mutant: status} of --verify; row -> its verify()
    for path, names in plan.items():
        if STOPPED in {code for _, code, _ in ran.values()} and path not in ran:
            continue  # after an interrupt: the stopped run's modules are recorded, no other runs
        entry = dict(previous.get(path, {}))
        group = [p for p in plan if table[p] == table[path]]  # the modules of its row
        if args.verify:
            row = tuple(table[path])
            if row not in verifying:
                killed = {n for p in group for n, s in previous.get(p, {}).get(kept, {}).items()
                          if s in KILLED_AGAIN or args.sample}
                verifying[row] = verify(group, [*table[path], *args.also], args.max_children, killed, args.sample)
            while path not in verified:  # each module recorded as soon as it is done
                done, statuses = next(verifying[row])
                verified[done] = statuses
            entry[kept] = {**entry.get(kept, {}), **verified[path]}  # kills of an earlier one stand
        elif not args.report:
            if not args.resume:  # a resumed run keeps the results its mutants had, --verify's too
                entry.pop("verified", None)
            if path not in ran:
                named = None if any(plan[p] is None for p in group) else [n for p in group for n in plan[p]]
                seconds, code = run(group, table[path], args.max_children, named, args.resume)
                if args.resume:
                    seconds = round(seconds + previous.get(path, {}).get("seconds", 0.0), 1)
                ran.update({p: (seconds, code, path) for p in group})
            seconds, entry["mutmut_exit"], first = ran[path]
            entry["seconds"] = seconds if first == path else 0.0  # the group's time, counted once
            entry.pop("run_with", None)
            entry.update({"run_with": first} if first != path else {})
        entry.update(count(path) or {})
        if entry.get("checked"):
            again = entry.get("verified", {})
            entry["killed_on_verify"] = sum(again.get(n) in KILLED_AGAIN
                                            for n in entry["surviving"] + entry["untested"])
            entry["score_after_verify"] = round(
                (entry["killed"] + entry["killed_on_verify"]) / (entry["checked"] - entry["equivalent"]), 4)
        result["modules"][path] = entry
        result["total"] = total(result["modules"])
        print(f"{path}: {json.dumps({k: v for k, v in entry.items() if k not in ('surviving', 'untested', 'verified')})}",
              file=sys.stderr, flush=True)
        if args.out:  # after every module: a run stopped halfway keeps what it did
            Path(args.out).write_text(json.dumps(result, indent=1) + "\n")
    print(json.dumps(result, indent=1))
    return 0


def total(modules):
    ran = [m for m in modules.values() if m.get("checked")]
    killed = sum(m["killed"] for m in ran)
    scored = sum(m["checked"] - m["equivalent"] for m in ran)
    newly = sum(m.get("killed_on_verify", 0) for m in ran)
    return {"modules": len(ran), "mutants": sum(m["mutants"] for m in ran),
            "killed": killed, "scored": scored,
            "score": round(killed / scored, 4) if scored else None,
            "killed_on_verify": newly,
            "score_after_verify": round((killed + newly) / scored, 4) if scored else None,
            "seconds": round(sum(m.get("seconds", 0) for m in modules.values()), 1),
            **sampled(modules)}


def sampled(modules):
    """{"sample": ...} of the mutants --sample ran (none: {}): how many, killed, equivalent, and
    the killed share of the rest with its 95% interval."""
    statuses = {n: s for m in modules.values() for n, s in m.get("sampled", {}).items()}
    if not statuses:
        return {}
    equivalent = sum(s == "survived" and n in EQUIVALENT for n, s in statuses.items())
    killed = sum(s in KILLED_AGAIN for s in statuses.values())
    scored = len(statuses) - equivalent
    return {"sample": {"mutants": len(statuses), "killed": killed, "equivalent": equivalent,
                       "score": round(killed / scored, 4) if scored else None, "interval_95": interval(killed, scored)}}


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:  # a --verify stopped by hand: the modules done are already in --out
        sys.exit("stopped by hand: the modules done so far are in --out")
