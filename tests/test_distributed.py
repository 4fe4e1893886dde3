"""Two processes on 127.0.0.1 cooperate through jax.distributed (CPU backend, gloo)."""

import json
import socket
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow  # several devices or processes, each a child process

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "tests" / "distributed_check.py"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dist")
    port = free_port()
    procs = []
    try:
        procs = [subprocess.Popen([sys.executable, str(SCRIPT), str(port), str(i),
                                   str(tmp / f"{i}.json")], cwd=ROOT, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
                 for i in range(2)]
        single = subprocess.run([sys.executable, str(SCRIPT), "single", str(tmp / "single.json")],
                                cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert single.returncode == 0, single.stderr[-3000:]
        for p in procs:
            _, err = p.communicate(timeout=600)
            assert p.returncode == 0, err[-3000:]
    finally:  # whatever happened, no process outlives the test
        for p in procs:
            p.kill()
            p.wait()
    return [json.loads((tmp / f"{name}.json").read_text()) for name in ("0", "1", "single")]


def test_two_processes_see_four_devices(results):
    for r in results[:2]:
        assert r["processes"] == 2 and r["devices"] == 4 and r["local_devices"] == 2


def test_processes_agree_with_each_other_and_with_one_process(results):
    a, b, single = results
    np.testing.assert_array_equal(a["W1"], b["W1"])
    np.testing.assert_allclose(a["W1"], single["W1"], rtol=0, atol=1e-12)
    np.testing.assert_allclose(a["loss"], single["loss"], rtol=0, atol=1e-12)
