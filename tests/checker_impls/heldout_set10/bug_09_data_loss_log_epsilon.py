import numpy as np

EPS = 1e-8


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _softmax(self, scores):
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_z = np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        return np.exp(shifted - log_z)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        num = X.shape[0]

        z = np.matmul(X, W1) + b1
        a = np.maximum(0, z)
        scores = np.matmul(a, W2) + b2
        if y is None:
            return scores

        probs = self._softmax(scores)
        p_true = probs[np.arange(num), y]
        data_loss = -np.log(p_true + EPS).mean()
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        delta = probs.copy()
        delta[np.arange(num), y] -= 1
        delta /= num
        grads = {
            "W2": np.matmul(a.T, delta) + 2 * reg * W2,
            "b2": delta.sum(axis=0),
        }
        dz = np.matmul(delta, W2.T)
        dz *= z > 0
        grads["W1"] = np.matmul(X.T, dz) + 2 * reg * W1
        grads["b1"] = dz.sum(axis=0)
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key, value in self.params.items():
                value -= learning_rate * grads[key]

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
        return np.argmax(self.loss(X), axis=1)
