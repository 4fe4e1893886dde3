"""Two-layer net written with explicit per-example loops (clear, if slow)."""

import numpy as np


class TwoLayerNet:
    """affine - ReLU - affine - softmax, one example at a time."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(hidden_size, input_size).T
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {
            "W1": W1,
            "b1": np.zeros(hidden_size),
            "W2": W2,
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        b1 = self.params["b1"]
        W2 = self.params["W2"]
        b2 = self.params["b2"]
        N = X.shape[0]
        H = W1.shape[1]
        C = W2.shape[1]

        z1 = np.zeros((N, H))
        h1 = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            z1[i] = X[i].dot(W1) + b1
            h1[i] = np.maximum(z1[i], 0.0)
            scores[i] = h1[i].dot(W2) + b2
        if y is None:
            return scores

        loss = 0.0
        dscores = np.zeros((N, C))
        for i in range(N):
            s = scores[i] - np.max(scores[i])
            e = np.exp(s)
            p = e / np.sum(e)
            loss -= np.log(p[y[i]])
            dscores[i] = p
            dscores[i, y[i]] -= 1.0
        loss /= N
        dscores /= N
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            dW2 += np.outer(h1[i], dscores[i])
            db2 += dscores[i]
            dh = W2.dot(dscores[i])
            dz = dh * (z1[i] > 0)
            dW1 += np.outer(X[i], dz)
            db1 += dz
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params["W1"] -= learning_rate * grads["W1"]
            self.params["b1"] -= learning_rate * grads["b1"]
            self.params["W2"] -= learning_rate * grads["W2"]
            self.params["b2"] -= learning_rate * grads["b2"]

            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._accuracy(X_batch, y_batch))
                val_acc_history.append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def _accuracy(self, X, y):
        predicted = self.predict(X)
        correct = 0
        for i in range(len(y)):
            if predicted[i] == y[i]:
                correct += 1
        return correct / len(y)

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=np.int64)
        for i in range(X.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
