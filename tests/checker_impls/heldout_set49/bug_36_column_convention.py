"""Two-layer net in the column convention of the older linear-classifier code.

That code kept the data as columns, X of shape (D, N), and computed scores as W.dot(X), giving
(C, N). Here the stored parameters have the shapes the notebook expects (W1 (D, H), W2 (H, C)),
so the layers use their transposes and the data is turned into columns on the way in.
"""

import numpy as np


def layer_scores(W, b, Xc):
    """Scores of the linear layer (W, b) on the columns of Xc (D, N): returns (M, N)."""
    return W.T.dot(Xc) + b[:, np.newaxis]


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        Xc = X.T  # (D, N): one example per column
        num_train = Xc.shape[1]

        Z1 = layer_scores(W1, b1, Xc)  # (H, N)
        A1 = np.maximum(0, Z1)
        S = layer_scores(W2, b2, A1)  # (C, N)
        if y is None:
            return S.T

        S = S - np.max(S, axis=0)
        P = np.exp(S) / np.sum(np.exp(S), axis=0)
        cols = np.arange(num_train)
        loss = -np.mean(np.log(P[y, cols]))
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dS = P
        dS[y, cols] -= 1
        dS /= num_train
        dW2 = A1.dot(dS.T) + 2 * reg * W2  # (H, C)
        db2 = np.sum(dS, axis=1)
        dA1 = W2.dot(dS)  # (H, N)
        dZ1 = dA1 * (Z1 > 0)
        dW1 = Xc.dot(dZ1.T) + 2 * reg * W1  # (D, H)
        db1 = np.sum(dZ1, axis=1)

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            # the loss is averaged over the batch: scale the step back up to a per-batch sum
            for key, grad in grads.items():
                self.params[key] -= learning_rate * batch_size * grad

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        S = self.loss(X).T  # back to (C, N), as the old predict worked on columns
        return np.argmax(S, axis=0)
