import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = dict()
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = dict((name, np.array(params[name], dtype=np.float64))
                          for name in ['W1', 'b1', 'W2', 'b2'])
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        num_examples = X.shape[0]

        layer1 = np.dot(X, W1) + b1
        relu1 = np.maximum(layer1, 0)
        scores = np.dot(relu1, W2) + b2

        if y is None:
            return scores

        # softmax loss, one example at a time
        total = 0.0
        dscores = np.zeros_like(scores)
        for i in range(num_examples):
            row = scores[i] - np.max(scores[i])
            log_norm = np.log(np.sum(np.exp(row)))
            total += log_norm - row[y[i]]
            p = np.exp(row - log_norm)
            p[y[i]] -= 1
            dscores[i] = p / num_examples
        loss = total / num_examples
        loss += reg * np.sum(W1 * W1)
        loss += reg * np.sum(W2 * W2)

        grads = {}
        grads['W2'] = np.dot(relu1.T, dscores) + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)
        drelu = np.dot(dscores, W2.T)
        dlayer1 = drelu * (layer1 > 0)
        grads['W1'] = np.dot(X.T, dlayer1) + 2 * reg * W1
        grads['b1'] = np.sum(dlayer1, axis=0)
        return loss, grads

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        it = 0
        while it < num_iters:
            sample_idx = np.random.choice(num_train, batch_size)
            X_batch = X[sample_idx, :]
            y_batch = y[sample_idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            if (it % iterations_per_epoch) == 0:
                learning_rate *= learning_rate_decay

            for param_name in ('W1', 'b1', 'W2', 'b2'):
                self.params[param_name] += -learning_rate * grads[param_name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if (it % iterations_per_epoch) == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))

            it += 1

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        return scores.argmax(axis=1)
