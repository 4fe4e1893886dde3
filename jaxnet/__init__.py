"""jaxnet: the classic two-layer network exercise in pure functional JAX.

Params are a plain dict ``{'W1', 'b1', 'W2', 'b2'}``; the model is a handful of pure
functions; gradients come from ``jax.grad``; training is one compiled XLA program.
"""

from jaxnet.config import Config
from jaxnet.model import accuracy, init_params, loss, predict, scores
from jaxnet.halving import search
from jaxnet.state import TrainState, begin, load_state, resume, save_state
from jaxnet.sweeps import seed_keys, sweep
from jaxnet.training import TrainingDiverged, notebook_schedule, sample_batch_indices, train

__all__ = [
    "Config",
    "TrainState",
    "TrainingDiverged",
    "accuracy",
    "begin",
    "init_params",
    "load_state",
    "loss",
    "notebook_schedule",
    "predict",
    "resume",
    "sample_batch_indices",
    "save_state",
    "scores",
    "search",
    "seed_keys",
    "sweep",
    "train",
]
