import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draws = [np.random.randn(input_size, hidden_size), np.random.randn(hidden_size, output_size)]
        self.params = {
            "W1": std * draws[0],
            "b1": np.zeros(hidden_size),
            "W2": std * draws[1],
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        cache = {"X": X}
        cache["z"] = np.dot(X, self.params["W1"]) + self.params["b1"]
        cache["h"] = np.clip(cache["z"], 0, None)
        cache["s"] = np.dot(cache["h"], self.params["W2"]) + self.params["b2"]
        return cache

    def _backward(self, cache, dscores, reg):
        W1, W2 = self.params["W1"], self.params["W2"]
        dh = np.dot(dscores, W2.T)
        dh[cache["z"] <= 0] = 0.0
        return {
            "W1": np.dot(cache["X"].T, dh) + 2.0 * reg * W1,
            "b1": np.sum(dh, axis=0),
            "W2": np.dot(cache["h"].T, dscores) + 2.0 * reg * W2,
            "b2": np.sum(dscores, axis=0),
        }

    def loss(self, X, y=None, reg=0.0):
        cache = self._forward(X)
        scores = cache["s"]
        if y is None:
            return scores
        N = scores.shape[0]
        shifted = scores - np.amax(scores, axis=1)[:, None]
        sumexp = np.sum(np.exp(shifted), axis=1)
        logp_true = shifted[np.arange(N), y] - np.log(sumexp)
        data_loss = -np.mean(logp_true)
        reg_loss = reg * float(np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))
        probs = np.exp(shifted - np.log(sumexp)[:, None])
        probs[np.arange(N), y] -= 1.0
        probs /= N
        return data_loss + reg_loss, self._backward(cache, probs, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        acc = {"train": [], "val": []}
        for it in range(num_iters):
            sample = np.random.choice(np.arange(num_train), size=batch_size, replace=True)
            X_batch, y_batch = X[sample], y[sample]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in list(self.params):
                self.params[name] += -learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch:
                continue
            acc["train"].append(np.mean(self.predict(X_batch) == y_batch))
            acc["val"].append(np.mean(self.predict(X_val) == y_val))
            learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": acc["train"],
                "val_acc_history": acc["val"]}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
