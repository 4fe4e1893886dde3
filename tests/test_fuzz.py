"""Fuzzed boundaries: the CIFAR-10 batch loader and the params/array .npz loaders over
generated and corrupted files. Each raises only its documented error (``DataError``, a
one-line ``ValueError`` naming the file), or returns what the file really holds, and no
file ever runs code (a marker file that the payloads would create must never appear).
"""

import io
import pickle
import zipfile

import hypothesis.extra.numpy as hnp
import hypothesis.strategies as st
import numpy as np
import pytest
from hypothesis import given, note

from jaxnet import artifacts, data
from tests.fake_cifar import py2_pickle, write_batch, write_fake_cifar10
from tests.strategies import examples

# ---------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module")
def good_batch(workdir):
    """A valid 2-image batch in the official format: (bytes, images, labels)."""
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, (2, 32, 32, 3), dtype=np.uint8)
    labels = np.array([3, 9])
    write_batch(workdir / "good_batch", images, labels)
    return (workdir / "good_batch").read_bytes(), images, labels


GOOD_PARAMS = {"W1": np.arange(6.0).reshape(2, 3), "b1": np.array([0.5, -1.0, 2.0]),
               "W2": np.arange(6.0).reshape(3, 2) - 2.5, "b2": np.array([1.0, -1.0])}


@pytest.fixture(scope="module")
def good_npz(workdir):
    artifacts.save_params(workdir / "good.npz", GOOD_PARAMS)
    return (workdir / "good.npz").read_bytes()


def file_with(directory, name, content):
    path = directory / name
    path.write_bytes(content)
    return path


# ---------------------------------------------------------------------------- the loader


def load_batch_outcome(path):
    """``data.load_batch``'s result, or the DataError it raised; anything else fails."""
    try:
        return data.load_batch(path)
    except data.DataError as err:
        assert str(path) in str(err), f"the error does not name the file: {err}"
        return err


def assert_valid_batch(result):
    images, labels = result
    assert images.dtype == np.uint8 and images.ndim == 4 and images.shape[1:] == (32, 32, 3)
    assert labels.dtype == np.int64 and labels.shape == (images.shape[0],)
    assert labels.size == 0 or (labels.min() >= 0 and labels.max() < 10)


def test_every_truncation_of_a_batch_is_refused(workdir, good_batch):
    content, images, labels = good_batch
    got_images, got_labels = data.load_batch(file_with(workdir, "whole", content))
    np.testing.assert_array_equal(got_images, images)
    np.testing.assert_array_equal(got_labels, labels)
    # Strict prefixes (a pickle's STOP is its last byte): every one through the header and
    # the tail, every 7th through the 6 KB of pixels (where the cut lands in one string).
    cuts = sorted(set(range(400)) | set(range(400, len(content) - 300, 7))
                  | set(range(len(content) - 300, len(content))))
    for n in cuts:
        outcome = load_batch_outcome(file_with(workdir, "cut", content[:n]))
        assert isinstance(outcome, data.DataError), f"a {n}-byte prefix loaded"


@examples(60)
@given(content=st.binary(max_size=400))
def test_random_bytes_raise_data_error(workdir, content):
    outcome = load_batch_outcome(file_with(workdir, "random", content))
    if not isinstance(outcome, data.DataError):
        assert_valid_batch(outcome)


@examples(80)
@given(flips=st.lists(st.integers(0, 10**6), min_size=1, max_size=4))
def test_bit_flips_give_data_error_or_a_valid_batch(workdir, good_batch, flips):
    content = bytearray(good_batch[0])
    for f in flips:
        content[f // 8 % len(content)] ^= 1 << (f % 8)
    outcome = load_batch_outcome(file_with(workdir, "flipped", bytes(content)))
    if not isinstance(outcome, data.DataError):
        assert_valid_batch(outcome)


# Values of the wrong types and shapes for the batch's entries.
label_values = st.one_of(
    st.lists(st.integers(-3, 12), max_size=4),
    st.lists(st.integers(2**63, 2**80) | st.integers(-2**80, -2**63 - 1), min_size=1, max_size=3),  # beyond int64
    st.lists(st.one_of(st.text(max_size=3), st.binary(max_size=3), st.none(),
                       st.lists(st.integers(0, 9), max_size=2)), max_size=3),
    st.none(), st.integers(), st.text(max_size=4), st.binary(max_size=4),
    st.dictionaries(st.integers(0, 3), st.integers(0, 3), max_size=2),
    hnp.arrays(st.sampled_from([np.int64, np.uint8, np.float64, np.bool_, np.int8]),
               hnp.array_shapes(min_dims=0, max_dims=2, max_side=3)),
)
data_values = st.one_of(
    hnp.arrays(st.sampled_from([np.uint8, np.int8, np.int64, np.float32, np.bool_]),
               st.sampled_from([(2, 3072), (3072,), (2, 3071), (1, 2, 3072), (0, 3072), (1, 3072), ()])),
    st.none(), st.integers(), st.binary(max_size=8), st.lists(st.integers(0, 255), max_size=4),
)
valid_data = hnp.arrays(np.uint8, st.sampled_from([(1, 3072), (2, 3072), (0, 3072)]))
batch_objects = st.one_of(
    st.fixed_dictionaries({"data": valid_data, "labels": label_values}),  # only labels wrong
    st.fixed_dictionaries({}, optional={"data": data_values, "labels": label_values,
                                        "batch_label": st.binary(max_size=5)}),
    st.lists(st.integers(), max_size=2), st.none(), st.integers(), st.text(max_size=5),
    st.tuples(data_values, label_values),
)


def expected_acceptance(obj):
    """Whether a batch is well-formed, decided from the object itself: a dict holding
    'data', an (N, 3072) uint8 array, and 'labels', N integers in [0, 10)."""
    if not isinstance(obj, dict) or "data" not in obj or "labels" not in obj:
        return False
    d, labels = obj["data"], obj["labels"]
    if not (isinstance(d, np.ndarray) and d.dtype == np.uint8 and d.ndim == 2 and d.shape[1] == 3072):
        return False
    if isinstance(labels, np.ndarray):
        if labels.ndim != 1 or not (np.issubdtype(labels.dtype, np.integer) or labels.dtype == np.bool_):
            return False
        labels = labels.tolist()
    if not isinstance(labels, list) or len(labels) != d.shape[0]:
        return False
    return all(isinstance(v, int) and 0 <= v < 10 for v in labels)


@examples(120)
@given(obj=batch_objects, bytes_keys=st.booleans())
def test_wrong_types_and_shapes_give_data_error(workdir, obj, bytes_keys):
    if bytes_keys and isinstance(obj, dict):
        stored = {k.encode(): v for k, v in obj.items()}
    else:
        stored = obj
    outcome = load_batch_outcome(file_with(workdir, "typed", py2_pickle(stored)))
    accept = expected_acceptance(obj)
    note(f"outcome: {outcome!r}")
    assert isinstance(outcome, data.DataError) != accept
    if accept:
        assert_valid_batch(outcome)
        rows = obj["data"].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1)
        np.testing.assert_array_equal(outcome[0], rows)
        np.testing.assert_array_equal(outcome[1], np.asarray(obj["labels"], np.int64))


def test_labels_beyond_int64_are_a_data_error(workdir):
    # Found by the fuzz above: np.asarray([2**70], np.int64) raised OverflowError.
    path = file_with(workdir, "huge", py2_pickle({b"data": np.zeros((1, 3072), np.uint8),
                                                  b"labels": [2**70]}))
    with pytest.raises(data.DataError, match="'labels' must be a list of integers"):
        data.load_batch(path)


# Pickles that would run code: each payload creates MARKER when unpickled by pickle.load.
DANGEROUS_GLOBALS = [("os", "system"), ("posix", "system"), ("subprocess", "call"),
                     ("builtins", "exec"), ("builtins", "eval"), ("__builtin__", "eval"),
                     ("builtins", "open"), ("builtins", "getattr"), ("numpy", "load"),
                     ("numpy.lib.npyio", "load"), ("numpy", "frombuffer"), ("pickle", "loads"),
                     ("numpy.testing._private.utils", "runstring")]


def payloads(marker):
    """Raw pickles whose loading under ``pickle.load`` would create ``marker``, each
    reaching a forbidden global through a different opcode, some inside a batch dict."""
    cmd = f"touch {marker}".encode()
    code = f"open({str(marker)!r}, 'w').close()".encode()
    yield b"cos\nsystem\n(S'" + cmd + b"'\ntR."  # GLOBAL + REDUCE, protocol 0
    yield b"(S'" + cmd + b"'\nios\nsystem\n."  # INST
    yield b"\x80\x02cbuiltins\nexec\nq\x00X" + len(code).to_bytes(4, "little") + code + b"\x85R."
    yield (b"\x80\x04\x95\x00\x00\x00\x00\x00\x00\x00\x00\x8c\x02os\x8c\x06system\x93"  # STACK_GLOBAL
           + b"\x8c" + bytes([len(cmd)]) + cmd + b"\x85R.")
    yield b"(cos\nsystem\nS'" + cmd + b"'\no."  # OBJ
    # A valid-looking batch whose 'labels' is the call's result.
    yield (b"\x80\x02}q\x00(U\x04dataq\x01K\x01"
           b"U\x06labelsq\x02cos\nsystem\nU" + bytes([len(cmd)]) + cmd + b"\x85Ru.")


def test_pickles_that_would_run_code_never_do(workdir):
    marker = workdir / "pwned"

    class Boom:
        def __reduce__(self):
            import os
            return os.system, (f"touch {marker}",)

    evil = list(payloads(marker)) + [pickle.dumps({"data": Boom(), "labels": [0]}, protocol=p)
                                     for p in range(0, pickle.HIGHEST_PROTOCOL + 1)]
    for i, content in enumerate(evil):
        with pytest.raises(data.DataError, match="refusing to load global"):
            data.load_batch(file_with(workdir, f"evil{i}", content))
        assert not marker.exists(), f"payload {i} ran code"
    # The payloads are live: plain pickle.loads runs the first one (and makes the marker).
    pickle.loads(evil[0])
    assert marker.exists()
    marker.unlink()


@examples(60)
@given(module=st.sampled_from([m for m, _ in DANGEROUS_GLOBALS]) | st.text("abcdefghijklmnopqrstuvwxyz._", min_size=1, max_size=12),
       name=st.sampled_from([n for _, n in DANGEROUS_GLOBALS]) | st.text("abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10),
       wrap=st.booleans())
def test_any_global_outside_the_allow_list_is_refused(workdir, module, name, wrap):
    marker = workdir / "pwned_generated"
    call = f"c{module}\n{name}\n(S'touch {marker}'\ntR".encode()
    content = (b"\x80\x02}(U\x04data" + call + b"U\x06labels]u." if wrap else call + b".")
    outcome = load_batch_outcome(file_with(workdir, "global", content))
    assert isinstance(outcome, data.DataError)
    allowed = {("numpy", "ndarray"), ("numpy", "dtype"), ("numpy.core.multiarray", "_reconstruct"),
               ("numpy._core.multiarray", "_reconstruct")}
    if (module, name) not in allowed:
        assert "refusing to load global" in str(outcome)
    assert not marker.exists()


@examples(40)
@given(names=st.one_of(st.none(), st.integers(), st.text(max_size=4), st.binary(max_size=4),
                       st.lists(st.one_of(st.text(max_size=4), st.binary(max_size=4),
                                          st.integers(), st.none()), max_size=11)),
       flips=st.lists(st.integers(0, 10**5), max_size=3))
def test_a_corrupted_meta_file_gives_data_error(tmp_path_factory, names, flips):
    root = tmp_path_factory.getbasetemp() / "fuzz_meta"
    if not root.exists():
        write_fake_cifar10(root, per_batch=1, num_test=1)
    content = bytearray(py2_pickle({b"label_names": names}))
    for f in flips:
        content[f // 8 % len(content)] ^= 1 << (f % 8)
    (root / "batches.meta").write_bytes(bytes(content))
    try:
        label_names = data.load_cifar10(root)[4]
    except data.DataError as err:
        assert "batches.meta" in str(err)
        return
    assert isinstance(label_names, list) and all(isinstance(n, str) for n in label_names)


# ---------------------------------------------------------------------------- .npz files


def load_outcome(loader, path):
    """``loader(path)``'s result, or its ValueError, checked to be one line naming the
    file; any other exception fails the test."""
    try:
        return loader(path)
    except ValueError as err:
        message = str(err)
        assert message.startswith(f"{path}: "), message
        assert "\n" not in message, message
        return err


def assert_params_or_error(outcome, expected=GOOD_PARAMS):
    """A refusal, or exactly the params the file held."""
    if isinstance(outcome, ValueError):
        assert ("not a params .npz checkpoint" in str(outcome)
                or "holds non-finite values" in str(outcome)), str(outcome)
        return
    assert sorted(outcome) == sorted(expected)
    for k in expected:
        np.testing.assert_array_equal(outcome[k], expected[k])
        assert outcome[k].dtype == expected[k].dtype


@pytest.mark.parametrize("loader", [artifacts.load_params, artifacts.load_arrays])
def test_every_truncation_of_an_npz_is_refused(workdir, good_npz, loader):
    assert_params_or_error(load_outcome(loader, file_with(workdir, "whole.npz", good_npz)))
    for n in range(len(good_npz)):
        outcome = load_outcome(loader, file_with(workdir, "cut.npz", good_npz[:n]))
        assert isinstance(outcome, ValueError), f"a {n}-byte prefix loaded"
        assert "not a readable .npz file" in str(outcome)


def test_non_npz_files_are_refused_with_the_reason(workdir):
    npy = io.BytesIO()
    np.save(npy, np.ones(3))
    cases = {"text.npz": (b"W1 = [[1, 2], [3, 4]]\nb1 = [0, 0]\n", "not a zip archive"),
             "empty.npz": (b"", "the file is empty"),
             "array.npy": (npy.getvalue(), "a single .npy array"),
             "pickle.npz": (pickle.dumps(GOOD_PARAMS), "not a zip archive")}
    for name, (content, reason) in cases.items():
        for loader in (artifacts.load_arrays, artifacts.load_params):
            outcome = load_outcome(loader, file_with(workdir, name, content))
            assert isinstance(outcome, ValueError) and reason in str(outcome), str(outcome)
            assert "allow_pickle" not in str(outcome)
    missing = workdir / "missing.npz"
    assert "file not found" in str(load_outcome(artifacts.load_params, missing))
    assert "is a directory" in str(load_outcome(artifacts.load_arrays, workdir)).lower()


@examples(60)
@given(content=st.binary(max_size=300) | st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b))
def test_random_bytes_are_refused(workdir, content):
    for loader in (artifacts.load_params, artifacts.load_arrays):
        assert isinstance(load_outcome(loader, file_with(workdir, "random.npz", content)), ValueError)


@examples(120)
@given(flips=st.lists(st.integers(0, 10**6), min_size=1, max_size=3))
def test_bit_flips_are_refused_or_harmless(workdir, good_npz, flips):
    content = bytearray(good_npz)
    for f in flips:
        content[f // 8 % len(content)] ^= 1 << (f % 8)
    path = file_with(workdir, "flipped.npz", bytes(content))
    assert_params_or_error(load_outcome(artifacts.load_params, path))
    arrays = load_outcome(artifacts.load_arrays, path)
    if not isinstance(arrays, ValueError):  # a flip in a name (in the directory) is harmless
        assert all(isinstance(v, np.ndarray) for v in arrays.values())


array_dtypes = st.sampled_from([np.float64, np.float32, np.float16, np.int64, np.int8,
                                np.bool_, np.complex128, np.dtype("U3"), np.dtype("S2"),
                                np.dtype([("a", np.float64)])])
member_arrays = hnp.arrays(array_dtypes, hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=3))


@st.composite
def param_like_archives(draw):
    """Dicts of arrays close to params: the right ones with some entries replaced by arrays
    of other shapes and dtypes, removed, or joined by extra ones."""
    arrays = {k: v.copy() for k, v in GOOD_PARAMS.items()}
    for k in draw(st.lists(st.sampled_from(sorted(arrays)), unique=True)):
        action = draw(st.sampled_from(["replace", "remove", "cast"]))
        if action == "replace":
            arrays[k] = draw(member_arrays)
        elif action == "remove":
            del arrays[k]
        else:
            arrays[k] = arrays[k].astype(draw(array_dtypes))
    for name in draw(st.lists(st.sampled_from(["extra", "W3", "w1"]), unique=True, max_size=2)):
        arrays[name] = draw(member_arrays)
    return arrays


def is_params(arrays):
    """The params rule, decided independently: exactly W1, b1, W2, b2, floating and finite,
    with W1 (D, H), b1 (H,), W2 (H, C), b2 (C,)."""
    if sorted(arrays) != ["W1", "W2", "b1", "b2"]:
        return False
    if not all(np.issubdtype(a.dtype, np.floating) for a in arrays.values()):
        return False
    if not all(np.isfinite(a).all() for a in arrays.values()):
        return False
    W1, W2 = arrays["W1"].shape, arrays["W2"].shape
    if len(W1) != 2 or len(W2) != 2 or W1[1] != W2[0]:
        return False
    return arrays["b1"].shape == (W1[1],) and arrays["b2"].shape == (W2[1],)


@examples(80)
@given(arrays=param_like_archives())
def test_arrays_of_wrong_shapes_and_dtypes_are_refused(workdir, arrays):
    path = workdir / "shapes.npz"
    with open(path, "wb") as f:
        np.savez(f, **arrays)
    outcome = load_outcome(artifacts.load_params, path)
    if is_params(arrays):
        assert_params_or_error(outcome, arrays)
        assert not isinstance(outcome, ValueError)
    else:
        assert isinstance(outcome, ValueError)
        assert_params_or_error(outcome)  # refused, with one of the refusals' reasons
    loaded = load_outcome(artifacts.load_arrays, path)  # plain arrays always load
    assert sorted(loaded) == sorted(arrays)
    for k in arrays:
        np.testing.assert_array_equal(loaded[k], arrays[k])


def test_object_arrays_and_pickled_members_never_run_code(workdir):
    marker = workdir / "npz_pwned"

    class Boom:
        def __reduce__(self):
            import os
            return os.system, (f"touch {marker}",)

    path = workdir / "object.npz"
    with open(path, "wb") as f:
        np.savez(f, W1=np.array([Boom(), 1], dtype=object), b1=np.zeros(3))
    # A member that is a raw pickle, not a .npy, and a member that is not an array at all.
    raw = workdir / "raw.npz"
    with zipfile.ZipFile(raw, "w") as z:
        z.writestr("W1.npy", pickle.dumps(Boom()))
        z.writestr("notes.txt", b"hello")
    other = workdir / "other.npz"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("W1", b"plain bytes")
    for p in (path, raw, other):
        for loader in (artifacts.load_params, artifacts.load_arrays):
            outcome = load_outcome(loader, p)
            assert isinstance(outcome, ValueError), f"{p.name} loaded"
        assert not marker.exists()
    assert "member 'W1' is not a .npy array" in str(load_outcome(artifacts.load_arrays, other))
    assert "Object arrays cannot be loaded" in str(load_outcome(artifacts.load_arrays, path))
