"""Run outputs written atomically: params.npz checkpoints, JSON metrics, figures.

Every file is written to a temporary file in the same folder and then renamed over the
target (``os.replace`` is atomic on POSIX and Windows), so an interrupted run leaves
either the old file or the new one, never half of one.
"""

import contextlib
import hashlib
import json
import lzma
import math
import os
import secrets
import struct
import zipfile
import zlib
from pathlib import Path

import numpy as np

from jaxnet import checks


@contextlib.contextmanager
def atomic_path(path):
    """Yield a temporary path beside ``path``; on success rename it to ``path``.

    The temporary name keeps ``path``'s suffix (``np.savez`` and matplotlib look at it).
    It is created with mode 0666 less the umask, as ``open`` would create ``path`` (not
    ``tempfile.mkstemp``'s private 0600, which the rename would keep).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = path.parent / f".{path.stem}-{secrets.token_hex(4)}{path.suffix}"
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            break
        except FileExistsError:
            continue
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _jsonable(value):
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, np.ndarray):
        return _jsonable(value.tolist())
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        value = float(value)
        return value if math.isfinite(value) else None  # JSON has no NaN
    return value


def save_json(path, obj):
    """Write ``obj`` (dicts, lists, NumPy arrays and scalars) as indented JSON, atomically."""
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(_jsonable(obj), indent=2) + "\n")


def save_arrays(path, arrays):
    """Write a dict of arrays as an .npz (loadable with allow_pickle=False), atomically."""
    arrays = {k: np.asarray(v) for k, v in arrays.items()}
    with atomic_path(path) as tmp:
        with open(tmp, "wb") as f:  # a file object: savez must not append ".npz"
            np.savez(f, **arrays)


# What reading a damaged .npz can raise: zipfile's and numpy.lib.format's own errors, and
# those of the decompressors and parsers beneath them (found by tests/test_fuzz.py).
_NPZ_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError,
               KeyError, TypeError, IndexError, struct.error, zlib.error, lzma.LZMAError,
               NotImplementedError, RuntimeError, MemoryError, OverflowError, SyntaxError)
_NPY_MAGIC = b"\x93NUMPY"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # a member first, or an empty archive


def _one_line(text):
    return " ".join(str(text).split())


def _read_npz(path):
    """The arrays of the .npz at ``path``; raises ``_Unreadable(reason)`` for anything that
    is not an archive of plain .npy arrays (pickles are never unpickled)."""
    try:
        with open(path, "rb") as f:
            head = f.read(len(_NPY_MAGIC))
    except FileNotFoundError:
        raise _Unreadable("file not found") from None
    except OSError as err:
        raise _Unreadable(err.strerror or type(err).__name__) from None
    if head.startswith(_NPY_MAGIC):
        raise _Unreadable("a single .npy array, not an .npz archive")
    if not head.startswith(_ZIP_MAGICS):
        raise _Unreadable("not a zip archive" + (": the file is empty" if not head else ""))
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {}
            for name in archive.files:
                value = archive[name]
                if not isinstance(value, np.ndarray):  # NpzFile returns other members' bytes
                    raise _Unreadable(f"member {name!r} is not a .npy array")
                arrays[name] = value
            return arrays
    except _NPZ_ERRORS as err:
        raise _Unreadable(f"{type(err).__name__}: {err}") from None


class _Unreadable(Exception):
    """Why a file is not a readable .npz of arrays."""


def load_arrays(path):
    """Read an .npz written by ``save_arrays`` (no pickles) into a dict of arrays.

    Raises ``ValueError(f"{path}: not a readable .npz file ({reason})")``, one line, for a
    missing, truncated or corrupted file, one that is no zip archive, or one holding
    anything but plain arrays (object arrays and pickles are refused, never loaded).
    """
    try:
        return _read_npz(path)
    except _Unreadable as err:
        raise ValueError(f"{path}: not a readable .npz file ({_one_line(err)})") from None


RECORD = "record"  # params.npz's member holding its record (JSON); its arrays: "record.NAME"


def save_params(path, params, record=None):
    """Write the params dict as an .npz of float arrays W1, b1, W2, b2, atomically, with
    ``record`` (a dict of JSON values and NumPy arrays: what the params need to be used,
    e.g. how they were scored) beside them."""
    checks.check_params(params)
    arrays = {k: params[k] for k in checks.PARAM_NAMES}
    if record is not None:
        plain = {k: v for k, v in record.items() if not isinstance(v, np.ndarray)}
        arrays[RECORD] = np.array(json.dumps(_jsonable(plain)))
        arrays.update({f"{RECORD}.{k}": v for k, v in record.items() if isinstance(v, np.ndarray)})
    save_arrays(path, arrays)


def arrays_fingerprint(arrays, names=None):
    """SHA-256 of ``arrays`` (each name, dtype, shape and bytes, in the order of ``names``,
    default sorted), as hex."""
    digest = hashlib.sha256()
    for k in sorted(arrays) if names is None else names:
        a = np.ascontiguousarray(np.asarray(arrays[k]))
        digest.update(f"{k}{a.dtype.str}{a.shape}".encode())
        digest.update(a.tobytes())
    return digest.hexdigest()


def params_fingerprint(params):
    """SHA-256 of the params' arrays (names, dtypes, shapes and bytes), as hex."""
    return arrays_fingerprint(params, checks.PARAM_NAMES)


def load_checkpoint(path):
    """(params, record or None) of a params .npz (no pickles allowed): the params checked
    for their keys, dtypes, shapes and finite values, the record as ``save_params`` wrote it.

    Raises ``ValueError(f"{path}: ...")``, one line, for an unreadable file (see
    ``load_arrays``), arrays that are not a params dict, an unreadable record or non-finite
    params (a diverged or damaged net).
    """
    try:
        arrays = _read_npz(path)
    except _Unreadable as err:
        raise ValueError(f"{path}: not a params .npz checkpoint (not a readable .npz file: "
                         f"{_one_line(err)})") from None
    record = _split_record(arrays, path)
    try:
        checks.check_params(arrays)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{path}: not a params .npz checkpoint ({_one_line(err)})") from None
    checks.check_finite_params(arrays, str(path))
    return arrays, record


def _split_record(arrays, path):
    """Take the record's members out of ``arrays``: the record, or None."""
    names = [k for k in arrays if k == RECORD or k.startswith(RECORD + ".")]
    if not names:
        return None
    members = {k: arrays.pop(k) for k in names}
    try:
        record = json.loads(str(members.pop(RECORD)))
        if not isinstance(record, dict):
            raise ValueError("not a JSON object")
    except (KeyError, ValueError) as err:
        raise ValueError(f"{path}: not a params .npz checkpoint (its record is unreadable: "
                         f"{_one_line(err)})") from None
    record.update({k[len(RECORD) + 1:]: v for k, v in members.items()})
    return record


def load_params(path):
    """The params of a params .npz (``load_checkpoint`` without the record)."""
    return load_checkpoint(path)[0]
