"""Two-layer net organised like a LightningModule: forward, training_step,
configure_optimizers (an optimizer config plus a LambdaLR-style factor) and a
predict method, driven by a small fit loop inside train()."""

import numpy as np


def softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def log_softmax(logits):
    z = logits - logits.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def random_batches(num_train, batch_size):
    """An endless sampler: RandomSampler(replacement=True) batched by BatchSampler."""
    while True:
        yield np.random.choice(num_train, batch_size)


class TwoLayerNet:
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

    def forward(self, X):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(0.0, z1)
        logits = a1 @ p["W2"] + p["b2"]
        self._ctx = (X, z1, a1)
        return logits

    def training_step(self, batch, reg):
        X, y = batch
        logits = self.forward(X)
        n = len(y)
        logp = log_softmax(logits)
        data_loss = -np.mean(logp[np.arange(n), y])
        W1, W2 = self.params["W1"], self.params["W2"]
        reg_loss = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))

        X, z1, a1 = self._ctx
        dlogits = (softmax(logits) - np.eye(logits.shape[1])[y]) / n
        dW2 = a1.T @ dlogits + 2 * reg * W2
        db2 = dlogits.sum(axis=0)
        da1 = dlogits @ W2.T
        dz1 = da1 * (z1 > 0)
        dW1 = X.T @ da1 + 2 * reg * W1
        db1 = dz1.sum(axis=0)
        return {
            "loss": data_loss + reg_loss,
            "data_loss": data_loss,
            "grads": {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2},
        }

    def loss(self, X, y=None, reg=0.0):
        if y is None:
            return self.forward(X)  # raw logits, what nn.CrossEntropyLoss expects
        out = self.training_step((X, y), reg)
        return out["loss"], out["grads"]

    def configure_optimizers(self, learning_rate, learning_rate_decay):
        optimizer = {"lr": learning_rate, "max_grad_norm": None}

        def lr_lambda(step, epoch):  # LambdaLR factor on the base lr
            return learning_rate_decay ** epoch

        return optimizer, lr_lambda

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        optimizer, lr_lambda = self.configure_optimizers(learning_rate, learning_rate_decay)
        batches = random_batches(num_train, batch_size)

        loss_history, train_acc_history, val_acc_history = [], [], []
        epoch = 0
        for it in range(num_iters):
            idx = next(batches)
            X_batch, y_batch = X[idx], y[idx]

            out = self.training_step((X_batch, y_batch), reg)
            grads = out["grads"]
            if optimizer["max_grad_norm"] is not None:  # clip_grad_norm_
                total_norm = np.sqrt(sum(np.sum(g * g) for g in grads.values()))
                coef = min(1.0, optimizer["max_grad_norm"] / (total_norm + 1e-6))
                grads = {k: g * coef for k, g in grads.items()}
            lr = optimizer["lr"] * lr_lambda(it, epoch)
            for k in self.params:
                self.params[k] -= lr * grads[k]
            loss_history.append(out["loss"])

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, out["loss"]))

            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                epoch += 1  # scheduler.step() at the epoch boundary

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        # predict_step: recompute the forward pass without touching the training ctx
        p = self.params
        hidden = np.maximum(0.0, X @ p["W1"] + p["b1"])
        return np.argmax(hidden @ p["W2"] + p["b2"], axis=1)
