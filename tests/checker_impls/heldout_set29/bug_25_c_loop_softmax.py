import numpy as np


class TwoLayerNet:
    """Two-layer net ported from a C implementation: explicit loops over examples."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict()
        for name in ["W1", "b1", "W2", "b2"]:
            net.params[name] = np.array(params[name], dtype=np.float64)
        return net

    def _scores(self, X):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        H = W1.shape[1]
        C = W2.shape[1]
        z1 = np.zeros((N, H))
        h1 = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            z1[i] = X[i].dot(W1) + b1
            for j in range(H):
                h1[i, j] = z1[i, j] if z1[i, j] > 0 else 0.0
            scores[i] = h1[i].dot(W2) + b2
        return z1, h1, scores

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params["W1"], self.params["W2"]
        N = X.shape[0]
        z1, h1, scores = self._scores(X)
        if y is None:
            return scores

        C = scores.shape[1]
        total = 0.0
        dscores = np.zeros((N, C))
        for i in range(N):
            row = scores[i]
            m = row.max()
            log_sum = np.log(np.sum(np.exp(row - m)))
            total += log_sum - row[y[i]]
            dscores[i] = np.exp(row - m - log_sum)
            dscores[i, y[i]] -= 1.0
        data_loss = total / N
        dscores /= N
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dW2 = np.zeros_like(W2)
        for i in range(N):
            dW2 += np.outer(h1[i], dscores[i])
        dW2 += 2 * reg * W2
        db2 = dscores.sum(axis=0)

        dh1 = dscores.dot(W2.T)
        dz1 = np.zeros_like(dh1)
        dW1 = np.zeros_like(W1)
        db1 = np.zeros(W1.shape[1])
        for i in range(N):
            dz1[i] = dh1[i] * (z1[i] > 0)
            dW1 += np.outer(X[i], dz1[i])
            db1 += dz1[i]
        dW1 += 2 * reg * W1

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        it = 0
        while it < num_iters:
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ["W1", "b1", "W2", "b2"]:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(self._accuracy(X_batch, y_batch))
                val_acc_history.append(self._accuracy(X_val, y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def _accuracy(self, X, y):
        pred = self.predict(X)
        correct = 0
        for i in range(len(y)):
            if pred[i] == y[i]:
                correct += 1
        return correct / len(y)

    def predict(self, X):
        scores = self.loss(X)
        N = scores.shape[0]
        y_pred = np.zeros(N, dtype=np.int64)
        for i in range(N):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best]:
                    best = c
            y_pred[i] = best
        return y_pred
