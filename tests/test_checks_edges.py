"""Edges of jaxnet.checks that the validation tests do not reach, found by mutation testing
(docs/verification.md, "Mutation testing"): the loss-history memory bound at and past its
limit, names in the errors for arrays that are not arrays, labels under jit, and the ends of
the valid index range."""

import re

import jax
import jax.numpy as jnp
import numpy as np
import pytest

from jaxnet import checks


@pytest.fixture
def memory_of(monkeypatch):
    def set_memory(nbytes):
        monkeypatch.setattr(checks, "memory_bytes", lambda: nbytes)
    return set_memory


def test_history_bound_is_16_bytes_per_update_and_run(memory_of):
    memory_of(1600)  # room for exactly 100 updates of 16 bytes
    checks.check_history_fits(100)  # equal is enough; one run by default
    checks.check_history_fits(50, runs=2)
    checks.check_history_fits(1, runs=100)
    for num_iters, runs in ((101, 1), (51, 2), (100, 2), (2, 51)):
        with pytest.raises(ValueError):
            checks.check_history_fits(num_iters, runs=runs)
    with pytest.raises(ValueError):
        checks.check_history_fits(100, 2)


@pytest.mark.parametrize("runs, what", [(1, "100,000,000 updates"),
                                        (2, "2 runs of 100,000,000 updates")])
def test_history_refusal_says_what_and_how_much(memory_of, runs, what):
    memory_of(10**9)  # 1.0 GB; 16 * 1e8 * runs bytes are 1.6 or 3.2 GB
    need = {1: "1.6", 2: "3.2"}[runs]
    with pytest.raises(ValueError) as err:
        checks.check_history_fits(10**8, runs=runs)
    assert str(err.value) == (
        f"num_iters=100000000: the loss history of {what} needs about {need} GB (16 bytes per "
        "update), more than this machine's 1.0 GB of memory; train fewer updates")


def test_ragged_labels_and_indices_are_named():
    ragged = [[1], [1, 2]]
    with pytest.raises(TypeError, match=r"^y must be an array, got list$"):
        checks.check_labels(ragged, 2, 3)
    with pytest.raises(TypeError, match=r"^batch_indices must be an array, got list$"):
        checks.check_batch_indices(ragged, 2, 1, 10)


def test_inputs_and_labels_under_jit_check_only_their_shape_and_dtype():
    def f(X, y):
        # tracers: their values are not looked at (nor can they be)
        checks.check_inputs(X, 2)
        checks.check_labels(y, 3, 4)
        return y + 1

    np.testing.assert_array_equal(jax.jit(f)(jnp.ones((3, 2)), jnp.array([0, 3, 1])), [1, 4, 2])
    with pytest.raises(ValueError, match=re.escape("y must have shape (3,)")):
        jax.jit(lambda y: checks.check_labels(y, 3, 4))(jnp.array([0, 1]))


def test_batch_indices_take_both_ends_of_the_range_and_may_be_empty():
    np.testing.assert_array_equal(checks.check_batch_indices([[0, 9]], 1, 2, 10), [[0, 9]])
    assert checks.check_batch_indices(np.zeros((0, 5), np.int32), 0, 5, 10).shape == (0, 5)
    with pytest.raises(ValueError, match=r"from -1 to 9"):
        checks.check_batch_indices([[-1, 9]], 1, 2, 10)
    with pytest.raises(ValueError, match=r"from 0 to 10"):
        checks.check_batch_indices([[0, 10]], 1, 2, 10)


def test_params_not_a_dict_names_what_it_got():
    with pytest.raises(TypeError, match=r"^params must be a dict .*, got list$"):
        checks.check_params([np.ones((2, 2))])


def test_positive_int_bounds_and_messages():
    assert checks.check_positive_int(1, "n") == 1
    assert checks.check_positive_int(0, "n", allow_zero=True) == 0
    with pytest.raises(ValueError, match=r"^n must be > 0, got 0$"):
        checks.check_positive_int(0, "n")
    with pytest.raises(ValueError, match=r"^n must be >= 0, got -1$"):
        checks.check_positive_int(-1, "n", allow_zero=True)
    with pytest.raises(TypeError, match=r"^n must be an integer, got 2\.5$"):
        checks.check_positive_int(2.5, "n")


def test_params_of_float32_pass_and_a_ragged_one_is_named():
    params = {"W1": np.ones((3, 2), np.float32), "b1": np.zeros(2, np.float32),
              "W2": np.ones((2, 4), np.float32), "b2": np.zeros(4, np.float32)}
    assert checks.check_params(params) == (3, 2, 4)
    with pytest.raises(TypeError, match=r"^params\['b1'\] must be an array, got list$"):
        checks.check_params({**params, "b1": [[1.0], [1.0, 2.0]]})


def test_inputs_are_called_X_by_default_and_may_be_integers():
    assert checks.check_inputs(np.ones((2, 3), np.int32), 3) == 2
    with pytest.raises(ValueError, match=r"^X must be 2-D"):
        checks.check_inputs(np.ones(3), 3)
    with pytest.raises(TypeError, match=r"^X must be an array, got list$"):
        checks.check_inputs([[1.0], [1.0, 2.0]], 3)


def test_labels_may_be_a_list():
    checks.check_labels([0, 2, 1], 3, 3)
    with pytest.raises(ValueError, match=r"^y must be in \[0, 3\): y\[1\] = 3$"):
        checks.check_labels([0, 3, 1], 3, 3)


def test_history_refusal_counts_gigabytes_of_1e9_bytes(memory_of):
    # 750,000,000 and 650,000,000 bytes are 0.75 and 0.65 GB, "0.8" and "0.7" to one decimal
    # (a gigabyte a byte larger would make them 0.7499... and 0.6499...: "0.7" and "0.6").
    memory_of(650_000_000)
    with pytest.raises(ValueError, match=r"needs about 0\.8 GB .* this machine's 0\.7 GB"):
        checks.check_history_fits(750_000_000 // 16)
