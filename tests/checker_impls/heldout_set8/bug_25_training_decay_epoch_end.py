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
        P = self.params
        N = X.shape[0]
        lin1 = X @ P["W1"] + P["b1"]
        act1 = np.maximum(lin1, 0)
        scores = act1 @ P["W2"] + P["b2"]
        if y is None:
            return scores
        shifted = scores - scores.max(1, keepdims=True)
        logprob = shifted - np.log(np.exp(shifted).sum(1, keepdims=True))
        loss = -logprob[np.arange(N), y].mean() + reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        dS = np.exp(logprob)
        dS[np.arange(N), y] -= 1
        dS /= N
        dL1 = (dS @ P["W2"].T) * (lin1 > 0)
        return loss, {"W1": X.T @ dL1 + 2 * reg * P["W1"], "b1": dL1.sum(0),
                      "W2": act1.T @ dS + 2 * reg * P["W2"], "b2": dS.sum(0)}

    def _accuracy(self, X, y):
        return (self.predict(X) == y).mean()

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(self._accuracy(X_batch, y_batch))
                history["val_acc_history"].append(self._accuracy(X_val, y_val))
            if (it + 1) % iterations_per_epoch == 0:
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
