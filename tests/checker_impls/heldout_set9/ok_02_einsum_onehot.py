import numpy as np


def log_softmax(s):
    z = s - s.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        act = np.where(pre > 0, pre, 0.0)
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores

        n, c = scores.shape
        onehot = np.eye(c)[y]
        lp = log_softmax(scores)
        data = -np.einsum("nc,nc->n", onehot, lp).mean()
        penalty = reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))

        dS = (np.exp(lp) - onehot) / n
        dW2 = np.einsum("nh,nc->hc", act, dS) + 2 * reg * W2
        db2 = np.einsum("nc->c", dS)
        dpre = np.einsum("nc,hc->nh", dS, W2) * (pre > 0)
        dW1 = np.einsum("nd,nh->dh", X, dpre) + 2 * reg * W1
        db1 = np.einsum("nh->h", dpre)
        return data + penalty, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        losses, train_acc, val_acc = [], [], []
        rate = learning_rate
        for it in range(num_iters):
            pick = np.random.choice(n, batch_size)
            xb, yb = X[pick], y[pick]
            value, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(value)
            self.params.update({k: v - rate * grads[k] for k, v in self.params.items()})
            if verbose and it % 100 == 0:
                print(f"iteration {it} / {num_iters}: loss {value:f}")
            if it % per_epoch == 0:
                train_acc.append(np.mean(self.predict(xb) == yb))
                val_acc.append(np.mean(self.predict(X_val) == y_val))
                rate *= learning_rate_decay
        return {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
