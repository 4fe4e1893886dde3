import numpy as np

EPS = 1e-7


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _scores(self, X):
        p = self.params
        z = X @ p["W1"] + p["b1"]
        h = np.maximum(z, 0.0)
        return z, h, h @ p["W2"] + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        z, h, scores = self._scores(X)
        if y is None:
            return scores
        W1, W2 = self.params["W1"], self.params["W2"]
        n, c = scores.shape
        onehot = np.zeros((n, c))
        onehot[np.arange(n), y] = 1.0

        e = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = e / e.sum(axis=1, keepdims=True)
        safe = np.clip(probs, EPS, 1.0 - EPS)
        data_loss = -np.sum(onehot * np.log(safe)) / n
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        g = (probs - onehot) / n
        dW2 = h.T @ g + 2 * reg * W2
        db2 = g.sum(axis=0)
        gz = (g @ W2.T) * (z > 0)
        dW1 = X.T @ gz + 2 * reg * W1
        db1 = gz.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        ipe = max(N // batch_size, 1)
        losses, tr_acc, va_acc = [], [], []
        for it in range(num_iters):
            b = np.random.choice(N, batch_size)
            Xb, yb = X[b], y[b]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            losses.append(loss)
            for k, v in self.params.items():
                v -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % ipe == 0:
                tr_acc.append(np.mean(self.predict(Xb) == yb))
                va_acc.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": losses, "train_acc_history": tr_acc, "val_acc_history": va_acc}

    def predict(self, X):
        return self._scores(X)[2].argmax(axis=1)
