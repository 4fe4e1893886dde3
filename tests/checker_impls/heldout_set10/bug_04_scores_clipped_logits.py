import numpy as np

SCORE_LIMIT = 50.0


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def forward(self, X):
        P = self.params
        a1 = np.dot(X, P["W1"]) + P["b1"]
        h1 = np.maximum(a1, 0.0)
        logits = np.dot(h1, P["W2"]) + P["b2"]
        logits = np.clip(logits, -SCORE_LIMIT, SCORE_LIMIT)
        return a1, h1, logits

    def loss(self, X, y=None, reg=0.0):
        a1, h1, logits = self.forward(X)
        if y is None:
            return logits

        P = self.params
        N, C = logits.shape
        onehot = np.zeros((N, C))
        onehot[np.arange(N), y] = 1.0

        z = logits - logits.max(axis=1, keepdims=True)
        log_probs = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        probs = np.exp(log_probs)
        data_loss = -np.sum(onehot * log_probs) / N
        reg_loss = reg * (np.sum(np.square(P["W1"])) + np.sum(np.square(P["W2"])))

        dlogits = (probs - onehot) / N
        dW2 = np.dot(h1.T, dlogits) + 2.0 * reg * P["W2"]
        db2 = np.sum(dlogits, axis=0)
        dh1 = np.dot(dlogits, P["W2"].T)
        da1 = np.where(a1 > 0, dh1, 0.0)
        dW1 = np.dot(X.T, da1) + 2.0 * reg * P["W1"]
        db1 = np.sum(da1, axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            ids = np.random.choice(num_train, batch_size)
            xb, yb = X[ids], y[ids]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            history["loss_history"].append(loss)

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(xb) == yb).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return history

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
