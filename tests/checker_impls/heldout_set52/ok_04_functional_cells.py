"""Notebook port: plain functions on a params dict (one per cell), and a thin class calling them."""
import numpy as np

# In [2]: constants shared by the cells below
PARAM_KEYS = ("W1", "b1", "W2", "b2")
WEIGHT_KEYS = ("W1", "W2")  # the parameters the L2 penalty touches
PRINT_EVERY = 100


# In [3]:
def make_params(D, H, C, std):
    W1 = std * np.random.randn(D, H)
    b1 = np.zeros(H)
    W2 = std * np.random.randn(H, C)
    b2 = np.zeros(C)
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


# In [4]:
def affine(x, W, b):
    return x.dot(W) + b


def forward(params, X):
    pre = affine(X, params["W1"], params["b1"])
    hid = np.maximum(pre, 0)
    out = affine(hid, params["W2"], params["b2"])
    return out, (X, pre, hid)


# In [5]:
def cross_entropy(scores, y):
    N = scores.shape[0]
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    probs = np.exp(shifted)
    probs /= np.sum(probs, axis=1, keepdims=True)
    loss = -np.mean(np.log(probs[np.arange(N), y]))
    dout = probs
    dout[np.arange(N), y] -= 1
    dout /= N
    return loss, dout


def l2_penalty(params, reg):
    return reg * sum(np.sum(params[k] ** 2) for k in WEIGHT_KEYS)


# In [6]:
def backward(params, cache, dout, reg):
    X, pre, hid = cache
    g = {}
    g["W2"] = hid.T.dot(dout) + 2 * reg * params["W2"]
    g["b2"] = dout.sum(axis=0)
    dhid = dout.dot(params["W2"].T)
    dpre = dhid * (pre > 0)
    g["W1"] = X.T.dot(dpre) + 2 * reg * params["W1"]
    g["b1"] = dpre.sum(axis=0)
    return g


# In [7]:
def sample_batch(X, y, batch_size):
    idx = np.random.choice(X.shape[0], batch_size, replace=True)
    return X[idx], y[idx]


def sgd_step(params, grads, lr, keys=PARAM_KEYS):
    for k in keys:
        params[k] -= lr * grads[k]


def accuracy(net, X, y):
    return np.mean(net.predict(X) == y)


# In [8]:
class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = make_params(input_size, hidden_size, output_size, std)

    def loss(self, X, y=None, reg=0.0):
        scores, cache = forward(self.params, X)
        if y is None:
            return scores
        data_loss, dout = cross_entropy(scores, y)
        loss = data_loss + l2_penalty(self.params, reg)
        return loss, backward(self.params, cache, dout, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            X_batch, y_batch = sample_batch(X, y, batch_size)
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            sgd_step(self.params, grads, learning_rate)
            if verbose and it % PRINT_EVERY == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(accuracy(self, X_batch, y_batch))
                val_acc_history.append(accuracy(self, X_val, y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history,
                "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores, _ = forward(self.params, X)
        return np.argmax(scores, axis=1)
