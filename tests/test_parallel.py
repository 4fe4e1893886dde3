"""Data parallelism and spread sweeps on 4 CPU devices (in a subprocess: the device count
must be set before JAX starts)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

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
