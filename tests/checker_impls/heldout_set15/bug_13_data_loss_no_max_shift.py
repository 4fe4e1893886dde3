import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.output_size = output_size
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        W1 = np.array(params['W1'], dtype=np.float64)
        W2 = np.array(params['W2'], dtype=np.float64)
        net = cls.__new__(cls)
        net.input_size, net.hidden_size = W1.shape
        net.output_size = W2.shape[1]
        net.params = {'W1': W1, 'b1': np.array(params['b1'], dtype=np.float64),
                      'W2': W2, 'b2': np.array(params['b2'], dtype=np.float64)}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        batch = X.shape[0]

        # layer 1
        u = np.dot(X, W1) + b1
        r = np.where(u > 0, u, 0.0)
        # layer 2
        s = np.dot(r, W2) + b2

        if y is None:
            return s

        # softmax cross-entropy
        exp_s = np.exp(s)
        log_norm = np.log(np.sum(exp_s, axis=1, keepdims=True))
        correct = s[np.arange(batch), y]
        data_loss = np.mean(log_norm[:, 0] - correct)

        # L2 penalty on the weights
        penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + penalty

        # gradients
        probs = exp_s / np.sum(exp_s, axis=1, keepdims=True)
        probs[np.arange(batch), y] -= 1.0
        ds = probs / batch

        dW2 = np.dot(r.T, ds)
        db2 = np.sum(ds, axis=0)
        dr = np.dot(ds, W2.T)
        du = np.where(u > 0, dr, 0.0)
        dW1 = np.dot(X.T, du)
        db1 = np.sum(du, axis=0)

        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []

        for i in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]

            loss, grads = self.loss(X_batch, y_batch, reg)
            losses.append(loss)

            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= learning_rate * grads[key]

            if verbose and i % 100 == 0:
                print('iteration %d / %d: loss %f' % (i, num_iters, loss))

            if i % iters_per_epoch == 0:
                train_accs.append(self._accuracy(X_batch, y_batch))
                val_accs.append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay

        return {'loss_history': losses,
                'train_acc_history': train_accs,
                'val_acc_history': val_accs}

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
