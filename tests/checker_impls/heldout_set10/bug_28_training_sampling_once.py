import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        h_in = np.dot(X, p["W1"]) + p["b1"]
        h = np.maximum(h_in, 0)
        scores = np.dot(h, p["W2"]) + p["b2"]
        if y is None:
            return scores

        N = X.shape[0]
        sc = scores - scores.max(axis=1, keepdims=True)
        log_probs = sc - np.log(np.exp(sc).sum(axis=1, keepdims=True))
        loss = -log_probs[np.arange(N), y].mean() + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        dsc = np.exp(log_probs)
        dsc[np.arange(N), y] -= 1
        dsc /= N
        dh = np.dot(dsc, p["W2"].T)
        dh[h_in <= 0] = 0
        grads = {
            "W1": np.dot(X.T, dh) + 2 * reg * p["W1"],
            "b1": dh.sum(axis=0),
            "W2": np.dot(h.T, dsc) + 2 * reg * p["W2"],
            "b2": dsc.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        batch_idx = np.random.choice(num_train, batch_size)
        X_batch = X[batch_idx]
        y_batch = y[batch_idx]

        for it in range(num_iters):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.params:
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
        return np.argmax(self.loss(X), axis=1)
