import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.normal(0.0, std, size=(input_size, hidden_size))
        W2 = np.random.normal(0.0, std, size=(hidden_size, output_size))
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        act = np.where(pre > 0, pre, 0.0)
        scores = np.einsum("nh,hc->nc", act, W2) + b2
        if y is None:
            return scores

        n, c = scores.shape
        target = np.zeros((n, c))
        target[np.arange(n), y] = 1.0
        top = scores.max(axis=1, keepdims=True)
        log_q = (scores - top) - np.log(np.einsum("nc->n", np.exp(scores - top)))[:, None]
        data_loss = -np.einsum("nc,nc->", target, log_q) / n
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        d_scores = (np.exp(log_q) - target) / n
        d_act = np.einsum("nc,hc->nh", d_scores, W2)
        d_pre = np.where(pre > 0, d_act, 0.0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, d_pre) + 2 * reg * W1,
            "b1": np.einsum("nh->h", d_pre),
            "W2": np.einsum("nh,nc->hc", act, d_scores) + 2 * reg * W2,
            "b2": np.einsum("nc->c", d_scores),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        rate = learning_rate
        for it in range(num_iters):
            rows = np.random.randint(0, num_train, batch_size)
            Xb, yb = X[rows], y[rows]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k in ("W1", "b1", "W2", "b2"):
                self.params[k] = self.params[k] - rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                rate = rate * learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
