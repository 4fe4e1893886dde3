import numpy as np


class TwoLayerNet:
    """Keeps an explicit epoch counter and a learning-rate schedule."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        shapes = [("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))]
        self.params = {}
        for name, shape in shapes:
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)
        self.params = {k: self.params[k] for k in ("W1", "b1", "W2", "b2")}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(v, dtype=np.float64) for k, v in params.items()
                      if k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]; b1 = self.params["b1"]
        W2 = self.params["W2"]; b2 = self.params["b2"]
        hidden_in = np.dot(X, W1) + b1
        hidden = hidden_in.clip(min=0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores
        N = scores.shape[0]
        mx = np.amax(scores, axis=1, keepdims=True)
        ex = np.exp(scores - mx)
        Z = ex.sum(axis=1, keepdims=True)
        correct = scores[np.arange(N), y][:, None]
        loss = float(np.mean(np.log(Z) + mx - correct)) + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())
        p = ex / Z
        p[np.arange(N), y] -= 1
        p /= N
        dW2 = np.dot(hidden.T, p)
        dhidden = np.dot(p, W2.T)
        dhidden[hidden_in <= 0] = 0.0
        dW1 = np.dot(X.T, dhidden)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": dhidden.sum(axis=0), "W2": dW2, "b2": p.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        every = max(n_train // batch_size, 1)
        epoch = 0
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            rate = learning_rate * learning_rate_decay ** epoch
            b = np.random.choice(n_train, batch_size)
            Xb, yb = X[b], y[b]
            cost, grads = self.loss(Xb, yb, reg)
            hist["loss_history"].append(cost)
            for name, g in grads.items():
                np.subtract(self.params[name], rate * g, out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, cost))
            if it % every == 0:
                hist["train_acc_history"].append((self.predict(Xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                epoch += 1
        return hist

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
