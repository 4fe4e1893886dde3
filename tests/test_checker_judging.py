"""The judging's own words and numbers on small hand-built evidence: what a check measures and
says when a net's output matches a known mistake's. Expected texts are written out here from
the catalogue's titles and fixes (docs/checker.md), and the numbers worked out by hand."""

import warnings

import numpy as np

from reference.checker import judge
from reference.checker.report import Check

UNSHIFTED = ("predict taking the argmax of {} of scores not shifted by each row's max: exp overflows past ~709 "
             "(inf, then nan). Fix: np.argmax(scores, axis=1): the softmax keeps the order, so predict needs "
             "no exp at all. [cause: predict_softmax_unshifted]")


def test_predict_of_unshifted_exp_or_softmax_is_named_with_the_rows_it_gets_wrong():
    """exp(1001) and exp(1000) are both inf, so the argmax of exp takes the first; at 709.5 exp is
    finite but the row's sum is not, so the softmax is 0 everywhere and its argmax the first too;
    with exp(-1000) = 0 beside an inf, the softmax is nan at the inf (0 / inf, inf / inf).
    The overflow is the function's own business: no warning escapes it."""
    scores = np.array([[1000.0, 1001.0], [0.0, 1.0], [1001.0, 1000.0], [2.0, 3.0]])
    want = np.array([1, 1, 0, 1])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = judge.unshifted_softmax(scores, np.array([0, 1, 0, 1]), want, "wrong labels")
        assert found == Check(
            "predict", False, 0.25, 0.0, "wrong labels",
            "predict_edge: on 4 rows with scores around 1000, predictions differ on 1 (rows 0), each the argmax "
            "of exp of the unshifted scores: this matches " + UNSHIFTED.format("exp"),
            ["predict_softmax_unshifted"], part="predict")
        scores = np.array([[0.0, 1.0], [709.0, 709.5], [709.0, 709.5], [5.0, 4.0], [709.0, 709.5], [-1000.0, 1001.0]])
        want = np.array([1, 1, 1, 0, 1, 1])
        found = judge.unshifted_softmax(scores, np.array([1, 0, 0, 0, 0, 1]), want, "labels")
        assert found == Check(
            "predict", False, 0.5, 0.0, "labels",
            "predict_edge: on 6 rows with scores around 1000, predictions differ on 3 (rows 1-2, 4), each the "
            "argmax of the softmax of the unshifted scores: this matches " + UNSHIFTED.format("the softmax"),
            ["predict_softmax_unshifted"], part="predict")
        # right labels, or wrong ones that neither form gives: not this mistake
        assert judge.unshifted_softmax(scores, want, want, "l") is None
        assert judge.unshifted_softmax(scores, np.array([0, 0, 0, 0, 0, 0]), want, "l") is None
