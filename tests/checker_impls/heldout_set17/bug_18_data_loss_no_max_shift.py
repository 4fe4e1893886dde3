import numpy as np


class TwoLayerNet(object):
    """Two-layer network whose loss and gradients are accumulated one example at a time."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ['W1', 'b1', 'W2', 'b2'])
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        num_samples = X.shape[0]

        hidden_pre = np.dot(X, W1) + b1
        hidden = np.maximum(hidden_pre, 0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        total = 0.0
        for i in range(num_samples):
            row = scores[i]
            log_norm = np.log(np.sum(np.exp(row)))
            total -= row[y[i]] - log_norm
            p = np.exp(row - log_norm)
            p[y[i]] -= 1.0
            dW2 += np.outer(hidden[i], p)
            db2 += p
            dh = np.dot(W2, p)
            dh[hidden_pre[i] <= 0] = 0.0
            dW1 += np.outer(X[i], dh)
            db1 += dh
        loss = total / num_samples
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        grads = {
            'W1': dW1 / num_samples + 2 * reg * W1,
            'b1': db1 / num_samples,
            'W2': dW2 / num_samples + 2 * reg * W2,
            'b2': db2 / num_samples,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ('W1', 'b1', 'W2', 'b2'):
                step = learning_rate * grads[name]
                self.params[name] -= step

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
