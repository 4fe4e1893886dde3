import numpy as np
from dataclasses import dataclass, field


@dataclass(eq=False)
class TwoLayerNet:
    input_size: int
    hidden_size: int
    output_size: int
    std: float = 1e-4
    params: dict = field(init=False)

    def __post_init__(self):
        self.params = {
            "W1": self.std * np.random.randn(self.input_size, self.hidden_size),
            "b1": np.zeros(self.hidden_size),
            "W2": self.std * np.random.randn(self.hidden_size, self.output_size),
            "b2": np.zeros(self.output_size),
        }

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = map(self.params.get, ("W1", "b1", "W2", "b2"))
        hidden_pre = X @ W1 + b1
        hidden = hidden_pre * (hidden_pre > 0)
        scores = hidden @ W2 + b2
        if y is None:
            return scores

        N = len(y)
        sel = (np.arange(N), y)
        z = scores - np.max(scores, axis=1, keepdims=True)
        log_probs = z - np.log(np.sum(np.exp(z), axis=1, keepdims=True))
        loss = -np.mean(log_probs[sel]) + reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        dscores = np.exp(log_probs)
        dscores[sel] -= 1
        dscores /= N
        dhidden = dscores @ W2.T
        dpre = dhidden * (hidden_pre > 0)
        grads = dict(
            W1=X.T @ dpre + 2 * reg * W1,
            b1=dpre.sum(0),
            W2=hidden.T @ dscores + 2 * reg * W2,
            b2=dscores.sum(0),
        )
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate_decay=0.95, learning_rate=1e-3,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[batch], y[batch]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for key in self.params:
                self.params[key] -= learning_rate * grads[key]

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {"loss_history": loss_history, "train_acc_history": train_acc_history,
                "val_acc_history": val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
