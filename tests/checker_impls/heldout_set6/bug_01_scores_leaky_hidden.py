import numpy as np

NEG_SLOPE = 0.01


def affine_forward(x, w, b):
    return x.dot(w) + b


def hidden_activation(z):
    return np.where(z > 0, z, NEG_SLOPE * z)


def hidden_activation_grad(z):
    return np.where(z > 0, 1.0, NEG_SLOPE)


def softmax_xent(scores, y):
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -logp[np.arange(n), y].mean()
    dscores = np.exp(logp)
    dscores[np.arange(n), y] -= 1.0
    return loss, dscores / n


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=float) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']

        z = affine_forward(X, W1, b1)
        a = hidden_activation(z)
        scores = affine_forward(a, W2, b2)
        if y is None:
            return scores

        data_loss, dscores = softmax_xent(scores, y)
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        grads = {}
        grads['W2'] = a.T.dot(dscores) + 2 * reg * W2
        grads['b2'] = dscores.sum(axis=0)
        da = dscores.dot(W2.T)
        dz = da * hidden_activation_grad(z)
        grads['W1'] = X.T.dot(dz) + 2 * reg * W1
        grads['b1'] = dz.sum(axis=0)
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
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in ('W1', 'b1', 'W2', 'b2'):
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
