import numpy as np


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
        num_examples = X.shape[0]

        fc1 = X.dot(W1) + b1
        act1 = np.maximum(0, fc1)
        scores = act1.dot(W2) + b2
        if y is None:
            return scores

        shifted = scores - np.amax(scores, axis=1, keepdims=True)
        unnorm = np.exp(shifted)
        probs = unnorm / unnorm.sum(axis=1, keepdims=True)
        data_loss = -np.log(probs[np.arange(num_examples), y]).sum() / num_examples

        w1_penalty = reg * np.sum(W1 ** 2)
        w2_penalty = reg * np.sum(np.abs(W2))
        loss = data_loss + w1_penalty + w2_penalty

        dscores = probs
        dscores[np.arange(num_examples), y] -= 1
        dscores /= num_examples

        dW2 = act1.T.dot(dscores) + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dact1 = dscores.dot(W2.T)
        dfc1 = np.where(fc1 > 0, dact1, 0.0)
        dW1 = X.T.dot(dfc1) + 2 * reg * W1
        db1 = dfc1.sum(axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
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
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params.keys():
                self.params[k] = self.params[k] - learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
