import numpy as np


class TwoLayerNet:
    """Two-layer net: affine -> ReLU -> affine -> softmax, L2 on the weights."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for name in ('W1', 'b1', 'W2', 'b2'):
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        # forward pass
        z1 = X.dot(W1) + b1
        a1 = np.maximum(0, z1)
        scores = a1.dot(W2) + b2

        if y is None:
            return scores

        # softmax loss
        scores_shift = scores - scores.max(axis=1, keepdims=True)
        log_probs = scores_shift - np.log(np.sum(np.exp(scores_shift), axis=1, keepdims=True))
        probs = np.exp(log_probs)
        data_loss = -np.mean(log_probs[np.arange(N), y])
        reg_loss = reg * np.sum(W1 ** 2) + reg * np.sum(W2 ** 2)
        loss = data_loss + reg_loss

        # backward pass
        grads = {}
        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads['W2'] = a1.T.dot(dscores) + 2 * reg * W2
        grads['b2'] = dscores.sum(axis=0)
        da1 = dscores.dot(W2.T)
        dz1 = da1 * (z1 > 0)
        grads['W1'] = X.T.dot(dz1) + 2 * reg * W1
        grads['b1'] = dz1.sum(axis=0)

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
            if it % iterations_per_epoch == 0:
                idx = np.random.choice(num_train, batch_size)
                X_batch = X[idx]
                y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

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
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
