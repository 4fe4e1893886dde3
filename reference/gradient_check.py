"""Numeric gradients by centred differences, and the notebook's relative error."""

import numpy as np


def eval_numerical_gradient(f, x, verbose=False, h=1e-5):
    """Centred-difference gradient of a scalar function at ``x``.

    Inputs:
    - f: a function of one argument returning a float; it must read ``x``,
      which is perturbed in place one element at a time and then restored.
    - x: a float array, the point to differentiate at.
    - verbose: print each coordinate's index and gradient.
    - h: the step, in the units of ``x``.

    Returns:
    - grad: an array of ``x``'s shape, (f(x + h e_i) - f(x - h e_i)) / 2h.
    """
    grad = np.zeros_like(x)
    it = np.nditer(x, flags=["multi_index"], op_flags=["readwrite"])
    while not it.finished:
        ix = it.multi_index
        old = x[ix]
        x[ix] = old + h
        f_plus = f(x)
        x[ix] = old - h
        f_minus = f(x)
        x[ix] = old
        grad[ix] = (f_plus - f_minus) / (2 * h)
        if verbose:
            print(ix, grad[ix])
        it.iternext()
    return grad


def rel_error(x, y):
    """Max relative error, max |x - y| / max(1e-8, |x| + |y|), elementwise."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    return np.max(np.abs(x - y) / np.maximum(1e-8, np.abs(x) + np.abs(y)))
