import numpy as np


class TwoLayerNet(object):
    """
    Réseau à deux couches : entrée - affine - ReLU - affine - softmax.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # poids petits et aléatoires, biais nuls
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

        # passe avant
        couche1 = np.maximum(0, X.dot(W1) + b1)
        scores = couche1.dot(W2) + b2
        if y is None:
            return scores

        # perte softmax + régularisation L2
        decale = scores - np.max(scores, axis=1, keepdims=True)
        probas = np.exp(decale) / np.sum(np.exp(decale), axis=1, keepdims=True)
        perte_donnees = -np.mean(np.log(probas[np.arange(N), y]))
        perte_reg = reg * (np.sum(W1 ** 2) + np.sum(W2 ** 2))
        loss = perte_donnees + perte_reg

        # passe arrière
        grads = {}
        dscores = probas.copy()
        dscores[np.arange(N), y] -= 1
        dscores /= N
        grads['W2'] = couche1.T.dot(dscores) + reg * W2   # dérivée de reg * W^2
        grads['b2'] = dscores.sum(axis=0)
        dcouche1 = dscores.dot(W2.T)
        dcouche1[couche1 <= 0] = 0
        grads['W1'] = X.T.dot(dcouche1) + reg * W1
        grads['b1'] = dcouche1.sum(axis=0)
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
            # mini-lot tiré avec remise
            idx = np.random.choice(num_train, batch_size)
            X_batch = X[idx]
            y_batch = y[idx]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # descente de gradient
            for cle in self.params:
                self.params[cle] -= learning_rate * grads[cle]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # à chaque époque : précisions, puis on diminue le pas
            if it % iterations_per_epoch == 0:
                train_acc_history.append((self.predict(X_batch) == y_batch).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self.loss(X), axis=1)
