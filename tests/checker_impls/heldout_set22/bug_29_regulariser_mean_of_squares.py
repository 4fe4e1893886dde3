import numpy as np


class TwoLayerNet(object):
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
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]
        H_in = X @ W1 + b1
        H = np.maximum(H_in, 0)
        S = H @ W2 + b2
        if y is None:
            return S

        S_shift = S - S.max(axis=1, keepdims=True)
        log_sum = np.log(np.exp(S_shift).sum(axis=1))
        data_loss = np.mean(log_sum - S_shift[np.arange(N), y])
        reg_loss = reg * (np.mean(np.square(W1)) + np.mean(np.square(W2)))
        loss = data_loss + reg_loss

        dS = np.exp(S_shift - log_sum[:, None])
        dS[np.arange(N), y] -= 1
        dS /= N
        dH_in = (dS @ W2.T) * (H_in > 0)
        grads = {
            'W1': X.T @ dH_in + 2 * reg * W1 / W1.size,
            'b1': dH_in.sum(axis=0),
            'W2': H.T @ dS + 2 * reg * W2 / W2.size,
            'b2': dS.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in grads:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
