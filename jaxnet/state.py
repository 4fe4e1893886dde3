"""A run part-way (``TrainState``), and its file: saved and loaded, refused when it does
not fit.

A state saved with ``save_state`` is an .npz of arrays (no pickles) plus a JSON header:
the params and optimizer state in the public layout (W1 as (D, H)), the histories, the
run's key and config. ``load_state`` refuses a file of another format version, and
``check_matches`` a state of another config or program options, naming the mismatch.
"""

import dataclasses
import json

import jax
import jax.numpy as jnp
import numpy as np

from jaxnet import artifacts, checks, loop
from jaxnet.config import FIELDS, Config

# The saved state's layout; a change makes older files refused, not misread. Format 1
# (jaxnet 0.1) kept W1 transposed on CPUs.
FORMAT = 2
HISTORY_KEYS = ("loss_history", "train_acc_history", "val_acc_history")


@dataclasses.dataclass(frozen=True)
class TrainState:
    """A run part-way (a new one for each step: the fields are not changed in place).

    Fields:
      config: the run's ``Config`` (``num_iters`` is the whole run's length).
      key: the run's ``jax.random`` key (None when the minibatches were given).
      iteration: updates done so far.
      program: ``{"params", "opt_state", "finite"}`` (public layout; "finite": every
        epoch so far ended with a finite loss); None before the first update.
      history: the histories so far (NumPy, the keys of ``train``'s).
      init_params: the params the run starts from (until the first update).
      data: (num_train, input_size, dtype name, image_shape) of the data it trains on.
      minibatches: (batch key, noise key) split from the key, or (the given rows, noise
        key): where the program draws each epoch's minibatches (not saved).
      given: (rows, noise key) when ``begin`` was given the minibatches.
    """

    config: Config
    key: jax.Array = None
    iteration: int = 0
    program: dict = None
    history: dict = None
    init_params: dict = None
    data: tuple = None
    minibatches: tuple = None
    given: tuple = None

    @property
    def done(self):
        return self.iteration >= self.config.num_iters

    @property
    def params(self):
        """The params dict {'W1', 'b1', 'W2', 'b2'} as NumPy arrays."""
        return jax.device_get(self.init_params if self.program is None else self.program["params"])

    @property
    def sizes(self):
        """(D, H, C) of the net."""
        p = self.init_params if self.program is None else self.program["params"]
        (D, H), C = np.shape(p["W1"]), np.shape(p["W2"])[1]
        return D, H, C

    @property
    def dtype(self):
        """The compute dtype: the initial W1's, as JAX holds it."""
        p = self.init_params if self.program is None else self.program["params"]
        W1 = p["W1"]
        return jax.dtypes.canonicalize_dtype(W1.dtype if hasattr(W1, "dtype") else np.asarray(W1).dtype)


def save_state(path, state, extra=None):
    """Write ``state`` (after at least one ``resume``) as an .npz, atomically; ``extra`` is
    JSON-able information stored with it (the programs keep their own options there)."""
    if state.program is None:
        raise ValueError("save_state needs a state that has trained (call resume first)")
    if state.given is not None:
        raise ValueError("save_state needs a run whose minibatches come from its key, not "
                         "batch_indices")
    leaves = jax.tree.leaves(jax.device_get(state.program))
    header = {"format": FORMAT, "config": dataclasses.asdict(state.config),
              "sizes": list(state.sizes), "iteration": state.iteration, "data": list(state.data),
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
        fmt = header.get("format")
    except (KeyError, ValueError, AttributeError):
        raise ValueError(f"{path}: not a jaxnet training state") from None
    if fmt != FORMAT:
        raise ValueError(f"{path}: a training state of format {fmt}, written by another "
                         f"version of jaxnet; this one reads format {FORMAT} (start the run "
                         f"again)")
    try:
        return _from_header(header, arrays)
    except (KeyError, TypeError, ValueError) as err:
        raise ValueError(f"{path}: not a usable jaxnet training state ({err})") from None


def _from_header(header, arrays):
    unknown = set(header["config"]) - set(FIELDS)
    if unknown:
        raise ValueError(f"the state's config has options this jaxnet lacks: {sorted(unknown)}")
    config = Config(**header["config"])
    num_train, input_size, dtype, image_shape = header["data"]
    data = (num_train, input_size, dtype, None if image_shape is None else tuple(image_shape))
    key = jax.random.wrap_key_data(arrays.pop("key"), impl=header["key_impl"])
    history = {k: arrays.pop(f"history_{k}") for k in HISTORY_KEYS}
    leaves = [arrays[f"program_{i}"] for i in range(len(arrays))]
    # The program state's structure, from the config (its leaves' shapes are checked).
    plan = loop.make_plan([config], num_train, input_size, image_shape)
    D, H, C = header["sizes"]
    zeros = {"W1": jnp.zeros((D, H), dtype), "b1": jnp.zeros(H, dtype),
             "W2": jnp.zeros((H, C), dtype), "b2": jnp.zeros(C, dtype)}
    skeleton = jax.eval_shape(lambda: loop.init_state(zeros, loop.traced_values(config, dtype), plan))
    flat, treedef = jax.tree.flatten(skeleton)
    if len(flat) != len(leaves) or any(a.shape != b.shape for a, b in zip(flat, leaves)):
        raise ValueError(f"the saved program state does not fit the config (optimizer "
                         f"{config.optimizer})")
    program = jax.tree.unflatten(treedef, [jnp.asarray(a) for a in leaves])
    checks.check_params(program["params"])
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
