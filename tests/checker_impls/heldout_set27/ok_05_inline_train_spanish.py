import numpy as np


class TwoLayerNet(object):
    """
    Red de dos capas. train() no llama a loss(): hace su propio paso hacia
    adelante y hacia atrás sobre el minilote.
    """

    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        # primero W1, después W2 (mismo orden de sorteo que el enunciado)
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

    @staticmethod
    def _paso(P, X, y, reg):
        """Pérdida y gradientes para los parámetros P (diccionario)."""
        N = X.shape[0]
        oculta_pre = X.dot(P['W1']) + P['b1']
        oculta = np.maximum(0, oculta_pre)
        puntajes = oculta.dot(P['W2']) + P['b2']
        if y is None:
            return puntajes

        desplazados = puntajes - puntajes.max(axis=1, keepdims=True)
        log_probs = desplazados - np.log(np.exp(desplazados).sum(axis=1, keepdims=True))
        perdida = -log_probs[np.arange(N), y].mean()
        perdida += reg * (np.sum(P['W1'] * P['W1']) + np.sum(P['W2'] * P['W2']))

        dpuntajes = np.exp(log_probs)
        dpuntajes[np.arange(N), y] -= 1
        dpuntajes /= N
        doculta = dpuntajes.dot(P['W2'].T)
        doculta[oculta_pre <= 0] = 0
        grads = {
            'W1': X.T.dot(doculta) + 2 * reg * P['W1'],
            'b1': doculta.sum(axis=0),
            'W2': oculta.T.dot(dpuntajes) + 2 * reg * P['W2'],
            'b2': dpuntajes.sum(axis=0),
        }
        return perdida, grads

    def loss(self, X, y=None, reg=0.0):
        return self._paso(self.params, X, y, reg)

    def train(self, X, y, X_val, y_val,
              learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100,
              batch_size=200, verbose=False):
        num_train = X.shape[0]
        iteraciones_por_epoca = max(num_train // batch_size, 1)

        loss_history = []
        train_acc_history = []
        val_acc_history = []
        P = self.params

        for it in range(num_iters):
            # minilote con reemplazo
            muestra = np.random.choice(num_train, batch_size)
            Xb, yb = X[muestra], y[muestra]
            n = Xb.shape[0]

            # hacia adelante
            z = Xb.dot(P['W1']) + P['b1']
            a = np.maximum(0, z)
            s = a.dot(P['W2']) + P['b2']
            s = s - s.max(axis=1, keepdims=True)
            lp = s - np.log(np.exp(s).sum(axis=1, keepdims=True))
            perdida = -lp[np.arange(n), yb].mean()
            perdida += reg * (np.sum(P['W1'] * P['W1']) + np.sum(P['W2'] * P['W2']))
            loss_history.append(perdida)

            # hacia atrás
            ds = np.exp(lp)
            ds[np.arange(n), yb] -= 1
            ds /= n
            da = ds.dot(P['W2'].T)
            da[z <= 0] = 0
            gW2 = a.T.dot(ds) + 2 * reg * P['W2']
            gb2 = ds.sum(axis=0)
            gW1 = Xb.T.dot(da) + 2 * reg * P['W1']
            gb1 = da.sum(axis=0)

            # actualización
            P['W1'] -= learning_rate * gW1
            P['b1'] -= learning_rate * gb1
            P['W2'] -= learning_rate * gW2
            P['b2'] -= learning_rate * gb2

            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, perdida))

            # fin de época: precisión y decaimiento
            if it % iteraciones_por_epoca == 0:
                train_acc_history.append((self.predict(Xb) == yb).mean())
                val_acc_history.append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay

        return {
            'loss_history': loss_history,
            'train_acc_history': train_acc_history,
            'val_acc_history': val_acc_history,
        }

    def predict(self, X):
        return np.argmax(self._paso(self.params, X, None, 0.0), axis=1)
