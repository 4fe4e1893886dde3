"""The compiled training loop: a piece of a run, or of a group of runs, as one XLA program.

A run is a state ``{"params", "opt_state", "finite"}`` advanced in pieces along its
minibatches. A piece is a ``lax.scan`` over epochs, each a scan over the epoch's updates
whose first (the epoch boundary) is followed by its accuracy record: the update appears
once per scan, which keeps compilation short. Each epoch draws its own
minibatch rows, from ``fold_in(batch_key, epoch)`` (``epoch_rows``), so memory does not
grow with the run's length; rows given by the caller (the notebook's way) are sliced
instead. The package compiles two programs, both here and under the plan's matmul
precision:

- ``piece``: ``length`` updates of one run (optionally data-parallel);
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
    # Skip the epochs after a non-finite loss. Off inside vmapped groups: a cond on a
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


def _compiled(*static):
    """``jax.jit`` with ``plan`` and ``static`` as static arguments, run under the plan's
    matmul precision: the precision policy, applied in one place."""
    def wrap(fn):
        @functools.wraps(fn)
        def under_precision(*args, plan, **kwargs):
            with jax.default_matmul_precision(plan.config.matmul_precision):
                return fn(*args, plan=plan, **kwargs)
        return jax.jit(under_precision, static_argnames=("plan",) + static)
    return wrap


def run_piece(state, data, minibatches, start, hp, plan, length, head):
    """``length`` updates of one run from iteration ``start``; ``minibatches`` is (batch
    key, noise key), or with ``plan.given_rows`` (the whole run's rows (num_iters, B), noise
    key). ``head`` of the updates come before the first epoch boundary (the rest of an epoch
    begun earlier). Returns (state, this piece's histories); traceable."""
    source, noise_key = minibatches
    its = start + jnp.arange(length, dtype=jnp.int32)
    if plan.given_rows:
        batches = jax.lax.dynamic_slice_in_dim(source, start, length)
    else:
        batches = lambda epoch: epoch_rows(source, epoch, data.X.shape[0], plan)  # noqa: E731
    state, history = advance(layout.to_layout(state, plan.layout), data, batches, its,
                             noise_key, hp, plan, head)
    return layout.from_layout(state), history


@_compiled("length", "head")
def piece(state, data, minibatches, start, hp, *, plan, length, head):
    """``run_piece`` compiled. ``start`` is traced, so pieces of one length that start at
    epoch boundaries share a program."""
    return run_piece(state, data, minibatches, start, hp, plan, length, head)


@_compiled("length", "head")
def group_piece(states, data, minibatches, start, hp, *, plan, length, head):
    """``run_piece`` for K runs sharing their minibatches, vmapped over ``states`` and
    ``hp`` ((K,) arrays); also returns each run's validation accuracy at the end, (K,)."""
    def one(state, hp1):
        state, history = run_piece(state, data, minibatches, start, hp1, plan, length, head)
        return state, history, model.correct_fraction(state["params"], data.X_val, data.y_val)
    return jax.vmap(one)(states, hp)


def advance(state, data, batches, its, noise_key, hp, plan, head):
    """The updates ``its`` (n,) from ``state`` (in the plan's layout), along ``batches``:
    their minibatch rows (n, B), or a function of an epoch's index giving that epoch's
    rows (ipe, B); a pure, traceable function. Step k's noise is ``fold_in(noise_key, k)``.

    Returns (state, history): ``loss_history`` (n,) and one ``train_acc_history`` (on the
    boundary update's minibatch, after it) and ``val_acc_history`` entry per epoch
    boundary. Once a loss is non-finite the remaining epochs are skipped (NaN entries).
    """
    X, y = data.X, data.y
    chain = optimizer.make_optimizer(plan, hp)
    grad_fn = jax.value_and_grad(model.objective)
    nan = jnp.full((), jnp.nan, X.dtype)

    def step(carry, it, idx):
        params, opt_state = carry
        Xb, yb = X[idx], y[idx]
        if plan.batch_sharding is not None:  # split the minibatch across devices
            Xb = jax.lax.with_sharding_constraint(Xb, plan.batch_sharding)
        aug_key, loss_key = jax.random.split(jax.random.fold_in(noise_key, it))
        Xa = augment(aug_key, Xb, plan.image_shape, plan.config.flip, plan.config.crop)
        loss, grads = grad_fn(params, Xa, yb, loss_key, hp, plan)
        with jax.numpy_dtype_promotion(optimizer.OPTAX_PROMOTION):
            updates, opt_state = chain.update(grads, opt_state, params)
        return (optax.apply_updates(params, updates), opt_state), (loss, Xb, yb)

    def updates(carry, xs, record):
        """The updates ``xs`` = (its, rows) in one scan, so that the update is compiled once
        per scan; with ``record`` the first is an epoch boundary, followed by its accuracy
        record (train: on its minibatch; val), returned as two scalars."""
        def body(carry, xs):
            first, it, idx = xs
            carry, (loss, Xb, yb) = step(carry, it, idx)
            if not record:
                return carry, loss
            accuracies = jax.lax.cond(
                first, lambda: (model.correct_fraction(carry[0], Xb, yb),
                                model.correct_fraction(carry[0], data.X_val, data.y_val)),
                lambda: (nan, nan))
            return carry, (loss, *accuracies)

        firsts = jnp.arange(xs[0].shape[0]) == 0
        carry, out = jax.lax.scan(body, carry, (firsts, *xs))
        return carry, (out if not record else (out[0], out[1][0], out[2][0]))

    def gated(finite, live, dead, carry):
        """``live(carry)``, or once a loss was non-finite (with stop_on_divergence) ``dead``."""
        if not plan.stop_on_divergence:
            return live(carry)
        return jax.lax.cond(finite, live, lambda carry: (carry, dead), carry)

    def epoch(loop_state, xs):
        """An epoch's updates (the first ones only, in a last partial epoch), with its record."""
        carry, finite = loop_state
        dead = (jnp.full(xs[0].shape, jnp.nan, X.dtype), nan, nan)
        carry, (losses, train_acc, val_acc) = gated(
            finite, lambda carry: updates(carry, xs, record=True), dead, carry)
        return (carry, finite & jnp.all(jnp.isfinite(losses))), (losses, train_acc, val_acc)

    def rest_of_epoch(loop_state, xs):
        """Updates that finish an epoch begun earlier: no accuracy record."""
        carry, finite = loop_state
        carry, losses = gated(finite, lambda c: updates(c, xs, record=False),
                              jnp.full(xs[0].shape, jnp.nan, X.dtype), carry)
        return (carry, finite & jnp.all(jnp.isfinite(losses))), losses

    n, ipe = its.shape[0], plan.iterations_per_epoch
    given = not callable(batches)

    def rows(first, stop):
        """The rows of updates its[first:stop] (all in one epoch when drawn)."""
        if given:
            return batches[first:stop]
        return jax.lax.dynamic_slice_in_dim(batches(its[first] // ipe), its[first] % ipe,
                                            stop - first)

    def drawn_epoch(loop_state, its_of_epoch):
        return epoch(loop_state, (its_of_epoch, batches(its_of_epoch[0] // ipe)))

    loop_state = ((state["params"], state["opt_state"]), state["finite"])
    empty = jnp.zeros((0,), X.dtype)
    parts = [(empty, empty, empty)]
    if head:
        loop_state, losses = rest_of_epoch(loop_state, (its[:head], rows(0, head)))
        parts.append((losses, empty, empty))
    num_full = (n - head) // ipe
    if num_full:
        span = slice(head, head + num_full * ipe)
        if given:
            full = (its[span].reshape(num_full, ipe), batches[span].reshape(num_full, ipe, -1))
            loop_state, (losses, train_acc, val_acc) = jax.lax.scan(epoch, loop_state, full)
        else:
            loop_state, (losses, train_acc, val_acc) = jax.lax.scan(
                drawn_epoch, loop_state, its[span].reshape(num_full, ipe))
        parts.append((losses.reshape(-1), train_acc, val_acc))
    if (n - head) % ipe:  # a last, partial epoch
        start = head + num_full * ipe
        loop_state, (losses, train_acc, val_acc) = epoch(loop_state, (its[start:], rows(start, n)))
        parts.append((losses, train_acc[None], val_acc[None]))
    (params, opt_state), finite = loop_state
    losses, train_acc, val_acc = (jnp.concatenate(p) for p in zip(*parts))
    return ({"params": params, "opt_state": opt_state, "finite": finite},
            {"loss_history": losses, "train_acc_history": train_acc, "val_acc_history": val_acc})
