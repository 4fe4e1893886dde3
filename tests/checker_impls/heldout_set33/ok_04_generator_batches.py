import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=np.random.randn(input_size, hidden_size) * std,
            b1=np.zeros(hidden_size),
        )
        self.params["W2"] = np.random.randn(hidden_size, output_size) * std
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]
        hidden_in = np.dot(X, W1) + b1
        hidden = np.maximum(hidden_in, 0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        N, C = scores.shape
        stable = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.sum(np.exp(stable), axis=1))
        nll = log_norm - stable[np.arange(N), y]
        loss = nll.sum() / N + reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        target = np.zeros((N, C))
        np.put_along_axis(target, y[:, None], 1.0, axis=1)
        dS = (np.exp(stable - log_norm[:, None]) - target) / N
        dH = dS.dot(W2.T)
        dH[hidden_in <= 0] = 0
        grads = {}
        grads["b2"] = dS.sum(axis=0)
        grads["W2"] = hidden.T.dot(dS) + 2 * reg * W2
        grads["b1"] = dH.sum(axis=0)
        grads["W1"] = X.T.dot(dH) + 2 * reg * W1
        return loss, grads

    @staticmethod
    def _batches(num_train, batch_size, count):
        for _ in range(count):
            yield np.random.choice(num_train, batch_size)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        epochs_done = 0
        for it, idx in enumerate(self._batches(num_train, batch_size, num_iters)):
            rate = learning_rate * learning_rate_decay ** epochs_done
            value, grads = self.loss(X[idx], y[idx], reg)
            losses.append(value)
            for k in grads:
                self.params[k] -= rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch_len == 0:
                tr_acc.append((self.predict(X[idx]) == y[idx]).mean())
                va_acc.append((self.predict(X_val) == y_val).mean())
                epochs_done += 1
        return {"loss_history": losses, "train_acc_history": tr_acc, "val_acc_history": va_acc}

    def predict(self, X):
        scores = self.loss(X)
        best = scores.max(axis=1, keepdims=True)
        return np.argmax(scores == best, axis=1)
