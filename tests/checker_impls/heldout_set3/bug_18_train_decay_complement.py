import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': std * np.random.randn(input_size, hidden_size),
            'b1': np.zeros(hidden_size),
            'W2': std * np.random.randn(hidden_size, output_size),
            'b2': np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        N = X.shape[0]
        h_lin = X @ P['W1'] + P['b1']
        h = h_lin.clip(min=0)
        out = h @ P['W2'] + P['b2']
        if y is None:
            return out

        out_s = out - out.max(axis=1, keepdims=True)
        norm = np.exp(out_s).sum(axis=1, keepdims=True)
        logp = out_s - np.log(norm)
        loss = -np.mean(logp[np.arange(N), y])
        loss += reg * (np.square(P['W1']).sum() + np.square(P['W2']).sum())

        dout = np.exp(logp)
        dout[np.arange(N), y] -= 1
        dout /= N
        dh = dout @ P['W2'].T
        dh_lin = dh * (h_lin > 0)
        return loss, {
            'W1': X.T @ dh_lin + 2 * reg * P['W1'],
            'b1': dh_lin.sum(axis=0),
            'W2': h.T @ dout + 2 * reg * P['W2'],
            'b2': dout.sum(axis=0),
        }

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                # decay the learning rate by learning_rate_decay each epoch
                lr -= lr * learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
