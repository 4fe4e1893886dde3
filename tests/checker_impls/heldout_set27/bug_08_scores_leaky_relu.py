import numpy as np

NEG_SLOPE = 0.01  # small slope for negative inputs so no unit ever "dies"


def fc(x, w, b):
    return x.dot(w) + b


def relu(x):
    return np.where(x > 0, x, NEG_SLOPE * x)


def relu_grad(x):
    return np.where(x > 0, 1.0, NEG_SLOPE)


def log_softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    return s - np.log(np.exp(s).sum(axis=1, keepdims=True))


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
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = fc(X, p['W1'], p['b1'])
        h1 = relu(z1)
        scores = fc(h1, p['W2'], p['b2'])
        if y is None:
            return scores

        n = X.shape[0]
        lp = log_softmax(scores)
        data_loss = -lp[np.arange(n), y].mean()
        reg_loss = reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))
        loss = data_loss + reg_loss

        d = np.exp(lp)
        d[np.arange(n), y] -= 1
        d /= n
        grads = {}
        grads['W2'] = h1.T.dot(d) + 2 * reg * p['W2']
        grads['b2'] = d.sum(axis=0)
        dz1 = d.dot(p['W2'].T) * relu_grad(z1)
        grads['W1'] = X.T.dot(dz1) + 2 * reg * p['W1']
        grads['b1'] = dz1.sum(axis=0)
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
            mask = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[mask], y[mask]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
