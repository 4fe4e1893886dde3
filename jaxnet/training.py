"""Minibatch training compiled as one XLA program.

``train`` validates its arguments on the host, then runs every iteration in one jitted
program: a ``lax.scan`` over epochs, each a scan over its iterations. Minibatches are
sampled on the device, train/val accuracy is evaluated at epoch boundaries inside the
program, and the history comes back at the end. The options are ``jaxnet.Config``'s: the
traced ones reach the program as scalars, so a new value reuses the compiled program; the
static ones (and the data's shapes) make up the program's ``Recipe``.

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

from jaxnet import checks, parallel
from jaxnet.augment import augment
from jaxnet.config import GATED, TRACED, make_config, with_options
from jaxnet.model import correct_fraction, cross_entropy, hidden, l2_penalty, output

# The product strategies of the first layer (``Config.products``): "plain" multiplies by
# W1 (D, H) with jnp; "transposed" trains W1 stored transposed, as "W1t" (H, D), through
# ``jaxnet.products``. The math is the same, but jax.grad then yields the first layer's
# weight gradient as dz^T X_b instead of X_b^T dz, and XLA:CPU runs the latter, whose
# transposed operand is the large minibatch, 1.6-2x slower (measured side by side: 278 vs
# 168 GFLOP/s at hidden 100, batch 500). Measured on XLA:CPU only, so "auto" uses it there.


def layout(products, backend=None):
    """The product strategy for ``Config.products`` on ``backend`` (default: JAX's); "auto"
    takes the transposed layout on the CPU only, where it was measured to pay."""
    if products != "auto":
        return products
    return "transposed" if (backend or jax.default_backend()) == "cpu" else "plain"


# optax's schedules and Adam's bias correction mix Python floats with the int32 step count,
# which JAX's standard dtype promotion allows and its strict promotion refuses. jaxnet's own
# code is strict-clean (the tests run with jax_numpy_dtype_promotion="strict"); calls into
# optax run under "standard", whatever the caller set.
OPTAX_PROMOTION = "standard"


class TrainingDiverged(FloatingPointError):
    """The training loss became NaN or infinite."""


@dataclasses.dataclass(frozen=True)
class Recipe:
    """The static structure of a training program; a different Recipe compiles a new one."""

    config: object  # the jaxnet.Config with every traced option at its default
    iterations_per_epoch: int
    enabled: frozenset = frozenset()  # gated options that some run sets: their code is compiled in
    image_shape: tuple = None  # (height, width, channels) of a row, for flips and crops
    layout: str = "plain"
    progress: bool = False
    batch_sharding: object = None  # a NamedSharding for data parallelism, or None
    # Skip the epochs after a non-finite loss. Off inside vmapped sweeps: a cond on a
    # per-config flag becomes a select that broadcasts the shared minibatch to every
    # config, turning one wide matrix product into K narrow ones.
    stop_on_divergence: bool = True

    @property
    def num_iters(self):
        return self.config.num_iters

    @property
    def warmup_iters(self):
        return round(self.config.warmup_epochs * self.iterations_per_epoch)

    @property
    def step_iters(self):
        return max(round(self.config.step_epochs * self.iterations_per_epoch), 1)


# ---------------------------------------------------------------------------- schedules


def notebook_schedule(learning_rate, learning_rate_decay, iterations_per_epoch):
    """The notebook's per-epoch decay as an optax schedule.

    The notebook multiplies the rate by the decay *after* the update of every epoch-boundary
    iteration, iteration 0 included, so update k uses
    ``learning_rate * decay ** ceil(k / iterations_per_epoch)``. (optax's staircase
    ``exponential_decay`` uses floor, one step later.)
    """
    def schedule(count):
        epochs = jnp.ceil(count / iterations_per_epoch)  # an exact small integer
        return learning_rate * learning_rate_decay ** epochs.astype(jnp.result_type(learning_rate))
    return schedule


def make_schedule(recipe, hp):
    """The learning rate at update k: a static shape scaled by the traced peak rate."""
    lr, decay = hp["learning_rate"], hp["learning_rate_decay"]
    kind, num_iters, warmup = recipe.config.schedule, recipe.num_iters, recipe.warmup_iters
    if kind == "notebook":
        return notebook_schedule(lr, decay, recipe.iterations_per_epoch)
    if kind == "cosine":
        if warmup:
            shape = optax.warmup_cosine_decay_schedule(0.0, 1.0, warmup, max(num_iters, warmup + 1))
        else:
            shape = optax.cosine_decay_schedule(1.0, max(num_iters, 1))

        def schedule(count):
            with jax.numpy_dtype_promotion(OPTAX_PROMOTION):
                return lr * shape(count).astype(jnp.result_type(lr))
        return schedule

    # "step": multiply by the decay every step_iters updates, after a linear warm-up.
    def schedule(count):
        warm = jnp.minimum(1.0, (count + 1) / max(warmup, 1)).astype(jnp.result_type(lr))
        steps = jnp.floor(count / recipe.step_iters).astype(jnp.result_type(lr))  # an exact small integer
        return lr * warm * decay ** steps
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
    name = recipe.config.optimizer
    if name == "sgd":
        parts = [optax.identity()]
    elif name == "adam":
        parts = [optax.scale_by_adam()]
    else:
        parts = [optax.trace(decay=hp["momentum"], nesterov=name == "nesterov")]
    if "weight_decay" in recipe.enabled:
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


def to_layout(params, layout):
    """{'W1', 'b1', 'W2', 'b2'} in the training layout: 'W1t' = W1.T for "transposed"."""
    if layout == "plain":
        return params
    return {"W1t": params["W1"].T, "b1": params["b1"], "W2": params["W2"], "b2": params["b2"]}


def from_layout(params):
    """The inverse of ``to_layout``: the params dict with 'W1' (D, H)."""
    if "W1t" not in params:
        return params
    return {"W1": params["W1t"].T, "b1": params["b1"], "W2": params["W2"], "b2": params["b2"]}


def objective(params, X, y, key, hp, recipe):
    """The training loss of one minibatch: cross-entropy (optionally label-smoothed, with
    dropout on the hidden layer, on mixup pairs) + reg * L2. With the defaults it is
    ``jaxnet.loss``.

    Mixup (``hp['mixup']`` = alpha > 0): lam ~ Beta(alpha, alpha) per minibatch; the inputs
    become lam X + (1 - lam) X[perm] and the loss lam CE(y) + (1 - lam) CE(y[perm]).
    """
    drop_key, mix_key, perm_key = jax.random.split(key, 3)
    mixup = "mixup" in recipe.enabled
    if mixup:
        alpha = jnp.maximum(hp["mixup"], 1e-6)
        lam = jnp.where(hp["mixup"] > 0, jax.random.beta(mix_key, alpha, alpha, dtype=X.dtype), 1.0)
        perm = jax.random.permutation(perm_key, X.shape[0])
        X = lam * X + (1.0 - lam) * X[perm]
    h = hidden(params, X)
    if "dropout" in recipe.enabled:
        keep = 1.0 - hp["dropout"]
        mask = jax.random.bernoulli(drop_key, keep, h.shape)
        h = jnp.where(mask, h / keep, 0.0)
    scores = output(params, h)
    data_loss = cross_entropy(scores, y, hp["label_smoothing"])
    if mixup:
        data_loss = lam * data_loss + (1.0 - lam) * cross_entropy(scores, y[perm], hp["label_smoothing"])
    return data_loss + hp["reg"] * l2_penalty(params)


# Each running ``train`` call with progress=True registers its sink under a fresh id, which
# its program passes back to the callback: concurrent runs (threads) each reach their own.
_progress_sinks = {}
_progress_ids = itertools.count(1)


def _report_progress(progress_id, first_iteration, losses):
    """Host callback, once per epoch: forwards (iteration, last loss) to the run's sink."""
    sink = _progress_sinks.get(int(progress_id))
    if sink is not None:
        sink(int(first_iteration) + len(losses), float(losses[-1]))


def init_state(params, hp, recipe):
    """The program state before the first update: ``{"params"`` (in the recipe's layout),
    ``"opt_state"``, ``"finite"``}`` (no non-finite loss at an epoch's end so far)."""
    params = to_layout(params, recipe.layout)
    return {"params": params, "opt_state": make_optimizer(recipe, hp).init(params),
            "finite": jnp.array(True)}


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
    with jax.default_matmul_precision(recipe.config.matmul_precision):
        state = init_state(params, hp, recipe)
        its = jnp.arange(indices.shape[0], dtype=jnp.int32)
        state, history = advance(state, X, y, X_val, y_val, indices, its, noise_key, hp, recipe,
                                 head=0, progress_id=progress_id)
    return from_layout(state["params"]), history


def advance(state, X, y, X_val, y_val, indices, its, noise_key, hp, recipe, head,
            progress_id=0):
    """Continue a run: the updates ``its`` (n,) int32 along minibatches ``indices`` (n, B)
    from ``state`` (``init_state``'s form); a pure, traceable function.

    ``head`` (static) is how many of these iterations come before the first epoch boundary
    (the rest of an epoch begun in an earlier call): they update but record no accuracy.
    Returns (state, history) with this call's part of the histories.
    """
    optimizer = make_optimizer(recipe, hp)
    grad_fn = jax.value_and_grad(objective)

    def step(carry, xs):
        params, opt_state = carry
        it, idx = xs
        Xb, yb = X[idx], y[idx]
        if recipe.batch_sharding is not None:  # split the minibatch across devices
            Xb = jax.lax.with_sharding_constraint(Xb, recipe.batch_sharding)
        aug_key, loss_key = jax.random.split(jax.random.fold_in(noise_key, it))
        Xa = augment(aug_key, Xb, recipe.image_shape, recipe.config.flip, recipe.config.crop)
        loss, grads = grad_fn(params, Xa, yb, loss_key, hp, recipe)
        with jax.numpy_dtype_promotion(OPTAX_PROMOTION):
            updates, opt_state = optimizer.update(grads, opt_state, params)
        return (optax.apply_updates(params, updates), opt_state), (loss, Xb, yb)

    def loss_only(carry, xs):
        carry, (loss, _, _) = step(carry, xs)
        return carry, loss

    def nans(n):
        nan = jnp.full((), jnp.nan, X.dtype)
        return jnp.full((n,), jnp.nan, X.dtype), nan, nan

    def gated(finite, live, dead, carry):
        """``live(carry)``, or (with stop_on_divergence) ``dead`` once a loss was non-finite:
        the work is skipped."""
        if not recipe.stop_on_divergence:
            return live(carry)
        return jax.lax.cond(finite, live, lambda carry: (carry, dead), carry)

    def report(first_iteration, losses):
        if recipe.progress:
            jax.debug.callback(_report_progress, progress_id, first_iteration, losses)

    def epoch(state, xs):
        """A boundary iteration, its accuracy record, then the epoch's other iterations."""
        carry, finite = state

        def live(carry):
            carry, (loss0, Xb, yb) = step(carry, jax.tree.map(lambda a: a[0], xs))
            train_acc = correct_fraction(carry[0], Xb, yb)
            val_acc = correct_fraction(carry[0], X_val, y_val)
            carry, losses = jax.lax.scan(loss_only, carry, jax.tree.map(lambda a: a[1:], xs))
            return carry, (jnp.concatenate([loss0[None], losses]), train_acc, val_acc)

        carry, (losses, train_acc, val_acc) = gated(finite, live, nans(xs[0].shape[0]), carry)
        finite = finite & jnp.all(jnp.isfinite(losses))
        report(xs[0][0], losses)
        return (carry, finite), (losses, train_acc, val_acc)

    def rest_of_epoch(state, xs):
        """Iterations that finish an epoch begun earlier: updates only."""
        carry, finite = state

        carry, losses = gated(finite, lambda c: jax.lax.scan(loss_only, c, xs),
                              nans(xs[0].shape[0])[0], carry)
        finite = finite & jnp.all(jnp.isfinite(losses))
        report(xs[0][0], losses)
        return (carry, finite), losses

    n, ipe = indices.shape[0], recipe.iterations_per_epoch
    loop_state = ((state["params"], state["opt_state"]), state["finite"])
    parts = []
    if head:
        loop_state, losses = rest_of_epoch(loop_state, (its[:head], indices[:head]))
        parts.append((losses, jnp.zeros((0,), X.dtype), jnp.zeros((0,), X.dtype)))
    num_full = (n - head) // ipe
    if num_full:
        span = slice(head, head + num_full * ipe)
        full = (its[span].reshape(num_full, ipe), indices[span].reshape(num_full, ipe, -1))
        loop_state, (losses, train_acc, val_acc) = jax.lax.scan(epoch, loop_state, full)
        parts.append((losses.reshape(-1), train_acc, val_acc))
    if (n - head) % ipe:  # a last, partial epoch
        start = head + num_full * ipe
        loop_state, (losses, train_acc, val_acc) = epoch(loop_state, (its[start:], indices[start:]))
        parts.append((losses, train_acc[None], val_acc[None]))
    ((params, opt_state), finite) = loop_state
    if not parts:
        parts.append((jnp.zeros((0,), X.dtype),) * 3)
    losses, train_acc, val_acc = (jnp.concatenate(p) for p in zip(*parts))
    return ({"params": params, "opt_state": opt_state, "finite": finite},
            {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc})


@functools.partial(jax.jit, static_argnames=("recipe", "length", "head"))
def advance_chunk(state, X, y, X_val, y_val, indices, noise_key, start, hp, recipe, length,
                  head, progress_id=0):
    """``advance`` by ``length`` updates from iteration ``start`` along the whole run's
    minibatches ``indices`` (``minibatches_and_noise``). ``start`` is traced, so chunks of
    one length that start at epoch boundaries share a program."""
    with jax.default_matmul_precision(recipe.config.matmul_precision):
        indices = jax.lax.dynamic_slice_in_dim(indices, start, length)
        its = start + jnp.arange(length, dtype=jnp.int32)
        return advance(state, X, y, X_val, y_val, indices, its, noise_key, hp, recipe, head,
                       progress_id)


start_state = jax.jit(init_state, static_argnames=("recipe",))


def minibatches_and_noise(key, num_train, recipe):
    """``key`` split into (batch key, noise key): the batch key's minibatch indices
    (``sample_batch_indices``) and the noise key for dropout and augmentation."""
    batch_key, noise_key = jax.random.split(key)
    c = recipe.config
    indices = sample_batch_indices(batch_key, num_train, c.num_iters, c.batch_size, c.sampling)
    return indices, noise_key


draw_minibatches = jax.jit(minibatches_and_noise, static_argnums=(1, 2))


@functools.partial(jax.jit, static_argnames=("recipe",))
def train_from_key(params, X, y, X_val, y_val, key, hp, recipe, progress_id=0):
    """``run`` with minibatches and noise drawn from ``key`` on the device (one program)."""
    indices, noise_key = minibatches_and_noise(key, X.shape[0], recipe)
    return run(params, X, y, X_val, y_val, indices, noise_key, hp, recipe, progress_id)


train_from_indices = jax.jit(run, static_argnames=("recipe",))


# ---------------------------------------------------------------------------- host side


def make_recipe(configs, num_train, input_size, image_shape=None, *, progress=False,
                batch_sharding=None, stop_on_divergence=True):
    """The program's static structure for ``configs`` (Configs that differ only in traced
    options) on ``num_train`` rows of ``input_size`` columns; checks what needs the data.

    The gated options (``config.GATED``) that any config sets are compiled in.
    """
    static = configs[0].static()
    if any(c.static() != static for c in configs[1:]):
        raise ValueError("the configs of one program may differ only in traced options "
                         f"{TRACED}")
    if static.sampling == "epoch" and static.batch_size > num_train:
        raise ValueError(f"sampling='epoch' needs batch_size <= the {num_train} training rows, "
                         f"got {static.batch_size}")
    if static.flip or static.crop:
        if image_shape is None or len(image_shape) != 3 or math.prod(image_shape) != input_size:
            raise ValueError(f"flip/crop need image_shape (height, width, channels) whose "
                             f"product is the input size {input_size}, got {image_shape}")
        image_shape = tuple(int(s) for s in image_shape)
    else:
        image_shape = None
    return Recipe(
        config=static,
        iterations_per_epoch=iterations_per_epoch(num_train, static.batch_size, static.sampling),
        enabled=frozenset(name for name in GATED if any(getattr(c, name) > 0 for c in configs)),
        image_shape=image_shape, layout=layout(static.products), progress=bool(progress),
        batch_sharding=batch_sharding, stop_on_divergence=stop_on_divergence)


def traced_values(configs, dtype):
    """The traced options of ``configs`` as the program's ``hp``: (K,) arrays of ``dtype``
    (a scalar each for a single Config)."""
    if not isinstance(configs, (list, tuple)):
        return {k: jnp.asarray(v, dtype) for k, v in configs.traced().items()}
    return {k: jnp.asarray([c.traced()[k] for c in configs], dtype) for k in TRACED}


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
    """A program's history (arrays on the device) as float64 NumPy arrays, keyed like the
    reference's; waits for the program to finish."""
    return {k: np.asarray(v, dtype=np.float64) for k, v in jax.device_get(history).items()}


def first_nonfinite(history):
    """The first iteration whose loss is NaN or infinite, or None."""
    bad = ~np.isfinite(history["loss_history"])
    return int(np.argmax(bad)) if bad.any() else None


def check_diverged(history, learning_rate):
    """Raise ``TrainingDiverged`` naming the first iteration whose loss is not finite."""
    it = first_nonfinite(history)
    if it is not None:
        raise TrainingDiverged(
            f"training diverged: the loss became {history['loss_history'][it]} at iteration "
            f"{it} (learning rate {learning_rate:g}); try a smaller learning rate")


@with_options
def train(params, X, y, X_val, y_val, config=None, *, key=None, batch_indices=None,
          image_shape=None, data_parallel=False, progress=False, **options):
    """Minibatch training as one compiled program; the notebook's SGD by default.

    Args:
      params: the initial params dict (its dtype is the compute dtype).
      X, y: training inputs (N, D) and integer labels (N,).
      X_val, y_val: validation inputs and labels, scored at every epoch boundary.
      config: a ``jaxnet.Config``; keyword options override its fields.
      key: a ``jax.random`` key for the minibatches (and dropout/augmentation noise).
      batch_indices: alternatively, explicit minibatch rows, (num_iters, batch_size) ints.
      image_shape: (height, width, channels) of each row, needed for flip and crop.
      data_parallel: split each minibatch across all devices (see ``jaxnet.parallel``).
      progress: a progress bar (True) or a callable ``sink(iteration, loss)``, updated once
        per epoch from inside the program.
      **options: any field of ``jaxnet.Config``; the notebook's are ``learning_rate``,
        ``learning_rate_decay``, ``reg``, ``num_iters`` and ``batch_size``.

    Returns:
      (params, history): the trained params and a dict of NumPy arrays ``loss_history``
      (num_iters,), ``train_acc_history`` and ``val_acc_history`` (one entry per epoch
      boundary; the train accuracy is on that iteration's minibatch after its update).

    Raises:
      ValueError, TypeError: for bad arguments, before anything runs on the device.
      TrainingDiverged: if the loss became NaN or infinite.
    """
    config = make_config(config, **options)
    D, _, C = checks.check_params(params)
    X, y, X_val, y_val = prepare_data(D, C, jnp.asarray(params["W1"]).dtype, X, y, X_val, y_val)
    if key is None and batch_indices is None:
        raise ValueError("pass key= (a jax.random key) or batch_indices= to choose minibatches")
    sharding = None
    if data_parallel:
        sharding = parallel.batch_sharding(config.batch_size)
        params, X, y, X_val, y_val = parallel.replicate((params, X, y, X_val, y_val))
    recipe = make_recipe([config], X.shape[0], X.shape[1], image_shape, progress=bool(progress),
                         batch_sharding=sharding)
    hp = traced_values(config, X.dtype)
    with progress_bar(progress, config.num_iters) as progress_id:
        if batch_indices is not None:
            indices = checks.check_batch_indices(batch_indices, config.num_iters,
                                                 config.batch_size, X.shape[0])
            noise_key = key if key is not None else jax.random.key(0)
            params, history = train_from_indices(params, X, y, X_val, y_val,
                                                 jnp.asarray(indices, jnp.int32), noise_key,
                                                 hp, recipe, progress_id)
        else:
            params, history = train_from_key(params, X, y, X_val, y_val, key, hp, recipe,
                                             progress_id)
        if data_parallel:  # several processes: keep this process's replica
            params, history = parallel.local((params, history))
        history = history_to_numpy(history)
    check_diverged(history, config.learning_rate)
    return params, history
@contextlib.contextmanager
def progress_bar(progress, num_iters):
    """Route the program's per-epoch callbacks to a tqdm bar (or a user callable); yields
    the run's progress id, an int32 array for the program (0: no sink)."""
    if not progress:
        yield jnp.int32(0)
        return
    with contextlib.ExitStack() as stack:
        sink = progress if callable(progress) else stack.enter_context(tqdm_sink(num_iters))
        progress_id = next(_progress_ids)
        _progress_sinks[progress_id] = sink
        try:
            yield jnp.int32(progress_id)
        finally:
            del _progress_sinks[progress_id]


@contextlib.contextmanager
def tqdm_sink(num_iters):
    """A tqdm bar over a run's ``num_iters`` updates, as a ``sink(done, loss)``."""
    from tqdm.auto import tqdm
    with tqdm(total=num_iters, unit="it", desc="train", leave=False) as bar:
        def sink(done, loss):
            bar.update(done - bar.n)
            bar.set_postfix(loss=f"{loss:.4f}")
        yield sink
