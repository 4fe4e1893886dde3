import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for layer in reversed(range(1, len(sizes))):
            fan_in, fan_out = sizes[layer - 1], sizes[layer]
            self.params["W%d" % layer] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % layer] = np.zeros(fan_out)

    def _forward(self, X):
        caches = []
        out = X
        for layer in (1, 2):
            W, b = self.params["W%d" % layer], self.params["b%d" % layer]
            z = out.dot(W) + b
            caches.append((out, z))
            out = np.maximum(z, 0) if layer == 1 else z
        return out, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores

        N = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean()
        loss += reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))

        dout = np.exp(log_probs)
        dout[np.arange(N), y] -= 1
        dout /= N
        grads = {}
        for layer in (2, 1):
            inp, z = caches[layer - 1]
            if layer == 1:
                dout = dout * (z > 0)
            W = self.params["W%d" % layer]
            grads["W%d" % layer] = inp.T.dot(dout) + 2 * reg * W
            grads["b%d" % layer] = dout.sum(axis=0)
            dout = dout.dot(W.T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

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

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self._forward(X)[0], axis=1)
