import math
import numpy as np

VERBOSE_DEBUG = 0   # 1 = print everything (slow!!)


class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        D, H, C = input_size, hidden_size, output_size
        self.params = dict()
        self.params['W1'] = std * np.random.randn(D, H)
        self.params['b1'] = np.zeros(H)
        self.params['W2'] = std * np.random.randn(H, C)
        self.params['b2'] = np.zeros(C)

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']; b1 = self.params['b1']
        W2 = self.params['W2']; b2 = self.params['b2']
        N, D = X.shape
        H = W1.shape[1]
        C = W2.shape[1]
        assert W1.shape[0] == D, (W1.shape, X.shape)

        # forward, one example at a time (vectorise later... TODO)
        pre = np.zeros((N, H))
        hidden = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            pre[i] = X[i].dot(W1) + b1
            for j in range(H):
                hidden[i, j] = pre[i, j] if pre[i, j] > 0 else 0.0
            scores[i] = hidden[i].dot(W2) + b2
        if y is None:
            return scores

        loss = 0.0
        dscores = np.zeros_like(scores)
        for i in range(N):
            row = scores[i] - np.max(scores[i])
            denom = 0.0
            for c in range(C):
                denom += math.exp(row[c])
            loss += -(row[y[i]] - math.log(denom))
            for c in range(C):
                dscores[i, c] = math.exp(row[c]) / denom
            dscores[i, y[i]] -= 1.0
        loss /= N
        dscores /= N

        reg_loss = 0.0
        for W in (W1, W2):
            reg_loss += np.sum(W * W)
        loss += reg * reg_loss
        if VERBOSE_DEBUG:
            print('loss (data+reg):', loss)

        dW1 = np.zeros_like(W1); db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2); db2 = np.zeros_like(b2)
        for i in range(N):
            dW2 += np.outer(hidden[i], dscores[i])
            db2 += dscores[i]
            dh = W2.dot(dscores[i])
            for j in range(H):
                if pre[i, j] <= 0:
                    dh[j] = 0.0
            dW1 += np.outer(X[i], dh)
            db1 += dh
        dW2 += 2 * reg * W2
        dW1 += 2 * reg * W1
        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ['W1', 'b1', 'W2', 'b2']:
                self.params[name] -= learning_rate * (grads[name] + reg * self.params[name])

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                correct = 0
                preds = self.predict(X_batch)
                for i in range(len(y_batch)):
                    if preds[i] == y_batch[i]:
                        correct += 1
                train_acc_history.append(correct / float(len(y_batch)))
                correct = 0
                preds = self.predict(X_val)
                for i in range(len(y_val)):
                    if preds[i] == y_val[i]:
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
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best]:
                    best = c
            y_pred[i] = best
        return y_pred
