"""Tiny CIFAR-10 folders in the official format, written the way Python 2 wrote them.

The official batches are Python 2 pickles: strings are py2 ``str`` (BINSTRING opcodes,
loaded as bytes with encoding='bytes' or as str with 'latin1') and arrays name
``numpy.core.multiarray._reconstruct``. Python 3's pickler would write bytes through
``_codecs.encode`` instead, so this writer emits py2-style strings itself.
"""

import io
import pickle
import struct
from pathlib import Path

import numpy as np


class _Py2Pickler(pickle._Pickler):
    dispatch = dict(pickle._Pickler.dispatch)

    def save_py2_str(self, obj):
        if len(obj) < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([len(obj)]) + obj)
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", len(obj)) + obj)
        self.memoize(obj)

    dispatch[bytes] = save_py2_str


def py2_pickle(obj):
    buffer = io.BytesIO()
    _Py2Pickler(buffer, protocol=2).dump(obj)
    # NumPy 2 names numpy._core; the official files (NumPy 1 era) name numpy.core.
    return buffer.getvalue().replace(b"cnumpy._core.multiarray\n", b"cnumpy.core.multiarray\n")


def write_batch(path, images, labels, bytes_keys=True):
    """images (N, 32, 32, 3) uint8 -> rows of R, G, B planes, like the official files."""
    data = np.ascontiguousarray(images.transpose(0, 3, 1, 2).reshape(len(images), -1))
    batch = {"batch_label": b"fake batch", "labels": [int(v) for v in labels], "data": data,
             "filenames": [b"img_%d.png" % i for i in range(len(images))]}
    if bytes_keys:
        batch = {k.encode(): v for k, v in batch.items()}
    Path(path).write_bytes(py2_pickle(batch))


LABEL_NAMES = [b"airplane", b"automobile", b"bird", b"cat", b"deer", b"dog", b"frog",
               b"horse", b"ship", b"truck"]


def write_fake_cifar10(root, per_batch=20, num_test=20, seed=0):
    """Five training batches and a test batch of random images; returns the arrays."""
    rng = np.random.default_rng(seed)
    root = Path(root)
    root.mkdir(parents=True, exist_ok=True)
    n = 5 * per_batch + num_test
    images = rng.integers(0, 256, (n, 32, 32, 3), dtype=np.uint8)
    labels = np.arange(n) % 10
    rng.shuffle(labels)
    for i in range(5):
        part = slice(i * per_batch, (i + 1) * per_batch)
        write_batch(root / f"data_batch_{i + 1}", images[part], labels[part])
    write_batch(root / "test_batch", images[5 * per_batch:], labels[5 * per_batch:])
    meta = {b"label_names": LABEL_NAMES, b"num_cases_per_batch": per_batch, b"num_vis": 3072}
    (root / "batches.meta").write_bytes(py2_pickle(meta))
    return images[:5 * per_batch], labels[:5 * per_batch], images[5 * per_batch:], labels[5 * per_batch:]
