import numpy as np


def _param(name):
    def get(self):
        return self.params[name]

    def put(self, value):
        self.params[name] = value

    return property(get, put)


class TwoLayerNet:
    W1 = _param('W1')
    b1 = _param('b1')
    W2 = _param('W2')
    b2 = _param('b2')

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params.update(W1=std * np.random.randn(input_size, hidden_size))
        self.params.update(b1=np.zeros(hidden_size))
        self.params.update(W2=std * np.random.randn(hidden_size, output_size))
        self.params.update(b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in ('W1', 'b1', 'W2', 'b2'):
            setattr(net, name, np.array(params[name], dtype=np.float64))
        return net

    def loss(self, X, y=None, reg=0.0):
        pre = np.dot(X, self.W1) + self.b1
        act = np.clip(pre, 0, None)
        scores = np.dot(act, self.W2) + self.b2
        if y is None:
            return scores
        count = X.shape[0]
        top = scores.max(1)[:, np.newaxis]
        centred = scores - top
        norm = np.log(np.exp(centred).sum(1))[:, np.newaxis]
        logp = centred - norm
        who = (np.arange(count), y)
        total = -logp[who].mean() + reg * (np.sum(self.W1 * self.W1) + np.sum(self.W2 * self.W2))
        delta = np.exp(logp)
        delta[who] -= 1
        delta /= count
        grads = {'W2': act.T.dot(delta) + 2 * reg * self.W2, 'b2': delta.sum(0)}
        gate = delta.dot(self.W2.T) * np.heaviside(pre, 0.0)
        grads['W1'] = X.T.dot(gate) + 2 * reg * self.W1
        grads['b1'] = gate.sum(0)
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = len(X)
        epoch = max(num_train // batch_size, 1)
        result = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        state = {'lr': learning_rate}

        def record(xb, yb):
            result['train_acc_history'].append((self.predict(xb) == yb).mean())
            result['val_acc_history'].append((self.predict(X_val) == y_val).mean())
            state['lr'] *= learning_rate_decay

        for it in range(num_iters):
            pick = np.random.choice(num_train, size=batch_size, replace=True)
            value, grads = self.loss(X[pick], y[pick], reg)
            result['loss_history'].append(value)
            for name in grads:
                self.params[name] -= state['lr'] * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, value))
            if it % epoch == 0:
                record(X[pick], y[pick])
        return result

    def predict(self, X):
        return self.loss(X).argmax(axis=-1)
