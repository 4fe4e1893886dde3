import numpy as np


def make_layer(W, b):
    def forward(x):
        out = x @ W + b

        def backward(dout):
            return dout @ W.T, x.T @ dout

        return out, backward

    return forward


def relu(x):
    out = np.maximum(x, 0)
    return out, lambda dout: dout * (x > 0)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        a, back1 = make_layer(P["W1"], P["b1"])(X)
        h, back_relu = relu(a)
        scores, back2 = make_layer(P["W2"], P["b2"])(h)
        if y is None:
            return scores

        N = X.shape[0]
        sh = scores - scores.max(axis=1, keepdims=True)
        logp = sh - np.log(np.exp(sh).sum(axis=1, keepdims=True))
        loss = -logp[np.arange(N), y].mean()
        loss += reg * (np.sum(P["W1"] * P["W1"]) + np.sum(P["W2"] * P["W2"]))

        dscores = np.exp(logp)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dh, dW2 = back2(dscores)
        db2 = np.mean(dscores, axis=0)
        dz = back_relu(dh)
        _, dW1 = back1(dz)
        db1 = dz.sum(axis=0)
        grads = {"W1": dW1 + 2 * reg * P["W1"], "b1": db1,
                 "W2": dW2 + 2 * reg * P["W2"], "b2": db2}
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
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
