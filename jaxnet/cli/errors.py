"""How a command-line program fails: one line on stderr, never a traceback, for every
failure a user can cause or meet (bad input, a diverging run, a full disk, too little
memory); Ctrl-C at once."""

import contextlib
import os
import sys

import jax

from jaxnet import data, plots, training
from jaxnet.cli import interrupts

EXPECTED_ERRORS = (data.DataError, training.TrainingDiverged, plots.MissingMatplotlib,
                   ValueError, TypeError, OSError)


def _out_of_memory(err):
    return "RESOURCE_EXHAUSTED" in str(err) or "Out of memory" in str(err)


@contextlib.contextmanager
def friendly_errors(prog):
    """Expected failures (and running out of memory) become one line on stderr and exit 1;
    Ctrl-C exits 130 at once, wherever it lands (``interrupts``);
    a closed standard output (``... | head -1``) ends the program quietly with 1."""
    try:
        with interrupts.raised_in_main():
            yield
            sys.stdout.flush()  # here, so that a closed pipe is caught below, not at exit
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no retry at exit
        sys.exit(1)
    except KeyboardInterrupt as err:  # its message: what was saved
        print(f"\n{prog}: interrupted" + (f"; {err}" if str(err) else ""), file=sys.stderr)
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(130)  # don't wait for a running XLA program
    except jax.errors.JaxRuntimeError as err:
        if not _out_of_memory(err):
            raise
        print(f"{prog}: error: the device ran out of memory ({str(err).splitlines()[0]}); "
              f"try fewer rows, a smaller --batch-size or --hidden-size", file=sys.stderr)
        sys.exit(1)
    except EXPECTED_ERRORS as err:
        print(f"{prog}: error: {str(err).splitlines()[0] if str(err) else type(err).__name__}",
              file=sys.stderr)
        sys.exit(1)
