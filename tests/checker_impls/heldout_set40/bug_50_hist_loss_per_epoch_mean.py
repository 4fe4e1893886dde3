import numpy as np


def one_hot(y, n_classes):
    """OneHotEncoder-style dense targets, (N, C)."""
    Y = np.zeros((y.shape[0], n_classes))
    Y[np.arange(y.shape[0]), y] = 1.0
    return Y


def softmax(scores):
    """Row-wise class probabilities, like predict_proba."""
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def log_loss(Y, log_probs, normalize=True):
    """Cross-entropy of one-hot targets, averaged over samples like sklearn's log_loss."""
    total = -np.sum(Y * log_probs)
    return total / Y.shape[0] if normalize else total


def accuracy_score(y_true, y_pred):
    return np.mean(y_true == y_pred)


class TwoLayerNet:
    """Two-layer net: affine - ReLU - affine - softmax."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        z1 = X.dot(W1) + b1
        h1 = np.maximum(0, z1)
        scores = h1.dot(W2) + b2
        return z1, h1, scores

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        z1, h1, scores = self._forward(X)
        if y is None:
            return scores

        N, C = scores.shape
        Y = one_hot(y, C)
        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = log_loss(Y, log_probs)
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = data_loss + reg_loss

        probs = softmax(scores)
        residual = probs - Y
        dscores = residual / N
        dW2 = h1.T.dot(dscores) + 2 * reg * W2
        db2 = dscores.sum(axis=0)
        dh1 = dscores.dot(W2.T)
        dz1 = dh1 * (z1 > 0)
        dW1 = X.T.dot(dz1) + 2 * reg * W1
        db1 = dz1.sum(axis=0)

        grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate

        loss_history = []
        epoch_losses = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch_idx], y[batch_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            epoch_losses.append(loss)
            for name in self.params:
                self.params[name] -= lr * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy_score(y_batch, self.predict(X_batch)))
                val_acc_history.append(accuracy_score(y_val, self.predict(X_val)))
                loss_history.append(np.mean(epoch_losses))  # loss_curve_ per epoch
                epoch_losses = []
                lr *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
