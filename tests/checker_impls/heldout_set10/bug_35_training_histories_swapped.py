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
        prm = self.params
        a1 = np.dot(X, prm["W1"]) + prm["b1"]
        h1 = np.maximum(0, a1)
        scores = np.dot(h1, prm["W2"]) + prm["b2"]
        if y is None:
            return scores

        N = X.shape[0]
        m = np.max(scores, axis=1, keepdims=True)
        lse = np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
        log_probs = (scores - m) - lse
        loss = -np.mean(log_probs[np.arange(N), y])
        loss += reg * (np.sum(prm["W1"] * prm["W1"]) + np.sum(prm["W2"] * prm["W2"]))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {}
        grads["W2"] = np.dot(h1.T, dscores) + 2 * reg * prm["W2"]
        grads["b2"] = np.sum(dscores, axis=0)
        da1 = np.dot(dscores, prm["W2"].T) * (a1 > 0)
        grads["W1"] = np.dot(X.T, da1) + 2 * reg * prm["W1"]
        grads["b1"] = np.sum(da1, axis=0)
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
            for name, g in grads.items():
                self.params[name] -= learning_rate * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
                train_acc_history.append(val_acc)
                val_acc_history.append(train_acc)
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
