import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        shapes = [("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))]
        for name, shape in shapes:
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        b1 = self.params["b1"]
        W2 = self.params["W2"]
        b2 = self.params["b2"]

        cache = {}
        cache["z1"] = np.dot(X, W1) + b1
        cache["a1"] = cache["z1"] * (cache["z1"] > 0)
        scores = np.dot(cache["a1"], W2) + b2
        if y is None:
            return scores

        num = X.shape[0]
        s = scores - scores.max(axis=1)[:, np.newaxis]
        lse = np.log(np.sum(np.exp(s), axis=1))
        onehot = np.zeros_like(scores)
        onehot[np.arange(num), y] = 1.0
        data_loss = np.mean(lse - np.sum(s * onehot, axis=1))
        l2 = np.sum(W1 ** 2) + np.sum(W2 ** 2)
        loss = data_loss + reg * l2

        softmax = np.exp(s - lse[:, np.newaxis])
        delta2 = (softmax - onehot) / num
        dW2 = cache["a1"].T.dot(delta2)
        db2 = delta2.sum(axis=0)
        delta1 = delta2.dot(W2.T) * (cache["z1"] > 0)
        dW1 = X.T.dot(delta1)
        db1 = delta1.sum(axis=0)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            indices = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[indices]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y_batch, reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * learning_rate_decay ** (it // iterations_per_epoch) * grad

            if verbose and it % 100 == 0:
                print("iteration {} / {}: loss {:f}".format(it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
            it += 1

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
