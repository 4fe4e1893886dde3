"""Resumable training: a run's state, continued bit for bit, saved and loaded.

    state = jaxnet.begin(params, key, config)                       # iteration 0
    state = jaxnet.resume(state, X, y, X_val, y_val, iterations=a)  # a updates
    state = jaxnet.resume(state, X, y, X_val, y_val)                # the rest of the run
    state.params, state.history                                     # as ``train`` returns

Training ``a`` iterations and then the rest from the returned state gives the same bits
as ``train`` over the whole run with the same key: the minibatches are the whole run's,
step k's noise is ``fold_in(noise_key, k)``, the schedule's count is in the optimizer
state, and an epoch begun in one call is finished in the next without an accuracy record.

A state saved with ``save_state`` is an .npz of arrays (no pickles) plus a JSON header;
``load_state`` refuses one of another format version and ``check_matches`` one of
another config, shape or dtype, naming the mismatch.
"""

import dataclasses
import json

import jax
import jax.numpy as jnp
import numpy as np

from jaxnet import artifacts, checks, training
from jaxnet.config import FIELDS, Config, make_config

FORMAT = 1  # the saved state's layout; a change makes older files refused, not misread
HISTORY_KEYS = ("loss_history", "train_acc_history", "val_acc_history")


@dataclasses.dataclass(frozen=True)
class TrainState:
    """A run part-way (a new one for each step: the fields are not changed in place).

    Fields:
      config: the run's ``Config`` (``num_iters`` is the whole run's length).
      key: the run's ``jax.random`` key.
      iteration: updates done so far.
      program: the compiled program's state (params in its layout, optimizer state, and
        whether every epoch so far ended finite); None before the first update.
      history: the histories so far (NumPy, the keys of ``train``'s).
      init_params: the params the run started from (until the first update).
      data: (num_train, input_size, dtype name, image_shape) of the data it trains on.
      minibatches: the whole run's minibatch rows and noise key, drawn once (not saved).
      checked: the data arrays last validated, and their device copies (not saved).
    """

    config: Config
    key: jax.Array
    iteration: int = 0
    program: dict = None
    history: dict = None
    init_params: dict = None
    data: tuple = None
    minibatches: tuple = None
    checked: tuple = None

    @property
    def done(self):
        return self.iteration >= self.config.num_iters

    @property
    def params(self):
        """The params dict {'W1', 'b1', 'W2', 'b2'} as NumPy arrays."""
        if self.program is None:
            return jax.device_get(self.init_params)
        return jax.device_get(training.from_layout(self.program["params"]))


def begin(params, key, config=None, **options):
    """A run from ``params`` with minibatches and noise from ``key``, before any update."""
    checks.check_params(params)
    if key is None:
        raise ValueError("begin needs key= (a jax.random key): it draws the minibatches")
    empty = {k: np.zeros((0,)) for k in HISTORY_KEYS}
    return TrainState(config=make_config(config, **options), key=key, history=empty,
                      init_params=params)


def resume(state, X, y, X_val, y_val, *, iterations=None, image_shape=None, progress=False):
    """``state`` advanced by ``iterations`` updates (default: to the end of its run), as one
    compiled program; a new ``TrainState``.

    The data must be the run's throughout (same shapes and dtype); raises
    ``TrainingDiverged`` like ``train`` once a loss is not finite.
    """
    config = state.config
    remaining = config.num_iters - state.iteration
    n = remaining if iterations is None else checks.check_positive_int(iterations, "iterations")
    n = min(n, remaining)
    params = state.init_params if state.program is None else training.from_layout(state.program["params"])
    D, _, C = checks.check_params(params)
    dtype = jnp.asarray(params["W1"]).dtype
    given = (X, y, X_val, y_val)
    if state.checked is not None and all(a is b for a, b in zip(given, state.checked[0])):
        X, y, X_val, y_val = state.checked[1]  # validated by the call before: the same arrays
    else:
        X, y, X_val, y_val = training.prepare_data(D, C, dtype, X, y, X_val, y_val)
    data = (X.shape[0], X.shape[1], jnp.dtype(dtype).name,
            None if image_shape is None else tuple(image_shape))
    if state.data is not None and state.data != data:
        raise ValueError(f"this run trains on {_describe_data(state.data)}; got "
                         f"{_describe_data(data)}")
    recipe = training.make_recipe([config], X.shape[0], X.shape[1], image_shape,
                                  progress=bool(progress))
    hp = training.traced_values(config, X.dtype)
    program = state.program
    if program is None:
        program = training.start_state(params, hp, recipe)
    minibatches = state.minibatches
    if minibatches is None:
        minibatches = training.draw_minibatches(state.key, X.shape[0], recipe)
    kept = dict(program=program, data=data, init_params=None, minibatches=minibatches,
                checked=(given, (X, y, X_val, y_val)))
    if n == 0:
        return dataclasses.replace(state, **kept)
    ipe = recipe.iterations_per_epoch
    head = min(-state.iteration % ipe, n)  # the rest of an epoch begun earlier
    with training.progress_bar(progress, n) as progress_id:
        program, history = training.advance_chunk(
            program, X, y, X_val, y_val, *minibatches, jnp.int32(state.iteration), hp, recipe,
            length=n, head=head, progress_id=progress_id)
        history = training.history_to_numpy(history)
    history = {k: np.concatenate([state.history[k], history[k]]) for k in HISTORY_KEYS}
    training.check_diverged(history, config.learning_rate)
    return dataclasses.replace(state, **dict(kept, program=program), iteration=state.iteration + n,
                               history=history)


def _describe_data(data):
    num_train, input_size, dtype, image_shape = data
    images = f", images {image_shape}" if image_shape else ""
    return f"{num_train} training rows of {input_size} inputs ({dtype}{images})"


# ---------------------------------------------------------------------------- files


def save_state(path, state, extra=None):
    """Write ``state`` (after at least one ``resume``) as an .npz, atomically; ``extra`` is
    JSON-able information stored with it (the programs keep their own options there)."""
    if state.program is None:
        raise ValueError("save_state needs a state that has trained (call resume first)")
    leaves, _ = jax.tree.flatten(jax.device_get(state.program))
    sizes = checks.check_params(training.from_layout(state.program["params"]))
    header = {"format": FORMAT, "config": dataclasses.asdict(state.config), "sizes": sizes,
              "iteration": state.iteration, "data": list(state.data),
              "key_impl": str(jax.random.key_impl(state.key)), "extra": extra or {}}
    arrays = {f"program_{i}": leaf for i, leaf in enumerate(leaves)}
    arrays.update({f"history_{k}": v for k, v in state.history.items()})
    arrays["key"] = np.asarray(jax.random.key_data(state.key))
    arrays["header"] = np.array(json.dumps(header))
    artifacts.save_arrays(path, arrays)


def load_state(path):
    """A state written by ``save_state``: (TrainState, extra). Refuses another format."""
    arrays = artifacts.load_arrays(path)
    try:
        header = json.loads(str(arrays.pop("header")))
    except (KeyError, ValueError):
        raise ValueError(f"{path}: not a jaxnet training state") from None
    if header.get("format") != FORMAT:
        raise ValueError(f"{path}: a training state of format {header.get('format')}; this "
                         f"jaxnet reads format {FORMAT}")
    unknown = set(header["config"]) - set(FIELDS)
    if unknown:
        raise ValueError(f"{path}: the state's config has options this jaxnet lacks: "
                         f"{sorted(unknown)}")
    config = Config(**header["config"])
    num_train, input_size, dtype, image_shape = header["data"]
    data = (num_train, input_size, dtype, None if image_shape is None else tuple(image_shape))
    key = jax.random.wrap_key_data(arrays.pop("key"), impl=header["key_impl"])
    history = {k: arrays.pop(f"history_{k}") for k in HISTORY_KEYS}
    leaves = [arrays[f"program_{i}"] for i in range(len(arrays))]
    # The program state's structure, from the config (its leaves' shapes are checked).
    recipe = training.make_recipe([config], num_train, input_size, image_shape)
    D, H, C = header["sizes"]
    zeros = {"W1": jnp.zeros((D, H), dtype), "b1": jnp.zeros(H, dtype),
             "W2": jnp.zeros((H, C), dtype), "b2": jnp.zeros(C, dtype)}
    skeleton = jax.eval_shape(lambda: training.init_state(
        zeros, training.traced_values(config, dtype), recipe))
    flat, treedef = jax.tree.flatten(skeleton)
    if len(flat) != len(leaves) or any(a.shape != b.shape for a, b in zip(flat, leaves)):
        raise ValueError(f"{path}: the saved program state does not fit the config "
                         f"(optimizer {config.optimizer}, products {recipe.layout})")
    program = jax.tree.unflatten(treedef, [jnp.asarray(a) for a in leaves])
    state = TrainState(config=config, key=key, iteration=header["iteration"], program=program,
                       history=history, data=data)
    return state, header["extra"]


def check_matches(state, config, extra=None, saved_extra=None):
    """Refuse to continue ``state`` under another config (or other program options in
    ``extra``), naming the first mismatch."""
    for name in FIELDS:
        a, b = getattr(state.config, name), getattr(config, name)
        if a != b:
            raise ValueError(f"the saved run has {name}={a!r}, this one {name}={b!r}; "
                             f"resume with the run's own options")
    for name, value in (extra or {}).items():
        saved = (saved_extra or {}).get(name)
        if saved != value:
            raise ValueError(f"the saved run has {name}={saved!r}, this one {name}={value!r}; "
                             f"resume with the run's own options")
