import numpy as np


def build_model(params):
    def scores_of(X):
        pre = X @ params["W1"] + params["b1"]
        post = pre * (pre > 0)
        return pre, post, post @ params["W2"] + params["b2"]

    def loss_of(X, y, reg):
        pre, post, scores = scores_of(X)
        count = scores.shape[0]
        rows = np.arange(count)
        shifted = scores - scores.max(axis=1)[:, None]
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1))[:, None]
        W1, W2 = params["W1"], params["W2"]
        penalty = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        total = -log_probs[rows, y].mean() + penalty

        upstream = np.exp(log_probs)
        upstream[rows, y] -= 1
        upstream /= count
        d_post = upstream @ W2.T
        d_pre = d_post * (pre > 0)
        return total, {
            "W1": X.T @ d_pre + 2 * reg * W1,
            "b1": d_pre.sum(axis=0),
            "W2": post.T @ upstream + 2 * reg * W2,
            "b2": upstream.sum(axis=0),
        }

    return scores_of, loss_of


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        first = std * np.random.randn(input_size, hidden_size)
        second = std * np.random.randn(hidden_size, output_size)
        self.params = {"W1": first, "b1": np.zeros(hidden_size),
                       "W2": second, "b2": np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        scores_of, loss_of = build_model(self.params)
        if y is None:
            return scores_of(X)[2]
        return loss_of(X, y, reg)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        histories = ([], [], [])
        losses, train_accs, val_accs = histories

        def accuracy(inputs, labels):
            return (self.predict(inputs) == labels).mean()

        schedule = [learning_rate]
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            value, grads = self.loss(X_batch, y=y_batch, reg=reg)
            losses.append(value)
            for name, grad in grads.items():
                self.params[name] -= schedule[-1] * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, value))
            if it % iterations_per_epoch == 0:
                train_accs.append(accuracy(X_batch, y_batch))
                val_accs.append(accuracy(X_val, y_val))
                schedule.append(schedule[-1] * learning_rate_decay)

        return {"loss_history": losses, "train_acc_history": train_accs,
                "val_acc_history": val_accs}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
