"""Formulas a student plausibly writes instead of the notebook's, for the forward pass and the
data loss, each written once, as a student writes it, for NumPy or JAX (``xp`` is numpy or
jax.numpy), on unpadded arrays: X (N, D), y (N,) ints, params W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).

A forward formula maps (xp, params, X) to (z1, h1, scores): the hidden pre-activation whose sign
a usual backward pass masks with, the hidden layer, and the scores (N, C). A data-loss formula
maps (xp, scores, y) to (loss, probs): the data loss and the probabilities (N, C) that a usual
backward pass would start from (dscores = (probs - one_hot(y)) / N).

Each formula is a cause (``causes.Mistake``) with the ways a student's code can carry it
(``causes.MODES``): in the loss and its gradient, in the loss with the usual backward pass on
its values, in the loss only, in the returned scores only, ... (``hypotheses.py`` builds them).
"""

from reference.checker.causes import Mistake


def relu(xp, z):
    """max(0, z), its derivative 0 at z = 0 (as the mask z > 0; JAX's maximum would split it)."""
    return xp.where(z > 0, z, 0.0)


def notebook_forward(xp, p, X):
    """The notebook's forward pass: z1 = X W1 + b1, h1 = max(0, z1), scores = h1 W2 + b2."""
    z1 = X @ p["W1"] + p["b1"]
    h1 = relu(xp, z1)
    return z1, h1, h1 @ p["W2"] + p["b2"]


def softmax(xp, scores):
    """Each row's softmax, shifted by the row's max."""
    e = xp.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def at_labels(xp, a, y):
    """a[i, y[i]] for every row i."""
    return a[xp.arange(a.shape[0]), y]


def cross_entropy(xp, scores, y):
    """The notebook's data loss: the mean over the batch of -log softmax(scores)[i, y[i]]."""
    probs = softmax(xp, scores)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


# ---- forward passes --------------------------------------------------------------------------

def with_hidden(activation):
    """The notebook's forward pass with another hidden activation."""
    def forward(xp, p, X):
        """z1 = X W1 + b1, h1 = activation(z1), scores = h1 W2 + b2."""
        z1 = X @ p["W1"] + p["b1"]
        h1 = activation(xp, z1)
        return z1, h1, h1 @ p["W2"] + p["b2"]
    return forward


def relu_on_scores(xp, p, X):
    """scores = max(0, h1 W2 + b2): a ReLU on the output layer too."""
    z1, h1, scores = notebook_forward(xp, p, X)
    return z1, h1, relu(xp, scores)


def b1_subtracted(xp, p, X):
    """z1 = X W1 - b1: the bias as a threshold."""
    z1 = X @ p["W1"] - p["b1"]
    h1 = relu(xp, z1)
    return z1, h1, h1 @ p["W2"] + p["b2"]


def b2_subtracted(xp, p, X):
    """scores = h1 W2 - b2."""
    z1, h1, scores = notebook_forward(xp, p, X)
    return z1, h1, h1 @ p["W2"] - p["b2"]


def b1_after_relu(xp, p, X):
    """h1 = max(0, X W1) + b1: the bias added after the ReLU (the mask's input is X W1)."""
    z1 = X @ p["W1"]
    h1 = relu(xp, z1) + p["b1"]
    return z1, h1, h1 @ p["W2"] + p["b2"]


def relu_before_affine(xp, p, X):
    """h1 = max(0, X) W1 + b1: the ReLU on the inputs, the hidden layer linear."""
    z1 = relu(xp, X) @ p["W1"] + p["b1"]
    return z1, z1, z1 @ p["W2"] + p["b2"]


def no_relu(xp, p, X):
    """h1 = z1: no ReLU, a linear net."""
    z1 = X @ p["W1"] + p["b1"]
    return z1, z1, z1 @ p["W2"] + p["b2"]


def without_b1(xp, p, X):
    """z1 = X W1: b1 left out."""
    z1 = X @ p["W1"]
    h1 = relu(xp, z1)
    return z1, h1, h1 @ p["W2"] + p["b2"]


def without_b2(xp, p, X):
    """scores = h1 W2: b2 left out."""
    z1, h1, scores = notebook_forward(xp, p, X)
    return z1, h1, h1 @ p["W2"]


def without_biases(xp, p, X):
    """z1 = X W1, scores = h1 W2: both biases left out."""
    z1 = X @ p["W1"]
    h1 = relu(xp, z1)
    return z1, h1, h1 @ p["W2"]


def b2_twice(xp, p, X):
    """scores = h1 W2 + 2 b2: the bias added again (scores += b2 after scores = h1 W2 + b2)."""
    z1, h1, scores = notebook_forward(xp, p, X)
    return z1, h1, scores + p["b2"]


def b1_in_product(xp, p, X):
    """z1 = X (W1 + b1): the bias added to the weights inside the product (a misplaced parenthesis)."""
    z1 = X @ (p["W1"] + p["b1"])
    h1 = relu(xp, z1)
    return z1, h1, h1 @ p["W2"] + p["b2"]


def b2_in_product(xp, p, X):
    """scores = h1 (W2 + b2): the bias added to the weights inside the product."""
    z1, h1, scores = notebook_forward(xp, p, X)
    return z1, h1, h1 @ (p["W2"] + p["b2"])


def returning(transform):
    """The notebook's forward pass whose returned scores are ``transform(xp, scores)``."""
    def forward(xp, p, X):
        """The notebook's forward pass, its scores transformed."""
        z1, h1, scores = notebook_forward(xp, p, X)
        return z1, h1, transform(xp, scores)
    return forward


def log_softmax(xp, scores):
    """Each row's log-softmax, shifted by the row's max."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - xp.log(xp.exp(shifted).sum(axis=1, keepdims=True))


# ---- data losses -----------------------------------------------------------------------------

def column_max_shift(xp, scores, y):
    """Each column shifted by its max over the batch (scores.max(axis=0)) before the softmax."""
    e = xp.exp(scores - scores.max(axis=0))
    probs = e / e.sum(axis=1, keepdims=True)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def global_max_shift(xp, scores, y):
    """Every score shifted by the batch's largest (scores.max() without axis) before the softmax."""
    e = xp.exp(scores - scores.max())
    probs = e / e.sum(axis=1, keepdims=True)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def shift_in_numerator(xp, scores, y):
    """exp(s - max) / sum(exp(s)): the max subtracted in the numerator only."""
    e = xp.exp(scores - scores.max(axis=1, keepdims=True))
    probs = e / xp.exp(scores).sum(axis=1, keepdims=True)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def shift_in_denominator(xp, scores, y):
    """exp(s) / sum(exp(s - max)): the max subtracted in the denominator only."""
    e = xp.exp(scores - scores.max(axis=1, keepdims=True))
    probs = xp.exp(scores) / e.sum(axis=1, keepdims=True)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def rows_at_labels(xp, scores, y):
    """-log softmax[y]: the rows at the labels (every class of them), not each row's label."""
    probs = softmax(xp, scores)  # a label past the last row raises in NumPy: that problem then shows nothing
    return -xp.mean(xp.log(xp.take(probs, y, axis=0, mode="clip"))), probs


def all_pairs(xp, scores, y):
    """-log softmax[:, y]: every example's probability of every label in the batch (N x N), averaged."""
    probs = softmax(xp, scores)
    return -xp.mean(xp.log(probs[:, y])), probs


def all_pairs_over_n(xp, scores, y):
    """-log softmax[:, y] summed over the N x N pairs and divided by N (not by N x N)."""
    probs = softmax(xp, scores)
    return -xp.sum(xp.log(probs[:, y])) / scores.shape[0], probs


def log_of_mean(xp, scores, y):
    """-log of the mean probability of the correct class, instead of the mean of -log."""
    probs = softmax(xp, scores)
    return -xp.log(xp.mean(at_labels(xp, probs, y))), probs


def all_classes(xp, scores, y):
    """-log softmax averaged over every class of every example, not only the correct one."""
    probs = softmax(xp, scores)
    return -xp.mean(xp.log(probs)), probs


def batch_normalised(xp, scores, y):
    """exp(shifted scores) divided by their sum over the whole batch (np.sum without axis)."""
    e = xp.exp(scores - scores.max(axis=1, keepdims=True))
    probs = e / e.sum()
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def max_not_added_back(xp, scores, y):
    """log(sum(exp(s - max))) - s[y]: the max subtracted inside the log-sum-exp and not added back."""
    top = scores.max(axis=1, keepdims=True)
    lse = xp.log(xp.exp(scores - top).sum(axis=1))
    return xp.mean(lse - at_labels(xp, scores, y)), softmax(xp, scores)


def lse_unshifted(xp, scores, y):
    """log(sum(exp(s))) - s[y] without the max shift: exp overflows to inf for scores above ~709;
    its probabilities exp(s - lse) are then 0 (the catalogue's softmax_no_shift: e / sum(e), NaN)."""
    lse = xp.log(xp.exp(scores).sum(axis=1, keepdims=True))
    return xp.mean(lse[:, 0] - at_labels(xp, scores, y)), xp.exp(scores - lse)


def lse_of_mean(xp, scores, y):
    """log(mean(exp(s))) - s[y]: the normaliser the mean of the exponentials, log(C) too small."""
    return -xp.mean(at_labels(xp, log_softmax(xp, scores), y)) - xp.log(scores.shape[1]), softmax(xp, scores)


def shifted_over_examples(xp, scores, y):
    """exp(s - each row's max) normalised over the examples (axis 0), not over the classes."""
    e = xp.exp(scores - scores.max(axis=1, keepdims=True))
    probs = e / e.sum(axis=0, keepdims=True)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def softmax_over_examples(xp, scores, y):
    """The softmax taken over the examples (axis 0, shifted by each column's max), not over the classes."""
    e = xp.exp(scores - scores.max(axis=0, keepdims=True))
    probs = e / e.sum(axis=0, keepdims=True)
    return -xp.mean(xp.log(at_labels(xp, probs, y))), probs


def no_logsumexp(xp, scores, y):
    """-mean(s[y]): the scores at the labels with no log-softmax (a negative log-likelihood of logits)."""
    return -xp.mean(at_labels(xp, scores, y)), softmax(xp, scores)


def no_logsumexp_shifted(xp, scores, y):
    """-mean(s[y] - max): the shifted scores at the labels without their log-sum-exp (read as log(1))."""
    return -xp.mean(at_labels(xp, scores - scores.max(axis=1, keepdims=True), y)), softmax(xp, scores)


def max_probability(xp, scores, y):
    """-log of each example's largest probability, whatever its label."""
    probs = softmax(xp, scores)
    return -xp.mean(xp.log(probs.max(axis=1))), probs


def hinge(xp, scores, y):
    """The multiclass SVM loss (margin 1) instead of the softmax cross-entropy."""
    margins = relu(xp, scores - at_labels(xp, scores, y)[:, None] + 1.0)
    n = scores.shape[0]  # the correct class's own margin, 1 per example, is not a loss
    return (margins.sum() - n) / n, softmax(xp, scores)


def predictive_entropy(xp, scores, y):
    """The mean entropy of the predicted distribution, -sum q log q, in place of the cross-entropy."""
    probs = softmax(xp, scores)
    return -xp.mean(xp.sum(probs * log_softmax(xp, scores), axis=1)), probs


def smoothed_labels(xp, scores, y, eps=0.1):
    """The cross-entropy against label-smoothed targets (1 - eps) one_hot(y) + eps / C."""
    targets = (1 - eps) * xp.where(xp.arange(scores.shape[1]) == y[:, None], 1.0, 0.0) + eps / scores.shape[1]
    return -xp.mean(xp.sum(targets * log_softmax(xp, scores), axis=1)), softmax(xp, scores)


LOOK = "the forward pass: z1 = X W1 + b1, h1 = max(0, z1), scores = h1 W2 + b2"
CE = "the mean over the batch of -log softmax(scores)[i, y[i]]"

# Forward passes: (cause, formula). Those of the catalogue's ids keep its title and fix.
FORWARDS = (
    Mistake("relu_on_scores", "a ReLU on the scores too (scores = max(0, h1 W2 + b2))",
            "the output layer is affine: scores = h1 W2 + b2, no ReLU", "scores", relu_on_scores),
    Mistake("b1_subtracted", "b1 subtracted (z1 = X W1 - b1)", "add the bias: z1 = X W1 + b1", "scores",
            b1_subtracted),
    Mistake("b2_subtracted", "b2 subtracted (scores = h1 W2 - b2)", "add the bias: scores = h1 W2 + b2", "scores",
            b2_subtracted),
    Mistake("b1_after_relu", "b1 added after the ReLU (h1 = max(0, X W1) + b1)",
            "add b1 before the ReLU: h1 = max(0, X W1 + b1)", "scores", b1_after_relu),
    Mistake("leaky_relu", "a leaky ReLU max(0.01 z1, z1) as the hidden activation",
            "the notebook's ReLU: h1 = max(0, z1)", "scores", with_hidden(lambda xp, z: xp.where(z > 0, z, 0.01 * z))),
    Mistake("relu_before_affine", "the ReLU applied to the inputs before the first layer instead of after it "
            "(h1 = max(0, X) W1 + b1: the hidden layer linear)", "the ReLU after the first affine layer: "
            "h1 = max(0, X W1 + b1)", "scores", relu_before_affine),
    Mistake("softplus_hidden", "softplus log(1 + exp(z1)) as the hidden activation", "the notebook's ReLU: "
            "h1 = max(0, z1)", "scores", with_hidden(lambda xp, z: xp.logaddexp(0.0, z))),
    Mistake("relu_doubled", "the ReLU written z1 + abs(z1) without its / 2 (twice max(0, z1))", "the notebook's "
            "ReLU: h1 = max(0, z1) (or (z1 + abs(z1)) / 2)", "scores",
            with_hidden(lambda xp, z: 2 * relu(xp, z))),
    Mistake("sigmoid_hidden", "a sigmoid as the hidden activation", "the notebook's ReLU: h1 = max(0, z1)",
            "scores", with_hidden(lambda xp, z: 1.0 / (1.0 + xp.exp(-z)))),
    Mistake("relu6_hidden", "a ReLU6 min(max(0, z1), 6) as the hidden activation", "the notebook's ReLU: "
            "h1 = max(0, z1), with no cap", "scores", with_hidden(lambda xp, z: xp.where(z < 6, relu(xp, z), 6.0))),
    Mistake("tanh_hidden", "tanh as the hidden activation", "the notebook's ReLU: h1 = max(0, z1)", "scores",
            with_hidden(lambda xp, z: xp.tanh(z))),
    Mistake("biases_left_out", "the forward pass without b1 and b2 (scores = max(0, X W1) W2)",
            "add both biases: z1 = X W1 + b1, scores = h1 W2 + b2", "scores", without_biases),
    Mistake("b2_added_twice", "b2 added twice (scores = h1 W2 + b2, then scores += b2)",
            "add b2 once: scores = h1 W2 + b2", "scores", b2_twice),
    Mistake("b1_in_product", "b1 added to W1 inside the product (z1 = X (W1 + b1))", "add the bias after the "
            "product: z1 = X W1 + b1", "scores", b1_in_product),
    Mistake("b2_in_product", "b2 added to W2 inside the product (scores = h1 (W2 + b2))", "add the bias after the "
            "product: scores = h1 W2 + b2", "scores", b2_in_product),
)

# The catalogue's forward mistakes (mistakes.CATALOGUE names them in the loss and its gradient), in
# the other ways a student's code can carry them.
CATALOGUE_FORWARDS = {"no_relu": no_relu, "b1_left_out": without_b1, "b2_left_out": without_b2}
EVERY_FORWARD = {**{m.id: m.fn for m in FORWARDS}, **CATALOGUE_FORWARDS}

# Returned scores that are something else: only loss(X) returns them.
RETURNED = (
    Mistake("scores_returned_as_probs", "the softmax probabilities returned as the scores",
            "return the scores h1 W2 + b2 when y is None, before the softmax", "scores", returning(softmax)),
    Mistake("scores_returned_as_log_probs", "the log-probabilities returned as the scores",
            "return the scores h1 W2 + b2 when y is None, before the softmax", "scores", returning(log_softmax)),
    Mistake("scores_returned_shifted", "the scores returned after subtracting each row's max",
            "return the scores h1 W2 + b2 when y is None, before any shift", "scores",
            returning(lambda xp, s: s - s.max(axis=1, keepdims=True))),
    Mistake("scores_returned_minus_first", "the scores returned minus each row's first class score (log-odds "
            "against class 0)", "return the scores h1 W2 + b2 when y is None, as they are", "scores",
            returning(lambda xp, s: s - s[:, :1])),
    Mistake("scores_returned_transposed", "the scores returned transposed, (C, N) (a class-by-example layout "
            "kept to the end)", "return the scores as (N, C): one row per example", "scores",
            returning(lambda xp, s: s.T)),
)

DATA_LOSSES = (
    Mistake("softmax_column_max", "the softmax shifted by each class's max over the batch (scores.max(axis=0)) "
            "instead of each example's max", "subtract scores.max(axis=1, keepdims=True): a row's shift cancels "
            "in its softmax, a column's does not", "data_loss", column_max_shift),
    Mistake("softmax_global_max", "the softmax shifted by the batch's largest score (scores.max() without axis) "
            "instead of each example's max", "subtract scores.max(axis=1, keepdims=True): rows far below the "
            "batch's best underflow to exp(...) = 0", "data_loss", global_max_shift),
    Mistake("softmax_shift_in_numerator", "the softmax exp(s - max) / sum(exp(s)): the max subtracted in the "
            "numerator only", "subtract the max from every score before both: e = exp(s - max); e / e.sum(axis=1)",
            "data_loss", shift_in_numerator),
    Mistake("softmax_shift_in_denominator", "the softmax exp(s) / sum(exp(s - max)): the max subtracted in the "
            "denominator only", "subtract the max from every score before both: e = exp(s - max); e / e.sum(axis=1)",
            "data_loss", shift_in_denominator),
    Mistake("loss_rows_at_labels", "-log softmax[y]: the rows at the labels instead of each row at its label",
            "index row i at its label: softmax[np.arange(N), y]", "data_loss", rows_at_labels),
    Mistake("loss_all_pairs", "-log softmax[:, y] averaged over all N x N pairs of examples and labels",
            "pick one probability per example: softmax[np.arange(N), y]", "data_loss", all_pairs),
    Mistake("loss_all_pairs_over_n", "-log softmax[:, y] summed over all N x N pairs of examples and labels, "
            "divided by N", "pick one probability per example: softmax[np.arange(N), y]", "data_loss",
            all_pairs_over_n),
    Mistake("loss_log_of_mean", "the log of the mean probability of the correct class instead of the mean of the log",
            f"loss = {CE}", "data_loss", log_of_mean),
    Mistake("loss_all_classes", "-log softmax averaged over every class, not only the correct one",
            "pick the correct class's probability: softmax[np.arange(N), y]", "data_loss", all_classes),
    Mistake("softmax_batch_sum", "the softmax normalised by the sum over the whole batch (np.sum without axis)",
            "normalise each row: np.sum(exp, axis=1, keepdims=True)", "data_loss", batch_normalised),
    Mistake("loss_without_logsumexp", "the loss -mean(s[y]): the scores at the labels with no log-softmax (a "
            "negative log-likelihood of the raw scores)", f"loss = {CE}: log-softmax the scores first",
            "data_loss", no_logsumexp),
    Mistake("loss_without_logsumexp_shifted", "the loss -mean(s[y] - max): the shifted scores at the labels "
            "without their log-sum-exp (exp normalised in place before log(sum(exp)) reads it?)",
            f"loss = {CE}: keep the exponentials apart from the probabilities", "data_loss", no_logsumexp_shifted),
    Mistake("logsumexp_max_not_added", "log(sum(exp(s - max))) - s[y]: the max subtracted in the log-sum-exp "
            "and not added back", "loss = mean(max + log(sum(exp(s - max))) - s[y]): subtract the max from "
            "every score, the correct one too", "data_loss", max_not_added_back),
    Mistake("logsumexp_unshifted", "log(sum(exp(s))) - s[y] without subtracting each row's max: exp overflows for "
            "large scores (an inf loss)", "subtract scores.max(axis=1, keepdims=True) first: log(sum(exp(s - max))) + "
            "max - s[y]", "data_loss", lse_unshifted),
    Mistake("logsumexp_of_mean", "log(mean(exp(s))) - s[y]: the normaliser the mean of the exponentials, not their "
            "sum (the loss log(C) too small)", "sum the exponentials over the classes: log(sum(exp(s - max))) + max - "
            "s[y]", "data_loss", lse_of_mean),
    Mistake("softmax_shifted_over_examples", "the softmax shifted by each row's max and then normalised over the "
            "examples (axis 0) instead of over the classes", "normalise each row: np.sum(e, axis=1, keepdims=True)",
            "data_loss", shifted_over_examples),
    Mistake("softmax_over_examples", "the softmax taken over the examples (axis 0: each column shifted by its max "
            "and normalised over the batch) instead of over the classes", "shift and normalise each row: "
            "scores.max(axis=1, keepdims=True), np.sum(e, axis=1, keepdims=True)", "data_loss", softmax_over_examples),
    Mistake("loss_max_probability", "-log of each example's largest probability instead of its correct class's",
            "pick the correct class's probability: softmax[np.arange(N), y]", "data_loss", max_probability),
    Mistake("hinge_loss", "the multiclass SVM (hinge) loss instead of the softmax cross-entropy",
            f"loss = {CE}", "data_loss", hinge),
    Mistake("loss_predictive_entropy", "the entropy of the predicted distribution, -sum q log q, instead of the "
            "cross-entropy with the labels", f"loss = {CE}: the labels pick the term", "data_loss",
            predictive_entropy),
    Mistake("loss_label_smoothing", "the cross-entropy against label-smoothed targets (0.9 on the label plus 0.1 / C "
            "on every class) instead of one-hot ones", f"loss = {CE}: plain one-hot targets", "data_loss",
            smoothed_labels),
)
