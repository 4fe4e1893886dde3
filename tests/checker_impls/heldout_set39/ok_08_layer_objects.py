import numpy as np


class _Affine:
    """out = x W + b; the layer reads its parameters from the net's dict by name."""

    def __init__(self, params, w_name, b_name):
        self.params, self.w_name, self.b_name = params, w_name, b_name

    def forward(self, x):
        self.x = x
        return x @ self.params[self.w_name] + self.params[self.b_name]

    def backward(self, dout, grads):
        grads[self.w_name] = self.x.T @ dout
        grads[self.b_name] = dout.sum(axis=0)
        return dout @ self.params[self.w_name].T


class _ReLU:
    def forward(self, x):
        self.mask = x > 0
        return np.where(self.mask, x, 0.0)

    def backward(self, dout, grads):
        return np.where(self.mask, dout, 0.0)


def _lr_schedule(eta0, gamma, iterations_per_epoch):
    """eta for iteration t = 0, 1, 2, ...: multiplied by gamma after every epoch boundary."""
    eta, t = eta0, 0
    while True:
        yield eta
        if t % iterations_per_epoch == 0:
            eta *= gamma
        t += 1


class TwoLayerNet:
    """The lecture's computational graph: a list of layer objects with forward/backward."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _layers(self):
        return [_Affine(self.params, "W1", "b1"), _ReLU(), _Affine(self.params, "W2", "b2")]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(out)
        scores = out
        if y is None:
            return scores

        N = X.shape[0]
        rows = np.arange(N)
        logits = scores - scores.max(axis=1, keepdims=True)
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        loss = -log_probs[rows, y].sum() / N
        weights = [self.params["W1"], self.params["W2"]]
        loss += reg * sum(np.vdot(W, W) for W in weights)

        grads = {}
        dout = np.exp(log_probs)
        dout[rows, y] -= 1.0
        dout /= N
        for layer in reversed(layers):
            dout = layer.backward(dout, grads)
        grads["W1"] = grads["W1"] + 2 * reg * self.params["W1"]
        grads["W2"] = grads["W2"] + 2 * reg * self.params["W2"]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        schedule = _lr_schedule(learning_rate, learning_rate_decay, iterations_per_epoch)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it, eta in zip(range(num_iters), schedule):
            pick = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[pick], y=y[pick], reg=reg)
            stats["loss_history"].append(loss)
            for name, p in self.params.items():
                np.subtract(p, eta * grads[name], out=p)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(X[pick]) == y[pick]))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
