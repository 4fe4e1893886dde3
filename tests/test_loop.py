"""jaxnet.loop: the plan, drawn minibatch rows, ``train_step`` and the piece that scans it
(pieces that begin and end inside epochs, skipped iterations, runs that diverge), flips and
crops inside the update, one-device data parallelism. Small shapes; a few tiny programs
each."""

import functools
import inspect
import re
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import optax
import pytest

import jaxnet
from jaxnet import config, loop
from jaxnet.augment import augment
from reference import TwoLayerNet
from tests.helpers import lowered_run, make_plan, traced, train_as_val


def small_problem(N=12, D=4, H=5, C=3, seed=0, dtype=np.float64):
    """(params, X (N, D), y (N,) int32 in [0, C)): a net with hidden size H and its data."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((N, D)).astype(dtype)
    y = rng.integers(0, C, N).astype(np.int32)
    params = jaxnet.init_params(jax.random.key(seed), D, H, C, std=0.5, dtype=dtype)
    return params, X, y


def assert_same(a, b):
    """Two dicts of arrays with the same keys, equal to the bit."""
    assert a.keys() == b.keys()
    for k in a:
        np.testing.assert_array_equal(np.asarray(a[k]), np.asarray(b[k]), err_msg=k)


# ----------------------------------------------------------------------------- the plan

def test_iterations_per_epoch_for_each_sampling():
    assert loop.iterations_per_epoch(10, 4) == 2
    assert loop.iterations_per_epoch(3, 5) == 1  # the notebook's max(N // B, 1)
    assert loop.iterations_per_epoch(3, 5, "replacement") == 1
    assert loop.iterations_per_epoch(10, 4, "epoch") == 2
    assert loop.iterations_per_epoch(3, 5, "epoch") == 0  # no whole batch: refused by plans


def test_plan_defaults_and_what_it_passes_through():
    plan = loop.make_plan([config.Config(batch_size=5)], 12, 4)
    assert plan.stop_on_divergence is True and plan.given_rows is False
    assert plan.batch_sharding is None and plan.image_shape is None
    assert plan.enabled == frozenset() and plan.iterations_per_epoch == 2
    assert plan.layout == ("transposed" if jax.default_backend() == "cpu" else "plain")  # auto
    assert plan.config == config.Config(batch_size=5).static()
    marker = object()  # make_plan keeps the sharding it is given, whatever it is
    plan = loop.make_plan([config.Config(products="plain")], 12, 4, batch_sharding=marker,
                          stop_on_divergence=False, given_rows=True)
    assert plan.batch_sharding is marker and plan.stop_on_divergence is False
    assert plan.given_rows is True and plan.layout == "plain"
    assert loop.make_plan([config.Config(products="transposed")], 12, 4).layout == "transposed"


def test_plan_compiles_in_the_gated_options_some_config_sets():
    assert set(config.GATED) == {"weight_decay", "dropout", "mixup"}
    plain = config.Config()
    assert loop.make_plan([plain, plain], 12, 4).enabled == frozenset()
    some = [plain, config.Config(dropout=0.5), config.Config(weight_decay=1e-3)]
    assert loop.make_plan(some, 12, 4).enabled == {"dropout", "weight_decay"}


def test_plan_refuses_configs_that_differ_in_static_options():
    plain = config.Config()
    loop.make_plan([plain, config.Config(learning_rate=0.5, reg=0.1)], 12, 4)  # traced: fine
    with pytest.raises(ValueError) as err:
        loop.make_plan([plain, config.Config(batch_size=7)], 12, 4)
    assert str(err.value) == (f"the configs of one program may differ only in traced options "
                              f"{config.TRACED}")


def test_epoch_sampling_needs_a_whole_batch():
    plan = make_plan(12, 4, batch_size=12, sampling="epoch")  # exactly one batch: fine
    assert plan.iterations_per_epoch == 1
    with pytest.raises(ValueError) as err:
        make_plan(12, 4, batch_size=13, sampling="epoch")
    assert str(err.value) == "sampling='epoch' needs batch_size <= the 12 training rows, got 13"
    assert make_plan(12, 4, batch_size=13).iterations_per_epoch == 1  # with replacement


@pytest.mark.parametrize("options", [dict(flip=True), dict(crop=1)])
def test_flips_and_crops_need_a_matching_image_shape(options):
    plan = make_plan(12, 6, image_shape=[np.int64(2), 3, np.int32(1)], **options)
    assert plan.image_shape == (2, 3, 1) and all(type(s) is int for s in plan.image_shape)
    for shape in (None, (1, 2, 3, 1), (6,), (2, 2, 1)):
        with pytest.raises(ValueError) as err:
            make_plan(12, 6, image_shape=shape, **options)
        assert str(err.value) == (f"flip/crop need image_shape (height, width, channels) whose "
                                  f"product is the input size 6, got {shape}")


def test_plan_keeps_no_image_shape_without_flips_or_crops():
    assert make_plan(12, 6, image_shape=(2, 3, 1)).image_shape is None


def test_a_crop_must_leave_part_of_the_image():
    assert make_plan(12, 6, image_shape=(2, 3, 1), crop=1).image_shape == (2, 3, 1)
    for shape, crop in (((2, 3, 1), 2), ((3, 2, 1), 3)):
        with pytest.raises(ValueError) as err:
            make_plan(12, 6, image_shape=shape, crop=crop)
        assert str(err.value) == (f"crop {crop} does not fit {shape[0]}x{shape[1]} images "
                                  f"(at most 1)")


def test_traced_values_are_arrays_of_the_compute_dtype():
    one = config.Config(learning_rate=0.25, reg=0.5)
    hp = loop.traced_values(one, jnp.float32)
    assert set(hp) == set(config.TRACED)
    for k, v in hp.items():
        assert v.dtype == jnp.float32 and v.shape == () and float(v) == np.float32(one.traced()[k])
    two = [one, config.Config(learning_rate=0.125, reg=0.75)]
    hp = loop.traced_values(two, jnp.float32)
    assert set(hp) == set(config.TRACED)
    for k, v in hp.items():
        assert v.dtype == jnp.float32 and v.shape == (2,)
        np.testing.assert_array_equal(v, np.float32([c.traced()[k] for c in two]))


# ------------------------------------------------------------------------ drawn rows

@pytest.mark.parametrize("sampling", ["replacement", "epoch"])
def test_drawn_rows_are_int32(sampling):
    rows = jaxnet.sample_batch_indices(jax.random.key(0), 12, 7, 4, sampling)
    assert rows.shape == (7, 4) and rows.dtype == jnp.int32
    plan = make_plan(12, 4, batch_size=4, sampling=sampling)
    assert loop.epoch_rows(jax.random.key(0), 1, 12, plan).dtype == jnp.int32


def test_rows_drawn_with_replacement_are_uniform_over_every_row():
    rows = np.asarray(jaxnet.sample_batch_indices(jax.random.key(2), 3, 600, 5)).ravel()
    counts = np.bincount(rows, minlength=3)
    assert counts.size == 3  # no row outside [0, 3)
    # 3000 draws, 1000 expected per row, standard deviation 25.8: 5 deviations apart.
    assert np.all(np.abs(counts - 1000) < 130), counts


def test_sample_batch_indices_refuses_what_no_epoch_can_hold():
    with pytest.raises(ValueError, match="sampling='epoch' needs batch_size <= the 3"):
        jaxnet.sample_batch_indices(jax.random.key(0), 3, 4, 5, "epoch")
    with pytest.raises(ValueError, match="sampling"):
        jaxnet.sample_batch_indices(jax.random.key(0), 12, 4, 5, "shuffle")
    for bad in (dict(num_train=0), dict(batch_size=0), dict(num_iters=-1)):
        args = dict(num_train=12, num_iters=4, batch_size=5) | bad
        with pytest.raises(ValueError, match=f"^{next(iter(bad))} must be"):
            jaxnet.sample_batch_indices(jax.random.key(0), **args)


@pytest.mark.slow
def test_a_batch_larger_than_the_data_draws_one_epoch_per_update():
    """Five rows of three per update: one update per epoch, each epoch its own draw."""
    params, X, y = small_problem(N=3)
    key = jax.random.key(9)
    batch_key = jax.random.split(key)[0]
    rows = jaxnet.sample_batch_indices(batch_key, 3, 4, 5)
    # The documented stream: epoch e's rows are randint(fold_in(batch_key, e)), one update each.
    expected = [jax.random.randint(jax.random.fold_in(batch_key, e), (1, 5), 0, 3, jnp.int32)
                for e in range(4)]
    np.testing.assert_array_equal(rows, np.concatenate(expected))
    assert len({tuple(r) for r in np.asarray(rows)}) > 1  # each epoch its own draw
    kw = dict(learning_rate=0.1, num_iters=4, batch_size=5)
    drawn = jaxnet.train(params, X, y, X, y, key=key, **kw)
    given = jaxnet.train(params, X, y, X, y, batch_indices=np.asarray(rows), **kw)
    assert_same(drawn[0], given[0])
    assert drawn[1]["val_acc_history"].shape == (4,)


@pytest.mark.slow
@pytest.mark.parametrize("ipe, it", [(1, 2**24 + 1), (2, 2**25 + 3)])
def test_updates_past_float32s_exact_integers_draw_their_own_epochs_rows(ipe, it):
    """A long run's epoch index is an integer division: float32 would round 2**24 + 1 to
    2**24, so a resumed update there would reuse another epoch's rows. One update at
    ``it`` in a piece, drawn, against ``train_step`` on the rows of epoch it // ipe."""
    N, B = 12, 12 // ipe
    with jax.enable_x64(False):
        params, X, y = small_problem(N=N, dtype=np.float32)
        c = config.Config(batch_size=B, learning_rate=0.1, products="plain")
        plan = loop.make_plan([c], N, 4)
        hp = loop.traced_values(c, jnp.float32)
        state = loop.init_state(params, hp, plan)
        data = train_as_val(X, y)
        key, noise = jax.random.split(jax.random.key(0))
        rows = loop.epoch_rows(key, it // ipe, N, plan)[it % ipe]
        rounded = int(np.float32(it) / np.float32(ipe))  # the epoch a float32 division gives
        assert rounded != it // ipe
        assert not np.array_equal(rows, loop.epoch_rows(key, rounded, N, plan)[it % ipe])
        drawn, _ = loop.piece(state, data, (key, noise), jnp.int32(it), jnp.int32(it + 1), hp,
                              plan=plan, length=1)
        step = jax.jit(loop.train_step, static_argnames="plan")
        expected = step(params, state["opt_state"], data, rows, jnp.int32(it), noise, hp, plan)
    for k in params:
        np.testing.assert_allclose(drawn["params"][k], expected[0][k], rtol=1e-6, err_msg=k)


@pytest.mark.parametrize("weight_decay", [0.0, 0.1])
def test_train_step_is_one_sgd_update_of_the_reference(weight_decay):
    """``train_step`` on given rows: the minibatch X[rows], y[rows], the reference's
    gradient and params - lr * grad (plus weight_decay * W for the weights, which the
    optimizer reads from the params); the loss is the reference's at the old params."""
    params, X, y = small_problem(N=10)
    c = config.Config(batch_size=4, learning_rate=0.3, reg=0.05, products="plain", weight_decay=weight_decay)
    plan = loop.make_plan([c], 10, 4)
    hp = loop.traced_values(c, jnp.float64)
    rows = jnp.array([7, 2, 2, 9], jnp.int32)
    new, _, loss = loop.train_step(params, loop.init_state(params, hp, plan)["opt_state"],
                                   train_as_val(X, y), rows, jnp.int32(0),
                                   jax.random.key(0), hp, plan)
    net = TwoLayerNet.from_params({k: np.asarray(v) for k, v in params.items()})
    want_loss, grads = net.loss(X[[7, 2, 2, 9]], y[[7, 2, 2, 9]], reg=0.05)
    assert float(loss) == pytest.approx(want_loss, rel=1e-12)
    for k in params:
        decay = weight_decay * np.asarray(params[k]) if k.startswith("W") else 0.0
        np.testing.assert_allclose(new[k], np.asarray(params[k]) - 0.3 * (grads[k] + decay), rtol=1e-12,
                                   atol=1e-15, err_msg=k)


# ------------------------------------------------------------- pieces inside epochs

def test_pieces_that_begin_and_end_inside_epochs_equal_the_whole_run():
    """6 updates per epoch; pieces 0-2, 2-16 (the rest of epoch 0, epoch 1, four of
    epoch 2) and 16-20 (the rest of epoch 2, two of epoch 3)."""
    params, X, y = small_problem(N=24)
    key = jax.random.key(3)
    run = dict(num_iters=20, batch_size=4, learning_rate=0.05)
    whole = jaxnet.train(params, X, y, X, y, key=key, **run)
    state = jaxnet.begin(params, key, **run)
    for n in (2, 14, 4):
        state = jaxnet.resume(state, X, y, X, y, iterations=n)
    assert_same(whole[0], state.params)
    assert_same(whole[1], state.history)
    assert state.history["val_acc_history"].shape == (4,)


def scanned_piece(start, stop, length, stop_on_divergence=True, learning_rate=0.05):
    """``loop.piece`` of a 3-updates-per-epoch run over ``start`` .. ``stop - 1``, scanning
    ``length`` iterations: (state, history)."""
    params, X, y = small_problem()
    plan = make_plan(12, 4, stop_on_divergence=stop_on_divergence, batch_size=4)
    hp = traced(learning_rate=learning_rate, batch_size=4)
    state = loop.init_state(params, hp, plan)
    minibatches = tuple(jax.random.split(jax.random.key(0)))
    return loop.piece(state, train_as_val(X, y), minibatches, jnp.int32(start), jnp.int32(stop),
                      hp, plan=plan, length=length)


def updates_counted(state):
    """The optimizer's update count (optax's schedule state): how many updates ran."""
    counts = [leaf for leaf in jax.tree.leaves(state["opt_state"])
              if jnp.issubdtype(leaf.dtype, jnp.integer)]
    assert len(counts) == 1
    return int(counts[0])


@pytest.mark.parametrize("stop_on_divergence", [True, False])
def test_a_pieces_iterations_from_stop_on_are_skipped(stop_on_divergence):
    """Updates 1 .. 4 in a scan of 6: the last two leave the state and record NaN; the
    accuracies are recorded at the boundary (iteration 3) only; the state equals a scan
    of exactly 4 (with or without the divergence check, which decides when a step is live)."""
    state, history = scanned_piece(1, 5, 6, stop_on_divergence)
    exact, exact_history = scanned_piece(1, 5, 4, stop_on_divergence)
    assert updates_counted(state) == 4
    assert_same(state["params"], exact["params"])
    losses = np.asarray(history["loss_history"])
    np.testing.assert_array_equal(losses[:4], exact_history["loss_history"])
    assert np.isfinite(losses[:4]).all() and np.isnan(losses[4:]).all()
    for k in ("train_acc_history", "val_acc_history"):
        record = np.asarray(history[k])
        assert np.isfinite(record[2]) and np.isnan(np.delete(record, 2)).all(), k


def test_updates_after_a_non_finite_loss_are_skipped():
    """lr 1e300 makes the weights ~1e300 at once: update 0's loss is finite, update 1's is
    not, and nothing runs after it (the record of epoch 1's boundary included)."""
    state, history = scanned_piece(0, 9, 9, learning_rate=1e300)
    assert updates_counted(state) == 2  # updates 0 and 1
    losses, val_acc = np.asarray(history["loss_history"]), np.asarray(history["val_acc_history"])
    assert np.isfinite(losses[0]) and not np.isfinite(losses[1])
    assert np.isnan(losses[2:]).all()
    assert np.isfinite(val_acc[0]) and np.isnan(val_acc[1:]).all()
    assert not bool(state["finite"])


def test_a_diverged_state_runs_no_more_updates():
    """A piece that begins from a state whose loss was not finite skips all its updates."""
    diverged, _ = scanned_piece(0, 2, 2, learning_rate=1e300)
    params, X, y = small_problem()
    plan = make_plan(12, 4, batch_size=4)
    hp = traced(learning_rate=1e300, batch_size=4)
    minibatches = tuple(jax.random.split(jax.random.key(0)))
    state, history = loop.piece(diverged, train_as_val(X, y), minibatches, jnp.int32(2),
                                jnp.int32(6), hp, plan=plan, length=4)
    assert updates_counted(state) == 2 and not bool(state["finite"])
    assert np.isnan(np.asarray(history["loss_history"])).all()
    assert_same(state["params"], diverged["params"])


def test_without_stop_on_divergence_every_update_runs():
    """Vmapped groups run every update (a cond on a per-config flag would become a select):
    the accuracies of the epochs after the divergence are still computed."""
    state, history = scanned_piece(0, 9, 9, stop_on_divergence=False, learning_rate=1e300)
    assert updates_counted(state) == 9
    assert not np.isfinite(np.asarray(history["loss_history"])[1])
    assert np.isfinite(np.asarray(history["val_acc_history"])[::3]).all()
    assert not bool(state["finite"])


# ------------------------------------------------------------------ inside an update

def test_flips_and_crops_reach_the_update_as_augment_draws_them():
    """One SGD update on 8 flipped-and-cropped images equals the reference's update on the
    rows ``augment`` draws from the step's key: split(fold_in(noise key, 0))[0]."""
    image = (2, 3, 1)
    params, X, y = small_problem(N=8, D=6)
    key = jax.random.key(4)  # with batch_indices, the key is the noise key itself
    aug_key = jax.random.split(jax.random.fold_in(key, 0))[0]
    Xa = np.asarray(augment(aug_key, jnp.asarray(X), image, True, 1))
    for flip, crop in ((True, 0), (False, 1)):  # both halves of the augmentation act
        assert not np.array_equal(Xa, augment(aug_key, jnp.asarray(X), image, flip, crop))
    lr, reg = 0.1, 0.01
    got, _ = jaxnet.train(params, X, y, X, y, key=key, batch_indices=np.arange(8)[None],
                          num_iters=1, batch_size=8, learning_rate=lr, reg=reg, flip=True,
                          crop=1, image_shape=image)
    net = TwoLayerNet.from_params({k: np.asarray(v) for k, v in params.items()})
    _, grads = net.loss(Xa, y, reg=reg)
    for k in params:
        np.testing.assert_allclose(got[k], np.asarray(params[k]) - lr * grads[k], rtol=1e-12,
                                   atol=1e-15, err_msg=k)


@pytest.mark.slow
def test_data_parallel_on_one_device_trains_like_the_plain_run():
    """Not always to the bit: the sharded program may fuse its products differently."""
    params, X, y = small_problem(N=16)
    run = dict(key=jax.random.key(5), num_iters=6, batch_size=4, learning_rate=0.1)
    plain = jaxnet.train(params, X, y, X, y, **run)
    parallel = jaxnet.train(params, X, y, X, y, data_parallel=True, **run)
    for a, b in ((plain[0], parallel[0]), (plain[1], parallel[1])):
        for k in a:
            np.testing.assert_allclose(np.asarray(b[k]), np.asarray(a[k]), rtol=1e-12,
                                       atol=1e-15, err_msg=k)


def test_each_layout_compiles_its_own_products():
    """The transposed layout materialises dzᵀ behind an optimization barrier
    (jaxnet.layout); the plain layout's program has none: the piece converts its state to
    the plan's layout, and the products follow the params' keys."""
    def program(products):
        c = config.Config(batch_size=4, num_iters=3, products=products)
        params, X, y = small_problem()
        return lowered_run(params, X, y, loop.make_plan([c], 12, 4),
                           loop.traced_values(c, jnp.float64))
    assert "optimization_barrier" not in program("plain")
    assert "optimization_barrier" in program("transposed")


# ----------------------------------------------------------------- one step, one place

JAXNET = str(Path(jaxnet.__file__).parent)


def unmangled(name):
    """A function's own name: mutmut runs ``f`` as ``x_f__mutmut_orig`` (or a mutant)."""
    return re.sub(r"^x_(.+)__mutmut_\w+$", r"\1", name)


def test_every_run_reaches_train_step_six_frames_from_fit(monkeypatch):
    """Each entry point traces ``train_step``, and from ``jaxnet.fit`` to
    ``optax.apply_updates`` the trace passes at most 6 of the package's frames
    (docs/design.md lists them). The compiled programs are traced, not compiled: they
    return zeros of their outputs' shapes, which is all the host code after them needs."""
    frames = {}

    def recording(params, updates):
        stack = [f for f in inspect.stack() if f.filename.startswith(JAXNET)]
        frames.setdefault(entry, [f"{Path(f.filename).stem}.{unmangled(f.function)}"
                                  for f in stack[::-1]])
        return apply_updates(params, updates)

    def traced_only(program):
        def run(*args, plan, length, **kwargs):
            shapes = jax.eval_shape(functools.partial(program, plan=plan, length=length),
                                    *args, **kwargs)
            return jax.tree.map(lambda s: np.zeros(s.shape, s.dtype), shapes)
        return run

    apply_updates = optax.apply_updates
    monkeypatch.setattr(optax, "apply_updates", recording)
    for name in ("piece", "group_piece"):
        monkeypatch.setattr(loop, name, traced_only(getattr(loop, name)))
    params, X, y = small_problem(N=16)
    run = dict(num_iters=3, batch_size=4, learning_rate=0.1)
    splits = {"X_train": X, "y_train": y, "X_val": X, "y_val": y}
    entries = {
        "fit": lambda: jaxnet.fit(jaxnet.Recipe.of(hidden_size=3, dtype="float64", **run), splits,
                                  image_shape=(2, 2, 1), num_classes=3),
        "train": lambda: jaxnet.train(params, X, y, X, y, key=jax.random.key(0), **run),
        "train_indices": lambda: jaxnet.train(params, X, y, X, y, batch_indices=np.zeros((3, 4), int),
                                              **run),
        "resume": lambda: jaxnet.resume(jaxnet.begin(params, jax.random.key(0), **run), X, y, X,
                                        y, iterations=2),
        "data_parallel": lambda: jaxnet.train(params, X, y, X, y, key=jax.random.key(0),
                                              data_parallel=True, **run),
        "sweep": lambda: jaxnet.sweep(X, y, X, y, [dict(hidden_size=5)], num_classes=3,
                                      dtype=jnp.float64, **run),
        "search": lambda: jaxnet.search(X, y, X, y, [dict(hidden_size=5, learning_rate=r)
                                                     for r in (0.1, 0.2)], eta=2,
                                        num_classes=3, dtype=jnp.float64, **run),
    }
    for entry, call in entries.items():
        jax.clear_caches()  # trace afresh
        call()
    assert set(frames) == set(entries)
    for entry, path in frames.items():
        assert path[-1] == "loop.train_step", (entry, path)
    assert frames["fit"][0] == "fitting.fit" and len(frames["fit"]) <= 6, frames["fit"]
