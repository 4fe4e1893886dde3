import numpy as np


class TwoLayerNet(object):
    """Two-layer fully connected net: affine - relu - affine - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N = X.shape[0]
        H = W1.shape[1]
        C = W2.shape[1]

        hidden = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            a = X[i].dot(W1) + b1
            for j in range(H):
                if a[j] > 0:
                    hidden[i, j] = a[j]
            scores[i] = hidden[i].dot(W2) + b2

        if y is None:
            return scores

        data_loss = 0.0
        dscores = np.zeros((N, C))
        for i in range(N):
            row = scores[i] - np.max(scores[i])
            log_norm = np.log(np.sum(np.exp(row)))
            data_loss += log_norm - row[y[i]]
            dscores[i] = np.exp(row - log_norm)
            dscores[i, y[i]] -= 1.0
        data_loss /= N
        dscores /= N

        reg_loss = 0.0
        for W in (W1, W2):
            reg_loss += np.sum(W * W)
        loss = data_loss + reg * reg_loss

        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            dW2 += np.outer(hidden[i], dscores[i])
            db2 += dscores[i]
            dh = W2.dot(dscores[i])
            for j in range(H):
                if hidden[i, j] <= 0:
                    dh[j] = 0.0
            dW1 += np.outer(X[i], dh)
            db1 += dh
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ('W1', 'b1', 'W2', 'b2'):
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                correct = 0
                pred = self.predict(X_batch)
                for i in range(len(y_batch)):
                    if pred[i] == y_batch[i]:
                        correct += 1
                train_acc_history.append(correct / float(len(y_batch)))
                correct = 0
                pred = self.predict(X_val)
                for i in range(len(y_val)):
                    if pred[i] == y_val[i]:
                        correct += 1
                val_acc_history.append(correct / float(len(y_val)))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        N, C = scores.shape
        y_pred = np.zeros(N, dtype=np.int64)
        for i in range(N):
            best = 0
            for c in range(1, C):
                if scores[i, c] > scores[i, best]:
                    best = c
            y_pred[i] = best
        return y_pred
