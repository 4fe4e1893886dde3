"""Two-layer softmax net; the minibatch indices for the whole run are drawn in one call."""

import numpy as np


class TwoLayerNet:
    """affine -> ReLU -> affine -> softmax cross-entropy, trained with minibatch SGD."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        self.params = {"W1": draw(input_size, hidden_size), "b1": np.zeros(hidden_size)}
        self.params["W2"] = draw(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]

        hidden = np.dot(X, W1)
        hidden += b1
        np.maximum(hidden, 0, out=hidden)
        scores = hidden.dot(W2) + b2
        if y is None:
            return scores

        num = len(y)
        logits = scores - scores.max(axis=1)[:, np.newaxis]
        log_norm = np.log(np.sum(np.exp(logits), axis=1))
        true_logit = np.take_along_axis(logits, y[:, np.newaxis], axis=1)[:, 0]
        data_loss = np.mean(log_norm - true_logit)
        reg_loss = reg * (np.linalg.norm(W1) ** 2 + np.linalg.norm(W2) ** 2)

        probs = np.exp(logits - log_norm[:, np.newaxis])
        probs[np.arange(num), y] -= 1
        probs /= num

        grads = {}
        grads["W2"] = hidden.T.dot(probs) + 2 * reg * W2
        grads["b2"] = probs.sum(axis=0)
        back = probs.dot(W2.T)
        back *= hidden > 0
        grads["W1"] = X.T.dot(back) + 2 * reg * W1
        grads["b1"] = back.sum(axis=0)
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        # One draw for every iteration; row k is exactly what the k-th
        # np.random.choice(num_train, batch_size) call would have returned.
        schedule = np.random.choice(num_train, size=(num_iters, batch_size))

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, idx in enumerate(schedule):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name, g in grads.items():
                self.params[name] -= learning_rate * g

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
