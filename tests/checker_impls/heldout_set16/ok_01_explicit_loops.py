import numpy as np


class TwoLayerNet(object):
    """Two-layer net (affine - ReLU - affine - softmax) written with explicit loops."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ('W1', 'b1', 'W2', 'b2'):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def _forward_one(self, x):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        D, H = W1.shape
        C = W2.shape[1]
        z = np.zeros(H)
        for j in range(H):
            total = 0.0
            for d in range(D):
                total += x[d] * W1[d, j]
            z[j] = total + b1[j]
        h = np.zeros(H)
        for j in range(H):
            if z[j] > 0:
                h[j] = z[j]
        s = np.zeros(C)
        for c in range(C):
            total = 0.0
            for j in range(H):
                total += h[j] * W2[j, c]
            s[c] = total + b2[c]
        return z, h, s

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params['W1'], self.params['W2']
        D, H = W1.shape
        C = W2.shape[1]
        N = X.shape[0]

        cached = [self._forward_one(X[i]) for i in range(N)]
        scores = np.zeros((N, C))
        for i in range(N):
            scores[i] = cached[i][2]
        if y is None:
            return scores

        dW1 = np.zeros_like(W1)
        db1 = np.zeros(H)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros(C)
        total_loss = 0.0
        for i in range(N):
            z, h, s = cached[i]
            top = s[0]
            for c in range(1, C):
                if s[c] > top:
                    top = s[c]
            norm = 0.0
            for c in range(C):
                norm += np.exp(s[c] - top)
            log_norm = np.log(norm)
            label = int(y[i])
            total_loss -= (s[label] - top) - log_norm

            ds = np.zeros(C)
            for c in range(C):
                ds[c] = np.exp((s[c] - top) - log_norm)
            ds[label] -= 1.0
            ds /= N

            for c in range(C):
                db2[c] += ds[c]
                for j in range(H):
                    dW2[j, c] += h[j] * ds[c]
            for j in range(H):
                if z[j] <= 0:
                    continue
                dz = 0.0
                for c in range(C):
                    dz += ds[c] * W2[j, c]
                db1[j] += dz
                for d in range(D):
                    dW1[d, j] += X[i, d] * dz

        data_loss = total_loss / N
        penalty = 0.0
        for W in (W1, W2):
            penalty += np.sum(W * W)
        loss = data_loss + reg * penalty

        for j in range(H):
            for c in range(C):
                dW2[j, c] += 2 * reg * W2[j, c]
        for d in range(D):
            for j in range(H):
                dW1[d, j] += 2 * reg * W1[d, j]

        return loss, {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in ('W1', 'b1', 'W2', 'b2'):
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                hits = 0
                for pred, label in zip(self.predict(X_batch), y_batch):
                    hits += int(pred == label)
                train_acc_history.append(np.float64(hits) / len(y_batch))
                hits = 0
                for pred, label in zip(self.predict(X_val), y_val):
                    hits += int(pred == label)
                val_acc_history.append(np.float64(hits) / len(y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        labels = np.zeros(scores.shape[0], dtype=np.int64)
        for i in range(scores.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best]:
                    best = c
            labels[i] = best
        return labels
