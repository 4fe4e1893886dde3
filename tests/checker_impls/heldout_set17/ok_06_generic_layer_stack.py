import numpy as np


class TwoLayerNet(object):
    """Written as a generic stack of (weights, bias) pairs with ReLU between
    them; the two-layer net is simply the stack with two entries."""

    LAYERS = (('W1', 'b1'), ('W2', 'b2'))

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        dims = (input_size, hidden_size, output_size)
        self.params = {}
        for (w, b), fan_in, fan_out in zip(self.LAYERS, dims[:-1], dims[1:]):
            self.params[w] = std * np.random.randn(fan_in, fan_out)
            self.params[b] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for w, b in cls.LAYERS:
            net.params[w] = np.array(params[w], dtype=np.float64)
            net.params[b] = np.array(params[b], dtype=np.float64)
        return net

    def _run(self, X):
        inputs, pre = [], []
        out = X
        last = len(self.LAYERS) - 1
        for i, (w, b) in enumerate(self.LAYERS):
            inputs.append(out)
            a = out.dot(self.params[w]) + self.params[b]
            pre.append(a)
            out = a if i == last else np.maximum(0, a)
        return out, inputs, pre

    def loss(self, X, y=None, reg=0.0):
        scores, inputs, pre = self._run(X)
        if y is None:
            return scores
        n = scores.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        loss = -logp[rows, y].mean()
        for w, _ in self.LAYERS:
            loss += reg * np.sum(self.params[w] * self.params[w])

        grads = {}
        delta = np.exp(logp)
        delta[rows, y] -= 1
        delta /= n
        for i in reversed(range(len(self.LAYERS))):
            w, b = self.LAYERS[i]
            if i != len(self.LAYERS) - 1:
                delta = delta * (pre[i] > 0)
            grads[w] = inputs[i].T.dot(delta) + 2 * reg * self.params[w]
            grads[b] = delta.sum(axis=0)
            delta = delta.dot(self.params[w].T)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        record = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            chosen = np.random.choice(num_train, batch_size)
            Xb, yb = X[chosen], y[chosen]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            record['loss_history'].append(loss)
            for w, b in self.LAYERS:
                self.params[w] -= learning_rate * grads[w]
                self.params[b] -= learning_rate * grads[b]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                record['train_acc_history'].append(np.mean(self.predict(Xb) == yb))
                record['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return record

    def predict(self, X):
        return np.argmax(self._run(X)[0], axis=1)
