"""A run's folder (``--out``): checked before any work, written file by file, atomically.

The params come first (they are the expensive part), then the preprocessing they need,
then metrics.json, then the figures. A folder whose metrics.json is missing is incomplete
(the program said why on stderr); ``--eval-checkpoint`` still scores its params.
"""

import contextlib
import json
import os
from pathlib import Path

from jaxnet import artifacts, data, plots, preprocess
from jaxnet.cli import machine

# Every file a program writes into --out; a folder holding any of them holds a run.
RUN_FILES = ("params.npz", "preprocess.npz", "metrics.json", "curves.png", "weights.png",
             "sweep.json", "state.npz")


def check_out(out, overwrite=False, resume=False):
    """Refuse an ``--out`` that cannot take this run's files, before any work: a file, a
    folder that cannot be written, or one holding another run's files (unless
    ``overwrite``; with ``resume`` it must hold the run's state)."""
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


def write_params(out, params, prep=None):
    """params.npz, and preprocess.npz (bound to these params by their fingerprint) when the
    inputs were preprocessed beyond the mean image; a stale preprocess.npz is removed."""
    out = Path(out)
    artifacts.save_params(out / "params.npz", params)
    if prep is not None:
        artifacts.save_arrays(out / "preprocess.npz",
                              {**prep, "params_sha256": artifacts.params_fingerprint(params)})
    else:
        with contextlib.suppress(FileNotFoundError):
            (out / "preprocess.npz").unlink()


def write_run(out, params, history, metrics, prep=None, extra=()):
    """The rest of a trained net's files, each written atomically: metrics.json
    (``metrics``, the machine, the history), curves.png and weights.png (the first layer's
    weights as they act on pixels, whatever the preprocessing). Files of an earlier run
    that this one does not write are removed, except the names in ``extra``."""
    out = Path(out)
    artifacts.save_json(out / "metrics.json", {**metrics, **machine.environment(), "history": history})
    plots.save_curves(out / "curves.png", history)
    W1 = params["W1"] if prep is None else preprocess.pixel_weights(prep, params["W1"])
    plots.save_weights(out / "weights.png", W1, data.IMAGE_SHAPE)
    written = {"params.npz", "curves.png", "weights.png", "metrics.json", *extra}
    if prep is not None:
        written.add("preprocess.npz")
    for name in set(RUN_FILES) - written:
        with contextlib.suppress(FileNotFoundError):
            (out / name).unlink()
    return sorted(out.iterdir())


def load_checkpoint(params_path):
    """(params, preprocessing or None) of a checkpoint: its params.npz and the
    preprocess.npz beside it, which must belong to it. A checkpoint trained on
    preprocessed inputs whose preprocess.npz is missing is refused (its metrics.json
    names the preprocessing)."""
    params = artifacts.load_params(params_path)
    path = Path(params_path).with_name("preprocess.npz")
    if not path.exists():
        needed = _recorded_preprocessing(Path(params_path).with_name("metrics.json"))
        if needed not in (None, "mean"):
            raise ValueError(f"{params_path} was trained on '{needed}'-preprocessed inputs, and "
                             f"its {path.name} is missing: scoring it without would be wrong")
        return params, None
    prep = artifacts.load_arrays(path)
    owner = str(prep.pop("params_sha256", ""))
    if owner != artifacts.params_fingerprint(params):
        raise ValueError(f"{path} does not belong to {params_path} (it was written by another "
                         f"run); remove it, or score the checkpoint it came with")
    return params, prep


def _recorded_preprocessing(metrics_path):
    with contextlib.suppress(OSError, ValueError, AttributeError):
        return json.loads(metrics_path.read_text()).get("config", {}).get("preprocess")
    return None
