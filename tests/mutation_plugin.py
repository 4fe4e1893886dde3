"""Hooks for mutation runs only (mutmut loads this plugin with ``-p tests.mutation_plugin``,
as pyproject.toml's ``[tool.mutmut]`` says); everyday test sessions never import it."""

import json
import os
from pathlib import Path

import jax
import pytest


def pytest_collection_modifyitems(config, items):
    """A mutant's tests run fastest first, by the durations its first run recorded: mutmut
    stops at the first failing test (-x), so a mutant that a quick test kills does not wait
    for the slow ones. A module's tests stay together (its fixtures are made once); modules
    run in the order of their fastest test. mutmut's first run (``stats``) keeps its order."""
    if "__mutmut_" not in os.environ.get("MUTANT_UNDER_TEST", ""):
        return
    stats = next((p for p in (Path("mutmut-stats.json"), Path("mutants/mutmut-stats.json"))
                  if p.exists()), None)
    if stats is None:
        return
    seconds = json.loads(stats.read_text()).get("duration_by_test", {})
    duration = {item: seconds.get(item.nodeid, 0.0) for item in items}
    module = {item: item.nodeid.split("::")[0] for item in items}
    fastest = {}
    for item in items:
        fastest[module[item]] = min(fastest.get(module[item], float("inf")), duration[item])
    items.sort(key=lambda item: (fastest[module[item]], module[item], duration[item]))


@pytest.fixture(autouse=True)
def _trace_afresh_for_mutmut():
    """mutmut learns which tests reach a function by recording its calls while the tests run
    once (``MUTANT_UNDER_TEST=stats``), and later runs each mutant against only those tests.
    A function inside a jitted program is called only while the program is traced, which
    JAX does once per process and shape, so a test reusing a program traced by an earlier
    test would seem not to reach it: in that run every test traces its programs afresh."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        jax.clear_caches()
