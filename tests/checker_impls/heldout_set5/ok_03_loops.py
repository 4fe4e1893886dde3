import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        for name, shape in (("W1", (input_size, hidden_size)), ("W2", (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params["b1"] = np.zeros(hidden_size)
        self.params["b2"] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params["W1"], self.params["b1"]
        W2, b2 = self.params["W2"], self.params["b2"]
        N = X.shape[0]
        H, C = W2.shape

        pre = np.zeros((N, H))
        hid = np.zeros((N, H))
        scores = np.zeros((N, C))
        for i in range(N):
            pre[i] = np.dot(X[i], W1) + b1
            hid[i] = np.maximum(pre[i], 0.0)
            scores[i] = np.dot(hid[i], W2) + b2
        if y is None:
            return scores

        total = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)
        for i in range(N):
            s = scores[i] - scores[i].max()
            logp = s - np.log(np.exp(s).sum())
            total -= logp[y[i]]
            ds = np.exp(logp)
            ds[y[i]] -= 1.0
            ds /= N
            dW2 += np.outer(hid[i], ds)
            db2 += ds
            dz = np.dot(W2, ds)
            for j in range(H):
                if pre[i, j] <= 0:
                    dz[j] = 0.0
            dW1 += np.outer(X[i], dz)
            db1 += dz
        penalty = 0.0
        for W in (W1, W2):
            penalty += np.sum(W * W)
        loss = total / N + reg * penalty
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2
        return loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = num_train // batch_size
        if iterations_per_epoch < 1:
            iterations_per_epoch = 1
        loss_history = []
        train_acc_history = []
        val_acc_history = []
        it = 0
        while it < num_iters:
            idx = np.random.choice(num_train, batch_size, replace=True)
            X_batch = X[idx]
            y_batch = y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in ("W1", "b1", "W2", "b2"):
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                hits = 0
                pred = self.predict(X_batch)
                for k in range(len(y_batch)):
                    hits += int(pred[k] == y_batch[k])
                train_acc_history.append(hits / len(y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        scores = self.loss(X)
        out = np.zeros(scores.shape[0], dtype=np.intp)
        for i in range(scores.shape[0]):
            best = 0
            for c in range(1, scores.shape[1]):
                if scores[i, c] > scores[i, best]:
                    best = c
            out[i] = best
        return out
