"""Two-layer net using einsum contractions and a precomputed learning-rate schedule."""

import numpy as np


class TwoLayerNet:
    """affine - ReLU - affine - softmax, with parameters in ``self.params``."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = len(X)
        z1 = np.einsum("nd,dh->nh", X, W1)
        h1 = np.maximum(z1, 0) + b1
        scores = np.einsum("nh,hc->nc", h1, W2) + b2
        if y is None:
            return scores

        y = np.asarray(y)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        picked = np.take_along_axis(log_probs, y[:, None], axis=1)
        data_loss = -picked.sum() / N
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        loss = data_loss + reg_loss

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dh1 = np.einsum("nc,hc->nh", dscores, W2)
        dz1 = dh1 * (z1 > 0)
        dW2 = np.einsum("nh,nc->hc", h1, dscores) + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dW1 = np.einsum("nd,nh->dh", X, dz1) + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        its = np.arange(num_iters)
        at_boundary = its % iterations_per_epoch == 0
        # decays already applied when iteration `it` runs: one per earlier epoch boundary
        decays_before = np.cumsum(at_boundary) - at_boundary
        schedule = np.empty(num_iters)
        schedule[:] = learning_rate * np.power(learning_rate_decay, decays_before)

        loss_history = np.zeros(num_iters)
        train_acc_history, val_acc_history = [], []
        for it in its:
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y_batch, reg)
            loss_history[it] = loss
            for name in self.params:
                self.params[name] -= schedule[it] * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if at_boundary[it]:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))

        return {
            "loss_history": loss_history.tolist(),
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
