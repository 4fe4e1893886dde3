import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def _forward(self, X):
        cache = {'X': X}
        cache['z1'] = X.dot(self.params['W1']) + self.params['b1']
        h = cache['z1'].copy()
        h[h < 0] = 0
        cache['h1'] = h
        cache['scores'] = h.dot(self.params['W2']) + self.params['b2']
        return cache

    def _backward(self, cache, dscores, reg):
        W1, W2 = self.params['W1'], self.params['W2']
        grads = {}
        grads['W2'] = cache['h1'].T.dot(dscores) + reg * 2 * W2
        grads['b2'] = dscores.sum(axis=0)
        dh = dscores.dot(W2.T)
        dh[cache['z1'] <= 0] = 0
        grads['W1'] = cache['X'].T.dot(dh) + reg * 2 * W1
        grads['b1'] = dh.sum(axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        cache = self._forward(X)
        scores = cache['scores']
        if y is None:
            return scores
        N = X.shape[0]

        probs = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs /= np.sum(probs, axis=1, keepdims=True)
        picked = probs[np.arange(N), y]
        loss = -np.sum(np.log(picked)) / N
        loss += reg * (np.sum(self.params['W1'] ** 2) + np.sum(self.params['W2'] ** 2))

        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        return loss, self._backward(cache, dscores, reg)

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        it = 0
        while True:
            if it >= num_iters:
                break
            chosen = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[chosen], y[chosen]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] += -learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
            it += 1
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return self._forward(X)['scores'].argmax(axis=1)
