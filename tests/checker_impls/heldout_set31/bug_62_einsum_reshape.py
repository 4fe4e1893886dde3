import numpy as np

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def iterate_minibatches(num_train, batch_size, num_iters):
    """Yield (iteration, indices) pairs, drawing each batch lazily with replacement."""
    for it in range(num_iters):
        yield it, np.random.choice(num_train, batch_size)


class TwoLayerNet:
    """Two-layer network written with np.einsum for every contraction.

    Index letters: n = example, d = input feature, h = hidden unit, c = class.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size) * std
        W2 = np.random.randn(hidden_size, output_size) * std
        self.params = dict(zip(PARAM_NAMES, (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {name: np.asarray(params[name], dtype=np.float64).copy() for name in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in PARAM_NAMES)
        N = X.shape[0]

        z1 = np.einsum("nd,dh->nh", X, W1) + b1
        h1 = np.maximum(z1, 0)
        scores = np.einsum("nh,hc->nc", h1, W2) + b2
        if y is None:
            return scores

        shifted = scores - scores.max(axis=1)[:, None]
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1))[:, None]
        rows = np.arange(N)
        data_loss = -log_probs[rows, y].sum() / N
        reg_loss = reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))
        loss = data_loss + reg_loss

        dscores = np.exp(log_probs)
        dscores[rows, y] -= 1
        dscores /= N

        dW2 = np.einsum("nc,nh->ch", dscores, h1).reshape(W2.shape) + 2 * reg * W2
        db2 = np.einsum("nc->c", dscores)
        dh1 = np.einsum("nc,hc->nh", dscores, W2)
        dz1 = dh1 * (z1 > 0)
        dW1 = np.einsum("nd,nh->dh", X, dz1) + 2 * reg * W1
        db1 = np.einsum("nh->h", dz1)

        return loss, dict(zip(PARAM_NAMES, (dW1, db1, dW2, db2)))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it, idx in iterate_minibatches(num_train, batch_size, num_iters):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in PARAM_NAMES:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.einsum("nc->nc", self.loss(X)).argmax(axis=1)
