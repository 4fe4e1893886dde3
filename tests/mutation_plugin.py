"""Hooks for mutation runs only (mutmut and bench.deletion load this plugin with ``-p
tests.mutation_plugin``, as pyproject.toml's ``[tool.mutmut]`` says); everyday test sessions
never import it.

Environment: ``MUTANT_UNDER_TEST=stats`` (a first run that learns which tests reach what),
``JAXNET_TEST_RECORD=FILE`` (bench.deletion's first run: each test's coverage under its own
context, and the tests' durations written to FILE), ``JAXNET_TEST_DURATIONS=FILE`` (a
mutant's run: its tests ordered by the durations in FILE).
"""

import json
import os
from pathlib import Path

import jax
import pytest

_durations = {}


def _recorded_durations():
    """Seconds per test id from a first run: bench.deletion's record, or mutmut's stats
    while mutmut runs a mutant; None outside a mutant's run."""
    given = os.environ.get("JAXNET_TEST_DURATIONS")
    if given:
        return json.loads(Path(given).read_text())
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return None
    stats = next((p for p in (Path("mutmut-stats.json"), Path("mutants/mutmut-stats.json"))
                  if p.exists()), None)
    return json.loads(stats.read_text()).get("duration_by_test", {}) if stats else None


def pytest_collection_modifyitems(config, items):
    """A mutant's tests run fastest first, by the durations its first run recorded: a mutant
    run stops at the first failing test (-x), so a mutant that a quick test kills does not
    wait for the slow ones. A module's tests stay together (its fixtures are made once);
    modules run in the order of their fastest test. A first run keeps its order."""
    seconds = _recorded_durations()
    if seconds is None:
        return
    duration = {item: seconds.get(item.nodeid, 0.0) for item in items}
    module = {item: item.nodeid.split("::")[0] for item in items}
    fastest = {}
    for item in items:
        fastest[module[item]] = min(fastest.get(module[item], float("inf")), duration[item])
    items.sort(key=lambda item: (fastest[module[item]], module[item], duration[item]))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """In bench.deletion's first run, coverage records each test's lines under the test's id
    (its setup and teardown included); lines run outside every test (imports) keep the
    empty context."""
    cov = None
    if os.environ.get("JAXNET_TEST_RECORD"):
        import coverage

        cov = coverage.Coverage.current()
    previous = cov.switch_context(item.nodeid) if cov is not None else None
    try:
        return (yield)
    finally:
        if cov is not None:
            cov.switch_context(previous or "")


def pytest_runtest_logreport(report):
    if os.environ.get("JAXNET_TEST_RECORD"):
        _durations[report.nodeid] = _durations.get(report.nodeid, 0.0) + report.duration


def pytest_sessionfinish(session, exitstatus):
    record = os.environ.get("JAXNET_TEST_RECORD")
    if record:
        Path(record).write_text(json.dumps(_durations, indent=0) + "\n")


@pytest.fixture(autouse=True)
def _trace_afresh_for_mutmut():
    """mutmut and bench.deletion learn which tests reach a function or a line by recording
    them while the tests run once (``MUTANT_UNDER_TEST=stats``), and later run each mutant
    against only those tests. A function inside a jitted program is called only while the
    program is traced, which JAX does once per process and shape, so a test reusing a
    program traced by an earlier test would seem not to reach it: in that run every test
    traces its programs afresh."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        jax.clear_caches()
        _forget_results()


def _forget_results():
    """In a first run, each test computes what it reads: the checked nets a test shares with
    others (tests/checker_impls/inprocess.py) and the package's own memoised results
    (functools caches) are forgotten before each test, or the lines that compute them would
    seem reached by the first test that asked only."""
    import functools
    import sys

    inprocess = sys.modules.get("tests.checker_impls.inprocess")
    if inprocess is not None:
        inprocess._RESULTS.clear()
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(("jaxnet", "reference")):
            continue
        for value in list(vars(module).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
