import numpy as np


# ---------------------------------------------------------------------------
# Small building blocks (same spirit as layers.py from the later assignment)
# ---------------------------------------------------------------------------

def affine_forward(x, w, b):
    """out = x w + b for a batch x of shape (N, D); returns (out, cache)."""
    out = x.dot(w) + b
    return out, (x, w)


def affine_backward(dout, cache):
    """Gradients of an affine layer: returns (dx, dw, db)."""
    x, w = cache
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = np.sum(dout, axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, x):
    return dout * (x > 0)


def softmax_loss(scores, y):
    """Mean softmax cross-entropy of (N, C) scores and its gradient w.r.t. the scores.

    The correct-class entries are picked from the flattened (row-major) matrix:
    row i, column y[i] lives at i * C + y[i].
    """
    N, C = scores.shape
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    flat_idx = np.arange(N) * C + y
    loss = -np.mean(log_probs.ravel()[flat_idx])

    dscores = np.exp(log_probs)
    dscores.ravel()[flat_idx] -= 1.0
    dscores /= N
    return loss, dscores


def l2_penalty(reg, weights):
    """reg * sum of squared entries of every weight matrix, and its gradients."""
    loss = reg * sum(np.sum(w * w) for w in weights)
    dweights = [2.0 * reg * w for w in weights]
    return loss, dweights


def accuracy(pred, labels):
    return np.mean(pred == labels)


class TwoLayerNet(object):
    """input -> affine -> ReLU -> affine -> softmax, built from the helpers above."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {
            'W1': W1,
            'b1': np.zeros(hidden_size),
            'W2': W2,
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        z1, cache1 = affine_forward(X, W1, b1)
        h1, relu_cache = relu_forward(z1)
        scores, cache2 = affine_forward(h1, W2, b2)
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss, (dW1_reg, dW2_reg) = l2_penalty(reg, (W1, W2))
        loss = data_loss + reg_loss

        dh1, dW2, db2 = affine_backward(dscores, cache2)
        dz1 = relu_backward(dh1, relu_cache)
        _, dW1, db1 = affine_backward(dz1, cache1)

        grads = {
            'W1': dW1 + dW1_reg,
            'b1': db1,
            'W2': dW2 + dW2_reg,
            'b2': db2,
        }
        return loss, grads

    def _sgd_step(self, grads, learning_rate):
        for name in self.params:
            self.params[name] -= learning_rate * grads[name]

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y_batch, learning_rate)
            loss_history.append(loss)
            self._sgd_step(grads, learning_rate)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
