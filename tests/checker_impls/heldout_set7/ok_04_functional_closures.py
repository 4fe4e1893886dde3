import numpy as np

KEYS = ("W1", "b1", "W2", "b2")


def forward(params, X):
    W1, b1, W2, b2 = (params[k] for k in KEYS)
    pre = X @ W1 + b1
    hidden = np.maximum(pre, 0)
    return pre, hidden, hidden @ W2 + b2


def make_objective(reg):
    def objective(params, X, y):
        pre, hidden, scores = forward(params, X)
        n = len(y)
        idx = (np.arange(n), y)
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_prob = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        penalty = np.sum(params["W1"] ** 2) + np.sum(params["W2"] ** 2)
        value = -np.mean(log_prob[idx]) + reg * penalty

        d_scores = np.exp(log_prob)
        d_scores[idx] -= 1
        d_scores /= n
        d_pre = (d_scores @ params["W2"].T) * (pre > 0)
        grads = dict(zip(KEYS, (X.T @ d_pre + 2 * reg * params["W1"], d_pre.sum(axis=0),
                                hidden.T @ d_scores + 2 * reg * params["W2"], d_scores.sum(axis=0))))
        return value, grads
    return objective


def first_max(scores):
    return np.argmax(scores, axis=1)


def schedule(rate, decay, every):
    def rates(num_iters):
        current = rate
        for it in range(num_iters):
            boundary = it % every == 0
            yield it, current, boundary
            if boundary:
                current *= decay
    return rates


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params.update(W1=std * np.random.randn(input_size, hidden_size), b1=np.zeros(hidden_size))
        self.params.update(W2=std * np.random.randn(hidden_size, output_size), b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in KEYS}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return forward(self.params, X)[2]
        return make_objective(reg)(self.params, X, y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        objective = make_objective(reg)
        n = X.shape[0]
        rates = schedule(learning_rate, learning_rate_decay, max(n // batch_size, 1))
        hist = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it, lr, boundary in rates(num_iters):
            take = np.random.choice(n, batch_size)
            xb, yb = X[take], y[take]
            value, grads = objective(self.params, xb, yb)
            hist["loss_history"].append(value)
            for k in KEYS:
                self.params[k] -= lr * grads[k]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if boundary:
                hist["train_acc_history"].append((self.predict(xb) == yb).mean())
                hist["val_acc_history"].append((self.predict(X_val) == y_val).mean())
        return hist

    def predict(self, X):
        return first_max(self.loss(X))
