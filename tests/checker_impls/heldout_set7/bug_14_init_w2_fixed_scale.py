import numpy as np

WEIGHT_SCALE = 1e-4


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=WEIGHT_SCALE):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = WEIGHT_SCALE * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, ("W1", "b1", "W2", "b2"))
        n = X.shape[0]
        z = np.dot(X, W1) + b1
        r = np.maximum(z, 0)
        out = np.dot(r, W2) + b2
        if y is None:
            return out

        shifted = out - out.max(1, keepdims=True)
        logsum = np.log(np.exp(shifted).sum(1, keepdims=True))
        logprob = shifted - logsum
        loss = -logprob[np.arange(n), y].mean()
        loss += reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        dout = np.exp(logprob)
        dout[np.arange(n), y] -= 1
        dout /= n
        dr = np.dot(dout, W2.T)
        dz = np.where(z > 0, dr, 0.0)
        grads = dict(
            W1=np.dot(X.T, dz) + 2 * reg * W1,
            b1=dz.sum(0),
            W2=np.dot(r.T, dout) + 2 * reg * W2,
            b2=dout.sum(0),
        )
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        plan = [np.random.choice(num_train, batch_size) for _ in range(num_iters)]
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        for it, idx in enumerate(plan):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                np.subtract(self.params[name], lr * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch:
                continue
            train_acc_history.append(float(np.mean(self.predict(X_batch) == y_batch)))
            val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
            lr *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
