import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def forward(self, X):
        p = self.params
        cache = {"X": X}
        cache["z1"] = X.dot(p["W1"]) + p["b1"]
        cache["h1"] = np.maximum(0, cache["z1"])
        scores = cache["h1"].dot(p["W2"]) + p["b2"]
        return scores, cache

    def backward(self, dscores, cache, reg):
        p = self.params
        grads = {}
        grads["W2"] = cache["h1"].T.dot(dscores) + 2 * reg * p["W2"]
        grads["b2"] = np.mean(dscores, axis=0)
        dh1 = dscores.dot(p["W2"].T)
        dz1 = dh1 * (cache["z1"] > 0)
        grads["W1"] = cache["X"].T.dot(dz1) + 2 * reg * p["W1"]
        grads["b1"] = np.sum(dz1, axis=0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        scores, cache = self.forward(X)
        if y is None:
            return scores
        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y])
        loss += reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))
        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        return loss, self.backward(dscores, cache, reg)

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
        return np.argmax(self.forward(X)[0], axis=1)
