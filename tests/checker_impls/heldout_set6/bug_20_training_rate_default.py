import numpy as np


class TwoLayerNet(object):

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
        N, D = X.shape

        h1_in = np.matmul(X, W1) + b1
        h1 = np.maximum(h1_in, 0)
        scores = np.matmul(h1, W2) + b2
        if y is None:
            return scores

        c = np.max(scores, axis=1, keepdims=True)
        logits = scores - c
        log_probs = logits - np.log(np.sum(np.exp(logits), axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y])
        loss += reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        dlogits = np.exp(log_probs)
        dlogits[np.arange(N), y] -= 1
        dlogits /= N

        grads = {}
        grads['W2'] = np.matmul(h1.T, dlogits) + 2 * reg * W2
        grads['b2'] = np.sum(dlogits, axis=0)
        dh1 = np.matmul(dlogits, W2.T)
        dh1_in = np.where(h1_in > 0, dh1, 0)
        grads['W1'] = np.matmul(X.T, dh1_in) + 2 * reg * W1
        grads['b1'] = np.sum(dh1_in, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-4, learning_rate_decay=0.95,
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
        y_pred = np.argmax(self.loss(X), axis=1)
        return y_pred
