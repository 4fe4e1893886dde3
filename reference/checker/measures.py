"""How far an output is from what it should be, and the compared quantities (NumPy).

Every comparison is in float64, whatever dtype the implementation returned. NaN or inf on
both sides count as equal; on one side only, as an infinite error; a shape mismatch too.
"""

import functools
from dataclasses import dataclass
from typing import Callable

import numpy as np


def _finite_mask_error(got, want):
    """0 where both are non-finite, inf where only one is, None if both are all finite."""
    bad_g, bad_w = ~np.isfinite(got), ~np.isfinite(want)
    if not (bad_g.any() or bad_w.any()):
        return None
    return np.where(bad_g & bad_w, 0.0, np.where(bad_g | bad_w, np.inf, 0.0))


def _errors(got, want, scale):
    """Elementwise |got - want| / scale, treating NaN/inf in both as equal; inf if shapes differ."""
    got, want = np.asarray(got, dtype=np.float64), np.asarray(want, dtype=np.float64)
    if got.shape != want.shape:
        return np.array([np.inf])
    with np.errstate(invalid="ignore", over="ignore"):
        err = np.abs(got - want) / scale(got, want)
    special = _finite_mask_error(got, want)
    if special is not None:
        err = np.where(np.isfinite(got) & np.isfinite(want), err, special)
    return np.atleast_1d(err)


def rel_error(got, want):
    """The notebook's max elementwise |x - y| / max(1e-8, |x| + |y|)."""
    return float(np.max(_errors(got, want, lambda g, w: np.maximum(1e-8, np.abs(g) + np.abs(w)))))


def _largest(w, floor):
    finite = w[np.isfinite(w)]
    return max(floor, float(np.max(np.abs(finite)))) if finite.size else 1.0


def scaled_error(got, want):
    """max |got - want| / max(1, max |want|): errors relative to the array's (or loss's) size."""
    return float(np.max(_errors(got, want, lambda g, w: _largest(w, 1.0))))


def scaled_error_small(got, want):
    """max |got - want| / max |want| (floor 1e-8), for arrays whose entries are all small."""
    return float(np.max(_errors(got, want, lambda g, w: _largest(w, 1e-8))))


def sum_abs(got, want):
    """The notebook's scores measure: sum |got - want|."""
    return float(np.sum(_errors(got, want, lambda g, w: 1.0)))


def abs_error(got, want):
    """|got - want| of two numbers (the notebook's loss measure)."""
    return float(np.max(_errors(got, want, lambda g, w: 1.0)))


@dataclass
class Part:
    """One compared quantity: passes when ``error(got, want) <= tol``.

    ``problem`` and ``key`` say where the same quantity is in a variant's outputs
    ({problem: {"loss", "scores", "grads": {name}, "loss_grads": {name}}}): key "loss",
    "scores", "grads/W1", or "numeric/W1" (the numeric gradient of the loss, so a variant's
    loss_grads)."""
    label: str
    got: object
    want: object
    error: Callable
    tol: float
    problem: str = ""
    key: str = ""

    @functools.cached_property
    def measured(self):
        """error(got, want), computed once (a part's got and want are never changed)."""
        return self.error(self.got, self.want)

    @property
    def failed(self):
        return not self.measured <= self.tol

    def pick(self, outputs):
        """The same quantity in a variant's outputs of every problem."""
        out = outputs[self.problem]
        kind, _, name = self.key.partition("/")
        return {"grads": lambda: out["grads"][name], "numeric": lambda: out["loss_grads"][name]}.get(
            kind, lambda: out[kind])()

    @property
    def param(self):
        """The parameter a gradient part is about, else None."""
        return self.key.partition("/")[2] or None
