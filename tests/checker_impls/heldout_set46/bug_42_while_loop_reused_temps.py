import numpy as np


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        W1 = np.random.randn(input_size, hidden_size) * std
        W2 = np.random.randn(hidden_size, output_size) * std
        self.params.update(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = len(X)
        Z = np.dot(X, p['W1']) + p['b1']
        A = np.where(Z > 0, Z, 0.0)
        scores = np.dot(A, p['W2']) + p['b2']
        # print(Z.shape, A.shape, scores.shape)
        assert scores.shape[0] == N
        if y is None:
            return scores
        scores = scores - scores.max(axis=1)[:, None]
        lse = np.log(np.exp(scores).sum(axis=1))[:, None]
        logp = scores - lse
        Y = np.zeros_like(logp)
        Y[np.arange(N), y] = 1.0
        data_loss = -(Y * logp).sum() / N
        reg_loss = reg * (np.linalg.norm(p['W1']) ** 2 + np.linalg.norm(p['W2']) ** 2)
        loss = data_loss + reg_loss

        # grads. reusing 'scores' for dscores / dA / dZ (saves memory lol)
        scores = (np.exp(logp) - Y) / N
        grads = {}
        grads['b2'] = scores.sum(axis=0)
        grads['W2'] = A.T.dot(scores) + 2 * reg * p['W2']
        scores = scores.dot(p['W2'].T)      # now dA
        scores *= (Z > 0)                   # now dZ
        grads['W1'] = X.T.dot(scores) + 2 * reg * p['W1']
        grads['b1'] = scores.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iters_per_epoch = max(num_train // batch_size, 1)
        hist_loss, hist_tr, hist_val = [], [], []   # TODO rename these, plot code wants the long names
        lr = learning_rate
        it = 0
        k = 0   # iterations into the current epoch
        while it < num_iters:
            i = np.random.choice(num_train, batch_size)
            xb = X[i]; yb = y[i]
            l, grads = self.loss(xb, y=yb, reg=reg)
            hist_loss.append(l)
            for name, v in self.params.items():
                v -= lr * grads[name]       # in place
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, l))
            if k == 0:
                hist_tr.append((self.predict(xb) == yb).mean())
                hist_val.append((self.predict(X_val) == y_val).mean())
            k += 1
            if k == iters_per_epoch:
                k = 0
                lr *= learning_rate_decay
            it += 1
        return {'loss_history': hist_loss, 'train_acc_history': hist_tr,
                'val_acc_history': hist_val}

    def predict(self, X):
        s = self.loss(X)
        return np.argmax(s, axis=1)
