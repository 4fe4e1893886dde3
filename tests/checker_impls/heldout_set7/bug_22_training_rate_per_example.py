import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size)
        W2 = np.random.randn(hidden_size, output_size)
        self.params = {"W1": std * W1, "b1": np.zeros(hidden_size),
                       "W2": std * W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[n] for n in ("W1", "b1", "W2", "b2"))
        lin1 = X @ W1 + b1
        act1 = np.maximum(0, lin1)
        lin2 = act1 @ W2 + b2
        if y is None:
            return lin2
        N = lin2.shape[0]
        t = lin2 - lin2.max(axis=1, keepdims=True)
        logits_norm = t - np.log(np.sum(np.exp(t), axis=1))[:, None]
        loss = -np.mean(logits_norm[np.arange(N), y])
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dlin2 = np.exp(logits_norm)
        dlin2[np.arange(N), y] -= 1
        dlin2 /= N
        dact1 = dlin2 @ W2.T
        dlin1 = dact1 * (lin1 > 0)
        grads = {"W1": X.T @ dlin1 + 2 * reg * W1, "b1": np.sum(dlin1, axis=0),
                 "W2": act1.T @ dlin2 + 2 * reg * W2, "b2": np.sum(dlin2, axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            step = learning_rate / len(rows)
            for name in self.params:
                self.params[name] -= step * grads[name]
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
