"""A run's folder (``--out``): checked before any work, written file by file, atomically,
``metrics.json`` last.

The params come first (they are the expensive part), then the preprocessing they need,
the figures, and last metrics.json: a folder holds a metrics.json only when every file of
its run is there (an earlier run's is removed before the first file is replaced). A file
that cannot be written is named, with the files kept; a folder without metrics.json is
incomplete, and ``--eval-checkpoint`` still scores its params.
"""

import contextlib
import os
from pathlib import Path

from jaxnet import artifacts, data, plots, preprocess
from jaxnet.cli import machine

# Every file a program writes into --out; a folder holding any of them holds a run.
RUN_FILES = ("params.npz", "preprocess.npz", "metrics.json", "curves.png", "weights.png",
             "sweep.json", "state.npz")
COMPLETE = "metrics.json"  # written last: the folder's run is complete


def check_out(out, overwrite=False, resume=False):
    """Refuse an ``--out`` that cannot take this run's files, before any work: none
    (an empty string: an unset variable), a file, a folder that cannot be written, or one
    holding another run's files (unless ``overwrite``; with ``resume`` it must hold the
    run's state)."""
    if not str(out).strip():
        raise ValueError("--out is empty (an unset variable?); name the run's folder")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise ValueError(f"--out {out} is a file, not a folder")
    if resume:
        if not (out / "state.npz").is_file():
            raise ValueError(f"--resume: {out} holds no state.npz to continue from; a run "
                             f"writes one when given --checkpoint-every EPOCHS (then also on "
                             f"Ctrl-C), so start it again with that flag")
    elif out.is_dir():
        earlier = [name for name in RUN_FILES if (out / name).exists()]
        if earlier and not overwrite:
            raise ValueError(f"--out {out} holds another run's files ({', '.join(earlier)}); "
                             f"choose another folder, or pass --overwrite to replace them")
    parent = out
    while not parent.exists():  # the folder is made when the files are written
        parent = parent.parent
    if not parent.is_dir() or not os.access(parent, os.W_OK | os.X_OK):
        raise ValueError(f"--out {out}: cannot write into {parent}")


class WriteError(OSError):
    """A run's file could not be written; the message names it and the files kept."""


class RunFolder:
    """The files a run writes into ``out``, in order; ``written``: their paths so far.
    Files of an earlier run that this one does not write are removed before its
    metrics.json, except the names in ``keep``."""

    def __init__(self, out, keep=()):
        self.out, self.keep, self.written = Path(out), set(keep), []

    def write(self, name, save):
        """``save(path)`` for ``out/name`` (atomically, by its own means); an ``OSError``
        becomes a ``WriteError`` naming the file and what was kept."""
        path = self.out / name
        if not self.written:  # an earlier run's metrics.json would vouch for these files
            self.remove(COMPLETE)
        try:
            save(path)
        except OSError as err:
            raise WriteError(self._failure(path, err)) from None
        if path not in self.written:
            self.written.append(path)
        return path

    def complete(self, metrics):
        """Remove an earlier run's other files, then write metrics.json."""
        for name in set(RUN_FILES) - {p.name for p in self.written} - self.keep - {COMPLETE}:
            self.remove(name)
        return self.write(COMPLETE, lambda path: artifacts.save_json(path, metrics))

    def remove(self, name):
        """Remove ``out/name`` if it is there."""
        with contextlib.suppress(FileNotFoundError):
            (self.out / name).unlink()

    def _failure(self, path, err):
        why = err.strerror or str(err) or type(err).__name__
        if not self.written:
            return f"could not write {path} ({why}); nothing of this run was written"
        kept = ", ".join(p.name for p in self.written)
        return (f"could not write {path} ({why}); kept {kept} in {self.out}, which has no "
                f"{COMPLETE}: the run is incomplete")


def write_params(run_folder, params, prep=None, record=None):
    """params.npz (with its ``record``), and preprocess.npz (bound to these params by
    their fingerprint) when the inputs were preprocessed beyond the mean image; a stale
    preprocess.npz is removed."""
    run_folder.write("params.npz", lambda path: artifacts.save_params(path, params, record))
    if prep is not None:
        run_folder.write("preprocess.npz", lambda path: artifacts.save_arrays(
            path, {**prep, "params_sha256": artifacts.params_fingerprint(params)}))
    else:
        run_folder.remove("preprocess.npz")


def write_run(run_folder, params, history, metrics, prep=None):
    """The rest of a trained net's files, each written atomically: curves.png and
    weights.png (the first layer's weights as they act on pixels, whatever the
    preprocessing), then metrics.json (``metrics``, the machine, the history). Returns the
    paths of every file the run wrote."""
    run_folder.write("curves.png", lambda path: plots.save_curves(path, history))
    W1 = params["W1"] if prep is None else preprocess.pixel_weights(prep, params["W1"])
    run_folder.write("weights.png", lambda path: plots.save_weights(path, W1, data.IMAGE_SHAPE))
    run_folder.complete({**metrics, **machine.environment(), "history": history})
    return list(run_folder.written)
