"""Successive halving inside vmapped programs (Jamieson & Talwalkar 2016; Li et al. 2018).

All configs train for a first rung of iterations; the best 1/eta by validation accuracy
continue, from their states, to the next rung; and so on until the full budget. As in
``jaxnet.sweep``, configs that share a hidden size and a seed train as one vmapped program
(their minibatches are shared, so the first layer's products are wide ones); survivors are
regrouped by the same key, and a group's program is reused by every group of its shape.
Each config's run is the run ``sweep`` gives it, stopped early or not: the rungs cut one run
into pieces (``jaxnet.state``), they do not change it. (Bit for bit while a config's group
keeps the sweep's width; a narrower group's wide product may round differently.)
"""

import functools
import math

import jax
import jax.numpy as jnp
import numpy as np
from tqdm.auto import tqdm

from jaxnet import training
from jaxnet.model import correct_fraction, init_params
from jaxnet.state import HISTORY_KEYS
from jaxnet.sweeps import prepare, seed_keys


@functools.partial(jax.jit, static_argnames=("recipe", "hidden_size", "num_classes", "std"))
def start_group(X, key, hp, recipe, hidden_size, num_classes, std):
    """K configs of one seed before their first update: (program states with a leading K
    axis, the run's minibatch rows, its noise key)."""
    init_key, train_key = seed_keys(key)
    params = init_params(init_key, X.shape[1], hidden_size, num_classes, std=std, dtype=X.dtype)
    indices, noise_key = training.minibatches_and_noise(train_key, X.shape[0], recipe)
    states = jax.vmap(lambda hp1: training.init_state(params, hp1, recipe))(hp)
    return states, indices, noise_key


@functools.partial(jax.jit, static_argnames=("recipe", "length", "head"))
def advance_group(states, X, y, X_val, y_val, indices, noise_key, start, hp, recipe, length,
                  head):
    """``length`` more updates for each of K configs of one seed (vmapped; the minibatches
    are shared); returns (states, histories, the params' val accuracy), each K-leading."""
    rows = jax.lax.dynamic_slice_in_dim(indices, start, length)
    its = start + jnp.arange(length, dtype=jnp.int32)

    def one(state, hp1):
        state, history = training.advance(state, X, y, X_val, y_val, rows, its, noise_key,
                                          hp1, recipe, head)
        params = training.from_layout(state["params"])
        return state, history, correct_fraction(params, X_val, y_val)

    with jax.default_matmul_precision(recipe.config.matmul_precision):
        return jax.vmap(one)(states, hp)


def rungs(num_configs, num_iters, eta=3, min_iters=1):
    """The iteration counts at which configs are compared: the full budget and each
    1/eta of the one after, while at least two configs are compared and a rung has at
    least ``min_iters`` updates. E.g. 24 configs, 5000 iterations, eta 3: [555, 1666, 5000]."""
    if eta < 2:
        raise ValueError(f"eta must be >= 2, got {eta}")
    count = 1
    while num_configs > eta ** count and num_iters // eta ** count >= min_iters:
        count += 1
    return [int(num_iters // eta ** (count - 1 - k)) for k in range(count)]


def search(X, y, X_val, y_val, configs, *, eta=3, min_iters=1, num_classes=10, std=1e-4,
           dtype=jnp.float32, image_shape=None, progress=False, **options):
    """Successive halving over ``configs`` (as ``sweep`` takes them) with the shared
    ``options`` (``num_iters`` is the full budget).

    Returns a list, in the order of ``configs``, of dicts: ``config``, ``iterations`` (how
    many it trained), ``rung_val_acc`` (its val accuracy at each rung it reached),
    ``stopped_at_rung`` (None if it trained the full budget), ``diverged``; and, for the
    configs that trained the full budget, ``params`` and ``history`` (NumPy) and
    ``val_acc``.
    """
    normalised, (X, y, X_val, y_val), recipe, groups = prepare(
        X, y, X_val, y_val, configs, num_classes, dtype, image_shape, options, "search")
    shared = normalised[0][1]
    ipe = recipe.iterations_per_epoch
    budget = rungs(len(normalised), shared.num_iters, eta, min_iters)
    results = [{"config": c, "iterations": 0, "rung_val_acc": [], "stopped_at_rung": None,
                "diverged": False, "history": {k: [] for k in HISTORY_KEYS}}
               for c, _ in normalised]
    live = {}  # (hidden, seed) -> (member indices, states, indices, noise key)
    for (hidden, seed), members in groups.items():
        hp = training.traced_values([normalised[i][1] for i in members], X.dtype)
        live[(hidden, seed)] = (members, *start_group(X, jax.random.key(seed), hp, recipe,
                                                     hidden, num_classes, std))
    done = 0
    with tqdm(total=budget[-1], unit="it", desc="search", disable=not progress) as bar:
        for rung, until in enumerate(budget):
            n, head = until - done, min(-done % ipe, until - done)
            for key, (members, states, rows, noise_key) in live.items():
                hp = training.traced_values([normalised[i][1] for i in members], X.dtype)
                states, history, val_acc = advance_group(
                    states, X, y, X_val, y_val, rows, noise_key, jnp.int32(done), hp, recipe,
                    length=n, head=head)
                history, val_acc = training.history_to_numpy(history), np.asarray(val_acc)
                for j, i in enumerate(members):
                    r = results[i]
                    r["iterations"] = until
                    r["rung_val_acc"].append(float(val_acc[j]))
                    for k, v in history.items():
                        r["history"][k].append(v[j])
                    r["diverged"] |= not np.all(np.isfinite(history["loss_history"][j]))
                live[key] = (members, states, rows, noise_key)
            bar.update(n)
            done = until
            if rung == len(budget) - 1:
                break
            # Keep the best 1/eta of the configs still running (diverged ones last).
            running = [i for members, *_ in live.values() for i in members]
            keep = max(1, math.ceil(len(running) / eta))
            ranked = sorted(running, key=lambda i: (results[i]["diverged"],
                                                    -results[i]["rung_val_acc"][-1]))
            survivors = set(ranked[:keep])
            for i in set(running) - survivors:
                results[i]["stopped_at_rung"] = rung
            regrouped = {}
            for key, (members, states, rows, noise_key) in live.items():
                kept = [j for j, i in enumerate(members) if i in survivors]
                if kept:
                    take = jnp.asarray(kept)
                    regrouped[key] = ([members[j] for j in kept],
                                      jax.tree.map(lambda a: a[take], states), rows, noise_key)
            live = regrouped
    for key, (members, states, _, _) in live.items():
        params = jax.device_get(jax.vmap(training.from_layout)(states["params"]))
        for j, i in enumerate(members):
            r = results[i]
            r["params"] = {k: v[j] for k, v in params.items()}
            r["val_acc"] = r["rung_val_acc"][-1]
    for r in results:
        r["history"] = {k: np.concatenate(v) for k, v in r["history"].items()}
    return results
