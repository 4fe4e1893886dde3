"""Input preprocessing beyond the notebook's mean image, fitted on the training split only.

``fit(kind, X_train)`` computes statistics from the training rows; ``apply(prep, X)``
applies them to any split (train, val, test) with those same statistics. A fitted
preprocessing is a plain dict of arrays (saved beside a checkpoint as preprocess.npz):

- "mean":    x - mean                                  (the notebook's, on rows)
- "channel": (x - channel mean) / channel std          (rows keep their image layout)
- "zca":     (x - mean) U diag((l + eps)^-1/2) U^T     (whitened, layout kept: D -> D)
- "pca":     (x - mean) U_k diag((l_k + eps)^-1/2)     (top-k components: D -> k)

where C = U diag(l) U^T is the training rows' covariance and eps = ``eps`` x mean(l), so
``eps`` is relative to the average variance (larger eps: gentler whitening).
"""

import jax
import jax.numpy as jnp
import numpy as np

KINDS = ("mean", "channel", "zca", "pca")


@jax.jit
def _covariance(X):
    Xc = X - jnp.mean(X, axis=0)
    return Xc.T @ Xc / X.shape[0]


def _eig(X):
    """Eigenvalues (descending) and eigenvectors of the rows' covariance.

    The covariance is accumulated in X's precision (float32 rows: fast, and ample for the
    eps used here; float64 rows with x64 on: float64); the eigendecomposition in float64."""
    cov = np.asarray(_covariance(jnp.asarray(X)), np.float64)
    values, vectors = np.linalg.eigh((cov + cov.T) / 2)
    order = np.argsort(values)[::-1]
    return np.maximum(values[order], 0.0), vectors[:, order]


def fit(kind, X, *, image_shape=(32, 32, 3), eps=0.1, components=None):
    """Fit a preprocessing on training rows X (N, D); returns a dict of NumPy arrays."""
    if kind not in KINDS:
        raise ValueError(f"preprocessing must be one of {KINDS}, got {kind!r}")
    X = np.asarray(X)
    if X.ndim != 2 or not np.isfinite(X).all():
        raise ValueError(f"fit needs finite training rows (N, D), got shape {X.shape}")
    mean = X.mean(axis=0, dtype=np.float64)
    if kind == "mean":
        return {"kind": np.array(kind), "mean": mean}
    if kind == "channel":
        channels = X.reshape(-1, image_shape[-1])
        return {"kind": np.array(kind), "mean": np.tile(channels.mean(0), X.shape[1] // image_shape[-1]),
                "scale": np.tile(1.0 / channels.std(0), X.shape[1] // image_shape[-1])}
    if eps <= 0:
        raise ValueError(f"eps must be > 0, got {eps}")
    values, vectors = _eig(X)
    inv_sqrt = 1.0 / np.sqrt(values + eps * values.mean())
    if kind == "zca":
        return {"kind": np.array(kind), "mean": mean, "matrix": (vectors * inv_sqrt) @ vectors.T}
    k = components or X.shape[1]
    if not 0 < k <= X.shape[1]:
        raise ValueError(f"components must be in [1, {X.shape[1]}], got {k}")
    return {"kind": np.array(kind), "mean": mean, "matrix": vectors[:, :k] * inv_sqrt[:k]}


@jax.jit
def _affine(X, mean, matrix):
    return (X - mean) @ matrix


def apply(prep, X, dtype=np.float32, chunk=8192):
    """Apply a fitted preprocessing to rows X (N, D); returns (N, D') NumPy rows in dtype."""
    kind = str(prep["kind"])
    X = np.asarray(X)
    if kind == "mean":
        return (X - prep["mean"]).astype(dtype)
    if kind == "channel":
        return ((X - prep["mean"]) * prep["scale"]).astype(dtype)
    mean = jnp.asarray(prep["mean"], dtype)
    matrix = jnp.asarray(prep["matrix"], dtype)
    parts = [np.asarray(_affine(jnp.asarray(X[i:i + chunk], dtype), mean, matrix))
             for i in range(0, len(X), chunk)]
    return np.concatenate(parts) if parts else np.zeros((0, matrix.shape[1]), dtype)


def pixel_weights(prep, W1):
    """First-layer weights (D', H) as they act on the centred pixels (D, H).

    ``apply`` is affine, so relu(apply(prep, x) W1 + b1) = relu((x - prep["mean"]) V + b1)
    with V = matrix W1 (ZCA, PCA) or scale * W1 (per-channel). V is what a picture of the
    weights should show: for a whitened run W1 itself is a filter in whitened space.
    """
    W1 = np.asarray(W1, np.float64)
    if "matrix" in prep:
        return np.asarray(prep["matrix"], np.float64) @ W1
    if "scale" in prep:
        return np.asarray(prep["scale"], np.float64)[:, None] * W1
    return W1


def output_size(prep, input_size):
    """The number of columns ``apply`` produces."""
    return prep["matrix"].shape[1] if "matrix" in prep else input_size
