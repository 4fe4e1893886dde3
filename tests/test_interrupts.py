"""Ctrl-C at any moment: the programs exit with status 130 and one line, start-up included
(the import of JAX: ``jaxnet_start``), and a Ctrl-C that a callback swallows is raised again
(``jaxnet.cli.interrupts``). A Ctrl-C during training, with its state saved, is in
tests/test_cli.py."""

import gc
import os
import signal
import subprocess
import sys
import threading
import time
import types
import unittest.mock
from pathlib import Path

import pytest

import jaxnet_start
from jaxnet.cli import interrupts
from tests.helpers import sigint_ignored

ROOT = Path(__file__).resolve().parent.parent
# The console command's own lines (pip writes them), in a Python whose SIGINT raises
# KeyboardInterrupt: a test suite started in the background passes on "ignore SIGINT".
COMMAND = ("import signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
           "sys.argv[0] = 'train-cifar10'; from jaxnet_start import train_cifar10; "
           "sys.exit(train_cifar10())")


def jax_is_loading(pid):
    """Whether process ``pid`` has mapped JAX's compiled library (it is importing JAX)."""
    try:
        return "/jaxlib/" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
@pytest.mark.parametrize("after_s", [0.0, 0.3, 1.0, 3.0])
def test_ctrl_c_while_starting_exits_130_with_one_line(data_dir, tmp_path, after_s):
    """SIGINT sent ``after_s`` seconds after JAX's library is loaded: during JAX's import,
    and in the program's first second (its checks, the data, the first compilation)."""
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", COMMAND, "--data-dir", str(data_dir), "--out", str(out),
         "--num-training", "80", "--num-validation", "20", "--num-test", "10", "--batch-size",
         "8", "--num-iters", "5000000", "--checkpoint-every", "1"],
        cwd=ROOT, env=dict(os.environ, JAX_PLATFORMS="cpu"), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        while not jax_is_loading(proc.pid) and proc.poll() is None:
            time.sleep(0.001)
        time.sleep(after_s)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 130, stderr
    # one line: "interrupted", or, on a machine fast enough to have begun training by then, the
    # state it saved on Ctrl-C and how to continue
    last = stderr.strip().splitlines()[-1]
    saved = f"train-cifar10: interrupted; wrote {out / 'state.npz'} at iteration "
    assert last == "train-cifar10: interrupted" or (last.startswith(saved) and last.endswith(
        "; continue with --resume")), stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    assert stdout == ""
    # Nothing was written but, if training had begun, the state it saved on Ctrl-C.
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert written == ["state.npz"] if last.startswith(saved) else written in ([], ["state.npz"])


@pytest.mark.slow
def test_ctrl_c_while_training_saves_the_state_and_says_so_in_one_line(data_dir, tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", COMMAND, "--data-dir", str(data_dir), "--out", str(out),
         "--num-training", "80", "--num-validation", "20", "--num-test", "10", "--batch-size",
         "8", "--num-iters", "5000000", "--checkpoint-every", "1", "--quiet"],
        cwd=ROOT, env=dict(os.environ, JAX_PLATFORMS="cpu"), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True)
    try:
        while not (out / "state.npz").exists() and proc.poll() is None:
            time.sleep(0.01)  # until the first piece is saved: training has begun
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=300)
    finally:
        proc.kill()
        proc.wait()
    assert proc.returncode == 130 and stdout == "", stderr
    line, = stderr.strip().splitlines()
    prefix = f"train-cifar10: interrupted; wrote {out / 'state.npz'} at iteration "
    assert line.startswith(prefix) and line.endswith("; continue with --resume"), line
    assert int(line[len(prefix):].split(";")[0]) % 10 == 0  # a whole piece: 80 rows / 8
    assert sorted(p.name for p in out.iterdir()) == ["state.npz"]


def main_thread_only():
    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signals are handled in the main thread")


@pytest.fixture
def sigint_raises():
    """SIGINT raising KeyboardInterrupt, as in a program started in the foreground (a suite started
    in the background inherits "ignore SIGINT")."""
    main_thread_only()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def interrupt_inside_a_gc_callback():
    """SIGINT arriving while a garbage-collection callback runs, as JAX's does."""
    def callback(phase, info):
        if phase == "start":
            os.kill(os.getpid(), signal.SIGINT)
            sum(range(1000))  # Python code: where the handler runs, inside the callback

    gc.callbacks.append(callback)
    try:
        gc.collect()
    finally:
        gc.callbacks.remove(callback)


def test_a_ctrl_c_swallowed_by_a_callback_is_raised_again_quietly(capfd, sigint_raises):
    with pytest.raises(KeyboardInterrupt):
        with interrupts.raised_in_main():
            interrupt_inside_a_gc_callback()  # Python would report it and go on
            for _ in range(1000):  # up to 10 s, until it is raised again
                time.sleep(0.01)
    assert "Exception ignored" not in capfd.readouterr().err


def test_other_unraisable_exceptions_still_reach_the_hook_before_it(sigint_raises):
    """Only a swallowed Ctrl-C is taken over: any other exception a callback could not raise goes to
    the hook that was there (Python's report, or pytest's)."""
    seen, hook = [], sys.unraisablehook
    sys.unraisablehook = seen.append
    try:
        with interrupts.raised_in_main():
            assert sys.unraisablehook is not seen.append  # its own hook, in front of the one before
            sys.unraisablehook(types.SimpleNamespace(exc_type=ValueError))
    finally:
        sys.unraisablehook = hook
    assert [u.exc_type for u in seen] == [ValueError]


def test_the_timer_that_raises_it_again_never_keeps_a_program_alive(monkeypatch):
    """A daemon thread: a program that ends before the timer fires is not held up by it."""
    started = []

    class Recorded(threading.Timer):
        def start(self):
            started.append(self)

    monkeypatch.setattr(interrupts.threading, "Timer", Recorded)
    interrupts._interrupt_again()
    assert [(timer.daemon, timer.interval) for timer in started] == [(True, interrupts.AGAIN_AFTER_S)]


def test_without_it_python_loses_that_ctrl_c(capfd):
    """What ``raised_in_main`` is for: Python's own handling reports and drops it."""
    main_thread_only()
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    hook = sys.unraisablehook
    sys.unraisablehook = sys.__unraisablehook__  # Python's report, not pytest's
    try:
        interrupt_inside_a_gc_callback()
        time.sleep(0.2)  # nothing arrives
    finally:
        signal.signal(signal.SIGINT, previous)
        sys.unraisablehook = hook
    assert "KeyboardInterrupt" in capfd.readouterr().err


def test_handlers_are_restored_and_an_ignored_ctrl_c_stays_ignored(sigint_raises):
    before, hook = signal.getsignal(signal.SIGINT), sys.unraisablehook
    with interrupts.raised_in_main():
        assert signal.getsignal(signal.SIGINT) is not before
    assert signal.getsignal(signal.SIGINT) is before and sys.unraisablehook is hook
    with sigint_ignored(), interrupts.raised_in_main():
        assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN


def test_the_launcher_exits_at_once_until_the_program_takes_over(monkeypatch, sigint_raises):
    seen = {}
    program = types.ModuleType("a_program")
    program.main = lambda: seen.setdefault("handler", signal.getsignal(signal.SIGINT)) and 0
    monkeypatch.setitem(sys.modules, "a_program", program)
    previous = signal.getsignal(signal.SIGINT)
    try:
        jaxnet_start.start("a-program", "a_program")
        written, exited = [], []
        with unittest.mock.patch.object(jaxnet_start.os, "write", lambda fd, data: written.append((fd, data))), \
                unittest.mock.patch.object(jaxnet_start.os, "_exit", exited.append):
            try:
                seen["handler"](signal.SIGINT, None)  # Ctrl-C before the program took over
            except KeyboardInterrupt:  # a failure, not pytest stopped
                pytest.fail("Ctrl-C raised KeyboardInterrupt: the launcher set no handler")
        assert written == [(2, b"\na-program: interrupted\n")] and exited == [130]
        with sigint_ignored():
            jaxnet_start.start("a-program", "a_program")
            assert signal.getsignal(signal.SIGINT) is signal.SIG_IGN
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.mark.parametrize("command, prog, module", [
    (jaxnet_start.train_cifar10, "train-cifar10", "jaxnet.cli.train_cifar10"),
    (jaxnet_start.sweep_cifar10, "sweep-cifar10", "jaxnet.cli.sweep_cifar10")])
def test_each_console_command_launches_its_program_and_exits_with_its_status(monkeypatch, command, prog, module):
    started = []
    monkeypatch.setattr(jaxnet_start, "start", lambda *args: started.append(args) or 3)
    with pytest.raises(SystemExit) as exit_info:
        command()
    assert exit_info.value.code == 3 and started == [(prog, module)]
