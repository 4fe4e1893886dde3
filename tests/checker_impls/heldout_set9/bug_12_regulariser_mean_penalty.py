import numpy as np


def l2_penalty(W, reg):
    """Weight decay term and its gradient."""
    return reg * np.mean(W * W), 2.0 * reg * W / W.size


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]
        hidden_pre = np.dot(X, W1) + b1
        hidden = np.where(hidden_pre > 0, hidden_pre, 0.0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        n = X.shape[0]
        z = scores - np.max(scores, axis=1, keepdims=True)
        log_p = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        loss = -np.mean(log_p[np.arange(n), y])
        pen1, gpen1 = l2_penalty(W1, reg)
        pen2, gpen2 = l2_penalty(W2, reg)
        loss += pen1 + pen2

        dz = np.exp(log_p)
        dz[np.arange(n), y] -= 1
        dz /= n
        dW2 = np.dot(hidden.T, dz) + gpen2
        db2 = np.sum(dz, axis=0)
        dh = np.dot(dz, W2.T)
        dh[hidden_pre <= 0] = 0
        dW1 = np.dot(X.T, dh) + gpen1
        db1 = np.sum(dh, axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

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
            for k, g in grads.items():
                self.params[k] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
