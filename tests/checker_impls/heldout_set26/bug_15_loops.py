import numpy as np


class TwoLayerNet(object):
    """Two-layer net written one example at a time (I find it easier to check)."""

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        num_examples = X.shape[0]
        num_classes = W2.shape[1]

        # forward, example by example
        scores = np.zeros((num_examples, num_classes))
        pre_acts = []
        acts = []
        for i in range(num_examples):
            z = X[i].dot(W1) + b1
            h = np.maximum(z, 0)
            pre_acts.append(z)
            acts.append(h)
            scores[i] = h.dot(W2) + b2

        if y is None:
            return scores

        loss = 0.0
        dW1 = np.zeros_like(W1)
        db1 = np.zeros_like(b1)
        dW2 = np.zeros_like(W2)
        db2 = np.zeros_like(b2)

        for i in range(num_examples):
            s = scores[i] - np.max(scores[i])
            log_norm = np.log(np.sum(np.exp(s)))
            loss += log_norm - s[y[i]]

            # d loss_i / d scores_i, already divided by the batch size
            p = np.exp(s - log_norm)
            p /= num_examples

            dW2 += np.outer(acts[i], p)
            db2 += p
            dh = W2.dot(p)
            for j in range(dh.shape[0]):
                if pre_acts[i][j] <= 0:
                    dh[j] = 0.0
            dW1 += np.outer(X[i], dh)
            db1 += dh

        loss /= num_examples
        loss += reg * np.sum(W1 ** 2)
        loss += reg * np.sum(W2 ** 2)
        dW1 += 2 * reg * W1
        dW2 += 2 * reg * W2

        grads = {'W1': dW1, 'b1': db1, 'W2': dW2, 'b2': db2}
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
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in ['W1', 'b1', 'W2', 'b2']:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            if it % iterations_per_epoch == 0:
                correct = 0
                batch_pred = self.predict(X_batch)
                for k in range(len(y_batch)):
                    if batch_pred[k] == y_batch[k]:
                        correct += 1
                train_acc_history.append(correct / float(len(y_batch)))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.zeros(X.shape[0], dtype=int)
        for i in range(X.shape[0]):
            y_pred[i] = np.argmax(scores[i])
        return y_pred
