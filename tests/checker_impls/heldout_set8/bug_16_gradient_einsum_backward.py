import numpy as np


def _forward(params, X):
    z = np.einsum("nd,dh->nh", X, params["W1"]) + params["b1"]
    a = np.maximum(z, 0.0)
    s = np.einsum("nh,hc->nc", a, params["W2"]) + params["b2"]
    return z, a, s


def _backward(params, X, z, a, ds, reg):
    W1, W2 = params["W1"], params["W2"]
    dW2 = np.einsum("nh,mc->hc", a, ds) + 2 * reg * W2
    db2 = np.einsum("nc->c", ds)
    da = np.einsum("nc,hc->nh", ds, W2)
    dz = da * (z > 0)
    dW1 = np.einsum("nd,nh->dh", X, dz) + 2 * reg * W1
    db1 = np.einsum("nh->h", dz)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        z, a, s = _forward(self.params, X)
        if y is None:
            return s
        n, c = s.shape
        onehot = np.eye(c)[y]
        m = s.max(axis=1, keepdims=True)
        logp = (s - m) - np.log(np.exp(s - m).sum(axis=1, keepdims=True))
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = -np.einsum("nc,nc->", onehot, logp) / n
        loss += reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))
        ds = (np.exp(logp) - onehot) / n
        return loss, _backward(self.params, X, z, a, ds, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            Xb, yb = X[idx], y[idx]
            loss, grads = self.loss(Xb, y=yb, reg=reg)
            hist["loss_history"].append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hist["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                hist["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return hist

    def predict(self, X):
        return np.argmax(_forward(self.params, X)[2], axis=1)
