import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {'W1': std * np.random.randn(input_size, hidden_size),
                       'b1': np.zeros(hidden_size),
                       'W2': std * np.random.randn(hidden_size, output_size),
                       'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _softmax(self, logits):
        z = logits - np.max(logits, axis=1, keepdims=True)
        ez = np.exp(z)
        return ez / ez.sum(axis=1, keepdims=True)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params['W1'], self.params['b1'], self.params['W2'], self.params['b2']
        hidden_pre = X @ W1 + b1
        hidden = np.maximum(hidden_pre, 0)
        logits = hidden @ W2 + b2
        probs = self._softmax(logits)
        # class scores for every input (normalised so each row sums to one)
        if y is None:
            return probs

        n = X.shape[0]
        rows = np.arange(n)
        loss = -np.mean(np.log(probs[rows, y])) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dlogits = probs.copy()
        dlogits[rows, y] -= 1.0
        dlogits /= n
        dhidden = dlogits @ W2.T
        dhidden_pre = np.where(hidden_pre > 0, dhidden, 0.0)
        grads = {'W1': X.T @ dhidden_pre + 2 * reg * W1,
                 'b1': dhidden_pre.sum(axis=0),
                 'W2': hidden.T @ dlogits + 2 * reg * W2,
                 'b2': dlogits.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_idx], y[batch_idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iters_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history, 'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
