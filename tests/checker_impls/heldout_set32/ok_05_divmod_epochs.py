import numpy as np


class TwoLayerNet:
    """Two-layer net with loop-based bookkeeping (divmod epochs, per-example loss loop)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.standard_normal((input_size, hidden_size)) * std
        W2 = np.random.standard_normal((hidden_size, output_size)) * std
        self.params = {"W1": W1, "b1": np.zeros(hidden_size)}
        self.params.update(W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in ("W1", "b1", "W2", "b2"):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        hidden_in = X @ W1 + b1
        active = hidden_in > 0
        hidden = np.where(active, hidden_in, 0.0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        N = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_norm = np.log(np.exp(shifted).sum(axis=1))
        total = 0.0
        for i in range(N):
            total += log_norm[i] - shifted[i, y[i]]
        loss = total / N
        if reg != 0:
            loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        probs = np.exp(shifted - log_norm[:, None])
        probs[np.arange(N), y] -= 1.0
        dscores = probs / N
        dhidden = (dscores @ W2.T) * active
        grads = {"W1": X.T @ dhidden, "b1": dhidden.sum(axis=0),
                 "W2": hidden.T @ dscores, "b2": dscores.sum(axis=0)}
        if reg != 0:
            grads["W1"] = grads["W1"] + 2 * reg * W1
            grads["W2"] = grads["W2"] + 2 * reg * W2
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out["loss_history"].append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            epoch, offset = divmod(it, iterations_per_epoch)
            if offset == 0:
                out["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=-1)
