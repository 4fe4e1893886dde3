"""A general fully connected network with a callback-driven training loop, used with two layers.

The network is an arbitrary stack of affine layers with ReLU between them; the loss function is
looked up by name in ``LOSS_FUNCTIONS``. Training runs a generic loop that fires hooks
('on_backward_end', 'on_batch_end', 'on_epoch_end') on a list of callback objects: the SGD step,
the history recorder, the learning-rate schedule and an optional printer.
"""

import numpy as np


def init_weight(shape, std):
    """Gaussian weight initialiser: std * N(0, 1)."""
    return std * np.random.randn(*shape)


def softmax_cross_entropy(scores, y):
    """Mean softmax cross-entropy and its gradient with respect to the scores."""
    num_examples = scores.shape[0]
    rows = np.arange(len(y))
    shifted = scores - np.max(scores, axis=1, keepdims=True)
    log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
    loss = -np.sum(log_probs[rows, y]) / num_examples
    dscores = np.exp(log_probs)
    dscores[rows, y] -= 1
    dscores /= num_examples
    return loss, dscores


LOSS_FUNCTIONS = {'softmax': softmax_cross_entropy}


class ExponentialDecay:
    """Learning-rate schedule: multiplies the rate by ``decay`` at every epoch boundary."""

    def __init__(self, initial_rate, decay):
        self.rate = initial_rate
        self.decay = decay

    def on_epoch_end(self, net, state):
        self.rate *= self.decay


class SGDStep:
    """Applies one vanilla SGD step with the schedule's current rate."""

    def __init__(self, schedule):
        self.schedule = schedule

    def on_backward_end(self, net, state):
        for name in net.params:
            net.params[name] -= self.schedule.rate * state['grads'][name]


class History:
    """Records the loss of every batch and, at epoch boundaries, the batch and validation accuracy."""

    def __init__(self, X_val, y_val):
        self.X_val, self.y_val = X_val, y_val
        self.loss_history = []
        self.train_acc_history = []
        self.val_acc_history = []

    def on_batch_end(self, net, state):
        self.loss_history.append(state['loss'])
        if state['iteration'] % state['iterations_per_epoch'] == 0:
            self.train_acc_history.append(np.mean(net.predict(state['X_batch']) == state['y_batch']))
            self.val_acc_history.append(np.mean(net.predict(self.X_val) == self.y_val))

    def as_dict(self):
        return {
            'loss_history': self.loss_history,
            'train_acc_history': self.train_acc_history,
            'val_acc_history': self.val_acc_history,
        }


class PrintLoss:
    def __init__(self, num_iters):
        self.num_iters = num_iters

    def on_batch_end(self, net, state):
        if state['iteration'] % 100 == 0:
            print('iteration %d / %d: loss %f' % (state['iteration'], self.num_iters, state['loss']))


class TwoLayerNet:
    """Fully connected network with layer_dims = [input, hidden, output]."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.layer_dims = [input_size, hidden_size, output_size]
        self.num_layers = len(self.layer_dims) - 1
        self.loss_name = 'softmax'
        self.params = {}
        for layer in range(1, self.num_layers + 1):
            weight_shape = (self.layer_dims[layer - 1], self.layer_dims[layer])
            self.params['W' + str(layer)] = init_weight(weight_shape, std)
            self.params['b' + str(layer)] = np.zeros(self.layer_dims[layer])

    @classmethod
    def from_params(cls, params):
        """A net holding copies of the given params (W1 (D, H), b1, W2 (H, C), b2)."""
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        net.layer_dims = [net.params['W1'].shape[0], net.params['W1'].shape[1], net.params['W2'].shape[1]]
        net.num_layers = len(net.layer_dims) - 1
        net.loss_name = 'softmax'
        return net

    def forward(self, X):
        """Returns the scores and, per layer, a cache (layer input, pre-activation)."""
        caches = {}
        activation = X
        for layer in range(1, self.num_layers + 1):
            weights = self.params['W' + str(layer)]
            biases = self.params['b' + str(layer)]
            pre_activation = activation.dot(weights) + biases
            caches[layer] = (activation, pre_activation)
            if layer == self.num_layers:
                activation = pre_activation
            else:
                activation = np.maximum(0, pre_activation)
        return activation, caches

    def loss(self, X, y=None, reg=0.0):
        scores, caches = self.forward(X)
        if y is None:
            return scores

        data_loss, upstream = LOSS_FUNCTIONS[self.loss_name](scores, y)
        regularisation_loss = 0.0
        for layer in range(1, self.num_layers + 1):
            weights = self.params['W' + str(layer)]
            regularisation_loss += reg * np.sum(weights * weights)
        loss = data_loss + regularisation_loss

        grads = {name: np.zeros_like(value) for name, value in self.params.items()}
        for layer in range(self.num_layers, 0, -1):
            layer_input, pre_activation = caches[layer]
            weights = self.params['W' + str(layer)]
            if layer != self.num_layers:
                upstream = upstream * (pre_activation > 0)
            grads['W' + str(layer)] += layer_input.T.dot(upstream)
            grads['b' + str(layer)] += np.sum(upstream, axis=0)
            upstream = upstream.dot(weights.T)
        for layer in range(1, self.num_layers + 1):
            grads['W' + str(layer)] += 2 * reg * self.params['W' + str(layer)]
        return loss, grads

    @staticmethod
    def _fire(callbacks, hook, net, state):
        for callback in callbacks:
            method = getattr(callback, hook, None)
            if method is not None:
                method(net, state)

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        schedule = ExponentialDecay(learning_rate, learning_rate_decay)
        history = History(X_val, y_val)
        callbacks = [SGDStep(schedule), history, schedule]
        if verbose:
            callbacks.append(PrintLoss(num_iters))

        state = {'iterations_per_epoch': iterations_per_epoch}
        for iteration in range(num_iters):
            state['iteration'] = iteration
            if iteration % iterations_per_epoch == 0:
                batch = np.random.choice(num_train, batch_size)
            state['X_batch'], state['y_batch'] = X[batch], y[batch]

            state['loss'], state['grads'] = self.loss(state['X_batch'], y=state['y_batch'], reg=reg)
            self._fire(callbacks, 'on_backward_end', self, state)
            self._fire(callbacks, 'on_batch_end', self, state)
            if iteration % iterations_per_epoch == 0:
                self._fire(callbacks, 'on_epoch_end', self, state)

        return history.as_dict()

    def predict_proba(self, X):
        scores, _ = self.forward(X)
        shifted = scores - np.max(scores, axis=1, keepdims=True)
        exp_scores = np.exp(shifted)
        return exp_scores / np.sum(exp_scores, axis=1, keepdims=True)

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
