import numpy as np


def relu(x):
    return np.maximum(0.0, x)


def softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    e = np.exp(s)
    return e / e.sum(axis=1, keepdims=True)


def log_softmax(s):
    s = s - s.max(axis=1, keepdims=True)
    return s - np.log(np.sum(np.exp(s)))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ('W1', 'b1', 'W2', 'b2')]
        N = len(X)

        h_in = X @ W1 + b1
        h = relu(h_in)
        scores = h @ W2 + b2
        if y is None:
            return scores

        nll = -log_softmax(scores)[np.arange(N), y]
        loss = nll.mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = softmax(scores)
        dscores[np.arange(N), y] -= 1.0
        dscores = dscores / N

        dW2 = h.T @ dscores + 2.0 * reg * W2
        db2 = dscores.sum(0)
        dh = dscores @ W2.T
        dh_in = np.where(h_in > 0, dh, 0.0)
        dW1 = X.T @ dh_in + 2.0 * reg * W1
        db1 = dh_in.sum(0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            Xb, yb = X[rows], y[rows]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for name, g in grads.items():
                self.params[name] -= learning_rate * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
