import numpy as np


class TwoLayerNet(object):
  # Weights and biases also live as attributes; self.params holds the very same arrays.

  def __init__(self, input_size, hidden_size, output_size, std=1e-4):
    self.W1 = std * np.random.randn(input_size, hidden_size)
    self.W2 = std * np.random.randn(hidden_size, output_size)
    self.b1 = np.zeros(hidden_size)
    self.b2 = np.zeros(output_size)
    self._link()

  def _link(self):
    self.params = {'W1': self.W1, 'b1': self.b1, 'W2': self.W2, 'b2': self.b2}

  @classmethod
  def from_params(cls, params):
    net = cls.__new__(cls)
    for k in ('W1', 'b1', 'W2', 'b2'):
      setattr(net, k, np.array(params[k], dtype=np.float64))
    net._link()
    return net

  def loss(self, X, y=None, reg=0.0):
    W1, b1, W2, b2 = self.W1, self.b1, self.W2, self.b2
    z = X.dot(W1) + b1
    mask = z > 0
    h = z * mask
    s = h.dot(W2) + b2
    if y is None:
      return s
    num = X.shape[0]
    s_shift = s - s.max(axis=1)[:, None]
    logZ = np.log(np.exp(s_shift).sum(axis=1))
    rows = np.arange(num)
    loss = np.mean(logZ - s_shift[rows, y]) + reg * ((W1 ** 2).sum() + (W2 ** 2).sum())

    ds = np.exp(s_shift - logZ[:, None])
    ds[rows, y] -= 1.0
    ds /= num
    dh = ds.dot(W2.T) * mask
    grads = {
      'W1': X.T.dot(dh) + 2 * reg * W1,
      'b1': dh.sum(axis=0),
      'W2': h.T.dot(ds) + 2 * reg * W2,
      'b2': ds.sum(axis=0),
    }
    return loss, grads

  def train(self, X, y, X_val, y_val,
            learning_rate=1e-3, learning_rate_decay=0.95,
            reg=5e-6, num_iters=100,
            batch_size=200, verbose=False):
    num_train = X.shape[0]
    iterations_per_epoch = max(num_train // batch_size, 1)
    loss_history, train_acc_history, val_acc_history = [], [], []

    it = 0
    while it < num_iters:
      # choice(n, k) with replacement is randint(0, n, k) on the legacy global stream
      rows = np.random.randint(0, num_train, size=batch_size)
      X_batch, y_batch = X[rows], y[rows]
      loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
      loss_history.append(loss)
      for arr, name in ((self.W1, 'W1'), (self.b1, 'b1'), (self.W2, 'W2'), (self.b2, 'b2')):
        arr -= learning_rate * grads[name]
      if verbose and it % 100 == 0:
        print('iteration %d / %d: loss %f' % (it, num_iters, loss))
      epoch, offset = divmod(it, iterations_per_epoch)
      if offset == 0:
        train_acc_history.append((self.predict(X_batch) == y_batch).mean())
        val_acc_history.append((self.predict(X_val) == y_val).mean())
        learning_rate *= learning_rate_decay
      it += 1

    return dict(loss_history=loss_history,
                train_acc_history=train_acc_history,
                val_acc_history=val_acc_history)

  def predict(self, X):
    return np.argmax(self.loss(X), axis=1)
