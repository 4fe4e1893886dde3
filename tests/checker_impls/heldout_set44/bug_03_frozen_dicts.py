"""The notebook's two-layer net with frozen-by-convention dicts.

Every dict here is treated as immutable: new values are made with dict
comprehensions and ``{**old, key: new}`` merges, never by assignment into an
existing dict.  The forward pass returns a cache dict, the gradients merge a
raw dict with a regularisation dict, and training folds a state dict over
the iterations with a small hand-written loop helper.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")
WEIGHTS = ("W1", "W2")

relu = lambda z: np.where(z > 0, z, 0.0)
relu_mask = lambda z: z > 0


def shapes_of(D, H, C):
    return {"W1": (D, H), "b1": (H,), "W2": (H, C), "b2": (C,)}


def init_params(D, H, C, std):
    shapes = shapes_of(D, H, C)
    drawn = {k: std * np.random.randn(*shapes[k]) for k in NAMES}
    return {k: drawn[k] if k in drawn else np.zeros(shapes[k]) for k in NAMES}


def repeat(fn, n, state):
    """fn applied n times, fn receiving the iteration number too."""
    it = 0
    while it < n:
        state = fn(state, it)
        it = it + 1
    return state


def forward(p, X):
    z1 = X.dot(p["W1"]) + p["b1"]
    h1 = relu(z1)
    return {"z1": z1, "h1": h1, "scores": h1.dot(p["W2"]) + p["b2"]}


def loss_and_grads(p, X, y, reg):
    N = X.shape[0]
    cache = forward(p, X)
    scores = cache["scores"]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(N)
    data_loss = -log_probs[rows, y].mean()
    reg_loss = reg * sum(np.sum(p[k] * p[k]) for k in WEIGHTS)

    dscores = (np.exp(log_probs) - np.eye(scores.shape[1])[y]) / N
    dh1 = dscores.dot(p["W2"].T)
    dz1 = dh1 * relu_mask(cache["z1"])
    raw = {"W1": X.T.dot(dz1), "b1": dz1.sum(axis=0), "W2": cache["h1"].T.dot(dscores), "b2": dscores.sum(axis=0)}
    reg_grads = {k: 2 * reg * p[k] for k in WEIGHTS}
    grads = {k: raw[k] + reg_grads[k] if k in reg_grads else raw[k] for k in NAMES}
    return data_loss + reg_loss, grads


def sgd(p, grads, rate):
    rates = dict.fromkeys(NAMES, rate)
    return {k: p[k] - rates.get(k, 1.0) * grads[k] for k in NAMES}


def predict_from(p, X):
    return np.argmax(forward(p, X)["scores"], axis=1)


class TwoLayerNet:
    """A two-layer net whose dicts are rebuilt, never assigned into."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = init_params(input_size, hidden_size, output_size, std)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return forward(self.params, X)["scores"]
        return loss_and_grads(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        accuracy = lambda p, A, truth: (predict_from(p, A) == truth).mean()

        def step(state, it):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = (A[idx] for A in (X, y))
            loss, grads = loss_and_grads(state["params"], X_batch, y_batch, reg)
            new_params = sgd(state["params"], grads, state["rate"])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            after = {**state, "params": new_params, "losses": state["losses"] + (loss,)}
            if it % per_epoch != 0:
                return after
            return {
                **after,
                "rate": state["rate"] * learning_rate_decay,
                "train_accs": state["train_accs"] + (accuracy(new_params, X_batch, y_batch),),
                "val_accs": state["val_accs"] + (accuracy(new_params, X_val, y_val),),
            }

        start = {"params": dict(self.params), "rate": learning_rate, "losses": (), "train_accs": (), "val_accs": ()}
        final = repeat(step, num_iters, start)
        self.params = final["params"]
        return {
            "loss_history": list(final["losses"]),
            "train_acc_history": list(final["train_accs"]),
            "val_acc_history": list(final["val_accs"]),
        }

    def predict(self, X):
        return predict_from(self.params, X)
