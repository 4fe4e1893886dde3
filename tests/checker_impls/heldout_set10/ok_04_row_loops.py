import numpy as np


def exponential_schedule(rate, decay):
    state = {"rate": rate}

    def current():
        return state["rate"]

    def end_of_epoch():
        state["rate"] *= decay

    return current, end_of_epoch


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _row_forward(self, x):
        p = self.params
        z = x.dot(p["W1"]) + p["b1"]
        h = np.maximum(0, z)
        return z, h, h.dot(p["W2"]) + p["b2"]

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        N = X.shape[0]
        rows = [self._row_forward(X[i]) for i in range(N)]
        scores = np.array([r[2] for r in rows]).reshape(N, p["W2"].shape[1])
        if y is None:
            return scores

        per_example = np.empty(N)
        dscores = np.empty_like(scores)
        for i in range(N):
            s = scores[i] - scores[i].max()
            logp = s - np.log(np.exp(s).sum())
            per_example[i] = -logp[y[i]]
            d = np.exp(logp)
            d[y[i]] -= 1
            dscores[i] = d / N
        loss = per_example.mean() + reg * (np.sum(p["W1"] * p["W1"]) + np.sum(p["W2"] * p["W2"]))

        Z = np.array([r[0] for r in rows]).reshape(N, p["W1"].shape[1])
        Hd = np.array([r[1] for r in rows]).reshape(N, p["W1"].shape[1])
        dZ = np.empty_like(Z)
        for i in range(N):
            dZ[i] = p["W2"].dot(dscores[i]) * (Z[i] > 0)
        grads = {
            "W1": X.T.dot(dZ) + 2 * reg * p["W1"],
            "b1": dZ.sum(axis=0),
            "W2": Hd.T.dot(dscores) + 2 * reg * p["W2"],
            "b2": dscores.sum(axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rate, end_of_epoch = exponential_schedule(learning_rate, learning_rate_decay)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            step = rate()
            for name in self.params:
                self.params[name] -= step * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                end_of_epoch()

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        best = np.zeros(scores.shape[0], dtype=np.intp)
        for i, row in enumerate(scores):
            for c in range(1, row.shape[0]):
                if row[c] > row[best[i]] or (np.isnan(row[c]) and not np.isnan(row[best[i]])):
                    best[i] = c
        return best
