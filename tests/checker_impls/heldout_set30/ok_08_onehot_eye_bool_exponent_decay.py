import numpy as np


class TwoLayerNet:
    """Two-layer net with eye-based one-hot labels and a branch-free decay."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        W1 = draw(input_size, hidden_size)
        W2 = draw(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z1 = X @ P["W1"] + P["b1"][np.newaxis, :]
        h1 = 0.5 * (z1 + np.abs(z1))
        scores = h1 @ P["W2"] + P["b2"][np.newaxis, :]
        if y is None:
            return scores
        N, C = scores.shape
        Y = np.eye(C)[y]
        shift = scores - scores.max(axis=-1)[:, np.newaxis]
        logZ = np.log(np.exp(shift).sum(axis=-1))
        loss = np.sum(logZ) / N - np.sum(Y * shift) / N
        loss += reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        d = (np.exp(shift - logZ[:, np.newaxis]) - Y) / N
        dz1 = (d @ P["W2"].T) * np.greater(z1, 0)
        return loss, {
            "W1": X.T @ dz1 + 2 * reg * P["W1"],
            "b1": dz1.sum(axis=0),
            "W2": h1.T @ d + 2 * reg * P["W2"],
            "b2": d.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            boundary = it % iterations_per_epoch == 0
            if boundary:
                out["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
            learning_rate *= learning_rate_decay ** boundary
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
