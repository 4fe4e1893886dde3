import numpy as np


class TwoLayerNet:
    """
    input -> fc1 -> relu1 -> fc2 -> softmax

    params: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return obj

    def loss(self, X, y=None, reg=0.0):
        params = self.params
        N = X.shape[0]

        # forward
        fc1 = X @ params['W1'] + params['b1']
        relu1 = np.maximum(fc1, 0)
        fc2 = relu1 @ params['W2'] + params['b2']
        scores = fc2
        if y is None:
            return scores

        # loss
        m = scores.max(axis=1, keepdims=True)
        e = np.exp(scores - m)
        softmax = e / e.sum(axis=1, keepdims=True)
        data_loss = -np.log(softmax[range(N), y]).sum() / N
        l2 = np.sum(params['W1'] ** 2) + np.sum(params['W2'] ** 2)
        loss = data_loss + reg * l2

        # backward
        dfc2 = softmax.copy()
        dfc2[range(N), y] -= 1
        dfc2 = dfc2 / N
        dW2 = relu1.T @ dfc2 + 2 * reg * params['W2']
        db2 = dfc2.sum(axis=0)
        drelu1 = dfc2 @ params['W2'].T
        dfc1 = np.where(fc1 > 0, drelu1, 0.0)
        dW1 = X.T @ dfc1 + 2 * reg * params['W1']
        db1 = dfc1.sum(axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            start = (it * batch_size) % num_train
            batch = np.arange(start, start + batch_size) % num_train
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for p in ('W1', 'b1', 'W2', 'b2'):
                self.params[p] -= learning_rate * grads[p]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        hidden = np.maximum(0, X @ self.params['W1'] + self.params['b1'])
        scores = hidden @ self.params['W2'] + self.params['b2']
        return np.argmax(scores, axis=1)
