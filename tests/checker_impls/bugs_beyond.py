"""Buggy nets for the causes beyond the catalogue (reference/checker: formulas.py, families.py,
regularisers.py, backward.py, and the training and predict causes of causes.py), as edits to
correct_vectorised.py like bugs.py's: ``BEYOND[cause]`` = [(original, buggy)]. Several carry
their mistake in a way other than the loss and its gradient (the usual backward pass on the
formula's values, the loss only, the returned scores only), and the comment says which.
"""

from tests.checker_impls.lines import (
    ARGMAX, BATCH, DB1, DB2, DRAW, DW1, DW2, EPOCH_TEST, HIDDEN, HIDDEN_IN, LOSS, LR_DECAY, PREDICT_HIDDEN, PROBS,
    REG_LOSS, RELU_MASK, RETURN_SCORES, SCORES, SHIFT, SUBTRACT, TRAIN_ACC, UPDATE, VAL_ACC)

EPOCH_LENGTH = "iterations_per_epoch = max(num_train // batch_size, 1)"
ACCURACIES = f"                {TRAIN_ACC}\n                {VAL_ACC}\n"
SVM_GRADIENT = ("dscores = (margins > 0).astype(float)  # BUG: the SVM's gradient\n"
                "        dscores[np.arange(N), y] = -dscores.sum(axis=1)")

BEYOND = {
    # forward passes: the backward pass kept as usual (usual), or written for the new forward (consistent)
    "relu_on_scores": [(SCORES, "scores = np.maximum(hidden @ W2 + b2, 0)  # BUG")],
    "b1_subtracted": [(HIDDEN_IN, "hidden_in = X @ W1 - b1  # BUG"), (DB1, 'grads["b1"] = -np.sum(dhidden, axis=0)')],
    "b2_subtracted": [(SCORES, "scores = hidden @ W2 - b2  # BUG")],
    "b1_after_relu": [(HIDDEN_IN, "hidden_in = X @ W1  # BUG: b1 after the ReLU"), (HIDDEN, HIDDEN + " + b1")],
    "leaky_relu": [(HIDDEN, "hidden = np.where(hidden_in > 0, hidden_in, 0.01 * hidden_in)  # BUG"),
                   (RELU_MASK, "dhidden[hidden_in <= 0] *= 0.01")],
    "sigmoid_hidden": [(HIDDEN, "hidden = 1 / (1 + np.exp(-hidden_in))  # BUG"),
                       (RELU_MASK, "dhidden *= hidden * (1 - hidden)")],
    "relu6_hidden": [(HIDDEN, "hidden = np.clip(hidden_in, 0, 6)  # BUG: ReLU6"),
                     (RELU_MASK, "dhidden[(hidden_in <= 0) | (hidden_in >= 6)] = 0")],
    "tanh_hidden": [(HIDDEN, "hidden = np.tanh(hidden_in)  # BUG")],
    "b2_added_twice": [("        stable = scores", "        scores = scores + b2  # BUG: again, on the loss's path\n"
                                                 "        stable = scores")],
    "biases_left_out": [(HIDDEN_IN, "hidden_in = X @ W1  # BUG: no b1"), (SCORES, "scores = hidden @ W2  # BUG: no b2"),
                        (DB1, 'grads["b1"] = 0 * np.sum(dhidden, axis=0)'), (DB2, 'grads["b2"] = 0 * np.sum(dscores, axis=0)')],
    "b1_in_product": [(HIDDEN_IN, "hidden_in = X @ (W1 + b1)  # BUG")],
    "b2_in_product": [(SCORES, "scores = hidden @ (W2 + b2)  # BUG")],
    # the scores loss(X) returns only
    "scores_returned_as_probs": [(RETURN_SCORES, "if y is None:\n            e = np.exp(scores - scores.max(axis=1, "
                                                "keepdims=True))\n            return e / e.sum(axis=1, keepdims=True)  # BUG")],
    "scores_returned_as_log_probs": [(RETURN_SCORES, "if y is None:\n            s = scores - scores.max(axis=1, "
                                                     "keepdims=True)\n            return s - np.log(np.exp(s).sum(axis=1, "
                                                     "keepdims=True))  # BUG")],
    "scores_returned_shifted": [(RETURN_SCORES, "if y is None:\n            return scores - np.max(scores, axis=1, "
                                                "keepdims=True)  # BUG")],
    # data losses: usual (dscores from the formula's probabilities), loss only, or consistent
    "softmax_column_max": [(SHIFT, "stable = scores - np.max(scores, axis=0)  # BUG")],
    "softmax_global_max": [(SHIFT, "stable = scores - np.max(scores)  # BUG: the batch's max")],
    "softmax_shift_in_numerator": [(PROBS, "probs = exp / np.sum(np.exp(scores), axis=1, keepdims=True)  # BUG"),
                                   (LOSS, "loss = -np.mean(np.log(probs[np.arange(N), y]))")],
    "softmax_shift_in_denominator": [(PROBS, "probs = np.exp(scores) / np.sum(exp, axis=1, keepdims=True)  # BUG"),
                                     (LOSS, "loss = -np.mean(np.log(probs[np.arange(N), y]))")],
    "loss_rows_at_labels": [(LOSS, "loss = -np.mean(np.log(probs[y]))  # BUG")],
    "loss_all_pairs": [(LOSS, "loss = -np.mean(np.log(probs[:, y]))  # BUG")],
    "loss_log_of_mean": [(LOSS, "loss = -np.log(np.mean(probs[np.arange(N), y]))  # BUG")],
    "loss_all_classes": [(LOSS, "loss = -np.mean(np.log(probs))  # BUG"), (SUBTRACT, "dscores -= 1 / probs.shape[1]")],
    "softmax_batch_sum": [(PROBS, "probs = exp / np.sum(exp)  # BUG"),
                          (LOSS, "loss = -np.mean(np.log(probs[np.arange(N), y]))")],
    "loss_without_logsumexp": [(LOSS, "loss = -np.mean(scores[np.arange(N), y])  # BUG: no log-softmax")],
    "loss_without_logsumexp_shifted": [(LOSS, "loss = -np.mean(stable[np.arange(N), y])  # BUG: no log-sum-exp")],
    "logsumexp_max_not_added": [(LOSS, LOSS.replace("-np.mean(stable", "-np.mean(scores") + "  # BUG")],
    "loss_max_probability": [(LOSS, "loss = -np.mean(np.log(np.max(probs, axis=1)))  # BUG")],
    "logsumexp_unshifted": [(LOSS, "loss = np.mean(np.log(np.sum(np.exp(scores), axis=1)) - scores[np.arange(N), y])"
                                   "  # BUG: no shift")],
    "logsumexp_of_mean": [(LOSS, "loss = -np.mean(stable[np.arange(N), y] - np.log(np.mean(exp, axis=1)))  # BUG")],
    "softmax_shifted_over_examples": [(PROBS, "probs = exp / np.sum(exp, axis=0, keepdims=True)  # BUG: over the batch"),
                                      (LOSS, "loss = -np.mean(np.log(probs[np.arange(N), y]))")],
    "softmax_over_examples": [(SHIFT, "stable = scores - np.max(scores, axis=0, keepdims=True)  # BUG: over the batch"),
                              (PROBS, "probs = exp / np.sum(exp, axis=0, keepdims=True)"),
                              (LOSS, "loss = -np.mean(np.log(probs[np.arange(N), y]))")],
    "loss_all_pairs_over_n": [(LOSS, "loss = -np.sum(np.log(probs[:, y])) / N  # BUG: every row at every label")],
    "hinge_loss": [(LOSS, "margins = np.maximum(0, scores - scores[np.arange(N), y][:, None] + 1)  # BUG: SVM\n"
                          "        margins[np.arange(N), y] = 0\n        loss = np.sum(margins) / N"),
                   ("dscores = probs.copy()\n        " + SUBTRACT, SVM_GRADIENT)],
    # fitted families
    "reg_gradient_missing": [(DW2, 'grads["W2"] = hidden.T @ dscores  # BUG')],
    "reg_gradient_over_n": [(DW1, 'grads["W1"] = X.T @ dhidden + 2 * reg * W1 / N  # BUG')],
    "reg_gradient_sign": [(DW2, 'grads["W2"] = hidden.T @ dscores + reg * np.sign(W2)  # BUG')],
    "bias_reg_gradient": [(DB2, DB2 + " + 2 * reg * b2  # BUG")],
    "gradient_one_example": [(DB1, 'grads["b1"] = dhidden[-1]  # BUG: the last example\'s term alone')],
    "reg_gradient_from_gradient": [(DW1, 'grads["W1"] = X.T @ dhidden\n        grads["W1"] += 2 * reg * grads["W1"]  # BUG')],
    "data_gradient_scaled": [("dscores /= N", "dscores /= 2 * N  # BUG: in the gradients only")],
    "data_loss_averaged_twice": [(LOSS, LOSS + " / N  # BUG: in the loss only")],
    "data_loss_over_classes": [(LOSS, LOSS.replace("-np.mean(", "-np.sum(") + " / probs.shape[1]  # BUG")],
    "data_loss_over_inputs": [(LOSS, LOSS.replace("-np.mean(", "-np.sum(") + " / X.shape[1]  # BUG: D, not N"),
                              ("dscores /= N", "dscores /= X.shape[1]")],
    "gradient_norm_clipped": [(DW1, DW1 + '\n        norm = np.linalg.norm(grads["W1"])  # BUG: clipped to norm 2\n'
                                    '        grads["W1"] *= min(1.0, 2.0 / norm)')],
    "loss_log_epsilon": [(LOSS, "loss = -np.mean(np.log(probs[np.arange(N), y] + 1e-10))  # BUG: in the loss only")],
    # one change in the backward pass
    "dW2_from_other_hidden": [(DW2, 'grads["W2"] = np.maximum(X @ W1, 0).T @ dscores + 2 * reg * W2  # BUG: no b1')],
    "dW2_from_hidden_gradient": [(f"        {DW2}\n", ""), (RELU_MASK, RELU_MASK + '\n        grads["W2"] = dhidden.T @ dscores'
                                                             ' + 2 * reg * W2  # BUG')],
    "gradient_before_subtract_one": [(DB2, 'grads["b2"] = np.sum(probs, axis=0) / N  # BUG')],
    "relu_derivative_wrong": [(RELU_MASK, "dhidden *= hidden  # BUG: the ReLU's derivative")],
    "bias_gradient_keepdims": [(DB2, 'grads["b2"] = np.sum(dscores, axis=0, keepdims=True)  # BUG: shape (1, C)')],
    "bias_gradient_wrong_axis": [(DB1, 'grads["b1"] = np.sum(dhidden, axis=1)  # BUG')],
    "dscores_divided_first": [(f"{SUBTRACT}\n        dscores /= N", f"dscores /= N\n        {SUBTRACT}  # BUG")],
    "grads_under_other_keys": [("        return loss, grads\n", '        grads["b1"], grads["b2"] = grads["b2"], '
                                'grads["b1"]  # BUG\n        return loss, grads\n')],
    "dscores_every_label": [(SUBTRACT, "dscores[:, y] -= 1  # BUG: every row at every label")],
    "gradient_example_left_out": [("dscores /= N", "dscores /= N\n        dscores[-1] = 0  # BUG: the last example "
                                                   "left out, as a loop over range(N - 1)")],
    "dscores_from_scores": [("dscores = probs.copy()", "dscores = scores.copy()  # BUG: not the probabilities")],
    "dscores_at_predicted": [("dscores[np.arange(N), y] -= 1", "dscores[np.arange(N), scores.argmax(axis=1)] -= 1"
                                                               "  # BUG: the predicted class")],
    "dscores_sign_flipped": [("dscores /= N", "dscores /= -N  # BUG")],
    "hidden_gradient_from_values": [(DW1, 'grads["W1"] = X.T @ hidden + 2 * reg * W1  # BUG')],
    "gradient_transposed": [(DW2, 'grads["W2"] = dscores.T @ hidden + 2 * reg * W2.T  # BUG')],
    "dscores_plus_one": [(SUBTRACT, "dscores[np.arange(N), y] += 1  # BUG")],
    "dscores_set_to_minus_one": [(SUBTRACT, "dscores[np.arange(N), y] = -1  # BUG")],
    # regularisers: with their gradient (consistent) or in the loss only
    "reg_not_multiplied": [(REG_LOSS, "loss += reg * np.sum(W1 ** 2) + np.sum(W2 ** 2)  # BUG")],
    "reg_l1": [(REG_LOSS, "loss += reg * (np.sum(np.abs(W1)) + np.sum(W2 ** 2))  # BUG"),
               (DW1, 'grads["W1"] = X.T @ dhidden + reg * np.sign(W1)')],
    "reg_mean": [(REG_LOSS, "loss += reg * (np.mean(W1 ** 2) + np.mean(W2 ** 2))  # BUG"),
                 (DW1, DW1 + " / W1.size"), (DW2, DW2 + " / W2.size")],
    "reg_norm": [(REG_LOSS, "loss += reg * (np.linalg.norm(W1) + np.linalg.norm(W2))  # BUG")],
    "reg_linear": [(REG_LOSS, "loss += reg * (np.sum(W1 ** 2) + np.sum(W2))  # BUG")],
    "reg_square_of_sum": [(REG_LOSS, "loss += reg * (np.sum(W1) ** 2 + np.sum(W2) ** 2)  # BUG")],
    "reg_squared": [(REG_LOSS, REG_LOSS.replace("reg *", "reg ** 2 *") + "  # BUG"),
                    (DW1, DW1.replace("2 * reg", "2 * reg ** 2")), (DW2, DW2.replace("2 * reg", "2 * reg ** 2"))],
    "reg_times_n": [(REG_LOSS, REG_LOSS.replace("reg *", "N * reg *") + "  # BUG: as if added per example")],
    "reg_gradient_times_n": [(DW2, 'grads["W2"] = hidden.T @ dscores + N * 2 * reg * W2  # BUG: once per example')],
    "reg_over_n": [(REG_LOSS, REG_LOSS + " / N  # BUG")],
    # training
    "acc_over_other_set": [(VAL_ACC, "val_acc_history.append((self.predict(X_val) == y_val).sum() / num_train)  # BUG")],
    "acc_recorded_at_end": [("        return {\"loss_history\"", "            if it == num_iters - 1:  # BUG: an extra record\n"
                             "                " + TRAIN_ACC + "\n                " + VAL_ACC + "\n        return {\"loss_history\"")],
    "acc_count_not_fraction": [(TRAIN_ACC, TRAIN_ACC.replace(".mean()", ".sum()") + "  # BUG: a count")],
    "acc_before_update": [(ACCURACIES, ""), ("            for name in self.params:\n",
                                            f"            {EPOCH_TEST}  # BUG: before the update\n{ACCURACIES}"
                                            "            for name in self.params:\n")],
    "acc_recorded_at_wrong_iterations": [(ACCURACIES, ""), (f"                {LR_DECAY}\n",
                                                           f"                {LR_DECAY}\n            if (it + 1) % "
                                                           f"iterations_per_epoch == 0:  # BUG\n{ACCURACIES}")],
    "epoch_test_off_by_one": [(EPOCH_TEST, "if (it + 1) % iterations_per_epoch == 0:  # BUG")],
    "epoch_boundaries_wrong": [(EPOCH_LENGTH, "iterations_per_epoch = max(num_train // batch_size - 2, 1)  # BUG")],
    "epoch_length_wrong": [(EPOCH_LENGTH, "iterations_per_epoch = max(num_train / batch_size, 1)  # BUG: a float")],
    "batch_of_num_train": [(DRAW, "            indices = np.random.choice(batch_size, num_train)  # BUG: swapped\n")],
    "batch_size_fixed": [(DRAW, "            indices = np.random.choice(num_train, 200, replace=True)  # BUG\n")],
    "step_on_full_train": [(BATCH, "X_batch, y_batch = X, y  # BUG: every step on the whole set")],
    "lr_applied_twice": [(UPDATE, "self.params[name] -= learning_rate * (learning_rate * grads[name])  # BUG")],
    "lr_missing_for_params": [(UPDATE, "self.params[name] -= (learning_rate if name.startswith('W') else 1.0) * "
                                       "grads[name]  # BUG: the biases' step")],
    "lr_decay_compounded": [(LR_DECAY, "learning_rate *= learning_rate_decay ** (it // iterations_per_epoch)  # BUG")],
    "train_shuffles_inputs": [(EPOCH_LENGTH, EPOCH_LENGTH + "\n        np.random.shuffle(X)  # BUG: the caller's X, apart from y")],
    "train_changes_inputs": [(EPOCH_LENGTH, EPOCH_LENGTH + "\n        X -= X.mean(axis=0)  # BUG: the caller's X")],
    "num_iters_as_epochs": [("for it in range(num_iters):", "for it in range(num_iters * iterations_per_epoch):  # BUG")],
    "histories_kept_between_calls": [("loss_history, train_acc_history, val_acc_history = [], [], []",
                                      "loss_history, train_acc_history, val_acc_history = "
                                      "self.__dict__.setdefault('histories', ([], [], []))  # BUG: kept")],
    "update_only_when_verbose": [("            for name in self.params:\n                self.params[name] -= "
                                  "learning_rate * grads[name]\n            if verbose and it % 100 == 0:\n",
                                  "            if verbose and it % 100 == 0:  # BUG: the update only when printing\n"
                                  "                for name in self.params:\n                    self.params[name] -= "
                                  "learning_rate * grads[name]\n")],
    "history_only_when_verbose": [(ACCURACIES, ACCURACIES.replace("                " + VAL_ACC,
                                   "                if verbose:  # BUG: recorded only when verbose\n"
                                   "                    " + VAL_ACC))],
    "batch_size_capped": [(EPOCH_LENGTH, EPOCH_LENGTH + "\n        batch_size = min(batch_size, num_train)  # BUG")],
    "lr_decayed_at_wrong_iterations": [(f"                {LR_DECAY}\n", ""), (ACCURACIES, ACCURACIES + "            if "
                                       f"(it + 1) % iterations_per_epoch == 0:  # BUG\n                {LR_DECAY}\n")],
    "lr_decayed_once": [(LR_DECAY, "learning_rate = learning_rate_0 * learning_rate_decay  # BUG"),
                                 ("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        learning_rate_0 = learning_rate\n")],
    "lr_decay_factor_wrong": [(LR_DECAY, "learning_rate *= learning_rate_decay ** 2  # BUG: decayed twice")],
    "lr_decayed_before_loop": [("        loss_history, train_acc_history", "        learning_rate *= learning_rate_decay"
                                "  # BUG: before the loop\n        loss_history, train_acc_history")],
    "loss_history_sparse": [("            loss_history.append(loss)\n", "            if it % 100 == 0:  # BUG: the loss "
                             "of every 100th iteration only\n                loss_history.append(loss)\n")],
    "history_truncated": [("            loss_history.append(loss)\n",
                           "            loss_history.append(int(loss))  # BUG: an integer history\n")],
    "train_acc_on_val": [(TRAIN_ACC, "train_acc_history.append((self.predict(X_val) == y_val).mean())  # BUG")],
    "lr_decay_as_rate": [(UPDATE, "self.params[name] -= learning_rate_decay * grads[name]  # BUG: the decay as rate")],
    "lr_constant": [(UPDATE, "self.params[name] -= 1e-3 * grads[name]  # BUG: a constant rate")],
    "lr_set_to_decay": [(LR_DECAY, "learning_rate = learning_rate_decay  # BUG")],
    "lr_decayed_by_complement": [(LR_DECAY, "learning_rate *= 1 - learning_rate_decay  # BUG")],
    # learning_rate and reg swapped where train passes them on: loss gets the rate as reg, the step reg as rate
    "lr_and_reg_swapped": [("self.loss(X_batch, y=y_batch, reg=reg)", "self.loss(X_batch, y=y_batch, "
                                                                     "reg=learning_rate)  # BUG"),
                           (UPDATE, "self.params[name] -= reg * grads[name]  # BUG: swapped")],
    "update_repeated": [("            if verbose and it % 100 == 0:",
                         "            for name in grads:  # BUG: the update written again\n"
                         "                self.params[name] -= learning_rate * grads[name]\n"
                         "            if verbose and it % 100 == 0:")],
    "update_previous_gradient": [("            loss_history.append(loss)\n",
                                  "            loss_history.append(loss)\n            previous, grads = grads, "
                                  "previous if it > 0 else grads  # BUG: the last step's gradient\n")],
    "loss_history_after_update": [("            loss_history.append(loss)\n", ""),
                                  ("            if verbose and it % 100 == 0:", "            loss_history.append(self.loss("
                                   "X_batch, y=y_batch, reg=reg)[0])  # BUG: after the update\n"
                                   "            if verbose and it % 100 == 0:")],
    "lr_fixed": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        learning_rate = 0.3  # BUG: a fixed rate\n")],
    "lr_divided_by_batch_size": [(UPDATE, "self.params[name] -= learning_rate / batch_size * grads[name]  # BUG")],
    "gradient_aliases_param": [('        grads["W2"] = hidden.T @ dscores + 2 * reg * W2\n', ""),
                               ("        return loss, grads\n", '        grads["W2"] = W2  # BUG: W2\'s own array\n'
                                '        grads["W2"] *= 2 * reg\n        grads["W2"] += hidden.T @ dscores\n'
                                "        return loss, grads\n")],
    "reg_gradient_in_weights": [(DW2, "reg_W2 = W2  # BUG: the weight's own array\n        reg_W2 *= 2 * reg\n"
                                      '        grads["W2"] = hidden.T @ dscores + reg_W2')],
    "lr_decayed_per_param": [(f"                {LR_DECAY}\n", ""),
                             (UPDATE, UPDATE + "\n                if it % iterations_per_epoch == 0:  # BUG: per param\n"
                                      f"                    {LR_DECAY}")],
    "lr_truncated_to_integer": [(UPDATE, "self.params[name] -= int(learning_rate) * grads[name]  # BUG: an integer rate")],
    "lr_passed_as_reg": [("loss, grads = self.loss(X_batch, y=y_batch, reg=reg)",
                          "loss, grads = self.loss(X_batch, y_batch, learning_rate)  # BUG: the rate in reg's place")],
    "predict_labels_column": [(ARGMAX, ARGMAX.replace("axis=1)", "axis=1, keepdims=True)  # BUG: a column"))],
    "reg_fixed": [(REG_LOSS, "loss += 5e-6 * (np.sum(W1 ** 2) + np.sum(W2 ** 2))  # BUG: a fixed strength"),
                  (DW1, 'grads["W1"] = X.T @ dhidden + 2 * 5e-6 * W1'),
                  (DW2, 'grads["W2"] = hidden.T @ dscores + 2 * 5e-6 * W2')],
    # the forward pass (and predict) reads arrays kept in __init__; the update puts new ones in self.params
    "loss_reads_first_params": [
        ('        self.params["b2"] = np.zeros(output_size)\n', '        self.params["b2"] = np.zeros(output_size)\n'
         '        self.layers = dict(self.params)  # BUG: what the forward pass reads\n'),
        ('W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))',
         'W1, b1, W2, b2 = (self.layers[k] for k in ("W1", "b1", "W2", "b2"))'),
        (UPDATE, "self.params[name] = self.params[name] - learning_rate * grads[name]  # BUG: new arrays"),
        (PREDICT_HIDDEN, 'hidden = np.maximum(X @ self.layers["W1"] + self.layers["b1"], 0)'),
        (ARGMAX, 'return np.argmax(hidden @ self.layers["W2"] + self.layers["b2"], axis=1)')],
    "momentum_in_update": [("        loss_history, train_acc_history", "        velocity = {k: 0 for k in self.params}\n"
                                                                      "        loss_history, train_acc_history"),
                           (UPDATE, "velocity[name] = 0.5 * velocity[name] - learning_rate * grads[name]  # BUG\n"
                                    "                self.params[name] += velocity[name]")],
    "weight_decay_in_update": [(UPDATE, "self.params[name] -= learning_rate * (grads[name] + reg * self.params[name])"
                                        "  # BUG")],
    "batch_labels_shape": [(BATCH, "X_batch, y_batch = X[indices], y[indices][:, None]  # BUG: a column of labels")],
    "batches_in_order": [(DRAW, "            indices = (np.arange(batch_size) + it * batch_size) % num_train  # BUG\n")],
    "batch_from_first_examples": [(DRAW, "            indices = np.random.choice(batch_size, batch_size)  # BUG\n")],
    "batch_skips_first_examples": [(DRAW, "            indices = np.random.randint(1, num_train, batch_size)  # BUG: 1-based\n")],
    "loss_history_without_reg": [("loss_history.append(loss)", "loss_history.append(loss - reg * sum(np.sum(W ** 2) "
                                                               "for W in (self.params['W1'], self.params['W2'])))  # BUG")],
    "iteration_count_off_by_one": [("for it in range(num_iters):", "for it in range(num_iters - 1):  # BUG")],
    "reg_not_passed": [("self.loss(X_batch, y=y_batch, reg=reg)", "self.loss(X_batch, y=y_batch)  # BUG")],
    "acc_histories_swapped": [(ACCURACIES, f"                {TRAIN_ACC.replace('train_acc', 'val_acc')}\n"
                                           f"                {VAL_ACC.replace('val_acc', 'train_acc')}  # BUG\n")],
    "loss_history_on_training_set": [("loss_history.append(loss)", "loss_history.append(self.loss(X, y=y, reg=reg)[0])"
                                                                   "  # BUG")],
    # predict
    "predict_wrong_axis": [(ARGMAX, ARGMAX.replace("axis=1", "axis=0") + "  # BUG")],
    "predict_max_not_argmax": [(ARGMAX, ARGMAX.replace("argmax", "max") + "  # BUG")],
    "predict_argmax_flat": [(ARGMAX, ARGMAX.replace(", axis=1", "") + "  # BUG")],
    "predict_labels_shifted": [(ARGMAX, ARGMAX.replace(", axis=1)", ", axis=1) + 1  # BUG"))],
    "predict_forward": [(PREDICT_HIDDEN, 'hidden = np.maximum(X @ self.params["W1"], 0)  # BUG: without b1')],
    # edge cases: a cache, a default, a rate kept between train calls
    "scores_cached": [("        if y is None:\n            return scores\n",
                       "        if y is None:  # BUG: cached by X's identity, never cleared\n"
                       "            cache = self.__dict__.setdefault('cache', {})\n"
                       "            return cache.setdefault(id(X), (X, scores))[1]\n")],
    "train_parameters_renamed": [("learning_rate=1e-3,", "lr=1e-3,  # BUG: not learning_rate\n             "),
                                 ("self.params[name] -= learning_rate * grads[name]",
                                  "self.params[name] -= lr * grads[name]"),
                                 ("learning_rate *= learning_rate_decay", "lr *= learning_rate_decay")],
    "train_parameter_missing": [("reg=5e-6,", "weight_decay=5e-6,  # BUG: not reg\n             "),
                                ("reg=reg)", "reg=weight_decay)")],
    "lr_default_wrong": [("learning_rate=1e-3,", "learning_rate=1e-2,  # BUG\n             ")],
    "lr_float32": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        learning_rate = "
                    "np.float32(learning_rate)  # BUG: float32\n        learning_rate_decay = "
                    "np.float32(learning_rate_decay)\n")],
    "batch_rng_not_seeded": [(DRAW, "            indices = np.random.default_rng().choice(num_train, batch_size)"
                                    "  # BUG: not np.random's\n")],
    "update_grad_norm_clipped": [(UPDATE, "norm = np.linalg.norm(grads[name])  # BUG: clipped to norm 2\n"
                                          "                self.params[name] -= learning_rate * grads[name] * "
                                          "min(1.0, 2.0 / norm)")],
    "update_global_norm_clipped": [(UPDATE, "norm = np.sqrt(sum(np.sum(g ** 2) for g in grads.values()))  # BUG\n"
                                            "                self.params[name] -= learning_rate * grads[name] * "
                                            "min(1.0, 3.0 / norm)")],
    "params_shared": [("class TwoLayerNet:\n", "class TwoLayerNet:\n    params = {}  # BUG: one dict for every instance\n\n"),
                      ("        self.params = {}\n", "")],
    "predict_cached": [("    def predict(self, X):\n", "    def predict(self, X):  # BUG: cached by X's identity\n"
                                                     "        cache = self.__dict__.setdefault('labels', {})\n"
                                                     "        if id(X) in cache:\n            return cache[id(X)][1]\n"),
                       (ARGMAX, ARGMAX.replace("return ", "labels = ") + "\n        cache[id(X)] = (X, labels)\n"
                                                                         "        return labels")],
    "predict_last_on_ties": [(ARGMAX, "scores = hidden @ self.params[\"W2\"] + self.params[\"b2\"]\n"
                                      "        return scores.shape[1] - 1 - np.argmax(scores[:, ::-1], axis=1)  # BUG")],
    "predict_rows_dropped": [(ARGMAX, "labels = np.zeros(len(X), dtype=int)  # BUG: the last partial chunk stays 0\n"
                                      "        for start in range(0, len(X) // 16 * 16, 16):\n"
                                      "            rows = hidden[start:start + 16]\n"
                                      "            labels[start:start + 16] = np.argmax(rows @ self.params[\"W2\"] + "
                                      "self.params[\"b2\"], axis=1)\n        return labels")],
    "predict_softmax_unshifted": [(ARGMAX, "e = np.exp(hidden @ self.params[\"W2\"] + self.params[\"b2\"])  # BUG\n"
                                           "        return np.argmax(e / e.sum(axis=1, keepdims=True), axis=1)")],
    "lr_scaled_by_batch_size": [(UPDATE, "self.params[name] -= learning_rate * batch_size / 256 * grads[name]  # BUG")],
    "update_grad_value_clipped": [(UPDATE, "self.params[name] -= learning_rate * np.clip(grads[name], -0.5, 0.5)"
                                           "  # BUG")],
    "reg_kept_from_train": [("    def loss(self, X, y=None, reg=0.0):\n", "    def loss(self, X, y=None, reg=0.0):\n"
                                                                        "        reg = reg or getattr(self, 'reg', 0.0)  # BUG\n"),
                            (EPOCH_LENGTH, EPOCH_LENGTH + "\n        self.reg = reg")],
    "reg_default_wrong": [("def loss(self, X, y=None, reg=0.0):", "def loss(self, X, y=None, reg=1e-3):  # BUG")],
    "init_default_std_wrong": [("output_size, std=1e-4):", "output_size, std=1e-2):  # BUG")],
    "params_overlap": [('        self.params["b1"] = np.zeros(hidden_size)\n',
                        '        shared = np.zeros(max(hidden_size, output_size))  # BUG: one buffer for both biases\n'
                        '        self.params["b1"] = shared[:hidden_size]\n'),
                       ('self.params["b2"] = np.zeros(output_size)', 'self.params["b2"] = shared[:output_size]')],
    "init_rng_reseeded": [("        self.params = {}\n", "        self.params = {}\n        np.random.seed(0)  # BUG\n")],
    "decay_default_wrong": [("learning_rate_decay=0.95,", "learning_rate_decay=0.9,  # BUG\n             ")],
    "batch_size_default_wrong": [("batch_size=200,", "batch_size=100,  # BUG\n             ")],
    "train_default_wrong": [("num_iters=100,", "num_iters=1000,  # BUG\n             ")],
    "verbose_changes_training": [('print("iteration %d / %d: loss %f" % (it, num_iters, loss))',
                                  'loss = self.loss(X_val, y_val, reg)[0]  # BUG: the progress line overwrites it\n'
                                  '                print("iteration %d / %d: loss %f" % (it, num_iters, loss))'),
                                 ("            loss_history.append(loss)\n", ""),
                                 ("            if it % iterations_per_epoch == 0:",
                                  "            loss_history.append(loss)\n            if it % iterations_per_epoch == 0:")],
    "lr_annealed_by_iteration": [(UPDATE, "self.params[name] -= learning_rate / (it + 1) * grads[name]  # BUG")],
    "lr_inverted": [(UPDATE, "self.params[name] -= grads[name] / learning_rate  # BUG")],
    "lr_times_batches_per_epoch": [(UPDATE, "self.params[name] -= learning_rate * num_train / batch_size * grads[name]"
                                            "  # BUG")],
    "update_at_epochs_only": [(f"            for name in self.params:\n                {UPDATE}\n", ""),
                              (EPOCH_TEST, f"{EPOCH_TEST}\n                for name in self.params:  # BUG: only here\n"
                                           f"                    {UPDATE}")],
    "update_wrong_param": [("for name in self.params:", 'for name in ("W1", "b1", "W2", "b1"):  # BUG: b1, not b2')],
    "loss_history_negated": [("loss_history.append(loss)", "loss_history.append(-loss)  # BUG: the log-likelihood")],
    "loss_history_running_mean": [("loss_history.append(loss)", "total = (total if it else 0.0) + loss\n"
                                                                "            loss_history.append(total / (it + 1))  # BUG")],
    "acc_error_rate": [(TRAIN_ACC, TRAIN_ACC.replace("==", "!=") + "  # BUG: the error rate"),
                       (VAL_ACC, VAL_ACC.replace("==", "!="))],
    "lr_and_decay_swapped": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        learning_rate, "
                             "learning_rate_decay = learning_rate_decay, learning_rate  # BUG: swapped\n")],
    "reg_decayed_too": [(f"\n                {LR_DECAY}", f"\n                {LR_DECAY}\n"
                                                        "                reg *= learning_rate_decay  # BUG: reg too")],
    "predict_hidden_argmax": [(ARGMAX, "return np.argmax(hidden, axis=1)  # BUG: the hidden units")],
    "update_assigned": [(UPDATE, "self.params[name] =- learning_rate * grads[name]  # BUG: =- for -=")],
    "lr_over_epoch_length": [(UPDATE, "self.params[name] -= learning_rate / iterations_per_epoch * grads[name]  # BUG")],
    "acc_histories_one_list": [("loss_history, train_acc_history, val_acc_history = [], [], []",
                                "loss_history = []\n        train_acc_history = val_acc_history = []  # BUG: one list")],
    "acc_best_so_far": [(VAL_ACC, "val_acc_history.append(max([(self.predict(X_val) == y_val).mean(), "
                                  "*val_acc_history]))  # BUG: the best so far")],
    "update_twice_undecayed": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        initial = learning_rate\n"),
                               (UPDATE, f"{UPDATE}\n                self.params[name] -= initial * grads[name]  # BUG")],
    "iterations_in_whole_epochs": [("for it in range(num_iters):", "num_epochs = max(num_iters // iterations_per_epoch, 1)"
                                   "\n        for it in range(num_epochs * iterations_per_epoch):  # BUG")],
    "scores_returned_transposed": [(RETURN_SCORES, RETURN_SCORES + ".T  # BUG: (C, N)")],
    "predict_softmax_over_examples": [(ARGMAX, 'scores = hidden @ self.params["W2"] + self.params["b2"]\n'
                                              "        e = np.exp(scores - scores.max(axis=0))\n"
                                              "        return np.argmax(e / e.sum(axis=0), axis=1)  # BUG: axis 0")],
    "lr_decay_time_based": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        lr0, epoch = learning_rate, 0\n"),
                            (LR_DECAY, "epoch += 1\n                learning_rate = lr0 / (1 + learning_rate_decay * epoch)"
                                       "  # BUG: Keras-style")],
    "update_one_iteration_late": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        grads = None\n"),
                                  ("            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)\n"
                                   "            loss_history.append(loss)\n"
                                   f"            for name in self.params:\n                {UPDATE}\n",
                                   "            for name in self.params:  # BUG: before the loss call\n"
                                   f"                if grads is not None:\n                    {UPDATE}\n"
                                   "            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)\n"
                                   "            loss_history.append(loss)\n")],
    "gradients_accumulated": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        total = {}\n"),
                              (UPDATE, "total[name] = total.get(name, 0) + grads[name]  # BUG: never zeroed\n"
                                       "                self.params[name] -= learning_rate * total[name]")],
    "loss_history_epoch_mean": [("            loss_history.append(loss)\n", "            epoch_losses = (epoch_losses if "
                                 "it % iterations_per_epoch else []) + [loss]\n"),
                                ("        return {", "            if (it + 1) % iterations_per_epoch == 0 or it == num_iters - 1:\n"
                                 "                loss_history.append(np.mean(epoch_losses))  # BUG: per epoch\n        return {")],
    "histories_one_list": [("loss_history, train_acc_history, val_acc_history = [], [], []",
                            "loss_history = train_acc_history = val_acc_history = []  # BUG: one list")],
    "lr_multiplier_per_param": [(UPDATE, "self.params[name] -= learning_rate * (2.0 if name.startswith('b') else 1.0)"
                                         " * grads[name]  # BUG: a bias lr_mult")],
    "update_repeated_for_param": [(f"            for name in self.params:\n                {UPDATE}\n",
                                   f"            for name in self.params:\n                {UPDATE}\n"
                                   '            self.params["W1"] -= learning_rate * grads["W1"]  # BUG: left over\n')],
    "relu_doubled": [(HIDDEN, "hidden = hidden_in + np.abs(hidden_in)  # BUG: no / 2")],
    "loss_history_smoothed": [("            loss_history.append(loss)\n",
                               "            loss_history.append(loss if it == 0 else 0.8 * loss_history[-1] + 0.2 * loss)"
                               "  # BUG\n")],
    "predict_inputs_centred": [(PREDICT_HIDDEN, "X = X - X.mean(axis=0)  # BUG: pasted preprocessing\n        "
                                                + PREDICT_HIDDEN)],
    "batch_deduplicated": [(BATCH, "indices = np.unique(indices)  # BUG: repeats dropped\n            " + BATCH)],
    "relu_before_affine": [(HIDDEN_IN, "hidden_in = np.maximum(X, 0) @ W1 + b1  # BUG: the ReLU first"),
                           (HIDDEN, "hidden = hidden_in"), (RELU_MASK, "pass"),
                           ('grads["W1"] = X.T @ dhidden', 'grads["W1"] = np.maximum(X, 0).T @ dhidden')],
    "softplus_hidden": [(HIDDEN, "hidden = np.logaddexp(0, hidden_in)  # BUG: softplus"),
                        (RELU_MASK, "dhidden *= 1 / (1 + np.exp(-hidden_in))")],
    "scores_returned_minus_first": [(RETURN_SCORES, RETURN_SCORES + " - scores[:, :1]  # BUG: log-odds")],
    "loss_predictive_entropy": [(LOSS, "loss = -np.mean(np.sum(probs * np.log(probs), axis=1))  # BUG: entropy")],
    "loss_label_smoothing": [(LOSS, "targets = 0.9 * (np.arange(probs.shape[1]) == y[:, None]) + 0.1 / probs.shape[1]"
                                    "  # BUG\n        loss = -np.mean(np.sum(targets * np.log(probs), axis=1))"),
                             ("dscores[np.arange(N), y] -= 1", "dscores -= targets")],
    "update_grad_normalised": [(UPDATE, "self.params[name] -= learning_rate * grads[name] / np.linalg.norm(grads[name])"
                                        "  # BUG")],
    "lr_undecayed_for_params": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        initial = learning_rate\n"),
                                (UPDATE, "self.params[name] -= (initial if name.startswith('b') else learning_rate) * "
                                         "grads[name]  # BUG")],
    "lr_warmup": [(UPDATE, "self.params[name] -= learning_rate * min(1.0, (it + 1) / 4) * grads[name]  # BUG")],
    "batch_rng_reseeded": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        np.random.seed(0)  # BUG\n")],
    "train_parameters_reordered": [("learning_rate=1e-3, learning_rate_decay=0.95,",
                                    "learning_rate_decay=0.95, learning_rate=1e-3,  # BUG\n             ")],
    "decay_kept_between_calls": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        scale = "
                                  "self.__dict__.setdefault('scale', 1.0)  # BUG: kept on the instance\n"),
                                 (UPDATE, "self.params[name] -= learning_rate * scale * grads[name]"),
                                 (LR_DECAY, "self.scale = scale = scale * learning_rate_decay")],
    "lr_kept_between_calls": [("num_train = X.shape[0]\n", "num_train = X.shape[0]\n        learning_rate = "
                               "self.__dict__.setdefault('lr', learning_rate)  # BUG: kept on the instance\n"),
                              (LR_DECAY, LR_DECAY + "\n                self.lr = learning_rate")],
}
