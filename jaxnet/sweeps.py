"""Many configs at once: sweeps and successive halving, as vmapped groups of runs.

Configs are grouped by (hidden size, seed). The seed decides everything random (initial
params, minibatches, noise), so a group's configs share their initial params and every
minibatch, and one compiled program (``jaxnet.loop.group_piece``) advances them all,
vmapped over their traced options: under ``vmap`` the shared minibatch meets the stacked
first-layer weights, and ``jaxnet.layout`` makes each large product one wide one.
Groups of the same shapes reuse the program.

``search`` is successive halving (Jamieson & Talwalkar 2016; Li et al. 2018): every config
trains to a first rung, the best 1/eta by validation accuracy continue from their states to
the next, and so on to the full budget; survivors are regrouped by hidden size and seed.
``sweep`` is the same loop with a single rung. Each config's run is the one ``train`` gives
it from ``init_params(init_key, ...)`` with ``key=train_key``, where
``init_key, train_key = seed_keys(seed)`` (within rounding: the wide products may round
differently from a single run's); the rungs cut it into pieces, they do not change it.
"""

import collections
import functools
import math
import numbers

import jax
import jax.numpy as jnp
import numpy as np
from tqdm.auto import tqdm

from jaxnet import checks, loop, model, parallel, training
from jaxnet.config import FIELDS, TRACED, make_config
from jaxnet.state import HISTORY_KEYS

# What one config of a group may set: the model's size, the seed and any traced option.
CONFIG_KEYS = ("hidden_size", "seed") + TRACED


def seed_keys(seed):
    """(init_key, train_key) for a run identified by an integer seed in [0, 2**32) (or its
    key): without jax_enable_x64, ``jax.random.key`` would fold a larger seed to 32 bits."""
    if isinstance(seed, numbers.Integral):
        if not 0 <= seed < checks.SEED_LIMIT:
            raise ValueError(f"seed must be in [0, {checks.SEED_LIMIT - 1}], got {seed}")
        seed = int(seed)
    key = jax.random.key(seed) if isinstance(seed, numbers.Integral) else seed
    init_key, train_key = jax.random.split(key)
    return init_key, train_key


def rungs(num_configs, num_iters, eta=3, min_iters=1):
    """The iteration counts at which configs are compared: the full budget and each
    1/eta of the one after, while at least two configs are compared and a rung has at
    least ``min_iters`` updates. E.g. 24 configs, 5000 iterations, eta 3: [555, 1666, 5000]."""
    if eta < 2:
        raise ValueError(f"eta must be >= 2, got {eta}")
    count = 1
    while num_configs > eta ** count and int(num_iters / eta ** count) >= min_iters:
        count += 1
    # num_iters / eta**j rounded down, as by hand: 21 / 2.1 is 10 (21 // 2.1 is 9.0)
    return [int(num_iters / eta ** (count - 1 - k)) for k in range(count)]


def _normalise(config, shared):
    """A config dict with every key filled in, and its validated ``Config``."""
    unknown = set(config) - set(CONFIG_KEYS)
    if unknown:
        static = sorted(unknown & set(FIELDS))
        hint = (f"; {static} shape the program and are shared by all configs: pass them as "
                f"keywords" if static else "")
        raise ValueError(f"unknown config keys {sorted(unknown)}; allowed: {CONFIG_KEYS}" + hint)
    if "hidden_size" not in config:
        raise ValueError(f"every config needs a hidden_size, got {config}")
    options = make_config(shared, **{k: config[k] for k in TRACED if k in config})
    return ({"hidden_size": checks.check_positive_int(config["hidden_size"], "hidden_size"),
             "seed": checks.check_positive_int(config.get("seed", 0), "seed", allow_zero=True),
             **options.traced()}, options)


def sweep(X, y, X_val, y_val, configs, *, num_classes=10, std=1e-4, dtype=jnp.float32,
          image_shape=None, spread=False, progress=False, **options):
    """Train every config to the end: ``search`` with a single rung.

    Args:
      X, y, X_val, y_val: training and validation rows and integer labels.
      configs: dicts with ``hidden_size`` and optionally ``seed`` (default 0) and any traced
        option (``jaxnet.config.TRACED``: learning_rate, reg, ...).
      num_classes: C.
      std: initial weight scale (a float or "he"), shared.
      dtype: compute dtype.
      image_shape: (height, width, channels) of each row, needed for flip and crop.
      spread: split each group's configs across all devices (``jaxnet.parallel``).
      progress: a progress bar over the configs' iterations.
      **options: any field of ``jaxnet.Config``, shared by all configs (num_iters,
        batch_size, optimizer, ...); a config's own traced values override it.

    Returns:
      ``search``'s list of results, every config trained to the end.
    """
    return search(X, y, X_val, y_val, configs, eta=None, num_classes=num_classes, std=std,
                  dtype=dtype, image_shape=image_shape, spread=spread, progress=progress,
                  **options)


def search(X, y, X_val, y_val, configs, *, eta=3, min_iters=1, num_classes=10, std=1e-4,
           dtype=jnp.float32, image_shape=None, spread=False, progress=False, **options):
    """Successive halving over ``configs`` (as ``sweep`` takes them) with the shared
    ``options`` (``num_iters`` is the full budget); ``eta=None``: a sweep.

    Returns a list, in the order of ``configs``, of dicts: ``config`` (defaults filled in),
    ``iterations`` (how many it trained), ``rung_val_acc`` (its val accuracy at each rung
    it reached), ``stopped_at_rung`` (None if it trained the full budget), ``diverged`` (a
    non-finite loss was seen), ``history`` (NumPy); and for the configs that trained the
    full budget, ``params`` (NumPy) and ``val_acc``.
    """
    shared = make_config(**options)
    normalised = [_normalise(c, shared) for c in configs]
    if not normalised:
        raise ValueError("a sweep or search needs at least one config")
    checks.check_positive_int(num_classes, "num_classes")
    checks.check_history_fits(shared.num_iters, len(normalised))
    D = np.shape(X)[1] if np.ndim(X) == 2 else -1
    N, N_val = training.check_data(D, num_classes, X, y, X_val, y_val)
    plan = loop.make_plan([c for _, c in normalised], N, D, image_shape, stop_on_divergence=False)
    groups = collections.defaultdict(list)
    for i, (c, _) in enumerate(normalised):
        groups[(c["hidden_size"], c["seed"])].append(i)
    for (hidden, _), members in groups.items():
        checks.check_run_fits(plan, D, hidden, dtype, N, num_eval=N_val, runs=len(members),
                              num_classes=num_classes)
    data = training.to_device(dtype, X, y, X_val, y_val)
    budget = [shared.num_iters] if eta is None else rungs(len(normalised), shared.num_iters,
                                                          eta, min_iters)
    if spread and eta is not None:
        raise ValueError("spread splits a sweep's configs across devices; a search does not")
    spread = spread and jax.device_count() > 1
    if spread:  # once for all groups: the data set is the large transfer
        data = parallel.replicate(data, parallel.CONFIG_AXIS)
    results = [{"config": c, "iterations": 0, "rung_val_acc": [], "stopped_at_rung": None,
                "diverged": False, "history": {k: [] for k in HISTORY_KEYS}}
               for c, _ in normalised]
    live = {}  # (hidden, seed) -> (member indices, states, minibatches)
    for (hidden, seed), members in groups.items():
        hp = _hp(normalised, members, data.X.dtype, spread)
        init_key, train_key = seed_keys(seed)
        params = model.init_params(init_key, D, hidden, num_classes, std=std, dtype=data.X.dtype)
        states = jax.vmap(lambda hp1: loop.init_state(params, hp1, plan))(hp)
        if spread:
            states = parallel.split_configs(states)
        live[(hidden, seed)] = (members, states, tuple(jax.random.split(train_key)))
    done = 0
    with tqdm(total=_total(len(normalised), budget, eta), unit="it", unit_scale=True,
              desc="sweep" if eta is None else "search", disable=not progress) as bar:
        for rung, until in enumerate(budget):
            for key, (members, states, minibatches) in live.items():
                hp = _hp(normalised, members, data.X.dtype, spread)
                run = functools.partial(_run_group, data=data, minibatches=minibatches, hp=hp,
                                        plan=plan)
                show = functools.partial(_show_group, bar, len(members)) if progress else None
                (states, val_acc), history, _ = training.drive(
                    run, (states, None), done, until - done, plan.iterations_per_epoch,
                    loop.piece_length(plan), show=show)
                val_acc = np.asarray(val_acc)
                for j, i in enumerate(members):
                    r = results[i]
                    r["iterations"] = until
                    r["rung_val_acc"].append(float(val_acc[j]))
                    for k, v in history.items():
                        r["history"][k].append(v[j])
                    r["diverged"] |= not np.all(np.isfinite(history["loss_history"][j]))
                live[key] = (members, states, minibatches)
            done = until
            if rung < len(budget) - 1:
                live = _halve(live, results, rung, eta)
    for members, states, _ in live.values():
        params = jax.device_get(states["params"])
        for j, i in enumerate(members):
            results[i]["params"] = {k: v[j] for k, v in params.items()}
            results[i]["val_acc"] = results[i]["rung_val_acc"][-1]
    for r in results:
        r["history"] = {k: np.concatenate(v) for k, v in r["history"].items()}
    return results


def _hp(normalised, members, dtype, spread):
    """The traced options of a group's configs, (K,) arrays; with ``spread``, padded to a
    multiple of the device count (repeating the last) and split across the devices."""
    hp = loop.traced_values([normalised[i][1] for i in members], dtype)
    if not spread:
        return hp
    pad = -len(members) % jax.device_count()
    return parallel.split_configs({k: jnp.concatenate([v, jnp.repeat(v[-1:], pad)])
                                   for k, v in hp.items()})


def _run_group(program, start, stop, length, *, data, minibatches, hp, plan):
    """``training.drive``'s piece for a group: (states, val accuracy after it (K,)), history."""
    states, _ = program
    states, history, val_acc = loop.group_piece(states, data, minibatches, start, stop, hp,
                                                plan=plan, length=length)
    return (states, val_acc), history


def _show_group(bar, num_configs, done, history):
    """Advance the progress bar by a finished piece's config-iterations."""
    bar.update(num_configs * history["loss_history"].shape[-1])


def _total(num_configs, budget, eta):
    """Config-iterations the search will train: every config to the first rung, then the
    best ceil(1/eta) of those still running to the next."""
    total, running, done = 0, num_configs, 0
    for until in budget:
        total += running * (until - done)
        running, done = max(1, math.ceil(running / eta)) if eta else running, until
    return total


def _halve(live, results, rung, eta):
    """Keep the best ceil(1/eta) of the configs still running (diverged ones last),
    regrouped; mark the others as stopped at ``rung``."""
    running = [i for members, *_ in live.values() for i in members]
    keep = max(1, math.ceil(len(running) / eta))
    ranked = sorted(running, key=lambda i: (results[i]["diverged"], -results[i]["rung_val_acc"][-1]))
    survivors = set(ranked[:keep])
    for i in set(running) - survivors:
        results[i]["stopped_at_rung"] = rung
    regrouped = {}
    for key, (members, states, minibatches) in live.items():
        kept = [j for j, i in enumerate(members) if i in survivors]
        if kept:
            take = jnp.asarray(kept)
            regrouped[key] = ([members[j] for j in kept], jax.tree.map(lambda a: a[take], states),
                              minibatches)
    return regrouped
