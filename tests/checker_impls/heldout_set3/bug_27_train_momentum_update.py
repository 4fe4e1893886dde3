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
        W1, b1, W2, b2 = self.params['W1'], self.params['b1'], self.params['W2'], self.params['b2']
        n = X.shape[0]
        pre_act = X.dot(W1) + b1
        act = np.maximum(pre_act, 0)
        logits = act.dot(W2) + b2
        if y is None:
            return logits

        logits_shift = logits - logits.max(axis=1, keepdims=True)
        partition = np.exp(logits_shift).sum(axis=1)
        loss = (np.log(partition) - logits_shift[np.arange(n), y]).mean()
        loss += reg * ((W1 * W1).sum() + (W2 * W2).sum())

        g = np.exp(logits_shift) / partition[:, None]
        g[np.arange(n), y] -= 1
        g /= n
        g_act = g.dot(W2.T)
        g_pre = g_act * (pre_act > 0)
        grads = {'W2': act.T.dot(g) + 2 * reg * W2, 'b2': g.sum(axis=0),
                 'W1': X.T.dot(g_pre) + 2 * reg * W1, 'b1': g_pre.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        velocity = {k: np.zeros_like(v) for k, v in self.params.items()}
        mu = 0.9
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k in self.params:
                velocity[k] = mu * velocity[k] - learning_rate * grads[k]
                self.params[k] += velocity[k]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
