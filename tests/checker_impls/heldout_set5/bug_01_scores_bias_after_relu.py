import numpy as np


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.W)

    def backward(self, dout):
        return dout.dot(self.W.T), self.x.T.dot(dout)


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        fc1, act, fc2 = Affine(p["W1"], p["b1"]), ReLU(), Affine(p["W2"], p["b2"])
        hidden = act.forward(fc1.forward(X)) + p["b1"]
        scores = fc2.forward(hidden) + p["b2"]
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        probs = np.exp(log_probs)
        loss = -np.mean(log_probs[np.arange(N), y])
        loss += reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N

        grads = {}
        dhidden, grads["W2"] = fc2.backward(dscores)
        grads["W2"] += 2 * reg * p["W2"]
        grads["b2"] = dscores.sum(axis=0)
        grads["b1"] = dhidden.sum(axis=0)
        _, grads["W1"] = fc1.backward(act.backward(dhidden))
        grads["W1"] += 2 * reg * p["W1"]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
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
