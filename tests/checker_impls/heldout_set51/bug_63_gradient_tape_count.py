"""Two-layer net with a gradient tape: the forward pass records one backward closure
per operation and the backward pass replays them in reverse.

Minibatch indices come from ``np.random.randint(0, num_train, batch_size)`` (what
``np.random.choice(num_train, batch_size)`` draws), and training counts epochs with
``itertools.count`` and exits when the global step reaches ``num_iters``.
"""

import itertools

import numpy as np


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = dict(W1=W1, b1=np.zeros(hidden_size), W2=W2, b2=np.zeros(output_size))

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def _run(self, X):
        """Forward pass; returns the scores and a tape of backward closures."""
        P = self.params
        tape = []

        z1 = np.einsum('nd,dh->nh', X, P['W1']) + P['b1']

        def back_fc1(dz1, grads):
            grads['W1'] = np.einsum('nd,nh->dh', X, dz1)
            grads['b1'] = dz1.sum(axis=0)
            return None
        tape.append(back_fc1)

        h1 = np.where(z1 > 0, z1, 0.0)

        def back_relu(dh1, grads):
            return np.where(z1 > 0, dh1, 0.0)
        tape.append(back_relu)

        scores = np.einsum('nh,hc->nc', h1, P['W2']) + P['b2']

        def back_fc2(dscores, grads):
            grads['W2'] = np.einsum('nh,nc->hc', h1, dscores)
            grads['b2'] = dscores.sum(axis=0)
            return np.einsum('nc,hc->nh', dscores, P['W2'])
        tape.append(back_fc2)

        return scores, tape

    def loss(self, X, y=None, reg=0.0):
        scores, tape = self._run(X)
        if y is None:
            return scores

        N = len(y)
        m = scores.max(axis=1, keepdims=True)
        lse = m + np.log(np.exp(scores - m).sum(axis=1, keepdims=True))
        log_probs = scores - lse
        data_loss = -log_probs[np.arange(N), y].sum() / N
        weights = [self.params['W1'], self.params['W2']]
        reg_loss = reg * sum(float(np.vdot(w, w)) for w in weights)

        dout = np.exp(log_probs)
        dout[np.arange(N), y] -= 1.0
        dout = dout / N
        grads = {}
        for back in reversed(tape):
            dout = back(dout, grads)
        grads['W1'] = grads['W1'] + 2.0 * reg * self.params['W1']
        grads['W2'] = grads['W2'] + 2.0 * reg * self.params['W2']
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        per_epoch = max(num_train // batch_size, 1)
        record = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        rate = learning_rate
        global_step = 0

        for epoch in itertools.count():
            if global_step >= num_iters:
                break
            for step in range(per_epoch):
                idx = np.random.randint(0, num_train, batch_size)
                xb, yb = X[idx], y[idx]
                value, grads = self.loss(xb, yb, reg)
                record['loss_history'].append(value)
                for key, g in grads.items():
                    self.params[key] -= rate * g
                if verbose and global_step % 100 == 0:
                    print('epoch %d, iteration %d / %d: loss %f' % (epoch, global_step, num_iters, value))
                if step == 0:
                    record['train_acc_history'].append(np.mean(self.predict(xb) == yb))
                    record['val_acc_history'].append(np.mean(self.predict(X_val) == y_val))
                    rate = rate * learning_rate_decay
                global_step += 1
                if global_step == num_iters:
                    break
        return record

    def predict(self, X):
        scores, _ = self._run(X)
        return np.argsort(scores, axis=1)[:, 0]
