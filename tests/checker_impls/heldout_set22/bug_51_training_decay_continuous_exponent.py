import numpy as np


def exponential_decay(learning_rate, global_step, decay_steps, decay_rate):
    """Same as tf.train.exponential_decay(..., staircase=False): the rate falls by
    decay_rate every decay_steps steps."""
    return learning_rate * decay_rate ** (global_step / decay_steps)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        z1 = np.einsum('nd,dh->nh', X, W1) + b1
        a1 = np.maximum(z1, 0)
        scores = np.einsum('nh,hc->nc', a1, W2) + b2
        if y is None:
            return scores
        Y = np.eye(scores.shape[1])[y]
        s = scores - scores.max(axis=1, keepdims=True)
        logp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -np.sum(Y * logp) / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        g = (np.exp(logp) - Y) / N
        gz1 = np.einsum('nc,hc->nh', g, W2) * (z1 > 0)
        return loss, {'W1': np.einsum('nd,nh->dh', X, gz1) + 2 * reg * W1,
                      'b1': gz1.sum(axis=0),
                      'W2': np.einsum('nh,nc->hc', a1, g) + 2 * reg * W2,
                      'b2': g.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        ipe = max(n // batch_size, 1)
        stats = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            lr = exponential_decay(learning_rate, it, ipe, learning_rate_decay)
            idx = np.random.choice(n, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            stats['loss_history'].append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % ipe == 0:
                stats['train_acc_history'].append((self.predict(xb) == yb).mean())
                stats['val_acc_history'].append((self.predict(X_val) == y_val).mean())
        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
