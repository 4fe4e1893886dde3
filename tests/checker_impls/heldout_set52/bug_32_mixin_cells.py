"""Each notebook cell became a small mixin; the last cell stacks them into TwoLayerNet."""
import numpy as np


# --- cell: parameters ---------------------------------------------------------
class _InitCell:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }


# --- cell: forward pass -------------------------------------------------------
class _ForwardCell:
    def _forward(self, X):
        p = self.params
        self._z1 = X.dot(p["W1"]) + p["b1"]
        self._h1 = np.maximum(0, self._z1)
        return self._h1.dot(p["W2"]) + p["b2"]


# --- cell: loss and gradients -------------------------------------------------
class _LossCell:
    def loss(self, X, y=None, reg=0.0):
        scores = self._forward(X)
        if y is None:
            return scores
        p = self.params
        N = X.shape[0]
        rows = np.arange(N)

        shifted = scores - scores.max(axis=1, keepdims=True)
        exp_s = np.exp(shifted)
        sum_exp = exp_s.sum(axis=1)
        data_loss = np.mean(np.log(sum_exp) - shifted[rows, y])
        reg_loss = reg * np.sum(p["W1"] ** 2) + reg * np.sum(p["W2"] ** 2)
        loss = data_loss + reg_loss

        dscores = exp_s / sum_exp[:, None]
        dscores[rows, y] -= 1
        dscores /= N
        dh1 = dscores.dot(p["W2"].T)
        dz1 = dh1 * (self._z1 > 0)
        grads = {
            "W1": X.T.dot(dz1) + 2 * reg * p["W1"],
            "b1": dz1.sum(axis=0),
            "W2": self._h1.T.dot(dscores) + 2 * reg * p["W2"],
            "b2": dscores.sum(axis=0),
        }
        return loss, grads


# --- cell: SGD ------------------------------------------------------------------
class _TrainCell:
    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history["loss_history"].append(loss)

            for name in self.params:
                self.params[name] -= learning_rate_decay * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                history["train_acc_history"].append((self.predict(X_batch) == y_batch).mean())
                history["val_acc_history"].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return history


# --- cell: predict --------------------------------------------------------------
class _PredictCell:
    def predict(self, X):
        return self._forward(X).argmax(axis=1)


# --- final cell -----------------------------------------------------------------
class TwoLayerNet(_InitCell, _ForwardCell, _LossCell, _TrainCell, _PredictCell):
    """affine -> ReLU -> affine -> softmax, stacked from the cells above."""
