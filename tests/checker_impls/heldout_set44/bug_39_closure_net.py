"""The notebook's two-layer net as closures over immutable parameters.

``network(W1, b1, W2, b2)`` closes over one set of parameters and hands back
three functions: scores, loss-and-gradients, and predict.  A new set of
parameters means a new network, never a mutated one.  The learning-rate
schedule is a closed form evaluated up front, one step closure per iteration,
and the training loop is a hand-written fold.
"""

import numpy as np

NAMES = ("W1", "b1", "W2", "b2")

sq_norm = lambda W: np.sum(W * W)


def fold(fn, acc, xs):
    for x in xs:
        acc = fn(acc, x)
    return acc


def network(W1, b1, W2, b2):
    """Closures over one set of params: (scores, loss_and_grads, predict)."""

    def forward(X):
        z = X.dot(W1) + b1
        h = np.maximum(0, z)
        return z, h, h.dot(W2) + b2

    def scores(X):
        return forward(X)[2]

    def loss_and_grads(X, y, reg):
        N, C = X.shape[0], W2.shape[1]
        z, h, S = forward(X)
        shifted = S - S.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        onehot = np.eye(C)[y]
        data_loss = -np.sum(onehot * log_probs) / N
        reg_loss = reg * (sq_norm(W1) + sq_norm(W2))

        dS = (np.exp(log_probs) - onehot) / N
        dz = dS.dot(W2.T) * (z > 0)
        grads = (
            X.T.dot(dz) + 2 * reg * W1,
            dz.sum(axis=0),
            h.T.dot(dS) + 2 * reg * W2,
            dS.sum(axis=0),
        )
        return data_loss + reg_loss, grads

    def predict(X):
        return np.argmax(scores(X), axis=1)

    return scores, loss_and_grads, predict


def descend(params, grads, rate):
    return tuple(p - rate * g for p, g in zip(params, grads))


class TwoLayerNet:
    """A two-layer net rebuilt as fresh closures whenever its params change."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        draw = lambda *shape: std * np.random.randn(*shape)
        W1 = draw(input_size, hidden_size)
        W2 = draw(hidden_size, output_size)
        self.params = dict(zip(NAMES, (W1, np.zeros(hidden_size), W2, np.zeros(output_size))))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in NAMES}
        return net

    def _as_tuple(self):
        return tuple(self.params[k] for k in NAMES)

    def loss(self, X, y=None, reg=0.0):
        scores, loss_and_grads, _ = network(*self._as_tuple())
        if y is None:
            return scores(X)
        loss, grads = loss_and_grads(X, y, reg)
        return loss, dict(zip(NAMES, grads))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        is_boundary = lambda it: it % per_epoch == 0
        # the rate of iteration it has been decayed once per boundary before it: ceil(it / per_epoch)
        rates = [learning_rate * learning_rate_decay ** (it // per_epoch + 1) for it in range(num_iters)]
        steps = [lambda params, grads, rate=rate: descend(params, grads, rate) for rate in rates]

        def step(state, it):
            params, losses, train_accs, val_accs = state
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = network(*params)[1](X_batch, y_batch, reg)
            new_params = steps[it](params, grads)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if not is_boundary(it):
                return new_params, losses + (loss,), train_accs, val_accs
            predict = network(*new_params)[2]
            return (
                new_params,
                losses + (loss,),
                train_accs + ((predict(X_batch) == y_batch).mean(),),
                val_accs + ((predict(X_val) == y_val).mean(),),
            )

        params, losses, train_accs, val_accs = fold(step, (self._as_tuple(), (), (), ()), range(num_iters))
        self.params = dict(zip(NAMES, params))
        return {
            "loss_history": list(losses),
            "train_acc_history": list(train_accs),
            "val_acc_history": list(val_accs),
        }

    def predict(self, X):
        return network(*self._as_tuple())[2](X)
