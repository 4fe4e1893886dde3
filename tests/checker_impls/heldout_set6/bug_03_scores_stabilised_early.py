import numpy as np


class TwoLayerNet:
    """Two-layer fully connected net: affine - relu - affine - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ("W1", "b1", "W2", "b2")}
        return obj

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = len(X)

        pre = np.dot(X, p["W1"]) + p["b1"]
        hid = np.maximum(pre, 0.0)
        scores = np.dot(hid, p["W2"]) + p["b2"]
        # keep exp() in range
        scores -= np.amax(scores, axis=1, keepdims=True)

        if y is None:
            return scores

        expd = np.exp(scores)
        denom = np.sum(expd, axis=1, keepdims=True)
        log_probs = scores - np.log(denom)
        rows = np.arange(N)
        data_loss = -np.sum(log_probs[rows, y]) / N
        reg_loss = reg * (np.sum(np.square(p["W1"])) + np.sum(np.square(p["W2"])))
        loss = data_loss + reg_loss

        dscores = expd / denom
        dscores[rows, y] -= 1.0
        dscores /= N

        grads = {}
        grads["W2"] = np.dot(hid.T, dscores) + 2.0 * reg * p["W2"]
        grads["b2"] = np.sum(dscores, axis=0)
        dhid = np.dot(dscores, p["W2"].T)
        dhid[pre <= 0] = 0.0
        grads["W1"] = np.dot(X.T, dhid) + 2.0 * reg * p["W1"]
        grads["b1"] = np.sum(dhid, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            Xb, yb = X[batch], y[batch]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return stats

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
