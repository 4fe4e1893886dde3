"""The two-layer net as pure functions of a params dict: affine - ReLU - affine - softmax.

Params are a plain dict pytree:
- W1: (D, H) first layer weights     - b1: (H,) first layer biases
- W2: (H, C) second layer weights    - b2: (C,) second layer biases

This module holds the net's math, once: the forward pass (``hidden``, ``output``,
``forward``), the data loss (``cross_entropy``), the L2 penalty, the training ``objective``
(the loss with the recipe's dropout, mixup and label smoothing) and ``correct_fraction``.
Inside the compiled training loop W1 may be held transposed as ``'W1t'`` (H, D)
(``jaxnet.layout``); the first layer and the penalty read either.

The public functions (``scores``, ``loss``, ``predict``, ``accuracy``) validate their inputs
on the host (shapes always; label ranges and finite values whenever the arrays are
concrete, i.e. not being traced) and then call one jitted kernel. There is no handwritten
backward pass: gradients come from ``jax.grad``.
"""

import functools
import math

import jax
import jax.numpy as jnp
import numpy as np

from jaxnet import augment, checks, layout


def init_params(key, input_size, hidden_size, num_classes, std=1e-4, dtype=jnp.float32):
    """Gaussian weights and zero biases, W1 drawn from the first half of ``key``, W2 the second.

    Args:
      key: a ``jax.random`` key.
      input_size, hidden_size, num_classes: D, H and C.
      std: the weights' standard deviation, a float; or ``"he"`` for sqrt(2 / fan_in) per layer.
      dtype: the params' floating dtype (float64 needs ``jax_enable_x64``).

    Returns:
      params: ``{'W1': (D, H), 'b1': (H,), 'W2': (H, C), 'b2': (C,)}``.
    """
    for name, value in (("input_size", input_size), ("hidden_size", hidden_size),
                        ("num_classes", num_classes)):
        checks.check_positive_int(value, name)
    if std == "he":
        std1, std2 = (2.0 / input_size) ** 0.5, (2.0 / hidden_size) ** 0.5
    elif isinstance(std, (int, float)) and std >= 0:
        std1 = std2 = float(std)
    else:
        raise ValueError(f"std must be a non-negative float or 'he', got {std!r}")
    k1, k2 = jax.random.split(key)
    return {
        "W1": std1 * _normal(k1, (input_size, hidden_size), dtype),
        "b1": jnp.zeros(hidden_size, dtype),
        "W2": std2 * _normal(k2, (hidden_size, num_classes), dtype),
        "b2": jnp.zeros(num_classes, dtype),
    }


def _normal(key, shape, dtype):
    """``jax.random.normal(key, shape, dtype)``, the same bits, drawn flat and reshaped: XLA:CPU
    compiles a flat draw in ~0.1 s, a (H, 10) one in up to 0.5 s."""
    return jax.random.normal(key, (math.prod(shape),), dtype).reshape(shape)


def hidden(params, X):
    """The hidden layer's activations, relu(X W1 + b1): (N, D) -> (N, H), W1 as ``'W1'``
    (D, H) or, inside the compiled loop, ``'W1t'`` (H, D).

    ``jax.nn.relu`` has derivative 0 at 0, like the reference's ``z1 > 0`` mask
    (``jnp.maximum(z, 0)`` would split the gradient at ties).
    """
    z = layout.first_layer(X, params["W1t"]) if "W1t" in params else X @ params["W1"]
    return jax.nn.relu(z + params["b1"])


def output(params, h):
    """Class scores from hidden activations: (N, H) -> (N, C)."""
    return h @ params["W2"] + params["b2"]


def cross_entropy(scores, y, label_smoothing=0.0):
    """Mean softmax cross-entropy of scores (N, C) against integer labels y (N,).

    With ``label_smoothing`` = e the target is (1 - e) one_hot(y) + e / C; e = 0 is the
    notebook's loss.
    """
    log_probs = jax.nn.log_softmax(scores)  # subtracts the row max: stable
    nll = -jnp.take_along_axis(log_probs, y[:, None], axis=1)[:, 0]
    uniform = -jnp.mean(log_probs, axis=1)
    return jnp.mean((1.0 - label_smoothing) * nll + label_smoothing * uniform)


def forward(params, X):
    """Class scores, (N, C), for inputs X, (N, D); traceable, no checks."""
    return output(params, hidden(params, X))


def l2_penalty(params):
    """sum(W1**2) + sum(W2**2) (W1 as stored, either layout); biases are not regularised."""
    W1 = params["W1t"] if "W1t" in params else params["W1"]
    return jnp.sum(W1 ** 2) + jnp.sum(params["W2"] ** 2)


def objective(params, X, y, key, hp, plan):
    """The training loss of one minibatch X (B, D), y (B,): cross-entropy (optionally
    label-smoothed, with dropout on the hidden layer, on mixup pairs) + reg * L2. ``hp`` are
    the traced options (arrays), ``plan.enabled`` the gated ones compiled in; ``key`` draws
    the noise. With the defaults it is ``loss``.

    Mixup (``hp['mixup']`` = alpha > 0): lam ~ Beta(alpha, alpha) per minibatch; the inputs
    become lam X + (1 - lam) X[perm] and the loss lam CE(y) + (1 - lam) CE(y[perm]).
    """
    drop_key, mix_key, perm_key = jax.random.split(key, 3)
    mixup = "mixup" in plan.enabled
    if mixup:
        alpha = jnp.maximum(hp["mixup"], 1e-6)
        lam = jnp.where(hp["mixup"] > 0, jax.random.beta(mix_key, alpha, alpha, dtype=X.dtype), 1.0)
        perm = jax.random.permutation(perm_key, X.shape[0])
        X = lam * X + (1.0 - lam) * X[perm]
    h = hidden(params, X)
    if "dropout" in plan.enabled:
        keep = 1.0 - hp["dropout"]
        mask = jax.random.bernoulli(drop_key, keep, h.shape)
        h = jnp.where(mask, h / keep, 0.0)
    logits = output(params, h)
    data_loss = cross_entropy(logits, y, hp["label_smoothing"])
    if mixup:
        data_loss = lam * data_loss + (1.0 - lam) * cross_entropy(logits, y[perm], hp["label_smoothing"])
    return data_loss + hp["reg"] * l2_penalty(params)


def correct_fraction(params, X, y):
    """Traceable accuracy: the fraction of rows of X (N, D) whose top class is y (N,), in
    X's dtype."""
    predicted = jnp.argmax(forward(params, X), axis=1).astype(y.dtype)
    return jnp.mean((predicted == y).astype(X.dtype))


@jax.jit
def _scores(params, X):
    return forward(params, X)


@jax.jit
def _loss(params, X, y, reg):
    return cross_entropy(_scores(params, X), y) + reg * l2_penalty(params)


@jax.jit
def _predict(params, X):
    return jnp.argmax(_scores(params, X), axis=1)


def scores(params, X):
    """Class scores, (N, C), for inputs X, (N, D)."""
    checks.check_inputs(X, checks.check_params(params)[0])
    return _scores(params, X)


def loss(params, X, y, reg=0.0):
    """The notebook's loss: mean softmax cross-entropy + reg * (sum(W1**2) + sum(W2**2)).

    A pure function returning a scalar, computed by one jitted kernel; differentiate it
    with ``jax.grad(loss)(params, X, y, reg)``.

    Args:
      params: the params dict.
      X: inputs, (N, D) float.
      y: integer labels, (N,), each in [0, C).
      reg: L2 regularisation strength.
    """
    D, _, C = checks.check_params(params)
    checks.check_inputs(X, D)
    checks.check_labels(y, X.shape[0], C)
    return _loss(params, X, y, reg)


def predict(params, X):
    """Predicted labels, (N,) int: each row's highest-scoring class (the first on ties)."""
    checks.check_inputs(X, checks.check_params(params)[0])
    return _predict(params, X)


@functools.partial(jax.jit, static_argnames=("image_shape", "flip", "shift"))
def _predict_view_averaged(params, X, image_shape, flip, shift):
    """argmax of the scores summed over the test-time views (``augment.view_grid``), one
    view per step of a scan, so that the forward pass is compiled once."""
    images = X.reshape((X.shape[0],) + image_shape)
    padded = jnp.pad(images, ((0, 0), (shift, shift), (shift, shift), (0, 0)))

    def add(total, v):
        return total + _scores(params, augment.view(padded, image_shape, *v, shift)), None
    zeros = jnp.zeros((X.shape[0], params["b2"].shape[0]), jnp.result_type(X, params["W1"]))
    total, _ = jax.lax.scan(add, zeros, augment.view_grid(shift, flip))
    return jnp.argmax(total, axis=1)


def accuracy(params, X, y, flip_average=None, shift_average=0, *, image_shape=None):
    """Fraction of rows of X (N, D) whose predicted class equals the label y (N,), a float.

    Test-time augmentation, for rows that are images of shape (height, width, channels):
    ``flip_average=image_shape`` scores each row as the sum of its scores and its mirror
    image's; ``shift_average=s`` also sums over its translations by up to s pixels (give
    ``image_shape=`` when there is no ``flip_average``).
    """
    D, _, C = checks.check_params(params)
    checks.check_labels(y, checks.check_inputs(X, D), C)
    shape = flip_average if flip_average is not None else image_shape
    if flip_average is None and not shift_average:
        predicted = _predict(params, X)
    else:
        if shape is None or len(shape) != 3 or int(np.prod(shape)) != D:
            raise ValueError(f"test-time views need the image shape (height, width, channels) "
                             f"of the {D} inputs, got {shape}")
        predicted = _predict_view_averaged(params, X, tuple(int(s) for s in shape),
                                           flip_average is not None, int(shift_average))
    return float(np.mean(np.asarray(predicted) == np.asarray(y)))
