import numpy as np


class Affine:
    def __init__(self, net, w, b):
        self.net, self.w, self.b = net, w, b

    def forward(self, x):
        self.x = x
        return x @ self.net.params[self.w] + self.net.params[self.b]

    def backward(self, dout):
        W = self.net.params[self.w]
        return dout @ W.T, self.x.T @ dout, dout.sum(axis=0)


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _layers(self):
        return Affine(self, "W1", "b1"), ReLU(), Affine(self, "W2", "b2")

    def loss(self, X, y=None, reg=0.0):
        fc1, relu, fc2 = self._layers()
        scores = fc2.forward(relu.forward(fc1.forward(X)))
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - scores.max(axis=1, keepdims=True)
        logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -logp[np.arange(N), y].mean()
        weights = [self.params["W1"], self.params["W2"]]
        reg_loss = reg * sum(np.linalg.norm(W) for W in weights)

        dscores = np.exp(logp)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dh, dW2, db2 = fc2.backward(dscores)
        _, dW1, db1 = fc1.backward(relu.backward(dh))
        dW1 += 2 * reg * self.params["W1"]
        dW2 += 2 * reg * self.params["W2"]
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
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
