import numpy as np


class Affine(object):
    """out = x @ W + b. W, b looked up by key every call (params get replaced from outside!)"""

    def __init__(self, wkey, bkey):
        self.wkey, self.bkey = wkey, bkey
        self.x = None

    def forward(self, params, x):
        self.x = x
        return x.dot(params[self.wkey]) + params[self.bkey]

    def backward(self, params, dout):
        dW = self.x.T.dot(dout)
        db = dout.sum(axis=0)
        dx = dout.dot(params[self.wkey].T)
        return dx, dW, db


class Relu(object):

    def forward(self, params, x):
        self.mask = (x > 0)
        return x * self.mask

    def backward(self, params, dout):
        return dout * self.mask, None, None


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def _layers(self):
        # rebuilt on every call, cheap enough
        return [Affine('W1', 'b1'), Relu(), Affine('W2', 'b2')]

    def loss(self, X, y=None, reg=0.0):
        layers = self._layers()
        out = X
        for layer in layers:
            out = layer.forward(self.params, out)
        scores = out
        # scores = self.fc2.forward(...)   # old version with attributes, broke when params were swapped
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        logp = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.sum(logp[np.arange(N), y]) / N

        dout = np.exp(logp)
        dout[np.arange(N), y] -= 1
        dout /= N
        grads = {}
        for layer in reversed(layers):
            dout, dW, db = layer.backward(self.params, dout)
            if isinstance(layer, Affine):
                grads[layer.wkey] = dW
                grads[layer.bkey] = db
        # FIXME move reg into Affine?
        for k in ('W1', 'W2'):
            loss += reg * np.sum(self.params[k] ** 2)
            grads[k] += 2 * reg * self.params[k]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        epoch = 0
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            Xb = X[batch]; yb = y[batch]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for p in self.params:
                self.params[p] -= lr * grads[p]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                epoch += 1
                lr *= learning_rate_decay
                # print('epoch', epoch, 'lr', lr)
        return dict(loss_history=loss_history, train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        out = X
        for layer in self._layers():
            out = layer.forward(self.params, out)
        return np.argmax(out, axis=1)
