"""The notebook's toy problem and the numbers it published (shared/notebook/two_layer_net.txt).

These are the fixed expected values the tests and ``scripts/verify.py`` hold both
implementations to; none of them is computed by this project.
"""

import numpy as np

from reference.neural_net import TwoLayerNet

INPUT_SIZE, HIDDEN_SIZE, NUM_CLASSES, NUM_INPUTS = 4, 10, 3, 5

# Section 2: "The difference should be very small. We get < 1e-7".
CORRECT_SCORES = np.asarray([
    [-0.81233741, -1.27654624, -0.70335995],
    [-0.17129677, -1.18803311, -0.47310444],
    [-0.51590475, -1.01354314, -0.8504215],
    [-0.15419291, -0.48629638, -0.52901952],
    [-0.00618733, -0.12435261, -0.15226949]])
SCORES_TOL = 1e-7

# Section 3: loss at reg=0.05, "should be very small, we get < 1e-12".
LOSS_REG = 0.05
CORRECT_LOSS = 1.30378789133
LOSS_TOL = 1e-12

# Section 4: numeric gradient check at reg=0.05; the notebook saw about 3.6e-09 (W1),
# 2.7e-09 (b1), 3.4e-09 (W2) and 4.4e-11 (b2).
GRAD_REL_TOL = 1e-8

# Section 5: train(X, y, X, y, learning_rate=1e-1, reg=5e-6, num_iters=100) on the toy
# problem, after re-seeding 0 and re-creating the model; "less than 0.2".
TOY_TRAIN = dict(learning_rate=1e-1, reg=5e-6, num_iters=100)
FINAL_TOY_LOSS = 0.017149607938732048
FINAL_TOY_LOSS_BOUND = 0.2


def init_toy_model():
    """``np.random.seed(0)``, then the toy TwoLayerNet(4, 10, 3, std=1e-1)."""
    np.random.seed(0)
    return TwoLayerNet(INPUT_SIZE, HIDDEN_SIZE, NUM_CLASSES, std=1e-1)


def init_toy_data():
    """``np.random.seed(1)``, then X = 10 * randn(5, 4) and y = [0, 1, 2, 2, 1]."""
    np.random.seed(1)
    X = 10 * np.random.randn(NUM_INPUTS, INPUT_SIZE)
    y = np.array([0, 1, 2, 2, 1])
    return X, y


def record_choices(num_train, batch_size, num_iters):
    """The minibatch indices ``TwoLayerNet.train`` will draw next, without consuming them.

    Returns (num_iters, batch_size) ints: the same ``np.random.choice`` calls the training
    loop makes, replayed from the current global RNG state, which is then restored.
    """
    state = np.random.get_state()
    try:
        return np.stack([np.random.choice(num_train, batch_size) for _ in range(num_iters)])
    finally:
        np.random.set_state(state)
