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
"""

import collections
import functools

import jax
import jax.numpy as jnp
import numpy as np
from tqdm.auto import tqdm

from jaxnet import checks, parallel, training
from jaxnet.model import correct_fraction, init_params


def seed_keys(seed):
    """(init_key, train_key) for a run identified by an integer seed."""
    init_key, train_key = jax.random.split(jax.random.key(seed))
    return init_key, train_key


@functools.partial(jax.jit, static_argnames=("recipe", "hidden_size", "num_classes", "std"))
def train_group(X, y, X_val, y_val, key, hp, recipe, hidden_size, num_classes, std):
    """Train K configs that share a seed key; ``hp`` holds (K,) arrays. One compiled program.

    Returns (params, history, val_acc), each with a leading axis of K: the trained params,
    the histories and the final params' accuracy on (X_val, y_val).
    """
    init_key, train_key = jax.random.split(key)  # as seed_keys does
    params = init_params(init_key, X.shape[1], hidden_size, num_classes, std=std, dtype=X.dtype)
    indices, noise_key = training.minibatches_and_noise(train_key, X.shape[0], recipe)

    def one(hp1):  # params and indices are shared: the batched products become wide ones
        p, history = training.run(params, X, y, X_val, y_val, indices, noise_key, hp1, recipe)
        return p, history, correct_fraction(p, X_val, y_val)

    return jax.vmap(one)(hp)


CONFIG_KEYS = ("hidden_size", "seed") + training.TRACED


def stack_hyperparams(configs, dtype):
    """The traced hyperparameters of K normalised configs as (K,) arrays, ``train_group``'s hp."""
    return {k: jnp.asarray([c[k] for c in configs], dtype) for k in training.TRACED}


def _normalise(config):
    unknown = set(config) - set(CONFIG_KEYS)
    if unknown:
        raise ValueError(f"unknown sweep config keys {sorted(unknown)}; allowed: {CONFIG_KEYS}")
    if "hidden_size" not in config:
        raise ValueError(f"every sweep config needs a hidden_size, got {config}")
    hp = training.hyperparams(**{k: config[k] for k in training.TRACED if k in config})
    return {"hidden_size": checks.check_positive_int(config["hidden_size"], "hidden_size"),
            "seed": checks.check_positive_int(config.get("seed", 0), "seed", allow_zero=True),
            **hp}


def sweep(X, y, X_val, y_val, configs, *, num_iters, batch_size, num_classes=10, std=1e-4,
          dtype=jnp.float32, spread=False, progress=False, **options):
    """Train every config, vmapping those that share a hidden size and seed.

    Args:
      X, y, X_val, y_val: training and validation rows and integer labels.
      configs: dicts with ``hidden_size`` and optionally ``seed`` (default 0) and any of
        learning_rate, learning_rate_decay, reg, momentum, weight_decay, dropout,
        label_smoothing, mixup (defaults as in ``train``).
      num_iters, batch_size: shared by all configs.
      num_classes: C.
      std: initial weight scale (a float or "he"), shared.
      dtype: compute dtype.
      spread: split each group's configs across all devices (``jaxnet.parallel``).
      progress: a progress bar over configs.
      **options: static options of ``train`` shared by all configs (optimizer, schedule,
        warmup_epochs, step_epochs, sampling, flip, crop, image_shape).

    Returns:
      A list, in the order of ``configs``, of dicts: ``config`` (with defaults filled in),
      ``params`` (NumPy), ``history`` (NumPy), ``val_acc`` (the final params' accuracy on
      the validation set) and ``diverged`` (a non-finite loss was seen).
    """
    configs = [_normalise(c) for c in configs]
    if not configs:
        raise ValueError("sweep needs at least one config")
    checks.check_positive_int(num_classes, "num_classes")
    input_size = np.shape(X)[1] if np.ndim(X) == 2 else -1
    X, y, X_val, y_val = training.prepare_data(input_size, num_classes, dtype, X, y, X_val, y_val)
    recipe = training.make_recipe(
        X.shape[0], X.shape[1], num_iters=num_iters, batch_size=batch_size,
        weight_decay=any(c["weight_decay"] > 0 for c in configs),
        dropout=any(c["dropout"] > 0 for c in configs), mixup=any(c["mixup"] > 0 for c in configs),
        stop_on_divergence=False, **options)
    groups = collections.defaultdict(list)
    for i, c in enumerate(configs):
        groups[(c["hidden_size"], c["seed"])].append(i)

    spread = spread and jax.device_count() > 1
    data = (X, y, X_val, y_val)
    if spread:  # once for all groups: the data set is the large transfer
        data = parallel.replicate(data, parallel.CONFIG_AXIS)

    results = [None] * len(configs)
    with tqdm(total=len(configs), unit="config", desc="sweep", disable=not progress) as bar:
        for (hidden_size, seed), members in groups.items():
            hp = stack_hyperparams([configs[i] for i in members], X.dtype)
            if spread:
                pad = -len(members) % jax.device_count()
                hp = parallel.split_configs({k: jnp.concatenate([v, jnp.repeat(v[-1:], pad)])
                                             for k, v in hp.items()})
            # train_group splits the seed's key exactly as seed_keys does.
            params, history, val_acc = train_group(*data, jax.random.key(seed), hp, recipe,
                                                   hidden_size, num_classes, std)
            params, history, val_acc = jax.device_get((params, history, val_acc))
            for j, i in enumerate(members):
                h = {k: np.asarray(v[j], np.float64) for k, v in history.items()}
                results[i] = {
                    "config": configs[i],
                    "params": {k: v[j] for k, v in params.items()},
                    "history": h,
                    "val_acc": float(val_acc[j]),
                    "diverged": bool(not np.all(np.isfinite(h["loss_history"]))),
                }
            bar.update(len(members))
    return results
