import numpy as np


def forward(params, X):
    hidden_in = X @ params["W1"] + params["b1"]
    hidden = np.maximum(hidden_in, 0)
    return hidden_in, hidden, hidden @ params["W2"] + params["b2"]


def cross_entropy(scores, y):
    n = len(y)
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    d = np.exp(log_p)
    d[np.arange(n), y] -= 1
    return -log_p[np.arange(n), y].mean(), d / n


def l2(params):
    return np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2)


def backward(params, X, hidden_in, hidden, dscores):
    dhidden = dscores @ params["W2"].T
    dhidden[hidden_in <= 0] = 0
    return {"W1": X.T @ dhidden, "b1": dhidden.sum(axis=0),
            "W2": hidden.T @ dscores, "b2": dscores.sum(axis=0)}


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
        hidden_in, hidden, scores = forward(self.params, X)
        if y is None:
            return scores
        value, dscores = cross_entropy(scores, y)
        value += reg * l2(self.params)
        grads = backward(self.params, X, hidden_in, hidden, dscores)
        grads["W1"] += 2 * reg * self.params["W1"]
        grads["W2"] += 2 * reg * self.params["W2"]
        return value, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k, param in self.params.items():
                step = grads[k]
                if k.startswith("W"):
                    step = step + reg * param
                param -= learning_rate * step
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
