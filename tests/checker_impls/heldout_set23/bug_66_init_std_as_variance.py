import numpy as np


class TwoLayerNet(object):
    """
    Two-layer fully-connected net with a ReLU hidden layer and a softmax output.
    The loss is written with a one-hot label matrix, so that the gradient of the
    cross-entropy with respect to the scores is simply (P - Y) / N.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = np.random.normal(0, std ** 2, (input_size, hidden_size))
        self.params['b1'] = np.zeros((hidden_size,))
        self.params['W2'] = np.random.normal(0, std ** 2, (hidden_size, output_size))
        self.params['b2'] = np.zeros((output_size,))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        num_examples = X.shape[0]

        Z = X @ W1 + b1
        A = Z.clip(min=0)
        S = A @ W2 + b2
        if y is None:
            return S

        Y = np.zeros_like(S)
        Y[np.arange(num_examples), y] = 1.0
        S_stable = S - S.max(axis=1, keepdims=True)
        E = np.exp(S_stable)
        logP = S_stable - np.log(E.sum(axis=1, keepdims=True))
        P = np.exp(logP)

        data_loss = -np.sum(Y * logP) / num_examples
        reg_loss = reg * ((W1 ** 2).sum() + (W2 ** 2).sum())
        loss = data_loss + reg_loss

        dS = (P - Y) / num_examples
        dW2 = A.T @ dS + 2 * reg * W2
        db2 = dS.sum(axis=0)
        dA = dS @ W2.T
        dZ = dA.copy()
        dZ[Z <= 0] = 0
        dW1 = X.T @ dZ + 2 * reg * W1
        db1 = dZ.sum(axis=0)

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        n_train = X.shape[0]
        per_epoch = max(n_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        it = 0
        while it < num_iters:
            picks = np.random.randint(0, n_train, size=batch_size)
            X_batch, y_batch = X[picks], y[picks]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key in self.params:
                self.params[key] = self.params[key] - learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                # one epoch done: decay the step size
                learning_rate *= learning_rate_decay

            it += 1

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        S = self.loss(X)
        return S.argmax(1)
