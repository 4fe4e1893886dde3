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
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        Z = X @ W1
        Z += b1
        A = np.maximum(Z, 0)
        S = A @ W2
        S += b2
        if y is None:
            return S

        n = S.shape[0]
        rows = np.arange(n)
        S_shift = S - S.max(axis=1, keepdims=True)
        log_softmax = S_shift - np.log(np.exp(S_shift).sum(axis=1, keepdims=True))
        loss = -log_softmax[rows, y].mean()
        loss += reg * (np.vdot(W1, W1) + np.vdot(W2, W2))

        dS = np.exp(log_softmax)
        dS[rows, y] -= 1
        dS /= n
        dA = dS @ W2.T
        dA *= Z > 0
        grads = {"W1": X.T @ dA, "b1": dA.sum(axis=0), "W2": A.T @ dS, "b2": dS.sum(axis=0)}
        grads["W1"] += 2 * reg * W1
        grads["W2"] += 2 * reg * W2
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        batch_size = min(batch_size, num_train)
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k, g in grads.items():
                self.params[k] -= learning_rate * g

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
