"""The compiled training loop: ``train_step``, one update, and the programs that scan it.

A run is a state ``{"params", "opt_state", "finite"}`` advanced along its iterations.
``train_step`` is update k, whole: the minibatch's rows gathered, its noise key
``fold_in(noise_key, k)``, the augmentation, the objective and its gradient, the optax
update. A *piece* is one ``lax.scan`` over ``length`` iterations from a traced ``start``,
with the update once in its body; iterations from a traced ``stop`` on are skipped, so
every piece of one length shares one compiled program wherever it starts and ends. At
an epoch boundary the body draws the epoch's minibatch rows (``epoch_rows``, from
``fold_in(batch_key, epoch)``: nothing of the run's length is drawn up front) and, after
the update, records the accuracies. Rows given by the caller (the notebook's way) are
indexed instead. The package compiles two programs, both here and under the plan's
matmul precision:

- ``piece``: updates of one run (optionally data-parallel);
- ``group_piece``: the same for K runs that share their minibatches, vmapped.

Outside these programs params are in the public layout (W1 as (D, H)); inside, in the
plan's (``jaxnet.layout``). The traced options reach the programs as ``hp`` (arrays), so
a new value reuses the compiled program; the static ones make up the ``Plan``.
"""

import dataclasses
import functools
import math
from typing import NamedTuple

import jax
import jax.numpy as jnp
import optax

from jaxnet import checks, layout, model, optimizer
from jaxnet.augment import augment
from jaxnet.config import GATED, TRACED, Config


class Data(NamedTuple):
    """A run's data on the device: training rows X (N, D) and labels y (N,) int32, and the
    validation rows and labels scored at every epoch boundary."""

    X: jax.Array
    y: jax.Array
    X_val: jax.Array
    y_val: jax.Array


@dataclasses.dataclass(frozen=True)
class Plan:
    """The static structure of a training program; a different Plan compiles a new one."""

    config: object  # the jaxnet.Config with every traced option at its default
    iterations_per_epoch: int
    enabled: frozenset = frozenset()  # gated options that some run sets: their code is compiled in
    image_shape: tuple = None  # (height, width, channels) of a row, for flips and crops
    layout: str = "plain"
    batch_sharding: object = None  # a NamedSharding for data parallelism, or None
    # Skip the updates after a non-finite loss. Off inside vmapped groups: a cond on a
    # per-config flag becomes a select that broadcasts the shared minibatch to every
    # config, turning one wide matrix product into K narrow ones.
    stop_on_divergence: bool = True
    given_rows: bool = False  # the minibatch rows are given, not drawn from a key

    @property
    def warmup_iters(self):
        return round(self.config.warmup_epochs * self.iterations_per_epoch)

    @property
    def step_iters(self):
        return max(round(self.config.step_epochs * self.iterations_per_epoch), 1)


def iterations_per_epoch(num_train, batch_size, sampling="replacement"):
    """An epoch's length in iterations: the notebook's max(num_train // batch_size, 1), or
    num_train // batch_size for "epoch" sampling (each permutation's whole batches)."""
    if sampling == "epoch":
        return num_train // batch_size
    return max(num_train // batch_size, 1)


def _check_epoch_fits(c, num_train):
    if c.sampling == "epoch" and c.batch_size > num_train:
        raise ValueError(f"sampling='epoch' needs batch_size <= the {num_train} training rows, "
                         f"got {c.batch_size}")


def make_plan(configs, num_train, input_size, image_shape=None, *, batch_sharding=None,
              stop_on_divergence=True, given_rows=False):
    """The program's static structure for ``configs`` (Configs that differ only in traced
    options) on ``num_train`` rows of ``input_size`` columns; checks what needs the data.
    The gated options (``config.GATED``) that any config sets are compiled in."""
    static = configs[0].static()
    if any(c.static() != static for c in configs[1:]):
        raise ValueError(f"the configs of one program may differ only in traced options {TRACED}")
    _check_epoch_fits(static, num_train)
    if static.flip or static.crop:
        if image_shape is None or len(image_shape) != 3 or math.prod(image_shape) != input_size:
            raise ValueError(f"flip/crop need image_shape (height, width, channels) whose "
                             f"product is the input size {input_size}, got {image_shape}")
        if static.crop >= min(image_shape[:2]):  # a crop must keep some of the image
            raise ValueError(f"crop {static.crop} does not fit {image_shape[0]}x"
                             f"{image_shape[1]} images (at most {min(image_shape[:2]) - 1})")
        image_shape = tuple(int(s) for s in image_shape)
    else:
        image_shape = None
    return Plan(
        config=static,
        iterations_per_epoch=iterations_per_epoch(num_train, static.batch_size, static.sampling),
        enabled=frozenset(name for name in GATED if any(getattr(c, name) > 0 for c in configs)),
        image_shape=image_shape, layout=layout.resolve(static.products),
        batch_sharding=batch_sharding, stop_on_divergence=stop_on_divergence,
        given_rows=given_rows)


# A piece scans whole epochs and at least this many iterations (fewer dispatches when
# epochs are short), or the whole run.
MIN_PIECE = 64


def piece_length(plan):
    """The iterations every piece of a run scans, so that a run compiles one program
    however it is split: whole epochs, at least ``MIN_PIECE``, at most the run."""
    ipe = plan.iterations_per_epoch
    return min(plan.config.num_iters, ipe * -(-MIN_PIECE // ipe))


def traced_values(configs, dtype):
    """The traced options as the program's ``hp``: a scalar each for one Config, (K,)
    arrays for a list of K."""
    if not isinstance(configs, (list, tuple)):
        return {k: jnp.asarray(v, dtype) for k, v in configs.traced().items()}
    return {k: jnp.asarray([c.traced()[k] for c in configs], dtype) for k in TRACED}


def init_state(params, hp, plan):
    """A run's state before its first update (public layout)."""
    return {"params": params, "opt_state": optimizer.make_optimizer(plan, hp).init(params),
            "finite": jnp.array(True)}


def _epoch_rows(key, epoch, num_train, per_epoch, batch_size, sampling):
    key = jax.random.fold_in(key, epoch)
    if sampling == "replacement":
        return jax.random.randint(key, (per_epoch, batch_size), 0, num_train, jnp.int32)
    rows = jax.random.permutation(key, num_train)[: per_epoch * batch_size]
    return rows.reshape(per_epoch, batch_size).astype(jnp.int32)


def epoch_rows(batch_key, epoch, num_train, plan):
    """Epoch ``epoch``'s minibatch rows, (iterations_per_epoch, batch_size) int32, from
    ``fold_in(batch_key, epoch)``: uniform in [0, num_train) ("replacement", like
    ``np.random.choice``), or one permutation's first whole batches ("epoch": no row
    repeats within an epoch)."""
    c = plan.config
    return _epoch_rows(batch_key, epoch, num_train, plan.iterations_per_epoch, c.batch_size,
                       c.sampling)


def sample_batch_indices(key, num_train, num_iters, batch_size, sampling="replacement"):
    """A whole run's minibatch rows from its batch key, (num_iters, batch_size) int32: the
    rows ``epoch_rows`` draws epoch by epoch inside the program, all at once (for
    inspection). Bad sizes raise ValueError, as Config's do."""
    c = Config(num_iters=num_iters, batch_size=batch_size, sampling=sampling)  # checks them
    _check_epoch_fits(c, checks.check_positive_int(num_train, "num_train"))
    per_epoch = iterations_per_epoch(num_train, batch_size, sampling)
    num_epochs = -(-num_iters // per_epoch)
    rows = jax.vmap(lambda e: _epoch_rows(key, e, num_train, per_epoch, batch_size, sampling))(
        jnp.arange(num_epochs, dtype=jnp.int32))
    return rows.reshape(num_epochs * per_epoch, batch_size)[:num_iters]


def train_step(params, opt_state, data, rows, iteration, noise_key, hp, plan):
    """Update ``iteration`` of a run, whole: the minibatch ``data.X[rows]``, ``data.y[rows]``
    (rows: (B,) int32), its noise from ``fold_in(noise_key, iteration)``, the augmented
    inputs' objective (``model.objective``), its gradient and the optax update.

    Returns (params, opt_state, loss), the loss a scalar of the data's dtype.
    """
    X, y = data.X[rows], data.y[rows]
    if plan.batch_sharding is not None:  # split the minibatch across devices
        X = jax.lax.with_sharding_constraint(X, plan.batch_sharding)
    augment_key, loss_key = jax.random.split(jax.random.fold_in(noise_key, iteration))
    X = augment(augment_key, X, plan.image_shape, plan.config.flip, plan.config.crop)
    loss, grads = jax.value_and_grad(model.objective)(params, X, y, loss_key, hp, plan)
    with jax.numpy_dtype_promotion(optimizer.OPTAX_PROMOTION):
        updates, opt_state = optimizer.make_optimizer(plan, hp).update(grads, opt_state, params)
    return optax.apply_updates(params, updates), opt_state, loss


def _skipped_step(params, opt_state, data, rows, iteration, noise_key, hp, plan):
    """``train_step``'s stand-in for an iteration that does not run: no change, a NaN loss."""
    return params, opt_state, jnp.full((), jnp.nan, data.X.dtype)


def _draw_rows(table, batch_key, epoch, num_train, plan):
    """The rows of ``epoch`` (``epoch_rows``), replacing the last epoch's ``table``."""
    return epoch_rows(batch_key, epoch, num_train, plan)


def _keep_rows(table, batch_key, epoch):
    """``table`` as it is: no epoch begins here."""
    return table


def _accuracies(params, data, rows):
    """(train, val) accuracy: on the minibatch ``rows`` and on the validation split."""
    return (model.correct_fraction(params, data.X[rows], data.y[rows]),
            model.correct_fraction(params, data.X_val, data.y_val))


def _no_accuracies(params, data, rows):
    nan = jnp.full((), jnp.nan, data.X.dtype)
    return nan, nan


def run_piece(state, data, minibatches, start, stop, hp, plan, length):
    """Updates ``start`` .. ``stop - 1`` of one run, from ``state`` (public layout), as one
    scan over ``length`` >= stop - start iterations (the rest are skipped), in the plan's
    layout and matmul precision; a pure, traceable function. ``minibatches`` is (batch key,
    noise key), or with ``plan.given_rows`` (the whole run's rows (num_iters, B), noise key).

    Returns (state, history): per scanned iteration (``length``,), ``loss_history``, and
    ``train_acc_history`` (on the minibatch, after the update) and ``val_acc_history``,
    which are NaN except at epoch boundaries. Once a loss is non-finite the remaining
    updates are skipped (with ``plan.stop_on_divergence``): NaN entries, the state kept.
    """
    source, noise_key = minibatches
    ipe, num_train = plan.iterations_per_epoch, data.X.shape[0]
    step = functools.partial(train_step, noise_key=noise_key, hp=hp, plan=plan)
    skip = functools.partial(_skipped_step, noise_key=noise_key, hp=hp, plan=plan)
    draw = functools.partial(_draw_rows, num_train=num_train, plan=plan)

    def iteration(carry, it):
        """Update ``it`` and, at an epoch boundary, its accuracy record."""
        params, opt_state, finite, table = carry
        live = (it < stop) & finite if plan.stop_on_divergence else it < stop
        boundary = it % ipe == 0
        if plan.given_rows:
            rows = source[it]
        else:  # the epoch's rows, drawn at its boundary (or where the piece begins)
            table = jax.lax.cond(live & (boundary | (it == start)), draw, _keep_rows, table,
                                 source, it // ipe)
            rows = table[it % ipe]
        params, opt_state, loss = jax.lax.cond(live, step, skip, params, opt_state, data,
                                               rows, it)
        record = jax.lax.cond(live & boundary, _accuracies, _no_accuracies, params, data, rows)
        finite &= jnp.isfinite(loss) | ~live
        return (params, opt_state, finite, table), (loss, *record)

    with jax.default_matmul_precision(plan.config.matmul_precision):
        state = layout.to_layout(state, plan.layout)
        table = jnp.zeros((0 if plan.given_rows else ipe, plan.config.batch_size), jnp.int32)
        its = start + jnp.arange(length, dtype=jnp.int32)
        (params, opt_state, finite, _), (losses, train_acc, val_acc) = jax.lax.scan(
            iteration, (state["params"], state["opt_state"], state["finite"], table), its)
        state = layout.from_layout({"params": params, "opt_state": opt_state, "finite": finite})
    return state, {"loss_history": losses, "train_acc_history": train_acc,
                   "val_acc_history": val_acc}


# ``run_piece`` compiled: ``start`` and ``stop`` are traced, so the pieces of one length
# share a program wherever they begin and end.
piece = jax.jit(run_piece, static_argnames=("plan", "length"))


@functools.partial(jax.jit, static_argnames=("plan", "length"))
def group_piece(states, data, minibatches, start, stop, hp, *, plan, length):
    """``piece`` for K runs sharing their minibatches, vmapped over ``states`` and ``hp``
    ((K,) arrays); also returns each run's validation accuracy at the end, (K,)."""
    def one(state, hp1):
        state, history = run_piece(state, data, minibatches, start, stop, hp1, plan, length)
        with jax.default_matmul_precision(plan.config.matmul_precision):
            val_acc = model.correct_fraction(state["params"], data.X_val, data.y_val)
        return state, history, val_acc
    return jax.vmap(one)(states, hp)
