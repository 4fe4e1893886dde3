import numpy as np


class Affine:
    def __init__(self, weight_key, bias_key):
        self.wk, self.bk = weight_key, bias_key
        self.x = None

    def forward(self, params, x):
        self.x = x
        return x @ params[self.wk] + params[self.bk]

    def backward(self, params, dout):
        dx = dout @ params[self.wk].T
        dw = self.x.T @ dout
        db = dout.sum(axis=0)
        return dx, dw, db


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class SoftmaxCrossEntropy:
    def __init__(self):
        self.probs = None
        self.labels = None

    def forward(self, scores, labels):
        z = scores - scores.max(axis=1, keepdims=True)
        ez = np.exp(z)
        self.probs = ez / ez.sum(axis=1, keepdims=True)
        self.labels = labels
        log_p = z - np.log(ez.sum(axis=1, keepdims=True))
        return -np.mean(log_p[np.arange(len(labels)), labels])

    def backward(self):
        n = len(self.labels)
        d = self.probs.copy()
        d[np.arange(n), self.labels] -= 1
        return d / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }
        self.fc1 = Affine('W1', 'b1')
        self.act = Relu()
        self.fc2 = Affine('W2', 'b2')
        self.criterion = SoftmaxCrossEntropy()

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        out = self.fc2.forward(P, self.act.forward(self.fc1.forward(P, X)))
        if y is None:
            return out

        data_loss = self.criterion.forward(out, y)
        weight_sq = sum(np.sum(P[k] ** 2) for k in ('W1', 'W2'))
        loss = data_loss + reg * weight_sq

        dout = self.criterion.backward()
        dh, dW2, db2 = self.fc2.backward(P, dout)
        dx_unused, dW1, db1 = self.fc1.backward(P, self.act.backward(dh))
        grads = {
            'W1': dW1 + 2 * reg * P['W1'],
            'b1': db1,
            'W2': dW2 + 2 * reg * P['W2'],
            'b2': db2,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            cur_loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(cur_loss)
            for name, g in grads.items():
                self.params[name] = self.params[name] - learning_rate * g
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, cur_loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
