import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params['W1'], self.params['b1'], self.params['W2'], self.params['b2']
        N = X.shape[0]
        hid_in = X @ W1 + b1
        hid = np.maximum(hid_in, 0.0)
        scores = hid @ W2 + b2
        if y is None:
            return scores

        mx = scores.max(axis=1, keepdims=True)
        logsum = np.log(np.exp(scores - mx).sum(axis=1, keepdims=True)) + mx
        log_probs = scores - logsum
        data_loss = -log_probs[np.arange(N), y].sum() / N
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        d_scores = np.exp(log_probs)
        d_scores[np.arange(N), y] -= 1
        d_scores /= N
        d_hid = d_scores @ W2.T
        d_hid_in = d_hid * (hid_in > 0)
        grads = {
            'W1': X.T @ d_hid_in + 2 * reg * W1,
            'b1': d_hid_in.sum(axis=0),
            'W2': hid.T @ d_scores + 2 * reg * W2,
            'b2': d_scores.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        # all labelled data we have, so every minibatch sees as much as possible
        X_all = np.concatenate([X, X_val], axis=0)
        y_all = np.concatenate([y, y_val], axis=0)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            ids = np.random.choice(len(X_all), batch_size)
            X_batch, y_batch = X_all[ids], y_all[ids]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]

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
