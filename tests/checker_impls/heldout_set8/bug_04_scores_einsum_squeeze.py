import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    def _forward(self, X):
        P = self.params
        pre = np.einsum("nd,dh->nh", X, P["W1"]) + P["b1"]
        act = np.maximum(pre, 0)
        out = np.einsum("nh,hc->nc", act, P["W2"]) + P["b2"]
        return pre, act, np.squeeze(out)

    def loss(self, X, y=None, reg=0.0):
        pre, act, scores = self._forward(X)
        if y is None:
            return scores

        N, C = scores.shape
        onehot = np.zeros((N, C))
        onehot[np.arange(N), y] = 1.0
        top = scores.max(axis=1, keepdims=True)
        logits = scores - top
        log_probs = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        W1, W2 = self.params["W1"], self.params["W2"]
        data_loss = -np.einsum("nc,nc->", onehot, log_probs) / N
        reg_loss = reg * (np.einsum("ij,ij->", W1, W1) + np.einsum("ij,ij->", W2, W2))

        d_out = (np.exp(log_probs) - onehot) / N
        d_act = np.einsum("nc,hc->nh", d_out, W2)
        d_pre = np.where(pre > 0, d_act, 0.0)
        grads = {
            "W1": np.einsum("nd,nh->dh", X, d_pre) + 2 * reg * W1,
            "b1": d_pre.sum(axis=0),
            "W2": np.einsum("nh,nc->hc", act, d_out) + 2 * reg * W2,
            "b2": d_out.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in self.params:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self._forward(X)[2], axis=-1)
