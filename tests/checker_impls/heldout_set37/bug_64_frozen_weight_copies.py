import numpy as np


class TwoLayerNet:
    """Two-layer softmax classifier; the loss is written example by example."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for layer in (1, 2):
            fan_in, fan_out = sizes[layer - 1], sizes[layer]
            self.params["W%d" % layer] = std * np.random.randn(fan_in, fan_out)
            self.params["b%d" % layer] = np.zeros(fan_out)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        X = np.asarray(X, dtype=np.float64)
        if X.ndim == 1:
            X = X.reshape(1, -1)
        N = X.shape[0]

        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        data_loss = 0.0
        dscores = np.zeros_like(scores)
        for i in range(N):
            row = scores[i] - np.max(scores[i])
            log_p = row - np.log(np.sum(np.exp(row)))
            label = int(y[i])
            data_loss -= log_p[label]
            p = np.exp(log_p)
            p[label] -= 1.0
            dscores[i] = p
        data_loss /= N
        dscores /= N

        reg_loss = 0.0
        for key in ("W1", "W2"):
            W = self.params[key]
            reg_loss += reg * np.sum(W * W)
        loss = data_loss + reg_loss

        dW2 = h1.T.dot(dscores)
        db2 = dscores.sum(axis=0)
        dh1 = dscores.dot(W2.T)
        dz1 = dh1.copy()
        dz1[z1 <= 0] = 0
        dW1 = X.T.dot(dz1)
        db1 = dz1.sum(axis=0)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        for key in ("W1", "W2"):
            grads[key] = grads[key] + 2 * reg * self.params[key]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key, grad in grads.items():
                self.params[key] -= learning_rate * grad

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        # predict() is called a lot during training: keep contiguous copies of the weights
        if getattr(self, "_frozen", None) is None:
            self._frozen = {k: np.array(v, order="C") for k, v in self.params.items()}
        p = self._frozen
        X = np.asarray(X, dtype=np.float64)
        h1 = np.maximum(0, X.dot(p["W1"]) + p["b1"])
        scores = h1.dot(p["W2"]) + p["b2"]
        y_pred = np.zeros(scores.shape[0], dtype=int)
        for i in range(scores.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
