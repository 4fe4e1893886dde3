import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w_in = std * np.random.standard_normal((input_size, hidden_size))
        w_out = std * np.random.standard_normal((hidden_size, output_size))
        self.params = dict(W1=w_in, b1=np.zeros(hidden_size),
                           W2=w_out, b2=np.zeros(output_size))

    def _forward(self, X):
        p = self.params
        pre = np.einsum("nd,dh->nh", X, p["W1"]) + p["b1"]
        hid = np.maximum(pre, 0.0)
        out = np.einsum("nh,hc->nc", hid, p["W2"]) + p["b2"]
        return pre, hid, out

    def loss(self, X, y=None, reg=0.0):
        pre, hid, out = self._forward(X)
        if y is None:
            return out

        num, classes = out.shape
        target = np.eye(classes)[y]
        top = out.max(axis=1, keepdims=True)
        lse = top + np.log(np.exp(out - top).sum(axis=1, keepdims=True))
        logp = out - lse
        data_term = -np.einsum("nc,nc->", target, logp) / num
        W1, W2 = self.params["W1"], self.params["W2"]
        penalty = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        g_out = (np.exp(logp) - target) / num
        g_hid = np.einsum("nc,hc->nh", g_out, W2)
        g_pre = g_hid * (pre > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, g_pre) + 2 * reg * W1,
            "b1": np.einsum("nh->h", g_pre),
            "W2": np.einsum("nh,nc->hc", hid, g_out) + 2 * reg * W2,
            "b2": np.einsum("nc->c", g_out),
        }
        return data_term + penalty, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        total = len(X)
        epoch_len = max(total // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        step = learning_rate
        for it in range(num_iters):
            sel = np.random.choice(total, batch_size)
            xb = X[sel]
            yb = y[sel]
            value, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(value)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] = self.params[name] - step * grads[name]
            if verbose and not it % 100:
                print(f"iteration {it} / {num_iters}: loss {value:f}")
            if not it % epoch_len:
                train_accs.append(np.count_nonzero(self.predict(xb) == yb) / len(yb))
                val_accs.append(np.count_nonzero(self.predict(X_val) == y_val) / len(y_val))
                step = step * learning_rate_decay
        return {"loss_history": losses, "train_acc_history": train_accs,
                "val_acc_history": val_accs}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
