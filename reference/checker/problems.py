"""The fixed problems every implementation is run on (NumPy only).

Both sides use this module: the observing child (``observe.py``) runs the student's code
on these problems, the judging parent rebuilds them to compute the expected values. All
loss problems but ``single_example`` have the notebook's toy sizes (N, D, H, C) = (5, 4, 10,
3), so that one compiled program evaluates the whole catalogue of mistakes on all of them.
"""

from dataclasses import dataclass

import numpy as np

from reference import TwoLayerNet, notebook

PARAM_NAMES = ("W1", "b1", "W2", "b2")
D, H, C = notebook.INPUT_SIZE, notebook.HIDDEN_SIZE, notebook.NUM_CLASSES
SHIFT = 3.0  # added to every score by score_shift; small enough that no exp overflows
# rows_apart adds APART to every weight of W2 (each row's scores move by APART * sum(h1), a constant
# per row: the softmax and the gradients do not change) and scales the first example by 40: its
# scores then lie ~4000 above every other row's, so a softmax shifted by the batch's global max (not
# each row's) underflows in the other rows; its label is its lowest class, ~49 below its best
# (probability ~1e-21: a loss that clips or floors the probability shows), while no hidden unit's
# pre-activation passes ~62 (a sigmoid or an exp of it stays finite).
APART = 50.0


@dataclass(frozen=True)
class LossProblem:
    """A call ``loss(X, y, reg)`` at fixed params: X (N, D), y (N,), params of sizes D, H, C."""
    name: str
    what: str  # what the problem exercises, in a student's words
    params: dict
    X: np.ndarray
    y: np.ndarray
    reg: float


@dataclass(frozen=True)
class TrainProblem:
    """A short training run with several iterations per epoch, to observe step by step."""
    params: dict  # the params set on the net before ``train``
    X: np.ndarray  # (40, 5), or fewer rows
    y: np.ndarray
    X_val: np.ndarray  # (400, 5)
    y_val: np.ndarray
    seed: int  # ``np.random.seed(seed)`` right before ``train``
    kwargs: dict  # learning_rate, learning_rate_decay, reg, num_iters, batch_size, verbose
    after: str = None  # the run whose instance trains again (a second train call), or None: a new net


def _random_params(rng, D=D, H=H, C=C, std=0.5):
    """Gaussian weights and non-zero biases: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""
    return {"W1": std * rng.standard_normal((D, H)), "b1": 0.2 * rng.standard_normal(H),
            "W2": std * rng.standard_normal((H, C)), "b2": 0.2 * rng.standard_normal(C)}


def toy_params():
    """The notebook's toy model's params: seed 0, W1 then W2 from 0.1 * randn, zero biases."""
    return {k: np.array(v) for k, v in notebook.init_toy_model().params.items()}


def default_init_params():
    """The skeleton's params of TwoLayerNet(D, H, C) without std (1e-4) after np.random.seed(0)."""
    return seeded_init_params(0)


def seeded_init_params(seed, std=1e-4, sizes=(D, H, C)):
    """The skeleton's params of TwoLayerNet(D, H, C, std) (or other ``sizes``) after np.random.seed(seed)."""
    state = np.random.get_state()
    try:
        np.random.seed(seed)
        return {k: np.array(v) for k, v in TwoLayerNet(*sizes, std=std).params.items()}
    finally:
        np.random.set_state(state)


SECOND_SEED = 1  # a second instance is made after np.random.seed(1): other weights than seed 0's


def toy_data():
    """The notebook's toy X (5, 4) and y (5,)."""
    return notebook.init_toy_data()


def _dead_units(rng):
    """Integer X and quarter-integer W1, b1 such that some hidden pre-activations are exactly 0
    (exact in any summation order, so every implementation sees the same zeros)."""
    X = rng.integers(-2, 3, size=(5, D)).astype(np.float64)
    W1 = rng.integers(-4, 5, size=(D, H)) / 4.0
    b1 = rng.integers(-4, 5, size=H) / 4.0
    for i, j in ((0, 0), (1, 3), (2, 5), (3, 7), (4, 9), (0, 2)):
        b1[j] = -(X[i] @ W1[:, j])
    params = _random_params(rng)
    params.update(W1=W1, b1=b1)
    return params, X


def loss_problems():
    """The loss problems beyond the notebook's toy one, by name, in report order."""
    rng = np.random.default_rng(231)
    base = _random_params(rng)
    X = rng.standard_normal((5, D))
    y = np.array([2, 0, 1, 1, 0])
    large = {k: v.copy() for k, v in base.items()}
    large["b2"] = large["b2"] + 5000.0  # scores ~5e3: exp overflows unless the max is subtracted
    dead_params, dead_X = _dead_units(rng)
    X32 = rng.standard_normal((5, D)).astype(np.float32)
    one = rng.standard_normal((1, D))
    shifted = dict(base, b2=base["b2"] + SHIFT)
    apart = dict(base, W2=base["W2"] + APART)
    X_apart = X * np.where(np.arange(5) == 0, 40.0, 1.0)[:, None]
    y_apart = np.array([0, *y[1:]])  # the first example's label its lowest score, ~49 below its best
    integers = rng.integers(-3, 4, size=(5, D))
    problems = [
        LossProblem("large_scores", "scores around 5000 (numerical stability)", large, X, y, 0.05),
        LossProblem("dead_units", "hidden units exactly at zero", dead_params, dead_X, y, 0.05),
        LossProblem("reg_zero", "reg = 0", base, X, y, 0.0),
        LossProblem("reg_large", "a large reg (1.0)", base, X, y, 1.0),
        LossProblem("single_example", "a batch of one example", base, one, np.array([1]), 0.05),
        LossProblem("float32_inputs", "float32 inputs", base, X32, y, 0.05),
        LossProblem("score_shift", f"every score shifted by {SHIFT:g} (reg = 0): softmax does not change",
                    shifted, X, y, 0.0),
        LossProblem("rows_apart", "one example's scores ~4000 above the others' and its label ~49 below its best (reg = 0)",
                    apart, X_apart, y_apart, 0.0),
        LossProblem("integer_inputs", "integer inputs (raw pixels are integers)", base, integers, y, 0.05),
    ]
    return {p.name: p for p in problems}


OTHER_SIZES = (6, 7, 10)  # D, H, C of other_sizes_problem: none the toy's (4, 10, 3); 10 classes as CIFAR-10's


def other_sizes_problem():
    """A loss problem whose every size differs from the toy's (N, D, H, C) = (5, 4, 10, 3): 12
    examples of 6 inputs, 7 hidden units and 10 classes, every class among the labels and two
    repeated. Code that holds one of the toy's sizes (np.eye(3), a hidden layer of 10, a batch of 5)
    is wrong here only. Judged apart from the loss problems (``edge_cases.other_sizes_finding``),
    since the catalogue's programs are compiled for the toy's sizes."""
    rng = np.random.default_rng(610)
    D_, H_, C_ = OTHER_SIZES
    y = np.array([3, 0, 9, 1, 7, 2, 5, 3, 8, 4, 6, 7])
    return LossProblem("other_sizes", f"other sizes ({len(y)} examples of {D_} inputs, {H_} hidden units, {C_} classes)",
                       _random_params(rng, D=D_, H=H_, C=C_), rng.standard_normal((len(y), D_)), y, 0.05)


def predict_problem():
    """Fixed params and X (40, D) where skipping the ReLU changes some predictions."""
    rng = np.random.default_rng(682)
    return _random_params(rng, std=1.0), rng.standard_normal((40, D))


TIED_ROWS = 20  # the first rows of predict_edge_problem, whose scores are exactly tied
EDGE_ROWS = 300  # more than a chunk of 128 and not a multiple of it


MANY_CLASSES = 300  # predict_many_problem's classes: labels past 255 (a uint8 label wraps)


def predict_many_problem():
    """Params with 300 classes and X (40, D): some rows' best class is past 255."""
    rng = np.random.default_rng(314)
    return _random_params(rng, C=MANY_CLASSES, std=1.0), rng.standard_normal((40, D))


def predict_edge_problem():
    """Params and X (300, D) where predict's edge cases show: more than 128 rows and not a multiple of
    it (a predict in chunks must handle the tail), scores around 1000 (exp overflows above ~709, so
    predict must not exponentiate unshifted scores), and the first 20 rows all zero with every hidden
    unit off (b1 < 0), so that their scores are b2's, exactly tied (np.argmax takes the first). The
    other rows' best score leads the next by at least 1e-3, so that rounding cannot change them."""
    rng = np.random.default_rng(909)
    params = _random_params(rng, std=1.0)
    params.update(b1=-0.1 - np.abs(params["b1"]), b2=np.full(C, 1000.0))
    X = rng.standard_normal((2 * EDGE_ROWS, D))
    top = np.sort(np.maximum(X @ params["W1"] + params["b1"], 0) @ params["W2"], axis=1)
    X = X[top[:, -1] - top[:, -2] > 1e-3][:EDGE_ROWS - TIED_ROWS]
    return params, np.concatenate([np.zeros((TIED_ROWS, D)), X])


def train_problem():
    """40 training and 400 validation examples in 5-D, labels from a linear teacher; batches of
    8 make 5 iterations per epoch, so 15 iterations cross epoch boundaries at 0, 5 and 10. The
    validation set is large so that its accuracy moves with every step: an accuracy recorded at
    another step than the right one shows."""
    rng = np.random.default_rng(7)
    teacher = rng.standard_normal((5, 3))
    X, X_val = rng.standard_normal((40, 5)), rng.standard_normal((12, 5))
    params = _random_params(rng, D=5, H=6, C=3, std=0.5)
    X_val = np.concatenate([X_val, rng.standard_normal((388, 5))])
    # a rate unlike the decay factor, so that `learning_rate = learning_rate_decay` shows, and a factor
    # unlike 1 - itself, so that `learning_rate *= 1 - learning_rate_decay` does
    kwargs = dict(learning_rate=0.9, learning_rate_decay=0.6, reg=1e-3, num_iters=15,
                  batch_size=8, verbose=False)
    return TrainProblem(params, X, np.argmax(X @ teacher, 1), X_val, np.argmax(X_val @ teacher, 1),
                        seed=3, kwargs=kwargs)


def extra_train_problems():
    """{record prefix: TrainProblem}: three short runs beside the main one, whose epochs are not a whole
    number of batches, so that the length of an epoch shows however it is computed. "trace_uneven":
    the 40 rows in batches of 15 (40 / 15 = 2.67 batches: 2 iterations per epoch), at another
    learning rate, so that a rate fixed in the code differs from a scaled one, on the main run's
    instance again (a second train call must start from the learning_rate given), seeded so that its
    validation accuracy falls twice (a best-so-far record, or a stop when it falls, shows); "trace_big_batch":
    6 of them, scaled by 10, in batches of 16 (more than the rows, as in the notebook's toy run: 1
    iteration per epoch, and batches of 16 drawn with replacement; the larger inputs give gradient
    entries above 1, so that an update that clips them shows); "trace_large_rate": the 40 rows in
    batches of 250 at learning_rate 2.5, where a rate that rounds to 0 at the other runs' settings
    (an integer rate, a rate times batch_size // 200) is not 0, so that an update applied at a rate
    of 0 shows apart from one never applied."""
    main = train_problem()
    uneven = dict(main.kwargs, batch_size=15, num_iters=11, learning_rate=0.5)  # another rate: a fixed one shows
    big = dict(main.kwargs, batch_size=16, num_iters=7)
    large = dict(main.kwargs, batch_size=250, num_iters=3, learning_rate=2.5)
    return {"trace_uneven": TrainProblem(main.params, main.X, main.y, main.X_val, main.y_val, 9, uneven,
                                         after="trace"),
            "trace_big_batch": TrainProblem(main.params, 10 * main.X[:6], main.y[:6], main.X_val, main.y_val, 11,
                                            big),
            "trace_large_rate": TrainProblem(main.params, main.X, main.y, main.X_val, main.y_val, 13, large)}


REPEAT_RUN = "trace_repeat"  # the main run made again on a new instance: the same seed must draw the same batches
RESEEDED_RUN = "trace_reseeded"  # ... and once after another seed: it must draw other batches
VERBOSE_RUN = "trace_verbose"  # ... and with verbose=True: it must record and learn the same


def train_problems():
    """{record prefix: TrainProblem}: the main run ("trace"), then the extra ones."""
    return {"trace": train_problem(), **extra_train_problems()}


def describe_run(prob):
    """'40 rows in batches of 15': a training run in words."""
    return f"{len(prob.X)} rows in batches of {prob.kwargs['batch_size']}"


def iterations_per_epoch(num_train, batch_size):
    """The notebook's epoch length, in iterations."""
    return max(num_train // batch_size, 1)


def epoch_boundaries(num_train, batch_size, num_iters):
    """The iterations after which the notebook's loop records accuracies and decays the rate."""
    per_epoch = iterations_per_epoch(num_train, batch_size)
    return [it for it in range(num_iters) if it % per_epoch == 0]
