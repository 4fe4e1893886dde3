"""Buggy nets whose mistakes are not in the catalogue of mistakes.CATALOGUE, written to tune the
localisation on (not a held-out set): the checker must fail each, locate its part, and name a
cause only where one beyond the catalogue explains everything.

``UNKNOWN[name] = (part, cause, edits)``: the part of ``reference.checker.causes.PARTS`` that is
wrong, the cause id the checker must name (None: it must name none), and the (original, buggy)
edits to correct_vectorised.py, as in bugs.py.
"""

from pathlib import Path

from tests.checker_impls.bugs import DW1, HIDDEN_IN, LOSS, LR_DECAY, REG_LOSS, SCORES, buggy_source

PREDICT = 'return np.argmax(hidden @ self.params["W2"] + self.params["b2"], axis=1)'
UPDATE = "self.params[name] -= learning_rate * grads[name]"

UNKNOWN = {
    # a leaky ReLU in the forward pass (the backward pass keeps the plain mask)
    "leaky_relu_forward": ("scores", "leaky_relu", [("hidden = np.maximum(hidden_in, 0)", "hidden = np.maximum(hidden_in, 0.01 * hidden_in)  # BUG")]),
    # b2 added twice to the scores
    "b2_twice": ("scores", "b2_added_twice", [(SCORES, "scores = hidden @ W2 + 2 * b2  # BUG")]),
    # the data loss averaged over every entry of log-probabilities, not the correct class's
    "loss_over_all_classes": ("data_loss", "loss_all_classes", [(LOSS, "loss = -np.mean(stable - np.log(np.sum(exp, axis=1, keepdims=True)))  # BUG")]),
    # the L1 norm instead of the squared L2 norm, with its gradient
    "l1_regulariser": ("regulariser", "reg_l1", [(REG_LOSS, "loss += reg * (np.sum(np.abs(W1)) + np.sum(np.abs(W2)))  # BUG"),
                                       ('grads["W2"] = hidden.T @ dscores + 2 * reg * W2', 'grads["W2"] = hidden.T @ dscores + reg * np.sign(W2)  # BUG'),
                                       (DW1, 'grads["W1"] = X.T @ dhidden + reg * np.sign(W1)  # BUG')]),
    # W1's reg gradient with the weights squared: one param's reg term, the gradient's part
    "dW1_squared_reg": ("gradient", None, [(DW1, 'grads["W1"] = X.T @ dhidden + 2 * reg * W1 ** 2  # BUG')]),
    # both weights' reg gradients with the weights squared: the reg term's as a whole, the regulariser's
    "dW_squared_reg": ("regulariser", None, [(DW1, 'grads["W1"] = X.T @ dhidden + 2 * reg * W1 ** 2  # BUG'),
                                             ('grads["W2"] = hidden.T @ dscores + 2 * reg * W2',
                                              'grads["W2"] = hidden.T @ dscores + 2 * reg * W2 ** 2  # BUG')]),
    # momentum in the update
    "momentum_update": ("training_update", "momentum_in_update", [
        ("        loss_history, train_acc_history", "        velocity = {k: 0 for k in self.params}\n        loss_history, train_acc_history"),
        (UPDATE, "velocity[name] = 0.9 * velocity[name] - learning_rate * grads[name]  # BUG\n"
                 "                self.params[name] += velocity[name]")]),
    # the rate set to the decay factor instead of multiplied by it
    "lr_assigned_decay": ("training_decay", "lr_set_to_decay", [(LR_DECAY, "learning_rate = learning_rate_decay  # BUG")]),
    # predict's labels taken over the examples (axis 0)
    "predict_wrong_axis": ("predict", "predict_wrong_axis", [(PREDICT, PREDICT.replace("axis=1", "axis=0") + "  # BUG")]),
    # the loss history records the data loss without the reg term
    "history_without_reg": ("training_histories", "loss_history_without_reg", [("loss_history.append(loss)", "loss_history.append(loss - reg * (np.sum(self.params['W1'] ** 2) + np.sum(self.params['W2'] ** 2)))  # BUG")]),
    # b1 scaled into the hidden layer twice
    "b1_twice": ("scores", None, [(HIDDEN_IN, "hidden_in = X @ W1 + 2 * b1  # BUG")]),
}


def unknown_source(name):
    """correct_vectorised.py with the edits of ``UNKNOWN[name]``."""
    return buggy_source(name, UNKNOWN[name][2])
UNKNOWN.update({
    # the regulariser with reg squared: right at reg = 1, wrong at reg = 0.05
    "reg_squared": ("regulariser", None, [(REG_LOSS, "loss += reg ** 2 * (np.sum(W1 ** 2) + np.sum(W2 ** 2))  # BUG"),
                                    (DW1, 'grads["W1"] = X.T @ dhidden + 2 * reg ** 2 * W1  # BUG')]),
    # W2's gradient transposed: the shape is wrong, so train's update raises too
    "dW2_transposed": ("gradient", "gradient_transposed", [('grads["W2"] = hidden.T @ dscores + 2 * reg * W2',
                                     'grads["W2"] = dscores.T @ hidden + 2 * reg * W2.T  # BUG')]),
    # the rate decays at the wrong boundaries (iterations_per_epoch from num_train * batch_size)
    "epoch_length_product": ("training_histories", "epoch_boundaries_wrong", [("iterations_per_epoch = max(num_train // batch_size, 1)",
                                               "iterations_per_epoch = max(num_train * batch_size, 1)  # BUG")]),
    # Sizes of the notebook's toy problem held in the code: right on every problem of the toy's
    # sizes, wrong only on the problem of other sizes (10 classes, 7 hidden units, 6 inputs).
    # the one-hot labels of the backward pass for 3 classes
    "dscores_three_classes": ("gradient", None, [("        dscores = probs.copy()\n        dscores[np.arange(N), y] -= 1",
                                                   "        dscores = probs - np.eye(3)[y]  # BUG")]),
    # the correct class's log-probability picked with 3-class one-hot labels
    "loss_three_classes": ("data_loss", None, [(LOSS, "loss = -np.mean(np.sum(stable * np.eye(3)[y], axis=1) "
                                                      "- np.log(np.sum(exp, axis=1)))  # BUG")]),
    # the regulariser over W1's first 4 rows (the toy's inputs): right at reg = 0
    "reg_four_rows": ("regulariser", None, [(REG_LOSS, "loss += reg * (np.sum(W1[:4] ** 2) + np.sum(W2 ** 2))  # BUG")]),
    # b2 cut to the toy's 3 classes in the forward pass (a broadcast error at 10)
    "scores_b2_three": ("scores", None, [(SCORES, "scores = hidden @ W2 + b2[:3]  # BUG")]),
    # the scores cut to the toy's 3 classes: loss(X) of other sizes returns too few columns, and
    # loss(X, y) then raises at the labels past 2
    "scores_three_columns": ("scores", None, [(SCORES, "scores = (hidden @ W2 + b2)[:, :3]  # BUG")]),
    # b2 drawn for the toy's 3 classes in __init__
    "init_b2_three": ("init", "init_differs", [('np.zeros(output_size)', 'np.zeros(3)  # BUG')]),
    # X flattened in memory order and reshaped row by row: a column-major X's rows scrambled, in
    # predict, or in the forward pass (predict's labels right: it computes its own scores)
    "predict_memory_order": ("predict", None, [("    def predict(self, X):\n", "    def predict(self, X):\n"
                                                "        X = np.ravel(X, order='K').reshape(X.shape[0], -1)  # BUG\n")]),
    "scores_memory_order": ("scores", None, [("        N = X.shape[0]\n", "        N = X.shape[0]\n"
                                              "        X = np.ravel(X, order='K').reshape(N, -1)  # BUG\n")]),
    # W2 stepped at the decay factor, the others at the schedule's rate: a rate of its own that never changes
    "w2_stepped_at_decay": ("training_rate", None, [(UPDATE, "self.params[name] -= (learning_rate_decay if name == "
                                                             "'W2' else learning_rate) * grads[name]  # BUG")]),
    # the decay under the progress print's test: never without verbose (the verbose run's other steps follow)
    "decay_under_verbose": ("training_decay", "lr_never_decayed", [
        (LR_DECAY, "pass  # BUG: the decay moved under verbose"),
        ('print("iteration %d / %d: loss %f" % (it, num_iters, loss))',
         'print("iteration %d / %d: loss %f" % (it, num_iters, loss))\n                learning_rate *= learning_rate_decay')]),
    # the rate scaled by batch_size // 200 (an integer ratio): 0 in batches under 200, so no param moves
    # there; in batches of 250 they move: the rate's mistake, not an update never applied
    "rate_integer_ratio": ("training_rate", None, [(UPDATE, "self.params[name] -= learning_rate * (batch_size // 200) "
                                                            "* grads[name]  # BUG")]),
    # the update never applied (a loop variable rebound), at any rate: the update's mistake
    "update_rebinds_name": ("training_update", "param_not_updated", [(UPDATE, "value = self.params[name]\n"
                                                                    "                value = value - learning_rate * "
                                                                    "grads[name]  # BUG")]),
    # predict's loop stops one row short: the last row keeps its 0 (no other forward pass explains
    # every predict problem, though one gives the same 40 labels)
    "predict_loop_short": ("predict", "predict_rows_dropped", [(PREDICT, "labels = np.zeros(len(X), dtype=int)\n"
                                                                "        for i in range(len(X) - 1):  # BUG\n"
                                                                "            labels[i] = np.argmax(hidden[i] @ self.params['W2'] + self.params['b2'])\n"
                                                                "        return labels")]),
    # every index drawn up front as (batch_size, num_iters), a column per iteration: fresh draws with
    # replacement, but not np.random.choice's minibatches after the seed
    "draws_up_front_transposed": ("training_sampling", None, [
        ("        for it in range(num_iters):\n            indices = np.random.choice(num_train, batch_size, replace=True)",
         "        drawn = np.random.choice(num_train, (batch_size, num_iters))  # BUG: a column per iteration\n"
         "        for it in range(num_iters):\n            indices = drawn[:, it]")]),
    # std left at its default (1e-4, the skeleton's) switches to He's scale: the default is right, the
    # init it gives is not, so no default is named
    "init_default_switches": ("init", None, [('        self.params = {}\n', '        self.params = {}\n'
                                              '        if std == 1e-4:  # BUG: the default means He\n'
                                              '            std = np.sqrt(2.0 / input_size)\n')]),
    # the rate scaled down only when the batch is larger than the training set: a constant multiple
    # on the 6-row run, which the main run's right rates contradict, so none is named
    "rate_scaled_small_data": ("training_rate", None, [(UPDATE, "self.params[name] -= learning_rate * min(1.0, "
                                                                "num_train / batch_size) * grads[name]  # BUG")]),
    # the scores of a batch past 16 rows computed in chunks of 16, the tail left at 0, and predict the
    # argmax of loss(X): only predict's 40 rows show it, in the forward pass that predict follows
    "scores_tail_chunk": ("scores", None, [(SCORES, SCORES + "\n        if N > 16:\n"
                                                     "            scores[N - N % 16:] = 0  # BUG: the tail chunk"),
                                            (PREDICT, "return np.argmax(self.loss(X), axis=1)")]),
    # reg = 0 taken as missing (0.0 is falsy): a reg term where none is asked, the regulariser's
    "reg_zero_default": ("regulariser", None, [('        N = X.shape[0]\n', '        N = X.shape[0]\n'
                                                '        reg = reg or 5e-6  # BUG: 0.0 is falsy\n')]),
    # the progress print draws a random number: with verbose=True the later minibatches differ
    "verbose_draws_random": ("training_sampling", None, [
        ('print("iteration %d / %d: loss %f" % (it, num_iters, loss))',
         'print("iteration %d / %d: loss %f" % (it, num_iters, np.random.rand() * 0 + loss))  # BUG')]),
    # the decay skipped at an iteration that prints: with verbose=True the rates lag the schedule
    "decay_skipped_when_printing": ("training_decay", None, [
        (LR_DECAY, "if not (verbose and it % 100 == 0):  # BUG: the print's iterations skip it\n"
                   "                    learning_rate *= learning_rate_decay")]),
    # every example's loss kept in a list on the class: each call averages over all calls' examples so
    # far, a state kept between calls that every later check sees
    "loss_keeps_examples": ("data_loss", None, [(LOSS, "TwoLayerNet.seen = getattr(TwoLayerNet, 'seen', []) + list("
                                                      "np.log(np.sum(exp, axis=1)) - stable[np.arange(N), y])  # BUG\n"
                                                      "        loss = np.mean(TwoLayerNet.seen)")]),
    # predict halves h1 W2 (dropout's inference scaling): the labels of b2 added twice on every input,
    # so neither is named
    "predict_hidden_halved": ("predict", None, [(PREDICT, 'return np.argmax(0.5 * hidden @ self.params["W2"] + '
                                                          'self.params["b2"], axis=1)  # BUG')]),
    # the decay's epoch counted in examples (it % num_train): in runs shorter than num_train it decays
    # once, after iteration 0, as a rate computed from the initial one would: lr_decayed_once says both
    "decay_epoch_of_num_train": ("training_decay", "lr_decayed_once", [
        (LR_DECAY, "pass  # BUG: the decay tested apart"),
        ("            if it % iterations_per_epoch == 0:\n", "            if it % num_train == 0:\n"
         "                learning_rate *= learning_rate_decay\n            if it % iterations_per_epoch == 0:\n")]),
    # the history from a second loss call without reg, at the step's params: the step is the call whose
    # gradients the update follows, so the history is what is wrong, not the reg train passes
    "history_evaluated_without_reg": ("training_histories", "loss_history_without_reg", [
        ("loss_history.append(loss)", "loss_history.append(self.loss(X_batch, y=y_batch)[0])  # BUG")]),
    # hidden and output sizes swapped in __init__: the toy's grads take the toy params' shapes, which
    # follows from the init (every loss problem, given its own params, is right)
    "init_sizes_swapped": ("init", "init_differs", [('        self.params = {}\n', '        self.params = {}\n'
                                                     '        hidden_size, output_size = output_size, hidden_size'
                                                     '  # BUG\n')]),
    # the biases stepped at a rate fixed in the code, 0.9, the main run's learning_rate: the run at 0.5
    # steps them at 0.9 too, so neither the undecayed rate nor a multiplier of theirs explains it
    "bias_rate_fixed_in_code": ("training_rate", None, [
        (UPDATE, "self.params[name] -= (0.9 if name.startswith('b') else learning_rate) * grads[name]  # BUG")]),
    # every step at 0.9 x the schedule's rate: learning_rate squared in the main run (0.9 x 0.9), but
    # 0.9 x 0.5 in the run at 0.5: a constant multiple, not the rate applied twice
    "rate_times_constant": ("training_rate", "lr_scaled", [
        (UPDATE, "self.params[name] -= 0.9 * learning_rate * grads[name]  # BUG")]),
    # the loop stops at the last whole epoch: 10 of 11 iterations on 40 rows in batches of 15
    "loop_whole_epochs": ("training_update", "iterations_in_whole_epochs", [
        ("for it in range(num_iters):", "for it in range(num_iters - num_iters % iterations_per_epoch):  # BUG")]),
    # layers that keep the arrays they were built with while the update puts new ones in self.params, the
    # reg term read from self.params: from step 1 on the loss is neither at self.params nor at the
    # first params, so the update's part is located and no cause named
    "stale_layers_reg_current": ("training_update", None, [
        ('        self.params["b2"] = np.zeros(output_size)\n', '        self.params["b2"] = np.zeros(output_size)\n'
         '        self.layers = dict(self.params)  # BUG: the forward pass reads these\n'),
        ('W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))',
         'W1, b1, W2, b2 = (self.layers[k] for k in ("W1", "b1", "W2", "b2"))'),
        (REG_LOSS, "loss += reg * (np.sum(self.params['W1'] ** 2) + np.sum(self.params['W2'] ** 2))"),
        (UPDATE, "self.params[name] = self.params[name] - learning_rate * grads[name]")]),
})

# Mistakes in the other correct nets' styles: name -> (part, the cause it must be named as or
# None, the correct net edited, edits).
LOOPS, FUNCTIONAL = "correct_loops.py", "correct_functional.py"
STYLED = {
    "loops_db2_not_over_N": ("gradient", "gradient_not_averaged", LOOPS,
                             [('grads["b2"] += ds / N', 'grads["b2"] += ds  # BUG')]),
    "loops_scores_are_probabilities": ("scores", "scores_returned_as_probs", LOOPS, [
        ("return np.array([self._forward_one(x)[2] for x in X])",
         "s = np.array([self._forward_one(x)[2] for x in X])  # BUG: softmax of the scores\n"
         "            e = np.exp(s - s.max(1, keepdims=True))\n            return e / e.sum(1, keepdims=True)")]),
    "functional_previous_gradient": ("training_update", "update_previous_gradient", FUNCTIONAL, [
        ("            loss, grads = self.loss(X[pick], y=y[pick], reg=reg)\n",
         "            previous = getattr(self, 'previous', None)\n"
         "            loss, grads = self.loss(X[pick], y=y[pick], reg=reg)\n"
         "            self.previous, grads = grads, previous or grads  # BUG: the last step's gradient\n")]),
    "functional_no_decay_at_zero": ("training_decay", "lr_decayed_at_wrong_iterations", FUNCTIONAL, [
        ("rate = rate * learning_rate_decay", "rate = rate * (learning_rate_decay if it > 0 else 1)  # BUG")]),
    "functional_accuracy_before_update": ("training_histories", "acc_before_update", FUNCTIONAL, [
        ("            self.params = {k: v - rate * grads[k] for k, v in self.params.items()}\n"
         "            if it % per_epoch == 0:\n"
         "                out[\"train_acc_history\"].append(np.mean(self.predict(X[pick]) == y[pick]))\n",
         "            if it % per_epoch == 0:  # BUG: train accuracy before the update\n"
         "                out[\"train_acc_history\"].append(np.mean(self.predict(X[pick]) == y[pick]))\n"
         "            self.params = {k: v - rate * grads[k] for k, v in self.params.items()}\n"
         "            if it % per_epoch == 0:\n")]),
    "functional_reg_W1_only": ("regulariser", "reg_one_weight", FUNCTIONAL, [
        ('reg * l2(P["W1"], P["W2"])', 'reg * l2(P["W1"])'), (' + 2.0 * reg * P["W2"]', ""),
        ("d = d / len(y)", "d = d / len(y)  # BUG: W2 left out of the regulariser")]),
    "functional_tanh": ("scores", "tanh_hidden", FUNCTIONAL, [("return pre, pre * (pre > 0)", "return pre, np.tanh(pre)  # BUG")]),
    "functional_mean_over_classes": ("data_loss", "data_loss_scaled", FUNCTIONAL, [
        ("loss = -logp[rows, y].sum() / len(y) + reg * l2(P[\"W1\"], P[\"W2\"])",
         "loss = -logp[rows, y].sum() / (len(y) * 3) + reg * l2(P[\"W1\"], P[\"W2\"])  # BUG"),
        ("d = d / len(y)", "d = d / (len(y) * 3)")]),
    "functional_W1_reg_gradient_4": ("gradient", "reg_gradient_scaled", FUNCTIONAL, [
        ('+ 2.0 * reg * P["W1"], "b1"', '+ 4.0 * reg * P["W1"], "b1"'), ('d = d / len(y)', 'd = d / len(y)  # BUG below')]),
}


def styled_source(name):
    """The correct net of ``STYLED[name]`` with its edits (each original must occur once)."""
    _, _, base, edits = STYLED[name]
    source = (Path(__file__).with_name(base)).read_text()
    for original, buggy in edits:
        assert source.count(original) == 1, f"{name}: {original!r} occurs {source.count(original)} times"
        source = source.replace(original, buggy)
    return source
