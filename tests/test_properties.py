"""Properties with Hypothesis: jaxnet against the float64 reference over generated problems,
and invariants that need no oracle (permutations, the regulariser, the random procedures'
distributions). Profiles and budgets: tests/strategies.py; docs/verification.md.
"""

from unittest import mock

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import jax
import jax.numpy as jnp
import numpy as np
import pytest
from hypothesis import assume, given, note

import jaxnet
from jaxnet import augment, model
from reference import TwoLayerNet
from tests.strategies import THOROUGH, assert_uniform, chi2_sf, chi2_uniform_pvalue, examples

EPS = np.finfo(np.float64).eps

# Sizes are drawn from small sets in the suite profile: every distinct shape compiles new
# programs (the loss, its gradient, a training program), so the sets bound the compilations.
if THOROUGH:
    SIZES_N, SIZES_D, SIZES_H, SIZES_C = (st.integers(1, 9),) + (st.integers(1, 7),) * 3
    NDHC = st.tuples(SIZES_N, SIZES_D, SIZES_H, SIZES_C)
else:
    SIZES_N, SIZES_D, SIZES_H, SIZES_C = (st.sampled_from(s) for s in ((1, 2, 5), (1, 3), (1, 4), (1, 3)))
    # (N, D, H, C): every size down to 1, a few shapes (each compiles the loss and gradient)
    NDHC = st.sampled_from([(1, 1, 1, 1), (4, 3, 3, 3), (5, 1, 4, 2), (2, 3, 1, 3), (6, 2, 2, 1)])

# The largest score magnitudes a problem is scaled to (up to 1e4, where exp() of unshifted
# scores would overflow: both implementations must shift by the row maximum).
SCORE_MAGNITUDES = st.sampled_from([0.0, 1e-3, 1.0, 30.0, 1e4])
REGS = st.one_of(st.just(0.0), st.floats(1e-8, 1e3))


def to_jax(params):
    return {k: jnp.array(v, jnp.float64, copy=True) for k, v in params.items()}


@st.composite
def problems(draw):
    """(params, X, y) in float64 with a structure Hypothesis controls.

    - "exact" problems: X and W1 hold small integers times powers of two, so every X W1 is
      exact in any summation order, and b1 is set to -(X W1)[r] on some columns: the hidden
      pre-activation has exact zeros (the ReLU's kink) in both implementations alike.
    - "random" problems: Gaussian values from a drawn seed (no exact ties anywhere).
    Rows are drawn from a pool smaller than N, so duplicated rows are common; W2 and b2 are
    scaled so the largest score summand has a drawn magnitude up to 1e4.
    """
    N, D, H, C = draw(NDHC, label="(N, D, H, C)")
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1), label="seed"))
    pool_size = draw(st.integers(1, N), label="distinct rows")
    rows = draw(hnp.arrays(np.int64, N, elements=st.integers(0, pool_size - 1)), label="rows")
    if draw(st.booleans(), label="exact"):
        small = st.integers(-4, 4).map(float)
        pool = draw(hnp.arrays(np.float64, (pool_size, D), elements=small)) * 2.0 ** draw(st.integers(-3, 1))
        W1 = draw(hnp.arrays(np.float64, (D, H), elements=small)) * 2.0 ** draw(st.integers(-3, 1))
        X = pool[rows]
        b1 = draw(hnp.arrays(np.float64, H, elements=small))
        zeros = draw(hnp.arrays(np.bool_, H), label="columns with a zero pre-activation")
        r = draw(st.integers(0, N - 1), label="row of the zeros")
        b1 = np.where(zeros, -(X @ W1)[r], b1)
        assert np.all((X @ W1 + b1)[r][zeros] == 0)
    else:
        X = rng.standard_normal((pool_size, D))[rows] * draw(st.sampled_from([1e-3, 1.0, 10.0]))
        W1 = rng.standard_normal((D, H))
        b1 = rng.standard_normal(H)
    W2, b2 = rng.standard_normal((H, C)), rng.standard_normal(C)
    h_bound = np.abs(X) @ np.abs(W1) + np.abs(b1)
    magnitude = draw(SCORE_MAGNITUDES, label="score magnitude")
    bound = float(np.max(h_bound @ np.abs(W2)))
    W2 *= magnitude / bound if bound > 1e-6 else magnitude  # (all-zero inputs: plain scale)
    b2 *= magnitude * draw(st.sampled_from([0.0, 1.0]))
    y = draw(hnp.arrays(np.int64, N, elements=st.integers(0, C - 1)), label="y")
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}, X, y


def error_scales(params, X, y, reg):
    """The magnitudes of the terms that make up the loss and each gradient entry.

    Rounding errors of a sum are proportional to the sum of its terms' magnitudes, not to
    its value: a loss near zero (a correct class ahead by 1e4 has a loss of e^-1e4), a
    gradient entry near zero by cancellation (p_y - 1 with p_y close to 1), or an entry
    summed from large terms, carries an error of eps times those terms. So the comparisons
    are |jaxnet - reference| <= 1e-10 * scale with scale these magnitudes (elementwise for
    the gradients), computed from bounds: |h| <= |X||W1| + |b1|, softmax probabilities and
    one-hot labels <= 1. Float64's eps is 2.2e-16, so 1e-10 leaves a factor of 1e6 for
    accumulated rounding (scores up to 1e4 multiply the softmax's errors by 1e4), while any
    real error (a wrong mask, a missing factor, a wrong bias gradient) is of the order of
    the scale itself.
    """
    W1, b1, W2, b2 = (np.abs(params[k]) for k in ("W1", "b1", "W2", "b2"))
    N, C = X.shape[0], W2.shape[1]
    h = np.abs(X) @ W1 + b1
    scores = h @ W2 + b2
    penalty = np.sum(W1 ** 2) + np.sum(W2 ** 2)
    dscores = np.full((N, C), 2.0 / N)  # |softmax - one_hot| / N <= 2 / N
    dh = dscores @ W2.T
    return {
        "loss": 1.0 + float(scores.max()) + reg * penalty,
        "W2": h.T @ dscores + 2 * reg * W2,
        "b2": dscores.sum(axis=0),
        "W1": np.abs(X).T @ dh + 2 * reg * W1,
        "b1": dh.sum(axis=0),
    }


def assert_close(actual, expected, scale, rel, what):
    actual, expected = np.asarray(actual, np.float64), np.asarray(expected, np.float64)
    assert actual.shape == expected.shape, what
    assert np.all(np.isfinite(actual)) and np.all(np.isfinite(expected)), what
    err = np.abs(actual - expected)
    bound = rel * np.maximum(np.maximum(np.abs(actual), np.abs(expected)), scale)
    worst = np.unravel_index(np.argmax(err - bound), err.shape) if err.ndim else ()
    assert np.all(err <= bound), (f"{what}: |{actual[worst]} - {expected[worst]}| = "
                                  f"{err[worst]:.3g} > {bound[worst]:.3g} at {worst}")


# ---------------------------------------------------------------------------- the oracle


@examples(25)
@given(problem=problems(), reg=REGS)
def test_loss_and_gradient_equal_the_reference(problem, reg):
    params, X, y = problem
    ref_loss, ref_grads = TwoLayerNet.from_params(params).loss(X, y, reg)
    p = to_jax(params)
    loss = jaxnet.loss(p, jnp.asarray(X), jnp.asarray(y), reg)
    grads = jax.jit(jax.grad(jaxnet.loss))(p, jnp.asarray(X), jnp.asarray(y), reg)
    assert loss.dtype == jnp.float64
    scales = error_scales(params, X, y, reg)
    note(f"loss {float(loss)!r} vs {ref_loss!r}")
    assert_close(loss, ref_loss, scales["loss"], 1e-10, "loss")
    for k in ("W1", "b1", "W2", "b2"):
        assert grads[k].dtype == jnp.float64
        assert_close(grads[k], ref_grads[k], scales[k], 1e-10, f"d loss / d {k}")


def test_error_scales_catch_a_real_error():
    # The tolerance is not so loose that a wrong gradient passes: a ReLU that passed the
    # gradient at zero (z1 >= 0), a halved regulariser, a dropped bias gradient all fail.
    X = np.array([[1.0, -2.0], [1.0, -2.0], [3.0, 0.0]])
    W1 = np.array([[1.0, 2.0, -1.0], [0.5, 1.0, 1.0]])
    b1 = -(X @ W1)[0]  # row 0 (and its duplicate) sit at every unit's kink
    params = {"W1": W1, "b1": b1, "W2": np.array([[1.0, -1.0], [2.0, 0.5], [-0.5, 1.0]]),
              "b2": np.array([0.1, -0.2])}
    y = np.array([0, 1, 1])
    _, ref = TwoLayerNet.from_params(params).loss(X, y, 0.1)
    scales = error_scales(params, X, y, 0.1)
    z1 = X @ W1 + b1
    dscores = np.exp(TwoLayerNet.from_params(params).loss(X)
                     - np.log(np.exp(TwoLayerNet.from_params(params).loss(X)).sum(1, keepdims=True)))
    dscores[np.arange(3), y] -= 1
    dscores /= 3
    wrong_mask = X.T @ ((dscores @ params["W2"].T) * (z1 >= 0)) + 2 * 0.1 * W1
    for wrong, k in ((wrong_mask, "W1"), (ref["W2"] - 0.1 * params["W2"], "W2"),
                     (np.zeros_like(ref["b2"]), "b2")):
        with pytest.raises(AssertionError):
            assert_close(wrong, ref[k], scales[k], 1e-10, k)


# ---------------------------------------------------------------------------- training

# (num_train, batch_size, num_iters): a batch larger than the data; one that divides it
# (several epochs and a partial one); one that does not; a single row; a single iteration.
SUITE_TRAIN_SHAPES = [(3, 8, 4), (6, 2, 7), (7, 3, 5), (1, 1, 3), (5, 5, 1)]
if THOROUGH:
    TRAIN_SHAPES = st.tuples(st.integers(1, 9), st.integers(1, 10), st.integers(1, 12))
else:
    TRAIN_SHAPES = st.sampled_from(SUITE_TRAIN_SHAPES)
D_TRAIN, H_TRAIN, C_TRAIN, N_VAL = 3, 4, 3, 4


@st.composite
def training_runs(draw):
    num_train, batch_size, num_iters = draw(TRAIN_SHAPES, label="(num_train, batch, iters)")
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1), label="seed"))
    params = {"W1": 0.5 * rng.standard_normal((D_TRAIN, H_TRAIN)),
              "b1": 0.1 * rng.standard_normal(H_TRAIN),
              "W2": 0.5 * rng.standard_normal((H_TRAIN, C_TRAIN)),
              "b2": 0.1 * rng.standard_normal(C_TRAIN)}
    X, X_val = rng.standard_normal((num_train, D_TRAIN)), rng.standard_normal((N_VAL, D_TRAIN))
    y, y_val = rng.integers(0, C_TRAIN, num_train), rng.integers(0, C_TRAIN, N_VAL)
    indices = draw(hnp.arrays(np.int64, (num_iters, batch_size),
                              elements=st.integers(0, num_train - 1)), label="minibatches")
    options = dict(learning_rate=draw(st.floats(1e-3, 1.0)),
                   learning_rate_decay=draw(st.floats(0.1, 1.0)),
                   reg=draw(st.one_of(st.just(0.0), st.floats(1e-6, 0.1))),
                   num_iters=num_iters, batch_size=batch_size)
    return params, X, y, X_val, y_val, indices, options


@examples(12)
@given(run=training_runs())
def test_training_trajectory_equals_the_reference(run):
    params, X, y, X_val, y_val, indices, options = run
    net = TwoLayerNet.from_params(params)
    batches = iter(indices)

    def replay(num_train, size):  # the reference's np.random.choice, drawing our minibatches
        assert (num_train, size) == (X.shape[0], options["batch_size"])
        return next(batches)

    with mock.patch.object(np.random, "choice", replay):
        stats = net.train(X, y, X_val, y_val, **options)
    assert next(batches, None) is None  # it drew every minibatch once
    stats = {k: np.asarray(v, np.float64) for k, v in stats.items()}
    if not np.all(np.isfinite(stats["loss_history"])):
        with pytest.raises(jaxnet.TrainingDiverged):
            jaxnet.train(to_jax(params), X, y, X_val, y_val, batch_indices=indices, **options)
        return
    trained, history = jaxnet.train(to_jax(params), X, y, X_val, y_val, batch_indices=indices,
                                    **options)
    epochs = -(-options["num_iters"] // max(X.shape[0] // options["batch_size"], 1))
    assert len(stats["train_acc_history"]) == epochs
    # Float64 trajectories: rounding differences (1e-16) grow by at most a few factors over
    # a dozen tame SGD steps, so 1e-10 relative to each array's magnitude is tight.
    for k in ("loss_history",):
        assert_close(history[k], stats[k], 1.0, 1e-10, k)
    # Accuracies are k / N; XLA may divide as k * (1 / N), a last-bit change, never another
    # k (those differ by 1 / N >= 0.1 here).
    for k in ("train_acc_history", "val_acc_history"):
        np.testing.assert_allclose(history[k], stats[k], rtol=0, atol=1e-12, err_msg=k)
    for k in net.params:
        scale = float(np.max(np.abs(net.params[k])))
        assert_close(trained[k], net.params[k], scale, 1e-10, k)


# ---------------------------------------------------------------------------- invariants


@examples(12)
@given(problem=problems(), reg=REGS, data=st.data())
def test_loss_and_gradient_are_invariant_under_permuting_the_batch(problem, reg, data):
    params, X, y = problem
    perm = np.array(data.draw(st.permutations(range(X.shape[0])), label="permutation"))
    p = to_jax(params)
    value, grads = jax.value_and_grad(jaxnet.loss)(p, jnp.asarray(X), jnp.asarray(y), reg)
    value_p, grads_p = jax.value_and_grad(jaxnet.loss)(p, jnp.asarray(X[perm]), jnp.asarray(y[perm]), reg)
    # A mean of the same N row losses in another order: N eps relative to the magnitudes
    # summed (error_scales), far below 1e-12 for N < 10.
    scales = error_scales(params, X, y, reg)
    assert_close(value_p, value, scales["loss"], 1e-12, "permuted loss")
    for k in grads:
        assert_close(grads_p[k], grads[k], scales[k], 1e-12, f"permuted d loss / d {k}")


finite_weights = st.floats(-1e3, 1e3).map(lambda w: w if abs(w) >= 1e-30 else 0.0)


@st.composite
def weight_sets(draw):
    D, H, C = draw(SIZES_D), draw(SIZES_H), draw(SIZES_C)
    return {"W1": draw(hnp.arrays(np.float64, (D, H), elements=finite_weights)),
            "b1": draw(hnp.arrays(np.float64, H, elements=finite_weights)),
            "W2": draw(hnp.arrays(np.float64, (H, C), elements=finite_weights)),
            "b2": draw(hnp.arrays(np.float64, C, elements=finite_weights))}


@examples(30)
@given(params=weight_sets(), reg=st.one_of(st.just(0.0), st.floats(1e-12, 1e3)))
def test_regulariser_gradient_is_exactly_two_reg_w(params, reg):
    # d/dW reg * sum(W^2) = 2 reg W: JAX's derivative of W**2 is 2 W times the cotangent
    # reg, and scaling by 2 is exact, so (2 W) reg, 2 (W reg) and (2 reg) W are the same
    # double (no overflow: |W| <= 1e3, reg <= 1e3; no underflow: |W|, reg >= 1e-30 or 0).
    grads = jax.grad(lambda p: reg * model.l2_penalty(p))(to_jax(params))
    for k in ("W1", "W2"):
        np.testing.assert_array_equal(np.asarray(grads[k]), 2 * reg * params[k], err_msg=k)
    for k in ("b1", "b2"):  # biases are not regularised
        np.testing.assert_array_equal(np.asarray(grads[k]), 0.0, err_msg=k)


@examples(15)
@given(problem=problems(), reg=st.floats(1e-8, 1e3))
def test_the_full_loss_adds_exactly_the_regulariser_gradient(problem, reg):
    # Through jaxnet.loss the data gradient g0 and 2 reg W are added in floating point, so
    # grad(reg) - grad(0) is 2 reg W to within the rounding of that sum and difference:
    # |.| <= 2 eps (|g0| + |2 reg W|) (one rounding each). The biases' gradient does not
    # involve reg and is bit for bit the same.
    params, X, y = problem
    p, Xj, yj = to_jax(params), jnp.asarray(X), jnp.asarray(y)
    g0 = jax.grad(jaxnet.loss)(p, Xj, yj, 0.0)
    g = jax.grad(jaxnet.loss)(p, Xj, yj, reg)
    for k in ("W1", "W2"):
        expected = 2 * reg * params[k]
        diff = np.asarray(g[k]) - np.asarray(g0[k])
        bound = 2 * EPS * (np.abs(np.asarray(g0[k])) + np.abs(expected))
        assert np.all(np.abs(diff - expected) <= bound), k
    for k in ("b1", "b2"):
        np.testing.assert_array_equal(np.asarray(g[k]), np.asarray(g0[k]), err_msg=k)


# ---------------------------------------------------------------------------- sampling


def test_chi_square_tail_matches_closed_forms():
    # The statistics' own yardstick, against closed forms: 2 dof is exp(-x/2), 1 dof is
    # erfc(sqrt(x/2)), 4 dof is (1 + x/2) exp(-x/2); both branches (x below and above dof + 2).
    import math
    for x in (0.01, 0.5, 1.0, 3.0, 7.5, 20.0, 60.0):
        assert math.isclose(chi2_sf(x, 2), math.exp(-x / 2), rel_tol=1e-9)
        assert math.isclose(chi2_sf(x, 1), math.erfc(math.sqrt(x / 2)), rel_tol=1e-9)
        assert math.isclose(chi2_sf(x, 4), (1 + x / 2) * math.exp(-x / 2), rel_tol=1e-9)
    assert chi2_uniform_pvalue([100, 100, 100]) == 1.0
    assert chi2_uniform_pvalue([150, 100, 50]) < 1e-9  # a plainly skewed die is refused


# Jitted once per shape (eager, each random op compiles apart: 10x slower); the same
# function and arguments as the public jaxnet.sample_batch_indices.
sample = jax.jit(jaxnet.sample_batch_indices, static_argnums=(1, 2, 3, 4))
crop = jax.jit(augment.random_crop, static_argnums=2)

SAMPLE_SIZES = (st.tuples(st.integers(1, 9), st.integers(1, 12), st.integers(1, 9)) if THOROUGH
                else st.sampled_from([(1, 3, 1), (5, 4, 2), (6, 5, 3), (7, 3, 7), (4, 6, 4)]))


@examples(12)
@given(sizes=SAMPLE_SIZES, seed=st.integers(0, 2**32 - 1), sampling=st.sampled_from(["replacement", "epoch"]))
def test_sampled_minibatches_are_allowed_rows(sizes, seed, sampling):
    num_train, num_iters, batch_size = sizes
    assume(sampling == "replacement" or batch_size <= num_train)
    idx = np.asarray(sample(jax.random.key(seed), num_train, num_iters, batch_size, sampling))
    assert idx.shape == (num_iters, batch_size) and idx.dtype == np.int32
    assert idx.min() >= 0 and idx.max() < num_train
    if sampling == "epoch":  # each epoch's batches: distinct rows of one permutation
        per_epoch = num_train // batch_size
        for start in range(0, num_iters, per_epoch):
            rows = idx[start:start + per_epoch].ravel()
            assert len(set(rows.tolist())) == rows.size, f"a row repeats in epoch at {start}"


def test_sampling_with_replacement_is_uniform_and_independent():
    key = jax.random.key(20240601)
    idx = np.asarray(sample(key, 7, 400, 25, "replacement"))
    assert idx.min() >= 0 and idx.max() <= 6
    assert_uniform(np.bincount(idx.ravel(), minlength=7), "rows")
    # Independence: pairs within a batch, and between consecutive iterations.
    pairs = np.asarray(sample(key, 5, 2000, 2, "replacement"))
    assert_uniform(np.bincount(5 * pairs[:, 0] + pairs[:, 1], minlength=25), "pairs in a batch")
    assert_uniform(np.bincount(5 * pairs[:-1, 0] + pairs[1:, 0], minlength=25), "consecutive batches")
    # Independence across keys: split keys, and keys made from consecutive seeds.
    for name, keys in (("split keys", jax.random.split(key, 2000)),
                       ("seeds", jax.vmap(jax.random.key)(jnp.arange(2000)))):
        first = np.asarray(jax.jit(jax.vmap(lambda k: jaxnet.sample_batch_indices(k, 5, 1, 1)))(keys))[:, 0, 0]
        assert_uniform(np.bincount(first, minlength=5), name)
        assert_uniform(np.bincount(5 * first[:-1] + first[1:], minlength=25), f"{name}, pairs")


def test_epoch_sampling_is_a_fresh_uniform_permutation_each_epoch():
    key = jax.random.key(7)
    # 5 rows, batches of 2: 2 batches an epoch, 4 of the 5 rows used, one dropped.
    idx = np.asarray(sample(key, 5, 6000, 2, "epoch"))
    epochs = idx.reshape(3000, 4)  # an epoch's 4 positions
    assert all(len(set(e)) == 4 for e in epochs.tolist()), "a row repeats within an epoch"
    counts = np.stack([np.bincount(epochs[:, j], minlength=5) for j in range(4)])  # (position, row)
    assert_uniform(counts, "row at each position of an epoch")
    dropped = 10 - epochs.sum(axis=1)  # the row left out: 0 + 1 + 2 + 3 + 4 = 10
    assert_uniform(np.bincount(dropped, minlength=5), "the dropped row")
    assert_uniform(np.bincount(5 * epochs[:-1, 0] + epochs[1:, 0], minlength=25), "consecutive epochs")
    # A batch that divides the data: every epoch is a whole permutation.
    full = np.asarray(sample(key, 4, 50, 2, "epoch")).reshape(25, 4)
    assert np.all(np.sort(full, axis=1) == np.arange(4))
    # Independent across keys: the first row drawn under consecutive split keys.
    keys = jax.random.split(key, 2000)
    first = np.asarray(jax.jit(jax.vmap(lambda k: jaxnet.sample_batch_indices(k, 5, 1, 2, "epoch")))(keys))[:, 0, 0]
    assert_uniform(np.bincount(5 * first[:-1] + first[1:], minlength=25), "epoch sampling across keys")


# ---------------------------------------------------------------------------- augmentation


def distinct_images(B, H, W, C):
    """Images whose pixels are all different and nonzero (zero is the crop's padding)."""
    return np.arange(1, B * H * W * C + 1, dtype=np.float64).reshape(B, H, W, C)


def test_random_flip_is_identity_or_mirror_at_rate_one_half_independently():
    images = distinct_images(20000, 2, 3, 1)
    out = np.asarray(augment.random_flip(jax.random.key(3), jnp.asarray(images)))
    same = np.all(out == images, axis=(1, 2, 3))
    mirrored = np.all(out == images[:, :, ::-1], axis=(1, 2, 3))
    assert np.all(same ^ mirrored), "an output is neither the image nor its mirror"
    flips = mirrored.astype(np.int64)
    assert_uniform(np.bincount(flips, minlength=2), "flip rate")
    assert_uniform(np.bincount(2 * flips[0::2] + flips[1::2], minlength=4), "neighbours")
    keys = jax.random.split(jax.random.key(4), 4000)
    one = jnp.asarray(images[:1])
    across = np.asarray(jax.jit(jax.vmap(lambda k: augment.random_flip(k, one)))(keys))[:, 0]
    flipped = np.all(across == images[0, :, ::-1], axis=(1, 2, 3)).astype(np.int64)
    assert np.all(flipped | np.all(across == images[0], axis=(1, 2, 3)))
    assert_uniform(np.bincount(2 * flipped[:-1] + flipped[1:], minlength=4), "across keys")


def crop_offsets(out, images, padding):
    """For each output, the offset (index into the (2p+1)^2 grid, row-major) of the window
    of the zero-padded image it equals; -1 where none does, -2 where several do."""
    H, W = images.shape[1:3]
    padded = np.pad(images, ((0, 0), (padding, padding), (padding, padding), (0, 0)))
    side = 2 * padding + 1
    match = np.stack([np.all(out == padded[:, oy:oy + H, ox:ox + W], axis=(1, 2, 3))
                      for oy in range(side) for ox in range(side)], axis=1)
    return np.where(match.sum(axis=1) == 1, np.argmax(match, axis=1),
                    np.where(match.any(axis=1), -2, -1))


@pytest.mark.parametrize("padding", [1, 2])
def test_random_crop_offsets_are_uniform_over_the_grid(padding):
    images = distinct_images(9000, 3, 4, 2)
    out = np.asarray(crop(jax.random.key(padding), jnp.asarray(images), padding))
    offsets = crop_offsets(out, images, padding)
    assert offsets.min() >= 0, "an output is not exactly one window of the padded image"
    assert_uniform(np.bincount(offsets, minlength=(2 * padding + 1) ** 2), f"offsets, padding {padding}")
    if padding == 1:
        keys = jax.random.split(jax.random.key(11), 6000)
        one = jnp.asarray(images[:1])
        across = np.asarray(jax.jit(jax.vmap(lambda k: augment.random_crop(k, one, 1)))(keys))[:, 0]
        first = crop_offsets(across, np.repeat(images[:1], len(keys), axis=0), 1)
        assert first.min() >= 0
        assert_uniform(np.bincount(9 * first[:-1] + first[1:], minlength=81), "across keys")


IMAGE_SHAPES = st.sampled_from([(1, 1, 1), (2, 3, 1), (3, 3, 2), (4, 2, 3)])


@examples(20)
@given(shape=IMAGE_SHAPES, padding=st.sampled_from([0, 1, 3]), seed=st.integers(0, 2**32 - 1), data=st.data())
def test_random_crop_output_is_a_window_of_the_padded_image(shape, padding, seed, data):
    images = data.draw(hnp.arrays(np.float64, (3,) + shape, elements=st.floats(-5, 5, width=32)), label="images")
    out = np.asarray(crop(jax.random.key(seed), jnp.asarray(images), padding))
    assert out.shape == images.shape
    assert np.all(crop_offsets(out, images, padding) != -1)  # -2 (ambiguous) is allowed here


def expected_views(X, shape, flip, shift):
    """The test-time views computed independently: translations by (dy, dx) with zero
    fill (out[i, j] = image[i - dy, j - dx]), then their mirror images."""
    H, W, C = shape
    images = X.reshape((-1,) + shape)
    out = []
    for dy in range(-shift, shift + 1):
        for dx in range(-shift, shift + 1):
            moved = np.zeros_like(images)
            for i in range(H):
                for j in range(W):
                    if 0 <= i - dy < H and 0 <= j - dx < W:
                        moved[:, i, j] = images[:, i - dy, j - dx]
            out.append(moved)
    if flip:
        out += [v[:, :, ::-1] for v in out]
    return [v.reshape(X.shape) for v in out]


@examples(20)
@given(shape=IMAGE_SHAPES, flip=st.booleans(), shift=st.integers(0, 2), data=st.data())
def test_views_are_exactly_the_translations_and_mirrors(shape, flip, shift, data):
    X = data.draw(hnp.arrays(np.float64, (2, int(np.prod(shape))), elements=st.integers(-9, 9).map(float)), label="X")
    got = [np.asarray(v) for v in augment.views(jnp.asarray(X), shape, flip, shift)]
    expected = expected_views(X, shape, flip, shift)
    assert len(got) == (2 * shift + 1) ** 2 * (2 if flip else 1)
    assert sorted(v.tobytes() for v in got) == sorted(v.tobytes() for v in expected)
