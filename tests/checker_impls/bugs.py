"""The buggy nets of the checker's tests, as one table of edits to correct_vectorised.py.

``BUGS[cause]`` lists the (original, buggy) text pairs that turn the correct vectorised net into
one with that mistake (the cause ids of reference/checker/mistakes.py: the catalogue's here, those
beyond it in bugs_beyond.py); every original occurs exactly once in correct_vectorised.py.
``write_buggy(cause, folder)`` writes folder/bug_<cause>.py.
"""

from pathlib import Path

from tests.checker_impls.lines import (  # noqa: F401 - re-exported for the tests
    ARGMAX, BATCH, DB1, DB2, DW1, DW2, HIDDEN_IN, LOSS, LR_DECAY, PICKED, REG_LOSS, RELU_MASK, SCORES, TRAIN_ACC,
    VAL_ACC, W1_INIT, W2_INIT, missing)

CORRECT = Path(__file__).with_name("correct_vectorised.py")
DOCSTRING = '"""A correct TwoLayerNet, vectorised, written from the notebook\'s instructions."""'
BUGGY_DOCSTRING = ('"""Buggy on purpose (cause `{}`): the correct vectorised net with one mistake, '
                   'marked BUG."""')

BUGS = {
    # the labels of the minibatch are drawn apart from its inputs
    "batch_labels_mismatch": [(BATCH, "X_batch, y_batch = X[indices], y[np.random.choice(num_train, batch_size)]"
                                      "  # BUG")],
    "bias_regularised": [
        (REG_LOSS, "loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2) + np.sum(b1 ** 2) + np.sum(b2 ** 2))  # BUG"),
        ('grads["b2"] = np.sum(dscores, axis=0)', 'grads["b2"] = np.sum(dscores, axis=0) + 2 * reg * b2  # BUG'),
        (DB1, DB1 + " + 2 * reg * b1  # BUG")],
    # W2's gradient from the hidden layer before its ReLU
    "dW2_pre_relu": [(DW2, 'grads["W2"] = hidden_in.T @ dscores + 2 * reg * W2  # BUG')],
    # b1's gradient taken before the ReLU mask is applied (its line moved up)
    "db1_no_mask": [("dhidden = dscores @ W2.T\n", f"dhidden = dscores @ W2.T\n        {DB1}  # BUG\n"),
                    (f"\n        {DB1}", "")],
    # the loss computed in float32
    "float32": [('W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))',
                 'W1, b1, W2, b2 = (self.params[k].astype(np.float32) for k in ("W1", "b1", "W2", "b2"))  # BUG\n'
                 "        X = X.astype(np.float32)")],
    "grads_not_averaged": [missing("dscores /= N")],
    # W1 drawn after W2, so the same seed gives other weights
    "init_differs": [missing(W1_INIT), (W2_INIT, f"{W2_INIT}\n        {W1_INIT}  # BUG")],
    "loss_history_per_epoch": [missing("loss_history.append(loss)"),
                               (TRAIN_ACC, f"loss_history.append(loss)\n                {TRAIN_ACC}  # BUG")],
    # the loss summed over the batch, not averaged
    "loss_summed": [(LOSS, "loss = -np.sum(stable[np.arange(N), y] - np.log(np.sum(exp, axis=1)))  # BUG")],
    "lr_decayed_before_update": [
        (BATCH + "\n", f"{BATCH}\n            if it % iterations_per_epoch == 0:\n                {LR_DECAY}  # BUG\n"),
        missing(LR_DECAY)],
    "lr_decayed_every_iteration": [(f"\n                {LR_DECAY}", f"\n            {LR_DECAY}  # BUG")],
    "lr_never_decayed": [missing(LR_DECAY)],
    # the forward pass has no ReLU, nor the backward pass its mask
    "no_relu": [("hidden = np.maximum(hidden_in, 0)", "hidden = hidden_in  # BUG"), missing(RELU_MASK)],
    # softmax's gradient without subtracting 1 at the correct class
    "no_subtract_one": [missing("dscores[np.arange(N), y] -= 1")],
    # b2 is never updated
    "param_not_updated": [("for name in self.params:", 'for name in ("W1", "b1", "W2"):  # BUG')],
    "predict_no_relu": [('hidden = np.maximum(X @ self.params["W1"] + self.params["b1"], 0)',
                         'hidden = X @ self.params["W1"] + self.params["b1"]  # BUG')],
    "reg_grad_no_factor_2": [(DW2, 'grads["W2"] = hidden.T @ dscores + reg * W2  # BUG'),
                             (DW1, 'grads["W1"] = X.T @ dhidden + reg * W1  # BUG')],
    # the regularisation is 0.5 * reg * sum(W ** 2), in the loss and the gradients
    "reg_half": [(REG_LOSS, "loss += 0.5 * reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))  # BUG"),
                 (DW2, 'grads["W2"] = hidden.T @ dscores + reg * W2  # BUG'),
                 (DW1, 'grads["W1"] = X.T @ dhidden + reg * W1  # BUG')],
    "reg_missing": [missing(REG_LOSS), (DW2, 'grads["W2"] = hidden.T @ dscores  # BUG'),
                    (DW1, 'grads["W1"] = X.T @ dhidden  # BUG')],
    # the gradient also passes where the pre-activation is exactly 0
    "relu_mask_at_zero": [(RELU_MASK, "dhidden[hidden_in < 0] = 0  # BUG")],
    "relu_mask_before_bias": [(RELU_MASK, "dhidden[X @ W1 <= 0] = 0  # BUG")],
    "relu_mask_missing": [missing(RELU_MASK)],
    # the mask taken from the sign of the upstream gradient, not of the pre-activation
    "relu_mask_on_upstream": [(RELU_MASK, "dhidden = np.maximum(dhidden, 0)  # BUG")],
    "sampling_without_replacement": [("replace=True)", "replace=False)  # BUG")],
    # softmax without subtracting the row's maximum first
    "softmax_no_shift": [("stable = scores - np.max(scores, axis=1, keepdims=True)", "stable = scores  # BUG")],
    # softmax normalised over the batch (axis 0), not over the classes
    "softmax_wrong_axis": [
        ("stable = scores - np.max(scores, axis=1, keepdims=True)",
         "stable = scores - np.max(scores, axis=0, keepdims=True)  # BUG"),
        ("probs = exp / np.sum(exp, axis=1, keepdims=True)", "probs = exp / np.sum(exp, axis=0, keepdims=True)  # BUG"),
        (LOSS, "loss = -np.mean(stable[np.arange(N), y] - np.log(np.sum(exp, axis=0)[y]))  # BUG")],
    # the training accuracy measured on the whole training set, not the minibatch
    "train_acc_on_full_train": [(TRAIN_ACC, "train_acc_history.append((self.predict(X) == y).mean())  # BUG")],
    "update_ascends": [("self.params[name] -= learning_rate * grads[name]",
                        "self.params[name] += learning_rate * grads[name]  # BUG")],
    # the forward pass without a bias (the backward pass written as usual)
    "b1_left_out": [(HIDDEN_IN, "hidden_in = X @ W1  # BUG")],
    "b2_left_out": [(SCORES, "scores = hidden @ W2  # BUG")],
    # predict takes the lowest score
    "predict_argmin": [(ARGMAX, ARGMAX.replace("argmax", "argmin") + "  # BUG")],
    # the label's score picked one class off
    "labels_off_by_one": [(LOSS, LOSS.replace(PICKED, "stable[np.arange(N), (y + 1) % 3]") + "  # BUG"),
                          ("dscores[np.arange(N), y] -= 1", "dscores[np.arange(N), (y + 1) % 3] -= 1  # BUG")],
    "labels_off_by_minus_one": [(LOSS, LOSS.replace(PICKED, "stable[np.arange(N), y - 1]") + "  # BUG"),
                                ("dscores[np.arange(N), y] -= 1", "dscores[np.arange(N), y - 1] -= 1  # BUG")],
    # the sum over the batch in the loss and in dscores
    "loss_and_grads_summed": [(LOSS, LOSS.replace("-np.mean(", "-np.sum(") + "  # BUG"), missing("dscores /= N")],
    # reg decays instead of the learning rate
    "decay_applied_to_reg": [(f"\n                {LR_DECAY}", "\n                reg *= learning_rate_decay  # BUG")],
    # the step is half the learning rate
    "lr_scaled": [("self.params[name] -= learning_rate * grads[name]",
                   "self.params[name] -= 0.5 * learning_rate * grads[name]  # BUG")],
    # one minibatch for the whole run
    "batch_not_redrawn": [("        for it in range(num_iters):\n            indices = np.random.choice(num_train, batch_size, replace=True)",
                           "        indices = np.random.choice(num_train, batch_size, replace=True)  # BUG\n"
                           "        for it in range(num_iters):")],
    # mistakes with a factor: b2's gradient doubled; W2's gradient not divided by N; W2's reg
    # gradient reg * W2 (W1's is right); the reg strength a tenth; the reg term doubled in the
    # loss only; the data loss halved with its gradient
    "gradient_scaled": [(DB2, DB2 + " * 2  # BUG")],
    "gradient_not_averaged": [(DW2, 'grads["W2"] = hidden.T @ (dscores * N) + 2 * reg * W2  # BUG')],
    "reg_gradient_scaled": [(DW2, 'grads["W2"] = hidden.T @ dscores + reg * W2  # BUG')],
    "reg_scaled": [(REG_LOSS, "loss += 0.1 * reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))  # BUG"),
                   (DW2, 'grads["W2"] = hidden.T @ dscores + 0.2 * reg * W2  # BUG'),
                   (DW1, 'grads["W1"] = X.T @ dhidden + 0.2 * reg * W1  # BUG')],
    "reg_scaled_in_loss": [(REG_LOSS, "loss += 2 * reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))  # BUG")],
    "data_loss_scaled": [(LOSS, LOSS.replace("-np.mean(", "-0.5 * np.mean(") + "  # BUG"),
                         ("dscores /= N", "dscores /= 2 * N  # BUG")],
    # W1's gradient from the unmasked upstream gradient (b1's keeps the mask)
    "dW1_no_mask": [("        dhidden[hidden_in <= 0] = 0\n        grads[\"W1\"] = X.T @ dhidden + 2 * reg * W1",
                     "        grads[\"W1\"] = X.T @ dhidden + 2 * reg * W1  # BUG: before the mask\n"
                     "        dhidden[hidden_in <= 0] = 0")],
    "gradient_averaged_twice": [(DB2, 'grads["b2"] = np.mean(dscores, axis=0)  # BUG')],
    # only W1 in the regulariser and its gradient
    "reg_one_weight": [(REG_LOSS, "loss += reg * np.sum(W1 ** 2)  # BUG"),
                       (DW2, 'grads["W2"] = hidden.T @ dscores  # BUG')],
    # the cross-entropy in log base 10 (the gradient is the natural log's)
    "data_loss_scaled_in_loss": [(LOSS, LOSS.replace("-np.mean(", "-np.mean(").replace(
        "np.log(np.sum(exp, axis=1)))", "np.log(np.sum(exp, axis=1))) / np.log(10)") + "  # BUG")],
    # both accuracies appended at every iteration
    "acc_every_iteration": [(f"            if it % iterations_per_epoch == 0:\n                {TRAIN_ACC}\n"
                             f"                {VAL_ACC}\n",
                             f"            {TRAIN_ACC}  # BUG: every iteration\n            {VAL_ACC}\n"
                             "            if it % iterations_per_epoch == 0:\n")],
    "val_acc_on_train": [(VAL_ACC,
                          "val_acc_history.append((self.predict(X_batch) == y_batch).mean())  # BUG")],
}


from tests.checker_impls.bugs_beyond import BEYOND  # noqa: E402 - the causes beyond the catalogue

BUGS.update(BEYOND)


def buggy_source(cause, edits=None):
    """correct_vectorised.py with the edits of ``BUGS[cause]`` (or ``edits``); a stale original
    fails loudly."""
    source = CORRECT.read_text()
    edits = [(DOCSTRING, BUGGY_DOCSTRING.format(cause)), *(BUGS[cause] if edits is None else edits)]
    spans = []
    for original, buggy in edits:
        count = source.count(original)
        assert count == 1, f"{cause}: {original!r} occurs {count} times in {CORRECT.name}, not once"
        start = source.index(original)
        spans.append((start, start + len(original), buggy))
    out, at = [], 0
    for start, end, buggy in sorted(spans):
        assert start >= at, f"{cause}: overlapping edits"
        out += [source[at:start], buggy]
        at = end
    return "".join(out + [source[at:]])


def write_buggy(cause, folder):
    """Write folder/bug_<cause>.py and return its path."""
    path = Path(folder) / f"bug_{cause}.py"
    path.write_text(buggy_source(cause))
    return path
