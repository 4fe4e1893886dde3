"""The whole run as one library call: preprocess, init, train, evaluate.

    splits = jaxnet.data.get_cifar10_data(PATH)             # the notebook's splits
    result = jaxnet.fit(jaxnet.presets.recipe("tuned"), splits)
    result.params, result.history, result.metrics          # val_acc, test_acc, ...

``train-cifar10`` is this call plus flags and a run folder.
"""

import time
from typing import NamedTuple

import jax
import numpy as np

from jaxnet import checks, data as cifar, model, parallel, preprocess, training
from jaxnet.sweeps import seed_keys
from jaxnet.recipe import Recipe


class Fit(NamedTuple):
    """What ``fit`` returns: the trained ``params`` (NumPy), the ``history`` (as ``train``
    returns it), the ``metrics`` (val_acc, test_acc, num_test, num_iters, seed,
    train_time_s), the fitted ``preprocessing`` (a dict of arrays, None for the mean
    image alone) and the final ``state`` (a ``TrainState``)."""

    params: dict
    history: dict
    metrics: dict
    preprocessing: dict
    state: object


def preprocessed(recipe, splits, image_shape=cifar.IMAGE_SHAPE):
    """(splits with every X preprocessed, the fitted statistics or None): ``recipe``'s
    preprocessing fitted on the training rows. The notebook's mean image is already
    subtracted by ``get_cifar10_data``."""
    if recipe.preprocess == "mean":
        return splits, None
    prep = preprocess.fit(recipe.preprocess, splits["X_train"], image_shape=image_shape,
                          eps=recipe.whiten_eps, components=recipe.pca_components)
    out = dict(splits)
    for name in ("train", "val", "test"):
        X = splits.get(f"X_{name}")
        if X is not None:
            out[f"X_{name}"] = preprocess.apply(prep, X, X.dtype)
    return out, prep


def score(recipe, params, X, y, image_shape=cifar.IMAGE_SHAPE):
    """Accuracy of ``params`` on (X, y) with the recipe's test-time views; None when y is
    empty (e.g. the test split left alone while tuning)."""
    if not len(y):
        return None
    views = recipe.tta_flip or recipe.tta_shift
    shape = recipe.image_shape(image_shape) if views else None
    return model.accuracy(params, X, y, flip_average=shape if recipe.tta_flip else None,
                          shift_average=recipe.tta_shift, image_shape=shape)


def fit(recipe, splits, *, image_shape=cifar.IMAGE_SHAPE, num_classes=cifar.NUM_CLASSES,
        progress=False, state=None, every=None, on_piece=None, on_trained=None,
        data_parallel=False):
    """Run ``recipe`` (a ``jaxnet.Recipe``) on ``splits``: fit the preprocessing on the
    training rows, draw the initial params from the seed, train, score val and test.

    Args:
      splits: a dict of X_train, y_train, X_val, y_val and optionally X_test, y_test, the
        rows (N, D) flattened images of ``image_shape`` (the notebook's
        ``get_cifar10_data``).
      progress: a progress bar (True) or a callable ``show(iteration, loss)``.
      state: a ``TrainState`` to continue instead of starting (``jaxnet.load_state``).
      every, on_piece: train in pieces of ``every`` updates, calling ``on_piece(state)``
        after each (e.g. to save it).
      data_parallel: split each minibatch across all devices.
      on_trained: called as ``on_trained(params, history, preprocessing)`` once training
        ends, before the evaluation (e.g. to save the params first).

    Returns:
      a ``Fit``. Raises ``TrainingDiverged`` when the loss stops being finite.
    """
    if not isinstance(recipe, Recipe):
        raise TypeError(f"fit needs a jaxnet.Recipe, got {type(recipe).__name__}")
    checks.check_splits(splits)
    config = recipe.check(len(splits["y_train"]), image_shape,
                          max(len(splits["y_val"]), len(splits.get("y_test", ()))))
    splits, prep = preprocessed(recipe, splits, image_shape)
    X, y, X_val, y_val = (splits[k] for k in ("X_train", "y_train", "X_val", "y_val"))
    init_key, train_key = seed_keys(recipe.seed)
    if state is None:
        params = model.init_params(init_key, X.shape[1], recipe.hidden_size, num_classes,
                                   std=recipe.std, dtype=recipe.dtype)
        jax.block_until_ready(params)  # a failed allocation raises here, not in the next program
        state = training.begin(params, train_key, config)
    state, data, plan, hp = training.prepare(state, X, y, X_val, y_val,
                                             image_shape=recipe.image_shape(image_shape),
                                             data_parallel=data_parallel)
    start = time.perf_counter()
    with training.shown(progress, config.num_iters, state.iteration) as show:
        state = training.advance(state, data, plan, hp, config.num_iters - state.iteration, show,
                                 every=every, on_piece=on_piece)
    jax.block_until_ready(state.program)
    seconds = time.perf_counter() - start
    params, history = jax.device_get(parallel.local(state.program["params"])), state.history
    if on_trained is not None:
        on_trained(params, history, prep)
    test = (splits.get("X_test"), splits.get("y_test", np.zeros(0, int)))
    metrics = {"val_acc": score(recipe, params, X_val, y_val, image_shape),
               "test_acc": score(recipe, params, *test, image_shape) if test[0] is not None else None,
               "num_test": len(test[1]), "num_iters": config.num_iters, "seed": recipe.seed,
               "train_time_s": seconds}
    return Fit(params, history, metrics, prep, state)
