import numpy as np

WEIGHTS = ("W1", "W2")
ORDER = ("W1", "b1", "W2", "b2")


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ORDER}
        return net

    def penalty(self, reg):
        return reg * sum(np.linalg.norm(self.params[w]) for w in WEIGHTS)

    def penalty_grads(self, reg):
        return {w: 2 * reg * self.params[w] for w in WEIGHTS}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ORDER)
        h_lin = X.dot(W1) + b1
        h = np.maximum(0, h_lin)
        scores = h.dot(W2) + b2
        if y is None:
            return scores

        N = len(y)
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y]) + self.penalty(reg)

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dh = dscores.dot(W2.T)
        dh[h_lin <= 0] = 0
        grads = {"W1": X.T.dot(dh), "b1": dh.sum(axis=0),
                 "W2": h.T.dot(dscores), "b2": dscores.sum(axis=0)}
        for w, g in self.penalty_grads(reg).items():
            grads[w] += g
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out["loss_history"].append(loss)
            for k in ORDER:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
