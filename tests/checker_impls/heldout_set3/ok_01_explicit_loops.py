import numpy as np


class TwoLayerNet(object):
    """Two-layer net written with explicit per-example loops (no matrix tricks)."""

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

        pre = np.zeros((N, H))
        hid = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            pre[i] = X[i].dot(W1) + b1
            for j in range(H):
                hid[i, j] = pre[i, j] if pre[i, j] > 0 else 0.0
            scores[i] = hid[i].dot(W2) + b2

        if y is None:
            return scores

        data_loss = 0.0
        dscores = np.zeros((N, C))
        for i in range(N):
            row = scores[i] - np.max(scores[i])
            e = np.exp(row)
            p = e / np.sum(e)
            data_loss += -(row[y[i]] - np.log(np.sum(e)))
            p[y[i]] -= 1.0
            dscores[i] = p / N
        data_loss /= N
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        for i in range(N):
            dW2 += np.outer(hid[i], dscores[i])
            db2 += dscores[i]
            dhid = W2.dot(dscores[i])
            dpre = np.where(pre[i] > 0, dhid, 0.0)
            dW1 += np.outer(X[i], dpre)
            db1 += dpre
        dW2 += 2 * reg * W2
        dW1 += 2 * reg * W1

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
            picks = np.random.choice(num_train, batch_size)
            X_batch = X[picks]
            y_batch = y[picks]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key in ['W1', 'b1', 'W2', 'b2']:
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                correct = 0
                pred = self.predict(X_batch)
                for k in range(len(y_batch)):
                    correct += int(pred[k] == y_batch[k])
                train_acc_history.append(correct / float(len(y_batch)))
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            y_pred[i] = int(np.argmax(scores[i]))
        return y_pred
