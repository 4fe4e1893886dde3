import numpy as np


def logsumexp(a, axis=1):
    m = np.max(a, axis=axis, keepdims=True)
    return np.log(np.sum(np.exp(a - m), axis=axis))


def softmax(a):
    e = np.exp(a - np.max(a, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = X.dot(W1) + b1
        act = np.maximum(0, pre)
        scores = act.dot(W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        picked = scores[np.arange(N), y]
        data_loss = np.mean(logsumexp(scores) - picked)
        reg_loss = reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))
        loss = data_loss + reg_loss

        dscores = softmax(scores)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {}
        grads["W2"] = act.T.dot(dscores) + 2 * reg * W2
        grads["b2"] = dscores.sum(axis=0)
        dact = dscores.dot(W2.T)
        dpre = np.where(pre > 0, dact, 0.0)
        grads["W1"] = X.T.dot(dpre) + 2 * reg * W1
        grads["b1"] = dpre.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[ix], y[ix]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for p in self.params:
                self.params[p] -= learning_rate * grads[p]
            if verbose and it % 100 == 0:
                print("iteration {} / {}: loss {:f}".format(it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
