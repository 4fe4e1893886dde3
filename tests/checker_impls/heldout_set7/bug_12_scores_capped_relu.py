import numpy as np


def activation(x, upper=6.0):
    return np.clip(x, 0.0, upper)


def activation_grad(x):
    return (x > 0).astype(x.dtype)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        prm = self.params
        u = X @ prm["W1"] + prm["b1"]
        v = activation(u)
        scores = v @ prm["W2"] + prm["b2"]
        if y is None:
            return scores

        n = X.shape[0]
        centered = scores - scores.max(axis=1, keepdims=True)
        log_sum = np.log(np.sum(np.exp(centered), axis=1, keepdims=True))
        log_p = centered - log_sum
        data_loss = -np.mean(log_p[np.arange(n), y])
        reg_loss = reg * sum(np.sum(prm[w] ** 2) for w in ("W1", "W2"))

        g = np.exp(log_p)
        g[np.arange(n), y] -= 1
        g /= n
        gv = g @ prm["W2"].T
        gu = gv * activation_grad(u)
        grads = {
            "W2": v.T @ g + 2 * reg * prm["W2"],
            "b2": g.sum(axis=0),
            "W1": X.T @ gu + 2 * reg * prm["W1"],
            "b1": gu.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[batch], y=y[batch], reg=reg)
            history["loss_history"].append(loss)
            self.params = {k: v - learning_rate * grads[k] for k, v in self.params.items()}
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            at_boundary = it % iterations_per_epoch == 0
            if at_boundary:
                history["train_acc_history"].append(np.mean(self.predict(X[batch]) == y[batch]))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
