import numpy as np


class TwoLayerNet:
    """Compact version using the @ operator and an explicit log-sum-exp."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W2 = np.random.randn(hidden_size, output_size) * std
        W1 = np.random.randn(input_size, hidden_size) * std
        self.params = {'W1': W1, 'b1': np.zeros((hidden_size,)),
                       'W2': W2, 'b2': np.zeros((output_size,))}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params['W1'], self.params['b1'], self.params['W2'], self.params['b2']
        N = len(X)

        Z = X @ W1 + b1
        A = np.clip(Z, 0, None)
        S = A @ W2 + b2
        if y is None:
            return S

        rows = np.arange(N)
        smax = S.max(axis=1)
        logsumexp = smax + np.log(np.exp(S - smax[:, None]).sum(axis=1))
        data_loss = np.mean(logsumexp - S[rows, y])
        loss = data_loss + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        P = np.exp(S - logsumexp[:, None])
        dS = P
        dS[rows, y] -= 1.0
        dS /= N

        dW2 = A.T @ dS + 2 * reg * W2
        db2 = dS.sum(0)
        dA = dS @ W2.T
        dZ = dA * (Z > 0)
        dW1 = X.T @ dZ + 2 * reg * W1
        db1 = dZ.sum(0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        steps_per_epoch = max(N // batch_size, 1)
        lr = learning_rate
        losses, train_accs, val_accs = [], [], []
        countdown = 0

        for it in range(num_iters):
            idx = np.random.choice(N, batch_size)
            Xb = X[idx]
            yb = y[idx]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            losses.append(loss)
            for name in self.params:
                np.subtract(self.params[name], lr * grads[name], out=self.params[name])

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if countdown == 0:
                train_accs.append((self.predict(Xb) == yb).mean())
                val_accs.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay
                countdown = steps_per_epoch
            countdown -= 1

        return {'loss_history': losses, 'train_acc_history': train_accs,
                'val_acc_history': val_accs}

    def predict(self, X):
        S = self.loss(X)
        return np.argmax(S, axis=1)
