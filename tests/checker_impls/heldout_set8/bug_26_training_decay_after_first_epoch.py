import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = self.params["W1"], self.params["b1"], self.params["W2"], self.params["b2"]
        n = X.shape[0]
        hid_in = X.dot(W1) + b1
        hid = np.maximum(0, hid_in)
        out = hid.dot(W2) + b2
        if y is None:
            return out
        out_max = out.max(axis=1, keepdims=True)
        log_den = np.log(np.exp(out - out_max).sum(axis=1, keepdims=True))
        log_p = out - out_max - log_den
        loss = -log_p[np.arange(n), y].mean() + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        d_out = np.exp(log_p)
        d_out[np.arange(n), y] -= 1
        d_out /= n
        d_hid = d_out.dot(W2.T) * (hid_in > 0)
        grads = {"W1": X.T.dot(d_hid) + 2 * reg * W1, "b1": d_hid.sum(axis=0),
                 "W2": hid.T.dot(d_out) + 2 * reg * W2, "b2": d_out.sum(axis=0)}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                if it > 0:
                    learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
