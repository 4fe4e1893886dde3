"""TwoLayerNet in einsum notation, with minibatches from a generator and the
learning rate rebuilt every iteration from an epoch counter.

The notebook decays the rate after the update of every iteration t with
t % iterations_per_epoch == 0 (t = 0 included), so iteration t runs at
learning_rate * decay ** (number of such boundaries before t), i.e. ceil(t / ipe).
"""
import numpy as np


def minibatches(num_train, batch_size):
    while True:
        yield np.random.choice(num_train, batch_size)


def sgd(w, dw, config):
    return w - config["learning_rate"] * dw, config


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @staticmethod
    def _scores(X, W1, b1, W2, b2):
        z = np.einsum("nd,dh->nh", X, W1) + b1
        h = np.maximum(z, 0.0)
        return np.einsum("nh,hc->nc", h, W2) + b2, (z, h)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        scores, (z, h) = self._scores(X, W1, b1, W2, b2)
        if y is None:
            return scores

        N = X.shape[0]
        s = scores - scores.max(axis=1)[:, None]
        p = np.exp(s)
        p /= p.sum(axis=1)[:, None]
        loss = -np.log(p[np.arange(N), y]).mean()
        loss += reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        ds = p
        ds[np.arange(N), y] -= 1.0
        ds /= N
        dh = np.einsum("nc,hc->nh", ds, W2)
        dz = dh * (z > 0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, dz) + 2 * reg * W1,
            "b1": np.einsum("nh->h", dz),
            "W2": np.einsum("nh,nc->hc", h, ds) + 2 * reg * W2,
            "b2": np.einsum("nc->c", ds),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        batches = minibatches(num_train, batch_size)
        self.epoch = 0
        loss_history, train_acc_history, val_acc_history = [], [], []

        for t in range(num_iters):
            idx = next(batches)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            loss_history.append(loss)

            config = {"learning_rate": learning_rate}
            for _ in range(self.epoch):
                config["learning_rate"] *= learning_rate_decay
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name], config = sgd(self.params[name], grads[name], config)

            if verbose and t % 100 == 0:
                print("iteration %d / %d: loss %f" % (t, num_iters, loss))
            if t % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
            self.epoch += 1

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
