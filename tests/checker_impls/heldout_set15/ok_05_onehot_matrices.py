import numpy as np


class TwoLayerNet:
    """Loss and gradients written with an explicit one-hot label matrix."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(W1=std * np.random.randn(input_size, hidden_size),
                           b1=np.zeros(hidden_size))
        self.params.update(W2=std * np.random.randn(hidden_size, output_size),
                           b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    @staticmethod
    def _one_hot(labels, num_classes):
        labels = np.asarray(labels)
        return (labels[:, None] == np.arange(num_classes)[None, :]).astype(np.float64)

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        a = np.matmul(X, P['W1']) + P['b1']
        h = np.clip(a, 0, None)
        scores = np.matmul(h, P['W2']) + P['b2']
        if y is None:
            return scores

        N, C = scores.shape
        T = self._one_hot(y, C)
        m = np.amax(scores, axis=1, keepdims=True)
        lse = np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True)) + m
        data_loss = np.sum(T * (lse - scores)) / N
        weight_sq = sum(np.sum(np.square(P[k])) for k in ('W1', 'W2'))
        loss = data_loss + reg * weight_sq

        S = (np.exp(scores - lse) - T) / N
        grads = {
            'W2': np.matmul(h.T, S) + 2 * reg * P['W2'],
            'b2': S.sum(axis=0),
        }
        G = np.matmul(S, P['W2'].T) * (a > 0)
        grads['W1'] = np.matmul(X.T, G) + 2 * reg * P['W1']
        grads['b1'] = G.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        rec = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for t in range(num_iters):
            ix = np.random.choice(n, batch_size)
            xb = X[ix]
            yb = y[ix]
            L, G = self.loss(xb, y=yb, reg=reg)
            rec['loss_history'].append(L)
            for name in list(self.params):
                np.subtract(self.params[name], learning_rate * G[name], out=self.params[name])
            if verbose and t % 100 == 0:
                print('iteration %d / %d: loss %f' % (t, num_iters, L))
            if not t % per_epoch:
                rec['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                rec['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return rec

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=-1)
