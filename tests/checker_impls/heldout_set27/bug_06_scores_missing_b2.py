import numpy as np


class TwoLayerNet(object):
    """Two-layer net: affine - relu - affine - softmax, L2 on W1 and W2."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]

        #############################################################
        # forward pass
        #############################################################
        a = X @ W1 + b1
        hidden = np.maximum(0, a)
        scores = hidden @ W2

        if y is None:
            return scores

        #############################################################
        # loss
        #############################################################
        scores_stable = scores - scores.max(axis=1)[:, None]
        e = np.exp(scores_stable)
        probs = e / e.sum(axis=1)[:, None]
        loss = -np.log(probs[range(N), y]).sum() / N
        loss += reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

        #############################################################
        # backward pass
        #############################################################
        grads = {}
        delta = probs.copy()
        delta[range(N), y] -= 1
        delta /= N
        grads['W2'] = hidden.T @ delta + 2 * reg * W2
        grads['b2'] = delta.sum(axis=0)
        dhidden = delta @ W2.T
        da = dhidden * (a > 0)
        grads['W1'] = X.T @ da + 2 * reg * W1
        grads['b1'] = da.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key in self.params:
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
