"""Hyperparameter sweeps: many configs trained at once with ``jax.vmap``.

Design. Configs are grouped by (hidden size, seed). A group is one call of one compiled
program, vmapped over the group's traced hyperparameters (learning rate, decay, reg, ...).
The seed decides everything random (initial params, minibatches, noise), so the configs
of a group share the initial params and every minibatch: under ``vmap`` the unbatched
minibatch X_b (B, D) meets the batched first-layer weights, stored transposed (K, H, D),
and the batching rules of ``jaxnet.products`` make each of the step's two large products
one wide 2-D product with all K configs' weights as a (K*H, D) matrix, instead of K
narrow ones. Groups of the same hidden size and size reuse the compiled program (the seed
key is traced). Each config's result equals ``train`` alone from
``init_params(init_key, ...)`` with ``key=train_key``, where
``init_key, train_key = seed_keys(seed)``.

A sweep's configs share every static option (they are one program's); the options they may
vary are the traced ones (``jaxnet.config.TRACED``), the hidden size and the seed.
"""

import collections
import functools
import numbers

import jax
import jax.numpy as jnp
import numpy as np
from tqdm.auto import tqdm

from jaxnet import checks, parallel, training
from jaxnet.config import FIELDS, TRACED, make_config
from jaxnet.model import correct_fraction, init_params


def seed_keys(seed):
    """(init_key, train_key) for a run identified by an integer seed (or by its
    ``jax.random.key(seed)``, which can be traced)."""
    key = jax.random.key(seed) if isinstance(seed, numbers.Integral) else seed
    init_key, train_key = jax.random.split(key)
    return init_key, train_key


@functools.partial(jax.jit, static_argnames=("recipe", "hidden_size", "num_classes", "std"))
def train_group(X, y, X_val, y_val, key, hp, recipe, hidden_size, num_classes, std):
    """Train K configs that share a seed key; ``hp`` holds (K,) arrays. One compiled program.

    Returns (params, history, val_acc), each with a leading axis of K: the trained params,
    the histories and the final params' accuracy on (X_val, y_val).
    """
    init_key, train_key = seed_keys(key)
    params = init_params(init_key, X.shape[1], hidden_size, num_classes, std=std, dtype=X.dtype)
    indices, noise_key = training.minibatches_and_noise(train_key, X.shape[0], recipe)

    def one(hp1):  # params and indices are shared: the batched products become wide ones
        p, history = training.run(params, X, y, X_val, y_val, indices, noise_key, hp1, recipe)
        return p, history, correct_fraction(p, X_val, y_val)

    with jax.default_matmul_precision(recipe.config.matmul_precision):
        return jax.vmap(one)(hp)


# What one sweep config may set: the model's size, the seed and any traced option.
CONFIG_KEYS = ("hidden_size", "seed") + TRACED


def _normalise(config, shared):
    """A sweep config dict with every key filled in, and its validated ``Config``."""
    unknown = set(config) - set(CONFIG_KEYS)
    if unknown:
        static = sorted(unknown & set(FIELDS))
        hint = (f"; {static} shape the program and are shared by all configs: pass them to "
                f"sweep() as keywords" if static else "")
        raise ValueError(f"unknown sweep config keys {sorted(unknown)}; allowed: {CONFIG_KEYS}"
                         + hint)
    if "hidden_size" not in config:
        raise ValueError(f"every sweep config needs a hidden_size, got {config}")
    options = make_config(shared, **{k: config[k] for k in TRACED if k in config})
    return ({"hidden_size": checks.check_positive_int(config["hidden_size"], "hidden_size"),
             "seed": checks.check_positive_int(config.get("seed", 0), "seed", allow_zero=True),
             **options.traced()}, options)


def prepare(X, y, X_val, y_val, configs, num_classes, dtype, image_shape, options, caller):
    """What ``sweep`` and ``search`` check and build first: the normalised configs
    [(config dict, Config)], the data on the device, the shared ``Recipe``, and the groups
    {(hidden_size, seed): [config index]}."""
    shared = make_config(**options)
    normalised = [_normalise(c, shared) for c in configs]
    if not normalised:
        raise ValueError(f"{caller} needs at least one config")
    checks.check_positive_int(num_classes, "num_classes")
    input_size = np.shape(X)[1] if np.ndim(X) == 2 else -1
    data = training.prepare_data(input_size, num_classes, dtype, X, y, X_val, y_val)
    recipe = training.make_recipe([c for _, c in normalised], data[0].shape[0],
                                  data[0].shape[1], image_shape, stop_on_divergence=False)
    groups = collections.defaultdict(list)
    for i, (c, _) in enumerate(normalised):
        groups[(c["hidden_size"], c["seed"])].append(i)
    return normalised, data, recipe, groups


def sweep(X, y, X_val, y_val, configs, *, num_classes=10, std=1e-4, dtype=jnp.float32,
          image_shape=None, spread=False, progress=False, **options):
    """Train every config, vmapping those that share a hidden size and seed.

    Args:
      X, y, X_val, y_val: training and validation rows and integer labels.
      configs: dicts with ``hidden_size`` and optionally ``seed`` (default 0) and any traced
        option (``jaxnet.config.TRACED``: learning_rate, reg, ...).
      num_classes: C.
      std: initial weight scale (a float or "he"), shared.
      dtype: compute dtype.
      image_shape: (height, width, channels) of each row, needed for flip and crop.
      spread: split each group's configs across all devices (``jaxnet.parallel``).
      progress: a progress bar over configs.
      **options: any field of ``jaxnet.Config``, shared by all configs (num_iters,
        batch_size, optimizer, ...); a config's own traced values override it.

    Returns:
      A list, in the order of ``configs``, of dicts: ``config`` (with defaults filled in),
      ``params`` (NumPy), ``history`` (NumPy), ``val_acc`` (the final params' accuracy on
      the validation set) and ``diverged`` (a non-finite loss was seen).
    """
    normalised, (X, y, X_val, y_val), recipe, groups = prepare(
        X, y, X_val, y_val, configs, num_classes, dtype, image_shape, options, "sweep")

    spread = spread and jax.device_count() > 1
    data = (X, y, X_val, y_val)
    if spread:  # once for all groups: the data set is the large transfer
        data = parallel.replicate(data, parallel.CONFIG_AXIS)

    results = [None] * len(normalised)
    with tqdm(total=len(normalised), unit="config", desc="sweep", disable=not progress) as bar:
        for (hidden_size, seed), members in groups.items():
            hp = training.traced_values([normalised[i][1] for i in members], X.dtype)
            if spread:
                pad = -len(members) % jax.device_count()
                hp = parallel.split_configs({k: jnp.concatenate([v, jnp.repeat(v[-1:], pad)])
                                             for k, v in hp.items()})
            params, history, val_acc = train_group(*data, jax.random.key(seed), hp, recipe, hidden_size,
                                                   num_classes, std)
            params, val_acc = jax.device_get((params, val_acc))
            history = training.history_to_numpy(history)
            for j, i in enumerate(members):
                h = {k: v[j] for k, v in history.items()}
                results[i] = {
                    "config": normalised[i][0],
                    "params": {k: v[j] for k, v in params.items()},
                    "history": h,
                    "val_acc": float(val_acc[j]),
                    "diverged": training.first_nonfinite(h) is not None,
                }
            bar.update(len(members))
    return results
