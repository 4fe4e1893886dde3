import numpy as np


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        num_examples = X.shape[0]

        layer1 = X.dot(W1) + b1
        relu1 = np.maximum(layer1, 0)
        f = relu1.dot(W2) + b2
        if y is None:
            return f

        f_shift = f - np.max(f, axis=1).reshape(-1, 1)
        e = np.exp(f_shift)
        p = e / np.sum(e, axis=1).reshape(-1, 1)

        # probability the model gives to the right class of each example
        p_correct = p[:, y]
        data_loss = np.mean(-np.log(p_correct))
        loss = data_loss + reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        grads = {}
        df = p.copy()
        df[range(num_examples), y] -= 1
        df /= num_examples
        grads['W2'] = relu1.T.dot(df) + 2 * reg * W2
        grads['b2'] = df.sum(axis=0)
        drelu1 = df.dot(W2.T)
        dlayer1 = drelu1 * (layer1 > 0)
        grads['W1'] = X.T.dot(dlayer1) + 2 * reg * W1
        grads['b1'] = dlayer1.sum(axis=0)
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

        for it in range(num_iters):
            sample = np.random.choice(num_train, batch_size)
            X_batch = X[sample, :]
            y_batch = y[sample]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for param_name in self.params:
                self.params[param_name] += -learning_rate * grads[param_name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                train_acc = np.mean(self.predict(X_batch) == y_batch)
                val_acc = np.mean(self.predict(X_val) == y_val)
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
