import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        N = X.shape[0]

        layer1 = np.matmul(X, W1) + b1
        relu1 = np.clip(layer1, 0, None)
        scores = np.matmul(relu1, W2) + b2
        if y is None:
            return scores

        stable = scores - scores.max(axis=1, keepdims=True)
        log_softmax = stable - np.log(np.exp(stable).sum(axis=1, keepdims=True))
        data_loss = -log_softmax[np.arange(N), y].mean()
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = np.exp(log_softmax)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {"W2": np.matmul(relu1.T, dscores) + 2 * reg * W2, "b2": dscores.sum(axis=0)}
        dlayer1 = np.matmul(dscores, W2.T)
        dlayer1[layer1 <= 0] = 0
        grads["W1"] = np.matmul(X.T, dlayer1) + 2 * reg * W1
        grads["b1"] = dlayer1.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        lr = learning_rate
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= lr * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr = learning_rate * learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
