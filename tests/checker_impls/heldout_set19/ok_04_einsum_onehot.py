import numpy as np


class TwoLayerNet:
    """Two-layer network written with einsum contractions and a one-hot label matrix."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))]
        self.params = {name: std * np.random.randn(*shape) for name, shape in shapes}
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        mask = pre > 0
        act = pre * mask
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores

        n, c = scores.shape
        onehot = np.zeros((n, c))
        onehot[np.arange(n), y] = 1.0
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_probs[onehot.astype(bool)].sum() / n
        penalty = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        d_scores = (np.exp(log_probs) - onehot) / n
        dW2 = np.einsum("nh,nc->hc", act, d_scores) + 2 * reg * W2
        db2 = d_scores.sum(axis=0)
        d_pre = np.einsum("nc,hc->nh", d_scores, W2) * mask
        dW1 = np.einsum("nd,nh->dh", X, d_pre) + 2 * reg * W1
        db1 = d_pre.sum(axis=0)
        return data_loss + penalty, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    @staticmethod
    def _batches(num_train, batch_size, num_iters):
        for _ in range(num_iters):
            yield np.random.choice(num_train, batch_size)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        rate = learning_rate
        for it, idx in enumerate(self._batches(num_train, batch_size, num_iters)):
            xb, yb = X[idx], y[idx]
            value, grads = self.loss(xb, yb, reg)
            out["loss_history"].append(value)
            for key in ("W1", "b1", "W2", "b2"):
                self.params[key] -= rate * grads[key]
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if not it % epoch:
                out["train_acc_history"].append((self.predict(xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                rate *= learning_rate_decay
        return out

    def predict(self, X):
        return self.loss(X).argmax(1)
