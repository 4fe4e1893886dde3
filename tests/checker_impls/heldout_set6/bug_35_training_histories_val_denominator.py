import numpy as np


class TwoLayerNet:
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
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        H_in = np.dot(X, W1) + b1
        H = np.maximum(H_in, 0)
        S = np.dot(H, W2) + b2
        if y is None:
            return S

        S_shift = S - np.max(S, axis=1, keepdims=True)
        logP = S_shift - np.log(np.sum(np.exp(S_shift), axis=1, keepdims=True))
        loss = -np.mean(logP[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        dS = np.exp(logP)
        dS[np.arange(N), y] -= 1
        dS /= N
        dH_in = np.dot(dS, W2.T) * (H_in > 0)
        grads = {'W1': np.dot(X.T, dH_in) + 2 * reg * W1, 'b1': np.sum(dH_in, axis=0),
                 'W2': np.dot(H.T, dS) + 2 * reg * W2, 'b2': np.sum(dS, axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                correct_train = np.sum(self.predict(X_batch) == y_batch)
                correct_val = np.sum(self.predict(X_val) == y_val)
                train_acc_history.append(correct_train / batch_size)
                val_acc_history.append(correct_val / batch_size)
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
