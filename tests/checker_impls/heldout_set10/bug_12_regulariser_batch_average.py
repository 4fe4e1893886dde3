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
        hidden_in = X.dot(P["W1"]) + P["b1"]
        hidden = hidden_in.clip(min=0)
        scores = hidden.dot(P["W2"]) + P["b2"]
        if y is None:
            return scores

        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        total = -np.sum(log_probs[np.arange(N), y])
        total += reg * (np.sum(P["W1"] ** 2) + np.sum(P["W2"] ** 2))
        loss = total / N

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dW2 = hidden.T.dot(dscores) + 2 * reg * P["W2"]
        db2 = dscores.sum(axis=0)
        dhidden = dscores.dot(P["W2"].T)
        dhidden[hidden_in <= 0] = 0
        dW1 = X.T.dot(dhidden) + 2 * reg * P["W1"]
        db1 = dhidden.sum(axis=0)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        for g in grads.values():
            g /= N
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            sel = np.random.choice(num_train, batch_size)
            Xb, yb = X[sel], y[sel]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)

            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append((self.predict(Xb) == yb).mean())
                stats["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return stats

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
