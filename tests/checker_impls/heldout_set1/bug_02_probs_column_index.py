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
        p = self.params
        num = X.shape[0]

        a1 = X @ p['W1'] + p['b1']
        r1 = np.maximum(a1, 0.0)
        out = r1 @ p['W2'] + p['b2']
        if y is None:
            return out

        out_shift = out - out.max(axis=1, keepdims=True)
        e = np.exp(out_shift)
        softmax = e / e.sum(axis=1, keepdims=True)

        # pick the probability of the right label for each example
        right = softmax[:, y]
        loss = -np.mean(np.log(right))
        loss += reg * (np.sum(p['W1'] ** 2) + np.sum(p['W2'] ** 2))

        g = softmax.copy()
        g[range(num), y] -= 1.0
        g = g / num

        grads = {}
        grads['W2'] = r1.T @ g + 2.0 * reg * p['W2']
        grads['b2'] = g.sum(axis=0)
        dr1 = g @ p['W2'].T
        da1 = dr1 * (a1 > 0)
        grads['W1'] = X.T @ da1 + 2.0 * reg * p['W1']
        grads['b1'] = da1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        for it in range(num_iters):
            batch = np.random.choice(n_train, batch_size)
            xb, yb = X[batch], y[batch]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            hist['loss_history'].append(loss)
            for key, g in grads.items():
                self.params[key] -= lr * g
            if verbose and it % 100 == 0:
                print('iteration {} / {}: loss {}'.format(it, num_iters, loss))
            if it % per_epoch == 0:
                hist['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                hist['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return hist

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
