import numpy as np


def affine_forward(x, w, b):
    out = x.dot(w) + b
    cache = (x, w)
    return out, cache


def affine_backward(dout, cache):
    x, w = cache
    dx = dout.dot(w.T)
    dw = x.T.dot(dout)
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    out = np.maximum(0, x)
    return out, x


def relu_backward(dout, cache):
    x = cache
    return dout * (x > 0)


def softmax_loss(scores, y):
    """Mean cross-entropy of the softmax of `scores`, and its gradient on `scores`."""
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_probs = shifted - log_norm
    loss = -log_probs[np.arange(n), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1
    dscores /= n
    return loss, dscores


class TwoLayerNet:
    """affine - relu - affine - softmax, with L2 weight decay on W1 and W2."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W_out = std * np.random.randn(hidden_size, output_size)
        W_in = std * np.random.randn(input_size, hidden_size)
        self.params = {
            'W1': W_in,
            'b1': np.zeros(hidden_size),
            'W2': W_out,
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=np.float64)
                      for name in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))

        a1, cache1 = affine_forward(X, W1, b1)
        h1, cache_relu = relu_forward(a1)
        scores, cache2 = affine_forward(h1, W2, b2)
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dh1, dW2, db2 = affine_backward(dscores, cache2)
        da1 = relu_backward(dh1, cache_relu)
        _, dW1, db1 = affine_backward(da1, cache1)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_len = max(num_train // batch_size, 1)
        lr = learning_rate
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            xb, yb = X[batch], y[batch]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            history['loss_history'].append(loss)

            for k, g in grads.items():
                self.params[k] -= lr * g

            if verbose and it % 100 == 0:
                print(f'iteration {it} / {num_iters}: loss {loss:f}')

            if it % epoch_len == 0:
                history['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
