import numpy as np


class TwoLayerNet:
    # Rewritten from a small PyTorch module:
    #   fc1 = nn.Linear(D, H); act = nn.ReLU(); fc2 = nn.Linear(H, C)
    # with the autograd parts done by hand. Weights are stored (in, out).

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            "W1": std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self._ctx = {}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        net._ctx = {}
        return net

    def forward(self, X):
        W1, b1, W2, b2 = (self.params[k] for k in ("W1", "b1", "W2", "b2"))
        fc1 = X @ W1 + b1
        act = fc1.clip(min=0)
        logits = act @ W2 + b2
        self._ctx = {"x": X, "fc1": fc1, "act": act}
        return logits

    @staticmethod
    def cross_entropy(logits, target):
        logits_max = logits.max(axis=1, keepdims=True)
        log_softmax = logits - logits_max - np.log(np.exp(logits - logits_max).sum(axis=1, keepdims=True))
        nll = -log_softmax[np.arange(len(target)), target]
        return nll.mean(), log_softmax

    def backward(self, log_softmax, target, reg):
        n = log_softmax.shape[0]
        grad_logits = np.exp(log_softmax)
        grad_logits[np.arange(n), target] -= 1
        grad_logits /= n

        ctx = self._ctx
        W1, W2 = self.params["W1"], self.params["W2"]
        grads = {}
        grads["W2"] = ctx["act"].T @ grad_logits + 2 * reg * W2
        grads["b2"] = grad_logits.sum(0)
        grad_act = grad_logits @ W2.T
        grad_fc1 = grad_act * (ctx["fc1"] > 0)
        grads["W1"] = ctx["x"].T @ grad_fc1 + 2 * reg * W1
        grads["b1"] = grad_fc1.sum(0)
        return grads

    def loss(self, X, y=None, reg=0.0):
        logits = self.forward(X)
        if y is None:
            return logits
        data_loss, log_softmax = self.cross_entropy(logits, y)
        weight_penalty = reg * ((self.params["W1"] ** 2).sum() + (self.params["W2"] ** 2).sum())
        grads = self.backward(log_softmax, y, reg)
        return data_loss + weight_penalty, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        # optimizer = SGD(lr); scheduler = ExponentialLR(gamma=learning_rate_decay), stepped per epoch
        n_train = len(X)
        steps_per_epoch = max(n_train // batch_size, 1)
        lr = learning_rate / batch_size
        losses, train_accs, val_accs = [], [], []

        for step in range(num_iters):
            idx = np.random.choice(n_train, batch_size)
            xb, yb = X[idx], y[idx]

            loss, grads = self.loss(xb, yb, reg=reg)
            losses.append(loss)

            # optimizer.step()
            for name, p in self.params.items():
                p -= lr * grads[name]

            if verbose and step % 100 == 0:
                print("iteration %d / %d: loss %f" % (step, num_iters, loss))

            if step % steps_per_epoch == 0:
                train_accs.append(np.mean(self.predict(xb) == yb))
                val_accs.append(np.mean(self.predict(X_val) == y_val))
                lr *= learning_rate_decay  # scheduler.step()

        return {"loss_history": losses, "train_acc_history": train_accs, "val_acc_history": val_accs}

    def predict(self, X):
        return self.forward(X).argmax(1)
