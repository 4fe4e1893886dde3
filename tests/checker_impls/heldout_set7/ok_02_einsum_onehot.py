import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = np.random.randn(input_size, hidden_size)
        second = np.random.randn(hidden_size, output_size)
        self.params = dict(W1=first * std, b1=np.zeros(hidden_size),
                           W2=second * std, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = np.einsum("nd,dh->nh", X, W1, optimize=True) + b1
        act = np.where(pre > 0, pre, 0.0)
        scores = np.einsum("nh,hc->nc", act, W2, optimize=True) + b2
        if y is None:
            return scores

        n = scores.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_prob = shifted - np.log(np.einsum("nc->n", np.exp(shifted)))[:, None]
        onehot = np.eye(W2.shape[1])[y]
        data_loss = -np.einsum("nc,nc->", onehot, log_prob) / n
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        d_scores = (np.exp(log_prob) - onehot) / n
        d_act = np.einsum("nc,hc->nh", d_scores, W2, optimize=True)
        d_pre = np.where(pre > 0, d_act, 0.0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, d_pre, optimize=True) + 2 * reg * W1,
            "b1": np.einsum("nh->h", d_pre),
            "W2": np.einsum("nh,nc->hc", act, d_scores, optimize=True) + 2 * reg * W2,
            "b2": np.einsum("nc->c", d_scores),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        per_epoch = max(num_train // batch_size, 1)
        losses, train_acc, val_acc = [], [], []
        rate = learning_rate
        for it in range(num_iters):
            rows = np.random.randint(0, num_train, batch_size)
            xb, yb = X[rows], y[rows]
            value, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(value)
            self.params = {k: v - rate * grads[k] for k, v in self.params.items()}
            if verbose and not it % 100:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if not it % per_epoch:
                train_acc.append(float(np.mean(self.predict(xb) == yb)))
                val_acc.append(float(np.mean(self.predict(X_val) == y_val)))
                rate *= learning_rate_decay
        return {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc}

    def predict(self, X):
        return self.loss(X).argmax(axis=-1)
