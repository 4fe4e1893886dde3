import numpy as np

_KEYS = ('W1', 'b1', 'W2', 'b2')


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = {k: np.asarray(params[k], dtype=np.float64).copy() for k in _KEYS}
        return obj

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in _KEYS)
        n = len(X)

        pre = X @ W1 + b1
        act = np.maximum(pre, 0.0)
        logits = act @ W2 + b2
        if y is None:
            return logits

        z = logits - logits.max(axis=1, keepdims=True)
        log_softmax = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        onehot = np.zeros_like(logits)
        onehot[np.arange(n), y] = 1.0
        ce = -np.sum(onehot * log_softmax) / n
        l2 = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        loss = ce + l2

        g_logits = (np.exp(log_softmax) - onehot) / n
        gW2 = act.T @ g_logits + 2 * reg * W2
        gb2 = g_logits.sum(0)
        g_act = g_logits @ W2.T
        g_pre = np.where(pre > 0, g_act, 0.0)
        gW1 = X.T @ g_pre + 2 * reg * W1
        gb1 = g_pre.sum(0)
        return loss, dict(W1=gW1, b1=gb1, W2=gW2, b2=gb2)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        per_epoch = max(n // batch_size, 1)
        losses, train_accs, val_accs = [], [], []

        it = 0
        while it < num_iters:
            sel = np.random.choice(n, batch_size)
            Xb, yb = X[sel], y[sel]
            cost, g = self.loss(Xb, yb, reg)
            losses.append(cost)
            for k in _KEYS:
                self.params[k] -= learning_rate * g[k]
            if verbose and not it % 100:
                print('iteration %d / %d: loss %f' % (it, num_iters, cost))
            if not it % per_epoch:
                train_accs.append(np.mean(self.predict(Xb) == yb))
                val_accs.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {'loss_history': losses, 'train_acc_history': train_accs,
                'val_acc_history': val_accs}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
