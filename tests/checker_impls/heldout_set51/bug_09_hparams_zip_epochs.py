"""Two-layer net with a hyper-parameter dict and an epochs x steps training plan.

``num_iters`` is turned into a number of epochs and steps per epoch (the last epoch
may be short) and each epoch zips its step range with a fresh batch generator.
The forward pass keeps its activations in an ``acts`` dict.
"""

import numpy as np


def _dense(fan_in, fan_out, std=1e-4):
    return std * np.random.randn(fan_in, fan_out), np.zeros(fan_out)


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        dims = (input_size, hidden_size, output_size)
        for layer, (fan_in, fan_out) in enumerate(zip(dims, dims[1:]), 1):
            w, b = _dense(fan_in, fan_out, std)
            self.params['W%d' % layer] = w
            self.params['b%d' % layer] = b

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1, W2, b2 = (self.params[k] for k in ('W1', 'b1', 'W2', 'b2'))
        acts = {}
        acts['z1'] = X @ W1
        acts['h1'] = np.maximum(0, acts['z1'])
        acts['scores'] = acts['h1'] @ W2 + b2
        if y is None:
            return acts['scores']

        N = X.shape[0]
        shifted = acts['scores'] - acts['scores'].max(axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        data_loss = -np.mean(log_probs[np.arange(N), y])
        reg_loss = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        dscores = np.exp(log_probs)
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads = {}
        grads['W2'] = acts['h1'].T @ dscores + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        dz1 = (dscores @ W2.T) * (acts['z1'] > 0)
        grads['W1'] = X.T @ dz1 + 2 * reg * W1
        grads['b1'] = np.sum(dz1, axis=0)
        return data_loss + reg_loss, grads

    @staticmethod
    def _batches(X, y, batch_size):
        n = X.shape[0]
        while True:
            idx = np.random.choice(n, batch_size)
            yield X[idx], y[idx]

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        hp = {'lr': 1e-3, 'decay': 0.95, 'reg': 5e-6, 'batch_size': 200}
        hp.update(lr=learning_rate, decay=learning_rate_decay, reg=reg, batch_size=batch_size)

        num_train = X.shape[0]
        steps_per_epoch = max(num_train // hp['batch_size'], 1)
        num_epochs, leftover = divmod(num_iters, steps_per_epoch)
        if leftover:
            num_epochs += 1

        history = {k: [] for k in ('loss_history', 'train_acc_history', 'val_acc_history')}

        def sgd_step(grads):
            for k in self.params:
                self.params[k] -= hp['lr'] * grads[k]

        global_step = 0
        for epoch in range(num_epochs):
            steps = min(steps_per_epoch, num_iters - global_step)
            batches = self._batches(X, y, hp['batch_size'])
            for step, (X_batch, y_batch) in zip(range(steps), batches):
                loss, grads = self.loss(X_batch, y_batch, reg=hp['reg'])
                history['loss_history'].append(loss)
                sgd_step(grads)
                if verbose and global_step % 100 == 0:
                    print('iteration %d / %d: loss %f' % (global_step, num_iters, loss))
                if step == 0:
                    history['train_acc_history'].append((self.predict(X_batch) == y_batch).mean())
                    history['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                    hp['lr'] *= hp['decay']
                global_step += 1
        return history

    def predict(self, X):
        scores = self.loss(X)
        probs = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs /= probs.sum(axis=1, keepdims=True)
        return np.argmax(probs, axis=1)
