"""Two-layer net (affine - ReLU - affine - softmax cross-entropy, L2 on W1 and W2) in NumPy.

Written as staged computation: numbered nodes; the backward writes every local gradient and multiplies in the upstream.
Training: a while loop over an explicit state dict, new parameter values built as nodes. Predict: the forward graph written out again.
"""

import numpy as np


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax; params in self.params."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        """Leaf nodes: W1 (D, H) and W2 (H, C) from std * randn (W1 drawn first), zero biases."""
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        """Scores (N, C) if y is None, else (loss, grads).

        Forward: numbered nodes. Backward: for every node, its local gradient is written out and
        multiplied by the upstream gradient coming from the node after it.
        """
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]
        rows = np.arange(N)

        # ---------------- forward, one node per line ----------------
        n_affine1 = X.dot(W1)                                              # node 1
        n_pre = n_affine1 + b1                                             # node 2
        n_hidden = np.maximum(0, n_pre)                                    # node 3
        n_affine2 = n_hidden.dot(W2)                                       # node 4
        n_scores = n_affine2 + b2                                          # node 5
        if y is None:
            return n_scores
        n_shift = n_scores - np.max(n_scores, axis=1, keepdims=True)      # node 6
        n_exp = np.exp(n_shift)                                            # node 7
        n_sum = np.sum(n_exp, axis=1, keepdims=True)                       # node 8
        n_log = np.log(n_sum)                                              # node 9
        n_log_probs = n_shift - n_log                                      # node 10
        n_pick = n_log_probs[rows, y]                                      # node 11
        n_mean = np.mean(n_pick)                                           # node 12
        n_data = -n_mean                                                   # node 13
        n_penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))             # node 14
        n_total = n_data + n_penalty                                       # node 15

        # ---------------- backward: upstream * local, node by node ----------------
        up_total = 1.0
        # node 15: total = data + penalty; local gradients 1 and 1
        up_data = up_total * 1.0
        up_penalty = up_total * 1.0
        # node 14: penalty = reg * (|W1|^2 + |W2|^2); local gradients 2 reg W1 and 2 reg W2
        local_pen_W1 = 2.0 * reg * W1
        local_pen_W2 = 2.0 * reg * W2
        d_W1_pen = up_penalty * local_pen_W1
        d_W2_pen = up_penalty * local_pen_W2
        # node 13: data = -mean; local -1
        up_mean = up_data * -1.0
        # node 12: mean over N entries; local 1/N each
        local_mean = np.full(N, 1.0 / N)
        up_pick = up_mean * local_mean
        # node 11: pick; the local gradient is a selector
        up_log_probs = np.zeros_like(n_log_probs)
        up_log_probs[rows, y] = up_pick
        # node 10: log_probs = shift - log; locals 1 and -1 (the column is broadcast)
        up_shift = up_log_probs * 1.0
        up_log = np.sum(up_log_probs * -1.0, axis=1, keepdims=True)
        # node 9: log; local 1 / sum
        local_log = 1.0 / n_sum
        up_sum = up_log * local_log
        # node 8: row sum; local ones
        local_sum = np.ones_like(n_exp)
        up_exp = up_sum * local_sum
        # node 7: exp; local exp (the shift node has a second consumer: accumulate)
        local_exp = n_exp
        up_shift = up_shift + up_exp * local_exp
        # node 6: shift; local 1 (the row max is held constant)
        up_scores = up_shift * 1.0
        # node 5: scores = affine2 + b2; locals 1 and 1 (b2 summed over rows)
        up_affine2 = up_scores * 1.0
        d_b2 = np.sum(up_scores * 1.0, axis=0)
        # node 4: affine2 = hidden . W2; locals W2 and hidden
        up_hidden = up_affine2.dot(W2.T)
        d_W2 = n_hidden.T.dot(up_affine2)
        # node 3: ReLU; local indicator pre > 0
        local_relu = (n_pre > 0).astype(float)
        up_pre = up_hidden * local_relu
        # node 2: pre = affine1 + b1; locals 1 and 1
        up_affine1 = up_pre * 1.0
        d_b1 = np.sum(up_pre * 1.0, axis=0)
        # node 1: affine1 = X . W1; local X
        d_W1 = X.T.dot(up_affine1)

        grads = {'W1': d_W1 + d_W1_pen, 'b1': d_b1, 'W2': d_W2 + d_W2_pen, 'b2': d_b2}
        return n_total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        """Minibatch SGD as a while loop over an explicit state; each update is a new node."""
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        state = {'it': 0, 'lr': learning_rate}
        loss_history, train_acc_history, val_acc_history = [], [], []

        while state['it'] < num_iters:
            it = state['it']

            # node: minibatch
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]

            # node: loss and its gradients
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # node: new parameters, one per leaf
            W1_new = self.params['W1'] - state['lr'] * grads['W1']
            b1_new = self.params['b1'] - state['lr'] * grads['b1']
            W2_new = self.params['W2'] - state['lr'] * grads['W2']
            b2_new = self.params['b2'] - state['lr'] * grads['b2']
            self.params['W1'] = W1_new
            self.params['b1'] = b1_new
            self.params['W2'] = W2_new
            self.params['b2'] = b2_new

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # node: epoch boundary
            if it % iterations_per_epoch == 0:
                batch_pred = self.predict(X_batch)
                val_pred = self.predict(X_val)
                train_acc_history.append(np.mean(batch_pred == y_batch))
                val_acc_history.append(np.mean(val_pred == y_val))
                state['lr'] = state['lr'] * learning_rate_decay

            state['it'] = it + 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        """Labels (N,): the forward graph written out again, node by node, then argmax per row."""
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        a1 = X.dot(W1)
        z1 = a1 + b1
        h1 = np.maximum(0, z1)
        a2 = h1.dot(W2)
        scores = a2 + b2
        y_pred = np.argmax(scores, axis=1)
        return y_pred
