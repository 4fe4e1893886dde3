"""Where the command-line programs start: Ctrl-C is handled from their first instant.

Importing JAX takes about a second, and Python's own Ctrl-C (a ``KeyboardInterrupt`` raised
wherever the main thread is) would end it with an import traceback, or be lost inside a
garbage-collection callback that JAX registers (Python prints "Exception ignored" and goes
on). So before anything heavy is imported, Ctrl-C here ends the program at once, with exit
status 130 and one line: nothing has been written yet. Once a program is ready
(``jaxnet.cli.interrupts``) it takes Ctrl-C over. This package imports nothing else, so
that it runs before JAX does.
"""

import importlib
import os
import signal
import sys


def _exit_at_once(prog):
    def on_sigint(signum, frame):
        os.write(2, f"\n{prog}: interrupted\n".encode())
        os._exit(130)
    return on_sigint


def start(prog, module):
    """Run ``module``'s ``main()`` as program ``prog``, with Ctrl-C an immediate exit until
    it handles Ctrl-C itself. A SIGINT that the program was started ignoring (a background
    job) stays ignored."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _exit_at_once(prog))
    return importlib.import_module(module).main()


def train_cifar10():
    """The ``train-cifar10`` command."""
    sys.exit(start("train-cifar10", "jaxnet.cli.train_cifar10"))


def sweep_cifar10():
    """The ``sweep-cifar10`` command."""
    sys.exit(start("sweep-cifar10", "jaxnet.cli.sweep_cifar10"))
