import numpy as np


class TwoLayerNet:
    """Two-layer net with a cached forward pass (_forward) and an SGD helper (_sgd_step)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        h1 = np.maximum(z1, 0)
        scores = h1 @ p["W2"] + p["b2"]
        return scores, (X, z1, h1)

    def _sgd_step(self, grads, lr):
        for name, param in self.params.items():
            param -= lr * grads[name]

    def loss(self, X, y=None, reg=0.0):
        W1, W2 = self.params["W1"], self.params["W2"]
        N = len(X)
        scores, cache = self._forward(X)
        if y is None:
            return scores
        X, z1, h1 = cache

        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        probs = np.exp(log_probs)
        data_loss = -log_probs[np.arange(N), y].mean()
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = data_loss + reg_loss

        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N

        dW2 = h1.T @ dscores
        db2 = dscores.sum(axis=0)
        dh1 = dscores @ W2.T
        dz1 = dh1 * (z1 > 0)
        dW1 = X.T @ dz1
        db1 = dz1.sum(axis=0)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, dict(W1=dW1, b1=db1, W2=dW2, b2=db2)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            self._sgd_step(grads, lr)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            epoch_end = it % iterations_per_epoch == 0
            if epoch_end:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch.reshape(-1, 1)))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay

        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        scores, _ = self._forward(X)
        return scores.argmax(axis=1)
