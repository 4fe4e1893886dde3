import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))

        pre = np.einsum("nd,dh->nh", X, W1) + b1
        hid = np.maximum(pre, 0.0)
        scores = np.einsum("nh,hc->nc", hid, W2) + b2
        if y is None:
            return scores

        n = scores.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.einsum("nc->n", np.exp(shifted)))[:, None]
        data_loss = -np.einsum("n->", logp[rows, y]) / n
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        g_scores = np.exp(logp)
        g_scores[rows, y] -= 1.0
        g_scores /= n

        g_W2 = np.einsum("nh,nc->hc", hid, g_scores) + 2 * reg * W2
        g_b2 = np.einsum("nc->c", g_scores)
        g_pre = np.einsum("nc,hc->nh", g_scores, W2) * (pre > 0)
        g_W1 = np.einsum("nh,nd->hd", g_pre, X).reshape(W1.shape) + 2 * reg * W1
        g_b1 = np.einsum("nh->h", g_pre)
        return data_loss + reg_loss, {"W1": g_W1, "b1": g_b1, "W2": g_W2, "b2": g_b2}

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

            for k in self.params:
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
