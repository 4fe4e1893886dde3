import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        W1 = draw(input_size, hidden_size)
        W2 = draw(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        z1 = np.dot(X, W1)
        np.add(z1, b1, out=z1)
        h1 = np.maximum(z1, 0.0)
        scores = np.dot(h1, W2)
        np.add(scores, b2, out=scores)
        if y is None:
            return scores

        N, C = scores.shape
        Y = np.zeros((N, C))
        Y[np.arange(N), y] = 1.0

        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -log_probs[Y.astype(bool)].mean()
        loss = data_loss + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        delta = np.exp(log_probs)
        np.subtract(delta, Y, out=delta)
        np.divide(delta, N, out=delta)
        dh = np.dot(delta, W2.T)
        np.multiply(dh, z1 > 0, out=dh)
        grads = {
            "W1": np.dot(X.T, dh) + 2 * reg * W1,
            "b1": np.sum(dh, axis=0),
            "W2": np.dot(h1.T, delta) + 2 * reg * W2,
            "b2": np.sum(delta, axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        it = 0
        while it < num_iters:
            idx = np.random.randint(0, num_train, size=batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            loss_history.append(loss)
            for k in grads:
                np.subtract(self.params[k], lr * grads[k], out=self.params[k])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr = lr * learning_rate_decay
            it += 1
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        is_top = (scores == scores.max(axis=1, keepdims=True)) | np.isnan(scores)
        return np.argmax(is_top, axis=1)
