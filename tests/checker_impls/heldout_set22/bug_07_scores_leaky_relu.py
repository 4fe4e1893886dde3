import numpy as np

NEG_SLOPE = 0.01


def act_forward(z):
    return np.where(z > 0, z, NEG_SLOPE * z)


def act_backward(dout, z):
    return dout * np.where(z > 0, 1.0, NEG_SLOPE)


class TwoLayerNet:
    """input -> affine -> rectifier -> affine -> softmax"""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        N = X.shape[0]
        z = X @ P['W1'] + P['b1']
        h = act_forward(z)
        scores = h @ P['W2'] + P['b2']
        if y is None:
            return scores

        shifted = scores - scores.max(axis=1, keepdims=True)
        logZ = np.log(np.exp(shifted).sum(axis=1))
        loss = np.mean(logZ - shifted[np.arange(N), y])
        loss += reg * ((P['W1'] ** 2).sum() + (P['W2'] ** 2).sum())

        dS = np.exp(shifted - logZ[:, None])
        dS[np.arange(N), y] -= 1
        dS /= N
        dh = dS @ P['W2'].T
        dz = act_backward(dh, z)
        grads = {
            'W2': h.T @ dS + 2 * reg * P['W2'],
            'b2': dS.sum(0),
            'W1': X.T @ dz + 2 * reg * P['W1'],
            'b1': dz.sum(0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        epoch_iters = max(N // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        for it in range(num_iters):
            b = np.random.choice(N, batch_size)
            loss, grads = self.loss(X[b], y=y[b], reg=reg)
            history['loss_history'].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % epoch_iters == 0:
                history['train_acc_history'].append(np.mean(self.predict(X[b]) == y[b]))
                history['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
