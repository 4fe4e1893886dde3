"""Minibatch training compiled as one XLA program.

``train`` validates its arguments on the host, then runs every iteration in one jitted
program: a ``lax.scan`` over epochs, each a scan over its iterations. Minibatches are
sampled on the device, train/val accuracy is evaluated at epoch boundaries inside the
program, and the history comes back at the end. Hyperparameters that vary between runs
(learning rate, decay, reg, momentum, weight decay, dropout rate, label smoothing, mixup)
are traced values, so a new value reuses the compiled program; only shapes and the recipe's
structure (optimizer, schedule, augmentation) are static.

The notebook-compatible defaults reproduce ``reference.TwoLayerNet.train`` exactly:
plain SGD, per-epoch exponential decay applied after the update at every epoch boundary
(iteration 0 included), minibatches drawn with replacement.
"""

import contextlib
import dataclasses
import functools
import itertools
import math

import jax
import jax.numpy as jnp
import numpy as np
import optax

from jaxnet import checks, parallel, products
from jaxnet.augment import augment
from jaxnet.model import cross_entropy, output

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam")
SCHEDULES = ("notebook", "cosine", "step")
SAMPLINGS = ("replacement", "epoch")
# Hyperparameters passed to the compiled program as traced scalars.
TRACED = ("learning_rate", "learning_rate_decay", "reg", "momentum", "weight_decay",
          "dropout", "label_smoothing", "mixup")


class TrainingDiverged(FloatingPointError):
    """The training loss became NaN or infinite."""


@dataclasses.dataclass(frozen=True)
class Recipe:
    """The static structure of a training run; changing a field compiles a new program."""

    num_iters: int
    batch_size: int
    iterations_per_epoch: int
    optimizer: str = "sgd"
    schedule: str = "notebook"
    warmup_iters: int = 0
    step_iters: int = 1
    weight_decay: bool = False  # whether the program applies decoupled weight decay at all
    dropout: bool = False  # whether the program draws dropout masks at all
    mixup: bool = False  # whether the program mixes minibatch pairs at all
    sampling: str = "replacement"
    flip: bool = False
    crop: int = 0
    image_shape: tuple = None
    progress: bool = False
    batch_sharding: object = None  # a NamedSharding for data parallelism, or None
    # Skip the epochs after a non-finite loss. Off inside vmapped sweeps: a cond on a
    # per-config flag becomes a select that broadcasts the shared minibatch to every
    # config, turning one wide matrix product into K narrow ones.
    stop_on_divergence: bool = True


# ---------------------------------------------------------------------------- schedules


def notebook_schedule(learning_rate, learning_rate_decay, iterations_per_epoch):
    """The notebook's per-epoch decay as an optax schedule.

    The notebook multiplies the rate by the decay *after* the update of every epoch-boundary
    iteration, iteration 0 included, so update k uses
    ``learning_rate * decay ** ceil(k / iterations_per_epoch)``. (optax's staircase
    ``exponential_decay`` uses floor, one step later.)
    """
    def schedule(count):
        return learning_rate * learning_rate_decay ** jnp.ceil(count / iterations_per_epoch)
    return schedule


def make_schedule(recipe, hp):
    """The learning rate at update k: a static shape scaled by the traced peak rate."""
    lr, decay = hp["learning_rate"], hp["learning_rate_decay"]
    if recipe.schedule == "notebook":
        return notebook_schedule(lr, decay, recipe.iterations_per_epoch)
    if recipe.schedule == "cosine":
        if recipe.warmup_iters:
            shape = optax.warmup_cosine_decay_schedule(
                0.0, 1.0, recipe.warmup_iters, max(recipe.num_iters, recipe.warmup_iters + 1))
        else:
            shape = optax.cosine_decay_schedule(1.0, max(recipe.num_iters, 1))
        return lambda count: lr * shape(count)
    # "step": multiply by the decay every step_iters updates, after a linear warm-up.
    def schedule(count):
        warm = jnp.minimum(1.0, (count + 1) / max(recipe.warmup_iters, 1))
        return lr * warm * decay ** jnp.floor(count / recipe.step_iters)
    return schedule


def _weights_only(params):
    return {k: k.startswith("W") for k in params}


def make_optimizer(recipe, hp):
    """An optax GradientTransformation: direction, optional decoupled weight decay, step size.

    - sgd: -lr_k g (the notebook's update)
    - momentum / nesterov: heavy-ball or Nesterov momentum ``hp['momentum']``
    - adam: Adam's scaled direction
    Weight decay (``hp['weight_decay']``, on W1 and W2 only) is added to the direction after
    momentum/Adam scaling, as in AdamW, so it is not accumulated by the momentum.
    """
    if recipe.optimizer == "sgd":
        parts = [optax.identity()]
    elif recipe.optimizer == "adam":
        parts = [optax.scale_by_adam()]
    else:
        parts = [optax.trace(decay=hp["momentum"], nesterov=recipe.optimizer == "nesterov")]
    if recipe.weight_decay:
        parts.append(optax.add_decayed_weights(hp["weight_decay"], mask=_weights_only))
    parts.append(optax.scale_by_learning_rate(make_schedule(recipe, hp)))
    return optax.chain(*parts)


# ---------------------------------------------------------------------------- minibatches


def sample_batch_indices(key, num_train, num_iters, batch_size, sampling="replacement"):
    """Minibatch row indices, (num_iters, batch_size) int32, drawn on the device.

    - "replacement": every index uniform in [0, num_train), like ``np.random.choice``.
    - "epoch": each epoch a fresh permutation split into num_train // batch_size batches
      (the remainder of each permutation is dropped), so no row repeats within an epoch.
    """
    if sampling == "replacement":
        return jax.random.randint(key, (num_iters, batch_size), 0, num_train, jnp.int32)
    per_epoch = num_train // batch_size
    num_epochs = -(-num_iters // per_epoch)
    keys = jax.random.split(key, num_epochs)
    perms = jax.vmap(lambda k: jax.random.permutation(k, num_train))(keys)
    batches = perms[:, : per_epoch * batch_size].reshape(num_epochs * per_epoch, batch_size)
    return batches[:num_iters].astype(jnp.int32)


def iterations_per_epoch(num_train, batch_size, sampling="replacement"):
    """An epoch's length in iterations: the notebook's max(num_train // batch_size, 1), or
    num_train // batch_size for "epoch" sampling (each permutation's whole batches)."""
    if sampling == "epoch":
        return num_train // batch_size
    return max(num_train // batch_size, 1)


# ---------------------------------------------------------------------------- the program


# The program trains W1 stored transposed, as "W1t" (H, D). The math is unchanged, but
# jax.grad then yields the first layer's weight gradient as dz^T X_b instead of X_b^T dz,
# and XLA:CPU runs the latter, whose transposed operand is the large minibatch, 1.6-2x
# slower (measured side by side: 278 vs 168 GFLOP/s at hidden 100, batch 500).


def to_train_layout(params):
    """{'W1', 'b1', 'W2', 'b2'} -> {'W1t', 'b1', 'W2', 'b2'} with W1t = W1.T."""
    return {"W1t": params["W1"].T, "b1": params["b1"], "W2": params["W2"], "b2": params["b2"]}


def from_train_layout(tparams):
    return {"W1": tparams["W1t"].T, "b1": tparams["b1"], "W2": tparams["W2"], "b2": tparams["b2"]}


def train_hidden(tparams, X):
    """relu(X W1 + b1) from W1t: (N, D) -> (N, H). The product contracts W1t's second axis
    (not ``X @ W1t.T``, whose explicit transpose XLA would fold back), with batching rules
    that make a sweep's products single wide ones (``jaxnet.products``)."""
    return jax.nn.relu(products.first_layer(X, tparams["W1t"]) + tparams["b1"])


def objective(tparams, X, y, key, hp, recipe):
    """The training loss of one minibatch: cross-entropy (optionally label-smoothed, with
    dropout on the hidden layer, on mixup pairs) + reg * L2. With the defaults it is
    ``jaxnet.loss``.

    Mixup (``hp['mixup']`` = alpha > 0): lam ~ Beta(alpha, alpha) per minibatch; the inputs
    become lam X + (1 - lam) X[perm] and the loss lam CE(y) + (1 - lam) CE(y[perm]).
    """
    drop_key, mix_key, perm_key = jax.random.split(key, 3)
    if recipe.mixup:
        alpha = jnp.maximum(hp["mixup"], 1e-6)
        lam = jnp.where(hp["mixup"] > 0, jax.random.beta(mix_key, alpha, alpha, dtype=X.dtype), 1.0)
        perm = jax.random.permutation(perm_key, X.shape[0])
        X = lam * X + (1.0 - lam) * X[perm]
    h = train_hidden(tparams, X)
    if recipe.dropout:
        keep = 1.0 - hp["dropout"]
        mask = jax.random.bernoulli(drop_key, keep, h.shape)
        h = jnp.where(mask, h / keep, 0.0)
    scores = output(tparams, h)
    data_loss = cross_entropy(scores, y, hp["label_smoothing"])
    if recipe.mixup:
        data_loss = lam * data_loss + (1.0 - lam) * cross_entropy(scores, y[perm], hp["label_smoothing"])
    l2 = jnp.sum(tparams["W1t"] ** 2) + jnp.sum(tparams["W2"] ** 2)
    return data_loss + hp["reg"] * l2


def _accuracy(tparams, X, y):
    """Fraction of rows of X whose predicted class is y, in X's dtype (train layout)."""
    predicted = jnp.argmax(output(tparams, train_hidden(tparams, X)), axis=1)
    return jnp.mean((predicted == y).astype(X.dtype))


# Each running ``train`` call with progress=True registers its sink under a fresh id, which
# its program passes back to the callback: concurrent runs (threads) each reach their own.
_progress_sinks = {}
_progress_ids = itertools.count(1)


def _report_progress(progress_id, first_iteration, losses):
    """Host callback, once per epoch: forwards (iteration, last loss) to the run's sink."""
    sink = _progress_sinks.get(int(progress_id))
    if sink is not None:
        sink(int(first_iteration) + len(losses), float(losses[-1]))


def run(params, X, y, X_val, y_val, indices, noise_key, hp, recipe, progress_id=0):
    """Train from ``params`` along the minibatches ``indices``; a pure, traceable function.

    Args:
      params: the params dict.
      X, y: training rows (N, D) and labels (N,), on the device.
      X_val, y_val: validation rows and labels.
      indices: (num_iters, batch_size) int32 rows of each minibatch.
      noise_key: the key for dropout and augmentation; step k uses ``fold_in(noise_key, k)``.
      hp: dict of traced scalars, the keys of ``TRACED``.
      recipe: the static ``Recipe``.
      progress_id: with ``recipe.progress``, the id of the sink receiving the per-epoch
        reports (a traced int32, so a new id reuses the compiled program).

    Returns:
      (params, history): history has ``loss_history`` (num_iters,) and
      ``train_acc_history``, ``val_acc_history`` (one per epoch boundary). Once a loss is
      non-finite the remaining epochs are skipped and their history entries are NaN.
    """
    optimizer = make_optimizer(recipe, hp)
    grad_fn = jax.value_and_grad(objective)
    params = to_train_layout(params)

    def step(carry, xs):
        params, opt_state = carry
        it, idx = xs
        Xb, yb = X[idx], y[idx]
        if recipe.batch_sharding is not None:  # split the minibatch across devices
            Xb = jax.lax.with_sharding_constraint(Xb, recipe.batch_sharding)
        aug_key, loss_key = jax.random.split(jax.random.fold_in(noise_key, it))
        Xa = augment(aug_key, Xb, recipe.image_shape, recipe.flip, recipe.crop)
        loss, grads = grad_fn(params, Xa, yb, loss_key, hp, recipe)
        updates, opt_state = optimizer.update(grads, opt_state, params)
        return (optax.apply_updates(params, updates), opt_state), (loss, Xb, yb)

    def loss_only(carry, xs):
        carry, (loss, _, _) = step(carry, xs)
        return carry, loss

    def epoch(state, xs):
        """A boundary iteration, its accuracy record, then the epoch's other iterations."""
        carry, finite = state
        n = xs[0].shape[0]

        def live(carry):
            carry, (loss0, Xb, yb) = step(carry, jax.tree.map(lambda a: a[0], xs))
            train_acc = _accuracy(carry[0], Xb, yb)
            val_acc = _accuracy(carry[0], X_val, y_val)
            carry, losses = jax.lax.scan(loss_only, carry, jax.tree.map(lambda a: a[1:], xs))
            return carry, (jnp.concatenate([loss0[None], losses]), train_acc, val_acc)

        def dead(carry):  # diverged earlier: skip the work
            nan = jnp.full((), jnp.nan, X.dtype)
            return carry, (jnp.full((n,), jnp.nan, X.dtype), nan, nan)

        if recipe.stop_on_divergence:
            carry, (losses, train_acc, val_acc) = jax.lax.cond(finite, live, dead, carry)
        else:
            carry, (losses, train_acc, val_acc) = live(carry)
        finite = finite & jnp.all(jnp.isfinite(losses))
        if recipe.progress:
            jax.debug.callback(_report_progress, progress_id, xs[0][0], losses)
        return (carry, finite), (losses, train_acc, val_acc)

    num_iters, ipe = recipe.num_iters, recipe.iterations_per_epoch
    its = jnp.arange(num_iters, dtype=jnp.int32)
    state = ((params, optimizer.init(params)), jnp.array(True))
    num_full = num_iters // ipe
    parts = []
    if num_full:
        full = (its[: num_full * ipe].reshape(num_full, ipe),
                indices[: num_full * ipe].reshape(num_full, ipe, -1))
        state, (losses, train_acc, val_acc) = jax.lax.scan(epoch, state, full)
        parts.append((losses.reshape(-1), train_acc, val_acc))
    if num_iters % ipe:  # a last, partial epoch
        state, (losses, train_acc, val_acc) = epoch(
            state, (its[num_full * ipe:], indices[num_full * ipe:]))
        parts.append((losses, train_acc[None], val_acc[None]))
    ((params, _), _) = state
    params = from_train_layout(params)
    if not parts:
        parts.append((jnp.zeros((0,), X.dtype),) * 3)
    losses, train_acc, val_acc = (jnp.concatenate(p) for p in zip(*parts))
    return params, {"loss_history": losses, "train_acc_history": train_acc,
                    "val_acc_history": val_acc}


def minibatches_and_noise(key, num_train, recipe):
    """``key`` split into (batch key, noise key): the batch key's minibatch indices
    (``sample_batch_indices``) and the noise key for dropout and augmentation."""
    batch_key, noise_key = jax.random.split(key)
    indices = sample_batch_indices(batch_key, num_train, recipe.num_iters, recipe.batch_size,
                                   recipe.sampling)
    return indices, noise_key


@functools.partial(jax.jit, static_argnames=("recipe",))
def train_from_key(params, X, y, X_val, y_val, key, hp, recipe, progress_id=0):
    """``run`` with minibatches and noise drawn from ``key`` on the device (one program)."""
    indices, noise_key = minibatches_and_noise(key, X.shape[0], recipe)
    return run(params, X, y, X_val, y_val, indices, noise_key, hp, recipe, progress_id)


train_from_indices = jax.jit(run, static_argnames=("recipe",))


# ---------------------------------------------------------------------------- host side


def _check_choice(value, name, choices):
    if value not in choices:
        raise ValueError(f"{name} must be one of {choices}, got {value!r}")


def _check_number(value, name, low, high=math.inf, low_open=False, high_open=True):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    value = float(value)
    if not (math.isfinite(value) or value == high == math.inf):
        raise ValueError(f"{name} must be finite, got {value}")
    too_low = value <= low if low_open else value < low
    too_high = value >= high if high_open else value > high
    if too_low or too_high:
        raise ValueError(f"{name} must be in {'(' if low_open else '['}{low}, {high}"
                         f"{')' if high_open else ']'}, got {value}")
    return value


def hyperparams(learning_rate=1e-3, learning_rate_decay=0.95, reg=5e-6, momentum=0.9,
                weight_decay=0.0, dropout=0.0, label_smoothing=0.0, mixup=0.0):
    """Validate the traced hyperparameters; return them as a dict of Python floats."""
    return {
        "learning_rate": _check_number(learning_rate, "learning_rate", 0.0, low_open=True),
        "learning_rate_decay": _check_number(learning_rate_decay, "learning_rate_decay", 0.0,
                                             1.0, low_open=True, high_open=False),
        "reg": _check_number(reg, "reg", 0.0),
        "momentum": _check_number(momentum, "momentum", 0.0, 1.0),
        "weight_decay": _check_number(weight_decay, "weight_decay", 0.0),
        "dropout": _check_number(dropout, "dropout", 0.0, 1.0),
        "label_smoothing": _check_number(label_smoothing, "label_smoothing", 0.0, 1.0),
        "mixup": _check_number(mixup, "mixup", 0.0),
    }


def make_recipe(num_train, input_size, *, num_iters, batch_size, optimizer="sgd",
                schedule="notebook", warmup_epochs=0.0, step_epochs=1.0, weight_decay=False,
                dropout=False, mixup=False, sampling="replacement", flip=False, crop=0, image_shape=None,
                progress=False, batch_sharding=None, stop_on_divergence=True):
    """Validate the static options and build the ``Recipe`` (epochs count in iterations)."""
    num_iters = checks.check_positive_int(num_iters, "num_iters", allow_zero=True)
    batch_size = checks.check_positive_int(batch_size, "batch_size")
    _check_choice(optimizer, "optimizer", OPTIMIZERS)
    _check_choice(schedule, "schedule", SCHEDULES)
    _check_choice(sampling, "sampling", SAMPLINGS)
    crop = checks.check_positive_int(crop, "crop", allow_zero=True)
    if sampling == "epoch" and batch_size > num_train:
        raise ValueError(f"sampling='epoch' needs batch_size <= the {num_train} training rows, "
                         f"got {batch_size}")
    if flip or crop:
        if image_shape is None or len(image_shape) != 3 or math.prod(image_shape) != input_size:
            raise ValueError(f"flip/crop need image_shape (height, width, channels) whose "
                             f"product is the input size {input_size}, got {image_shape}")
        image_shape = tuple(int(s) for s in image_shape)
    ipe = iterations_per_epoch(num_train, batch_size, sampling)
    warmup_epochs = _check_number(warmup_epochs, "warmup_epochs", 0.0)
    step_epochs = _check_number(step_epochs, "step_epochs", 0.0, low_open=True)
    return Recipe(
        num_iters=num_iters, batch_size=batch_size, iterations_per_epoch=ipe,
        optimizer=optimizer, schedule=schedule, warmup_iters=round(warmup_epochs * ipe),
        step_iters=max(round(step_epochs * ipe), 1), weight_decay=bool(weight_decay),
        dropout=bool(dropout), mixup=bool(mixup), sampling=sampling, flip=bool(flip), crop=crop,
        image_shape=image_shape if (flip or crop) else None, progress=bool(progress),
        batch_sharding=batch_sharding, stop_on_divergence=stop_on_divergence)


def prepare_data(D, C, dtype, X, y, X_val, y_val):
    """Validate the data for a net of D inputs and C classes; return it as device arrays
    (inputs in ``dtype``, labels int32)."""
    N = checks.check_inputs(X, D)
    checks.check_labels(y, N, C)
    N_val = checks.check_inputs(X_val, D, "X_val")
    checks.check_labels(y_val, N_val, C, "y_val")
    if N == 0:
        raise ValueError("X has no rows: training needs at least one example")
    return (jnp.asarray(X, dtype), jnp.asarray(y, jnp.int32),
            jnp.asarray(X_val, dtype), jnp.asarray(y_val, jnp.int32))


def history_to_numpy(history):
    """The history as float NumPy arrays, keyed like the reference's."""
    return {k: np.asarray(v, dtype=np.float64) for k, v in history.items()}


def check_finite(history, learning_rate):
    """Raise ``TrainingDiverged`` naming the first iteration whose loss is not finite."""
    losses = history["loss_history"]
    bad = ~np.isfinite(losses)
    if bad.any():
        it = int(np.argmax(bad))
        raise TrainingDiverged(
            f"training diverged: the loss became {losses[it]} at iteration {it} "
            f"(learning rate {learning_rate:g}); try a smaller learning rate")


def train(params, X, y, X_val, y_val, *, learning_rate=1e-3, learning_rate_decay=0.95,
          reg=5e-6, num_iters=100, batch_size=200, key=None, batch_indices=None,
          optimizer="sgd", momentum=0.9, weight_decay=0.0, schedule="notebook",
          warmup_epochs=0.0, step_epochs=1.0, dropout=0.0, label_smoothing=0.0, mixup=0.0,
          sampling="replacement", flip=False, crop=0, image_shape=None,
          data_parallel=False, progress=False):
    """Minibatch training as one compiled program; the notebook's SGD by default.

    Args:
      params: the initial params dict (its dtype is the compute dtype).
      X, y: training inputs (N, D) and integer labels (N,).
      X_val, y_val: validation inputs and labels, scored at every epoch boundary.
      learning_rate: the (peak) step size.
      learning_rate_decay: per-epoch factor of the "notebook" schedule (per ``step_epochs``
        of the "step" schedule).
      reg: L2 strength in the loss, reg * (sum(W1**2) + sum(W2**2)).
      num_iters: number of updates.
      batch_size: rows per minibatch.
      key: a ``jax.random`` key for the minibatches (and dropout/augmentation noise).
      batch_indices: alternatively, explicit minibatch rows, (num_iters, batch_size) ints.
      optimizer: "sgd" (the notebook's), "momentum", "nesterov" or "adam".
      momentum: the momentum coefficient for "momentum" and "nesterov".
      weight_decay: decoupled weight decay on W1 and W2 (scaled by the learning rate).
      schedule: "notebook" (lr * decay**ceil(k / iterations_per_epoch)), "cosine" (to 0 at
        the last update) or "step"; "cosine" and "step" warm up linearly for
        ``warmup_epochs``.
      dropout: probability of zeroing each hidden unit during training (inverted dropout).
      label_smoothing: weight of the uniform distribution mixed into the targets.
      mixup: alpha of mixup's Beta(alpha, alpha) mixing weight (0: off).
      sampling: "replacement" (the notebook's) or "epoch" (a permutation per epoch).
      flip, crop: random left-right flips; random crops after zero-padding by ``crop`` px.
      image_shape: (height, width, channels) of each row, needed for flip and crop.
      data_parallel: split each minibatch across all devices (see ``jaxnet.parallel``).
      progress: show a progress bar, updated once per epoch from inside the program.

    Returns:
      (params, history): the trained params and a dict of NumPy arrays ``loss_history``
      (num_iters,), ``train_acc_history`` and ``val_acc_history`` (one entry per epoch
      boundary; the train accuracy is on that iteration's minibatch after its update).

    Raises:
      ValueError, TypeError: for bad arguments, before anything runs on the device.
      TrainingDiverged: if the loss became NaN or infinite.
    """
    D, _, C = checks.check_params(params)
    X, y, X_val, y_val = prepare_data(D, C, jnp.asarray(params["W1"]).dtype, X, y, X_val, y_val)
    hp = hyperparams(learning_rate, learning_rate_decay, reg, momentum, weight_decay,
                     dropout, label_smoothing, mixup)
    if key is None and batch_indices is None:
        raise ValueError("pass key= (a jax.random key) or batch_indices= to choose minibatches")
    sharding = None
    if data_parallel:
        sharding = parallel.batch_sharding(batch_size)
        params, X, y, X_val, y_val = parallel.replicate((params, X, y, X_val, y_val))
    recipe = make_recipe(X.shape[0], X.shape[1], num_iters=num_iters, batch_size=batch_size,
                         optimizer=optimizer, schedule=schedule, warmup_epochs=warmup_epochs,
                         step_epochs=step_epochs, weight_decay=hp["weight_decay"] > 0,
                         dropout=hp["dropout"] > 0, mixup=hp["mixup"] > 0, sampling=sampling,
                         flip=flip, crop=crop,
                         image_shape=image_shape, progress=bool(progress),
                         batch_sharding=sharding)
    hp = {k: jnp.asarray(v, X.dtype) for k, v in hp.items()}
    with _progress_bar(progress, num_iters) as progress_id:
        if batch_indices is not None:
            indices = checks.check_batch_indices(batch_indices, recipe.num_iters,
                                                 recipe.batch_size, X.shape[0])
            noise_key = key if key is not None else jax.random.key(0)
            params, history = train_from_indices(params, X, y, X_val, y_val,
                                                 jnp.asarray(indices, jnp.int32), noise_key,
                                                 hp, recipe, progress_id)
        else:
            params, history = train_from_key(params, X, y, X_val, y_val, key, hp, recipe,
                                             progress_id)
        if data_parallel:  # several processes: keep this process's replica
            params, history = parallel.local((params, history))
        history = history_to_numpy(history)  # waits for the program to finish
    check_finite(history, learning_rate)
    return params, history


@contextlib.contextmanager
def _progress_bar(progress, num_iters):
    """Route the program's per-epoch callbacks to a tqdm bar (or a user callable); yields
    the run's progress id, an int32 array for the program (0: no sink)."""
    if not progress:
        yield jnp.int32(0)
        return
    bar = None
    if callable(progress):
        sink = progress
    else:
        from tqdm.auto import tqdm
        bar = tqdm(total=num_iters, unit="it", desc="train", leave=False)

        def sink(done, loss):
            bar.update(done - bar.n)
            bar.set_postfix(loss=f"{loss:.4f}")
    progress_id = next(_progress_ids)
    _progress_sinks[progress_id] = sink
    try:
        yield jnp.int32(progress_id)
    finally:
        del _progress_sinks[progress_id]
        if bar is not None:
            bar.close()
