import numpy as np

NAMES = ("W1", "b1", "W2", "b2")


def forward(p, X):
    z = X.dot(p["W1"]) + p["b1"]
    h = z.copy()
    h[z <= 0] = 0.0
    return z, h, h.dot(p["W2"]) + p["b2"]


def xent(scores, y):
    n = len(y)
    m = np.amax(scores, axis=1, keepdims=True)
    e = np.exp(scores - m)
    tot = np.sum(e, axis=1, keepdims=True)
    logp = (scores - m) - np.log(tot)
    grad = e / tot
    grad[range(n), y] -= 1
    return -np.mean(logp[range(n), y]), grad / n


def make_stepper(params, lr0, decay):
    state = {"lr": lr0}

    def step(grads):
        for k in NAMES:
            params[k] -= state["lr"] * grads[k]

    def shrink():
        state["lr"] *= decay

    return step, shrink


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros_like(W1[0]), "W2": W2, "b2": np.zeros_like(W2[0])}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z, h, scores = forward(p, X)
        if y is None:
            return scores
        data, dscores = xent(scores, y)
        total = data + reg * sum(np.vdot(p[k], p[k]) for k in ("W1", "W2"))
        dz = dscores.dot(p["W2"].T)
        dz[z <= 0] = 0.0
        grads = dict(W2=h.T.dot(dscores) + 2 * reg * p["W2"], b2=dscores.sum(axis=0),
                     W1=X.T.dot(dz) + 2 * reg * p["W1"], b1=dz.sum(axis=0))
        return total, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        step, shrink = make_stepper(self.params, learning_rate, learning_rate_decay)
        count = X.shape[0]
        epoch = max(count // batch_size, 1)
        out = dict(loss_history=[], train_acc_history=[], val_acc_history=[])
        accuracy = lambda A, b: (self.predict(A) == b).mean()
        for i in range(num_iters):
            sel = np.random.choice(count, batch_size)
            value, grads = self.loss(X[sel], y[sel], reg=reg)
            out["loss_history"].append(value)
            step(grads)
            if verbose and i % 100 == 0:
                print("iteration %d / %d: loss %f" % (i, num_iters, value))
            if i % epoch == 0:
                out["train_acc_history"].append(accuracy(X[sel], y[sel]))
                out["val_acc_history"].append(accuracy(X_val, y_val))
                shrink()
        return out

    def predict(self, X):
        return forward(self.params, X)[2].argmax(axis=1)
