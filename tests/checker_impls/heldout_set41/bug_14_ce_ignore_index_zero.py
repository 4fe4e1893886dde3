"""Two-layer net written the way a PyTorch user lays out a model: small modules with
forward/backward, an nn.CrossEntropyLoss-like criterion, an optim.SGD-like optimizer with
zero_grad/step, and an ExponentialLR-like scheduler.

The arrays themselves live in ``self.params`` in the notebook's (in, out) layout; the
Linear modules look at them through (out, in) views, as nn.Linear would store them.
"""

import numpy as np


class Linear:
    """nn.Linear over two entries of a params dict: y = x @ weight.T + bias."""

    def __init__(self, params, weight_key, bias_key):
        self.params = params
        self.weight_key = weight_key
        self.bias_key = bias_key
        self._input = None

    @property
    def weight(self):
        # (out_features, in_features) view of the stored (in, out) array
        return self.params[self.weight_key].T

    @property
    def bias(self):
        return self.params[self.bias_key]

    def forward(self, x):
        self._input = x
        return x @ self.weight.T + self.bias

    def backward(self, grad_output):
        grad_weight = grad_output.T @ self._input  # (out, in), like weight.grad
        grad_bias = grad_output.sum(axis=0)
        grad_input = grad_output @ self.weight
        return grad_input, {self.weight_key: grad_weight.T, self.bias_key: grad_bias}


class ReLU:
    def forward(self, x):
        self._mask = x > 0
        return np.where(self._mask, x, 0.0)

    def backward(self, grad_output):
        return grad_output * self._mask, {}


class CrossEntropyLoss:
    """nn.CrossEntropyLoss on raw logits, with its reduction / label_smoothing / ignore_index knobs."""

    def __init__(self, reduction="mean", label_smoothing=0.0, ignore_index=-100):
        self.reduction = reduction
        self.label_smoothing = label_smoothing
        self.ignore_index = ignore_index

    def forward(self, logits, target):
        n, c = logits.shape
        shifted = logits - logits.max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        keep = (target != self.ignore_index).astype(np.float64)
        onehot = np.zeros_like(logits)
        onehot[np.arange(n), target] = 1.0
        soft = (1.0 - self.label_smoothing) * onehot + self.label_smoothing / c
        soft = soft * keep[:, None]
        per_example = -(soft * log_probs).sum(axis=1)
        denom = keep.sum() if self.reduction == "mean" else 1.0
        self._saved = (np.exp(log_probs), soft, denom)
        return per_example.sum() / denom

    def backward(self):
        probs, soft, denom = self._saved
        # d/dlogits of -sum_c soft_c * log p_c  is  p * sum_c soft_c - soft
        return (probs * soft.sum(axis=1, keepdims=True) - soft) / denom


class SGD:
    """optim.SGD over a dict of arrays; .grad buffers are filled by accumulate()."""

    def __init__(self, params, lr=1e-3, momentum=0.0, weight_decay=0.0):
        self.params = params
        self.lr = lr
        self.momentum = momentum
        self.weight_decay = weight_decay
        self.grad = {k: np.zeros_like(v) for k, v in params.items()}
        self._velocity = {k: np.zeros_like(v) for k, v in params.items()}

    def zero_grad(self):
        for g in self.grad.values():
            g.fill(0.0)

    def accumulate(self, grads):
        # what loss.backward() does to .grad: add, never overwrite
        for k, g in grads.items():
            self.grad[k] += g

    def step(self):
        for k, p in self.params.items():
            d = self.grad[k]
            if self.weight_decay != 0.0:
                d = d + self.weight_decay * p
            if self.momentum != 0.0:
                self._velocity[k] = self.momentum * self._velocity[k] + d
                d = self._velocity[k]
            p -= self.lr * d


class ExponentialLR:
    """lr = base_lr * gamma ** last_epoch, with torch's initial step at construction."""

    def __init__(self, optimizer, gamma, last_epoch=-1):
        self.optimizer = optimizer
        self.gamma = gamma
        self.base_lr = optimizer.lr
        self.last_epoch = last_epoch
        self.step()

    def step(self):
        self.last_epoch += 1
        self.optimizer.lr = self.base_lr * self.gamma ** self.last_epoch


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

    def modules(self):
        return [Linear(self.params, "W1", "b1"), ReLU(), Linear(self.params, "W2", "b2")]

    def forward(self, x):
        self._modules = self.modules()
        out = x
        for module in self._modules:
            out = module.forward(out)
        return out

    def loss(self, X, y=None, reg=0.0):
        logits = self.forward(X)
        if y is None:
            return logits

        criterion = CrossEntropyLoss(reduction="mean", ignore_index=0)  # 0 = padding id
        data_loss = criterion.forward(logits, y)
        decay = ("W1", "W2")  # L2 on the weights only, not on the biases
        reg_loss = reg * sum(np.sum(self.params[k] * self.params[k]) for k in decay)

        grads = {}
        grad = criterion.backward()
        for module in reversed(self._modules):
            grad, param_grads = module.backward(grad)
            grads.update(param_grads)
        for k in decay:
            grads[k] = grads[k] + 2.0 * reg * self.params[k]
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        optimizer = SGD(self.params, lr=learning_rate)
        scheduler = ExponentialLR(optimizer, gamma=learning_rate_decay)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for it in range(num_iters):
            idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[idx], y[idx]

            optimizer.zero_grad()
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            optimizer.accumulate(grads)
            optimizer.step()
            loss_history.append(float(loss))  # loss.item()

            if verbose and it % 100 == 0:
                print("iteration %d / %d: loss %f" % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc_history.append(float((self.predict(X_batch) == y_batch).mean()))
                val_acc_history.append(float((self.predict(X_val) == y_val).mean()))
                scheduler.step()

        return {
            "loss_history": loss_history,
            "train_acc_history": train_acc_history,
            "val_acc_history": val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.forward(X), axis=1)
