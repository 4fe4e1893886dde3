import numpy as np


class TwoLayerNet:
    """Two-layer network ported from an Octave ex4-style implementation.

    Internally the math follows the .m files: examples are columns,
    Theta1 is H x D and Theta2 is C x H. self.params keeps the
    assignment's layout (W1 is D x H, W2 is H x C).
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
        Theta1 = self.params['W1'].T          # H x D
        Theta2 = self.params['W2'].T          # C x H
        bias1 = self.params['b1'][:, None]    # H x 1
        bias2 = self.params['b2'][:, None]    # C x 1
        m = X.shape[0]

        A1 = X.T                              # D x m
        Z2 = Theta1 @ A1 + bias1              # H x m
        A2 = np.maximum(Z2, 0)
        Z3 = Theta2 @ A2 + bias2              # C x m
        if y is None:
            return Z3.T

        Ymat = np.zeros_like(Z3)
        Ymat[y, np.arange(len(y))] = 1

        colmax = Z3.max(axis=0)
        logsum = np.log(np.sum(np.exp(Z3 - colmax), axis=0))
        logP = Z3 - colmax - logsum
        J = -np.sum(Ymat * logP) / m
        J = J + reg * (np.sum(Theta1 ** 2) + np.sum(Theta2 ** 2))

        delta3 = (np.exp(logP) - Ymat) / m                 # C x m
        Theta2_grad = delta3 @ A2.T + 2 * reg * Theta2     # C x H
        b2_grad = np.sum(delta3, axis=1)
        delta2 = (Theta2.T @ delta3) * (Z2 > 0)            # H x m
        Theta1_grad = delta2 @ A1.T + 2 * reg * Theta1     # H x D
        b1_grad = np.sum(delta2, axis=1)

        grads = {
            'W1': Theta1_grad.T,
            'b1': b1_grad,
            'W2': Theta2_grad.T,
            'b2': b2_grad,
        }
        return J, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(int(np.floor(num_train / batch_size)), 1)
        alpha = learning_rate

        J_history = []
        train_acc_history = []
        val_acc_history = []

        it = 0
        while it < num_iters:
            sel = np.random.choice(num_train, batch_size)
            Xb = X[sel, :]
            yb = y[sel]

            J, grad = self.loss(Xb, yb, reg)
            J_history.append(J)

            self.params['W1'] = self.params['W1'] - alpha * grad['W1']
            self.params['b1'] = self.params['b1'] - alpha * grad['b1']
            self.params['W2'] = self.params['W2'] - alpha * grad['W2']
            self.params['b2'] = self.params['b2'] - alpha * grad['b2']

            if verbose and np.mod(it, 100) == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, J))

            if np.mod(it, iters_per_epoch) == 0:
                train_acc_history.append(np.mean(self.predict(Xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                alpha = alpha * learning_rate_decay

            it = it + 1

        return {
            'loss_history': J_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        p = np.argmax(scores, axis=1)
        return p
