import numpy as np

PRINT_EVERY = 100
CHECK_SHAPES = False  # turn on if it breaks again


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        # layer 1 (wrote it transposed first, it works so leaving it)
        z1 = (W1.T.dot(X.T)).T + b1.reshape(1, -1)
        a1 = np.maximum(z1, 0.0)
        # layer 2 (copy of layer 1)
        z2 = (W2.T.dot(a1.T)).T + b2.reshape(1, -1)
        scores = z2
        if CHECK_SHAPES:
            assert scores.shape == (N, W2.shape[1]), scores.shape
        if y is None:
            return scores

        scores_max = np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(scores - scores_max)
        sum_exp = np.sum(exp_scores, axis=1, keepdims=True)
        probs = exp_scores / sum_exp
        correct_logprobs = -np.log(probs[np.arange(N), y])
        data_loss = np.sum(correct_logprobs) / N
        reg_loss = reg * np.sum(W1) ** 2 + reg * np.sum(W2 * W2)
        loss = data_loss + reg_loss

        dz2 = probs.copy()
        dz2[np.arange(N), y] -= 1
        dz2 /= N
        # layer 2 grads
        dW2 = (dz2.T.dot(a1)).T
        db2 = np.sum(dz2, axis=0)
        da1 = (W2.dot(dz2.T)).T
        # relu
        dz1 = da1.copy()
        dz1[z1 <= 0] = 0
        # layer 1 grads (copy of the layer 2 block)
        dW1 = (dz1.T.dot(X)).T
        db1 = np.sum(dz1, axis=0)
        # dX = (W1.dot(dz1.T)).T   # not needed
        dW2 += reg * 2 * W2
        dW1 += reg * 2 * W1

        grads = {}
        grads['W1'] = dW1
        grads['b1'] = db1
        grads['W2'] = dW2
        grads['b2'] = db2
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []
        lr = learning_rate

        for it in range(num_iters):
            X_batch = None
            y_batch = None
            sample_indices = np.random.choice(num_train, batch_size)
            X_batch = X[sample_indices]
            y_batch = y[sample_indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= lr * grads['W1']
            self.params['b1'] -= lr * grads['b1']
            self.params['W2'] -= lr * grads['W2']
            self.params['b2'] -= lr * grads['b2']

            if verbose and it % PRINT_EVERY == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                lr *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        hidden = np.maximum((W1.T.dot(X.T)).T + b1, 0.0)
        out = (W2.T.dot(hidden.T)).T + b2
        y_pred = np.argmax(out, axis=1)
        return y_pred
