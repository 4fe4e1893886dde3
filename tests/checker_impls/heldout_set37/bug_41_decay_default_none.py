import numpy as np


class TwoLayerNet:
    """Affine - activation - affine - softmax, with a couple of knobs.

    Class-level settings, which an instance may override:
    - activation: the hidden nonlinearity, "relu", "tanh" or "linear";
    - use_bias: whether the affine layers add their biases.
    """

    activation = "relu"
    use_bias = True

    @staticmethod
    def _act(name, z):
        if name == "relu":
            return np.maximum(z, 0.0)
        if name == "tanh":
            return np.tanh(z)
        if name == "linear":
            return z
        raise ValueError("unknown activation %r" % (name,))

    @staticmethod
    def _act_grad(name, z):
        if name == "relu":
            return (z > 0).astype(z.dtype)
        if name == "tanh":
            return 1.0 - np.tanh(z) ** 2
        if name == "linear":
            return np.ones_like(z)
        raise ValueError("unknown activation %r" % (name,))

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = np.einsum("nd,dh->nh", X, W1)
        if self.use_bias:
            z1 = z1 + b1
        h1 = self._act(self.activation, z1)
        scores = np.einsum("nh,hc->nc", h1, W2)
        if self.use_bias:
            scores = scores + b2
        return z1, h1, scores

    def loss(self, X, y=None, reg=0.0):
        X = np.atleast_2d(np.asarray(X, dtype=np.float64))
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        y = np.asarray(y).astype(np.intp).ravel()
        N, C = scores.shape
        Y = np.zeros((N, C))
        Y[np.arange(N), y] = 1.0

        m = scores.max(axis=1, keepdims=True)
        log_probs = scores - m - np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        data_loss = -np.sum(Y * log_probs) / N
        W1, W2 = self.params["W1"], self.params["W2"]
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dscores = (np.exp(log_probs) - Y) / N
        grads = {}
        grads["W2"] = np.einsum("nh,nc->hc", h1, dscores) + 2 * reg * W2
        grads["b2"] = dscores.sum(axis=0) if self.use_bias else np.zeros_like(self.params["b2"])
        dh1 = np.einsum("nc,hc->nh", dscores, W2)
        dz1 = dh1 * self._act_grad(self.activation, z1)
        grads["W1"] = np.einsum("nd,nh->dh", X, dz1) + 2 * reg * W1
        grads["b1"] = dz1.sum(axis=0) if self.use_bias else np.zeros_like(self.params["b1"])
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=None,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        X = np.asarray(X)
        y = np.asarray(y)
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        if learning_rate_decay is None:
            learning_rate_decay = 1.0  # no schedule unless one is asked for
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return history

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
