import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def _scores(self, X):
        hidden_in = X.dot(self.params["W1"]) + self.params["b1"]
        hidden = np.maximum(0, hidden_in)
        return hidden_in, hidden, hidden.dot(self.params["W2"]) + self.params["b2"]

    def loss(self, X, y=None, reg=0.0):
        hidden_in, hidden, scores = self._scores(X)
        if y is None:
            return scores

        num_examples, num_classes = scores.shape
        targets = np.zeros_like(scores)
        targets[np.arange(num_examples), y] = 1.0

        stable = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = stable - np.log(np.sum(np.exp(stable), axis=1, keepdims=True))
        cross_entropy = -np.mean(targets * log_probs)

        W1, W2 = self.params["W1"], self.params["W2"]
        penalty = reg * np.sum(W1 ** 2) + reg * np.sum(W2 ** 2)

        d_scores = (np.exp(log_probs) - targets) / num_examples
        d_hidden = d_scores.dot(W2.T)
        d_hidden_in = d_hidden * (hidden_in > 0)
        grads = {
            "W1": X.T.dot(d_hidden_in) + 2 * reg * W1,
            "b1": d_hidden_in.sum(axis=0),
            "W2": hidden.T.dot(d_scores) + 2 * reg * W2,
            "b2": d_scores.sum(axis=0),
        }
        return cross_entropy + penalty, grads

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
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self._scores(X)[2], axis=1)
