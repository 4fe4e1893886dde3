import numpy as np


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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        hidden_raw = X.dot(p["W1"]) + p["b1"]
        hidden = hidden_raw.clip(min=0)
        scores = hidden.dot(p["W2"]) + p["b2"]
        if y is None:
            return scores
        m = len(X)
        s = scores - scores.max(axis=1, keepdims=True)
        log_den = np.log(np.exp(s).sum(axis=1, keepdims=True))
        logp = s - log_den
        loss = -np.sum(logp[np.arange(m), y]) / m
        loss += reg * (np.square(p["W1"]).sum() + np.square(p["W2"]).sum())
        grad_s = np.exp(logp)
        grad_s[np.arange(m), y] -= 1
        grad_s /= m
        grad_h = grad_s.dot(p["W2"].T) * (hidden_raw > 0)
        grads = {
            "W1": X.T.dot(grad_h) + 2 * reg * p["W1"],
            "b1": grad_h.sum(axis=0),
            "W2": hidden.T.dot(grad_s) + 2 * reg * p["W2"],
            "b2": grad_s.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        params = dict(self.params)
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            params = {k: v - learning_rate * grads[k] for k, v in params.items()}
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        self.params = params
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
