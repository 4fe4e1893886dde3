import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        w_in = std * np.random.randn(input_size, hidden_size)
        w_out = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": w_in, "b1": np.zeros(hidden_size),
                       "W2": w_out, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        w_in, b_in = self.params["W1"], self.params["b1"]
        w_out, b_out = self.params["W2"], self.params["b2"]
        batch = X.shape[0]

        pre = X @ w_in + b_in
        post = np.maximum(pre, 0)
        logits = post @ w_out + b_out
        if y is None:
            return logits

        logits_c = logits - logits.max(axis=1)[:, None]
        log_norm = np.log(np.exp(logits_c).sum(axis=1))[:, None]
        log_soft = logits_c - log_norm
        ce = -log_soft[np.arange(batch), y].mean()
        l2 = reg * (np.sum(w_in ** 2) + np.sum(w_in ** 2))
        total = ce + l2

        g_logits = np.exp(log_soft)
        g_logits[np.arange(batch), y] -= 1
        g_logits /= batch
        g_w_out = post.T @ g_logits + 2 * reg * w_out
        g_b_out = g_logits.sum(axis=0)
        g_post = g_logits @ w_out.T
        g_pre = g_post * (pre > 0)
        g_w_in = X.T @ g_pre + 2 * reg * w_in
        g_b_in = g_pre.sum(axis=0)

        return total, {"W1": g_w_in, "b1": g_b_in, "W2": g_w_out, "b2": g_b_out}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            pick = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[pick], y[pick]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
