import numpy as np


def affine_forward(x, w, b):
    """y = x w + b, with the cache the backward pass needs."""
    return x.dot(w) + b, (x, w)


def affine_backward(dout, cache):
    """Gradients of an affine layer: (dx, dw, db)."""
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_cross_entropy(scores, y):
    """Mean softmax cross-entropy over the batch and its gradient w.r.t. the scores."""
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_probs = shifted - log_norm
    loss = -log_probs[np.arange(n), y].sum() / n
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1
    return loss, dscores / n


def l2_penalty(reg, *weights):
    return reg * sum(np.sum(w ** 2) for w in weights)


def l2_grad(reg, w):
    return 2 * reg * w


def sample_batch(X, y, batch_size):
    idx = np.random.choice(X.shape[0], batch_size)
    return X[idx], y[idx]


def sgd_step(params, grads, lr):
    for name, g in grads.items():
        params[name] -= lr * g


def accuracy(pred, labels):
    return (pred == labels).mean()


class TwoLayerNet:
    """Two-layer net assembled from small layer helper functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size),
                       "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        a1, fc1_cache = affine_forward(X, p["W1"], p["b1"])
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, p["W2"], p["b2"])
        return scores, (fc1_cache, relu_cache, fc2_cache)

    def loss(self, X, y=None, reg=0.0):
        scores, (fc1_cache, relu_cache, fc2_cache) = self._forward(X)
        if y is None:
            return scores

        W1, W2 = self.params["W1"], self.params["W2"]
        data_loss, dscores = softmax_cross_entropy(scores, y)
        loss = data_loss + l2_penalty(reg, W1, W2)

        dh1, dW2, db2 = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, dW1, db1 = affine_backward(da1, fc1_cache)
        dW1 += l2_grad(reg, W1)
        dW2 += l2_grad(reg, W2)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        if not hasattr(self, "learning_rate_"):
            self.learning_rate_ = learning_rate

        for it in range(num_iters):
            X_batch, y_batch = sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            sgd_step(self.params, grads, self.learning_rate_)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                self.learning_rate_ *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores, _ = self._forward(X)
        return scores.argmax(axis=1)
