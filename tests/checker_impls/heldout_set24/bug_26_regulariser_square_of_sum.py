"""Two-layer net with a per-example backward pass (easy to check by hand)."""

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = np.random.randn(input_size, hidden_size) * std
        W2 = np.random.randn(hidden_size, output_size) * std
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64)) for k in ("W1", "b1", "W2", "b2"))
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        hidden_in = X.dot(P["W1"]) + P["b1"]
        hidden_out = hidden_in.clip(min=0)
        scores = hidden_out.dot(P["W2"]) + P["b2"]
        if y is None:
            return scores

        N = scores.shape[0]
        loss = 0.0
        dscores = np.zeros_like(scores)
        for i in range(N):
            row = scores[i] - scores[i].max()
            p = np.exp(row) / np.exp(row).sum()
            loss += np.log(np.exp(row).sum()) - row[y[i]]
            p[y[i]] -= 1
            dscores[i] = p / N
        loss /= N
        loss += reg * (P["W1"].sum() ** 2 + P["W2"].sum() ** 2)

        grads = {name: np.zeros_like(value) for name, value in P.items()}
        for i in range(N):
            grads["W2"] += np.outer(hidden_out[i], dscores[i])
            grads["b2"] += dscores[i]
            dh = P["W2"].dot(dscores[i])
            dh[hidden_in[i] <= 0] = 0
            grads["W1"] += np.outer(X[i], dh)
            grads["b1"] += dh
        grads["W1"] += 2 * reg * P["W1"]
        grads["W2"] += 2 * reg * P["W2"]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            chosen = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[chosen]
            y_batch = y[chosen]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for k, g in grads.items():
                self.params[k] = self.params[k] - learning_rate * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(float((self.predict(X_batch) == y_batch).mean()))
                val_acc_history.append(float((self.predict(X_val) == y_val).mean()))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        out = np.empty(X.shape[0], dtype=np.int64)
        step = 256
        for start in range(0, X.shape[0], step):
            out[start:start + step] = np.argmax(self.loss(X[start:start + step]), axis=1)
        return out
