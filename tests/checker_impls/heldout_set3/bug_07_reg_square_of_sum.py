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
        p = self.params
        n = X.shape[0]
        cache = {}
        cache['pre'] = np.matmul(X, p['W1']) + p['b1']
        cache['post'] = np.maximum(cache['pre'], 0)
        logits = np.matmul(cache['post'], p['W2']) + p['b2']
        if y is None:
            return logits

        logits = logits - logits.max(axis=1)[:, None]
        log_norm = np.log(np.exp(logits).sum(axis=1))
        data_loss = np.mean(log_norm - logits[np.arange(n), y])
        weight_penalty = np.sum(p['W1']) ** 2 + np.sum(p['W2']) ** 2
        loss = data_loss + reg * weight_penalty

        g_logits = np.exp(logits - log_norm[:, None])
        g_logits[np.arange(n), y] -= 1
        g_logits /= n
        grads = {}
        grads['W2'] = np.matmul(cache['post'].T, g_logits) + 2 * reg * p['W2']
        grads['b2'] = g_logits.sum(axis=0)
        g_post = np.matmul(g_logits, p['W2'].T)
        g_pre = g_post * (cache['pre'] > 0)
        grads['W1'] = np.matmul(X.T, g_pre) + 2 * reg * p['W1']
        grads['b1'] = g_pre.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in grads:
                self.params[k] -= learning_rate * grads[k]
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
