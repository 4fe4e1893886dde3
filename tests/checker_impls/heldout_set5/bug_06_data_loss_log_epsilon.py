import numpy as np


def affine(x, W, b):
    return x.dot(W) + b


def softmax(s):
    s = s - np.max(s, axis=1, keepdims=True)
    e = np.exp(s)
    return e / np.sum(e, axis=1, keepdims=True)


def cross_entropy(probs, y):
    n = probs.shape[0]
    return -np.mean(np.log(probs[np.arange(n), y] + 1e-8))


def l2(*weights):
    return sum(np.sum(w * w) for w in weights)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]
        z1 = affine(X, W1, b1)
        h1 = np.maximum(0, z1)
        scores = affine(h1, W2, b2)
        if y is None:
            return scores

        N = X.shape[0]
        probs = softmax(scores)
        loss = cross_entropy(probs, y) + reg * l2(W1, W2)

        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {
            "W2": h1.T.dot(dscores) + 2 * reg * W2,
            "b2": dscores.sum(axis=0),
        }
        dz1 = dscores.dot(W2.T) * (z1 > 0)
        grads["W1"] = X.T.dot(dz1) + 2 * reg * W1
        grads["b1"] = dz1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            hist["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hist["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
