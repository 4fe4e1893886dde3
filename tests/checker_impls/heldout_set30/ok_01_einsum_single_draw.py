import numpy as np


class TwoLayerNet:
    """Two-layer net: weights drawn in one call, every contraction an einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        n1, n2 = input_size * hidden_size, hidden_size * output_size
        flat = std * np.random.randn(n1 + n2)  # same stream as two consecutive randn calls
        self.params = {
            "W1": flat[:n1].reshape(input_size, hidden_size).copy(),
            "b1": np.zeros(hidden_size),
            "W2": flat[n1:].reshape(hidden_size, output_size).copy(),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {k: np.asarray(params[k], dtype=np.float64).copy() for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, ("W1", "b1", "W2", "b2"))
        z1 = np.einsum("nd,dh->nh", X, W1) + b1
        h1 = z1 * (z1 > 0)
        scores = np.einsum("nh,hc->nc", h1, W2) + b2
        if y is None:
            return scores

        N = scores.shape[0]
        lab = y.reshape(-1, 1)
        top = scores.max(axis=1, keepdims=True)
        log_z = top + np.log(np.einsum("nc->n", np.exp(scores - top)))[:, None]
        log_p = scores - log_z
        loss = -np.take_along_axis(log_p, lab, axis=1).sum() / N
        loss += reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))

        d = np.exp(log_p)
        np.put_along_axis(d, lab, np.take_along_axis(d, lab, axis=1) - 1.0, axis=1)
        d /= N
        dz1 = np.einsum("nc,hc->nh", d, W2) * (z1 > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dz1) + 2 * reg * W1,
            "b1": np.einsum("nh->h", dz1),
            "W2": np.einsum("nh,nc->hc", h1, d) + 2 * reg * W2,
            "b2": np.einsum("nc->c", d),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            hist["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % per_epoch == 0:
                hist["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
