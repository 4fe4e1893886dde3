import numpy as np


def relu(x):
    return np.maximum(x, 0)


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
        p = self.params
        N = X.shape[0]
        z1 = X @ p["W1"] + p["b1"]
        a1 = relu(z1)
        scores = a1 @ p["W2"] + p["b2"]
        if y is None:
            return scores

        m = scores.max(axis=1, keepdims=True)
        log_probs = scores - m - np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean() + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        d_scores = np.exp(log_probs)
        d_scores[np.arange(N), y] -= 1
        d_scores /= N
        d_a1 = d_scores @ p["W2"].T
        d_z1 = relu(d_a1)  # backprop through the relu
        grads = {
            "W2": a1.T @ d_scores + 2 * reg * p["W2"],
            "b2": d_scores.sum(axis=0),
            "W1": X.T @ d_z1 + 2 * reg * p["W1"],
            "b1": d_z1.sum(axis=0),
        }
        return loss, grads

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
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
