import numpy as np


class TwoLayerNet(object):
    """
    Red neuronal de dos capas: entrada - afín - ReLU - afín - softmax.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # Inicializamos pesos y sesgos con valores aleatorios pequeños
        self.params = {}
        self.params['W1'] = std * np.random.randn(input_size, hidden_size)
        self.params['b1'] = std * np.random.randn(hidden_size)
        self.params['W2'] = std * np.random.randn(hidden_size, output_size)
        self.params['b2'] = std * np.random.randn(output_size)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = {k: np.array(params[k], dtype=np.float64) for k in ("W1", "b1", "W2", "b2")}
        return net

    def loss(self, X, y=None, reg=0.0):
        W1, b1 = self.params['W1'], self.params['b1']
        W2, b2 = self.params['W2'], self.params['b2']
        N, D = X.shape

        # Paso hacia adelante
        capa_oculta = np.maximum(0, X.dot(W1) + b1)
        scores = capa_oculta.dot(W2) + b2

        if y is None:
            return scores

        # Pérdida softmax (restamos el máximo por estabilidad numérica)
        puntajes = scores - np.max(scores, axis=1, keepdims=True)
        exp_p = np.exp(puntajes)
        probs = exp_p / np.sum(exp_p, axis=1, keepdims=True)
        perdida_datos = -np.mean(np.log(probs[np.arange(N), y]))
        perdida_reg = reg * (np.sum(W1 * W1) + np.sum(W2 * W2))
        loss = perdida_datos + perdida_reg

        # Paso hacia atrás
        grads = {}
        dscores = probs
        dscores[np.arange(N), y] -= 1
        dscores /= N

        grads['W2'] = capa_oculta.T.dot(dscores) + 2 * reg * W2
        grads['b2'] = np.sum(dscores, axis=0)

        d_oculta = dscores.dot(W2.T)
        d_oculta[capa_oculta <= 0] = 0   # la ReLU deja pasar solo lo positivo

        grads['W1'] = X.T.dot(d_oculta) + 2 * reg * W1
        grads['b1'] = np.sum(d_oculta, axis=0)

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
            # Minilote aleatorio (con reemplazo)
            indices = np.random.choice(num_train, batch_size)
            X_batch = X[indices]
            y_batch = y[indices]

            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            loss_history.append(loss)

            # Actualización SGD
            for clave in self.params:
                self.params[clave] -= learning_rate * grads[clave]

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))

            # Cada época: precisión y decaimiento de la tasa de aprendizaje
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
        puntajes = self.loss(X)
        y_pred = np.argmax(puntajes, axis=1)
        return y_pred
