"""Test configuration: float64 on, and the fixtures several test modules use (helpers live in tests/helpers.py)."""

import os
import shutil
import tempfile

import jax
import pytest

from jaxnet.cli import machine

# The programs' own compilation cache (a user's folder) stays off in the tests, so that they
# leave nothing behind; test_compile_cache turns it on in its children.
os.environ["JAXNET_COMPILE_CACHE"] = "off"

# One JAX compilation cache for the test session instead, in a temporary folder removed at
# its end, shared by both workers and the programs the tests start (they inherit the
# environment): a program compiled in one process is loaded, not compiled again, in the
# others. Its key is the program itself, so a cached program is the one that would compile.
# A cache given in the environment (bench.mutation's) is used as it is.
if "JAX_COMPILATION_CACHE_DIR" not in os.environ:
    os.environ["JAX_COMPILATION_CACHE_DIR"] = tempfile.mkdtemp(prefix="jaxnet-tests-xla-")
    os.environ["JAXNET_TESTS_CACHE_OWNER"] = str(os.getpid())
os.environ["JAX_PERSISTENT_CACHE_MIN_COMPILE_TIME_SECS"] = "0"  # for the children
os.environ["JAX_PERSISTENT_CACHE_MIN_ENTRY_SIZE_BYTES"] = "0"
machine.enable_compile_cache(os.environ["JAX_COMPILATION_CACHE_DIR"])  # for this process


@pytest.hookimpl(optionalhook=True)  # an xdist hook: unknown where xdist is off (-p no:xdist)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadscope``, except that the held-out nets go in one unit per set, not one per module:
    they are a third of the suite's work, and both workers share them. They are handed out last, the
    modules first in file order: xdist's default order (the units with most tests first) would leave a
    few long modules of few tests (the CLI's, the README's) for the end, one worker running them alone."""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class HeldoutSetsApart(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            if "[heldout_set" in nodeid:  # test_...[heldout_setN-file]: the set
                return nodeid.split("-", 1)[0]
            return super()._split_scope(nodeid)

        def schedule(self):
            if self.collection is None:  # the first call: order the units before they are made
                self.config.option.loadscopereorder = False
                for node, collected in self.registered_collections.items():
                    self.registered_collections[node] = sorted(collected, key=lambda n: "[heldout_set" in n)
            super().schedule()

    return HeldoutSetsApart(config, log)


def pytest_unconfigure(config):
    if os.environ.get("JAXNET_TESTS_CACHE_OWNER") == str(os.getpid()):
        shutil.rmtree(os.environ["JAX_COMPILATION_CACHE_DIR"], ignore_errors=True)


# float64 must be enabled before any array is made; tests that want float32 ask for it.
jax.config.update("jax_enable_x64", True)
jax.config.update("jax_numpy_dtype_promotion", "strict")
# Comparisons with the reference need full float32 products (TF32 or bfloat16 passes on
# some accelerators by default); training asks for it itself (Config.matmul_precision).
jax.config.update("jax_default_matmul_precision", "highest")


# Students' nets for the checker's tests: data, not test modules (one does not even parse).
collect_ignore_glob = ["checker_impls/*"]
from hypothesis import HealthCheck, settings  # noqa: E402

# Hypothesis: "suite" (bounded, derandomized) by default; JAXNET_HYPOTHESIS_PROFILE=thorough
# for a long run (tests/strategies.py scales each test's budget; docs/verification.md).
settings.register_profile("suite", deadline=None, derandomize=True, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("thorough", deadline=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("JAXNET_HYPOTHESIS_PROFILE", "suite"))

from reference import notebook  # noqa: E402
from tests.fake_cifar import write_fake_cifar10  # noqa: E402


@pytest.fixture
def toy_net():
    """The notebook's toy model (re-created for every test: training mutates it)."""
    return notebook.init_toy_model()


@pytest.fixture
def toy_data():
    return notebook.init_toy_data()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    """A tiny fake CIFAR-10 folder in the official format, built here for the program tests."""
    root = tmp_path_factory.mktemp("fake") / "cifar-10-batches-py"
    write_fake_cifar10(root)
    return root


@pytest.fixture
def kept_figures(monkeypatch):
    """The figures a figure-writing function would close, kept open to be read; closed afterwards."""
    pyplot = pytest.importorskip("matplotlib.pyplot")
    kept = []
    monkeypatch.setattr(pyplot, "close", kept.append)
    yield kept
    monkeypatch.undo()
    for figure in kept:
        pyplot.close(figure)
