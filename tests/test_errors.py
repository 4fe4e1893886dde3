"""jaxnet.cli.errors.friendly_errors, in this process: each way a program can end, the line it
prints and its exit status (tests/test_cli.py and test_interrupts.py run the programs themselves)."""

import os
import sys

import jax
import pytest

from jaxnet.cli import errors


class Stream:
    """A standard stream that records what is written and when it is flushed into ``events``."""

    def __init__(self, name, events, flush_error=None, fd=99):
        self.name, self.events, self.flush_error, self.fd = name, events, flush_error, fd

    def write(self, text):
        self.events.append((self.name, text))

    def flush(self):
        self.events.append((self.name, "flush"))
        error, self.flush_error = self.flush_error, None  # once: pytest flushes the stream too
        if error:
            raise error

    def fileno(self):
        return self.fd


def ended(body):
    """The SystemExit that friendly_errors("prog") ends ``body`` with, or None."""
    try:
        with errors.friendly_errors("prog"):
            body()
    except SystemExit as exit_:
        return exit_
    return None


def test_ctrl_c_prints_what_was_saved_flushes_both_streams_then_exits_130_at_once(monkeypatch):
    events = []
    monkeypatch.setattr(sys, "stdout", Stream("out", events))
    monkeypatch.setattr(sys, "stderr", Stream("err", events))

    def exit_now(code):
        events.append(("exit", code))
        raise SystemExit(code)

    monkeypatch.setattr(os, "_exit", exit_now)

    def interrupted():
        raise KeyboardInterrupt("the state is in out/state.npz")

    assert ended(interrupted).code == 130
    written = "".join(text for name, text in events if name == "err" and text != "flush")
    assert written == "\nprog: interrupted; the state is in out/state.npz\n"
    assert events[-3:] == [("err", "flush"), ("out", "flush"), ("exit", 130)]


def test_a_closed_standard_output_ends_quietly_with_1_and_stdout_on_devnull(monkeypatch):
    """``... | head -1``: the flush at the end meets the closed pipe; stdout is pointed at
    /dev/null (no second error at exit) and the program exits 1, printing nothing."""
    events, pointed = [], []
    monkeypatch.setattr(sys, "stdout", Stream("out", events, flush_error=BrokenPipeError(), fd=99))
    monkeypatch.setattr(sys, "stderr", Stream("err", events))

    real_dup2 = os.dup2

    def dup2(fd, to):  # the stand-in stdout's descriptor only: pytest's capture uses dup2 too
        if to != 99:
            return real_dup2(fd, to)
        pointed.append(to)
        os.close(fd)

    monkeypatch.setattr(os, "dup2", dup2)
    assert ended(lambda: None).code == 1
    assert pointed == [99] and not [e for e in events if e[0] == "err"]


# XLA's words for it differ by backend: a status code on GPU, a sentence on CPU; either alone is enough
@pytest.mark.parametrize("first_line", ["RESOURCE_EXHAUSTED: Out of memory allocating 8 GB",
                                        "RESOURCE_EXHAUSTED: Failed to allocate request for 8.00GiB",
                                        "Out of memory while trying to allocate 8 GB"])
def test_running_out_of_device_memory_is_one_line_and_other_runtime_errors_pass_through(monkeypatch, first_line):
    events = []
    monkeypatch.setattr(sys, "stderr", Stream("err", events))

    def out_of_memory():
        raise jax.errors.JaxRuntimeError(first_line + "\nmore")

    assert ended(out_of_memory).code == 1
    written = "".join(text for name, text in events if text != "flush")
    assert written == (f"prog: error: the device ran out of memory ({first_line}); "
                       "try fewer rows, a smaller --batch-size or --hidden-size\n")

    def other():
        raise jax.errors.JaxRuntimeError("INTERNAL: something else")

    with pytest.raises(jax.errors.JaxRuntimeError, match="INTERNAL: something else"):
        ended(other)


@pytest.mark.parametrize("error, line", [
    (ValueError("batch_size must be > 0, got 0\nmore"), "prog: error: batch_size must be > 0, got 0\n"),
    (OSError(), "prog: error: OSError\n"),
])
def test_an_expected_error_is_its_first_line_or_its_type_and_exit_1(monkeypatch, error, line):
    events = []
    monkeypatch.setattr(sys, "stderr", Stream("err", events))

    def failing():
        raise error

    assert ended(failing).code == 1
    assert "".join(text for name, text in events if text != "flush") == line
