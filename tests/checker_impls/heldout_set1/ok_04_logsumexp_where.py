import numpy as np


def _logsumexp(a, axis):
    m = np.max(a, axis=axis, keepdims=True)
    return m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        N = X.shape[0]
        rows = np.arange(N)

        A = X @ W1 + b1
        Hh = np.where(A > 0, A, np.zeros_like(A))
        S = Hh @ W2 + b2
        if y is None:
            return S

        lse = _logsumexp(S, axis=1)
        nll = lse[:, 0] - S[rows, y]
        loss = nll.mean() + reg * (np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2)

        dS = np.exp(S - lse)
        dS[rows, y] = dS[rows, y] - 1.0
        dS = dS / N

        dHh = dS @ W2.T
        active = np.sign(Hh)          # 1 where the unit fired, 0 elsewhere
        dA = dHh * active
        grads = {
            'W1': X.T @ dA + 2.0 * reg * W1,
            'b1': np.add.reduce(dA, axis=0),
            'W2': Hh.T @ dS + 2.0 * reg * W2,
            'b2': np.add.reduce(dS, axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = float(learning_rate)
        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[sel], y=y[sel], reg=reg)
            loss_history.append(loss)
            for k in grads:
                np.subtract(self.params[k], lr * grads[k], out=self.params[k])
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X[sel]) == y[sel]).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
