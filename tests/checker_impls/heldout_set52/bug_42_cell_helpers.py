"""TwoLayerNet, exported from the notebook: helper cells first, the class glued together last."""
# ---- In [1]: setup --------------------------------------------------------
import numpy as np

DEBUG = False  # flip to True while poking at shapes

# defaults the notebook cells share (the train() signature mirrors these)
CONFIG = {
    "std": 1e-4,
    "learning_rate": 1e-3,
    "learning_rate_decay": 0.95,
    "reg": 5e-6,
    "num_iters": 100,
    "batch_size": 200,
}


# ---- In [2]: helpers ------------------------------------------------------
def relu(x):
    """Elementwise max(0, x)."""
    return np.maximum(0, x)


def softmax(scores):
    """Row-wise softmax of an (N, C) array of scores."""
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / np.sum(e, axis=1, keepdims=True)


def accuracy(pred, labels):
    return (pred == labels).mean()


def dprint(*args):
    if DEBUG:
        print("[debug]", *args)


# ---- In [9]: the class, glued together from the cells above ---------------
class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)
        dprint("init", {k: v.shape for k, v in self.params.items()})

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N, D = X.shape

        # forward (from cell 3)
        z1 = X.dot(W1) + b1
        h1 = relu(z1)
        scores = h1.dot(W2) + b2
        if y is None:
            return scores

        # loss (from cell 4)
        probs = softmax(scores)
        correct_logprobs = -np.log(probs[np.arange(N), y])
        data_loss = np.sum(correct_logprobs) / N
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss
        dprint("data_loss", data_loss, "reg_loss", reg_loss)

        # backward (from cell 6)
        dscores = probs.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {}
        grads["W2"] = h1.T.dot(dscores) + 2 * reg * W2
        grads["b2"] = np.sum(dscores, axis=0)
        dh1 = dscores.dot(W2.T)
        dh1[z1 <= 0] = 0
        grads["W1"] = X.T.dot(dh1) + 2 * reg * W1
        grads["b1"] = np.sum(dh1, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            # minibatch (from cell 7)
            batch_idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch_idx]
            y_batch = y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # SGD step (from cell 8)
            for p in ("W1", "b1", "W2", "b2"):
                self.params[p] -= learning_rate * grads[p]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self.predict(X_batch), y_batch))
                val_acc_history.append(accuracy(self.predict(X_val), y_val))
                learning_rate *= CONFIG["learning_rate_decay"]

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
