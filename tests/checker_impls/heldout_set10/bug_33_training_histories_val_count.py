import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        pre = np.matmul(X, W1) + b1
        post = np.maximum(pre, 0)
        scores = np.matmul(post, W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        r = np.arange(N)
        z = scores - scores.max(axis=1, keepdims=True)
        lp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -lp[r, y].mean() + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dz = np.exp(lp)
        dz[r, y] -= 1
        dz /= N
        dpre = np.matmul(dz, W2.T)
        dpre[pre <= 0] = 0
        grads = {
            "W1": np.matmul(X.T, dpre) + 2 * reg * W1,
            "b1": dpre.sum(axis=0),
            "W2": np.matmul(post.T, dz) + 2 * reg * W2,
            "b2": dz.sum(axis=0),
        }
        return loss, grads

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
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                correct_train = np.sum(self.predict(X_batch) == y_batch)
                correct_val = np.sum(self.predict(X_val) == y_val)
                train_acc_history.append(correct_train / batch_size)
                val_acc_history.append(correct_val / num_train)
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
