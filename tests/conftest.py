"""Test configuration: float64 on, warnings from our code are errors, shared fixtures."""

import jax

# float64 must be enabled before any array is made; tests that want float32 ask for it.
jax.config.update("jax_enable_x64", True)

import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from reference import notebook  # noqa: E402


def to_jax(params, dtype=jnp.float64):
    """A reference params dict as JAX arrays of ``dtype``.

    Copies: on the CPU ``jnp.asarray`` may alias NumPy memory, and the reference's training
    loop updates its params in place.
    """
    return {k: jnp.array(v, dtype, copy=True) for k, v in params.items()}


@pytest.fixture
def toy_net():
    """The notebook's toy model (re-created for every test: training mutates it)."""
    return notebook.init_toy_model()


@pytest.fixture
def toy_data():
    return notebook.init_toy_data()


def random_problem(rng, N, D, H, C, scale=1.0):
    """Random float64 params dict, inputs (N, D) and labels (N,) from a NumPy Generator."""
    params = {
        "W1": scale * rng.standard_normal((D, H)) / np.sqrt(D),
        "b1": 0.1 * rng.standard_normal(H),
        "W2": scale * rng.standard_normal((H, C)) / np.sqrt(H),
        "b2": 0.1 * rng.standard_normal(C),
    }
    X = rng.standard_normal((N, D))
    y = rng.integers(0, C, N)
    return params, X, y
