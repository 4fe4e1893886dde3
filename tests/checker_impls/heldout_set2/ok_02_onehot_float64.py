import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        X = X.astype(np.float64)
        W1 = self.params['W1'].astype(np.float64)
        b1 = self.params['b1'].astype(np.float64)
        W2 = self.params['W2'].astype(np.float64)
        b2 = self.params['b2'].astype(np.float64)
        reg = np.float64(reg)
        N = X.shape[0]
        C = W2.shape[1]

        Z1 = np.dot(X, W1) + b1[np.newaxis, :]
        M = (Z1 > 0).astype(np.float64)
        A1 = Z1 * M
        S = np.dot(A1, W2) + b2[np.newaxis, :]
        if y is None:
            return S

        Y = np.zeros((N, C), dtype=np.float64)
        Y[np.arange(N), y] = 1.0
        S_shift = S - S.max(axis=1, keepdims=True)
        log_Z = np.log(np.exp(S_shift).sum(axis=1, keepdims=True))
        log_P = S_shift - log_Z
        data_loss = -np.sum(Y * log_P) / N
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = float(data_loss + reg_loss)

        dS = (np.exp(log_P) - Y) / N
        dW2 = np.dot(A1.T, dS) + 2.0 * reg * W2
        db2 = np.dot(np.ones(N), dS)
        dA1 = np.dot(dS, W2.T)
        dZ1 = dA1 * M
        dW1 = np.dot(X.T, dZ1) + 2.0 * reg * W1
        db1 = np.dot(np.ones(N), dZ1)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        all_rows = np.arange(num_train)
        for it in range(num_iters):
            rows = np.random.choice(all_rows, batch_size)
            X_batch = X[rows]
            y_batch = y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in list(self.params):
                self.params[key] = self.params[key] - learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate = learning_rate * learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
