import numpy as np


# ---- helpers (moved out of the class at 2am, dont ask) --------------------

def affine(x, w, b):
    return x.dot(w) + b


def relu(x):
    return np.maximum(0, x)


def softmax_loss_v1(s, y):
    # OLD version, kept to compare against v2. TODO delete before submitting
    s = s - np.max(s, axis=1).reshape(-1, 1)
    e = np.exp(s)
    p = e / np.sum(e, axis=1).reshape(-1, 1)
    n = s.shape[0]
    L = -np.mean(np.log(p[range(n), y]))
    d = p.copy()
    d[range(n), y] -= 1
    return L, d / n


def softmax_loss(s, y):
    # v2: log-sum-exp, no division
    n = s.shape[0]
    m = s.max(axis=1, keepdims=True)
    lse = m + np.log(np.exp(s - m).sum(axis=1, keepdims=True))
    logp = s - lse
    L = -logp[np.arange(n), y].sum() / n
    ds = np.exp(logp)
    ds[np.arange(n), y] -= 1
    ds /= n
    return L, ds


def l2(reg, *Ws):
    return reg * sum(np.sum(W * W) for W in Ws)


def sample_batch(X, y, bs):
    idx = np.random.choice(X.shape[0], bs)
    return X[idx], y[idx]


def sgd_step(params, grads, lr):
    for k in params:
        params[k] -= lr * grads[k]


def accuracy(pred, y):
    return np.mean(pred == y)


# ---------------------------------------------------------------------------

class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        W1, b1, W2, b2 = P['W1'], P['b1'], P['W2'], P['b2']
        z = affine(X, W1, b1)
        h = relu(z)
        s = affine(h, W2, b2)
        if y is None:
            return s
        data_loss, ds = softmax_loss(s, y)
        # data_loss, ds = softmax_loss_v1(s, y)   # same numbers, checked
        loss = data_loss + l2(reg, W1, W2)
        dW2 = h.T.dot(ds) + 2 * reg * W2
        db2 = ds.sum(axis=0)
        dz = ds.dot(W2.T) * (z > 0)
        dW1 = X.T.dot(dz) + 2 * reg * W1
        db1 = dz.sum(axis=0)
        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        lr = learning_rate
        for it in range(num_iters):
            lr = learning_rate * learning_rate_decay ** (it // iterations_per_epoch)
            X_batch, y_batch = sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            hist['loss_history'].append(loss)
            sgd_step(self.params, grads, lr)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hist['train_acc_history'].append(accuracy(self.predict(X_batch), y_batch))
                hist['val_acc_history'].append(accuracy(self.predict(X_val), y_val))
        return hist

    def predict(self, X):
        # same as loss(X) without the y stuff; copied here so I could debug it
        P = self.params
        hid = relu(affine(X, P['W1'], P['b1']))
        return np.argmax(affine(hid, P['W2'], P['b2']), axis=1)
