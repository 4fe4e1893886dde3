import numpy as np


class TwoLayerNet(object):

    def __init__(self, input_size, hidden_size, output_size, std=1e-3):
        self.params = dict()
        for name, shape in (('W1', (input_size, hidden_size)),
                            ('W2', (hidden_size, output_size))):
            self.params[name] = std * np.random.randn(*shape)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = object.__new__(cls)
        net.params = dict((k, np.array(params[k], dtype=np.float64))
                          for k in ['W1', 'b1', 'W2', 'b2'])
        return net

    def loss(self, X, y=None, reg=0.0):
        W1 = self.params['W1']
        b1 = self.params['b1']
        W2 = self.params['W2']
        b2 = self.params['b2']
        num = X.shape[0]

        pre = np.dot(X, W1) + b1
        act = pre * (pre > 0)
        out = np.dot(act, W2) + b2

        if y is None:
            return out

        # softmax cross-entropy, one example at a time
        loss = 0.0
        dout = np.zeros_like(out)
        for i in range(num):
            row = out[i] - np.max(out[i])
            log_norm = np.log(np.sum(np.exp(row)))
            loss -= row[y[i]] - log_norm
            p = np.exp(row - log_norm)
            p[y[i]] -= 1
            dout[i] = p
        loss /= num
        dout /= num
        loss += reg * (np.sum(np.square(W1)) + np.sum(np.square(W2)))

        grads = {}
        grads['b2'] = np.sum(dout, axis=0)
        grads['W2'] = np.dot(act.T, dout) + 2.0 * reg * W2
        dact = np.dot(dout, W2.T)
        dpre = dact * (pre > 0)
        grads['b1'] = np.sum(dpre, axis=0)
        grads['W1'] = np.dot(X.T, dpre) + 2.0 * reg * W1
        return loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        N = X.shape[0]
        epoch_len = N // batch_size
        if epoch_len < 1:
            epoch_len = 1

        losses, train_accs, val_accs = [], [], []
        step = 0
        while step < num_iters:
            picks = np.random.choice(N, batch_size)
            xb, yb = X[picks], y[picks]

            cost, g = self.loss(xb, y=yb, reg=reg)
            losses.append(cost)

            self.params['W1'] -= learning_rate * g['W1']
            self.params['b1'] -= learning_rate * g['b1']
            self.params['W2'] -= learning_rate * g['W2']
            self.params['b2'] -= learning_rate * g['b2']

            if verbose and step % 100 == 0:
                print('iteration {} / {}: loss {:f}'.format(step, num_iters, cost))

            if step % epoch_len == 0:
                train_accs.append(float(np.mean(self.predict(xb) == yb)))
                val_accs.append(float(np.mean(self.predict(X_val) == y_val)))
                learning_rate = learning_rate * learning_rate_decay
            step += 1

        return {'loss_history': losses,
                'train_acc_history': train_accs,
                'val_acc_history': val_accs}

    def predict(self, X):
        scores = self.loss(X)
        y_pred = np.argmax(scores, axis=1)
        return y_pred
