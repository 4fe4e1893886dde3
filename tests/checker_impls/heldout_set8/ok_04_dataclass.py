from dataclasses import dataclass, field

import numpy as np


@dataclass(eq=False)
class TwoLayerNet:
    input_size: int
    hidden_size: int
    output_size: int
    std: float = 1e-4
    params: dict = field(init=False, repr=False)

    def __post_init__(self):
        D, H, C = self.input_size, self.hidden_size, self.output_size
        W1 = self.std * np.random.randn(D, H)
        W2 = self.std * np.random.randn(H, C)
        self.params = {"W1": W1, "b1": np.zeros(H), "W2": W2, "b2": np.zeros(C)}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = len(X)
        hidden_in = np.dot(X, W1) + b1
        hidden = hidden_in.clip(min=0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        m = np.amax(scores, axis=1, keepdims=True)
        e = np.exp(scores - m)
        z = np.sum(e, axis=1, keepdims=True)
        picked = np.take_along_axis(scores - m, np.asarray(y).reshape(-1, 1), axis=1)
        data_loss = np.mean(np.log(z) - picked)
        reg_loss = reg * np.sum(np.square(W1)) + reg * np.sum(np.square(W2))

        probs = np.exp(scores - m - np.log(z))
        np.put_along_axis(probs, np.asarray(y).reshape(-1, 1),
                          np.take_along_axis(probs, np.asarray(y).reshape(-1, 1), axis=1) - 1, axis=1)
        probs /= N
        dW2 = np.dot(hidden.T, probs) + 2 * reg * W2
        db2 = np.sum(probs, axis=0)
        dhidden = np.dot(probs, W2.T)
        dhidden[hidden_in <= 0] = 0
        dW1 = np.dot(X.T, dhidden) + 2 * reg * W1
        db1 = np.sum(dhidden, axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        it = 0
        while it < num_iters:
            batch = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                np.subtract(self.params[name], learning_rate * grad, out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
            it += 1
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=-1)
