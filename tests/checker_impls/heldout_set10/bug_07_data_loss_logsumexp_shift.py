import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @staticmethod
    def _row_loss(row, label):
        m = np.max(row)
        lse = np.log(np.sum(np.exp(row - m)))
        probs = np.exp(row - m - lse)
        return lse - row[label], probs

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]

        pre = X.dot(W1) + b1
        act = np.maximum(pre, 0)
        scores = act.dot(W2) + b2
        if y is None:
            return scores

        N = len(X)
        total = 0.0
        dscores = np.empty_like(scores)
        for i in range(N):
            li, pi = self._row_loss(scores[i], y[i])
            total += li
            pi[y[i]] -= 1.0
            dscores[i] = pi / N
        loss = total / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dW2 = act.T.dot(dscores) + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dpre = dscores.dot(W2.T) * (pre > 0)
        dW1 = X.T.dot(dpre) + 2 * reg * W1
        db1 = dpre.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

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

            for p in self.params:
                self.params[p] -= learning_rate * grads[p]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
