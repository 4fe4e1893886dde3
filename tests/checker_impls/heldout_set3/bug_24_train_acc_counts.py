import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = len(y) if y is not None else len(X)

        hidden = np.maximum(0.0, X.dot(W1) + b1)
        scores = hidden.dot(W2) + b2
        if y is None:
            return scores

        shifted = scores - scores.max(axis=1, keepdims=True)
        probs = np.exp(shifted)
        probs /= probs.sum(axis=1, keepdims=True)
        loss = -np.mean(shifted[np.arange(N), y] - np.log(np.exp(shifted).sum(axis=1)))
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = probs - np.eye(W2.shape[1])[y]
        dscores /= N
        dhidden = dscores.dot(W2.T) * (hidden > 0)
        grads = {
            'W1': X.T.dot(dhidden) + 2 * reg * W1,
            'b1': dhidden.sum(axis=0),
            'W2': hidden.T.dot(dscores) + 2 * reg * W2,
            'b2': dscores.sum(axis=0),
        }
        return loss, grads

    def _accuracy(self, X, y):
        return np.sum(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            b = np.random.choice(num_train, batch_size)
            loss, grads = self.loss(X[b], y=y[b], reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._accuracy(X[b], y[b]))
                val_acc_history.append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
