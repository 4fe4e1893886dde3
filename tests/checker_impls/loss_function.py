"""A correct plain loss function, as someone porting the net would write it (--function mode)."""

import numpy as np


def two_layer_loss(params, X, y, reg, relu_mask=True):
    z = X @ params["W1"] + params["b1"]
    h = np.maximum(z, 0.0)
    s = h @ params["W2"] + params["b2"]
    s = s - s.max(axis=1, keepdims=True)
    log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
    n = len(y)
    loss = -log_p[np.arange(n), y].mean() + reg * ((params["W1"] ** 2).sum() + (params["W2"] ** 2).sum())
    d = np.exp(log_p)
    d[np.arange(n), y] -= 1.0
    d /= n
    dh = d @ params["W2"].T
    if relu_mask:
        dh = dh * (z > 0)
    return loss, {"W1": X.T @ dh + 2 * reg * params["W1"], "b1": dh.sum(0),
                  "W2": h.T @ d + 2 * reg * params["W2"], "b2": d.sum(0)}


def two_layer_loss_no_mask(params, X, y, reg):
    """The same with the ReLU mask dropped from the backward pass."""
    return two_layer_loss(params, X, y, reg, relu_mask=False)


def two_layer_loss_listed_grads(params, X, y, reg):
    """The same, each gradient handed back as nested Python lists."""
    loss, grads = two_layer_loss(params, X, y, reg)
    return loss, {k: g.tolist() for k, g in grads.items()}


def two_layer_loss_tuple_grads(params, X, y, reg):
    """The same, the gradients handed back as a tuple (W1, b1, W2, b2) instead of a dict."""
    loss, grads = two_layer_loss(params, X, y, reg)
    return loss, tuple(grads[k] for k in ("W1", "b1", "W2", "b2"))


def two_layer_loss_format_slips(params, X, y, reg):
    """The same, with three slips in how the gradients are handed back: b1 kept 2-D, W2 in
    float32, and an extra key."""
    loss, grads = two_layer_loss(params, X, y, reg)
    return loss, {**grads, "b1": grads["b1"][None, :], "W2": grads["W2"].astype(np.float32),
                  "scores": np.zeros(1)}
