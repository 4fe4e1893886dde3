import numpy as np

NEG_SLOPE = 0.01


def affine_forward(x, w, b):
    return x @ w + b


def activation(z):
    return np.where(z > 0, z, NEG_SLOPE * z)


def activation_grad(z):
    return np.where(z > 0, 1.0, NEG_SLOPE)


def softmax_xent(scores, labels):
    n = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    exp = np.exp(shifted)
    probs = exp / exp.sum(axis=1, keepdims=True)
    loss = -np.mean(np.log(probs[np.arange(n), labels]))
    dscores = probs.copy()
    dscores[np.arange(n), labels] -= 1.0
    return loss, dscores / n


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        pre = affine_forward(X, p["W1"], p["b1"])
        hidden = activation(pre)
        scores = affine_forward(hidden, p["W2"], p["b2"])
        if y is None:
            return scores

        data_loss, dscores = softmax_xent(scores, y)
        loss = data_loss + reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))

        grads = {}
        grads["W2"] = hidden.T @ dscores + 2 * reg * p["W2"]
        grads["b2"] = dscores.sum(axis=0)
        dpre = (dscores @ p["W2"].T) * activation_grad(pre)
        grads["W1"] = X.T @ dpre + 2 * reg * p["W1"]
        grads["b1"] = dpre.sum(axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
