"""Two-layer net written as a loop over a layer table; the ops live in a dict from an early cell."""
import numpy as np

# In [2]: the building blocks, as a lookup table
OPS = {
    "affine": lambda x, W, b: x @ W + b,
    "relu": lambda x: np.maximum(x, 0),
    "relu_back": lambda dout, x: dout * (x > 0),
}

# In [3]: (weight, bias) per layer, in forward order
LAYERS = (("W1", "b1"), ("W2", "b2"))
LAST = len(LAYERS) - 1


# In [4]:
def run_layers(params, X):
    cache = []
    out = X
    for i, (w, b) in enumerate(LAYERS):
        inp = out
        pre = OPS["affine"](inp, params[w], params[b])
        out = OPS["relu"](pre) if i < LAST else pre
        cache.append((inp, pre))
    return out, cache


# In [5]:
def log_softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


# In [6]:
class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = (input_size, hidden_size, output_size)
        self.params = {}
        for i, (w, b) in enumerate(LAYERS):
            self.params[w] = std * np.random.randn(sizes[i], sizes[i + 1])
            self.params[b] = np.zeros(sizes[i + 1])

    def loss(self, X, y=None, reg=0.0):
        scores, cache = run_layers(self.params, X)
        if y is None:
            return scores
        N = X.shape[0]
        logp = log_softmax(scores)
        data_loss = -logp[np.arange(N), y].mean()
        reg_loss = reg * sum(np.sum(self.params[w] * self.params[w]) for w, _ in LAYERS)
        loss = data_loss + reg_loss

        dout = np.exp(logp)
        dout[np.arange(N), y] -= 1
        dout /= N
        grads = {}
        for i in reversed(range(len(LAYERS))):
            w, b = LAYERS[i]
            inp, pre = cache[i]
            if i < LAST:
                dout = OPS["relu_back"](dout, pre)
            grads[w] = inp.T @ dout + 2 * reg * self.params[w]
            grads[b] = dout.sum(axis=0)
            dout = dout @ self.params[w].T
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            ix = np.random.choice(num_train, batch_size, replace=True)
            X_batch, y_batch = X[ix], y[ix]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for w, b in LAYERS:
                self.params[w] -= learning_rate * grads[w]
                self.params[b] -= learning_rate * grads[b]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                if it > 0:
                    learning_rate *= learning_rate_decay
        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores, _ = run_layers(self.params, X)
        return np.argmax(scores, axis=1)
