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
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre = np.einsum("nd,dh->nh", X, W1) + b1
        hid = np.maximum(pre, 0)
        scores = np.einsum("nh,hc->nc", hid, W2) + b2
        if y is None:
            return scores

        n, c = scores.shape
        Y = np.zeros((n, c))
        Y[np.arange(n), y] = 1
        m = scores.max(axis=1, keepdims=True)
        log_p = (scores - m) - np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        data = -np.einsum("nc,nc->", Y, log_p) / n
        regl = reg * (np.einsum("dh,dh->", W1, W1) + np.einsum("hc,hc->", W2, W2))

        dS = (np.exp(log_p) - Y) / n
        dW2 = np.einsum("nh,nc->hc", hid, dS) + 2 * reg * W2
        db2 = np.einsum("nc->c", dS)
        dpre = np.einsum("nc,hc->nh", dS, W2) * (pre > 0)
        dW1 = np.einsum("nd,mh->dh", X, dpre) + 2 * reg * W1
        db1 = np.einsum("nh->h", dpre)
        return data + regl, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lh, ta, va = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            lh.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                ta.append((self.predict(xb) == yb).mean())
                va.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return {"loss_history": lh, "train_acc_history": ta, "val_acc_history": va}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
