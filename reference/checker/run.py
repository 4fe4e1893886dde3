"""Run the checks: one observing child process per file, in parallel, then judge each here.

Each file is imported and run in its own process (``python -m reference.checker.observe``)
with a time limit; its whole process group is killed when the limit passes. This isolates
a file that crashes or loops forever from the others. It is not a sandbox: the child runs
the file's code with your permissions. Judging happens in this process, with JAX in float64,
so programs are compiled once for all the files.
"""

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import reference
from reference.checker.report import Check, FileResult

PROJECT_ROOT = Path(reference.__file__).resolve().parents[1]
CACHE_ENV = "JAXNET_COMPILE_CACHE"  # the same switch as jaxnet's programs: a folder, or "off"


def setup_jax():
    """float64, full-precision products, and the persistent compilation cache (unless off)."""
    import jax
    jax.config.update("jax_enable_x64", True)
    jax.config.update("jax_default_matmul_precision", "highest")
    value = os.environ.get(CACHE_ENV)
    if value is not None and value.strip().lower() in ("", "0", "off", "no", "false"):
        return
    folder = value or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "jaxnet" / "xla"
    jax.config.update("jax_compilation_cache_dir", str(folder))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


def child_env():
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT), env.get("PYTHONPATH")]))
    # one BLAS thread per child: the children already run in parallel, one per core
    env.update(OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               MPLBACKEND="Agg", PYTHONDONTWRITEBYTECODE="1")
    return env


def observe(target, function, timeout, out):
    """Run the observing child on one file; None if it observed, else the error in words."""
    flag = "--function" if function else "--path"
    cmd = [sys.executable, "-m", "reference.checker.observe", flag, str(target), "--out", out]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=child_env(),
                            start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        return f"timed out after {timeout:g} s (an endless loop, or far too slow); the process was killed"
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    if proc.returncode == 3:
        return "could not load it: " + Path(out, "load_error.txt").read_text()
    if proc.returncode != 0:
        tail = err.decode(errors="replace").strip().splitlines()[-3:]
        how = (f"killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exit status {proc.returncode}")
        return f"the process crashed ({how}): {' | '.join(tail)}"
    return None


def _observe_timed(target, function, timeout):
    out = tempfile.mkdtemp(prefix="two-layer-net-check-")
    start = time.perf_counter()
    return out, observe(target, function, timeout, out), time.perf_counter() - start


def _judge(target, function, out, error, seconds):
    from reference.checker import judge
    mode = "function" if function else "class"
    try:
        if error is not None:
            return FileResult(str(target), mode, [], error, seconds)
        checks, findings = judge.judge(judge.Observation(out))
        return FileResult(str(target), mode, checks, None, seconds, findings)
    except Exception as e:  # noqa: BLE001 - an odd observation must not stop the other files
        return FileResult(str(target), mode, [Check("judging", False, None, None, "the checker itself",
                          f"the checker failed on this file's outputs: {type(e).__name__}: {e}")], None, seconds)
    finally:
        shutil.rmtree(out, ignore_errors=True)


def _warm_up():
    """Compile the truth program and evaluate the fixed problems while the children run."""
    import numpy as np

    from reference.checker import mistakes, problems
    for prob in problems.loss_problems().values():
        mistakes.truth(prob.params, prob.X.astype(np.float64), prob.y, prob.reg)


def check_many(targets, function=False, timeout=60.0, jobs=None, on_result=None):
    """Check several files (or ``module:name`` loss functions if ``function``) in parallel.

    Returns a FileResult per target, in order; ``on_result(result)`` is called as each is judged.
    """
    setup_jax()
    targets = list(targets)
    jobs = jobs or os.cpu_count() or 1
    results = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(_observe_timed, t, function, timeout) for t in targets]
        _warm_up()
        for target, future in zip(targets, futures):
            result = _judge(target, function, *future.result())
            if on_result is not None:
                on_result(result)
            results.append(result)
    return results


def check(target, function=False, timeout=60.0):
    """Check one file (a TwoLayerNet), or one ``module:name`` loss function if ``function``."""
    return check_many([target], function=function, timeout=timeout)[0]
