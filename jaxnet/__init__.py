"""jaxnet: the classic two-layer network exercise in pure functional JAX.

Params are a plain dict ``{'W1', 'b1', 'W2', 'b2'}``; the model is a handful of pure
functions; gradients come from ``jax.grad``; a training run is a state advanced by compiled
pieces; ``fit`` is the whole run (preprocessing, init, training, evaluation) in one call.
"""

from jaxnet import presets
from jaxnet.config import Config
from jaxnet.sweeps import search, seed_keys, sweep
from jaxnet.loop import sample_batch_indices
from jaxnet.model import accuracy, init_params, loss, predict, scores
from jaxnet.recipe import Recipe
from jaxnet.fitting import Fit, fit
from jaxnet.state import TrainState, load_state, save_state
from jaxnet.training import TrainingDiverged, begin, resume, train
from jaxnet.optimizer import notebook_schedule

__all__ = [
    "Config",
    "Fit",
    "Recipe",
    "TrainState",
    "TrainingDiverged",
    "accuracy",
    "begin",
    "fit",
    "init_params",
    "load_state",
    "loss",
    "notebook_schedule",
    "predict",
    "presets",
    "resume",
    "sample_batch_indices",
    "save_state",
    "scores",
    "search",
    "seed_keys",
    "sweep",
    "train",
]
