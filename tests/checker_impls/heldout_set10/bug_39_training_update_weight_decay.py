import numpy as np

WEIGHTS = ("W1", "W2")


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
        lin1 = X @ P["W1"] + P["b1"]
        act1 = np.maximum(lin1, 0)
        scores = act1 @ P["W2"] + P["b2"]
        if y is None:
            return scores

        N = X.shape[0]
        shift = scores - scores.max(axis=1, keepdims=True)
        logp = shift - np.log(np.exp(shift).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean() + reg * sum(np.sum(P[w] ** 2) for w in WEIGHTS)

        dscores = np.exp(logp)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dlin1 = (dscores @ P["W2"].T) * (lin1 > 0)
        grads = {
            "W1": X.T @ dlin1,
            "b1": dlin1.sum(axis=0),
            "W2": act1.T @ dscores,
            "b2": dscores.sum(axis=0),
        }
        for w in WEIGHTS:
            grads[w] += 2 * reg * P[w]
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

            for name, value in self.params.items():
                update = grads[name]
                if name in WEIGHTS:
                    update = update + reg * value
                value -= learning_rate * update

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
