"""Port of a small PyTorch MLP.  Weights are drawn the way nn.Linear lays them out
((out_features, in_features)) and transposed once so that the maths below is x @ W."""
import numpy as np


def _linear_weight(in_features, out_features, std):
    # torch: weight has shape (out_features, in_features)
    w = std * np.random.randn(out_features, in_features)
    return np.ascontiguousarray(w.T)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = _linear_weight(input_size, hidden_size, std)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = _linear_weight(hidden_size, output_size, std)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def forward(self, X):
        p = self.params
        pre = X @ p["W1"] + p["b1"]
        hid = np.maximum(pre, 0.0)
        return pre, hid, hid @ p["W2"] + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        pre, hid, logits = self.forward(X)
        if y is None:
            return logits
        p = self.params
        n = X.shape[0]
        z = logits - logits.max(axis=1, keepdims=True)
        log_sm = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -log_sm[np.arange(n), y].mean() + reg * ((p["W1"] ** 2).sum() + (p["W2"] ** 2).sum())

        g_logits = np.exp(log_sm)
        g_logits[np.arange(n), y] -= 1.0
        g_logits /= n
        g_pre = (g_logits @ p["W2"].T) * (pre > 0)
        grads = {
            "W2": hid.T @ g_logits + 2.0 * reg * p["W2"],
            "b2": g_logits.sum(axis=0),
            "W1": X.T @ g_pre + 2.0 * reg * p["W1"],
            "b1": g_pre.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        steps_per_epoch = max(n // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, yb, reg=reg)
            hist["loss_history"].append(loss)
            for name, g in grads.items():
                self.params[name] -= lr * g
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {loss:f}")
            if it % steps_per_epoch == 0:
                hist["train_acc_history"].append(np.mean(self.predict(xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.forward(X)[2].argmax(axis=1)
