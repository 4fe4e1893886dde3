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


def notebook_scores(params, X):
    """(hidden, scores) of the notebook's forward pass, written out here."""
    hidden = np.maximum(X @ params["W1"] + params["b1"], 0)
    return hidden, hidden @ params["W2"] + params["b2"]


def test_predicts_candidates_are_the_labels_of_each_known_slip_worked_out_by_hand():
    """predictions.candidates: each known slip of predict with its detail and the labels it gives,
    in the catalogue's order, then one per forward pass of formulas.EVERY_FORWARD (its title, or
    none for the forward pass without ReLU, which is predict_no_relu)."""
    from reference.checker import formulas, predictions
    rng = np.random.default_rng(11)
    params = {"W1": rng.standard_normal((4, 6)), "b1": rng.standard_normal(6),
              "W2": rng.standard_normal((6, 3)), "b2": 3 * rng.standard_normal(3)}
    X = rng.standard_normal((8, 4)) * [1.0, 2.0, 0.5, 3.0] + [5.0, -2.0, 0.0, 1.0]
    X[:, 2] = 0.5 + 1e-8 * np.array([1, -1] * 4)  # a column of std 1e-8: its scaled values are +-0.5,
    params["W1"][2] *= 20  # and they weigh
    hidden, s = notebook_scores(params, X)

    def over_examples(shift_axis):
        e = np.exp(s - s.max(axis=shift_axis, keepdims=True))
        return np.argmax(e / e.sum(axis=0, keepdims=True), axis=1)

    centred = X - X.mean(axis=0)
    dropout = "h1 W2 scaled by {} before b2 is added (dropout's inference scaling?)"
    expected = [("predict_argmin", "", np.argmin(s, axis=1)), ("predict_wrong_axis", "", np.argmax(s, axis=0)),
                ("predict_hidden_argmax", "", np.argmax(hidden, axis=1)), ("predict_max_not_argmax", "", s.max(axis=1)),
                ("predict_argmax_flat", "", np.array(np.argmax(s))),
                ("predict_labels_column", "", np.argmax(s, axis=1)[:, None]),
                ("predict_labels_shifted", "+ 1", np.argmax(s, axis=1) + 1),
                ("predict_labels_shifted", "- 1", np.argmax(s, axis=1) - 1),
                ("predict_softmax_over_examples", "", over_examples(0)),
                ("predict_softmax_over_examples", "", over_examples(1)),
                ("predict_inputs_centred", "", np.argmax(notebook_scores(params, centred)[1], axis=1)),
                ("predict_inputs_centred", " and scaled by their std",
                 np.argmax(notebook_scores(params, centred / (X.std(axis=0) + 1e-8))[1], axis=1)),
                ("predict_forward", dropout.format("0.5"), np.argmax(0.5 * hidden @ params["W2"] + params["b2"], axis=1)),
                ("predict_forward", dropout.format("2"), np.argmax(2 * hidden @ params["W2"] + params["b2"], axis=1))]
    titles = {k: f"the forward pass {k}" for k in formulas.EVERY_FORWARD}
    got = predictions.candidates(params, X, titles)
    assert [(c, d) for c, d, _ in got[:len(expected)]] == [(c, d) for c, d, _ in expected]
    for (cause, _, labels), (_, _, want) in zip(got, expected):
        assert labels.shape == want.shape and labels.dtype.kind == want.dtype.kind, cause
        assert np.allclose(labels, want, rtol=1e-12, atol=0), cause
    assert [(c, d) for c, d, _ in got[len(expected):]] == [
        ("predict_no_relu", "") if k == "no_relu" else ("predict_forward", titles[k]) for k in formulas.EVERY_FORWARD]
    no_relu = dict(zip(formulas.EVERY_FORWARD, got[len(expected):]))["no_relu"][2]
    assert np.array_equal(no_relu, np.argmax((X @ params["W1"] + params["b1"]) @ params["W2"] + params["b2"], axis=1))
    # the candidates differ here, so each one's labels above are its own
    distinct = {labels.tobytes() for _, _, labels in expected if labels.shape == (8,) and labels.dtype.kind == "i"}
    assert len(distinct) >= 8


def test_a_softmax_over_the_examples_is_each_columns_normalised_with_either_shift():
    """predictions.column_softmax: each column sums to 1 over the examples; shifted by the column's
    max or by each row's, it is the same (the shift cancels only along the normalised axis: here it is
    computed without one, from scores small enough)."""
    from reference.checker import predictions
    s = np.array([[1.0, 2.0, 0.5], [3.0, -1.0, 0.0]])
    e = np.exp(s)
    want = e / e.sum(axis=0, keepdims=True)
    assert np.allclose(predictions.column_softmax(s), want, rtol=1e-13, atol=0)
    by_rows = np.exp(s - s.max(axis=1, keepdims=True))
    assert np.allclose(predictions.column_softmax(s, rows_shifted=True), by_rows / by_rows.sum(axis=0, keepdims=True),
                       rtol=1e-13, atol=0)
    big = np.array([[1000.0, 0.0], [999.0, 1.0]])  # shifted by each column's max, no overflow
    assert np.allclose(predictions.column_softmax(big), [[1 / (1 + np.exp(-1)), 1 / (1 + np.e)],
                                                         [1 / (1 + np.e), 1 / (1 + np.exp(-1))]], rtol=1e-13, atol=0)


def test_labels_are_the_same_exactly_and_scores_in_their_place_to_1e_9():
    """predictions.same: integer labels equal entry for entry; floats (scores returned as labels)
    within 1e-9 relative, none absolute."""
    from reference.checker import predictions
    assert predictions.same(np.array([1, 2]), np.array([1, 2]))
    assert not predictions.same(np.array([1, 2]), np.array([1, 3]))
    assert predictions.same(np.array([1.0, 2.0]), np.array([1.0 + 0.9e-9, 2.0]))
    assert not predictions.same(np.array([1.0, 2.0]), np.array([1.0 + 2e-9, 2.0]))
    assert not predictions.same(np.array([0.0]), np.array([1e-300]))
    assert not predictions.same(np.array([1.0 + 1e-10]), np.array([1]))  # integer labels are compared exactly
    assert predictions.same(np.array([1.0, 2.0]), np.array([1.0, 2.0]))


def test_labels_for_the_first_rows_only_or_zero_from_a_row_on_are_said_in_words():
    """predictions.rows_dropped: integer labels for the first k of N rows, all right; or the right
    labels up to a row and 0 from there (some right label before it not 0); else None."""
    from reference.checker import predictions
    want = np.array([2, 1, 0, 2, 1])
    assert predictions.rows_dropped(want[:3], want) == "labels for the first 3 of 5 rows, right"
    assert predictions.rows_dropped(want[:1], want) == "labels for the first 1 of 5 rows, right"
    assert predictions.rows_dropped(np.array([2, 1, 0, 0, 0]), want) == (
        "rows 3-4 of 5 labelled 0, the rows before them right")
    assert predictions.rows_dropped(np.array([2, 0, 0, 0, 0]), want) == (
        "rows 1-4 of 5 labelled 0, the rows before them right")
    assert predictions.rows_dropped(np.array([0, 0, 0, 0, 0]), want) is None  # nothing right before
    assert predictions.rows_dropped(np.array([0, 0, 0, 0]), np.array([0, 0, 1, 1, 1])) is None
    assert predictions.rows_dropped(want[:3].astype(float), want) is None  # not integer labels
    assert predictions.rows_dropped(want[:3].astype(np.uint8), want) == "labels for the first 3 of 5 rows, right"
    assert predictions.rows_dropped(want[None, :3], want) is None  # not 1-D
    assert predictions.rows_dropped(want[:0], want) is None and predictions.rows_dropped(want, want) is None
    assert predictions.rows_dropped(np.array([2, 0, 0]), want) is None  # fewer rows, not all right
    assert predictions.rows_dropped(np.array([2, 1, 0, 1, 0]), want) is None  # a wrong row that is not 0


def test_a_slip_explains_predict_only_when_it_alone_gives_its_labels_on_every_probe(monkeypatch):
    """predictions.explained: the candidates whose labels are predict's on each probe, kept only if
    they are on every probe; one left is the slip, none or several is None."""
    from reference.checker import predictions
    a, b = np.array([0, 1]), np.array([1, 0])
    lists = {"first": [("slip_a", "", a), ("slip_b", "", b)], "second": [("slip_a", "", a), ("slip_b", "", a)],
             "third": [("slip_a", "", b), ("slip_b", "", a)]}
    monkeypatch.setattr(predictions, "candidates", lambda params, X, titles: lists[X])
    assert predictions.explained([(a, None, "first"), (a, None, "second")], {}) == ("slip_a", "")
    assert predictions.explained([(a, None, "second"), (a, None, "first")], {}) == ("slip_a", "")
    assert predictions.explained([(a, None, "second")], {}) is None  # both give a
    assert predictions.explained([(a, None, "first"), (a, None, "third")], {}) is None  # none on both
