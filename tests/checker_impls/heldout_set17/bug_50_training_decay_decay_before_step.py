import numpy as np


class TwoLayerNet(object):
    """Two-layer net: affine - relu - affine - softmax.

    The forward and backward passes live in their own helper methods so that
    loss() only glues them together.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        # weights are small random numbers, biases start at zero
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ('W1', 'b1', 'W2', 'b2'):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def _forward(self, X):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        pre_act = np.dot(X, W1) + b1
        act = np.maximum(pre_act, 0.0)
        out = np.dot(act, W2) + b2
        cache = (X, pre_act, act)
        return out, cache

    def _softmax_cross_entropy(self, scores, y):
        num = scores.shape[0]
        stable = scores - np.max(scores, axis=1, keepdims=True)
        log_norm = np.log(np.sum(np.exp(stable), axis=1, keepdims=True))
        log_probs = stable - log_norm
        loss = -np.sum(log_probs[np.arange(num), y]) / num
        dscores = np.exp(log_probs)
        dscores[np.arange(num), y] -= 1
        dscores = dscores / num
        return loss, dscores

    def _backward(self, dscores, cache, reg):
        X, pre_act, act = cache
        W1, W2 = self.params['W1'], self.params['W2']
        grads = {}
        grads['W2'] = np.dot(act.T, dscores) + 2.0 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        dact = np.dot(dscores, W2.T)
        dpre = dact * (pre_act > 0)
        grads['W1'] = np.dot(X.T, dpre) + 2.0 * reg * W1
        grads['b1'] = np.sum(dpre, axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self._forward(X)
        if y is None:
            return scores
        data_loss, dscores = self._softmax_cross_entropy(scores, y)
        W1, W2 = self.params['W1'], self.params['W2']
        reg_loss = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        grads = self._backward(dscores, cache, reg)
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        it = 0
        while it < num_iters:
            if it % iterations_per_epoch == 0:
                lr *= learning_rate_decay
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append(self._accuracy(X_batch, y_batch))
                history['val_acc_history'].append(self._accuracy(X_val, y_val))
            it += 1
        return history

    def _sgd_step(self, grads, lr):
        for name, g in grads.items():
            self.params[name] -= lr * g

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def predict(self, X):
        scores, _ = self._forward(X)
        return np.argmax(scores, axis=1)
