import numpy as np


def one_hot(labels):
    return np.eye(labels.max() + 1)[labels]


def log_softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


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
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        a1 = X @ W1 + b1
        h1 = np.maximum(a1, 0)
        scores = h1 @ W2 + b2
        if y is None:
            return scores

        N = X.shape[0]
        Y = one_hot(y)
        logp = log_softmax(scores)
        data_loss = -np.sum(Y * logp) / N
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = (np.exp(logp) - Y) / N
        da1 = (dscores @ W2.T) * (a1 > 0)
        grads = {"W1": X.T @ da1 + 2 * reg * W1, "b1": da1.sum(axis=0),
                 "W2": h1.T @ dscores + 2 * reg * W2, "b2": dscores.sum(axis=0)}
        return loss, grads

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
