import numpy as np


def gaussian(shape, variance):
    return np.sqrt(variance) * np.random.standard_normal(shape)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": gaussian((input_size, hidden_size), std),
            "b1": np.zeros(hidden_size),
            "W2": gaussian((hidden_size, output_size), std),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        pre_activation = np.matmul(X, W1) + b1
        activation = np.maximum(pre_activation, 0)
        scores = np.matmul(activation, W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        shifted = scores - np.amax(scores, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y]) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        d_scores = np.exp(log_probs)
        d_scores[np.arange(N), y] -= 1
        d_scores /= N
        d_pre = np.matmul(d_scores, W2.T) * (pre_activation > 0)
        grads = {
            "W1": np.matmul(X.T, d_pre) + 2 * reg * W1,
            "b1": np.sum(d_pre, axis=0),
            "W2": np.matmul(activation.T, d_scores) + 2 * reg * W2,
            "b2": np.sum(d_scores, axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for k in self.params:
                self.params[k] -= learning_rate * grads[k]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
