"""Test configuration: float64 on, and the shared fixtures (helpers live in tests/helpers.py)."""

import jax

# float64 must be enabled before any array is made; tests that want float32 ask for it.
jax.config.update("jax_enable_x64", True)
jax.config.update("jax_numpy_dtype_promotion", "strict")

import pytest  # noqa: E402

from reference import notebook  # noqa: E402


@pytest.fixture
def toy_net():
    """The notebook's toy model (re-created for every test: training mutates it)."""
    return notebook.init_toy_model()


@pytest.fixture
def toy_data():
    return notebook.init_toy_data()
