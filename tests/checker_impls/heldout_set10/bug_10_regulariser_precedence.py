import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        rng_draw = np.random.randn
        self.params = {
            "W1": std * rng_draw(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * rng_draw(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = [self.params[k] for k in ("W1", "b1", "W2", "b2")]

        fc1 = X @ W1 + b1
        out1 = np.maximum(fc1, 0)
        scores = out1 @ W2 + b2
        if y is None:
            return scores

        n = X.shape[0]
        shift = scores - scores.max(axis=1)[:, np.newaxis]
        log_probs = shift - np.log(np.exp(shift).sum(axis=1))[:, np.newaxis]
        data_loss = -np.mean(log_probs[np.arange(n), y])
        reg_loss = reg * np.sum(np.square(W1)) + np.sum(np.square(W2))
        loss = data_loss + reg_loss

        d_scores = np.exp(log_probs)
        d_scores[np.arange(n), y] -= 1
        d_scores /= n

        d_W2 = out1.T @ d_scores + 2 * reg * W2
        d_b2 = d_scores.sum(axis=0)
        d_fc1 = (d_scores @ W2.T) * (fc1 > 0)
        d_W1 = X.T @ d_fc1 + 2 * reg * W1
        d_b1 = d_fc1.sum(axis=0)
        return loss, {"W1": d_W1, "b1": d_b1, "W2": d_W2, "b2": d_b2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            chosen = np.random.choice(num_train, batch_size)
            X_batch = X[chosen]
            y_batch = y[chosen]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for key in self.params:
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return np.argmax(scores, axis=1)
