"""The true loss and the catalogue of known mistakes in the loss and its gradient, in JAX (float64).

Each mistake is a variant of the two-layer net's ``loss(params, X, y, reg) -> (loss, grads,
scores)``: a mistake in the forward pass or the loss is a modified loss, and ``jax.grad``
of it is what a student who made it (consistently) would compute; a mistake only in the
handwritten backward pass is the handwritten backward pass with that one change. Shapes: params W1 (D, H), b1 (H,), W2 (H, C),
b2 (C,); X (N, D); y (N,) ints; w (N,) example weights, 1 for real examples and 0 for padding,
so that every problem has the same N and one compiled program serves them all; scores (N, C).
Needs ``jax_enable_x64`` (set by the checker's entry points).
"""

import functools
from dataclasses import dataclass

import jax
import jax.numpy as jnp
import numpy as np

PARAM_NAMES = ("W1", "b1", "W2", "b2")


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str  # what the student's code does, e.g. "b1's gradient without the ReLU mask"
    fix: str  # what to do instead
    fn: object = None  # (params, X, y, w, reg) -> (loss, grads, scores); None: judged elsewhere


def forward(params, X, relu=True):
    """(z1, h1, scores): hidden pre-activation (N, H), activation (N, H), scores (N, C)."""
    z1 = X @ params["W1"] + params["b1"]
    h1 = jax.nn.relu(z1) if relu else z1  # jax.nn.relu: derivative 0 at 0, like the mask z1 > 0
    return z1, h1, h1 @ params["W2"] + params["b2"]


def data_loss(scores, y, w, mean=True, axis=1, shift=True):
    """Softmax cross-entropy of scores (N, C) at labels y (N,), averaged (or summed) over the
    examples of weight w (N,)."""
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
    """A variant whose gradient is jax.grad of its (modified) loss."""
    def fn(params, X, y, w, reg):
        value, grads = jax.value_and_grad(loss_fn)(params, X, y, w, reg)
        return value, grads, forward(params, X, relu)[2]
    return fn


def handwritten(mask="z1", reg_factor=2.0, divide_by_n=True, dW2_from="h1", mask_db1=True,
                subtract_one=True):
    """The true loss, with the notebook's handwritten backward pass changed in one place."""
    def fn(params, X, y, w, reg):
        z1, h1, scores = forward(params, X)
        dscores = jax.nn.softmax(scores, axis=1)
        if subtract_one:
            dscores = dscores - jax.nn.one_hot(y, scores.shape[1], dtype=scores.dtype)
        dscores = dscores * w[:, None]
        if divide_by_n:
            dscores = dscores / jnp.sum(w)
        dh1 = dscores @ params["W2"].T
        keep = {"z1": z1 > 0, "z1_ge": z1 >= 0, "xw": X @ params["W1"] > 0, "upstream": dh1 > 0,
                "none": jnp.ones_like(z1, dtype=bool)}[mask]
        dz1 = jnp.where(keep, dh1, 0.0)
        grads = {"W1": X.T @ dz1 + reg_factor * reg * params["W1"],
                 "b1": jnp.sum(dz1 if mask_db1 else dh1, axis=0),
                 "W2": (h1 if dW2_from == "h1" else z1).T @ dscores + reg_factor * reg * params["W2"],
                 "b2": jnp.sum(dscores, axis=0)}
        return true_loss(params, X, y, w, reg), grads, scores
    return fn


def in_float32(params, X, y, w, reg):
    """The true loss computed in float32 arithmetic, returned as float64."""
    p32 = {k: v.astype(jnp.float32) for k, v in params.items()}
    f32 = lambda a: a.astype(jnp.float32)  # noqa: E731
    value, grads, scores = consistent(true_loss)(p32, f32(X), y, f32(w), f32(reg))
    up = lambda a: a.astype(jnp.float64)  # noqa: E731
    return up(value), {k: up(g) for k, g in grads.items()}, up(scores)


# In the order diagnoses prefer: the first variant that explains a failure names it.
CATALOGUE = (
    Mistake("relu_mask_missing", "the backward pass without the ReLU mask (every hidden unit lets the gradient through)",
            "multiply the hidden layer's upstream gradient by (z1 > 0), z1 = X W1 + b1", handwritten(mask="none")),
    Mistake("relu_mask_on_upstream", "the ReLU mask applied to the upstream gradient (max(0, dh1)) instead of to the hidden pre-activation",
            "zero dh1 where z1 = X W1 + b1 is <= 0, whatever dh1's sign", handwritten(mask="upstream")),
    Mistake("relu_mask_before_bias", "the ReLU mask taken from X W1 without the bias b1",
            "take the mask from z1 = X W1 + b1, the ReLU's actual input", handwritten(mask="xw")),
    Mistake("relu_mask_at_zero", "the ReLU mask z1 >= 0: units exactly at zero pass gradient",
            "use z1 > 0 (ReLU's derivative at 0 is taken as 0, as in the notebook and jax.grad)", handwritten(mask="z1_ge")),
    Mistake("dW2_pre_relu", "W2's gradient from the hidden layer before the ReLU (z1.T @ dscores)",
            "use the ReLU's output h1 = max(0, z1): dW2 = h1.T @ dscores", handwritten(dW2_from="z1")),
    Mistake("db1_no_mask", "b1's gradient without the ReLU mask",
            "sum the masked upstream gradient dh1 * (z1 > 0) over examples, as for W1", handwritten(mask_db1=False)),
    Mistake("no_subtract_one", "dscores = softmax probabilities, without subtracting 1 at the correct class",
            "dscores[range(N), y] -= 1 before dividing by N", handwritten(subtract_one=False)),
    Mistake("reg_grad_no_factor_2", "the regularisation gradient reg * W, missing its factor 2",
            "d/dW of reg * sum(W**2) is 2 * reg * W", handwritten(reg_factor=1.0)),
    Mistake("grads_not_averaged", "gradients not divided by the batch size N",
            "divide dscores by N, since the loss is the mean over the batch", handwritten(divide_by_n=False)),
    Mistake("loss_summed", "the data loss summed over the batch instead of averaged",
            "divide the summed cross-entropy by N (and its gradient too)",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w, mean=False) + reg * l2(p))),
    Mistake("reg_half", "the regularisation 0.5 * reg * sum(W**2) (an older version of the course)",
            "the notebook's loss is reg * (sum(W1**2) + sum(W2**2)), with gradient 2 * reg * W",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w) + 0.5 * reg * l2(p))),
    Mistake("reg_missing", "no regularisation at all",
            "add reg * (sum(W1**2) + sum(W2**2)) to the loss and 2 * reg * W to the weights' gradients",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w))),
    Mistake("bias_regularised", "the biases regularised too",
            "regularise only W1 and W2; b1 and b2 get no reg term",
            consistent(lambda p, X, y, w, reg: true_loss(p, X, y, w, reg) + reg * l2(p, ("b1", "b2")))),
    Mistake("softmax_no_shift", "softmax without subtracting each row's max score: exp overflows for large scores",
            "subtract scores.max(axis=1, keepdims=True) before exp (it does not change the softmax)",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w, shift=False) + reg * l2(p))),
    Mistake("softmax_wrong_axis", "softmax normalised over the examples (axis 0) instead of over the classes",
            "normalise each row: sum over axis=1",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X)[2], y, w, axis=0) + reg * l2(p))),
    Mistake("no_relu", "no ReLU in the forward pass (the net is linear)",
            "h1 = np.maximum(0, X W1 + b1) before the second layer",
            consistent(lambda p, X, y, w, reg: data_loss(forward(p, X, relu=False)[2], y, w) + reg * l2(p), relu=False)),
    Mistake("float32", "float32 arithmetic: results carry float32 rounding (~1e-7 relative)",
            "keep the params and the computation in float64 (NumPy's default); don't cast to float32", in_float32),
)

# Causes judged without a loss variant: from the init, the predictions or the training trace.
OTHER_CAUSES = (
    Mistake("init_differs", "__init__ not drawing the weights as the notebook's skeleton does",
            "W1 = std * np.random.randn(D, H), then W2 = std * np.random.randn(H, C), zero biases, in that order"),
    Mistake("predict_no_relu", "predict computing the scores without the ReLU",
            "apply np.maximum(0, X W1 + b1) in predict too (or call self.loss(X))"),
    Mistake("lr_never_decayed", "the learning rate never decayed",
            "multiply learning_rate by learning_rate_decay at every epoch boundary"),
    Mistake("lr_decayed_every_iteration", "the learning rate decayed after every iteration instead of every epoch",
            "decay only when it % iterations_per_epoch == 0"),
    Mistake("lr_decayed_before_update", "the learning rate decayed before the update instead of after it",
            "update the params first, then decay at the end of the epoch's iteration"),
    Mistake("update_ascends", "the update going up the gradient (params += lr * grad)",
            "gradient descent subtracts: params -= learning_rate * grads"),
    Mistake("param_not_updated", "a parameter never updated by train",
            "update every entry of self.params: W1, b1, W2 and b2"),
    Mistake("sampling_without_replacement", "minibatches sampled without replacement",
            "np.random.choice(num_train, batch_size) (replace=True is the notebook's choice, and the default)"),
    Mistake("batch_labels_mismatch", "the minibatch's labels not taken at the same indices as its examples",
            "draw one index array and use it for both: X[idx], y[idx]"),
    Mistake("train_acc_on_full_train", "train accuracy computed on the whole training set instead of the minibatch",
            "record (self.predict(X_batch) == y_batch).mean()"),
    Mistake("val_acc_on_train", "validation accuracy computed on training data",
            "record (self.predict(X_val) == y_val).mean()"),
    Mistake("loss_history_per_epoch", "the loss recorded once per epoch instead of every iteration",
            "append the minibatch loss to loss_history at every iteration"),
)
BY_ID = {m.id: m for m in CATALOGUE + OTHER_CAUSES}


N_PAD = 5  # every problem is padded to this many examples (the notebook's toy N)


@jax.jit
def _truth(params, X, y, w, reg):
    return consistent(true_loss)(params, X, y, w, reg)


@jax.jit
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
    loss, grads, scores = out
    return {"loss": float(loss), "grads": {k: np.asarray(g) for k, g in grads.items()},
            "scores": np.asarray(scores)[:n]}


@functools.lru_cache(maxsize=128)
def _run(program, key):
    params = {k: np.frombuffer(b, np.float64).reshape(s) for k, (b, s) in zip(PARAM_NAMES, key[:4])}
    X = np.frombuffer(key[4][0], np.float64).reshape(key[4][1])
    y = np.frombuffer(key[5], np.int64)
    Xp, yp, w = _pad(X, y)
    out = (_truth if program == "truth" else _catalogue)(params, Xp, yp, w, np.float64(key[6]))
    out = jax.tree.map(np.asarray, out)
    if program == "truth":
        return _unpad(out, len(y))
    return {k: _unpad(v, len(y)) for k, v in out.items()}


def _key(params, X, y, reg):
    arrays = [np.ascontiguousarray(params[k], dtype=np.float64) for k in PARAM_NAMES]
    X = np.ascontiguousarray(X, dtype=np.float64)
    return (tuple((a.tobytes(), a.shape) for a in arrays) + ((X.tobytes(), X.shape),)
            + (np.ascontiguousarray(y, dtype=np.int64).tobytes(), float(reg)))


def truth(params, X, y, reg):
    """The true loss at float64 inputs: {"loss": float, "grads": {name: array}, "scores": (N, C)}.

    Cached on the inputs' bytes: the fixed problems are evaluated once per process."""
    return _run("truth", _key(params, X, y, reg))


def catalogue(params, X, y, reg):
    """Every mistake's outputs at the same inputs: {id: {"loss", "grads", "scores"}} (cached).

    Compiled on first use only, so an implementation that passes never pays for it."""
    return _run("catalogue", _key(params, X, y, reg))
