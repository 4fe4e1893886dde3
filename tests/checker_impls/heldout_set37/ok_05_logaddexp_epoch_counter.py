import numpy as np


class TwoLayerNet:
    """Softmax via np.logaddexp.reduce; the learning rate is recomputed from an epoch counter."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict.fromkeys(("W1", "b1", "W2", "b2"))
        self.params["W1"] = std * np.random.standard_normal((input_size, hidden_size))
        self.params["W2"] = std * np.random.standard_normal((hidden_size, output_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.asarray(params[key], dtype=np.float64).copy() for key in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, ("W1", "b1", "W2", "b2"))
        X = np.asarray(X, dtype=np.float64)
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        act = pre * (pre > 0)
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores

        y = np.asarray(y).astype(int)
        n = len(y)
        log_z = np.logaddexp.reduce(scores, axis=1)
        data_loss = np.mean(log_z - scores[np.arange(n), y])
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        g_scores = np.exp(scores - log_z[:, None])
        g_scores[np.arange(n), y] -= 1
        g_scores /= n
        g_pre = np.einsum("nc,hc->nh", g_scores, W2) * (pre > 0)
        grads = dict(
            W2=np.einsum("nh,nc->hc", act, g_scores) + 2 * reg * W2,
            b2=np.einsum("nc->c", g_scores),
            W1=np.einsum("nd,nh->dh", X, g_pre) + 2 * reg * W1,
            b1=np.einsum("nh->h", g_pre),
        )
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        base_rate = learning_rate
        epochs_done = 0
        n_train = X.shape[0]
        epoch_length = max(n_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        for it in range(num_iters):
            rate = base_rate * learning_rate_decay ** epochs_done
            rows = np.random.choice(n_train, batch_size)
            loss, grads = self.loss(X[rows], y[rows], reg=reg)
            losses.append(loss)
            for key in grads:
                self.params[key] -= rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % epoch_length == 0:
                train_accs.append(np.mean(self.predict(X[rows]) == y[rows]))
                val_accs.append(np.mean(self.predict(X_val) == y_val))
                epochs_done += 1
        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        scores = self.loss(X)
        return (scores == scores.max(axis=1, keepdims=True)).argmax(axis=1)
