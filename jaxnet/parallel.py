"""Several devices as a thin layer over the one-device code, with ``jax.sharding``.

- Data parallelism (``train(..., data_parallel=True)``): a 1-D ``Mesh`` with axis "data";
  params and the data set are replicated, each minibatch is split along its rows across
  the devices, and XLA inserts the all-reduce of the gradients.
- Sweeps (``sweep(..., spread=True)``): the configs axis of a vmapped sweep is split
  across the devices of a mesh with axis "configs".

Several hosts: call ``jax.distributed.initialize(...)`` in every process first; then
``jax.devices()`` lists every process's devices and the same code runs unchanged, each
process feeding the same (replicated) host data.
"""

import functools

import jax
import numpy as np
from jax.sharding import Mesh, NamedSharding, PartitionSpec as P

DATA_AXIS = "data"
CONFIG_AXIS = "configs"


@functools.lru_cache(maxsize=None)
def _mesh(axis, devices):
    return Mesh(np.array(devices), (axis,))


def mesh(axis=DATA_AXIS):
    """A 1-D mesh over all devices (of every process) named ``axis``."""
    return _mesh(axis, tuple(jax.devices()))


def batch_sharding(batch_size):
    """The sharding that splits a (batch_size, D) minibatch by rows across all devices."""
    n = len(jax.devices())
    if batch_size % n:
        raise ValueError(f"data_parallel needs batch_size divisible by the {n} devices, "
                         f"got {batch_size}")
    return NamedSharding(mesh(DATA_AXIS), P(DATA_AXIS, None))


def replicate(tree, axis=DATA_AXIS):
    """Put every array of ``tree`` on every device of the mesh."""
    return jax.device_put(tree, NamedSharding(mesh(axis), P()))


def split_configs(tree):
    """Split the leading (configs) axis of every array of ``tree`` across the devices."""
    return jax.device_put(tree, NamedSharding(mesh(CONFIG_AXIS), P(CONFIG_AXIS)))


def local(tree):
    """Arrays that span other processes' devices (after ``jax.distributed.initialize``) as
    this process's replica; other arrays unchanged. Use on replicated results."""
    def one(x):
        if isinstance(x, jax.Array) and not x.is_fully_addressable:
            if not x.is_fully_replicated:
                raise ValueError("only replicated multi-process arrays have a local copy")
            return x.addressable_data(0)
        return x
    return jax.tree.map(one, tree)
