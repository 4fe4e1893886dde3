"""A checkpoint that describes itself, and ``--eval-checkpoint``.

params.npz records what scoring it needs (``scoring_record``): the compute dtype, the
test-time views, the data split, the training split's mean image the inputs were centred
by, and the preprocessing's kind and fingerprint (its fitted arrays are preprocess.npz,
beside it). ``--eval-checkpoint`` on the file alone then scores exactly as the run did, or
refuses in one line naming what is missing or differs; a flag that asks for other scoring
is refused, not followed. A checkpoint without the record (an older jaxnet's) is refused
unless ``--legacy-checkpoint`` says to score it the way the flags say.
"""

import contextlib
import json
from pathlib import Path

import numpy as np

from jaxnet import artifacts
from jaxnet.cli import common

FORMAT = 1  # the record's layout; a checkpoint of another is refused, not misread
SCORING = ("dtype", "tta_flip", "tta_shift")  # the Recipe options that decide a score


def scoring_record(recipe, split, mean_image, prep):
    """What scoring a run's params needs: ``recipe``'s dtype and views, the data ``split``
    ({num_training, num_validation, num_test}), the ``mean_image`` (32, 32, 3) the rows
    were centred by, and the fitted preprocessing ``prep`` (None: the mean image only)."""
    return {"format": FORMAT, **{n: getattr(recipe, n) for n in SCORING}, **split,
            "preprocess": recipe.preprocess,
            "preprocess_sha256": None if prep is None else artifacts.arrays_fingerprint(prep),
            "mean_image": np.asarray(mean_image, np.float64)}


def load(path, legacy=False):
    """(params, fitted preprocessing or None, record or None) of the checkpoint at ``path``
    and the preprocess.npz beside it; a ``ValueError`` for what would not score as its run
    did. ``legacy``: a checkpoint without a record is scored as the flags say."""
    params, record = artifacts.load_checkpoint(path)
    if record is None and not legacy:
        raise ValueError(
            f"{path} does not record how its run scored it (an older jaxnet wrote it): its "
            f"preprocessing, test-time views, dtype and split; to score it anyway, add "
            f"--legacy-checkpoint and repeat the run's --dtype, --tta-flip, --tta-shift and "
            f"--num-training, with its preprocess.npz beside it")
    if record is not None and legacy:
        raise ValueError(f"--legacy-checkpoint: {path} records how it is scored; leave the "
                         f"flag out")
    if record is None:
        return params, _legacy_preprocessing(Path(path), params), None
    if record.get("format") != FORMAT:
        raise ValueError(f"{path}: a scoring record of format {record.get('format')!r}; this "
                         f"jaxnet reads format {FORMAT}")
    return params, _preprocessing(Path(path), params, record), record


def _own_preprocessing(path, params):
    """The preprocess.npz beside params.npz ``path``, or None; refused when another
    run's params wrote it."""
    prep_path = path.with_name("preprocess.npz")
    if not prep_path.exists():
        return None
    prep = artifacts.load_arrays(prep_path)
    if str(prep.pop("params_sha256", "")) != artifacts.params_fingerprint(params):
        raise ValueError(f"{prep_path} does not belong to {path} (it was written by another "
                         f"run); remove it, or score the checkpoint it came with")
    return prep


def _preprocessing(path, params, record):
    prep = _own_preprocessing(path, params)
    kind, digest = record["preprocess"], record["preprocess_sha256"]
    if digest is None:
        return None
    if prep is None:
        raise ValueError(f"{path} was trained on '{kind}'-preprocessed inputs: score it with "
                         f"its run's preprocess.npz beside it (missing)")
    if artifacts.arrays_fingerprint(prep) != digest:
        raise ValueError(f"{path.with_name('preprocess.npz')} is not the preprocessing "
                         f"{path} was trained with")
    return prep


def _legacy_preprocessing(path, params):
    """An older run's preprocess.npz; refused where its metrics.json names a
    preprocessing whose file is missing."""
    prep = _own_preprocessing(path, params)
    if prep is None:
        needed = _recorded_preprocessing(path.with_name("metrics.json"))
        if needed not in (None, "mean"):
            raise ValueError(f"{path} was trained on '{needed}'-preprocessed inputs, and "
                             f"its preprocess.npz is missing: scoring it without would be wrong")
    return prep


def _recorded_preprocessing(metrics_path):
    with contextlib.suppress(OSError, ValueError, AttributeError):
        return json.loads(metrics_path.read_text()).get("config", {}).get("preprocess")
    return None


def scoring(record, asked, asked_names, split, given_split):
    """(the scoring options, the data split) for a recorded checkpoint: the record's, with
    the split's counts the flags give (``given_split``). Options the command asks for
    (``asked``: a Recipe; ``asked_names``: those given as flags or by a preset) must be the
    record's, and so must the training rows (the mean image and the first validation row
    follow from them): a ``ValueError`` naming each that differs."""
    differ = [(common.flag(n), getattr(asked, n), record[n]) for n in SCORING
              if n in asked_names and getattr(asked, n) != record[n]]
    if "num_training" in given_split and split["num_training"] != record["num_training"]:
        differ.append(("--num-training", split["num_training"], record["num_training"]))
    if differ:
        raise ValueError("the checkpoint's run scored with " + ", ".join(
            f"{f} {theirs}" for f, _, theirs in differ) + "; this command asks for " + ", ".join(
            f"{f} {mine}" for f, mine, _ in differ) + ": leave those flags out to score as "
            "the run did")
    split = {n: split[n] if n in given_split else record[n] for n in common.SPLIT}
    return {n: record[n] for n in SCORING}, split
