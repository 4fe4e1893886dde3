import numpy as np


def logsumexp(a):
    m = np.max(a, axis=1, keepdims=True)
    return np.log(np.sum(np.exp(a - m), axis=1))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = X @ W1 + b1
        a1 = np.maximum(0, z1)
        scores = a1 @ W2 + b2
        if y is None:
            return scores

        n = X.shape[0]
        lse = logsumexp(scores)
        correct = scores[np.arange(n), y]
        data_loss = np.mean(lse - correct)
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        probs[np.arange(n), y] -= 1
        dscores = probs / n
        da1 = dscores @ W2.T
        dz1 = da1 * (z1 > 0)
        grads = {
            "W1": X.T @ dz1 + 2 * reg * W1,
            "b1": dz1.sum(axis=0),
            "W2": a1.T @ dscores + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        iters_per_epoch = max(N // batch_size, 1)
        loss_hist, train_hist, val_hist = [], [], []
        for it in range(num_iters):
            b = np.random.choice(N, batch_size)
            Xb, yb = X[b], y[b]
            l, g = self.loss(Xb, y=yb, reg=reg)
            loss_hist.append(l)
            for k in g:
                self.params[k] -= learning_rate * g[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, l))
            if it % iters_per_epoch == 0:
                train_hist.append(np.mean(self.predict(Xb) == yb))
                val_hist.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_hist, "train_acc_history": train_hist, "val_acc_history": val_hist}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
