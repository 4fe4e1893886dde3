import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self._grad_buffers = None

    def _buffers(self):
        bufs = getattr(self, "_grad_buffers", None)
        if bufs is None or any(bufs[k].shape != v.shape for k, v in self.params.items()):
            bufs = {k: np.zeros_like(v, dtype=np.float64) for k, v in self.params.items()}
            self._grad_buffers = bufs
        return bufs

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]

        z1 = np.dot(X, W1)
        z1 += b1
        a1 = np.maximum(z1, 0.0)
        scores = np.dot(a1, W2)
        scores += b2
        if y is None:
            return scores

        N = X.shape[0]
        idx = (np.arange(N), y)
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -logp[idx].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = np.exp(logp)
        dscores[idx] -= 1.0
        dscores /= N

        g = self._buffers()
        g["W2"][...] = np.dot(a1.T, dscores)
        g["W2"] += 2 * reg * W2
        g["b2"] += dscores.sum(axis=0)
        da1 = np.dot(dscores, W2.T)
        da1 *= z1 > 0
        g["W1"][...] = np.dot(X.T, da1)
        g["W1"] += 2 * reg * W1
        np.sum(da1, axis=0, out=g["b1"])
        return loss, {k: v.copy() for k, v in g.items()}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
