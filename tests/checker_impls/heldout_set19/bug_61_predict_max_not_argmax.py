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
    n = scores.shape[0]
    z = scores - scores.max(axis=1, keepdims=True)
    log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    loss = -log_p[np.arange(n), labels].sum() / n
    dz = np.exp(log_p)
    dz[np.arange(n), labels] -= 1.0
    dz /= n
    return loss, dz


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': np.zeros(hidden_size),
                       'W2': W2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {}
        for key in ('W1', 'b1', 'W2', 'b2'):
            obj.params[key] = np.array(params[key], dtype=np.float64)
        return obj

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        a1, fc1_cache = affine_forward(X, p['W1'], p['b1'])
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, p['W2'], p['b2'])
        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        l2 = np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2)
        loss = data_loss + reg * l2

        dh1, dW2, db2 = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, dW1, db1 = affine_backward(da1, fc1_cache)
        dW1 += 2 * reg * p['W1']
        dW2 += 2 * reg * p['W2']
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3,
              learning_rate_decay=0.95, reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate

        for it in range(num_iters):
            batch = np.random.choice(n_train, batch_size)
            Xb = X[batch]
            yb = y[batch]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats['loss_history'].append(loss)

            for k, g in grads.items():
                self.params[k] -= lr * g

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % per_epoch == 0:
                stats['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                stats['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return stats

    def predict(self, X):
        return self.loss(X).max(axis=1)
