import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        N = X.shape[0]
        h_lin = X.dot(P['W1']) + P['b1']
        h = h_lin.clip(0)
        scores = h.dot(P['W2']) + P['b2']
        if y is None:
            return scores
        z = scores - scores.max(axis=1, keepdims=True)
        logsum = np.log(np.exp(z).sum(axis=1))
        loss = (logsum - z[np.arange(N), y]).mean()
        loss += reg * (np.sum(P['W1'] ** 2) + np.sum(P['W2'] ** 2))
        dz = np.exp(z - logsum[:, None])
        dz[np.arange(N), y] -= 1
        dz /= N
        dh = dz.dot(P['W2'].T) * (h_lin > 0)
        grads = {'W1': X.T.dot(dh) + 2 * reg * P['W1'], 'b1': dh.sum(axis=0),
                 'W2': h.T.dot(dz) + 2 * reg * P['W2'], 'b2': dz.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # bookkeeping once per epoch
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

            # decay the learning rate when an epoch is complete
            if (it + 1) % iterations_per_epoch == 0:
                lr *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
