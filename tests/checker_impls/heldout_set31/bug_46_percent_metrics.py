import numpy as np


class TwoLayerNet:
    """Minimal from-scratch two-layer net, written in the style of the
    "Hacker's guide" / CS231n case-study code: explicit probs, explicit
    dhidden, explicit parameter updates."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {}
        net.params['W1'] = np.array(params['W1'], dtype=np.float64)
        net.params['b1'] = np.array(params['b1'], dtype=np.float64)
        net.params['W2'] = np.array(params['W2'], dtype=np.float64)
        net.params['b2'] = np.array(params['b2'], dtype=np.float64)
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        num_examples = X.shape[0]

        # evaluate class scores, [N x C]
        hidden_layer = np.maximum(0, np.dot(X, W1) + b1)  # ReLU activation
        scores = np.dot(hidden_layer, W2) + b2
        if y is None:
            return scores

        # compute the class probabilities
        exp_scores = np.exp(scores - np.max(scores, axis=1, keepdims=True))
        probs = exp_scores / np.sum(exp_scores, axis=1, keepdims=True)  # [N x C]

        # compute the loss: average cross-entropy loss and regularization
        correct_logprobs = -np.log(probs[range(num_examples), y])
        data_loss = np.sum(correct_logprobs) / num_examples
        reg_loss = reg * np.sum(W1 * W1) + reg * np.sum(W2 * W2)
        loss = data_loss + reg_loss

        # compute the gradient on scores
        dscores = probs.copy()
        dscores[range(num_examples), y] -= 1
        dscores /= num_examples

        # backpropagate the gradient to the parameters
        # first backprop into parameters W2 and b2
        dW2 = np.dot(hidden_layer.T, dscores)
        db2 = np.sum(dscores, axis=0)
        # next backprop into hidden layer
        dhidden = np.dot(dscores, W2.T)
        # backprop the ReLU non-linearity
        dhidden[hidden_layer <= 0] = 0
        # finally into W1, b1
        dW1 = np.dot(X.T, dhidden)
        db1 = np.sum(dhidden, axis=0)

        # add regularization gradient contribution
        dW2 += 2 * reg * W2
        dW1 += 2 * reg * W1

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []

        for i in range(num_iters):
            batch = np.random.choice(num_train, batch_size)
            X_batch = X[batch]
            y_batch = y[batch]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # perform a parameter update
            self.params['W1'] += -learning_rate * grads['W1']
            self.params['b1'] += -learning_rate * grads['b1']
            self.params['W2'] += -learning_rate * grads['W2']
            self.params['b2'] += -learning_rate * grads['b2']

            if verbose and i % 100 == 0:
                print('iteration %d / %d: loss %f' % (i, num_iters, loss))

            if i % iterations_per_epoch == 0:
                # report accuracies in percent; easier to read in logs
                train_acc = 100.0 * (self.predict(X_batch) == y_batch).mean()
                val_acc = 100.0 * (self.predict(X_val) == y_val).mean()
                train_acc_history.append(train_acc)
                val_acc_history.append(val_acc)
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
