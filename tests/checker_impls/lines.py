"""Lines of tests/checker_impls/correct_vectorised.py that the buggy nets' edits start from
(bugs.py, bugs_beyond.py, unknown_bugs.py): each occurs exactly once in that file."""

# lines of correct_vectorised.py that several bugs edit
W1_INIT = 'self.params["W1"] = std * np.random.randn(input_size, hidden_size)'
W2_INIT = 'self.params["W2"] = std * np.random.randn(hidden_size, output_size)'
LOSS = "loss = -np.mean(stable[np.arange(N), y] - np.log(np.sum(exp, axis=1)))"
REG_LOSS = "loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))"
DW1 = 'grads["W1"] = X.T @ dhidden + 2 * reg * W1'
DW2 = 'grads["W2"] = hidden.T @ dscores + 2 * reg * W2'
DB1 = 'grads["b1"] = np.sum(dhidden, axis=0)'
RELU_MASK = "dhidden[hidden_in <= 0] = 0"
BATCH = "X_batch, y_batch = X[indices], y[indices]"
LR_DECAY = "learning_rate *= learning_rate_decay"
TRAIN_ACC = "train_acc_history.append((self.predict(X_batch) == y_batch).mean())"
VAL_ACC = "val_acc_history.append((self.predict(X_val) == y_val).mean())"
HIDDEN_IN = "hidden_in = X @ W1 + b1"
SCORES = "scores = hidden @ W2 + b2"
PICKED = "stable[np.arange(N), y]"
DB2 = 'grads["b2"] = np.sum(dscores, axis=0)'
ARGMAX = 'return np.argmax(hidden @ self.params["W2"] + self.params["b2"], axis=1)'
DRAW = "            indices = np.random.choice(num_train, batch_size, replace=True)\n"
UPDATE = "self.params[name] -= learning_rate * grads[name]"
RETURN_SCORES = "if y is None:\n            return scores"
SHIFT = "stable = scores - np.max(scores, axis=1, keepdims=True)"
PROBS = "probs = exp / np.sum(exp, axis=1, keepdims=True)"
SUBTRACT = "dscores[np.arange(N), y] -= 1"
EPOCH_TEST = "if it % iterations_per_epoch == 0:"
HIDDEN = "hidden = np.maximum(hidden_in, 0)"
PREDICT_HIDDEN = 'hidden = np.maximum(X @ self.params["W1"] + self.params["b1"], 0)'


def missing(line):
    """The pair that comments ``line`` out."""
    return line, "# BUG: missing: " + line
