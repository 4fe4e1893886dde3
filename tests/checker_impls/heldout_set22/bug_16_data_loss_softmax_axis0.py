import numpy as np


def softmax(x):
    """Compute softmax values for each set of scores in x."""
    e_x = np.exp(x - np.max(x))
    return e_x / e_x.sum(axis=0)


def relu(x):
    return np.maximum(x, 0)


class TwoLayerNet(object):
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
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        z1 = X.dot(W1) + b1
        a1 = relu(z1)
        scores = a1.dot(W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        probs = softmax(scores)
        loss = -np.mean(np.log(probs[np.arange(N), y]))
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d = probs.copy()
        d[np.arange(N), y] -= 1
        d /= N
        da1 = d.dot(W2.T)
        dz1 = da1 * (z1 > 0)
        grads = {
            'W2': a1.T.dot(d) + 2 * reg * W2,
            'b2': d.sum(axis=0),
            'W1': X.T.dot(dz1) + 2 * reg * W1,
            'b1': dz1.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[ids], y[ids]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for p, g in grads.items():
                self.params[p] -= learning_rate * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
