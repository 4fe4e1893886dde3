"""What predict may have computed instead of the argmax over classes of the notebook's scores
(NumPy): the argmax of another forward pass's scores (``formulas.py``), the argmin, the argmax
over the examples, or over the hidden units, or of a softmax taken over the examples, or of the
scores of the inputs centred on their batch's mean. Each is a cause, named when it is the only one that
gives predict's labels. Or labels for the first rows only: the others dropped, or left at 0.
"""

import numpy as np

from reference.checker import formulas


def candidates(params, X, titles):
    """[(cause id, detail, labels)] on the predict problem; ``titles``: {forward id: its title}."""
    _, hidden, scores = formulas.notebook_forward(np, params, X)
    out = [("predict_argmin", "", np.argmin(scores, axis=1)), ("predict_wrong_axis", "", np.argmax(scores, axis=0)),
           ("predict_hidden_argmax", "", np.argmax(hidden, axis=1)),
           ("predict_max_not_argmax", "", np.max(scores, axis=1)), ("predict_argmax_flat", "", np.argmax(scores)),
           ("predict_labels_column", "", np.argmax(scores, axis=1, keepdims=True)),
           ("predict_labels_shifted", "+ 1", np.argmax(scores, axis=1) + 1),
           ("predict_labels_shifted", "- 1", np.argmax(scores, axis=1) - 1),
           ("predict_softmax_over_examples", "", np.argmax(column_softmax(scores), axis=1)),
           ("predict_softmax_over_examples", "", np.argmax(column_softmax(scores, rows_shifted=True), axis=1)),
           ("predict_inputs_centred", "", np.argmax(formulas.notebook_forward(np, params, X - X.mean(axis=0))[2],
                                                    axis=1)),
           ("predict_inputs_centred", " and scaled by their std", np.argmax(formulas.notebook_forward(
               np, params, (X - X.mean(axis=0)) / (X.std(axis=0) + 1e-8))[2], axis=1))]
    hidden_part = scores - params["b2"]  # h1 W2: halving it gives the labels of b2 added twice
    out += [("predict_forward", f"h1 W2 scaled by {c:g} before b2 is added (dropout's inference scaling?)",
             np.argmax(c * hidden_part + params["b2"], axis=1)) for c in (0.5, 2.0)]
    for k, forward in formulas.EVERY_FORWARD.items():
        cause = "predict_no_relu" if k == "no_relu" else "predict_forward"
        out.append((cause, "" if k == "no_relu" else titles[k], np.argmax(forward(np, params, X)[2], axis=1)))
    return out


def column_softmax(scores, rows_shifted=False):
    """The softmax of each class's column over the examples (axis 0), shifted by the column's max, or
    by each row's (as a softmax over the classes is, then normalised over the wrong axis)."""
    e = np.exp(scores - scores.max(axis=1 if rows_shifted else 0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def explained(probes, titles):
    """(cause id, detail) of the one candidate whose labels are predict's on every probe (``probes``:
    [(predict's labels, params, X)], the first the one that failed), else None."""
    found = None
    for got, params, X in probes:
        got = np.asarray(got)
        here = {(cause, detail) for cause, detail, labels in candidates(params, X, titles)
                if labels.shape == got.shape and same(labels, got)}
        found = here if found is None else found & here
    return found.pop() if found and len(found) == 1 else None


def same(labels, got):
    """Equal labels; scores returned in their place (floats) equal to their own rounding, however
    the net's forward pass ordered its sums."""
    if labels.dtype.kind == "f" and got.dtype.kind == "f":
        return bool(np.allclose(got, labels, rtol=1e-9, atol=0))
    return np.array_equal(labels, got)


def rows_dropped(got, want):
    """How predict labelled only the first rows, in words: labels for the first k of N rows, right, or
    the right labels up to a row (one of them not 0) and 0 on every row from there; else None."""
    got = np.asarray(got)
    if got.ndim != 1 or got.dtype.kind not in "iu":
        return None
    if 0 < len(got) < len(want) and np.array_equal(got, want[:len(got)]):
        return f"labels for the first {len(got)} of {len(want)} rows, right"
    wrong = np.flatnonzero(got != want) if got.shape == want.shape else []
    if len(wrong) and want[:wrong[0]].any() and not got[wrong[0]:].any():  # some right label is not 0
        return f"rows {wrong[0]}-{len(want) - 1} of {len(want)} labelled 0, the rows before them right"
    return None
