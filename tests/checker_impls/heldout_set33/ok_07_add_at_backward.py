import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draws = [np.random.randn(input_size, hidden_size), np.random.randn(hidden_size, output_size)]
        W1, W2 = (std * d for d in draws)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        z1 = X @ P["W1"]
        z1 += P["b1"]
        h1 = z1.copy()
        h1[h1 < 0] = 0
        scores = h1 @ P["W2"]
        scores += P["b2"]
        if y is None:
            return scores

        N = len(X)
        r = np.arange(N)
        shifted = scores - np.amax(scores, axis=1, keepdims=True)
        expo = np.exp(shifted)
        denom = expo.sum(axis=1)
        loss = np.mean(np.log(denom) - shifted[r, y])
        loss += reg * np.sum(P["W1"] ** 2) + reg * np.sum(P["W2"] ** 2)

        dscores = expo / denom[:, None]
        np.add.at(dscores, (r, y), -1.0)
        dscores /= N
        dh1 = dscores @ P["W2"].T
        dz1 = dh1 * (z1 > 0)
        grads = {
            "W1": (dz1.T @ X).T + 2 * reg * P["W1"],
            "b1": np.ones(N) @ dz1,
            "W2": (dscores.T @ h1).T + 2 * reg * P["W2"],
            "b2": np.ones(N) @ dscores,
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        epoch_length = num_train // batch_size or 1
        record = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            chosen = np.random.choice(num_train, batch_size)
            Xb = X[chosen]
            yb = y[chosen]
            value, grads = self.loss(Xb, y=yb, reg=reg)
            record["loss_history"].append(value)
            for key, grad in grads.items():
                self.params[key] += -learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % epoch_length == 0:
                for name, data, labels in (("train", Xb, yb), ("val", X_val, y_val)):
                    record[name + "_acc_history"].append((self.predict(data) == labels).mean())
                learning_rate *= learning_rate_decay
        return record

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
