"""CIFAR-10: safe loading of the official python batches, the notebook's preprocessing,
and a verified download.

The batches are Python 2 pickles, and ``pickle.load`` runs whatever code a file names, so
they are read with an unpickler that only resolves the three NumPy globals the real files
use and refuses anything else without running it.
"""

import hashlib
import os
import pickle
import shutil
import tarfile
import tempfile
import urllib.request
from pathlib import Path

import numpy as np

try:  # NumPy 2 moved numpy.core to numpy._core; the files name the old path.
    from numpy._core.multiarray import _reconstruct
except ImportError:  # pragma: no cover - NumPy 1
    from numpy.core.multiarray import _reconstruct

CIFAR10_URL = "https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
CIFAR10_MD5 = "c58f30108f718f92721af3b95e74349a"
ENV_VAR = "CIFAR10_DIR"
FOLDER = "cifar-10-batches-py"  # the archive's folder of python batches
TRAIN_FILES = tuple(f"data_batch_{i}" for i in range(1, 6))
TEST_FILE = "test_batch"
META_FILE = "batches.meta"
IMAGE_SHAPE = (32, 32, 3)
NUM_CLASSES = 10

_ALLOWED_GLOBALS = {
    ("numpy.core.multiarray", "_reconstruct"): _reconstruct,
    ("numpy._core.multiarray", "_reconstruct"): _reconstruct,
    ("numpy", "ndarray"): np.ndarray,
    ("numpy", "dtype"): np.dtype,
}


class DataError(Exception):
    """The data set is missing, corrupted, unsafe or malformed (the message says which)."""


class _Refused(pickle.UnpicklingError):
    """The file names a global outside the allow-list."""


class _SafeUnpickler(pickle.Unpickler):
    """Resolves only NumPy's array-reconstruction globals; refuses everything else."""

    def find_class(self, module, name):
        try:
            return _ALLOWED_GLOBALS[(module, name)]
        except KeyError:
            raise _Refused(
                f"refusing to load global {module}.{name}: a CIFAR-10 batch only holds "
                f"NumPy arrays, lists and strings") from None


def _unpickle(path):
    try:
        with open(path, "rb") as f:
            return _SafeUnpickler(f, encoding="latin1").load()
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except _Refused as err:
        raise DataError(f"{path}: not a safe CIFAR-10 batch: {err}") from None
    except (pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, IndexError, KeyError,
            UnicodeDecodeError, MemoryError, OSError) as err:
        raise DataError(f"{path}: corrupted or truncated CIFAR-10 batch "
                        f"({type(err).__name__}: {err})") from None


def _field(batch, name, path):
    if not isinstance(batch, dict):
        raise DataError(f"{path}: expected a dict, found {type(batch).__name__}")
    for key in (name, name.encode()):
        if key in batch:
            return batch[key]
    raise DataError(f"{path}: no '{name}' entry (found {sorted(map(str, batch))})")


def load_batch(path):
    """One batch file as images (N, 32, 32, 3) uint8 and labels (N,) int64."""
    batch = _unpickle(path)
    data, labels = _field(batch, "data", path), _field(batch, "labels", path)
    if not isinstance(data, np.ndarray) or data.dtype != np.uint8 or data.ndim != 2 \
            or data.shape[1] != np.prod(IMAGE_SHAPE):
        raise DataError(f"{path}: 'data' must be an (N, 3072) uint8 array, got "
                        f"{getattr(data, 'dtype', type(data).__name__)} {np.shape(data)}")
    try:
        labels = np.asarray(labels, dtype=np.int64)
    except (TypeError, ValueError, OverflowError):  # OverflowError: an int beyond int64
        raise DataError(f"{path}: 'labels' must be a list of integers") from None
    if labels.shape != (data.shape[0],):
        raise DataError(f"{path}: {data.shape[0]} images but labels of shape {labels.shape}")
    if labels.size and (labels.min() < 0 or labels.max() >= NUM_CLASSES):
        raise DataError(f"{path}: labels must be in [0, {NUM_CLASSES}), found "
                        f"{labels.min()}..{labels.max()}")
    # Each row holds the red, green and blue 32x32 planes; make (N, 32, 32, 3).
    images = data.reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
    return np.ascontiguousarray(images), labels


def resolve_data_dir(data_dir=None):
    """The CIFAR-10 folder: ``data_dir`` if given, else $CIFAR10_DIR, else None."""
    value = data_dir or os.environ.get(ENV_VAR)
    return Path(value).expanduser() if value else None


def _missing_message(root):
    if root is not None and root.is_dir():
        missing = [f for f in TRAIN_FILES + (TEST_FILE,) if not (root / f).is_file()]
        if len(missing) < len(TRAIN_FILES) + 1:  # an incomplete copy: name what is missing
            return (f"CIFAR-10 at {root} is incomplete: missing {', '.join(missing)}. Restore "
                    f"{'it' if len(missing) == 1 else 'them'} from the official archive, or "
                    f"add --download with --data-dir naming a new, empty folder")
    where = f"at {root}" if root else f"(no --data-dir given and ${ENV_VAR} is not set)"
    inside = root / FOLDER if root is not None else None
    if inside is not None and all((inside / f).is_file() for f in TRAIN_FILES + (TEST_FILE,)):
        return (f"CIFAR-10 not found {where}, but its folder {FOLDER} is there: point "
                f"--data-dir or ${ENV_VAR} at {inside}")
    return (f"CIFAR-10 not found {where}: expected the folder '{FOLDER}' with "
            f"{', '.join(TRAIN_FILES[:1])}..{TRAIN_FILES[-1][-1]}, {TEST_FILE} and {META_FILE}. "
            f"Point --data-dir or ${ENV_VAR} at it, or add --download to fetch "
            f"{CIFAR10_URL} (163 MB).")


def _label_names(path):
    """The meta file's class names, a list of str."""
    names = _field(_unpickle(path), "label_names", path)
    if not isinstance(names, (list, tuple)) or not all(isinstance(n, (str, bytes)) for n in names):
        raise DataError(f"{path}: 'label_names' must be a list of strings, got "
                        f"{type(names).__name__}")
    try:
        return [n.decode() if isinstance(n, bytes) else n for n in names]
    except UnicodeDecodeError as err:
        raise DataError(f"{path}: a label name is not UTF-8 ({err})") from None


def load_cifar10(data_dir):
    """The whole data set from the python-batch folder.

    Returns:
      X_train (50000, 32, 32, 3) uint8, y_train (50000,) int64,
      X_test (10000, 32, 32, 3) uint8, y_test (10000,) int64, label_names (list of str).
    """
    root = resolve_data_dir(data_dir)
    if root is None or not root.is_dir() or not all((root / f).is_file()
                                                     for f in TRAIN_FILES + (TEST_FILE,)):
        raise DataError(_missing_message(root))
    parts = [load_batch(root / f) for f in TRAIN_FILES]
    X_train = np.concatenate([p[0] for p in parts])
    y_train = np.concatenate([p[1] for p in parts])
    X_test, y_test = load_batch(root / TEST_FILE)
    label_names = [str(i) for i in range(NUM_CLASSES)]
    if (root / META_FILE).is_file():
        label_names = _label_names(root / META_FILE)
    return X_train, y_train, X_test, y_test, label_names


def get_cifar10_data(data_dir, num_training=49000, num_validation=1000, num_test=1000,
                     dtype=np.float64, mean_image=None):
    """The notebook's ``get_CIFAR10_data``: split, subtract the training mean image, flatten.

    val = training rows num_training .. num_training + num_validation - 1, train = the
    first num_training rows, test = the first num_test rows of test_batch; the mean image of
    the training split (or the ``mean_image`` given, (32, 32, 3) float64: a saved run's) is
    subtracted from all three; each image becomes a row of 3072 (32 x 32 x 3, channels
    last). The arithmetic is float64, as in the notebook; the result is cast to ``dtype``.

    Returns a dict with X_train, y_train, X_val, y_val, X_test, y_test, mean_image
    (32, 32, 3) and label_names.
    """
    X_train, y_train, X_test, y_test, label_names = load_cifar10(data_dir)
    if num_training + num_validation > len(X_train) or num_test > len(X_test):
        raise DataError(f"asked for {num_training} + {num_validation} training/validation and "
                        f"{num_test} test images; the data set has {len(X_train)} and {len(X_test)}")
    X_val = X_train[num_training:num_training + num_validation]
    y_val = y_train[num_training:num_training + num_validation]
    X_train, y_train = X_train[:num_training], y_train[:num_training]
    X_test, y_test = X_test[:num_test], y_test[:num_test]
    if mean_image is None:
        mean_image = np.mean(X_train, axis=0, dtype=np.float64)
    elif np.shape(mean_image) != IMAGE_SHAPE:
        raise DataError(f"mean_image must have the images' shape {IMAGE_SHAPE}, got "
                        f"{np.shape(mean_image)}")
    mean_image = np.asarray(mean_image, np.float64)

    def centre(X):
        # float64 arithmetic cast to dtype, in chunks so float32 output never holds a
        # float64 copy of the whole split (the same numbers, 20x faster here).
        rows, flat_mean = X.reshape(len(X), mean_image.size), mean_image.reshape(-1)
        out = np.empty(rows.shape, dtype)
        for i in range(0, len(rows), 2048):
            np.subtract(rows[i:i + 2048], flat_mean, out=out[i:i + 2048], casting="unsafe")
        return out

    return {
        "X_train": centre(X_train), "y_train": y_train,
        "X_val": centre(X_val), "y_val": y_val,
        "X_test": centre(X_test), "y_test": y_test,
        "mean_image": mean_image, "label_names": label_names,
    }


# ---------------------------------------------------------------------------- download


def _md5(path):
    digest = hashlib.md5()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fetch(url, path, progress=True):
    from tqdm.auto import tqdm

    with urllib.request.urlopen(url, timeout=60) as response, open(path, "wb") as out:
        total = int(response.headers.get("Content-Length") or 0) or None
        with tqdm(total=total, unit="B", unit_scale=True, desc="download",
                  disable=not progress, leave=False) as bar:
            for chunk in iter(lambda: response.read(1 << 16), b""):
                out.write(chunk)
                bar.update(len(chunk))
    if total is not None and os.path.getsize(path) != total:
        raise DataError(f"download of {url} was cut short: {os.path.getsize(path)} of {total} bytes")


def _safe_members(archive, dest):
    """Refuse the whole archive if any member would land outside ``dest`` or is not a
    plain file or folder (links, devices)."""
    dest = os.path.realpath(dest)
    for member in archive.getmembers():
        target = os.path.realpath(os.path.join(dest, member.name))
        if os.path.commonpath([dest, target]) != dest:
            raise DataError(f"archive member {member.name!r} would be written outside {dest}; refusing")
        if not (member.isfile() or member.isdir()):
            raise DataError(f"archive member {member.name!r} is not a plain file or folder; refusing")
    return archive.getmembers()


def download_cifar10(data_dir, url=CIFAR10_URL, md5=CIFAR10_MD5, progress=True):
    """Fetch the python-version archive and unpack its batches into ``data_dir``.

    The checksum is verified before anything is extracted; members that would land outside
    the target, links and special files make the whole archive refused; extraction goes to
    a temporary folder beside ``data_dir`` that is renamed into place only when complete,
    so an error never leaves a half-extracted folder. Does nothing if ``data_dir`` already
    holds the batches. Returns ``data_dir`` as a Path.
    """
    data_dir = Path(data_dir).expanduser()
    if data_dir.is_dir() and all((data_dir / f).is_file() for f in TRAIN_FILES + (TEST_FILE,)):
        return data_dir
    if data_dir.exists() and any(data_dir.iterdir()):
        raise DataError(f"{data_dir} exists and is not an empty folder or a complete CIFAR-10 "
                        f"copy; choose another --data-dir")
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".cifar10-download-", dir=data_dir.parent))
    try:
        archive_path = work / "cifar-10-python.tar.gz"
        try:
            _fetch(url, archive_path, progress)
        except OSError as err:  # URLError, HTTPError, timeouts, connection resets
            raise DataError(f"could not download {url}: {err}") from None
        actual = _md5(archive_path)
        if actual != md5:
            raise DataError(f"checksum mismatch for {url}: MD5 {actual}, expected {md5}; "
                            f"nothing was extracted")
        extract_dir = work / "extract"
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                members = _safe_members(archive, extract_dir)
                archive.extractall(extract_dir, members=members, filter="data")
        except (tarfile.TarError, EOFError, OSError) as err:
            raise DataError(f"{url}: corrupted archive ({err})") from None
        found = [p.parent for p in extract_dir.rglob(TRAIN_FILES[0])]
        if len(found) != 1 or not all((found[0] / f).is_file() for f in TRAIN_FILES + (TEST_FILE,)):
            raise DataError(f"{url}: the archive does not hold the CIFAR-10 python batches")
        if data_dir.exists():
            data_dir.rmdir()  # empty, checked above
        os.replace(found[0], data_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return data_dir
