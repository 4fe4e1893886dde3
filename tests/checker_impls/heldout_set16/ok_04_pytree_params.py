import numpy as np

# flat name <-> (layer, leaf)
_LAYOUT = (('W1', 'hidden', 'kernel'), ('b1', 'hidden', 'bias'),
           ('W2', 'output', 'kernel'), ('b2', 'output', 'bias'))


def unflatten(flat):
    tree = {}
    for name, layer, leaf in _LAYOUT:
        tree.setdefault(layer, {})[leaf] = flat[name]
    return tree


def flatten(tree):
    return {name: tree[layer][leaf] for name, layer, leaf in _LAYOUT}


def tree_map(fn, tree, *rest):
    if isinstance(tree, dict):
        return {k: tree_map(fn, tree[k], *[r[k] for r in rest]) for k in tree}
    return fn(tree, *rest)


def tree_leaves(tree):
    if isinstance(tree, dict):
        out = []
        for k in tree:
            out.extend(tree_leaves(tree[k]))
        return out
    return [tree]


class TwoLayerNet(object):
    def __init__(self, input_size, hidden_size, output_size, std=1e-4):
        tree = {
            'hidden': {'kernel': std * np.random.randn(input_size, hidden_size),
                       'bias': np.zeros(hidden_size)},
            'output': {'kernel': std * np.random.randn(hidden_size, output_size),
                       'bias': np.zeros(output_size)},
        }
        self.params = flatten(tree)

    @classmethod
    def from_params(cls, params):
        net = cls.__new__(cls)
        net.params = flatten(tree_map(lambda a: np.array(a, dtype=np.float64), unflatten(params)))
        return net

    @staticmethod
    def _apply(tree, X):
        pre = X.dot(tree['hidden']['kernel']) + tree['hidden']['bias']
        post = np.maximum(pre, 0)
        return pre, post, post.dot(tree['output']['kernel']) + tree['output']['bias']

    def loss(self, X, y=None, reg=0.0):
        tree = unflatten(self.params)
        pre, post, scores = self._apply(tree, X)
        if y is None:
            return scores

        N = X.shape[0]
        top = scores.max(axis=1, keepdims=True)
        log_probs = (scores - top) - np.log(np.exp(scores - top).sum(axis=1, keepdims=True))
        data_loss = -log_probs[np.arange(N), y].mean()
        kernels = [tree[layer]['kernel'] for layer in ('hidden', 'output')]
        loss = data_loss + reg * (np.sum(kernels[0] ** 2) + np.sum(kernels[1] ** 2))

        delta = np.exp(log_probs)
        delta[np.arange(N), y] -= 1
        delta /= N
        g_post = delta.dot(tree['output']['kernel'].T)
        g_pre = g_post * (pre > 0)
        grad_tree = {
            'hidden': {'kernel': X.T.dot(g_pre) + 2 * reg * tree['hidden']['kernel'],
                       'bias': g_pre.sum(axis=0)},
            'output': {'kernel': post.T.dot(delta) + 2 * reg * tree['output']['kernel'],
                       'bias': delta.sum(axis=0)},
        }
        return loss, flatten(grad_tree)

    def _sgd(self, grads, lr):
        def step(p, g):
            p -= lr * g
            return p
        tree_map(step, unflatten(self.params), unflatten(grads))

    def train(self, X, y, X_val, y_val, learning_rate=1e-3, learning_rate_decay=0.95,
              reg=5e-6, num_iters=100, batch_size=200, verbose=False):
        num_train = X.shape[0]
        iterations_per_epoch = max(num_train // batch_size, 1)
        history = {'loss_history': [], 'train_acc_history': [], 'val_acc_history': []}
        for it in range(num_iters):
            rows = np.random.choice(num_train, batch_size)
            X_batch, y_batch = X[rows], y[rows]
            loss, grads = self.loss(X_batch, y=y_batch, reg=reg)
            history['loss_history'].append(loss)
            self._sgd(grads, learning_rate)
            if verbose and it % 100 == 0:
                print('iteration %d / %d: loss %f' % (it, num_iters, loss))
            if it % iterations_per_epoch == 0:
                history['train_acc_history'].append((self.predict(X_batch) == y_batch).mean())
                history['val_acc_history'].append((self.predict(X_val) == y_val).mean())
                learning_rate *= learning_rate_decay
        return history

    def predict(self, X):
        return np.argmax(self._apply(unflatten(self.params), X)[2], axis=1)
