"""The NumPy oracle: the notebook's two-layer net, float64, with a handwritten backward pass.

This package is the ground truth that :mod:`jaxnet` is tested against. It keeps the
notebook's API (``TwoLayerNet.loss`` returns scores, or ``(loss, grads)``) and draws
all randomness from NumPy's global RNG exactly as the notebook does, so that
``np.random.seed(0); TwoLayerNet(4, 10, 3, std=1e-1)`` is the notebook's toy model.
``reference.notebook`` holds the toy problem and the numbers the notebook published.
"""

from reference.gradient_check import eval_numerical_gradient, rel_error
from reference.neural_net import TwoLayerNet

__all__ = ["TwoLayerNet", "eval_numerical_gradient", "rel_error"]
