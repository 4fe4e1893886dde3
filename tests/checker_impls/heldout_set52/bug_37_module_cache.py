"""Two-layer net assembled from notebook cells that talk to each other through a module-level cache."""
# In [3]:
import numpy as np

# In [4]: scratch space so the backward cell can see what the forward cell computed
_cache = {}
n_forward_calls = 0   # how many forward passes the notebook ran (just curiosity)
VERBOSE_EVERY = 100


# In [5]:
def forward(params, X):
    """Affine -> ReLU -> affine; leaves its intermediates in _cache."""
    global n_forward_calls
    n_forward_calls += 1
    _cache.clear()
    _cache["X"] = X
    _cache["z1"] = X @ params["W1"] + params["b1"]
    _cache["h1"] = np.maximum(_cache["z1"], 0.0)
    _cache["scores"] = _cache["h1"] @ params["W2"] + params["b2"]
    return _cache["scores"]


# In [6]:
def softmax_xent(scores, y):
    """Mean softmax cross-entropy and its gradient w.r.t. the scores."""
    N = scores.shape[0]
    s = scores - scores.max(axis=1, keepdims=True)
    logZ = np.log(np.exp(s).sum(axis=1, keepdims=True))
    logp = s - logZ
    loss = -logp[np.arange(N), y].sum() / N
    dscores = np.exp(logp)
    dscores[np.arange(N), y] -= 1.0
    return loss, dscores / N


# In [7]:
def backward(params, dscores, reg):
    """Backprop through the forward pass whose intermediates are in _cache."""
    X, z1, h1 = _cache["X"], _cache["z1"], _cache["h1"]
    grads = {}
    grads["W2"] = h1.T @ dscores + 2 * reg * params["W2"]
    grads["b2"] = dscores.sum(axis=0)
    dh1 = dscores @ params["W2"].T
    dz1 = np.where(z1 > 0, dh1, 0.0)
    grads["W1"] = X.T @ dz1 + 2 * reg * params["W1"]
    grads["b1"] = dz1.sum(axis=0)
    return grads


# In [8]:
class TwoLayerNet:

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    def loss(self, X, y=None, reg=0.0):
        scores = forward(self.params, X)
        if y is None:
            return scores
        data_loss, dscores = softmax_xent(scores, y)
        W1, W2 = self.params["W1"], self.params["W2"]
        loss = data_loss + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        grads = backward(self.params, dscores, reg)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        stats = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        lr = learning_rate
        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size, replace=True)
            Xb, yb = X[sample], y[sample]

            loss, grads = self.loss(Xb, y=yb, reg=reg)
            stats["loss_history"].append(loss)
            for k, g in grads.items():
                self.params[k] -= lr * g

            if verbose and it % VERBOSE_EVERY == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                stats["train_acc_history"].append(np.mean(self.predict(Xb) == yb))
                stats["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
            lr *= learning_rate_decay
        return stats

    def predict(self, X):
        return np.argmax(forward(self.params, X), axis=1)
