import numpy as np


class TwoLayerNet(object):
    """
    Zweischichtiges Netz: Eingabe - vollverbunden - ReLU - vollverbunden - Softmax.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # Gewichte klein und zufällig, Biases null
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = np.zeros(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = np.zeros(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        # Vorwärtsdurchlauf
        z = X.dot(W1)
        verdeckt = np.maximum(0, z) + b1   # erste Schicht (mit Bias)
        scores = verdeckt.dot(W2) + b2

        if y is None:
            return scores

        # Softmax-Verlust, numerisch stabil
        s = scores - scores.max(axis=1, keepdims=True)
        wahrsch = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)
        loss = -np.log(wahrsch[np.arange(N), y]).mean()
        loss += reg * (np.sum(W1 * W1) + np.sum(W2 * W2))

        # Rückwärtsdurchlauf
        grads = {}
        ds = wahrsch.copy()
        ds[np.arange(N), y] -= 1
        ds /= N
        grads['W2'] = verdeckt.T.dot(ds) + 2 * reg * W2
        grads['b2'] = ds.sum(axis=0)
        dverdeckt = ds.dot(W2.T)
        dz = dverdeckt * (z > 0)
        grads['W1'] = X.T.dot(dz) + 2 * reg * W1
        grads['b1'] = dz.sum(axis=0)
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
            # Zufälliges Minibatch mit Zurücklegen
            auswahl = np.random.choice(num_train, batch_size)
            X_batch = X[auswahl]
            y_batch = y[auswahl]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            for name in self.params:
                self.params[name] -= learning_rate * grads[name]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # Nach jeder Epoche: Genauigkeit messen, Lernrate verringern
            if it % iterations_per_epoch == 0:
                train_acc = (self.predict(X_batch) == y_batch).mean()
                val_acc = (self.predict(X_val) == y_val).mean()
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
