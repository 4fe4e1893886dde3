import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    def _hidden(self, X):
        W1, b1 = self.params["W1"], self.params["b1"]
        pre = np.dot(X, W1)
        pre += b1
        act = np.empty_like(X, shape=pre.shape)
        act[...] = pre
        act[act < 0] = 0
        return pre, act

    def loss(self, X, y=None, reg=0.0):
        W1, W2, b2 = self.params["W1"], self.params["W2"], self.params["b2"]
        pre, act = self._hidden(X)
        scores = np.dot(act, W2)
        scores += b2
        if y is None:
            return scores

        n = X.shape[0]
        rows = np.arange(n)
        shifted = scores - scores.max(axis=1)[:, None]
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1))[:, None]
        data_loss = -np.mean(log_probs[rows, y])
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        g = np.exp(log_probs)
        g[rows, y] -= 1
        g /= n

        grads = {}
        grads["W2"] = np.dot(act.T, g) + 2 * reg * W2
        grads["b2"] = np.sum(g, axis=0)
        dact = np.dot(g, W2.T)
        dact[pre <= 0] = 0
        grads["W1"] = np.dot(X.T, dact) + 2 * reg * W1
        grads["b1"] = np.sum(dact, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
