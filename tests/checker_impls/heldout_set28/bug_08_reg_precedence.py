"""Two-layer net: probabilities with a boolean label mask, trained with a while loop."""

import numpy as np


class TwoLayerNet:
    """Input - fully connected - ReLU - fully connected - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        shapes = [("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))]
        for name, shape in shapes:
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1 = np.dot(X, p["W1"]) + p["b1"]
        r1 = a1.clip(min=0)
        scores = np.dot(r1, p["W2"]) + p["b2"]
        if y is None:
            return scores

        N, C = scores.shape
        stable = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(stable)
        probs = e / e.sum(axis=1, keepdims=True)
        onehot = np.zeros((N, C))
        onehot[np.arange(N), y] = 1.0
        data_loss = -np.log(probs[onehot.astype(bool)]).mean()
        W1, W2 = p["W1"], p["W2"]
        reg_loss = reg * np.sum(W1 * W1) + np.sum(W2 * W2)
        loss = data_loss + reg_loss

        dscores = (probs - onehot) / N
        grads = {}
        grads["W2"] = np.dot(r1.T, dscores) + 2 * reg * W2
        grads["b2"] = dscores.sum(axis=0)
        dr1 = np.dot(dscores, W2.T)
        da1 = dr1 * (a1 > 0)
        grads["W1"] = np.dot(X.T, da1) + 2 * reg * W1
        grads["b1"] = da1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            batch = np.random.randint(0, num_train, size=batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= lr * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
            it += 1

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
