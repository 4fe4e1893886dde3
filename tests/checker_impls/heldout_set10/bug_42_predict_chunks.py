import numpy as np

PREDICT_CHUNK = 128


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        hin = np.dot(X, W1) + b1
        hout = np.maximum(hin, 0)
        scores = np.dot(hout, W2) + b2
        if y is None:
            return scores

        N = X.shape[0]
        t = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = t - np.log(np.sum(np.exp(t), axis=1, keepdims=True))
        loss = -np.mean(log_probs[np.arange(N), y]) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        dhin = np.dot(dscores, W2.T)
        dhin[hin <= 0] = 0
        grads = {
            "W1": np.dot(X.T, dhin) + 2 * reg * W1,
            "b1": np.sum(dhin, axis=0),
            "W2": np.dot(hout.T, dscores) + 2 * reg * W2,
            "b2": np.sum(dscores, axis=0),
        }
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

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

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        preds = []
        for start in range(0, X.shape[0], PREDICT_CHUNK):
            chunk = X[start:PREDICT_CHUNK]
            preds.append(np.argmax(self.loss(chunk), axis=1))
        return np.concatenate(preds) if preds else np.zeros(0, dtype=np.intp)
