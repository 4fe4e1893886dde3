import numpy as np


def one_hot(labels, depth):
    out = np.zeros((labels.shape[0], depth))
    out[np.arange(labels.shape[0]), labels] = 1.0
    return out


def softmax_cross_entropy_with_logits(labels, logits):
    """Per-example loss, like tf.nn.softmax_cross_entropy_with_logits."""
    z = logits - np.max(logits, axis=1, keepdims=True)
    log_softmax = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
    return -np.sum(labels * log_softmax, axis=1), np.exp(log_softmax)


class TwoLayerNet:
    """Dense(H, relu) -> Dense(C) -> softmax, trained with plain SGD."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params["W1"] = std * np.random.randn(input_size, hidden_size)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = std * np.random.randn(hidden_size, output_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def _dense_stack(self, inputs):
        kernel1, bias1 = self.params["W1"], self.params["b1"]
        kernel2, bias2 = self.params["W2"], self.params["b2"]
        pre = inputs @ kernel1 + bias1
        hidden = np.maximum(pre, 0)
        logits = hidden @ kernel2 + bias2
        return inputs, pre, hidden, logits

    def loss(self, X, y=None, reg=0.0):
        inputs, pre, hidden, logits = self._dense_stack(X)
        if y is None:
            return logits

        n, depth = logits.shape
        labels = one_hot(y, depth)
        per_example, probs = softmax_cross_entropy_with_logits(labels, logits)
        data_loss = np.mean(per_example)
        kernels = (self.params["W1"], self.params["W2"])
        l2 = reg * sum(np.sum(np.square(k)) for k in kernels)

        d_logits = (probs - labels) / n
        d_kernel2 = hidden.T @ d_logits + 2 * reg * self.params["W2"]
        d_bias2 = np.sum(d_logits, axis=0)
        d_hidden = d_logits @ self.params["W2"].T
        d_pre = d_hidden * (pre > 0)
        d_kernel1 = inputs.T @ d_pre + 2 * reg * self.params["W1"]
        d_bias1 = np.sum(d_pre, axis=0)

        grads = {"W1": d_kernel1, "b1": d_bias1, "W2": d_kernel2, "b2": d_bias2}
        return data_loss + l2, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        steps_per_epoch = max(num_train // batch_size, 1)
        lr = learning_rate
        last_epoch = -1
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y_batch, reg=reg)
            history["loss_history"].append(loss)

            for name in self.params:
                self.params[name] -= lr * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % steps_per_epoch == 0:
                history["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                history["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))

            epoch = (it * batch_size) // num_train
            if epoch != last_epoch:
                last_epoch = epoch
                lr *= learning_rate_decay

        return history

    def predict(self, X):
        logits = self._dense_stack(X)[-1]
        return np.argmax(logits, axis=1)
