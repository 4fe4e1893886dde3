"""Two-layer perceptron, translated from the course's MATLAB starter code.
Targets are a one-hot matrix T (N x C), as in the original."""
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
        W1 = self.params['W1']; b1 = self.params['b1']
        W2 = self.params['W2']; b2 = self.params['b2']

        A = X @ W1 + b1
        H = np.maximum(A, 0)
        S = H @ W2 + b2
        if y is None:
            return S

        N, C = S.shape
        T = np.zeros((N, C))
        T[np.arange(N), y] = 1
        S0 = S - S.max(axis=1, keepdims=True)
        logP = S0 - np.log(np.exp(S0).sum(axis=1, keepdims=True))
        # cross entropy: E = -mean(T .* log(P))
        E = -np.mean(T * logP)
        E = E + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dS = (np.exp(logP) - T) / N
        dW2 = H.T @ dS + 2 * reg * W2
        db2 = dS.sum(axis=0)
        dA = (dS @ W2.T) * (A > 0)
        dW1 = X.T @ dA + 2 * reg * W1
        db1 = dA.sum(axis=0)
        return E, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        iters_per_epoch = max(N // batch_size, 1)
        J = []
        acc_tr = []
        acc_va = []
        for it in range(num_iters):
            k = np.random.choice(N, batch_size)
            Xb = X[k, :]
            yb = y[k]
            E, g = self.loss(Xb, yb, reg)
            J.append(E)
            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] = self.params[name] - learning_rate * g[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, E))
            if it % iters_per_epoch == 0:
                acc_tr.append(np.mean(self.predict(Xb) == yb))
                acc_va.append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return {'loss_history': J, 'train_acc_history': acc_tr, 'val_acc_history': acc_va}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
