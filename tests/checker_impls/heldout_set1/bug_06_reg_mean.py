import numpy as np


class TwoLayerNet:
    """A two-layer network for classification."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def _forward(self, X):
        P = self.params
        pre = np.matmul(X, P['W1']) + P['b1']
        post = np.clip(pre, 0, None)
        out = np.matmul(post, P['W2']) + P['b2']
        return pre, post, out

    def loss(self, X, y=None, reg=0.0):
        pre, post, scores = self._forward(X)
        if y is None:
            return scores

        P = self.params
        n = len(X)
        m = scores.max(axis=1)[:, np.newaxis]
        logsum = m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        logp = scores - logsum
        data = -logp[np.arange(n), y].mean()
        # L2 weight penalty on both weight matrices
        penalty = reg * (np.mean(P['W1'] ** 2) + np.mean(P['W2'] ** 2))
        loss = data + penalty

        d = np.exp(logp)
        d[np.arange(n), y] -= 1
        d /= n
        grads = {}
        grads['W2'] = np.matmul(post.T, d) + 2 * reg * P['W2']
        grads['b2'] = d.sum(0)
        dpost = np.matmul(d, P['W2'].T)
        dpre = dpost * (pre > 0)
        grads['W1'] = np.matmul(X.T, dpre) + 2 * reg * P['W1']
        grads['b1'] = dpre.sum(0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            ix = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[ix], y[ix]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(float(np.mean(self.predict(X_batch) == y_batch)))
                val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate *= learning_rate_decay
            it += 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=1)
