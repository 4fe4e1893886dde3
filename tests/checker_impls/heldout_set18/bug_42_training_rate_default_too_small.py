import numpy as np


def affine_forward(x, w, b):
    out = x @ w + b
    return out, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    dx = dout @ w.T
    dw = x.T @ dout
    db = dout.sum(axis=0)
    return dx, dw, db


def relu_forward(x):
    return np.maximum(x, 0), x


def relu_backward(dout, cache):
    return dout * (cache > 0)


def softmax_loss(scores, labels):
    """Mean cross-entropy of a softmax over the rows of scores, and its gradient."""
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    log_p = shifted - log_norm
    loss = -log_p[np.arange(n), labels].mean()
    dscores = np.exp(log_p)
    dscores[np.arange(n), labels] -= 1
    dscores /= n
    return loss, dscores


class TwoLayerNet:
    """affine - relu - affine - softmax, built from small layer functions."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': np.zeros(hidden_size),
                       'W2': W2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(params[name], dtype=float) for name in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, fc1_cache = affine_forward(X, p['W1'], p['b1'])
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, p['W2'], p['b2'])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        reg_loss = reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))
        loss = data_loss + reg_loss

        dh1, dW2, db2 = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, dW1, db1 = affine_backward(da1, fc1_cache)
        dW1 += 2 * reg * p['W1']
        dW2 += 2 * reg * p['W2']
        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-4, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        epoch_len = max(n_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate

        for step in range(num_iters):
            batch = np.random.choice(n_train, batch_size)
            xb, yb = X[batch], y[batch]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            history['loss_history'].append(loss)
            for name, g in grads.items():
                self.params[name] -= lr * g
            if verbose and step % 100 == 0:
                print(f'iteration {step} / {num_iters}: loss {loss:f}')

            if step % epoch_len == 0:
                history['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
