import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    @staticmethod
    def _l2(weights, reg):
        value = reg * sum(np.linalg.norm(w) for w in weights)
        grads = [2 * reg * w for w in weights]
        return value, grads

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        z1 = np.dot(X, W1) + b1
        h1 = np.maximum(z1, 0)
        scores = np.dot(h1, W2) + b2
        if y is None:
            return scores

        shifted = scores - np.max(scores, axis=1, keepdims=True)
        probs = np.exp(shifted)
        partition = np.sum(probs, axis=1, keepdims=True)
        probs /= partition
        data_loss = np.mean(np.log(partition[:, 0]) - shifted[np.arange(N), y])
        reg_loss, (rW1, rW2) = self._l2((W1, W2), reg)

        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dW2 = np.dot(h1.T, dscores) + rW2
        db2 = np.sum(dscores, axis=0)
        dz1 = np.dot(dscores, W2.T) * (z1 > 0)
        dW1 = np.dot(X.T, dz1) + rW1
        db1 = np.sum(dz1, axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        def index_stream():
            while True:
                yield np.random.choice(num_train, batch_size)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, idx in zip(range(num_iters), index_stream()):
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
