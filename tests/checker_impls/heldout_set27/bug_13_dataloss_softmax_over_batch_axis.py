import numpy as np


class TwoLayerNet:
    """Two-layer classifier. Shapes: X (N, D), W1 (D, H), W2 (H, C)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        Z1 = np.dot(X, W1) + b1          # (N, H)
        A1 = np.maximum(0, Z1)           # (N, H)
        scores = np.dot(A1, W2) + b2     # (N, C)
        if y is None:
            return scores

        S = scores - np.max(scores, axis=1, keepdims=True)   # (N, C)
        E = np.exp(S)                                         # (N, C)
        P = E / np.sum(E, axis=0, keepdims=True)              # (N, C)
        data_loss = -np.sum(np.log(P[np.arange(N), y])) / N
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dS = P.copy()                    # (N, C)
        dS[np.arange(N), y] -= 1
        dS /= N
        dW2 = np.dot(A1.T, dS) + 2 * reg * W2     # (H, C)
        db2 = np.sum(dS, axis=0)                  # (C,)
        dA1 = np.dot(dS, W2.T)                    # (N, H)
        dZ1 = dA1 * (Z1 > 0)                      # (N, H)
        dW1 = np.dot(X.T, dZ1) + 2 * reg * W1     # (D, H)
        db1 = np.sum(dZ1, axis=0)                 # (H,)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            ind = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[ind], y[ind]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in ('W1', 'b1', 'W2', 'b2'):
                self.params[p] -= learning_rate * grads[p]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
