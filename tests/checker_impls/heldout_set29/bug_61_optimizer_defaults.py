import numpy as np


class TwoLayerNet:
    """Two-layer net with every contraction written as an einsum."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        obj = cls.__new__(cls)
        obj.params = dict((k, np.asarray(params[k], dtype=np.float64).copy())
                          for k in ("W1", "b1", "W2", "b2"))
        return obj

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        N = X.shape[0]
        C = W2.shape[1]

        z1 = np.einsum("nd,dh->nh", X, W1) + b1
        h1 = np.maximum(z1, 0)
        scores = np.einsum("nh,hc->nc", h1, W2) + b2
        if y is None:
            return scores

        onehot = np.eye(C)[y]
        m = scores.max(axis=1, keepdims=True)
        log_probs = scores - m - np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        data_loss = -np.einsum("nc,nc->", onehot, log_probs) / N
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        loss = data_loss + reg_loss

        dscores = (np.exp(log_probs) - onehot) / N
        dW2 = np.einsum("nh,nc->hc", h1, dscores) + 2 * reg * W2
        db2 = np.einsum("nc->c", dscores)
        dh1 = np.einsum("nc,hc->nh", dscores, W2)
        dz1 = dh1 * (z1 > 0)
        dW1 = np.einsum("nd,nh->dh", X, dz1) + 2 * reg * W1
        db1 = np.einsum("nh->h", dz1)
        return loss, dict(W1=dW1, b1=db1, W2=dW2, b2=db2)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        momentum = 0.9
        velocity = {k: np.zeros_like(v) for k, v in self.params.items()}

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample], y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in ("W1", "b1", "W2", "b2"):
                velocity[k] = momentum * velocity[k] - learning_rate * grads[k]
                self.params[k] += velocity[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return dict(loss_history=loss_history,
                    train_acc_history=train_acc_history,
                    val_acc_history=val_acc_history)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
