"""Two-layer net that treats its params like a PyTorch state_dict: training works on a
copied state and loads it back with load_state_dict after every optimizer step."""

import numpy as np


def torch_max(a, dim):
    """torch.max(a, dim): a (values, indices) pair."""
    return a.max(axis=dim), a.argmax(axis=dim)


class TwoLayerNet:
    KEYS = ("W1", "b1", "W2", "b2")

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.load_state_dict({"W1": W1, "b1": np.zeros(hidden_size), "W2": W2, "b2": np.zeros(output_size)})

    def state_dict(self):
        return {k: v.copy() for k, v in self.params.items()}

    def load_state_dict(self, state_dict):
        self.params = {k: np.array(state_dict[k], dtype=np.float64) for k in self.KEYS}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.load_state_dict(params)
        return net

    def loss(self, X, y=None, reg=0.0):
        sd = self.params
        h_pre = X.dot(sd["W1"]) + sd["b1"]
        h = np.maximum(h_pre, 0)
        logits = h.dot(sd["W2"]) + sd["b2"]
        if y is None:
            return logits

        N = len(y)
        m = logits.max(axis=1, keepdims=True)
        log_probs = (logits - m) - np.log(np.exp(logits - m).sum(axis=1, keepdims=True))
        nll_sum = -np.take_along_axis(log_probs, y[:, None], axis=1).sum()
        sq_norm = np.sum(sd["W1"] ** 2) + np.sum(sd["W2"] ** 2)
        loss = nll_sum / N + reg * sq_norm

        dlogits = np.exp(log_probs)
        dlogits[np.arange(N), y] -= 1
        dlogits /= N
        dW2 = h.T.dot(dlogits) + 2 * reg * sd["W2"]
        db2 = dlogits.sum(axis=0)
        dh = dlogits.dot(sd["W2"].T)
        dh[h_pre <= 0] = 0
        dW1 = X.T.dot(dh) + 2 * reg * sd["W1"]
        db1 = dh.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate

        loss_history, train_acc_history, val_acc_history = [], [], []
        state = self.state_dict()  # the optimizer's working copy
        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            for k in self.KEYS:
                state[k] -= lr * grads[k]
            self.load_state_dict(state)
            loss_history.append(loss)

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                lr *= learning_rate_decay  # scheduler.step()

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        _, labels = torch_max(self.loss(X), dim=1)
        return labels
