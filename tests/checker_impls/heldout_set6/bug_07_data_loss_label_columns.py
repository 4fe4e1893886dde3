import numpy as np


def relu(x):
    return np.maximum(x, 0)


def log_softmax(s):
    m = s.max(axis=1, keepdims=True)
    return s - m - np.log(np.exp(s - m).sum(axis=1, keepdims=True))


class TwoLayerNet:
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        W1 = std * np.random.randn(input_size, hidden_size)
        W2 = std * np.random.randn(hidden_size, output_size)
        self.params = {'W1': W1, 'b1': np.zeros(hidden_size),
                       'W2': W2, 'b2': np.zeros(output_size)}

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {key: np.array(params[key], dtype=np.float64) for key in ('W1', 'b1', 'W2', 'b2')}
        return net

    def loss(self, X, y=None, reg=0.0):
        P = self.params
        pre_act = X.dot(P['W1']) + P['b1']
        act = relu(pre_act)
        scores = act.dot(P['W2']) + P['b2']
        if y is None:
            return scores

        N = X.shape[0]
        log_p = log_softmax(scores)
        data_loss = np.mean(-log_p[:, y])
        reg_loss = reg * (np.sum(P['W1'] * P['W1']) + np.sum(P['W2'] * P['W2']))

        d_scores = np.exp(log_p)
        d_scores[range(N), y] -= 1
        d_scores /= N

        d_act = d_scores.dot(P['W2'].T)
        d_pre = np.where(pre_act > 0, d_act, 0.0)
        grads = {
            'W1': X.T.dot(d_pre) + 2 * reg * P['W1'],
            'b1': d_pre.sum(axis=0),
            'W2': act.T.dot(d_scores) + 2 * reg * P['W2'],
            'b2': d_scores.sum(axis=0),
        }
        return data_loss + reg_loss, grads

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        loss_history, train_acc_history, val_acc_history = [], [], []

        it = 0
        while it < num_iters:
            chosen = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[chosen], y[chosen]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)
            for name in grads:
                self.params[name] -= learning_rate * grads[name]
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                train_acc_history.append(np.mean(self.predict(X_batch) == y_batch))
                val_acc_history.append(np.mean(self.predict(X_val) == y_val))
                learning_rate *= learning_rate_decay
            it += 1

        return {'loss_history': loss_history,
                'train_acc_history': train_acc_history,
                'val_acc_history': val_acc_history}

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
