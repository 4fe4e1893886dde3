import numpy as np

_KEYS = (("W1", "b1"), ("W2", "b2"))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        sizes = [input_size, hidden_size, output_size]
        self.params = {}
        for (wk, bk), fan_in, fan_out in zip(_KEYS, sizes[:-1], sizes[1:]):
            self.params[wk] = std * np.random.randn(fan_in, fan_out)
        for (wk, bk), fan_out in zip(_KEYS, sizes[1:]):
            self.params[bk] = np.zeros(fan_out)
        self.params = {k: self.params[k] for k in ("W1", "b1", "W2", "b2")}

    def _layers(self):
        return [(self.params[wk], self.params[bk]) for wk, bk in _KEYS]

    def _forward(self, X):
        acts, pres = [X], []
        layers = self._layers()
        for i, (W, b) in enumerate(layers):
            pre = acts[-1].dot(W) + b
            pres.append(pre)
            acts.append(pre if i == len(layers) - 1 else np.maximum(0, pre))
        return acts, pres

    def loss(self, X, y=None, reg=0.0):
        acts, pres = self._forward(X)
        scores = acts[-1]
        if y is None:
            return scores

        N = scores.shape[0]
        logits = scores - scores.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(logits).sum(axis=1, keepdims=True))
        log_probs = logits - log_z
        loss = -np.sum(log_probs[np.arange(N), y]) / N
        for W, _ in self._layers():
            loss += reg * np.sum(W * W)

        delta = np.exp(log_probs)
        delta[np.arange(N), y] -= 1
        delta /= N
        grads = {}
        layers = self._layers()
        for i in reversed(range(len(layers))):
            W, _ = layers[i]
            wk, bk = _KEYS[i]
            grads[wk] = acts[i].T.dot(delta) + 2 * reg * W
            grads[bk] = delta.sum(axis=0)
            if i > 0:
                delta = delta.dot(W.T) * (pres[i - 1] > 0)
        return loss, {k: grads[k] for k in ("W1", "b1", "W2", "b2")}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        out = {"loss_history": [], "train_acc_history": [], "val_acc_history": []}
        for it in range(num_iters):
            rows = np.random.choice(np.arange(num_train), batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            out["loss_history"].append(loss)
            self.params.update({k: v - learning_rate * grads[k] for k, v in self.params.items()})
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                out["train_acc_history"].append(np.mean(self.predict(X_batch) == y_batch))
                out["val_acc_history"].append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return out

    def predict(self, X):
        return np.argmax(self._forward(X)[0][-1], axis=1)
