import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[n] for n in ('W1', 'b1', 'W2', 'b2'))
        N = X.shape[0]

        Z = np.einsum('nd,dh->nh', X, W1) + b1
        A = np.maximum(Z, 0.0)
        S = np.einsum('nh,hc->nc', A, W2) + b2
        if y is None:
            return S

        S_shift = S - S.max(axis=1, keepdims=True)
        logP = S_shift - np.log(np.exp(S_shift).sum(axis=1, keepdims=True))
        P = np.exp(logP)
        loss = -logP[np.arange(N), y].mean()
        loss += reg * (np.einsum('ij,ij->', W1, W1) + np.einsum('ij,ij->', W2, W2))

        dS = P.copy()
        dS[np.arange(N), y] -= 1.0
        dS /= N

        dW2 = np.einsum('nh,mc->hc', A, dS) + 2 * reg * W2
        db2 = np.einsum('nc->c', dS)
        dA = np.einsum('nc,hc->nh', dS, W2)
        dZ = dA * (Z > 0)
        dW1 = np.einsum('nd,nh->dh', X, dZ) + 2 * reg * W1
        db1 = np.einsum('nh->h', dZ)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            take = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[take], y[take]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(np.mean(self.predict(X_batch) == y_batch))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
