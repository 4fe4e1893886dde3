"""The true loss and the catalogue of known mistakes in the loss and its gradient, in JAX (float64).

Each mistake is a variant of the two-layer net's ``loss(params, X, y, reg)`` returning (loss,
grads, scores, loss_grads): a mistake in the forward pass or the loss is a modified loss, and
``jax.grad`` of it is what a student who made it (consistently) would compute; a mistake in the
handwritten backward pass is the handwritten backward pass with that one change (or written the
usual way from a changed loss). ``loss_grads`` is jax.grad of the loss the variant computes, what
the numeric gradient of a student's loss would show. Shapes: params W1 (D, H), b1 (H,), W2 (H, C),
b2 (C,); X (N, D); y (N,) ints; w (N,) example weights, 1 for real examples and 0 for padding,
so that every problem has the same N and one compiled program serves them all; scores (N, C).
Needs ``jax_enable_x64`` (set by the checker's entry points).
"""

import functools

import jax
import jax.numpy as jnp
import numpy as np

from reference.checker import formulas
from reference.checker.causes import BACKWARD, FAMILIES, OTHER_CAUSES, REGULARISERS, Mistake

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def forward(params, X, relu=True, b1=True, b2=True):
    """(z1, h1, scores): hidden pre-activation (N, H), activation (N, H), scores (N, C); a bias
    left out where ``b1`` or ``b2`` is False."""
    z1 = X @ params["W1"] + (params["b1"] if b1 else 0.0)
    h1 = jax.nn.relu(z1) if relu else z1  # jax.nn.relu: derivative 0 at 0, like the mask z1 > 0
    return z1, h1, h1 @ params["W2"] + (params["b2"] if b2 else 0.0)


def padded_out(scores, w, axis):
    """The scores with the padding rows (weight 0) at -inf when the softmax runs over examples."""
    return jnp.where(w[:, None] > 0, scores, -jnp.inf) if axis == 0 else scores


def data_loss(scores, y, w, mean=True, axis=1, shift=True):
    """Softmax cross-entropy of scores (N, C) at labels y (N,), averaged (or summed) over the
    examples of weight w (N,)."""
    scores = padded_out(scores, w, axis)
    if shift:
        log_probs = jax.nn.log_softmax(scores, axis=axis)
    else:  # the textbook formula, exp(s) / sum(exp(s)): overflows for scores above ~709
        log_probs = jnp.log(jnp.exp(scores) / jnp.sum(jnp.exp(scores), axis=axis, keepdims=True))
    picked = jnp.where(w > 0, jnp.take_along_axis(log_probs, y[:, None], axis=1)[:, 0], 0.0)
    total = -jnp.sum(w * picked)
    return total / jnp.sum(w) if mean else total


def l2(params, names=("W1", "W2")):
    return sum(jnp.sum(params[k] * params[k]) for k in names)


def true_loss(params, X, y, w, reg):
    """The notebook's loss: mean cross-entropy + reg * (sum(W1**2) + sum(W2**2))."""
    return data_loss(forward(params, X)[2], y, w) + reg * l2(params)


def consistent(loss_fn, relu=True):
    """A variant whose gradient is jax.grad of its (modified) loss: (loss, grads, scores, loss_grads)."""
    def fn(params, X, y, w, reg):
        value, grads = jax.value_and_grad(loss_fn)(params, X, y, w, reg)
        return value, grads, forward(params, X, relu)[2], grads
    return fn


def handwritten(mask="z1", reg_factor=2.0, divide_by_n=True, dW2_from="h1", mask_db1=True, mask_dW1=True,
                subtract_one=True, axis=1, mean=True, **biases):
    """The notebook's handwritten backward pass changed in one place; or the loss changed (a
    softmax over ``axis``, a sum if not ``mean``) and the backward pass written from it the usual
    way; or both run on a forward pass that leaves a bias out (``b1=False`` or ``b2=False``).
    Returns (loss, grads, scores, loss_grads), loss_grads being jax.grad of the loss it computes."""
    def loss_fn(params, X, y, w, reg):
        return data_loss(forward(params, X, **biases)[2], y, w, mean=mean, axis=axis) + reg * l2(params)

    def fn(params, X, y, w, reg):
        value, loss_grads = jax.value_and_grad(loss_fn)(params, X, y, w, reg)
        z1, h1, scores = forward(params, X, **biases)
        dscores = jax.nn.softmax(padded_out(scores, w, axis), axis=axis)
        if subtract_one:
            dscores = dscores - jax.nn.one_hot(y, scores.shape[1], dtype=scores.dtype)
        dscores = dscores * w[:, None]
        if divide_by_n:
            dscores = dscores / jnp.sum(w)
        dh1 = dscores @ params["W2"].T
        keep = {"z1": z1 > 0, "z1_ge": z1 >= 0, "xw": X @ params["W1"] > 0, "upstream": dh1 > 0,
                "none": jnp.ones_like(z1, dtype=bool)}[mask]
        dz1 = jnp.where(keep, dh1, 0.0)
        grads = {"W1": X.T @ (dz1 if mask_dW1 else dh1) + reg_factor * reg * params["W1"],
                 "b1": jnp.sum(dz1 if mask_db1 else dh1, axis=0),
                 "W2": (h1 if dW2_from == "h1" else z1).T @ dscores + reg_factor * reg * params["W2"],
                 "b2": jnp.sum(dscores, axis=0)}
        return value, grads, scores, loss_grads
    return fn


def in_float32(params, X, y, w, reg):
    """The true loss computed in float32 arithmetic, returned as float64."""
    p32 = {k: v.astype(jnp.float32) for k, v in params.items()}
    f32 = lambda a: a.astype(jnp.float32)  # noqa: E731
    value, grads, scores, _ = consistent(true_loss)(p32, f32(X), y, f32(w), f32(reg))
    up = lambda a: a.astype(jnp.float64)  # noqa: E731
    grads = {k: up(g) for k, g in grads.items()}
    return up(value), grads, up(scores), grads


def labels_shifted(shift):
    """The true loss at labels (y + shift) mod C: a label compared off by one."""
    def loss_fn(params, X, y, w, reg):
        scores = forward(params, X)[2]
        return data_loss(scores, (y + shift) % scores.shape[1], w) + reg * l2(params)
    return loss_fn


# In the order diagnoses prefer: the first variant that explains every problem names it.
CATALOGUE = (
    Mistake("relu_mask_missing", "the backward pass without the ReLU mask (every hidden unit lets the gradient through)",
            "multiply the hidden layer's upstream gradient by (z1 > 0), z1 = X W1 + b1", "gradient",
            handwritten(mask="none")),
    Mistake("relu_mask_on_upstream", "the ReLU mask applied to the upstream gradient (max(0, dh1)) instead of to the hidden pre-activation",
            "zero dh1 where z1 = X W1 + b1 is <= 0, whatever dh1's sign", "gradient", handwritten(mask="upstream")),
    Mistake("relu_mask_before_bias", "the ReLU mask taken from X W1 without the bias b1",
            "take the mask from z1 = X W1 + b1, the ReLU's actual input", "gradient", handwritten(mask="xw")),
    Mistake("relu_mask_at_zero", "the ReLU mask z1 >= 0: units exactly at zero pass gradient",
            "use z1 > 0 (ReLU's derivative at 0 is taken as 0, as in the notebook and jax.grad)", "gradient",
            handwritten(mask="z1_ge")),
    Mistake("dW2_pre_relu", "W2's gradient from the hidden layer before the ReLU (z1.T @ dscores)",
            "use the ReLU's output h1 = max(0, z1): dW2 = h1.T @ dscores", "gradient", handwritten(dW2_from="z1")),
    Mistake("db1_no_mask", "b1's gradient without the ReLU mask",
            "sum the masked upstream gradient dh1 * (z1 > 0) over examples, as for W1", "gradient",
            handwritten(mask_db1=False)),
    Mistake("dW1_no_mask", "W1's gradient without the ReLU mask",
            "X.T @ (dh1 * (z1 > 0)): mask the upstream gradient before W1's gradient, as for b1", "gradient",
            handwritten(mask_dW1=False)),
    Mistake("no_subtract_one", "dscores = softmax probabilities, without subtracting 1 at the correct class",
            "dscores[range(N), y] -= 1 before dividing by N", "gradient", handwritten(subtract_one=False)),
    Mistake("reg_grad_no_factor_2", "the regularisation gradient reg * W, missing its factor 2",
            "d/dW of reg * sum(W**2) is 2 * reg * W", "regulariser", handwritten(reg_factor=1.0)),
    Mistake("grads_not_averaged", "gradients not divided by the batch size N",
            "divide dscores by N, since the loss is the mean over the batch", "gradient",
            handwritten(divide_by_n=False)),
    Mistake("loss_summed", "the data loss summed over the batch instead of averaged",
            "divide the summed cross-entropy by N", "data_loss", handwritten(mean=False)),
    Mistake("loss_and_grads_summed", "the data loss and its gradients summed over the batch instead of averaged",
            "divide the summed cross-entropy and dscores by N (the loss is the mean over the batch)", "data_loss",
            handwritten(mean=False, divide_by_n=False)),
    Mistake("reg_half", "the regularisation 0.5 * reg * sum(W**2) (an older version of the course)",
            "the notebook's loss is reg * (sum(W1**2) + sum(W2**2)), with gradient 2 * reg * W", "regulariser",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w) + 0.5 * reg * l2(p))),
    Mistake("reg_missing", "no regularisation at all",
            "add reg * (sum(W1**2) + sum(W2**2)) to the loss and 2 * reg * W to the weights' gradients",
            "regulariser", consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w))),
    Mistake("bias_regularised", "the biases regularised too",
            "regularise only W1 and W2; b1 and b2 get no reg term", "regulariser",
            consistent(lambda p, X, y, w, reg: true_loss(p, X, y, w, reg) + reg * l2(p, ("b1", "b2")))),
    Mistake("softmax_no_shift", "softmax without subtracting each row's max score: exp overflows for large scores",
            "subtract scores.max(axis=1, keepdims=True) before exp (it does not change the softmax)", "data_loss",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w, shift=False) + reg * l2(p))),
    Mistake("softmax_wrong_axis", "softmax normalised over the examples (axis 0) instead of over the classes",
            "normalise each row: sum over axis=1", "data_loss", handwritten(axis=0)),
    Mistake("labels_off_by_one", "the correct class's score taken at y + 1 (a label off by one)",
            "index the correct class with y itself: probs[np.arange(N), y]", "data_loss",
            consistent(labels_shifted(1))),
    Mistake("labels_off_by_minus_one", "the correct class's score taken at y - 1 (a label off by one)",
            "index the correct class with y itself: probs[np.arange(N), y]", "data_loss",
            consistent(labels_shifted(-1))),
    Mistake("no_relu", "no ReLU in the forward pass (the net is linear)",
            "h1 = np.maximum(0, X W1 + b1) before the second layer", "scores",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X, relu=False)[2], y, w) + reg * l2(p), relu=False)),
    Mistake("b1_left_out", "the forward pass without b1 (z1 = X W1)",
            "add the bias wherever the scores are computed (loss(X) and the loss): z1 = X W1 + b1", "scores", handwritten(b1=False)),
    Mistake("b2_left_out", "the forward pass without b2 (scores = h1 W2)",
            "add the bias wherever the scores are computed (loss(X) and the loss): scores = h1 W2 + b2", "scores", handwritten(b2=False)),
    Mistake("float32", "float32 arithmetic: results carry float32 rounding (~1e-7 relative)",
            "keep the params and the computation in float64 (NumPy's default); don't cast to float32", "scores",
            in_float32),
)
BY_ID = {m.id: m for m in CATALOGUE + OTHER_CAUSES + FAMILIES + BACKWARD + REGULARISERS + formulas.FORWARDS
         + formulas.RETURNED + formulas.DATA_LOSSES}


N_PAD = 5  # every problem is padded to this many examples (the notebook's toy N)


@jax.jit
def _truth(params, X, y, w, reg):
    return consistent(true_loss)(params, X, y, w, reg)


# Programs that run a few times on tiny arrays: compiled fast rather than optimised (LLVM's level 0
# compiles them in about half the time; float64 results agree far inside every tolerance).
FAST_COMPILE = {"xla_backend_optimization_level": 0}


@functools.partial(jax.jit, compiler_options=FAST_COMPILE)
def _catalogue(params, X, y, w, reg):
    return {m.id: m.fn(params, X, y, w, reg) for m in CATALOGUE}


def _pad(X, y):
    """X (N, D), y (N,) -> X, y, w padded to N_PAD rows (zeros, label 0, weight 0)."""
    n = X.shape[0]
    if n > N_PAD:
        raise ValueError(f"problems have at most {N_PAD} examples, got {n}")
    Xp = np.zeros((N_PAD, X.shape[1]))
    Xp[:n] = X
    yp = np.zeros(N_PAD, dtype=np.int64)
    yp[:n] = y
    return Xp, yp, (np.arange(N_PAD) < n).astype(np.float64)


def _unpad(out, n):
    loss, grads, scores, loss_grads = out
    return {"loss": float(loss), "grads": {k: np.asarray(g) for k, g in grads.items()},
            "scores": np.asarray(scores)[:n], "loss_grads": {k: np.asarray(g) for k, g in loss_grads.items()}}


def unkey(inputs):
    """(params, X, y, reg) back from a cache key (``key``)."""
    params = {k: np.frombuffer(b, np.float64).reshape(s) for k, (b, s) in zip(PARAM_NAMES, inputs[:4])}
    X = np.frombuffer(inputs[4][0], np.float64).reshape(inputs[4][1])
    return params, X, np.frombuffer(inputs[5], np.int64), inputs[6]


@functools.lru_cache(maxsize=128)
def _run(program, inputs):
    params, X, y, reg = unkey(inputs)
    Xp, yp, w = _pad(X, y)
    out = (_truth if program == "truth" else _catalogue)(params, Xp, yp, w, np.float64(reg))
    out = jax.tree.map(np.asarray, out)
    if program == "truth":
        return _unpad(out, len(y))
    return {k: _unpad(v, len(y)) for k, v in out.items()}


def key(params, X, y, reg):
    """The inputs as bytes: a cache key."""
    arrays = [np.ascontiguousarray(params[k], dtype=np.float64) for k in PARAM_NAMES]
    X = np.ascontiguousarray(X, dtype=np.float64)
    return (tuple((a.tobytes(), a.shape) for a in arrays) + ((X.tobytes(), X.shape),)
            + (np.ascontiguousarray(y, dtype=np.int64).tobytes(), float(reg)))


def truth(params, X, y, reg):
    """The true loss at float64 inputs: {"loss": float, "grads": {name: array}, "scores": (N, C)}.

    Cached on the inputs' bytes: the fixed problems are evaluated once per process."""
    return _run("truth", key(params, X, y, reg))


def catalogue(params, X, y, reg):
    """Every mistake's outputs at the same inputs: {id: {"loss", "grads", "scores"}} (cached).

    Compiled on first use only, so an implementation that passes never pays for it."""
    return _run("catalogue", key(params, X, y, reg))
