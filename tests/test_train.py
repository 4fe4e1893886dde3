"""jaxnet.train against the reference's training loop."""

import math
import threading

import jax
import jax.numpy as jnp
import numpy as np
import optax
import pytest

import jaxnet
from reference import TwoLayerNet, notebook
from tests.helpers import count_compiles, to_jax


def assert_same_training(net, stats, params, history):
    """jaxnet's history and params equal the reference's (float64, same minibatches)."""
    np.testing.assert_allclose(history["loss_history"], stats["loss_history"], rtol=0, atol=1e-10)
    # Accuracies are k / N; summation order may change the last bit, never k.
    np.testing.assert_allclose(history["train_acc_history"], stats["train_acc_history"], atol=1e-12)
    np.testing.assert_allclose(history["val_acc_history"], stats["val_acc_history"], atol=1e-12)
    for k in net.params:
        np.testing.assert_allclose(params[k], net.params[k], rtol=1e-10, atol=1e-12)


def test_toy_training_reproduces_reference_loss_history(toy_data):
    X, y = toy_data
    net = notebook.init_toy_model()
    params0 = to_jax(net.params)
    indices = notebook.record_choices(X.shape[0], 200, 100)
    stats = net.train(X, y, X, y, **notebook.TOY_TRAIN)
    params, history = jaxnet.train(params0, X, y, X, y, batch_indices=indices, **notebook.TOY_TRAIN)
    assert abs(stats["loss_history"][-1] - notebook.FINAL_TOY_LOSS) < 1e-12
    assert history["loss_history"].shape == (100,)
    assert_same_training(net, stats, params, history)


def test_toy_training_with_key_reaches_notebook_bound(toy_data):
    X, y = toy_data
    params0 = to_jax(notebook.init_toy_model().params)
    _, history = jaxnet.train(params0, X, y, X, y, key=jax.random.key(0), **notebook.TOY_TRAIN)
    assert history["loss_history"][-1] < notebook.FINAL_TOY_LOSS_BOUND
    assert history["loss_history"][0] > 1.0  # it did start from the untrained toy model


@pytest.fixture(scope="module")
def multi_epoch():
    """50 rows, batch 10: 5 iterations per epoch, 30 iterations, 6 epoch boundaries."""
    rng = np.random.default_rng(1)
    X = rng.standard_normal((50, 12))
    y = rng.integers(0, 4, 50)
    X_val, y_val = rng.standard_normal((25, 12)), rng.integers(0, 4, 25)
    np.random.seed(42)
    net = TwoLayerNet(12, 16, 4, std=0.3)
    params0 = to_jax(net.params)
    kwargs = dict(learning_rate=0.5, learning_rate_decay=0.5, reg=1e-3, num_iters=30, batch_size=10)
    indices = notebook.record_choices(50, 10, 30)
    stats = net.train(X, y, X_val, y_val, **kwargs)
    params, history = jaxnet.train(params0, X, y, X_val, y_val, batch_indices=indices, **kwargs)
    return net, stats, params, history


def test_multi_epoch_parity_of_all_histories(multi_epoch):
    net, stats, params, history = multi_epoch
    assert len(stats["train_acc_history"]) == 6
    assert_same_training(net, stats, params, history)


def test_accuracies_are_not_trivial(multi_epoch):
    # Guards the parity test above against comparing two constant histories.
    _, stats, _, _ = multi_epoch
    assert len(set(stats["train_acc_history"])) > 1 or len(set(stats["val_acc_history"])) > 1


def notebook_rates(learning_rate, decay, ipe, num_iters):
    """The rate each iteration of the notebook's loop uses, by running its loop."""
    rates = []
    for it in range(num_iters):
        rates.append(learning_rate)
        if it % ipe == 0:
            learning_rate *= decay
    return rates


def test_schedule_decays_after_every_epoch_boundary_including_iteration_0():
    schedule = jaxnet.notebook_schedule(0.1, 0.5, 5)
    expected = notebook_rates(0.1, 0.5, 5, 23)
    got = [float(schedule(k)) for k in range(23)]
    np.testing.assert_allclose(got, expected, rtol=1e-15)
    assert got[0] == 0.1 and got[1] == 0.05 and got[5] == 0.05 and got[6] == 0.025
    # optax's staircase exponential_decay is one step later: floor instead of ceil.
    staircase = optax.exponential_decay(0.1, 5, 0.5, staircase=True)
    assert float(staircase(1)) == 0.1 != got[1]
    for k in range(23):
        assert got[k] == pytest.approx(float(staircase(k + 4)), rel=1e-15)


def test_training_uses_the_notebook_schedule():
    """One-row problem, reg 0: each update is -lr_k * grad, so lr_k is recoverable."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((4, 3))
    y = np.array([0, 1, 0, 1])
    params0 = to_jax({"W1": rng.standard_normal((3, 5)), "b1": np.ones(5),
                      "W2": rng.standard_normal((5, 2)), "b2": np.zeros(2)})
    indices = np.zeros((7, 2), dtype=int)  # ipe = 4 // 2 = 2
    p = params0
    for k, lr in enumerate(notebook_rates(0.3, 0.1, 2, 7)):
        g = jax.grad(jaxnet.loss)(p, X[indices[k]], y[indices[k]], 0.0)
        p = jax.tree.map(lambda a, b: a - lr * b, p, g)
    params, _ = jaxnet.train(params0, X, y, X, y, learning_rate=0.3, learning_rate_decay=0.1,
                             reg=0.0, num_iters=7, batch_size=2, batch_indices=indices)
    for k in p:
        np.testing.assert_allclose(params[k], p[k], rtol=1e-12)


@pytest.mark.slow
def test_recompiles_only_for_new_shapes():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((40, 6)), rng.integers(0, 3, 40)
    params = jaxnet.init_params(jax.random.key(0), 6, 5, 3, std=0.1, dtype=jnp.float64)
    runs = [dict(learning_rate=0.1, reg=0.0, learning_rate_decay=0.9, key=jax.random.key(1)),
            dict(learning_rate=0.05, reg=0.3, learning_rate_decay=0.5, key=jax.random.key(2)),
            dict(learning_rate=0.2, reg=1e-3, learning_rate_decay=1.0, key=jax.random.key(3))]
    jaxnet.train(params, X, y, X, y, num_iters=11, batch_size=8, key=jax.random.key(1))  # warm-up
    with count_compiles("run_piece") as compiles:
        histories = [jaxnet.train(params, X, y, X, y, num_iters=12, batch_size=8, **r)[1]
                     for r in runs]
    assert compiles() == 1
    assert not np.allclose(histories[0]["loss_history"], histories[1]["loss_history"])
    with count_compiles("run_piece") as compiles:
        jaxnet.train(params, X, y, X, y, num_iters=13, batch_size=8, key=jax.random.key(1))
    assert compiles() == 1  # a new number of iterations is a new program


def small_float32_problem(seed):
    """40 rows of 6 float32 inputs, 3 classes, and a float32 net with 5 hidden units."""
    rng = np.random.default_rng(seed)
    X, y = rng.standard_normal((40, 6)).astype(np.float32), rng.integers(0, 3, 40)
    return X, y, jaxnet.init_params(jax.random.key(0), 6, 5, 3, std=0.1)


def test_progress_sink_gets_each_epochs_last_loss():
    X, y, params = small_float32_problem(5)
    reports = []
    _, history = jaxnet.train(params, X, y, X, y, num_iters=22, batch_size=8, key=jax.random.key(1),
                              progress=lambda it, loss: reports.append((it, loss)))
    # 5 iterations per epoch: reports after iterations 5, 10, 15, 20 and the partial epoch's 22.
    assert [it for it, _ in reports] == [5, 10, 15, 20, 22]
    np.testing.assert_array_equal([loss for _, loss in reports],
                                  history["loss_history"][[4, 9, 14, 19, 21]])


@pytest.mark.slow
def test_concurrent_runs_report_to_their_own_sinks():
    """Run B starts while run A's program is paused in its first report; each run's reports
    must still reach its own sink (not the sink of whichever run started last). The runs
    differ in length: XLA:CPU runs two calls of one executable one after the other."""
    X, y, params = small_float32_problem(6)
    reports = {"a": [], "b": []}
    a_reported, b_reported = threading.Event(), threading.Event()
    histories = {}

    def sink_a(it, loss):
        reports["a"].append((it, loss))
        if len(reports["a"]) == 1:  # hold run A until run B is under way
            a_reported.set()
            b_reported.wait(timeout=30)

    def sink_b(it, loss):
        reports["b"].append((it, loss))
        b_reported.set()

    def train(name, sink, num_iters):
        histories[name] = jaxnet.train(params, X, y, X, y, num_iters=num_iters, batch_size=8,
                                       key=jax.random.key(num_iters), progress=sink)[1]

    run_a = threading.Thread(target=train, args=("a", sink_a, 20))
    run_a.start()
    assert a_reported.wait(timeout=60)
    run_b = threading.Thread(target=train, args=("b", sink_b, 25))
    run_b.start()
    run_a.join(timeout=120)
    run_b.join(timeout=120)
    assert set(histories) == {"a", "b"}
    for name, num_iters in (("a", 20), ("b", 25)):
        ends = list(range(5, num_iters + 1, 5))
        assert [it for it, _ in reports[name]] == ends
        np.testing.assert_array_equal([loss for _, loss in reports[name]],
                                      histories[name]["loss_history"][np.array(ends) - 1])


@pytest.mark.slow
def test_key_path_samples_like_sample_batch_indices():
    """Training from a key equals training on the indices that key's batch half draws."""
    rng = np.random.default_rng(3)
    X, y = rng.standard_normal((30, 5)), rng.integers(0, 3, 30)
    params = jaxnet.init_params(jax.random.key(1), 5, 6, 3, std=0.2, dtype=jnp.float64)
    key = jax.random.key(9)
    indices = jaxnet.sample_batch_indices(jax.random.split(key)[0], 30, 11, 4)
    assert indices.shape == (11, 4) and int(indices.min()) >= 0 and int(indices.max()) < 30
    kw = dict(learning_rate=0.1, num_iters=11, batch_size=4)
    a = jaxnet.train(params, X, y, X, y, key=key, **kw)
    b = jaxnet.train(params, X, y, X, y, batch_indices=np.asarray(indices), **kw)
    np.testing.assert_array_equal(a[1]["loss_history"], b[1]["loss_history"])


def test_epoch_sampling_visits_every_row_once_per_epoch():
    idx = np.asarray(jaxnet.sample_batch_indices(jax.random.key(0), 20, 15, 4, sampling="epoch"))
    assert idx.shape == (15, 4)
    for e in range(3):  # 5 batches per epoch
        assert sorted(idx[5 * e: 5 * e + 5].ravel()) == list(range(20))


@pytest.mark.slow
def test_divergence_raises_with_iteration():
    rng = np.random.default_rng(0)
    X, y = 100 * rng.standard_normal((20, 4)), rng.integers(0, 3, 20)
    params = jaxnet.init_params(jax.random.key(0), 4, 8, 3, std=1.0, dtype=jnp.float64)
    with pytest.raises(jaxnet.TrainingDiverged, match="iteration"):
        jaxnet.train(params, X, y, X, y, learning_rate=1e6, num_iters=50, batch_size=5,
                     key=jax.random.key(0))


@pytest.mark.slow
def test_float32_by_default():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 4)), rng.integers(0, 3, 20)
    params = jaxnet.init_params(jax.random.key(0), 4, 8, 3, std=0.1)
    trained, history = jaxnet.train(params, X, y, X, y, num_iters=5, batch_size=5,
                                    key=jax.random.key(0))
    assert all(v.dtype == jnp.float32 for v in trained.values())
    assert history["loss_history"].shape == (5,)
    assert math.isfinite(history["loss_history"][-1])


@pytest.mark.slow
def test_bfloat16_inputs_train_as_their_float32_values():
    """Inputs are cast to the params' dtype: bfloat16 rows train like their float32 values."""
    rng = np.random.default_rng(7)
    X16 = jnp.asarray(rng.standard_normal((40, 6)), jnp.bfloat16)
    y = rng.integers(0, 3, 40)
    params = jaxnet.init_params(jax.random.key(0), 6, 5, 3, std=0.1)
    kwargs = dict(num_iters=12, batch_size=8, key=jax.random.key(1))
    trained16, history16 = jaxnet.train(params, X16, y, X16, y, **kwargs)
    X32 = np.asarray(X16, np.float32)
    trained32, history32 = jaxnet.train(params, X32, y, X32, y, **kwargs)
    np.testing.assert_array_equal(history16["loss_history"], history32["loss_history"])
    for k in trained32:
        np.testing.assert_array_equal(trained16[k], trained32[k])


def test_zero_iterations_returns_initial_params():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((20, 4)), rng.integers(0, 3, 20)
    params = jaxnet.init_params(jax.random.key(0), 4, 8, 3, std=0.1)
    trained, history = jaxnet.train(params, X, y, X, y, num_iters=0, key=jax.random.key(0))
    np.testing.assert_array_equal(trained["W1"], params["W1"])
    assert history["loss_history"].shape == (0,) and history["val_acc_history"].shape == (0,)


# ---- the host's piece loop (training.drive), on a fake compiled piece ------------------------------

def fake_piece(calls):
    """A piece ``run(program, start, stop, length)`` whose history is the iteration numbers (loss
    k at update k; accuracies 1000 + k) and whose program counts the updates it made."""
    def run(program, *, start, stop, length):
        a, b = int(start), int(stop)
        calls.append((a, b))
        its = np.arange(a, a + length, dtype=np.float64)
        return program + (b - a), {"loss_history": its, "train_acc_history": its + 1000,
                                   "val_acc_history": its + 2000}
    return run


@pytest.mark.parametrize("start, n, ipe, length, every", [(0, 12, 5, 4, None), (3, 10, 4, 100, 3), (7, 1, 3, 2, 1),
                                                          (0, 9, 3, 9, 4), (2, 11, 1, 5, None), (2, 10, 4, 100, 3)])
def test_drive_runs_every_update_once_in_pieces_and_keeps_each_every(start, n, ipe, length, every):
    """The pieces cover start .. start+n-1 once, each of at most ``length`` updates and, with a
    progress sink, none across an epoch boundary; keep sees the history so far every ``every``
    updates and at the end; the history holds each update's loss and each epoch boundary's
    accuracies, in order (an independent count of what the loop must do)."""
    from jaxnet import training
    calls, kept, shown = [], [], []
    show = lambda b, record: shown.append((b, record["loss_history"].copy())) or True  # noqa: E731
    keep = lambda program, b, history: kept.append((b, program, history["loss_history"].copy()))  # noqa: E731
    program, history, done = training.drive(fake_piece(calls), 0, start, n, ipe, length, show=show, every=every,
                                            keep=keep)
    updates = [it for a, b in calls for it in range(a, b)]
    assert updates == list(range(start, start + n)) and done == start + n and program == n
    assert all(b - a <= length and (a // ipe == (b - 1) // ipe) for a, b in calls)  # within one epoch
    np.testing.assert_array_equal(history["loss_history"], np.arange(start, start + n))
    boundaries = [it for it in range(start, start + n) if it % ipe == 0]
    np.testing.assert_array_equal(history["train_acc_history"], np.array(boundaries) + 1000.0)
    np.testing.assert_array_equal(history["val_acc_history"], np.array(boundaries) + 2000.0)
    want_kept = sorted({start + n} | ({b for b in range(start + every, start + n, every)} if every else set()))
    assert [b for b, _, _ in kept] == want_kept
    for b, prog, losses in kept:  # the program and the history as they were at b
        assert prog == b - start
        np.testing.assert_array_equal(losses, np.arange(start, b))
    assert [b for b, _ in shown] == [b for _, b in calls]  # every piece shown once, in order
    for b, losses in shown:
        assert losses[-1] == b - 1


def test_drive_stops_at_the_first_piece_shown_as_diverged():
    """show returning False (a NaN loss) stops the loop: no later piece runs, and the updates
    counted are those whose history was fetched."""
    from jaxnet import training
    calls = []
    show = lambda b, record: b < 6  # noqa: E731 -- "diverged" once the piece ending at 6 is shown
    program, history, done = training.drive(fake_piece(calls), 0, 0, 20, 3, 3, show=show)
    assert calls[-1][0] <= 9 and all(a < 9 for a, _ in calls)  # at most the piece after the diverged one ran
    assert done == history["loss_history"].shape[-1] == 6
    calls, kept = [], []
    keep = lambda program, b, history: kept.append(b)  # noqa: E731
    _, history, done = training.drive(fake_piece(calls), 0, 0, 20, 3, 3, show=show, every=3, keep=keep)
    assert kept == [3] and done == 6 and calls == [(0, 3), (3, 6)]


@pytest.mark.parametrize("start, n, ipe, length, per_epoch, every",
                         [(0, 10, 4, 3, True, None), (5, 17, 6, 100, True, 4), (1, 8, 2, 8, False, 3),
                          (0, 5, 10, 2, False, None), (9, 1, 3, 1, True, 1)])
def test_piece_bounds_end_at_the_length_the_epochs_and_every(start, n, ipe, length, per_epoch, every):
    """Each piece runs from where the last ended up to the first of: the run's end, ``length``
    updates, the next epoch boundary (per_epoch), the next multiple of ``every`` from start."""
    from jaxnet import training
    want, a = [], start
    while a < start + n:
        ends = [start + n, a + length] + ([(a // ipe + 1) * ipe] if per_epoch else [])
        ends += [start + ((a - start) // every + 1) * every] if every else []
        want.append((a, min(ends)))
        a = min(ends)
    assert training.piece_bounds(start, n, ipe, length, per_epoch=per_epoch, every=every) == want


@pytest.mark.parametrize("first", [0, 7])
def test_divergence_names_the_first_iteration_whose_loss_is_not_finite(first):
    from jaxnet import training
    history = {"loss_history": np.array([2.0, 1.5, np.inf, np.nan])}
    with pytest.raises(training.TrainingDiverged, match=rf"became inf at iteration {first + 2} \(learning rate "
                                                         r"0\.25\)"):
        training.check_diverged(history, 0.25, first) if first else training.check_diverged(history, 0.25)


def test_advance_hands_on_piece_each_state_and_stops_on_a_diverged_piece():
    """advance(every=2, on_piece): the states after updates 2, 4, 6, each with the history so far
    (the whole run's first updates) and the params the whole run has there; a learning rate that
    makes the loss infinite raises TrainingDiverged before on_piece sees the diverged piece."""
    from jaxnet import training
    rng = np.random.default_rng(3)
    X, y = rng.standard_normal((12, 5)), rng.integers(0, 3, 12)
    params = to_jax(TwoLayerNet(5, 4, 3, std=0.5).params)
    kwargs = dict(num_iters=6, batch_size=4, learning_rate=0.3)

    def run(on_piece=None, every=None, n=6, **options):
        state = training.begin(params, jax.random.key(1), **{**kwargs, **options})
        state, data, plan, hp = training.prepare(state, X, y, X, y)
        return training.advance(state, data, plan, hp, n, every=every, on_piece=on_piece)

    whole, seen = run(), []
    assert run(on_piece=seen.append, every=2).iteration == 6
    assert [s.iteration for s in seen] == [2, 4, 6]
    for s in seen:
        np.testing.assert_array_equal(s.history["loss_history"], whole.history["loss_history"][: s.iteration])
        assert s.history["train_acc_history"].shape == (int(np.ceil(s.iteration / 3)),)
    np.testing.assert_array_equal(seen[-1].program["params"]["W1"], whole.program["params"]["W1"])
    part = run(n=4)
    np.testing.assert_array_equal(seen[1].program["params"]["W1"], part.program["params"]["W1"])
    seen.clear()
    with pytest.raises(training.TrainingDiverged, match=r"learning rate 1e\+308"):
        run(on_piece=seen.append, every=2, learning_rate=1e308)
    assert all(np.isfinite(s.history["loss_history"]).all() for s in seen)


@pytest.fixture(scope="module")
def small_run():
    """A 12-row problem with its first params and options: 6 updates in batches of 4."""
    rng = np.random.default_rng(5)
    X, y = rng.standard_normal((12, 4)), rng.integers(0, 3, 12)
    return to_jax(TwoLayerNet(4, 5, 3, std=0.5).params), X, y, dict(num_iters=6, batch_size=4, learning_rate=0.3)


def test_the_minibatch_is_split_across_devices_only_when_asked(small_run, monkeypatch):
    """data_parallel reaches the plan: prepare asks for the batch sharding, hands it to the plan and
    replicates the data and the program only with data_parallel=True (by default, not; nor does
    resume)."""
    from jaxnet import parallel, training
    params, X, y, kw = small_run
    from jaxnet import loop
    asked, make_plan, sharding = [], loop.make_plan, object()
    monkeypatch.setattr(parallel, "batch_sharding", lambda b: asked.append(("sharding", b)) or sharding)
    names = lambda tree: sorted(getattr(tree, "_fields", tree))  # noqa: E731 -- Data's fields, the program's keys
    monkeypatch.setattr(parallel, "replicate", lambda tree: asked.append(("replicate", names(tree))) or tree)
    monkeypatch.setattr(loop, "make_plan", lambda *a, batch_sharding=None, **k: asked.append(
        ("plan", batch_sharding is sharding)) or make_plan(*a, **k))
    training.prepare(training.begin(params, jax.random.key(0), **kw), X, y, X, y)
    assert asked == [("plan", False)]
    asked.clear()
    training.prepare(training.begin(params, jax.random.key(0), **kw), X, y, X, y, data_parallel=True)
    assert asked == [("sharding", 4), ("plan", True), ("replicate", ["X", "X_val", "y", "y_val"]),
                     ("replicate", ["finite", "opt_state", "params"])]
    asked.clear()
    training.resume(training.begin(params, jax.random.key(0), **kw), X, y, X, y, iterations=1)
    assert asked == [("plan", False)]


def test_given_minibatches_take_their_noise_from_the_key_given(small_run):
    """batch_indices with dropout: the noise comes from the key when one is given (two keys, two
    runs), from a fixed one when none is (the run repeats)."""
    params, X, y, kw = small_run
    rows = np.arange(24).reshape(6, 4) % 12
    run = lambda key: jaxnet.train(params, X, y, X, y, batch_indices=rows, key=key, dropout=0.5, **kw)[0]  # noqa
    a, b, none, none_again = run(jax.random.key(1)), run(jax.random.key(2)), run(None), run(None)
    assert not np.array_equal(a["W1"], b["W1"]) and not np.array_equal(a["W1"], none["W1"])
    np.testing.assert_array_equal(none["W1"], none_again["W1"])


def test_resume_counts_its_updates_and_draws_its_bar_from_where_the_run_is(small_run, capsys):
    """resume: iterations must be a positive int (named in the error); the progress bar counts the
    whole run's updates from where the state is (2 of 6 here); no bar unless asked."""
    from jaxnet import training
    params, X, y, kw = small_run
    state = training.begin(params, jax.random.key(0), **kw)
    with pytest.raises(ValueError, match=r"^iterations must be > 0, got 0$"):
        training.resume(state, X, y, X, y, iterations=0)
    state = training.resume(state, X, y, X, y, iterations=2)
    assert state.iteration == 2 and capsys.readouterr().err == ""
    assert state.init_params is None  # the first params are let go once the program holds the run
    training.resume(state, X, y, X, y, progress=True)
    err = capsys.readouterr().err
    assert "2/6" in err and "6/6" in err and "/5" not in err


def test_histories_are_float64_whatever_the_compute_dtype(small_run):
    params, X, y, kw = small_run
    _, history = jaxnet.train(to_jax(TwoLayerNet(4, 5, 3, std=0.5).params, jnp.float32), X.astype(np.float32), y,
                              X.astype(np.float32), y, key=jax.random.key(0), **kw)
    assert {v.dtype for v in history.values()} == {np.dtype(np.float64)}


def test_one_training_row_is_enough(small_run):
    params, X, y, kw = small_run
    _, history = jaxnet.train(params, X[:1], y[:1], X, y, key=jax.random.key(0), **dict(kw, batch_size=2))
    assert history["loss_history"].shape == (6,)


def test_a_run_continued_on_other_data_names_both_with_their_image_shape(small_run):
    from jaxnet import training
    params, X, y, kw = small_run
    state = training.resume(training.begin(params, jax.random.key(0), **kw), X, y, X, y, iterations=2,
                            image_shape=(2, 2, 1))
    with pytest.raises(ValueError, match=r"12 training rows of 4 inputs \(float64, images \(2, 2, 1\)\); got 12 "
                                         r"training rows of 4 inputs \(float64\)"):
        training.resume(state, X, y, X, y)


def test_drive_joins_a_group_of_runs_histories_along_the_updates():
    """For a group of runs each piece's history is (runs, updates): joined along the updates."""
    from jaxnet import training

    def run(program, *, start, stop, length):
        its = np.arange(int(start), int(start) + length, dtype=np.float64)
        return program, {k: np.stack([its, -its]) for k in ("loss_history", "train_acc_history", "val_acc_history")}
    _, history, done = training.drive(run, None, 0, 5, 2, 2)
    assert done == 5
    np.testing.assert_array_equal(history["loss_history"], np.stack([np.arange(5.0), -np.arange(5.0)]))
    np.testing.assert_array_equal(history["train_acc_history"], [[0.0, 2.0, 4.0], [0.0, -2.0, -4.0]])


def test_a_run_needs_a_key_or_its_minibatches(small_run):
    params, X, y, kw = small_run
    with pytest.raises(ValueError, match=r"^pass key= \(a jax.random key\) or batch_indices= to choose minibatches$"):
        jaxnet.train(params, X, y, X, y, **kw)


def test_no_training_rows_is_refused_in_one_line(small_run):
    params, X, y, kw = small_run
    with pytest.raises(ValueError, match=r"^X has no rows: training needs at least one example$"):
        jaxnet.train(params, X[:0], y[:0], X, y, key=jax.random.key(0), **kw)


def test_drive_gives_float64_histories_whatever_the_program_computes_in():
    """A float32 program's histories come back as float64, for a run and for a group (sweeps use
    them as drive returns them)."""
    from jaxnet import training

    def run(program, *, start, stop, length):
        its = np.arange(int(start), int(start) + length, dtype=np.float32) + np.float32(0.1)
        return program, {k: its for k in ("loss_history", "train_acc_history", "val_acc_history")}
    _, history, _ = training.drive(run, None, 0, 4, 2, 2)
    assert {v.dtype for v in history.values()} == {np.dtype(np.float64)}
    np.testing.assert_array_equal(history["loss_history"], np.arange(4, dtype=np.float32) + np.float32(0.1))


@pytest.mark.parametrize("options, words", [({"num_iters": 10**6}, "the loss history of"),
                                            ({"batch_size": 10**10}, "")])
def test_a_run_too_large_for_the_memory_is_refused_before_it_starts(small_run, options, words, monkeypatch):
    """train checks the history's size and the run's memory (checks.check_history_fits and
    check_run_fits) before it compiles anything: one ValueError naming the machine's memory
    (here a machine of 1 MB, so that a million updates' history does not fit)."""
    from jaxnet import checks
    monkeypatch.setattr(checks, "memory_bytes", lambda: 10**6)
    params, X, y, kw = small_run
    with pytest.raises(ValueError, match=rf"{words}.*memory"):
        jaxnet.train(params, X, y, X, y, key=jax.random.key(0), **{**kw, **options})


def test_the_memory_check_counts_the_run_as_it_is(small_run, monkeypatch):
    """prepare hands check_run_fits the run's sizes: the rows, inputs, hidden units, classes, the
    evaluated rows and the compute dtype (here 12 rows of 4, 5 hidden units, 3 classes, 7
    validation rows, float32), and traces the options in that dtype."""
    from jaxnet import checks, training
    _, X, y, kw = small_run
    seen = []
    monkeypatch.setattr(checks, "check_run_fits", lambda plan, D, H, dtype, N, num_eval=0, runs=1, num_classes=10:
                        seen.append((D, H, np.dtype(dtype), N, num_eval, runs, num_classes)))
    params = to_jax(TwoLayerNet(4, 5, 3, std=0.5).params, jnp.float32)
    *_, hp = training.prepare(training.begin(params, jax.random.key(0), **kw), X.astype(np.float32), y,
                              X[:7].astype(np.float32), y[:7])
    assert seen == [(4, 5, np.dtype(np.float32), 12, 7, 1, 3)]
    assert {v.dtype for v in hp.values()} == {np.dtype(np.float32)}  # the options traced in the run's dtype
