import numpy as np


def dense_init(fan_in, fan_out, std):
    return np.random.normal(0.0, std, size=(fan_in, fan_out))


def forward(params, X):
    """Activations [X, h1, scores] and the hidden pre-activation z1."""
    z1 = X.dot(params["W1"]) + params["b1"]
    h1 = np.maximum(0, z1)
    scores = h1.dot(params["W2"]) + params["b2"]
    return [X, h1, scores], z1


def softmax(scores):
    shifted = scores - scores.max(axis=1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=1, keepdims=True)


def backward(params, acts, z1, probs, y, reg):
    X, h1, _ = acts
    N = X.shape[0]
    dscores = probs.copy()
    dscores[np.arange(N), y] -= 1
    dscores /= N
    db2 = dscores.sum(axis=0)
    dW2 = h1.T.dot(dscores) + 2 * reg * params["W2"]
    dh1 = dscores.dot(params["W2"].T)
    dz1 = dh1 * (z1 > 0)
    dW1 = X.T.dot(dz1) + 2 * reg * params["W1"]
    db1 = dz1.sum(axis=0)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}


def make_step_decay(lr, decay, every=100):
    """Closures (rate, tick): tick() multiplies the rate by decay on every
    `every`-th call, the first call included."""
    state = {"lr": lr, "calls": 0}

    def rate():
        return state["lr"]

    def tick():
        if state["calls"] % every == 0:
            state["lr"] *= decay
        state["calls"] += 1

    return rate, tick


def make_sgd(params, rate):
    """An SGD step closure over the params dict that reads the current rate."""
    def step(grads):
        lr = rate()
        for name in params:
            params[name] -= lr * grads[name]
    return step


def make_batch_sampler(num_train, batch_size):
    def sample():
        return np.random.choice(num_train, batch_size)
    return sample


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": dense_init(input_size, hidden_size, std),
            "b1": np.zeros(hidden_size),
            "W2": dense_init(hidden_size, output_size, std),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        acts, z1 = forward(self.params, X)
        scores = acts[-1]
        if y is None:
            return scores

        N = X.shape[0]
        probs = softmax(scores)
        data_loss = -np.log(probs[np.arange(N), y]).mean()
        reg_loss = reg * (np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2))
        return data_loss + reg_loss, backward(self.params, acts, z1, probs, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        rate, tick = make_step_decay(learning_rate, learning_rate_decay, every=iterations_per_epoch)
        sgd_step = make_sgd(self.params, rate)
        sample = make_batch_sampler(num_train, batch_size)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            idx = sample()
            X_batch, y_batch = X[idx], y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)
            sgd_step(grads)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
            tick()

        return history

    def predict(self, X):
        acts, _ = forward(self.params, X)
        return np.argmax(acts[-1], axis=1)
