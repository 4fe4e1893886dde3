"""Ctrl-C while a program runs: a ``KeyboardInterrupt`` in the main thread, never lost.

Python raises ``KeyboardInterrupt`` wherever the main thread is when SIGINT arrives. Where
that is a garbage-collection callback (JAX registers one), a ``__del__`` method or a weakref
callback, Python prints "Exception ignored in ..." and carries on: the interrupt is lost and
the run goes on to its end. Here such a lost interrupt is not printed but raised again a
moment later, outside the callback. (Before a program gets here, ``jaxnet_start`` ends it
at once on Ctrl-C.)
"""

import contextlib
import signal
import sys
import threading
import _thread

AGAIN_AFTER_S = 0.05  # long enough to be out of the callback that swallowed it


def _raise(signum, frame):
    raise KeyboardInterrupt


def _interrupt_again():
    timer = threading.Timer(AGAIN_AFTER_S, _thread.interrupt_main, (signal.SIGINT,))
    timer.daemon = True
    timer.start()


def _hook(previous):
    """An unraisable-exception hook that raises a swallowed Ctrl-C again, quietly."""
    def on_unraisable(unraisable):
        if issubclass(unraisable.exc_type, KeyboardInterrupt):
            _interrupt_again()
        else:
            previous(unraisable)
    return on_unraisable


@contextlib.contextmanager
def raised_in_main():
    """Within the block, Ctrl-C raises ``KeyboardInterrupt`` in the main thread, again if a
    callback swallowed it; nothing changes outside the main thread or where SIGINT is
    ignored (a background job)."""
    if (threading.current_thread() is not threading.main_thread()
            or signal.getsignal(signal.SIGINT) is signal.SIG_IGN):
        yield
        return
    previous_handler, previous_hook = signal.signal(signal.SIGINT, _raise), sys.unraisablehook
    sys.unraisablehook = _hook(previous_hook)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous_handler)
        sys.unraisablehook = previous_hook
