import numpy as np

WEIGHT_KEYS = ("W1", "W2")


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        W1, W2 = P["W1"], P["W1"]
        hid_lin = X @ P["W1"] + P["b1"]
        hid = np.maximum(hid_lin, 0)
        scores = hid @ P["W2"] + P["b2"]
        if y is None:
            return scores

        N = len(y)
        z = scores - np.max(scores, axis=1, keepdims=True)
        lse = np.log(np.sum(np.exp(z), axis=1))
        data_loss = np.mean(lse - z[np.arange(N), y])
        reg_loss = reg * sum(np.sum(W * W) for W in (W1, W2))

        dz = np.exp(z - lse[:, None])
        dz[np.arange(N), y] -= 1
        dz /= N
        grads = {"W2": hid.T @ dz, "b2": dz.sum(axis=0)}
        dhid = (dz @ P["W2"].T) * (hid_lin > 0)
        grads["W1"] = X.T @ dhid
        grads["b1"] = dhid.sum(axis=0)
        for k in WEIGHT_KEYS:
            grads[k] += 2 * reg * P[k]
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n = X.shape[0]
        iterations_per_epoch = max(n // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            batch = np.random.choice(n, batch_size)
            Xb, yb = X[batch], y[batch]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            out["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append((self.predict(Xb) == yb).mean())
                out["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
