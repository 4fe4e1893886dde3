"""Two-layer net that hoists everything it can out of its loops.

The loss builds a one-hot label matrix and the reciprocal batch size once per call and
reuses the ReLU gate in the backward pass; training precomputes the epoch-boundary mask
and the whole learning-rate schedule before the first step.
"""

import numpy as np

_PARAM_NAMES = ("W1", "b1", "W2", "b2")


class TwoLayerNet:
    """Parameters in ``self.params``: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict(
            W1=std * np.random.randn(input_size, hidden_size),
            b1=np.zeros(hidden_size),
            W2=std * np.random.randn(hidden_size, output_size),
            b2=np.zeros(output_size),
        )

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in _PARAM_NAMES}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in _PARAM_NAMES)
        X = np.asarray(X, dtype=np.float64)
        pre = X @ W1
        pre += b1
        gate = pre > 0
        hidden = pre * gate
        scores = hidden @ W2
        scores += b2
        if y is None:
            return scores

        N, C = scores.shape
        inv_n = 1.0 / N
        two_reg = 2.0 * reg
        onehot = np.zeros((N, C))
        onehot[np.arange(N), y] = 1.0

        shifted = scores - scores.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        data_loss = -np.vdot(onehot, log_probs) * inv_n
        reg_loss = reg * (np.vdot(W1, W1) + np.vdot(W2, W2))
        loss = data_loss + reg_loss

        dscores = np.exp(log_probs)
        dscores -= onehot
        dscores *= inv_n
        dW2 = hidden.T @ dscores
        dW2 += two_reg * W2
        db2 = dscores.sum(axis=0)
        dhidden = dscores @ W2.T
        dhidden *= gate
        dW1 = X.T @ dhidden
        dW1 += two_reg * W1
        db1 = dhidden.sum(axis=0)
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        # The whole schedule up front: the rate of iteration ``it`` has been decayed once per
        # epoch boundary passed before it.
        its = np.arange(num_iters)
        at_boundary = its % iterations_per_epoch == 0
        decays_before = np.cumsum(at_boundary)
        factors = np.full(int(at_boundary.sum()), float(learning_rate_decay))
        rate_table = np.cumprod(np.concatenate(([float(learning_rate)], factors)))
        rates = rate_table[decays_before]

        params = self.params
        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            neg_rate = -rates[it]
            for name in _PARAM_NAMES:
                params[name] += neg_rate * grads[name]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if at_boundary[it]:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
