import numpy as np


def forward(params, X):
    z1 = X.dot(params["W1"]) + params["b1"]
    h1 = np.maximum(0, z1)
    return z1, h1, h1.dot(params["W2"]) + params["b2"]


def softmax_xent(scores, y):
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    logp = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    dscores = np.exp(logp)
    dscores[np.arange(n), y] -= 1
    return -logp[np.arange(n), y].mean(), dscores / n


def backward(params, X, z1, h1, dscores, reg):
    dz1 = dscores.dot(params["W2"].T) * (z1 > 0)
    return {
        "W1": X.T.dot(dz1) + 2 * reg * params["W1"],
        "b1": dz1.sum(axis=0),
        "W2": h1.T.dot(dscores) + 2 * reg * params["W2"],
        "b2": dscores.sum(axis=0),
    }


def minibatches(num_train, batch_size):
    while True:
        yield np.random.randint(0, num_train, size=batch_size)


def step_sizes(learning_rate, decay, iterations_per_epoch):
    it = 0
    while True:
        yield learning_rate
        if it % iterations_per_epoch == 0:
            learning_rate *= decay
        it += 1


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        W1 = draw(input_size, hidden_size)
        W2 = draw(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    def loss(self, X, y=None, reg=0.0):
        z1, h1, scores = forward(self.params, X)
        if y is None:
            return scores
        W1, W2 = self.params["W1"], self.params["W2"]
        data_loss, dscores = softmax_xent(scores, y)
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        return loss, backward(self.params, X, z1, h1, dscores, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rates = step_sizes(learning_rate, learning_rate_decay, iterations_per_epoch)
        accuracy = lambda Xs, ys: (self.predict(Xs) == ys).mean()
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it, idx, lr in zip(range(num_iters), minibatches(num_train, batch_size), rates):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append(accuracy(X_batch, y_batch))
                out["val_acc_history"].append(accuracy(X_val, y_val))
        return out

    def predict(self, X):
        return np.argmax(forward(self.params, X)[2], axis=1)
