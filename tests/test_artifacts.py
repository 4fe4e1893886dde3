"""jaxnet.artifacts: files written through a temporary beside them, params checkpoints with
their record, and the arrays' fingerprint."""

import io
import json
import os
import stat
from pathlib import Path

import numpy as np
import pytest

from jaxnet import artifacts, checks


def params(seed=0):
    rng = np.random.default_rng(seed)
    return {"W1": rng.standard_normal((4, 3)), "b1": np.zeros(3), "W2": rng.standard_normal((3, 2)),
            "b2": np.zeros(2)}


def test_atomic_path_takes_a_str_and_makes_its_temporary_first_with_opens_mode(tmp_path):
    """The temporary exists before anything is written to it, created as ``open`` would create
    the target (0666 less the umask), beside the target with its suffix, then renamed over it."""
    umask = os.umask(0)
    os.umask(umask)
    target = str(tmp_path / "run" / "metrics.json")
    with artifacts.atomic_path(target) as tmp:
        assert tmp.exists() and tmp.parent == Path(target).parent and tmp.suffix == ".json"
        assert stat.S_IMODE(tmp.stat().st_mode) == 0o666 & ~umask
    assert Path(target).read_bytes() == b"" and os.listdir(tmp_path / "run") == ["metrics.json"]


def test_a_checkpoint_keeps_its_record_of_json_values_and_arrays(tmp_path):
    path = tmp_path / "params.npz"
    record = {"dtype": "float32", "views": [1, 2], "scale": np.arange(3.0)}
    artifacts.save_params(path, params(), record)
    loaded, back = artifacts.load_checkpoint(path)
    assert sorted(loaded) == sorted(checks.PARAM_NAMES)
    for k, v in params().items():
        np.testing.assert_array_equal(loaded[k], v)
    assert sorted(back) == ["dtype", "scale", "views"] and back["dtype"] == "float32" and back["views"] == [1, 2]
    np.testing.assert_array_equal(back["scale"], np.arange(3.0))
    artifacts.save_params(path, params())
    assert artifacts.load_checkpoint(path)[1] is None


def test_params_that_are_not_a_params_dict_are_refused_and_nothing_is_written(tmp_path):
    path = tmp_path / "params.npz"
    with pytest.raises(ValueError, match="params must have exactly the keys"):
        artifacts.save_params(path, {k: v for k, v in params().items() if k != "b2"})
    assert not path.exists()


@pytest.mark.parametrize("arrays, words", [
    ({k: v for k, v in params().items() if k != "b2"}, "checkpoint (params must have exactly the keys ('W1', "
     "'b1', 'W2', 'b2'): missing ['b2']"),
    ({**params(), "W2": np.full((3, 2), np.nan)}, "W2 holds non-finite values"),
    ({**params(), "record": np.array("{not json")}, "its record is unreadable"),
    ({**params(), "record": np.array("[1, 2]")}, "its record is unreadable: not a JSON object"),
])
def test_a_checkpoint_that_cannot_be_used_is_refused_in_one_line_naming_the_file(tmp_path, arrays, words):
    path = tmp_path / "params.npz"
    artifacts.save_arrays(path, arrays)
    with pytest.raises(ValueError) as refused:
        artifacts.load_checkpoint(path)
    message = str(refused.value)
    assert message.startswith(str(path)) and words in message and "\n" not in message


def test_the_fingerprint_is_of_each_arrays_name_dtype_shape_and_bytes():
    arrays = {"x": np.arange(6.0), "y": np.ones(2, np.float32)}
    first = artifacts.arrays_fingerprint(arrays)
    assert first == artifacts.arrays_fingerprint({k: v.copy() for k, v in arrays.items()}) and len(first) == 64
    assert first == artifacts.arrays_fingerprint(arrays, ["x", "y"]) != artifacts.arrays_fingerprint(arrays, ["y", "x"])
    for other in ({**arrays, "x": np.arange(6.0) + 1},           # the values
                  {**arrays, "x": np.arange(6.0).reshape(2, 3)},  # the shape, the same bytes
                  {**arrays, "x": np.arange(6.0).view(np.int64)},  # the dtype, the same bytes
                  {"z": arrays["x"], "y": arrays["y"]}):          # the name
        assert artifacts.arrays_fingerprint(other) != first


def npy_bytes(array):
    """The bytes np.save writes for ``array`` (a .npy file)."""
    buffer = io.BytesIO()
    np.save(buffer, array)
    return buffer.getvalue()


@pytest.mark.parametrize("write, reason", [
    (None, "file not found"),
    (lambda p: p.mkdir(), "Is a directory"),
    (lambda p: p.write_bytes(npy_bytes(np.arange(3))), "a single .npy array, not an .npz archive"),
    (lambda p: p.write_bytes(b"nonsense"), "not a zip archive"),
    (lambda p: p.write_bytes(b""), "not a zip archive: the file is empty"),
    (lambda p: p.write_bytes(b"PK\x03\x04" + b"\0" * 40), "BadZipFile: "),
], ids=["missing", "a folder", "one npy", "not a zip", "empty", "a broken zip"])
def test_each_unreadable_file_is_refused_with_its_own_reason(tmp_path, write, reason):
    path = tmp_path / "params.npz"
    if write:
        write(path)
    with pytest.raises(ValueError) as refused:
        artifacts.load_arrays(path)
    message = str(refused.value)
    assert message.startswith(f"{path}: not a readable .npz file ({reason}") and "\n" not in message, message
    if reason.startswith("not a zip archive"):
        assert message == f"{path}: not a readable .npz file ({reason})"
    with pytest.raises(ValueError) as refused:
        artifacts.load_checkpoint(path)
    assert str(refused.value).startswith(f"{path}: not a params .npz checkpoint (not a readable .npz file: {reason}"), \
        str(refused.value)


def test_json_is_written_indented_by_two_with_numpy_integers_as_ints(tmp_path):
    artifacts.save_json(tmp_path / "m.json", {"n": np.int64(3), "xs": [1, 2]})
    text = (tmp_path / "m.json").read_text()
    assert text == json.dumps({"n": 3, "xs": [1, 2]}, indent=2) + "\n"


def test_the_params_fingerprint_takes_the_params_in_their_order():
    p = params()
    assert artifacts.params_fingerprint(p) == artifacts.arrays_fingerprint(p, ["W1", "b1", "W2", "b2"])
    assert artifacts.params_fingerprint(p) != artifacts.arrays_fingerprint(p)  # sorted: W1, W2, b1, b2
