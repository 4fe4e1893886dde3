"""Data parallelism and spread sweeps on 4 CPU devices (in a subprocess: the device count
must be set before JAX starts); and, in this process, the program data parallelism compiles:
each minibatch split by rows across the devices."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jax
import numpy as np
import pytest

import jaxnet
from jaxnet import loop, parallel, training

pytestmark = pytest.mark.slow  # several devices or processes, each a child process

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def report():
    env = dict(os.environ, XLA_FLAGS="--xla_force_host_platform_device_count=4",
               JAX_PLATFORMS="cpu")
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "multidevice_check.py")],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    line = [l for l in proc.stdout.splitlines() if l.startswith("REPORT ")][-1]
    return json.loads(line[len("REPORT "):])


def test_four_devices_seen(report):
    assert report["devices"] == 4


def test_data_parallel_equals_one_device(report):
    # Same key, same minibatches; only the order of the gradient sums differs.
    assert report["param_max_abs_diff"] < 1e-12
    assert report["loss_max_abs_diff"] < 1e-12
    assert report["val_acc_equal"]


def test_data_parallel_params_are_replicated(report):
    assert report["params_replicated"] and report["params_devices"] == 4


def test_data_parallel_needs_divisible_batch(report):
    assert "divisible by the 4 devices" in report["odd_batch_error"]


def test_sweep_spread_across_devices_equals_one_device(report):
    assert report["sweep_count"] == 6
    assert report["sweep_max_abs_diff"] < 1e-12


def test_training_script_data_parallel_flag(report):
    assert report["cli_data_parallel_flag"] is True and report["cli_device_count"] == 4
    assert report["cli_loss_max_abs_diff"] < 1e-12


# ------------------------------------------------------ the program, in this process


def test_data_parallel_splits_each_minibatch_by_rows_across_the_devices():
    """--data-parallel: "split each minibatch across all devices". The same numbers would
    come from a program that does not split (test_data_parallel_equals_one_device), so the
    program is read: with data parallelism, and only then, the minibatch (B, D) is
    constrained to be split along its rows over the mesh's "data" axis."""
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((12, 5)), rng.integers(0, 3, 12)
    params = jaxnet.init_params(jax.random.key(0), 5, 4, 3, std=0.1, dtype=np.float64)

    def program(data_parallel):
        state = jaxnet.begin(params, jax.random.key(1), num_iters=3, batch_size=4)
        state, data, plan, hp = training.prepare(state, X, y, X, y, data_parallel=data_parallel)
        return loop.piece.lower(state.program, data, state.minibatches, np.int32(0), np.int32(3),
                                hp, plan=plan, length=3).as_text()

    split = re.compile(r'sharding_constraint %\S+ <@\w+, \[\{"data"\}, \{\}\]> : tensor<4x5xf64>')
    assert len(split.findall(program(True))) == 1
    assert not split.findall(program(False)) and '"data"' not in program(False)


def test_batch_sharding_refuses_a_batch_the_devices_do_not_divide(monkeypatch):
    """The refusal's words, in this process (one device): for three devices, a batch of 8."""
    monkeypatch.setattr(jax, "devices", lambda *args: [None] * 3)
    with pytest.raises(ValueError, match="data_parallel needs batch_size divisible by the 3 devices, got 8"):
        parallel.batch_sharding(8)


def test_local_keeps_this_processs_replica_and_refuses_a_split_array():
    """``local`` on arrays spanning other processes (stand-ins here: jax.Array subclasses that say
    so; tests/test_distributed.py runs the real ones in two processes)."""
    class Replicated(jax.Array):
        is_fully_addressable, is_fully_replicated = False, True

        def addressable_data(self, index):
            return ("this process's replica", index)

    class Split(Replicated):
        is_fully_replicated = False

    mine = np.ones(2)
    out = parallel.local({"replicated": Replicated.__new__(Replicated), "mine": mine})
    assert out["replicated"] == ("this process's replica", 0) and out["mine"] is mine
    with pytest.raises(ValueError) as refused:
        parallel.local([Split.__new__(Split)])
    assert str(refused.value) == "only replicated multi-process arrays have a local copy"


def test_replicate_puts_arrays_on_the_whole_mesh_unsplit_and_split_configs_splits_the_first_axis():
    """In this process the mesh has one device; the shardings are still the mesh's: replicated
    (P()) over the "data" axis, and the configs' leading axis over the "configs" axis."""
    from jax.sharding import NamedSharding, PartitionSpec

    placed = parallel.replicate({"a": np.ones(3)})["a"]
    assert isinstance(placed.sharding, NamedSharding) and placed.sharding.spec == PartitionSpec()
    assert placed.sharding.mesh.axis_names == (parallel.DATA_AXIS,)
    split = parallel.split_configs({"a": np.ones((2, 3))})["a"]
    assert isinstance(split.sharding, NamedSharding)
    assert split.sharding.spec == PartitionSpec(parallel.CONFIG_AXIS) and split.sharding.mesh.axis_names == (
        parallel.CONFIG_AXIS,)
