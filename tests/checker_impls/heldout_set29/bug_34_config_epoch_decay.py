import numpy as np

# One entry per fully connected layer, in forward order.
LAYERS = (
    {"weight": "W1", "bias": "b1", "activation": "relu"},
    {"weight": "W2", "bias": "b2", "activation": None},
)

HISTORY_KEYS = ("loss_history", "train_acc_history", "val_acc_history")


class TwoLayerNet:
    """Two-layer net whose forward, backward and update loops are driven by LAYERS."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = (input_size, hidden_size, output_size)
        self.params = {}
        for i, spec in enumerate(LAYERS):
            self.params[spec["weight"]] = std * np.random.randn(sizes[i], sizes[i + 1])
            self.params[spec["bias"]] = np.zeros(sizes[i + 1])

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for spec in LAYERS for name in (spec["weight"], spec["bias"])}
        return net

    def _forward(self, X):
        caches = []
        out = X
        for spec in LAYERS:
            W, b = self.params[spec["weight"]], self.params[spec["bias"]]
            pre = out @ W + b
            caches.append((out, pre))
            out = np.maximum(pre, 0) if spec["activation"] == "relu" else pre
        return out, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self._forward(X)
        if y is None:
            return scores

        n = X.shape[0]
        rows = np.arange(n)
        z = scores - scores.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_probs[rows, y].mean()
        for spec in LAYERS:
            W = self.params[spec["weight"]]
            loss += reg * np.sum(W * W)

        grads = {}
        dout = np.exp(log_probs)
        dout[rows, y] -= 1
        dout /= n
        for spec, (inp, pre) in zip(reversed(LAYERS), reversed(caches)):
            if spec["activation"] == "relu":
                dout = dout * (pre > 0)
            W = self.params[spec["weight"]]
            grads[spec["weight"]] = inp.T @ dout + 2 * reg * W
            grads[spec["bias"]] = dout.sum(axis=0)
            dout = dout @ W.T
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {key: [] for key in HISTORY_KEYS}

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                epoch = it // iterations_per_epoch + 1
                learning_rate *= learning_rate_decay ** epoch

        return history

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
