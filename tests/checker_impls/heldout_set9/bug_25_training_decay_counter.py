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
        p = self.params
        z1 = np.dot(X, p["W1"]) + p["b1"]
        h1 = np.maximum(z1, 0)
        scores = np.dot(h1, p["W2"]) + p["b2"]
        if y is None:
            return scores
        N = X.shape[0]
        idx = (np.arange(N), y)
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.mean(log_probs[idx])
        loss += reg * (np.sum(p["W1"] * p["W1"]) + np.sum(p["W2"] * p["W2"]))
        d = np.exp(log_probs)
        d[idx] -= 1.0
        d /= N
        dz1 = np.dot(d, p["W2"].T) * (z1 > 0)
        grads = {"W1": np.dot(X.T, dz1) + 2 * reg * p["W1"], "b1": np.sum(dz1, axis=0),
                 "W2": np.dot(h1.T, d) + 2 * reg * p["W2"], "b2": np.sum(d, axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        epoch = 0
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
                epoch += 1
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay ** epoch
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
