import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[name] for name in ("W1", "b1", "W2", "b2"))
        N = X.shape[0]
        hidden_raw = X.dot(W1) + b1
        hidden = np.maximum(0, hidden_raw)
        out = hidden.dot(W2) + b2
        if y is None:
            return out

        out_shift = out - np.max(out, axis=1, keepdims=True)
        log_softmax = out_shift - np.log(np.sum(np.exp(out_shift), axis=1, keepdims=True))
        loss = -np.mean(log_softmax[np.arange(N), y]) + reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dout = np.exp(log_softmax)
        dout[np.arange(N), y] -= 1
        dout /= N
        dhidden = dout.dot(W2.T)
        dhidden *= hidden_raw > 0
        grads = dict(W1=X.T.dot(dhidden) + 2 * reg * W1, b1=dhidden.sum(axis=0),
                     W2=hidden.T.dot(dout) + 2 * reg * W2, b2=dout.sum(axis=0))
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch_ids = np.random.choice(num_train, batch_size, replace=False)
            X_batch, y_batch = X[batch_ids], y[batch_ids]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
