import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        H = W1.shape[1]
        C = W2.shape[1]

        pre = np.zeros((N, H))
        hid = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            pre[i] = X[i].dot(W1) + b1
            hid[i] = np.maximum(pre[i], 0)
            scores[i] = hid[i].dot(W2) + b2
        if y is None:
            return scores

        loss = 0.0
        dpre = np.zeros((N, H))
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        db1 = np.zeros_like(b1)
        for i in range(N):
            s = scores[i] - scores[i].max()
            logp = s - np.log(np.exp(s).sum())
            loss -= logp[y[i]]
            d = np.exp(logp)
            d[y[i]] -= 1
            d /= N
            dW2 += np.outer(hid[i], d)
            db2 += d
            dpre[i] = W2.dot(d) * (pre[i] > 0)
            db1 += dpre[i]

        dW1 = np.zeros_like(W1)
        for i in range(1, N):
            dW1 += np.outer(X[i], dpre[i])

        loss = loss / N + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size)
            X_batch = X[ix]
            y_batch = y[ix]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]

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
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
