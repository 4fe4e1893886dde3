"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: long straight-line code, one named intermediate per node and a d_ variable for each.
Training: a for loop in four commented stages. Predict: argmax of the softmax probabilities.
"""

import numpy as np


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax; params in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Creates the four leaf nodes of the graph, one statement per leaf."""
        # leaf nodes: the two weight matrices, then the two bias vectors
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        b1 = np.zeros(hidden_size)
        b2 = np.zeros(output_size)
        self.params = {}
        self.params['W1'] = W1
        self.params['b1'] = b1
        self.params['W2'] = W2
        self.params['b2'] = b2

    def loss(self, X, y=None, reg=0.0):
        """Scores (N, C) if y is None, else (loss, grads); straight-line staged computation."""
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        N = X.shape[0]

        # ---- forward ----
        affine1 = X.dot(W1)
        pre1 = affine1 + b1
        hidden = np.maximum(0, pre1)
        affine2 = hidden.dot(W2)
        scores = affine2 + b2
        if y is None:
            return scores
        row_max = np.max(scores, axis=1, keepdims=True)
        shifted = scores - row_max
        exps = np.exp(shifted)
        sum_exps = np.sum(exps, axis=1, keepdims=True)
        log_sum = np.log(sum_exps)
        log_probs = shifted - log_sum
        picked = log_probs[np.arange(N), y]
        mean_picked = np.sum(picked) / N
        data_loss = -mean_picked
        penalty_W1 = np.sum(W1 ** 2)
        penalty_W2 = np.sum(W2 ** 2)
        penalty = reg * (penalty_W1 + penalty_W2)
        total = data_loss + penalty

        # ---- backward ----
        d_total = 1.0
        d_data_loss = d_total
        d_penalty = d_total
        d_mean_picked = -d_data_loss
        d_picked = np.full(N, d_mean_picked / N)
        d_log_probs = np.zeros_like(log_probs)
        d_log_probs[np.arange(N), y] = d_picked
        d_shifted = d_log_probs.copy()
        d_log_sum = -np.sum(d_log_probs, axis=1, keepdims=True)
        d_sum_exps = d_log_sum / sum_exps
        d_exps = d_sum_exps * np.ones_like(exps)
        d_shifted += d_exps * exps
        d_scores = d_shifted
        d_affine2 = d_scores
        d_b2 = np.sum(d_scores, axis=0)
        d_W2 = hidden.T.dot(d_affine2)
        d_hidden = d_affine2.dot(W2.T)
        d_pre1 = d_hidden * (pre1 > 0)
        d_affine1 = d_pre1
        d_b1 = np.sum(d_pre1, axis=0)
        d_W1 = X.T.dot(d_affine1)
        d_penalty_W1 = reg * d_penalty
        d_penalty_W2 = reg * d_penalty
        d_W1 += 2 * W1 * d_penalty_W1
        d_W2 += 2 * W2 * d_penalty_W2

        grads = {'W1': d_W1, 'b1': d_b1, 'W2': d_W2, 'b2': d_b2}
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD, written as four stages per iteration; the rate decays once per epoch."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            # stage 1: the minibatch
            batch_indices = np.random.choice(num_train, batch_size)
            X_batch = X[batch_indices]
            y_batch = y[batch_indices]

            # stage 2: forward and backward through the graph
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # stage 3: one SGD step per leaf
            for name in ('W1', 'W2'):
                step = learning_rate * grads[name]
                self.params[name] -= step

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # stage 4: epoch bookkeeping
            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        """Labels (N,): scores -> shifted -> exp -> normalised probabilities -> argmax per row."""
        scores = self.loss(X)
        shifted = scores - scores.max(axis=1, keepdims=True)
        exps = np.exp(shifted)
        probs = exps / exps.sum(axis=1, keepdims=True)
        y_pred = np.argmax(probs, axis=1)
        return y_pred
