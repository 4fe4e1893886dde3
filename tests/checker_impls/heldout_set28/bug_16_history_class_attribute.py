"""Two-layer net built from small module-level functions."""

import numpy as np


def affine_forward(x, w, b):
    return x.dot(w) + b


def affine_backward(dout, x, w):
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x)


def relu_backward(dout, x):
    return dout * (x > 0)


def softmax_loss(scores, y):
    N = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -np.mean(log_probs[np.arange(N), y])
    dscores = np.exp(log_probs)
    dscores[np.arange(N), y] -= 1
    dscores /= N
    return loss, dscores


def l2_penalty(reg, *weights):
    return reg * sum(np.sum(w * w) for w in weights)


def sample_batch(X, y, batch_size):
    idx = np.random.choice(X.shape[0], batch_size)
    return X[idx], y[idx]


def sgd_step(params, grads, learning_rate):
    for name in params:
        params[name] -= learning_rate * grads[name]


def accuracy(predicted, labels):
    return np.mean(predicted == labels)


class TwoLayerNet:
    """Two-layer classifier; the maths lives in the helper functions above."""

    history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=np.random.normal(scale=std, size=(input_size, hidden_size)),
            b1=np.zeros(hidden_size),
            W2=np.random.normal(scale=std, size=(hidden_size, output_size)),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = affine_forward(X, W1, b1)
        h1 = relu_forward(z1)
        scores = affine_forward(h1, W2, b2)
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + l2_penalty(reg, W1, W2)

        dh1, dW2, db2 = affine_backward(dscores, h1, W2)
        dz1 = relu_backward(dh1, z1)
        _, dW1, db1 = affine_backward(dz1, X, W1)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = self.history["loss_history"]
        train_acc_history = self.history["train_acc_history"]
        val_acc_history = self.history["val_acc_history"]

        for it in range(num_iters):
            X_batch, y_batch = sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            sgd_step(self.params, grads, learning_rate)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                learning_rate *= learning_rate_decay

        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
