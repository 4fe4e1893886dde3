"""Two-layer net in a torch.nn.functional style: pure functions for the layers and the
loss, and an optimizer / scheduler made of closures over a shared param_group dict."""

import numpy as np


def linear(x, weight, bias):
    """F.linear: x @ weight.T + bias, weight in nn.Linear's (out_features, in_features) layout."""
    return x @ weight.T + bias


def relu(x):
    return np.maximum(x, 0.0)


def softmax(logits, dim=-1):
    z = logits - logits.max(axis=dim, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=dim, keepdims=True)


def log_softmax(logits, dim=-1):
    z = logits - logits.max(axis=dim, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=dim, keepdims=True))


def cross_entropy(logits, target, reduction="mean"):
    """F.cross_entropy on logits. Returns (loss, backward); backward() is d loss / d logits."""
    n = logits.shape[0]
    rows = np.arange(n)
    logp = log_softmax(logits, dim=1)
    nll = -logp[rows, target]
    scale = 1.0 / n if reduction == "mean" else 1.0
    loss = nll.sum() * scale

    def backward():
        g = np.exp(logp)
        g[rows, target] -= 1.0
        return g * scale

    return loss, backward


def l2_penalty(params, keys=("W1", "W2")):
    return sum(np.sum(params[k] ** 2) for k in keys)


def layers(params):
    """(weight, bias) per layer, weights seen in nn.Linear's (out, in) layout."""
    return (params["W1"].T, params["b1"]), (params["W2"].T, params["b2"])


def forward(params, x):
    (w1, b1), (w2, b2) = layers(params)
    pre = linear(x, w1, b1)
    hidden = relu(pre)
    logits = linear(hidden, w2, b2)
    return logits, (x, pre, hidden)


def backward(params, cache, dlogits):
    x, pre, hidden = cache
    (w1, _), (w2, _) = layers(params)
    dw2 = dlogits.T @ hidden  # (out, in), like weight.grad
    db2 = dlogits.sum(axis=0)
    dhidden = dlogits @ w2
    dpre = dhidden * (pre > 0)
    dw1 = dpre.T @ x
    db1 = dpre.sum(axis=0)
    # back to the notebook's (in, out) layout
    return {"W1": dw1.T, "b1": db1, "W2": dw2.T, "b2": db2}


def make_sgd(params, lr, momentum=0.0):
    """optimizer.step() as a closure; the live lr sits in param_group so a scheduler can change it."""
    param_group = {"lr": lr, "momentum": momentum}
    velocity = {k: np.zeros_like(v) for k, v in params.items()}

    def step(grads):
        for k, p in params.items():
            d = grads[k]
            if param_group["momentum"]:
                velocity[k] = param_group["momentum"] * velocity[k] + d
                d = velocity[k]
            p -= param_group["lr"] * d

    return step, param_group


def make_exponential_lr(param_group, gamma):
    def step():
        param_group["lr"] *= gamma

    return step


def accuracy(pred, target):
    return (pred == target).mean()


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        logits, cache = forward(self.params, X)
        if y is None:
            return logits

        data_loss, logits_backward = cross_entropy(logits, y, reduction="mean")
        loss = data_loss + reg * l2_penalty(self.params)

        grads = backward(self.params, cache, logits_backward())
        for k in ("W1", "W2"):
            grads[k] = grads[k] + 2 * reg * self.params[k]
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        step, param_group = make_sgd(self.params, learning_rate)
        scheduler_step = make_exponential_lr(param_group, learning_rate_decay)

        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            xb, yb = X[idx], y[idx]

            loss, grads = self.loss(xb, y=yb, reg=reg)
            step(grads)
            history["loss_history"].append(loss)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append(accuracy(self.predict(xb), yb))
                history["val_acc_history"].append(accuracy(self.predict(X_val), y_val))
                scheduler_step()
        return history

    def predict(self, X):
        probs = softmax(self.loss(X), dim=1)
        return np.argmax(probs, axis=1)
