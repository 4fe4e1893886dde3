import numpy as np


def _dense_weights(fan_in, fan_out, std):
    return std * np.random.randn(fan_out, fan_in).T


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": _dense_weights(input_size, hidden_size, std),
            "b1": np.zeros(hidden_size),
            "W2": _dense_weights(hidden_size, output_size, std),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = len(X)
        pre_act = np.add(np.matmul(X, W1), b1)
        post_act = np.fmax(pre_act, 0.0)
        logits = np.add(np.matmul(post_act, W2), b2)
        if y is None:
            return logits
        logits_c = np.subtract(logits, logits.max(axis=1, keepdims=True))
        exps = np.exp(logits_c)
        norm = exps.sum(axis=1)
        nll = np.log(norm) - logits_c[np.arange(N), y]
        reg_term = reg * (np.tensordot(W1, W1, 2) + np.tensordot(W2, W2, 2))
        loss = nll.sum() / N + reg_term
        probs = exps / norm[:, None]
        probs[np.arange(N), y] -= 1
        probs /= N
        back = np.matmul(probs, W2.T) * np.greater(pre_act, 0)
        return loss, {"W1": np.matmul(X.T, back) + 2 * reg * W1, "b1": back.sum(axis=0),
                      "W2": np.matmul(post_act.T, probs) + 2 * reg * W2, "b2": probs.sum(axis=0)}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        def index_stream():
            while True:
                yield np.random.choice(num_train, batch_size)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it, idx in zip(range(num_iters), index_stream()):
            xb, yb = X[idx], y[idx]
            loss, grads = self.loss(xb, y=yb, reg=reg)
            loss_history.append(loss)
            for name, grad in grads.items():
                self.params[name] -= learning_rate * grad
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(xb) == yb))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
