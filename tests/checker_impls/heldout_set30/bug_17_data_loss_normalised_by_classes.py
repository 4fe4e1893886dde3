import numpy as np


class TwoLayerNet:
    """Two-layer net written with einsum, take_along_axis and a minibatch generator."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = len(X)
        z1 = np.einsum("nd,dh->nh", X, W1) + b1
        h1 = np.where(z1 > 0, z1, 0.0)
        scores = np.einsum("nh,hc->nc", h1, W2) + b2
        if y is None:
            return scores

        batch = scores.shape[-1]
        m = scores.max(axis=1, keepdims=True)
        log_probs = scores - (m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True)))
        probs = np.exp(log_probs)
        data_loss = -np.take_along_axis(log_probs, y[:, None], axis=1).sum() / batch
        reg_loss = reg * sum(np.einsum("ij,ij->", W, W) for W in (W1, W2))
        loss = data_loss + reg_loss

        dscores = probs.copy()
        rows = y[:, None]
        np.put_along_axis(dscores, rows, np.take_along_axis(dscores, rows, axis=1) - 1.0, axis=1)
        dscores /= batch

        dW2 = np.einsum("nh,nc->hc", h1, dscores)
        db2 = dscores.sum(axis=0)
        dh1 = np.einsum("nc,hc->nh", dscores, W2)
        dz1 = np.where(z1 > 0, dh1, 0.0)
        dW1 = np.einsum("nd,nh->dh", X, dz1)
        db1 = dz1.sum(axis=0)
        dW1 = dW1 + 2 * reg * W1
        dW2 = dW2 + 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        def batches():
            while True:
                idx = np.random.choice(num_train, batch_size)
                yield X.take(idx, axis=0), y.take(idx)

        stream = batches()
        for it in range(num_iters):
            X_batch, y_batch = next(stream)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for name, param in self.params.items():
                np.subtract(param, learning_rate * grads[name], out=param)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=-1)
