import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        hidden_raw = X.dot(W1) + b1
        hidden = hidden_raw * (hidden_raw > 0)
        scores = hidden.dot(W2) + b2
        if y is None:
            return scores
        N = X.shape[0]
        s = scores - scores.max(axis=1, keepdims=True)
        log_p = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
        loss = -log_p[np.arange(N), y].mean()
        loss += reg * ((W1 * W1).sum() + (W2 * W2).sum())
        g = np.exp(log_p)
        g[np.arange(N), y] -= 1
        g /= N
        g_hidden = g.dot(W2.T) * (hidden_raw > 0)
        return loss, dict(W1=X.T.dot(g_hidden) + 2 * reg * W1, b1=g_hidden.sum(axis=0),
                          W2=hidden.T.dot(g) + 2 * reg * W2, b2=g.sum(axis=0))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        batch_idx = np.random.choice(num_train, batch_size)
        X_batch, y_batch = X[batch_idx], y[batch_idx]

        for it in range(num_iters):
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
