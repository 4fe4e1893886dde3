import numpy as np


class TwoLayerNet(object):
    """
    Loss and gradients written with explicit loops over the examples, the way the
    naive softmax_loss_naive of the earlier exercise was written.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        num_train = X.shape[0]
        num_classes = W2.shape[1]

        scores = np.zeros((num_train, num_classes))
        hidden = np.zeros((num_train, W1.shape[1]))
        for i in range(num_train):
            hidden[i] = np.maximum(0, X[i].dot(W1) + b1)
            scores[i] = hidden[i].dot(W2) + b2
        if y is None:
            return scores

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(num_train):
            f = scores[i] - np.max(scores[i])
            log_norm = np.log(np.sum(np.exp(f)))
            loss += log_norm - f[y[i]]
            p = np.exp(f - log_norm)
            p[y[i]] -= 1
            dW2 += np.outer(hidden[i], p)
            db2 += p
            dh = W2.dot(p)
            dh[hidden[i] <= 0] = 0
            dW1 += np.outer(X[i], dh)
            db1 += dh
        loss /= num_train
        dW1 /= num_train
        db1 /= num_train
        dW2 /= num_train
        db2 /= num_train

        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

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
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ['W1', 'b1', 'W2', 'b2']:
                self.params[name] += -learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                correct = 0
                pred = self.predict(X_batch)
                for i in range(len(y_batch)):
                    correct += int(pred[i] == y_batch[i])
                train_acc_history.append(correct / float(len(y_batch)))
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
