import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]
        N = X.shape[0]

        hidden_pre = X @ W1
        hidden_pre += b1
        hidden = np.maximum(hidden_pre, 0.0)
        scores = hidden @ W2
        scores += b2
        scores -= scores.max(axis=1, keepdims=True)
        if y is None:
            return scores

        exp_scores = np.exp(scores)
        sums = exp_scores.sum(axis=1)
        loss = np.mean(np.log(sums) - scores[np.arange(N), y])
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = exp_scores / sums[:, None]
        dscores[np.arange(N), y] -= 1.0
        dscores /= N
        dW2 = hidden.T @ dscores
        dW2 += 2.0 * reg * W2
        db2 = dscores.sum(axis=0)
        dhidden = dscores @ W2.T
        dhidden *= hidden_pre > 0
        dW1 = X.T @ dhidden
        dW1 += 2.0 * reg * W1
        db1 = dhidden.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for p in ("W1", "b1", "W2", "b2"):
                self.params[p] -= learning_rate * grads[p]
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
