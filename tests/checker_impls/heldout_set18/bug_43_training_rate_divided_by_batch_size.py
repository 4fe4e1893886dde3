import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        for key in ("W1", "b1", "W2", "b2"):
            net.params[key] = np.array(params[key], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params["W1"]
        b1 = self.params["b1"]
        W2 = self.params["W2"]
        b2 = self.params["b2"]
        num_examples = X.shape[0]
        num_classes = W2.shape[1]

        hidden_pre = np.dot(X, W1) + b1
        hidden = np.maximum(hidden_pre, 0)
        scores = np.dot(hidden, W2) + b2
        if y is None:
            return scores

        # softmax cross-entropy, one example at a time
        loss = 0.0
        dscores = np.zeros_like(scores)
        for i in range(num_examples):
            row = scores[i] - np.max(scores[i])
            log_sum = np.log(np.sum(np.exp(row)))
            loss += log_sum - row[y[i]]
            p = np.exp(row - log_sum)
            for c in range(num_classes):
                dscores[i, c] = p[c] - float(c == y[i])
        loss /= num_examples
        dscores /= num_examples
        loss += reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        grads = {}
        grads["W2"] = np.dot(hidden.T, dscores) + 2 * reg * W2
        grads["b2"] = np.sum(dscores, axis=0)
        dhidden = np.dot(dscores, W2.T)
        dhidden_pre = dhidden * (hidden_pre > 0)
        grads["W1"] = np.dot(X.T, dhidden_pre) + 2 * reg * W1
        grads["b1"] = np.sum(dhidden_pre, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices, :]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            step = learning_rate / batch_size
            self.params["W1"] -= step * grads["W1"]
            self.params["b1"] -= step * grads["b1"]
            self.params["W2"] -= step * grads["W2"]
            self.params["b2"] -= step * grads["b2"]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=np.int64)
        for i in range(X.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best] or (np.isnan(scores[i, c]) and not np.isnan(scores[i, best])):
                    best = c
            y_pred[i] = best
        return y_pred
