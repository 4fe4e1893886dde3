import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
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
        hidden = np.maximum(0, X @ W1 + b1)
        mask = hidden > 0
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        stable = scores - np.max(scores)
        exp_s = np.exp(stable)
        probs = exp_s / exp_s.sum(axis=1, keepdims=True)
        loss = np.mean(np.log(exp_s.sum(axis=1)) - stable[np.arange(N), y])
        loss += reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)

        grad = probs.copy()
        grad[np.arange(N), y] -= 1
        grad /= N
        dW2 = hidden.T @ grad + 2 * reg * W2
        db2 = grad.sum(axis=0)
        dhidden = (grad @ W2.T) * mask
        dW1 = X.T @ dhidden + 2 * reg * W1
        db1 = dhidden.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        plan = [np.random.choice(num_train, batch_size) for _ in range(num_iters)]
        loss_history, train_acc_history, val_acc_history = [], [], []
        lr = learning_rate
        for it, idx in enumerate(plan):
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                np.subtract(self.params[name], lr * grads[name], out=self.params[name])
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch:
                continue
            train_acc_history.append(float(np.mean(self.predict(X_batch) == y_batch)))
            val_acc_history.append(float(np.mean(self.predict(X_val) == y_val)))
            lr *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
