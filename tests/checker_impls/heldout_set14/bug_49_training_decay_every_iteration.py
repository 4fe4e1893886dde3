import numpy as np


def _relu(a):
    return np.maximum(a, 0.0)


class TwoLayerNet:
    """input -> affine -> ReLU -> affine -> softmax, trained with minibatch SGD."""

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
        obj = object.__new__(cls)
        obj.params = {}
        for key in ('W1', 'b1', 'W2', 'b2'):
            obj.params[key] = np.array(params[key], dtype=np.float64)
        return obj

    # ------------------------------------------------------------------ pieces
    def _forward(self, X):
        p = self.params
        a1 = X @ p['W1'] + p['b1']
        h1 = _relu(a1)
        out = h1 @ p['W2'] + p['b2']
        return out, (X, a1, h1)

    @staticmethod
    def _softmax_xent(scores, y):
        n = scores.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        lse = np.log(np.exp(z).sum(axis=1, keepdims=True))
        logp = z - lse
        loss = -logp[np.arange(n), y].mean()
        dz = np.exp(logp)
        dz[np.arange(n), y] -= 1.0
        dz /= n
        return loss, dz

    def _l2(self, reg):
        p = self.params
        return reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))

    def _backward(self, dout, cache, reg):
        X, a1, h1 = cache
        p = self.params
        g = {}
        g['W2'] = h1.T @ dout + 2.0 * reg * p['W2']
        g['b2'] = dout.sum(axis=0)
        dh = dout @ p['W2'].T
        da = dh * (a1 > 0)
        g['W1'] = X.T @ da + 2.0 * reg * p['W1']
        g['b1'] = da.sum(axis=0)
        return g

    # ------------------------------------------------------------------ API
    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        data_loss, dscores = self._softmax_xent(scores, y)
        grads = self._backward(dscores, cache, reg)
        return data_loss + self._l2(reg), grads

    def _sgd_step(self, grads, lr):
        for name, value in self.params.items():
            value -= lr * grads[name]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        lr = learning_rate
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}

        for step in range(num_iters):
            batch = np.random.choice(n_train, batch_size)
            xb, yb = X[batch], y[batch]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            history['loss_history'].append(loss)
            self._sgd_step(grads, lr)

            if verbose and step % 100 == 0:
                print(f'iteration {step} / {num_iters}: loss {loss:f}')

            if step % per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
            lr *= learning_rate_decay

        return history

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
