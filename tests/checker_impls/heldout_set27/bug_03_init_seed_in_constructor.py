import numpy as np


# ---------------------------------------------------------------------------
# layer helpers
# ---------------------------------------------------------------------------

def affine_forward(x, w, b):
    out = x.dot(w) + b
    return out, (x, w)


def affine_backward(dout, cache):
    x, w = cache
    return dout.dot(w.T), x.T.dot(dout), dout.sum(axis=0)


def relu_forward(x):
    return np.maximum(0, x), x


def relu_backward(dout, cache):
    dx = dout.copy()
    dx[cache <= 0] = 0
    return dx


def softmax_loss(scores, y):
    n = scores.shape[0]
    s = scores - np.max(scores, axis=1, keepdims=True)
    p = np.exp(s)
    p /= p.sum(axis=1, keepdims=True)
    loss = -np.sum(np.log(p[np.arange(n), y])) / n
    dscores = p
    dscores[np.arange(n), y] -= 1
    dscores /= n
    return loss, dscores


# ---------------------------------------------------------------------------

class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # fixed seed so that my results are reproducible between runs
        np.random.seed(0)
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        a1, fc1_cache = affine_forward(X, W1, b1)
        h1, relu_cache = relu_forward(a1)
        scores, fc2_cache = affine_forward(h1, W2, b2)

        if y is None:
            return scores

        data_loss, dscores = softmax_loss(scores, y)
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        grads = {}
        dh1, grads['W2'], grads['b2'] = affine_backward(dscores, fc2_cache)
        da1 = relu_backward(dh1, relu_cache)
        _, grads['W1'], grads['b1'] = affine_backward(da1, fc1_cache)
        grads['W2'] += 2 * reg * W2
        grads['W1'] += 2 * reg * W1
        return loss, grads

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
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in self.params:
                self.params[p] -= learning_rate * grads[p]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
