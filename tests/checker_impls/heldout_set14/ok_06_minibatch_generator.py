import numpy as np


def _minibatches(X, y, batch_size, num_iters):
    """Yields (iteration, X_batch, y_batch), sampling with replacement each time."""
    n = X.shape[0]
    for it in range(num_iters):
        idx = np.random.choice(n, batch_size)
        yield it, X[idx], y[idx]


def _accuracy(pred, labels):
    return np.mean(pred == labels)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (('W1', (input_size, hidden_size)), ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        hidden_in = X.dot(W1) + b1
        hidden_out = hidden_in * (hidden_in > 0)
        scores = hidden_out.dot(W2) + b2
        if y is None:
            return scores

        N = scores.shape[0]
        # stable softmax: subtract the row max, normalise, and take logs of the shifted sums
        shifted = scores - scores.max(axis=1, keepdims=True)
        exp_shifted = np.exp(shifted)
        normaliser = exp_shifted.sum(axis=1, keepdims=True)
        correct_logit = shifted[np.arange(N), y]
        data_loss = np.mean(np.log(normaliser[:, 0]) - correct_logit)
        loss = data_loss + reg * sum(np.sum(W * W) for W in (W1, W2))

        dscores = exp_shifted / normaliser
        dscores[np.arange(N), y] -= 1
        dscores /= N

        dW2 = hidden_out.T.dot(dscores)
        db2 = dscores.sum(axis=0)
        dhidden = dscores.dot(W2.T)
        dhidden = dhidden * (hidden_in > 0)
        dW1 = X.T.dot(dhidden)
        db1 = dhidden.sum(axis=0)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        epoch = max(X.shape[0] // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        for it, xb, yb in _minibatches(X, y, batch_size, num_iters):
            loss, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(loss)
            for key in grads:
                self.params[key] -= learning_rate * grads[key]
            if verbose and not it % 100:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if not it % epoch:
                train_accs.append(_accuracy(self.predict(xb), yb))
                val_accs.append(_accuracy(self.predict(X_val), y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': losses, 'train_acc_history': train_accs, 'val_acc_history': val_accs}

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(1)
