"""Two-layer net with optimizer objects in the torch.optim mould: an SGD with param_groups
and a weight_decay knob, and a StepLR scheduler that keeps a last_epoch counter."""

import numpy as np


class SGD:
    """optim.SGD over named arrays. param_groups name which arrays each group updates."""

    def __init__(self, named_params, param_groups, lr, weight_decay=0.0):
        self.named_params = named_params
        self.param_groups = [dict({"lr": lr, "weight_decay": weight_decay}, **g) for g in param_groups]
        self.grad = {}

    def zero_grad(self):
        self.grad = {name: np.zeros_like(p) for name, p in self.named_params.items()}

    def accumulate(self, grads):
        for name, g in grads.items():
            self.grad[name] += g

    def step(self):
        for group in self.param_groups:
            for name in group["params"]:
                p = self.named_params[name]
                d = self.grad[name]
                if group["weight_decay"]:
                    d = d + group["weight_decay"] * p
                p -= group["lr"] * d


class StepLR:
    """lr = base_lr * gamma ** (last_epoch // step_size); steps once at construction like torch."""

    def __init__(self, optimizer, step_size, gamma=0.1, last_epoch=-1):
        self.optimizer = optimizer
        self.step_size = step_size
        self.gamma = gamma
        self.base_lrs = [group["lr"] for group in optimizer.param_groups]
        self.last_epoch = last_epoch
        self.step()

    def get_lr(self):
        return [base * self.gamma ** (self.last_epoch // self.step_size) for base in self.base_lrs]

    def step(self):
        self.last_epoch += 1
        for group, lr in zip(self.optimizer.param_groups, self.get_lr()):
            group["lr"] = lr


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        scale = np.sqrt(std)  # init.normal_: std given as a variance
        self.params = {
            "W1": scale * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": scale * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        p = self.params
        z1 = X @ p["W1"] + p["b1"]
        a1 = np.maximum(z1, 0)
        logits = a1 @ p["W2"] + p["b2"]
        if y is None:
            return logits

        n, num_classes = logits.shape
        target = np.eye(num_classes)[y]  # F.one_hot(y).float()
        smoothing = 0.0  # CrossEntropyLoss(label_smoothing=0.0)
        soft_target = target * (1 - smoothing) + smoothing / num_classes
        logp = logits - logits.max(axis=1, keepdims=True)
        logp = logp - np.log(np.exp(logp).sum(axis=1, keepdims=True))
        data_loss = -(soft_target * logp).sum() / n

        def l2(w):
            return reg * np.sum(w * w)

        def l2_grad(w):
            return 2 * reg * w

        reg_loss = l2(p["W1"]) + l2(p["W2"])

        dlogits = (np.exp(logp) - target) / n
        dW2 = a1.T @ dlogits + l2_grad(p["W2"])
        db2 = dlogits.sum(axis=0)
        dz1 = (dlogits @ p["W2"].T) * (z1 > 0)
        dW1 = X.T @ dz1 + l2_grad(p["W1"])
        db1 = dz1.sum(axis=0)
        return data_loss + reg_loss, {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        groups = [{"params": ["W1", "W2"]}, {"params": ["b1", "b2"]}]
        optimizer = SGD(self.params, groups, lr=learning_rate)
        scheduler = StepLR(optimizer, step_size=1, gamma=learning_rate_decay)

        loss_history, train_acc_history, val_acc_history = [], [], []
        for it in range(num_iters):
            end_of_epoch = it % iterations_per_epoch == 0
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            optimizer.zero_grad()
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            optimizer.accumulate(grads)
            optimizer.step()
            if end_of_epoch:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())

            loss_history.append(loss)
            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))
            if end_of_epoch:
                scheduler.step()

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return self.loss(X).argmax(axis=1)
