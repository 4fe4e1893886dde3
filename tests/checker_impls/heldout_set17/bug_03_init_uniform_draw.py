import numpy as np


class TwoLayerNet(object):
    """
    input -> fully connected -> ReLU -> fully connected -> softmax
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {
            'W1': np.random.rand(input_size, hidden_size) * std,
            'b1': np.zeros((hidden_size,)),
            'W2': np.random.rand(hidden_size, output_size) * std,
            'b2': np.zeros((output_size,)),
        }

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {name: np.array(value, dtype=np.float64)
                      for name, value in params.items() if name in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        num_examples = X.shape[0]
        first_layer = np.dot(X, self.params['W1']) + self.params['b1']
        relu_mask = first_layer > 0
        hidden_layer = np.where(relu_mask, first_layer, 0.0)
        scores = np.dot(hidden_layer, self.params['W2']) + self.params['b2']
        if y is None:
            return scores

        num_classes = scores.shape[1]
        one_hot = np.zeros((num_examples, num_classes))
        one_hot[np.arange(num_examples), y] = 1.0

        shifted = scores - np.max(scores, axis=1, keepdims=True)
        log_softmax = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        data_loss = -np.sum(one_hot * log_softmax) / num_examples
        weight_penalty = np.sum(self.params['W1'] ** 2) + np.sum(self.params['W2'] ** 2)
        loss = data_loss + reg * weight_penalty

        dscores = (np.exp(log_softmax) - one_hot) / num_examples

        grads = {}
        grads['W2'] = np.dot(hidden_layer.T, dscores) + 2 * reg * self.params['W2']
        grads['b2'] = np.sum(dscores, axis=0)
        dhidden = np.dot(dscores, self.params['W2'].T)
        dfirst = dhidden * relu_mask
        grads['W1'] = np.dot(X.T, dfirst) + 2 * reg * self.params['W1']
        grads['b1'] = np.sum(dfirst, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        for it in range(num_iters):
            sample_idx = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[sample_idx], y[sample_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            self.params['W1'] -= learning_rate * grads['W1']
            self.params['b1'] -= learning_rate * grads['b1']
            self.params['W2'] -= learning_rate * grads['W2']
            self.params['b2'] -= learning_rate * grads['b2']

            if verbose and it % 100 == 0:
                print('iteration {} / {}: loss {}'.format(it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.sum(self.predict(X_batch) == y_batch) / len(y_batch)
                val_acc = np.sum(self.predict(X_val) == y_val) / len(y_val)
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
