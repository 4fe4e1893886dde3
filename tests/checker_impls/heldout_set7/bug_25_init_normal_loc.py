import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": np.random.normal(std, size=(input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": np.random.normal(std, size=(hidden_size, output_size)),
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
        N = X.shape[0]
        hidden_input = X.dot(W1) + b1
        hidden_output = np.maximum(hidden_input, 0.0)
        class_scores = hidden_output.dot(W2) + b2
        if y is None:
            return class_scores

        top = np.max(class_scores, axis=1, keepdims=True)
        exps = np.exp(class_scores - top)
        sums = np.sum(exps, axis=1, keepdims=True)
        softmax = exps / sums
        log_likelihood = (class_scores - top)[np.arange(N), y] - np.log(sums[:, 0])
        loss = -np.mean(log_likelihood) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        delta = softmax.copy()
        delta[np.arange(N), y] -= 1
        delta /= N
        grads = {}
        grads["W2"] = hidden_output.T.dot(delta) + 2 * reg * W2
        grads["b2"] = delta.sum(axis=0)
        delta_hidden = delta.dot(W2.T)
        delta_hidden *= hidden_input > 0
        grads["W1"] = X.T.dot(delta_hidden) + 2 * reg * W1
        grads["b1"] = delta_hidden.sum(axis=0)
        return loss, grads

    def _accuracy(self, X, y):
        return np.mean(self.predict(X) == y)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        n_train = X.shape[0]
        epoch_every = max(n_train // batch_size, 1)
        losses, train_accs, val_accs = [], [], []
        lr = learning_rate
        step = 0
        while step < num_iters:
            rows = np.random.choice(n_train, batch_size)
            xb, yb = X[rows], y[rows]
            cost, grads = self.loss(xb, y=yb, reg=reg)
            losses.append(cost)
            for name in grads:
                self.params[name] -= lr * grads[name]
            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, cost))
            if step % epoch_every == 0:
                train_accs.append(self._accuracy(xb, yb))
                val_accs.append(self._accuracy(X_val, y_val))
                lr *= learning_rate_decay
            step += 1
        return dict(loss_history=losses, train_acc_history=train_accs, val_acc_history=val_accs)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
