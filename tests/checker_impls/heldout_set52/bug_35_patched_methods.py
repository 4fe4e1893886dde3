"""The notebook's TwoLayerNet: an empty shell first, its methods written in later cells and attached."""
import numpy as np


# In [1]: a shell so that `from neural_net import TwoLayerNet` works before anything is written
class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = init_two_layer_params(input_size, hidden_size, output_size, std)


# In [2]:
def init_two_layer_params(input_size, hidden_size, output_size, std):
    params = {}
    params["W1"] = std * np.random.randn(input_size, hidden_size)
    params["b1"] = np.zeros(hidden_size)
    params["W2"] = std * np.random.randn(hidden_size, output_size)
    params["b2"] = np.zeros(output_size)
    return params


# In [3]: forward pass, loss and backward pass
def two_layer_loss(self, X, y=None, reg=0.0):
    W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
    N = len(X)
    a1 = X @ W1 + b1
    r1 = a1 * (a1 > 0)
    scores = r1 @ W2 + b2
    if y is None:
        return scores

    # In [4]: loss (log-sum-exp, shifted by the row max)
    m = scores.max(axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(scores - m), axis=1, keepdims=True))
    logp = scores - lse
    loss = -np.sum(logp[np.arange(N), y]) / N
    loss += reg * np.sum(W1 * W1)
    loss += reg * np.sum(W2 * W2)

    # In [5]: backward
    d = np.exp(logp)
    d[np.arange(N), y] -= 1
    d /= N
    grads = {
        "W2": r1.T @ d + 2 * reg * W2,
        "b2": d.sum(axis=0),
    }
    dr1 = d @ W2.T
    da1 = dr1 * (a1 > 0)
    grads["W1"] = X.T @ da1 + 2 * reg * W1
    grads["b1"] = da1.sum(axis=0)
    return loss, grads


TwoLayerNet.loss = two_layer_loss


# In [6]: SGD
def two_layer_train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
                    reg=5e-6, num_iters=100, batch_size=200, verbose=False):
    num_train = X.shape[0]
    iterations_per_epoch = max(num_train // batch_size, 1)
    loss_history, train_acc_history, val_acc_history = [], [], []

    for it in range(num_iters):
        rows = np.random.choice(num_train, batch_size, replace=True)
        X_batch, y_batch = X[rows], y[rows]

        loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
        loss_history.append(loss)

        self.params["W1"] -= learning_rate * grads["W1"]
        self.params["b1"] -= learning_rate * grads["b1"]
        self.params["W2"] -= 1e-3 * grads["W2"]
        self.params["b2"] -= learning_rate * grads["b2"]

        if verbose and it % 100 == 0:
            print("iteration %d / %d: loss %f" % (it, num_iters, loss))

        if it % iterations_per_epoch == 0:
            train_acc = (self.predict(X_batch) == y_batch).mean()
            val_acc = (self.predict(X_val) == y_val).mean()
            train_acc_history.append(train_acc)
            val_acc_history.append(val_acc)
            learning_rate *= learning_rate_decay

    return {
        "loss_history": loss_history,
        "train_acc_history": train_acc_history,
        "val_acc_history": val_acc_history,
    }


TwoLayerNet.train = two_layer_train


# In [7]:
def two_layer_predict(self, X):
    return self.loss(X).argmax(axis=1)


TwoLayerNet.predict = two_layer_predict
