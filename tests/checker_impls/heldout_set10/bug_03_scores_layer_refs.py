import numpy as np


class Dense:
    def __init__(self, W, b):
        self.W = W
        self.b = b
        self.x = None

    def forward(self, x):
        self.x = x
        return x.dot(self.W) + self.b

    def backward(self, dout, reg):
        dW = self.x.T.dot(dout) + 2 * reg * self.W
        db = dout.sum(axis=0)
        return dout.dot(self.W.T), dW, db


class ReLU:
    def forward(self, x):
        self.mask = x > 0
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.fc1 = Dense(std * np.random.randn(input_size, hidden_size), np.zeros(hidden_size))
        self.fc2 = Dense(std * np.random.randn(hidden_size, output_size), np.zeros(output_size))
        self.act = ReLU()
        self.params = {"W1": self.fc1.W, "b1": self.fc1.b, "W2": self.fc2.W, "b2": self.fc2.b}

    def loss(self, X, y=None, reg=0.0):
        scores = self.fc2.forward(self.act.forward(self.fc1.forward(X)))
        if y is None:
            return scores

        N = X.shape[0]
        z = scores - scores.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].sum() / N
        loss += reg * (np.sum(self.fc1.W ** 2) + np.sum(self.fc2.W ** 2))

        dscores = np.exp(logp)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dh, dW2, db2 = self.fc2.backward(dscores, reg)
        _, dW1, db1 = self.fc1.backward(self.act.backward(dh), reg)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in ("W1", "b1", "W2", "b2"):
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
