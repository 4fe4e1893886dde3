"""jaxnet.checks beyond tests/test_validation.py: what a run needs in memory against what
the machine has (checked against XLA's own count), the data a run needs, the batch size,
non-finite params; and edges found by mutation testing (docs/verification.md, "Mutation
testing"): the loss-history memory bound at and past its limit, names in the errors for
arrays that are not arrays, labels under jit, and the ends of the valid index range."""

import re
import types

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import checks, config, loop


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


# ---------------------------------------------------------------------------- memory


def xla_bytes(optimizer, runs, D=300, H=500, N=400, N_val=100, B=50, **options):
    """(XLA's arguments + results + temporaries of the compiled training program, and
    ``training_bytes`` for the same run), float32."""
    c = config.Config(num_iters=5, batch_size=B, optimizer=optimizer, **options)
    plan = loop.make_plan([c], N, D, None, stop_on_divergence=runs == 1)
    hp = loop.traced_values(c if runs == 1 else [c] * runs, jnp.float32)
    shapes = {"W1": (D, H), "b1": (H,), "W2": (H, 10), "b2": (10,)}
    params = {k: jax.ShapeDtypeStruct(v, jnp.float32) for k, v in shapes.items()}
    data = loop.Data(*(jax.ShapeDtypeStruct(s, t) for s, t in (
        ((N, D), jnp.float32), ((N,), jnp.int32), ((N_val, D), jnp.float32), ((N_val,), jnp.int32))))
    keys = tuple(jax.random.split(jax.random.key(0)))
    if runs == 1:
        state = jax.eval_shape(lambda p: loop.init_state(p, hp, plan), params)
        program = loop.piece
    else:
        state = jax.eval_shape(lambda p, hp: jax.vmap(lambda h: loop.init_state(p, h, plan))(hp),
                               params, hp)
        program = loop.group_piece
    m = program.lower(state, data, keys, jnp.int32(0), jnp.int32(5), hp, plan=plan,
                      length=5).compile().memory_analysis()
    size = sum(int(np.prod(leaf.shape)) for leaf in jax.tree.leaves(state)) // runs
    ours = checks.training_bytes(size, sum(int(np.prod(s)) for s in shapes.values()),
                                 input_size=D, hidden_size=H, batch_size=B, num_train=N,
                                 num_eval=N_val, itemsize=4, runs=runs)
    return m.argument_size_in_bytes + m.output_size_in_bytes + m.temp_size_in_bytes, ours


@pytest.mark.slow
@pytest.mark.parametrize("optimizer, runs, options", [
    ("nesterov", 1, {"dropout": 0.3}), ("adam", 1, {"mixup": 0.2}), ("sgd", 3, {})])
def test_the_memory_estimate_covers_xlas_count_of_the_program(optimizer, runs, options):
    xla, ours = xla_bytes(optimizer, runs, **options)
    assert xla <= ours <= 2 * xla


@pytest.fixture
def machine(monkeypatch):
    """Set the memory a check sees: ``machine(host=..., device=None)`` (None: a CPU, whose
    memory is the host's)."""
    def set_memory(host, device=None):
        monkeypatch.setattr(checks, "available_bytes", lambda: host)
        monkeypatch.setattr(checks, "device_free_bytes", lambda device_=None: device)
    return set_memory


def test_work_that_fits_passes_and_more_is_refused_naming_both_sizes(machine):
    machine(host=10**9)
    checks.check_fits(6 * 10**8, 4 * 10**8, "the work")  # together exactly the memory
    with pytest.raises(ValueError) as err:
        checks.check_fits(6 * 10**8, 4 * 10**8 + 1, "the work", "do less")
    assert str(err.value) == ("the work needs about 1.0 GB, more than this machine's "
                              "available memory (1.0 GB); do less")


def test_an_accelerator_and_the_host_are_checked_apart(machine):
    machine(host=10**9, device=2 * 10**9)
    checks.check_fits(2 * 10**9, 10**9, "the work")  # each within its own memory
    with pytest.raises(ValueError, match=r"needs about 2\.1 GB, more than the .*'s free memory \(2\.0 GB\)"):
        checks.check_fits(2 * 10**9 + 10**8, 0, "the work")
    with pytest.raises(ValueError, match="this machine's available memory"):
        checks.check_fits(0, 10**9 + 1, "the work")


def test_an_accelerators_free_memory_is_its_limit_less_what_is_in_use():
    gpu = types.SimpleNamespace(memory_stats=lambda: {"bytes_limit": 80, "bytes_in_use": 30})
    cpu = types.SimpleNamespace(memory_stats=lambda: None)
    assert checks.device_free_bytes(gpu) == 50 and checks.device_free_bytes(cpu) is None


def test_available_memory_is_at_most_the_physical_memory():
    assert 0 < checks.available_bytes() <= checks.memory_bytes()


def test_a_net_too_large_for_the_memory_is_refused_before_anything_compiles(machine):
    machine(host=10**9)
    recipe = jaxnet.Recipe.of(hidden_size=10**6, num_iters=5, batch_size=8)
    with pytest.raises(ValueError) as err:
        recipe.check(80, (32, 32, 3), 20)
    # W1 alone is 3072 x 10**6 float32 numbers, 12.3 GB.
    assert str(err.value).startswith("training 1,000,000 hidden units on minibatches of 8 rows "
                                     "needs about ")
    assert float(str(err.value).split("about ")[1].split(" GB")[0]) > 4 * 12.3
    assert str(err.value).endswith("train fewer hidden units (hidden_size) or smaller "
                                   "minibatches (batch_size)")
    jaxnet.Recipe.of(recipe, hidden_size=10).check(80, (32, 32, 3), 20)


def test_float64_and_several_runs_need_more(machine):
    plan = loop.make_plan([config.Config(batch_size=8)], 80, 3072)
    need = {}
    for dtype, runs in (("float32", 1), ("float64", 1), ("float32", 4)):
        machine(host=0)
        with pytest.raises(ValueError) as err:
            checks.check_run_fits(plan, 3072, 10**4, dtype, 80, 20, runs)
        need[dtype, runs] = float(str(err.value).split("about ")[1].split(" GB")[0])
    assert need["float64", 1] == pytest.approx(2 * need["float32", 1], rel=0.01)
    assert need["float32", 4] > 3.5 * need["float32", 1]


# ---------------------------------------------------------------------------- a run's data


def test_a_run_needs_its_splits_named():
    X, y = np.zeros((4, 3)), np.zeros(4, int)
    checks.check_splits({"X_train": X, "y_train": y, "X_val": X, "y_val": y})
    with pytest.raises(ValueError, match=r"^splits lacks y_train, X_val, y_val: a run needs"):
        checks.check_splits({"X_train": X})
    with pytest.raises(ValueError, match=r"^splits lacks y_test"):
        checks.check_splits({"X_train": X, "y_train": y, "X_val": X, "y_val": y, "X_test": X})
    with pytest.raises(TypeError, match=r"splits must be a dict"):
        checks.check_splits([X, y])


def test_fit_names_the_missing_splits():
    with pytest.raises(ValueError, match=r"^splits lacks y_train, X_val, y_val"):
        jaxnet.fit(jaxnet.Recipe(), {"X_train": np.zeros((4, 3072), np.float32)})


def test_a_batch_may_be_as_large_as_the_training_rows_and_no_larger():
    checks.check_batch_size(40, 40)
    with pytest.raises(ValueError, match=r"^batch_size 41 is larger than the 40 training rows"):
        checks.check_batch_size(41, 40)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_params_are_refused_naming_the_array(bad):
    params = {"W1": np.ones((3, 2)), "b1": np.zeros(2), "W2": np.ones((2, 4)), "b2": np.zeros(4)}
    checks.check_finite_params(params)
    params["W2"] = params["W2"].copy()
    params["W2"][1, 3] = bad
    with pytest.raises(ValueError, match=r"^net.npz: W2 holds non-finite values"):
        checks.check_finite_params(params, "net.npz")


def test_seeds_are_bounded_by_what_jax_random_key_keeps():
    # Why: without 64-bit mode (float32 runs) 2**32 is seed 0's key; below it, a seed's key
    # is the same in both modes.
    with jax.enable_x64(False):
        assert np.array_equal(jax.random.key_data(jax.random.key(2**32)),
                              jax.random.key_data(jax.random.key(0)))
        below = jax.random.key_data(jax.random.key(2**32 - 1))
    assert np.array_equal(below, jax.random.key_data(jax.random.key(2**32 - 1)))
    assert jaxnet.Recipe.of(seed=2**32 - 1).seed == 2**32 - 1
    for seed in (2**32, 99999999999999999999):
        with pytest.raises(ValueError, match=rf"^seed must be <= 4294967295 .*got {seed}$"):
            jaxnet.Recipe.of(seed=seed)
