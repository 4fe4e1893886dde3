"""Training on the host side: a run begun, advanced in pieces, and ``train`` as both at once.

    state = jaxnet.begin(params, key, config)                       # iteration 0
    state = jaxnet.resume(state, X, y, X_val, y_val, iterations=a)  # a updates
    state = jaxnet.resume(state, X, y, X_val, y_val)                # the rest of the run
    params, history = jaxnet.train(params, X, y, X_val, y_val, config, key=key)  # all at once

Arguments are validated here, once per call, before anything compiles; the updates run in
``jaxnet.loop``'s compiled pieces, which ``drive`` (the one host loop of every run: train,
resume, fit, sweep, search) dispatches. Any split of a run gives the same bits as the whole
run: epoch e's minibatches come from ``fold_in(batch_key, e)`` (or the given rows), update
k's noise from ``fold_in(noise_key, k)``, the schedule's count is in the optimizer state,
and a piece that begins inside an epoch draws that epoch's rows again. A progress bar is
drawn on the host between pieces, one piece behind the device, so that no program calls
back to the host (and every program can be kept by JAX's compilation cache).

The notebook-compatible defaults reproduce ``reference.TwoLayerNet.train`` exactly: plain
SGD, per-epoch decay applied after the update at every epoch boundary (iteration 0
included), minibatches drawn with replacement.
"""

import contextlib
import dataclasses
import functools

import jax
import jax.numpy as jnp
import numpy as np

from jaxnet import checks, loop, parallel
from jaxnet.config import make_config, with_options
from jaxnet.state import HISTORY_KEYS, TrainState


class TrainingDiverged(FloatingPointError):
    """The training loss became NaN or infinite."""


def check_data(D, C, X, y, X_val, y_val):
    """Validate the data for a net of D inputs and C classes, on the host: (N, N_val)."""
    N = checks.check_inputs(X, D)
    checks.check_labels(y, N, C)
    N_val = checks.check_inputs(X_val, D, "X_val")
    checks.check_labels(y_val, N_val, C, "y_val")
    if N == 0:
        raise ValueError("X has no rows: training needs at least one example")
    return N, N_val


def to_device(dtype, X, y, X_val, y_val):
    """A ``loop.Data`` of device arrays (inputs in ``dtype``, labels int32)."""
    return loop.Data(jnp.asarray(X, dtype), jnp.asarray(y, jnp.int32),
                     jnp.asarray(X_val, dtype), jnp.asarray(y_val, jnp.int32))


def check_diverged(history, learning_rate, first_iteration=0):
    """Raise ``TrainingDiverged`` naming the first iteration whose loss is not finite."""
    bad = ~np.isfinite(history["loss_history"])
    if bad.any():
        it = int(np.argmax(bad))
        raise TrainingDiverged(
            f"training diverged: the loss became {history['loss_history'][it]} at iteration "
            f"{first_iteration + it} (learning rate {learning_rate:g}); try a smaller learning rate")


def begin(params, key=None, config=None, *, batch_indices=None, **options):
    """A run from ``params`` before any update: minibatches and noise from ``key``, or the
    given ``batch_indices`` (num_iters, batch_size) ints (noise then from ``key`` if given)."""
    checks.check_params(params)
    config = make_config(config, **options)
    if key is None and batch_indices is None:
        raise ValueError("pass key= (a jax.random key) or batch_indices= to choose minibatches")
    given = None
    if batch_indices is not None:
        given = (np.asarray(batch_indices), key if key is not None else jax.random.key(0))
    empty = {k: np.zeros((0,)) for k in HISTORY_KEYS}
    return TrainState(config=config, key=key, history=empty, init_params=params, given=given)


def resume(state, X, y, X_val, y_val, *, iterations=None, image_shape=None, progress=False,
           data_parallel=False):
    """``state`` advanced by ``iterations`` updates (default: to the end of its run); a new
    ``TrainState``. The data must be the run's throughout (same shapes and dtype).

    ``progress``: a tqdm bar (True) or a callable ``sink(iteration, loss)``, updated after
    every epoch. ``data_parallel``: split each minibatch across all devices.
    Raises ``TrainingDiverged`` once a loss is not finite.
    """
    remaining = state.config.num_iters - state.iteration
    n = remaining if iterations is None else checks.check_positive_int(iterations, "iterations")
    state, data, plan, hp = prepare(state, X, y, X_val, y_val, image_shape=image_shape,
                                    data_parallel=data_parallel)
    with shown(progress, state.config.num_iters, state.iteration) as show:
        return advance(state, data, plan, hp, min(n, remaining), show)


def prepare(state, X, y, X_val, y_val, *, image_shape=None, data_parallel=False):
    """Check the data against the run and put it on the device: (state with its program
    and minibatches, ``loop.Data``, ``loop.Plan``, traced options) for ``advance``."""
    D, H, C = state.sizes
    dtype = state.dtype
    checks.check_history_fits(state.config.num_iters)
    N, N_val = check_data(D, C, X, y, X_val, y_val)
    signature = (N, D, dtype.name, None if image_shape is None else tuple(image_shape))
    if state.data is not None and state.data != signature:
        raise ValueError(f"this run trains on {_describe_data(state.data)}; got "
                         f"{_describe_data(signature)}")
    sharding = parallel.batch_sharding(state.config.batch_size) if data_parallel else None
    plan = loop.make_plan([state.config], N, D, image_shape, batch_sharding=sharding,
                          given_rows=state.given is not None)
    checks.check_run_fits(plan, D, H, dtype, N, num_eval=N_val, num_classes=C)
    data = to_device(dtype, X, y, X_val, y_val)
    hp = loop.traced_values(state.config, dtype)
    state = dataclasses.replace(state, data=signature)
    if state.program is None:
        state = dataclasses.replace(state, init_params=None, program=loop.init_state(
            jax.tree.map(jnp.asarray, state.init_params), hp, plan))
    if state.minibatches is None:
        state = dataclasses.replace(state, minibatches=_minibatches(state, data.X.shape[0], plan))
    if data_parallel:
        data, state = parallel.replicate(data), dataclasses.replace(
            state, program=parallel.replicate(state.program))
    return state, data, plan, hp


def _minibatches(state, num_train, plan):
    """(batch key, noise key) split from the run's key, or (the given rows, noise key)."""
    if state.given is None:
        batch_key, noise_key = jax.random.split(state.key)
        return batch_key, noise_key
    rows, noise_key = state.given
    c = state.config
    rows = checks.check_batch_indices(rows, c.num_iters, c.batch_size, num_train)
    return jnp.asarray(rows, jnp.int32), noise_key


def advance(state, data, plan, hp, n, show=None, every=None, on_piece=None):
    """``n`` updates of a prepared run (``prepare``), through ``drive``: ``show(iteration,
    loss)`` after every epoch; ``on_piece(state)`` every ``every`` updates and at the end.
    Returns the new ``TrainState``; raises ``TrainingDiverged`` once a loss is not finite."""
    run = functools.partial(loop.piece, data=data, minibatches=state.minibatches, hp=hp,
                            plan=plan)

    def updated(program, iteration, history):
        history = {k: np.concatenate([state.history[k], history[k]]) for k in HISTORY_KEYS}
        return dataclasses.replace(state, program=program, iteration=iteration, history=history)

    def keep(program, iteration, history):
        state = updated(program, iteration, history)
        check_diverged(state.history, state.config.learning_rate)
        on_piece(state)
    show = None if show is None else functools.partial(_show_loss, show)
    program, history, iteration = drive(
        run, state.program, state.iteration, n, plan.iterations_per_epoch,
        loop.piece_length(plan), show=show, every=every, keep=None if on_piece is None else keep)
    state = updated(program, iteration, history)
    check_diverged(state.history, state.config.learning_rate)
    return state


def _show_loss(show, iteration, history):
    """``show`` a finished piece's last loss at ``iteration``; False if the run diverged."""
    losses = history["loss_history"]
    show(iteration, float(losses[-1]))
    return bool(np.isfinite(losses).all())


def drive(run, program, start, n, iterations_per_epoch, length, *, show=None, every=None,
          keep=None):
    """The host's piece loop, for a run and for a group of runs: ``n`` updates of
    ``program`` from iteration ``start``, as pieces ``run(program, start=a, stop=b,
    length=length) -> (program, history)``, each a compiled scan of ``length`` iterations
    that runs updates a .. b-1 (a and b as int32 scalars; b - a <= length).

    Pieces also end at epoch boundaries when ``show`` draws progress, and every ``every``
    updates, after which ``keep(program, b, history so far)`` is called (e.g. to save the
    run). A piece is shown, ``show(b, history)``, once the next one is dispatched, so that
    the host never holds the device back; ``show`` returning False (the run diverged) stops.

    Returns (program, history, iteration reached): the history as NumPy float64 arrays
    along the updates (their last axis), accuracies at epoch boundaries only.
    """
    ipe = iterations_per_epoch
    bounds = piece_bounds(start, n, ipe, length, per_epoch=show is not None, every=every)
    records, pending = [], None  # NumPy histories; the last piece's, not yet fetched
    for a, b in bounds:
        out = run(program, start=jnp.int32(a), stop=jnp.int32(b), length=length)
        if pending is not None:  # the piece before this one: fetched and shown now
            records.append(_record(*pending, ipe))
            pending = None
            if show is not None and show(a, records[-1]) is False:
                break  # diverged: the rest is not worth running
        program, history = out
        pending = (a, b, history)
        if keep is not None and (b == start + n or (every and (b - start) % every == 0)):
            records.append(_record(*pending, ipe))
            pending = None
            if show is not None and show(b, records[-1]) is False:
                break
            keep(program, b, _joined(records))
    if pending is not None:
        records.append(_record(*pending, ipe))
        if show is not None:
            show(pending[1], records[-1])
    done = start + sum(r["loss_history"].shape[-1] for r in records)
    return program, _joined(records), done


def piece_bounds(start, n, iterations_per_epoch, length, *, per_epoch=False, every=None):
    """The (a, b) of the pieces of ``n`` updates from ``start``: at most ``length`` each,
    ending at every epoch boundary (``per_epoch``) and every ``every`` updates from
    ``start`` too."""
    bounds, a, stop = [], start, start + n
    while a < stop:
        b = min(stop, a + length)
        if per_epoch:
            b = min(b, (a // iterations_per_epoch + 1) * iterations_per_epoch)
        if every:
            b = min(b, start + ((a - start) // every + 1) * every)
        bounds.append((a, b))
        a = b
    return bounds


def _record(a, b, history, iterations_per_epoch):
    """A piece's history for updates a .. b-1 as NumPy float64 (waits for it): the losses,
    and the accuracies at the epoch boundaries among them."""
    history = {k: np.asarray(v, dtype=np.float64)[..., : b - a]
               for k, v in jax.device_get(parallel.local(history)).items()}
    boundary = np.arange(a, b) % iterations_per_epoch == 0
    for k in ("train_acc_history", "val_acc_history"):
        history[k] = history[k][..., boundary]
    return history


def _joined(records):
    """Histories one after another along the updates (their last axis)."""
    if not records:
        return {k: np.zeros((0,)) for k in HISTORY_KEYS}
    return {k: np.concatenate([r[k] for r in records], axis=-1) for k in HISTORY_KEYS}


@contextlib.contextmanager
def shown(progress, total, initial=0):
    """A ``show(iteration, loss)`` for ``progress``: a tqdm bar over ``total`` updates
    (True), the callable itself, or None."""
    if not progress or callable(progress):
        yield progress or None
        return
    from tqdm.auto import tqdm
    with tqdm(total=total, initial=initial, unit="it", desc="train", leave=False) as bar:
        def show(done, loss):
            bar.update(done - bar.n)
            bar.set_postfix(loss=f"{loss:.4f}")
        yield show


def _describe_data(data):
    num_train, input_size, dtype, image_shape = data
    images = f", images {image_shape}" if image_shape else ""
    return f"{num_train} training rows of {input_size} inputs ({dtype}{images})"


@with_options
def train(params, X, y, X_val, y_val, config=None, *, key=None, batch_indices=None,
          image_shape=None, data_parallel=False, progress=False, **options):
    """Minibatch training, ``begin`` and one ``resume``; the notebook's SGD by default.

    Args:
      params: the initial params dict (its dtype is the compute dtype).
      X, y: training inputs (N, D) and integer labels (N,).
      X_val, y_val: validation inputs and labels, scored at every epoch boundary.
      config: a ``jaxnet.Config``; keyword options override its fields.
      key: a ``jax.random`` key for the minibatches (and dropout/augmentation noise).
      batch_indices: alternatively, explicit minibatch rows, (num_iters, batch_size) ints.
      image_shape: (height, width, channels) of each row, needed for flip and crop.
      data_parallel: split each minibatch across all devices (see ``jaxnet.parallel``).
      progress: a progress bar (True) or a callable ``sink(iteration, loss)``, updated
        after every epoch (the run is then compiled as one-epoch pieces).
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
    state = begin(params, key, config, batch_indices=batch_indices, **options)
    state = resume(state, X, y, X_val, y_val, image_shape=image_shape, progress=progress,
                   data_parallel=data_parallel)
    return parallel.local(state.program["params"]), state.history
