"""The mutation tools (bench/, not installed): bench.deletion's mutants of a small source, what a
diff touches (bench.changes), the mutation plugin's ordering and the rows of every module.
Fast tier: in-process, nothing runs the project's suite (one test runs pytest on a two-file folder)."""

import ast
import contextlib
import json
import os
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from bench import changes, deletion, deletion_run, mutation

ROOT = Path(__file__).resolve().parent.parent

SOURCE = '''\
"""A module."""
import sys

CONSTANT = make(1, 2)


def f(x, sharding):
    log("f")
    x = constrain(x, sharding)
    y: int = combine(x + 1,
                     2)
    z = fresh()
    w = spread(*x)
    if x is None:
        raise ValueError("no x")
    return x + y + z + w


class C:
    raise RuntimeError("class body")

    def m(self):
        self.reset()


if __name__ == "__main__":
    sys.exit(f(1, 2))
'''


def _by_statement():
    return {m.key.split("::", 3)[3]: m for m in deletion.mutants(SOURCE, "m.py")}


def test_deletion_makes_each_operators_mutant_once():
    """Each operator's sites and nothing else: calls without a positional argument and
    starred first arguments are left alone, and so is the __main__ block."""
    found = deletion.mutants(SOURCE, "m.py")
    assert [(m.operator, m.first, m.last) for m in found] == [
        ("argument", 4, 4), ("call", 8, 8), ("argument", 9, 9), ("argument", 10, 11),
        ("raise", 15, 15), ("raise", 20, 20), ("call", 23, 23)]
    assert [m.key.split("::")[1] for m in found] == ["<module>", "f", "f", "f", "f", "C", "C.m"]


def test_each_deletion_mutant_changes_only_its_statement():
    """The mutated module parses, and differs from the original exactly at the statement:
    a call statement is pass, an assignment takes the call's first positional argument
    (parenthesised when it is an expression), raise is return in a function, pass elsewhere."""
    lines = SOURCE.splitlines()
    expected = {
        "CONSTANT = make(1, 2)": {4: "CONSTANT = 1"},
        "log('f')": {8: "    pass"},
        "x = constrain(x, sharding)": {9: "    x = x"},
        "y: int = combine(x + 1, 2)": {10: "    y: int = (x + 1)", 11: None},
        "raise ValueError('no x')": {15: "        return"},
        "raise RuntimeError('class body')": {20: "    pass"},
        "self.reset()": {23: "        pass"},
    }
    for statement, mutant in _by_statement().items():
        ast.parse(mutant.source)
        want = [expected[statement].get(n + 1, line) for n, line in enumerate(lines)]
        assert mutant.source.splitlines() == [line for line in want if line is not None], statement


def test_deletion_keys_are_unique_and_survive_edits_elsewhere():
    twice = SOURCE.replace('    log("f")\n', '    log("f")\n    log("f")\n')
    keys = [m.key for m in deletion.mutants(twice, "m.py")]
    assert len(keys) == len(set(keys))
    assert "m.py::f::call::log('f') #2" in keys
    shifted = "# a comment\n" + SOURCE
    assert ([m.key for m in deletion.mutants(shifted, "m.py")]
            == [m.key for m in deletion.mutants(SOURCE, "m.py")])


def test_deletion_edits_utf8_sources_at_their_byte_columns():
    source = 'def g(x):\n    note = "π²"; tell(note)\n    return x\n'
    (mutant,) = deletion.mutants(source, "u.py")
    assert mutant.source == 'def g(x):\n    note = "π²"; pass\n    return x\n'


def test_deletion_score_counts_timeouts_as_killed_and_untested_as_not():
    statuses = {"a": "killed", "b": "timeout", "c": "survived", "d": "no tests", "e": "survived"}
    counts = deletion.score(statuses, equivalent={"e": "the same"})
    assert counts["killed"] == 2 and counts["timeout"] == 1 and counts["equivalent"] == 1
    assert counts["surviving"] == ["c"] and counts["untested"] == ["d"]
    assert counts["score"] == round(2 / 4, 4)


def test_deletion_statuses_from_pytests_exit():
    assert [deletion_run.status(c) for c in (0, 1, 2, None, -9, 4, 5)] == [
        "survived", "killed", "killed", "timeout", "killed", "error", "error"]


def test_a_mutant_that_breaks_the_conftests_import_is_killed(tmp_path):
    """pytest exits 4 (a usage error) when the conftest, or a selected test's module, cannot import
    the mutated package: the mutant is killed; exit 4 for anything else stays the tool's own error."""
    (tmp_path / "conftest.py").write_text("import missing_module_of_the_mutant\n")
    (tmp_path / "test_x.py").write_text("def test_x():\n    pass\n")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 4
    assert deletion_run.status(proc.returncode, proc.stdout + proc.stderr) == "killed"
    assert deletion_run.status(4, "ERROR: file or directory not found: tests/x.py") == "error"
    test_module = tmp_path / "test_x.py"
    (tmp_path / "conftest.py").write_text("")
    test_module.write_text("import missing_module_of_the_mutant\n\n\ndef test_x():\n    pass\n")
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"{test_module}::test_x"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 4  # "found no collectors", after the module's collection error
    assert deletion_run.status(proc.returncode, proc.stdout + proc.stderr) == "killed"


def test_a_mutant_that_removes_a_test_parameter_runs_the_tests_that_remain(tmp_path):
    """A mutant that deletes one of a parametrized test's values makes its recorded id vanish (pytest:
    "not found", exit 4): the test's remaining parameters run instead, and here one fails."""
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "mutation_plugin.py").write_text("")
    (tmp_path / "m.py").write_text("VALUES = [1, 2]\nSUM = 3\n")
    (tmp_path / "tests" / "test_m.py").write_text(
        "import pytest\nimport m\n\n\n@pytest.mark.parametrize('v', m.VALUES)\n"
        "def test_v(v):\n    assert sum(m.VALUES) == m.SUM\n")
    mutant = deletion.Mutant("m.py::VALUES", "argument", 1, 1, "VALUES = [1]\nSUM = 3\n")
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    tests = ["tests/test_m.py::test_v[2]"]
    assert deletion_run.run_mutant(tmp_path, "m.py", mutant, tests, 120, env) == "killed"
    assert (tmp_path / "m.py").read_text() == "VALUES = [1, 2]\nSUM = 3\n"  # the module put back


def test_a_mutants_tests_are_those_that_execute_its_lines_or_all_after_import():
    by_line = {3: {"t.py::a"}, 4: {"t.py::b", "t.py::a"}, 9: {""}}
    every = {"t.py::a": 1.0, "t.py::b": 2.0, "t.py::c": 0.5}
    assert deletion_run.tests_for(3, 4, by_line, every) == ["t.py::a", "t.py::b"]
    assert deletion_run.tests_for(5, 6, by_line, every) == []
    assert deletion_run.tests_for(9, 9, by_line, every) == list(every)
    assert deletion_run.time_limit(["t.py::a", "t.py::b"], every, startup=4.0) == 10 * 7.0 + 10


DIFF = """\
diff --git a/jaxnet/a.py b/jaxnet/a.py
--- a/jaxnet/a.py
+++ b/jaxnet/a.py
@@ -3 +3 @@ def f():
-    return 1
+    return 2
@@ -10,0 +11,2 @@ def g():
+    one()
+    two()
@@ -20,2 +22,0 @@ def h():
-    gone()
-    gone()
diff --git a/jaxnet/old.py b/jaxnet/old.py
deleted file mode 100644
--- a/jaxnet/old.py
+++ /dev/null
@@ -1 +0,0 @@
-x = 1
"""


def test_a_diff_touches_its_new_lines_and_both_sides_of_a_removal():
    assert changes.parse_diff(DIFF) == {"jaxnet/a.py": {3, 11, 12, 22, 23}}


def test_touched_functions_are_named_as_mutmut_names_them():
    source = ("import jax\n\n\n@jax.jit\ndef f(x):\n    def inner():\n        return x\n"
              "    return inner()\n\n\nclass K:\n    def m(self):\n        return 1\n")
    assert changes.mutmut_functions(source) == {"x_f": (4, 8), "xǁKǁm": (12, 13)}
    assert changes.touched_functions(source, {7}) == ["x_f"]
    assert changes.touched_functions(source, {4, 13}) == ["x_f", "xǁKǁm"]
    assert changes.touched_functions(source, {1, 10}) == []
    assert changes.module_name("jaxnet/cli/common.py") == "jaxnet.cli.common"
    assert changes.module_name("reference/checker/__init__.py") == "reference.checker"


def test_changed_functions_mutmut_mutants_are_exactly_its_own():
    """bench.mutation --changed-since passes mutmut the names of the touched functions'
    mutants, as mutmut generates them."""
    pytest.importorskip("mutmut")

    source = "def f(x):\n    return x + 1\n\n\ndef g(x):\n    return x * 2\n"
    names = mutation.mutant_names("jaxnet/a.py", source, ["x_g"])
    assert names and all(n.startswith("jaxnet.a.x_g__mutmut_") for n in names)


def test_a_mutants_tests_run_fastest_first_by_bench_deletions_record(tmp_path, monkeypatch):
    """bench.deletion's mutants order their tests by the first run's durations, with the same
    ordering as mutmut's (module by module, modules by their fastest test)."""
    from tests import mutation_plugin

    seconds = {"a.py::slow": 9.0, "a.py::quick": 0.5, "b.py::one": 0.1}
    (tmp_path / "durations.json").write_text(json.dumps(seconds))

    class Item:
        def __init__(self, nodeid):
            self.nodeid = nodeid

    items = [Item(n) for n in ("a.py::slow", "a.py::quick", "b.py::one")]
    monkeypatch.delenv("MUTANT_UNDER_TEST", raising=False)
    monkeypatch.setenv("JAXNET_TEST_DURATIONS", str(tmp_path / "durations.json"))
    mutation_plugin.pytest_collection_modifyitems(None, items)
    assert [i.nodeid for i in items] == ["b.py::one", "a.py::quick", "a.py::slow"]


def test_mutation_verify_refuses_a_module_changed_since_its_run(tmp_path, monkeypatch):
    """--verify scores new tests against the mutants of the module as it was run: a module
    edited since would be scored against mutants of other code."""

    monkeypatch.setattr(mutation, "WORK", tmp_path)
    path = "jaxnet/checks.py"
    work = mutation.workdir(path)
    (work / "jaxnet").mkdir(parents=True)
    (work / path).write_text((mutation.ROOT / path).read_text() + "# edited\n")
    with pytest.raises(SystemExit, match="changed since its last run"):
        next(mutation.verify([path], ["tests/test_validation.py"]))
    assert (work / path).read_text().endswith("# edited\n")  # nothing touched


def test_a_mutants_tests_run_fastest_first_module_by_module(tmp_path, monkeypatch):
    """The mutation plugin's ordering under mutmut: by the recorded durations, a module's
    tests together, modules by their fastest test; untouched outside a mutant's run."""
    import json

    from tests import mutation_plugin as root
    seconds = {"a.py::slow": 9.0, "a.py::quick": 0.5, "b.py::one": 0.1, "b.py::two": 7.0,
               "c.py::x": 3.0}
    (tmp_path / "mutmut-stats.json").write_text(json.dumps({"duration_by_test": seconds}))
    monkeypatch.chdir(tmp_path)
    order = ["a.py::slow", "a.py::quick", "c.py::x", "b.py::two", "b.py::one"]

    class Item:  # hashable, as pytest's are
        def __init__(self, nodeid):
            self.nodeid = nodeid

    def ordered():
        items = [Item(n) for n in order]
        root.pytest_collection_modifyitems(None, items)
        return [item.nodeid for item in items]

    monkeypatch.setenv("MUTANT_UNDER_TEST", "stats")
    assert ordered() == order
    monkeypatch.setenv("MUTANT_UNDER_TEST", "jaxnet.model.x_loss__mutmut_3")
    assert ordered() == ["b.py::one", "b.py::two", "a.py::quick", "a.py::slow", "c.py::x"]


def test_every_module_of_the_package_has_a_row_of_tests():
    """[tool.jaxnet.mutation] names every module of jaxnet/, jaxnet_start/ and reference/
    (the programs and the checker included), and each row names test files that exist."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    rows = config["tool"]["jaxnet"]["mutation"]
    package = {str(p.relative_to(ROOT)) for folder in ("jaxnet", "jaxnet_start", "reference")
               for p in (ROOT / folder).rglob("*.py")}
    assert set(rows) == package
    for module, args in rows.items():
        files = [a.split("::")[0] for a in args if a.startswith("tests/")]
        assert files and all((ROOT / f).exists() for f in files), module


def test_a_deletion_report_moves_survivors_listed_since_to_equivalent():
    entry = {"mutants": 4, "killed": 2, "equivalent": 0, "survived": 2, "surviving": ["a", "b"]}
    again = deletion.rescored(entry, equivalent={"b": "the same"})
    assert again["surviving"] == ["a"] and again["survived"] == 1 and again["equivalent"] == 1
    assert again["equivalent_mutants"] == ["b"] and again["score"] == round(2 / 3, 4)


def test_deletion_survivors_run_again_alone_and_merge_into_the_last_run(tmp_path, monkeypatch):
    """--survivors: only the mutants the last run left surviving or untested are chosen, and
    their new statuses are merged into its counts (the mutants killed then stay killed)."""
    module = next(iter(deletion.mutation.modules()))
    with pytest.raises(SystemExit, match="--survivors reads the last runs from --out"):
        deletion.main(["--survivors", "--only", module, "--out", str(tmp_path / "absent.json")])
    (tmp_path / "m.py").write_text(SOURCE)
    monkeypatch.setattr(deletion.mutation, "ROOT", tmp_path)
    keys = [m.key for m in deletion.mutants(SOURCE, "m.py")]
    a, b, c = keys[:3]
    last = {"m.py": {"mutants": len(keys), "killed": len(keys) - 3, "timeout": 0, "equivalent": 0,
                     "surviving": [a, b], "untested": [c], "seconds": 10.0}}
    chosen = deletion.selected(["m.py"], None, last)
    assert [m.key for m in chosen["m.py"]] == [a, b, c]
    entry = deletion.merged(last["m.py"], {a: "killed", b: "survived", c: "timeout"},
                            {"seconds": 5.0, "record_seconds": 2.0}, equivalent={})
    assert entry["killed"] == len(keys) - 1 and entry["timeout"] == 1
    assert entry["surviving"] == [b] and entry["untested"] == [] and entry["no_tests"] == 0
    assert entry["score"] == round((len(keys) - 1) / len(keys), 4) and entry["seconds"] == 15.0
    listed = deletion.merged(last["m.py"], {a: "survived", b: "survived", c: "no tests"},
                             {"seconds": 5.0, "record_seconds": 2.0}, equivalent={a: "the same"})
    assert listed["equivalent_mutants"] == [a] and listed["surviving"] == [b] and listed["untested"] == [c]
    assert listed["score"] == round((len(keys) - 3) / (len(keys) - 1), 4)


def test_modules_sharing_a_row_share_one_first_run(monkeypatch):
    calls = []

    def run_modules(group, row, jobs):
        calls.append((list(group), row, jobs))
        for path in group:
            yield path, {f"{path}::k": "killed"}, {"seconds": 1.0}

    monkeypatch.setattr(deletion_run, "run_modules", run_modules)
    monkeypatch.setattr(deletion_run, "clear_cache", lambda: None)
    table = {"a.py": ["tests/t.py"], "b.py": ["tests/u.py"], "c.py": ["tests/t.py"]}
    chosen = {"a.py": ["m"], "b.py": ["m"], "c.py": ["m"]}
    result = deletion.run_modules(chosen, table, {"modules": {}}, jobs=2)
    assert calls == [(["a.py", "c.py"], ["tests/t.py"], 2), (["b.py"], ["tests/u.py"], 2)]
    assert sorted(result["modules"]) == ["a.py", "b.py", "c.py"]
    assert result["total"]["killed"] == 3


def test_one_first_run_records_the_lines_of_every_module_of_a_row(tmp_path):
    """bench.deletion's first run under coverage, on a two-module folder: each module's lines
    map to the tests that execute them (test ids as pytest names them)."""
    pytest.importorskip("coverage", reason="the mutation tools' extra: pip install -e '.[mutation]'")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "__init__.py").write_text("")
    (tmp_path / "tests" / "mutation_plugin.py").write_text(
        (ROOT / "tests" / "mutation_plugin.py").read_text())
    (tmp_path / "m1.py").write_text("def one():\n    return 1\n")
    (tmp_path / "m2.py").write_text("def two():\n    return 2\n")
    (tmp_path / "tests" / "test_m.py").write_text(
        "import m1\nimport m2\n\n\ndef test_one():\n    assert m1.one() == 1\n\n\n"
        "def test_two():\n    assert m2.two() == 2\n")
    by_path, durations, _ = deletion_run.record(tmp_path, ["m1.py", "m2.py"], ["tests/test_m.py"])
    assert by_path["m1.py"][2] == {"tests/test_m.py::test_one"}
    assert by_path["m2.py"][2] == {"tests/test_m.py::test_two"}
    assert by_path["m1.py"][1] == {""}  # the def runs at import, outside every test
    assert sorted(durations) == ["tests/test_m.py::test_one", "tests/test_m.py::test_two"]


def test_mutants_run_two_at_once_each_in_a_folder_of_its_own(tmp_path, monkeypatch):
    """--jobs 2: the first run's folder and a copy of it; no two mutants share a folder at
    once, and each mutant's status lands under its own key, in the module's order; a mutant
    of a line no test executes runs against the whole row ("no tests" if it survives)."""
    import threading

    work = tmp_path / "m"
    work.mkdir()
    (work / "m.py").write_text("x = 1\n")
    monkeypatch.setattr(deletion_run, "workdir", lambda path: work)
    monkeypatch.setattr(deletion_run.mutation, "prepare", lambda path, tests, folder: folder)
    monkeypatch.setattr(deletion_run, "record", lambda w, paths, tests: ({"m.py": {1: {"t"}}}, {"t": 1.0, "u": 1.0},
                                                                         2.0))
    busy, used, lock = set(), [], threading.Lock()

    ran = {}

    def run_mutant(folder, path, mutant, tests, limit, env):
        with lock:
            assert folder not in busy
            busy.add(folder)
            used.append(folder)
            ran[mutant.key] = tests
        time.sleep(0.05)
        with lock:
            busy.discard(folder)
        return "killed" if mutant.key.endswith(("0", "2", "4")) else "survived"

    monkeypatch.setattr(deletion_run, "run_mutant", run_mutant)
    mutants = [deletion.Mutant(f"m.py::k{n}", "call", 1, 1, "") for n in range(4)]
    mutants += [deletion.Mutant(f"m.py::k{n}", "call", 2, 2, "") for n in (4, 5)]  # a line no test executes
    ((path, statuses, seconds),) = list(deletion_run.run_modules({"m.py": mutants}, ["t"], jobs=2))
    assert list(statuses.items()) == [("m.py::k0", "killed"), ("m.py::k1", "survived"),
                                      ("m.py::k2", "killed"), ("m.py::k3", "survived"),
                                      ("m.py::k4", "killed"), ("m.py::k5", "no tests")]
    assert ran["m.py::k0"] == ["t"] and ran["m.py::k4"] == ran["m.py::k5"] == ["t", "u"]  # then the whole row
    assert set(used) == {work, tmp_path / "m.2"} and (tmp_path / "m.2" / "m.py").read_text() == "x = 1\n"
    assert seconds["jobs"] == 2


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads Linux's /proc")
def test_a_run_stopped_by_ctrl_c_starts_no_other_mutant_and_kills_the_one_under_way(tmp_path, monkeypatch):
    """Ctrl-C while a mutant's tests run (here a process that sleeps 30 s): the interrupt reaches
    the caller, that process is killed rather than waited for, and none of the mutants queued
    after it starts."""
    import signal
    import threading

    work = tmp_path / "m"
    work.mkdir()
    monkeypatch.setattr(deletion_run.mutation, "prepare", lambda path, tests, folder: folder)
    monkeypatch.setattr(deletion_run, "record", lambda w, paths, tests: ({"m.py": {1: {"t"}}}, {"t": 1.0}, 1.0))
    started, under_way, pid_file, done = [], threading.Event(), tmp_path / "pid", tmp_path / "done"
    sleeper = (f"import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid())); time.sleep(30); "
               f"open({str(done)!r}, 'w')")

    def run_mutant(folder, path, mutant, tests, limit, env):
        started.append(mutant.key)
        if mutant.key.endswith("k0"):
            under_way.set()
            return deletion_run.status(*deletion_run._run([sys.executable, "-c", sleeper], folder, env,
                                                          folder / "log")[:1])
        return "killed"

    def interrupt():
        under_way.wait(30)
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.01)
        signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    monkeypatch.setattr(deletion_run, "run_mutant", run_mutant)
    mutants = [deletion.Mutant(f"m.py::k{n}", "call", 1, 1, "") for n in range(4)]
    threading.Thread(target=interrupt, daemon=True).start()
    try:
        with pytest.raises(KeyboardInterrupt):
            list(deletion_run.run_modules({"m.py": mutants}, ["t"], jobs=1, work=work))
        pid = int(pid_file.read_text())
        assert started == ["m.py::k0"] and not done.exists()
        with pytest.raises(ProcessLookupError):  # killed, not left to finish, and reaped by the run
            os.kill(pid, 0)
    finally:
        with contextlib.suppress(OSError, ValueError):
            os.kill(int(pid_file.read_text()), 9)


def test_a_first_run_forgets_shared_results_before_each_test(monkeypatch):
    """So that coverage and mutmut see each test compute what it reads: the checked nets tests
    share, and the package's memoised results, are forgotten in a first run."""
    import functools
    import types

    from tests import mutation_plugin
    from tests.checker_impls import inprocess

    module = types.ModuleType("jaxnet_forgetting_example")
    module.square = functools.lru_cache(lambda x: x * x)
    module.square(3)
    monkeypatch.setitem(sys.modules, module.__name__, module)
    monkeypatch.setitem(inprocess._RESULTS, "a net", "its result")
    mutation_plugin._forget_results()
    assert module.square.cache_info().currsize == 0 and "a net" not in inprocess._RESULTS


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="reads Linux's /proc")
def test_a_deletion_run_kills_what_its_processes_left_in_sessions_of_their_own(tmp_path):
    """A mutant may stop the checker from killing its child, which runs in a session of its own:
    bench.deletion's run kills every process started under it, its group's or not."""
    pid_file = tmp_path / "pid"
    script = ("import subprocess, sys\n"
              "p = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'], start_new_session=True)\n"
              f"open({str(pid_file)!r}, 'w').write(str(p.pid))\n")
    code, _ = deletion_run._run([sys.executable, "-c", script], tmp_path, dict(os.environ), tmp_path / "log")
    pid = int(pid_file.read_text())
    try:
        assert code == 0
        stat = Path(f"/proc/{pid}/stat")
        for _ in range(100):  # SIGKILL is sent at once; the process may take a moment to go
            if not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z":
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"process {pid} outlived the run")
    finally:
        with contextlib.suppress(OSError):
            os.kill(pid, 9)


def test_mutmut_runs_the_modules_of_one_row_together_in_one_folder(tmp_path, monkeypatch):
    """bench.mutation: modules with the same row share one ``mutmut run`` (one selection run),
    in the first one's folder, which the others' ``shared_run`` names; each is counted from it
    and the run's time is counted once."""
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    table = {"a.py": ["tests/t.py"], "b.py": ["tests/u.py"], "c.py": ["tests/t.py"]}
    monkeypatch.setattr(mutation, "modules", lambda: table)
    monkeypatch.setattr(mutation, "planned", lambda paths, rev: {p: None for p in paths})
    calls = []

    def run(paths, tests, max_children, names=None, resume=False):
        calls.append((paths, tests, names))
        if len(paths) > 1:
            for other in paths[1:]:
                mutation.workdir(other).mkdir(parents=True)
                (mutation.workdir(other) / "shared_run").write_text(mutation.workdir(paths[0]).name + "\n")
        return 30.0, 0

    monkeypatch.setattr(mutation, "run", run)
    monkeypatch.setattr(mutation.metadata, "version", lambda name: "3.8.1")  # the README's install has no mutmut
    monkeypatch.setattr(mutation, "count", lambda path: {"mutants": 1, "checked": 1, "killed": 1, "equivalent": 0,
                                                         "surviving": [], "untested": [],
                                                         "folder": mutation.run_folder(path).name})
    out = tmp_path / "out.json"
    assert mutation.main(["--only", "a.py", "b.py", "c.py", "--out", str(out)]) == 0
    assert calls == [(["a.py", "c.py"], ["tests/t.py"], None), (["b.py"], ["tests/u.py"], None)]
    modules = json.loads(out.read_text())["modules"]
    assert {p: modules[p]["folder"] for p in modules} == {"a.py": "a", "b.py": "b", "c.py": "a"}
    assert [modules[p]["seconds"] for p in ("a.py", "b.py", "c.py")] == [30.0, 30.0, 0.0]
    assert modules["c.py"]["run_with"] == "a.py" and "run_with" not in modules["a.py"]


def test_a_shared_mutmut_run_mutates_every_module_of_its_row(tmp_path, monkeypatch):
    """The folder of a shared run tells mutmut to mutate each of its modules, and the tests are
    the row's."""
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    work = mutation.prepare(["jaxnet/checks.py", "jaxnet/augment.py"], ["tests/test_validation.py"])
    config = tomllib.loads((work / "pyproject.toml").read_text())["tool"]["mutmut"]
    assert work == tmp_path / "jaxnet.checks"
    assert config["only_mutate"] == ["jaxnet/checks.py", "jaxnet/augment.py"]
    assert config["pytest_add_cli_args_test_selection"] == ["tests/test_validation.py"]


def test_a_resumed_mutmut_run_goes_on_in_the_folder_as_it_was_left(tmp_path, monkeypatch):
    """--resume: the stopped run's folder is kept (mutmut's results in it), its log appended,
    its time added to the last run's; a module edited since is refused, nothing touched."""
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    paths, tests = ["jaxnet/checks.py", "jaxnet/augment.py"], ["tests/test_validation.py"]
    work = mutation.prepare(paths, tests)
    (work / "mutants").mkdir()
    (work / "mutants" / "jaxnet" / "checks.py.meta").parent.mkdir(parents=True)
    (work / "mutants" / "jaxnet" / "checks.py.meta").write_text("{}")
    (work / "mutmut.log").write_text("first part\n")
    calls = []

    def mutmut(cmd, cwd, stdout, **kwargs):
        calls.append((cmd[-4:], Path(cwd)))
        stdout.write("second part\n")
        return subprocess.CompletedProcess(cmd, 0)

    monkeypatch.setattr(mutation.subprocess, "run", mutmut)
    seconds, code = mutation.run(paths, tests, 2, resume=True)
    assert code == 0 and calls == [(["mutmut", "run", "--max-children", "2"], work)]
    assert (work / "mutants" / "jaxnet" / "checks.py.meta").read_text() == "{}"
    assert (work / "mutmut.log").read_text() == "first part\nsecond part\n"
    assert (mutation.workdir("jaxnet/augment.py") / "shared_run").read_text() == work.name + "\n"

    (work / "jaxnet" / "augment.py").write_text("# edited\n")
    with pytest.raises(SystemExit, match="jaxnet/augment.py changed since the run began"):
        mutation.run(paths, tests, 2, resume=True)
    assert len(calls) == 1 and (work / "jaxnet" / "augment.py").read_text() == "# edited\n"

    monkeypatch.setattr(mutation, "modules", lambda: {"a.py": ["tests/t.py"]})
    monkeypatch.setattr(mutation, "planned", lambda paths, rev: {p: None for p in paths})
    monkeypatch.setattr(mutation.metadata, "version", lambda name: "3.8.1")  # the README's install has no mutmut
    monkeypatch.setattr(mutation, "count", lambda path: {})
    resumed = []
    monkeypatch.setattr(mutation, "run", lambda *a: resumed.append(a[-1]) or (12.5, 0))
    out = tmp_path / "out.json"
    out.write_text(json.dumps({"modules": {"a.py": {"seconds": 100.0, "verified": {"a1": "killed"}}}}))
    xla = mutation.XLA_CACHE
    monkeypatch.setattr(mutation, "XLA_CACHE", tmp_path / "xla-cache")
    (tmp_path / "xla-cache").mkdir()
    assert mutation.main(["--only", "a.py", "--resume", "--out", str(out)]) == 0
    assert resumed == [True] and json.loads(out.read_text())["modules"]["a.py"]["seconds"] == 112.5
    assert json.loads(out.read_text())["modules"]["a.py"]["verified"] == {"a1": "killed"}  # its mutants' results stand
    assert (tmp_path / "xla-cache").is_dir()  # the stopped run's compilations are kept
    assert mutation.main(["--only", "a.py", "--out", str(out)]) == 0
    assert resumed == [True, False] and json.loads(out.read_text())["modules"]["a.py"]["seconds"] == 12.5
    assert "verified" not in json.loads(out.read_text())["modules"]["a.py"]  # a new run: new mutants
    assert not (tmp_path / "xla-cache").exists() and xla != mutation.XLA_CACHE


def test_a_mutmut_run_stopped_by_hand_records_what_it_did_and_runs_nothing_more(tmp_path, monkeypatch):
    """Ctrl-C during a row's mutmut run: its modules are counted and timed in --out (for
    --resume), the rows after it are not run."""
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    monkeypatch.setattr(mutation, "prepare", lambda paths, tests: mutation.workdir(paths[0]))
    mutation.workdir("a.py").mkdir()

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(mutation.subprocess, "run", interrupted)
    assert mutation.run(["a.py"], ["tests/t.py"], 2)[1] == mutation.STOPPED

    table = {"a.py": ["tests/t.py"], "b.py": ["tests/u.py"], "c.py": ["tests/t.py"]}
    monkeypatch.setattr(mutation, "modules", lambda: table)
    monkeypatch.setattr(mutation, "planned", lambda paths, rev: {p: None for p in paths})
    monkeypatch.setattr(mutation.metadata, "version", lambda name: "3.8.1")  # the README's install has no mutmut
    monkeypatch.setattr(mutation, "count", lambda path: {"mutants": 4, "checked": 2, "killed": 2, "equivalent": 0,
                                                         "surviving": [], "untested": []})
    rows = []
    monkeypatch.setattr(mutation, "run", lambda paths, *a: rows.append(paths) or (60.0, mutation.STOPPED))
    out = tmp_path / "out.json"
    assert mutation.main(["--only", "a.py", "b.py", "c.py", "--out", str(out)]) == 0
    modules = json.loads(out.read_text())["modules"]
    assert rows == [["a.py", "c.py"]] and set(modules) == {"a.py", "c.py"}
    assert modules["a.py"]["seconds"] == 60.0 and modules["a.py"]["mutmut_exit"] == "stopped"
    assert modules["c.py"]["checked"] == 2 and modules["c.py"]["run_with"] == "a.py"


TINY = 'def f(x):\n    return x + 1\n\n\nclass C:\n    def m(self):\n        return "a"\n'


def test_verify_writes_a_mutmut_mutant_into_the_module_as_mutmut_apply_does():
    """A mutmut mutant as a whole source: its function replaced by the mutant, every other
    line as it was, the lines it changes named in the unmutated source's numbering."""
    pytest.importorskip("mutmut")
    names = mutation.mutant_names("tiny.py", TINY)
    found = {m.source: (m.key, m.first, m.last) for m in mutation.applied("tiny.py", TINY, names)}
    assert len(found) == len(names) and all(key in names for key, _, _ in found.values())
    assert found[TINY.replace("x + 1", "x - 1")][1:] == (2, 2)
    assert found[TINY.replace("x + 1", "x + 2")][1:] == (2, 2)
    assert found[TINY.replace('"a"', '"XXaXX"')] == ("tiny.xǁCǁm__mutmut_1", 7, 7)
    for source, (key, first, last) in found.items():
        old, new = TINY.splitlines(), source.splitlines()
        assert len(old) == len(new)
        assert [n + 1 for n, (a, b) in enumerate(zip(old, new)) if a != b] == list(range(first, last + 1))


def test_verify_runs_each_rows_survivors_again_in_fresh_processes(tmp_path, monkeypatch):
    """--verify: the survivors and untested mutants of each row's modules, written into the
    module, go to bench.deletion's runner once per row (with --with's tests), in a folder of
    their own, N at once; killed and timed-out ones count as killed on verify."""
    from bench import deletion_run
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    table = {"a.py": ["tests/t.py"], "b.py": ["tests/u.py"], "c.py": ["tests/t.py"]}
    monkeypatch.setattr(mutation, "modules", lambda: table)
    monkeypatch.setattr(mutation, "ROOT", tmp_path / "repo")
    for path in table:
        for folder in (tmp_path / "repo", mutation.workdir(path)):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(f"# {path}\n")
    last = {"a.py": {"mutants": 5, "checked": 5, "killed": 2, "equivalent": 0, "surviving": ["a1", "a2"],
                     "untested": ["a3"]},
            "b.py": {"mutants": 2, "checked": 2, "killed": 1, "equivalent": 0, "surviving": ["b1"], "untested": []},
            "c.py": {"mutants": 1, "checked": 1, "killed": 1, "equivalent": 0, "surviving": [], "untested": []}}
    monkeypatch.setattr(mutation, "count", lambda path: last[path])
    monkeypatch.setattr(mutation, "applied", lambda path, source, names: [(source, n) for n in names])
    monkeypatch.setattr(mutation.metadata, "version", lambda name: "3.8.1")  # the README's install has no mutmut
    calls, outcome = [], {"a1": "killed", "a2": "timeout", "a3": "survived", "b1": "survived"}

    out = tmp_path / "out.json"

    def runner(chosen, tests, jobs, work):
        calls.append((chosen, tests, jobs, work))
        if "b.py" in chosen:  # the first row's modules were written out when they were done
            assert json.loads(out.read_text())["modules"]["a.py"]["verified"]["a1"] == "killed"
        for path, found in chosen.items():
            yield path, {n: outcome[n] for _, n in found}, {}

    monkeypatch.setattr(deletion_run, "run_modules", runner)
    assert mutation.main(["--verify", "--max-children", "2", "--out", str(out)]) == 0
    assert calls == [({"a.py": [("# a.py\n", "a1"), ("# a.py\n", "a2"), ("# a.py\n", "a3")]}, ["tests/t.py"], 2,
                      tmp_path / "verify" / "a"),
                     ({"b.py": [("# b.py\n", "b1")]}, ["tests/u.py"], 2, tmp_path / "verify" / "b")]
    calls.clear()
    assert mutation.main(["--verify", "--only", "b.py", "--with", "tests/h.py", "tests/i.py"]) == 0
    assert calls == [({"b.py": [("# b.py\n", "b1")]}, ["tests/u.py", "tests/h.py", "tests/i.py"], 2,
                      tmp_path / "verify" / "b")]
    modules = json.loads(out.read_text())["modules"]
    assert modules["a.py"]["verified"] == {"a1": "killed", "a2": "timeout", "a3": "survived"}
    assert [modules[p]["killed_on_verify"] for p in table] == [2, 0, 0]
    assert [modules[p]["score_after_verify"] for p in table] == [0.8, 0.5, 1.0]
    assert modules["c.py"]["verified"] == {}
    assert json.loads(out.read_text())["total"]["score_after_verify"] == round(6 / 8, 4)
    calls.clear()  # again, after new tests: what the last one killed stands and is not run again
    outcome.update(a3="killed")
    assert mutation.main(["--verify", "--only", "a.py", "--out", str(out)]) == 0
    assert calls == [({"a.py": [("# a.py\n", "a3")]}, ["tests/t.py"], 2, tmp_path / "verify" / "a")]
    modules = json.loads(out.read_text())["modules"]
    assert modules["a.py"]["verified"] == {"a1": "killed", "a2": "timeout", "a3": "killed"}
    assert modules["a.py"]["killed_on_verify"] == 3 and modules["a.py"]["score_after_verify"] == 1.0


def test_verify_sample_runs_mutants_a_stopped_run_left_drawn_at_random(tmp_path, monkeypatch):
    """--verify --sample N: N of the mutants mutmut holds no result for, drawn across the row's
    modules (the same ones again for the same N, a larger sample holding a smaller one), run as
    survivors are; their statuses kept apart from --verify's, not run again, and tallied with
    Wilson's 95% interval; N must be positive and come with --verify."""
    from bench import deletion_run
    monkeypatch.setattr(mutation, "WORK", tmp_path)
    table = {"a.py": ["tests/t.py"], "b.py": ["tests/t.py"]}
    monkeypatch.setattr(mutation, "modules", lambda: table)
    monkeypatch.setattr(mutation, "ROOT", tmp_path / "repo")
    codes = {"a.py": {f"a{i}": None for i in range(8)} | {"a8": 0, "a9": 1},
             "b.py": {f"b{i}": None for i in range(6)} | {"b6": 1}}
    for path in table:
        for folder in (tmp_path / "repo", mutation.workdir(path)):
            folder.mkdir(parents=True, exist_ok=True)
            (folder / path).write_text(f"# {path}\n")
        meta = mutation.workdir(path) / "mutants" / (path + ".meta")
        meta.parent.mkdir(parents=True)
        meta.write_text(json.dumps({"exit_code_by_key": codes[path]}))
    monkeypatch.setattr(mutation.metadata, "version", lambda name: "3.8.1")
    monkeypatch.setattr(mutation, "applied", lambda path, source, names: names)
    runs = []

    def runner(chosen, tests, jobs, work):
        runs.append(chosen)
        for path, names in chosen.items():
            yield path, {n: "survived" if n.endswith("1") else "killed" for n in names}, {}

    monkeypatch.setattr(deletion_run, "run_modules", runner)
    draws = [mutation.drawn(list(table), n) for n in (5, 5, 9)]
    assert draws[0] == draws[1]
    for small, large in zip(draws[0].values(), draws[2].values()):
        assert set(small) <= set(large)
    assert sum(map(len, draws[2].values())) == 9 and all(draws[2].values())  # both modules drawn from
    assert all(set(names) <= {n for n, c in codes[p].items() if c is None} for p, names in draws[2].items())

    out = tmp_path / "out.json"
    assert mutation.main(["--verify", "--sample", "5", "--out", str(out)]) == 0
    assert runs == [{p: names for p, names in draws[0].items() if names}]
    assert mutation.main(["--verify", "--sample", "9", "--out", str(out)]) == 0  # the 4 not sampled yet
    assert runs[1] == {p: [n for n in draws[2][p] if n not in draws[0][p]] for p in table if
                       set(draws[2][p]) - set(draws[0][p])}
    result = json.loads(out.read_text())
    sampled = {**result["modules"]["a.py"]["sampled"], **result["modules"]["b.py"]["sampled"]}
    assert set(sampled) == {n for names in draws[2].values() for n in names}
    assert "verified" not in result["modules"]["a.py"]
    survived = sum(n.endswith("1") for n in sampled)
    assert result["total"]["sample"] == {"mutants": 9, "killed": 9 - survived, "equivalent": 0,
                                         "score": round((9 - survived) / 9, 4),
                                         "interval_95": mutation.interval(9 - survived, 9)}
    assert mutation.interval(8, 10) == [0.4902, 0.9433]  # Wilson's, worked out by hand
    assert mutation.interval(0, 0) is None
    for bad in (["--sample", "3"], ["--verify", "--sample", "0"]):
        with pytest.raises(SystemExit):
            mutation.main(bad)


def test_the_total_counts_the_modules_that_ran_and_every_rows_time():
    """A row stopped before its first module had a result: its time still counts."""
    modules = {"a.py": {"mutants": 3, "checked": 0, "killed": 0, "equivalent": 0, "seconds": 60.0},
               "b.py": {"mutants": 4, "checked": 4, "killed": 2, "equivalent": 1, "seconds": 0.0,
                        "killed_on_verify": 1}}
    assert mutation.total(modules) == {"modules": 1, "mutants": 4, "killed": 2, "scored": 3, "score": 0.6667,
                                       "killed_on_verify": 1, "score_after_verify": 1.0, "seconds": 60.0}
