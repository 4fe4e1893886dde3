"""A two-layer MLP in a functional style (ported from a JAX/optax notebook).

Parameters are a plain dict ("pytree"); every update returns a new dict.
"""
import numpy as np

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def tree_map(fn, *trees):
    return {k: fn(*(t[k] for t in trees)) for k in trees[0]}


def init_params(d_in, d_hidden, d_out, std):
    w1 = std * np.random.randn(d_in, d_hidden)
    w2 = std * np.random.randn(d_hidden, d_out)
    return {"W1": w1, "b1": np.zeros(d_hidden), "W2": w2, "b2": np.zeros(d_out)}


def forward(params, x):
    z1 = x @ params["W1"] + params["b1"]
    h1 = np.maximum(z1, 0.0)
    logits = h1 @ params["W2"] + params["b2"]
    return logits, (x, z1, h1)


def log_softmax(logits):
    shifted = logits - np.max(logits, axis=-1, keepdims=True)
    return shifted - np.log(np.sum(np.exp(shifted), axis=-1, keepdims=True))


def loss_and_grads(params, x, y, reg):
    logits, (x, z1, h1) = forward(params, x)
    n = logits.shape[0]
    logp = log_softmax(logits)
    nll = -np.mean(logp[np.arange(n), y])
    l2 = params["W1"].ravel() @ params["W1"].ravel() + params["W2"].ravel() @ params["W2"].ravel()
    value = nll + reg * l2

    onehot = np.eye(logits.shape[1])[y]
    g_logits = (np.exp(logp) - onehot) / n
    g_h1 = g_logits @ params["W2"].T
    g_z1 = np.where(z1 > 0, g_h1, 0.0)
    grads = {
        "W1": x.T @ g_z1 + 2 * reg * params["W1"],
        "b1": g_z1.sum(axis=0),
        "W2": h1.T @ g_logits + 2 * reg * params["W2"],
        "b2": g_logits.sum(axis=0),
    }
    return value, grads


def accuracy(params, x, y):
    logits, _ = forward(params, x)
    return np.mean(np.argmax(logits, axis=-1) == y)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = init_params(input_size, hidden_size, output_size, std)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return forward(self.params, X)[0]
        return loss_and_grads(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)
        params = self.params
        lr = learning_rate
        loss_history, train_acc_history, val_acc_history = [], [], []

        for step in range(num_iters):
            batch_idx = np.random.choice(num_train, batch_size)
            xb, yb = X[batch_idx], y[batch_idx]

            value, g = loss_and_grads(params, xb, yb, reg)
            loss_history.append(value)
            params = tree_map(lambda p, d: p - lr * d, params, g)
            self.params = params

            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, value))

            if step % steps_per_epoch == 0:
                train_acc_history.append(accuracy(params, xb, yb))
                val_acc_history.append(accuracy(params, X_val, y_val))
                lr = lr * learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argsort(forward(self.params, X)[0], axis=-1)[:, -1]
