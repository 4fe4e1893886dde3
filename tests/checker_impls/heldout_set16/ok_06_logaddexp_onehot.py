import numpy as np


class TwoLayerNet:
    """Softmax two-layer net; log-normaliser via np.logaddexp.reduce."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        self = object.__new__(cls)
        self.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ('W1', 'b1', 'W2', 'b2'))
        return self

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        Z1 = np.matmul(X, P['W1']) + P['b1']
        A1 = np.where(Z1 > 0, Z1, 0.0)
        S = np.matmul(A1, P['W2']) + P['b2']
        if y is None:
            return S

        N, C = S.shape
        onehot = np.asarray(y).reshape(-1, 1) == np.arange(C).reshape(1, -1)
        log_norm = np.logaddexp.reduce(S, axis=1, keepdims=True)
        log_p = S - log_norm
        data_loss = -np.sum(log_p[onehot]) / N
        loss = data_loss + reg * (np.vdot(P['W1'], P['W1']) + np.vdot(P['W2'], P['W2']))

        dS = (np.exp(log_p) - onehot) / N
        dA1 = np.matmul(dS, P['W2'].T)
        dZ1 = np.where(Z1 > 0, dA1, 0.0)
        grads = {
            'W1': np.matmul(X.T, dZ1) + 2 * reg * P['W1'],
            'b1': dZ1.sum(axis=0),
            'W2': np.matmul(A1.T, dS) + 2 * reg * P['W2'],
            'b2': dS.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        every = max(n // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for step in range(num_iters):
            chosen = np.random.choice(n, batch_size)
            xb, yb = X[chosen], y[chosen]
            cost, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(cost)
            for k in ('W1', 'b1', 'W2', 'b2'):
                self.params[k] -= learning_rate * grads[k]
            if verbose and step % 100 == 0:
                print('iteration %d / %d: loss %f' % (step, num_iters, cost))
            if step % every == 0:
                train_acc_history.append(np.mean(np.equal(self.predict(xb), yb)))
                val_acc_history.append(np.mean(np.equal(self.predict(X_val), y_val)))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
