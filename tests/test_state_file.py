"""Edges of a saved training state (jaxnet/state.py) that tests/test_state.py leaves open:
every field round-trips exactly (float32 and float64, part-way and at the end, a key of
another implementation, images or not); the header records what it documents; a file that
is not a usable state is refused in one line naming the file and what is wrong; saving is
refused for a state that cannot be resumed from its file, and is atomic.

Three tiny runs (16 rows of 6 inputs, hidden 4, 3 classes, batches of 4) are trained once
each and shared by the module's tests.
"""

import dataclasses
import json
import os

import jax
import jax.numpy as jnp
import numpy as np
import pytest

import jaxnet
from jaxnet import state as state_module

N, D, H, C, BATCH = 16, 6, 4, 3, 4
IMAGE = (2, 3, 1)


def problem(dtype, key=None):
    rng = np.random.default_rng(0)
    X = rng.standard_normal((N, D)).astype(dtype)
    y = rng.integers(0, C, N)
    init_key, train_key = jaxnet.seed_keys(5)
    params = jaxnet.init_params(init_key, D, H, C, std="he", dtype=dtype)
    return params, X, y, train_key if key is None else key


@pytest.fixture(scope="module")
def run32():
    """Adam with flips on (2, 3, 1) images, float32, 4 of its 8 updates done."""
    params, X, y, key = problem(np.float32)
    config = jaxnet.Config(num_iters=8, batch_size=BATCH, optimizer="adam", flip=True)
    state = jaxnet.resume(jaxnet.begin(params, key, config), X, y, X, y, iterations=4,
                          image_shape=IMAGE)
    return state, X, y


@pytest.fixture(scope="module")
def run64():
    """Notebook SGD in float64 from an "rbg" key: (after 4 of 8 updates, at the end)."""
    params, X, y, key = problem(np.float64, jax.random.key(7, impl="rbg"))
    config = jaxnet.Config(num_iters=8, batch_size=BATCH)
    part = jaxnet.resume(jaxnet.begin(params, key, config), X, y, X, y, iterations=4)
    return part, jaxnet.resume(part, X, y, X, y), X, y


@pytest.fixture(scope="module")
def saved(run32, tmp_path_factory):
    path = tmp_path_factory.mktemp("saved") / "state.npz"
    jaxnet.save_state(path, run32[0], extra={"seed": 5, "hidden_size": H})
    return path


def round_trip(state, path, extra=None):
    jaxnet.save_state(path, state, extra=extra)
    return jaxnet.load_state(path)


def assert_same_state(loaded, state):
    assert loaded.config == state.config and loaded.iteration == state.iteration
    assert loaded.data == state.data
    assert str(jax.random.key_impl(loaded.key)) == str(jax.random.key_impl(state.key))
    np.testing.assert_array_equal(jax.random.key_data(loaded.key), jax.random.key_data(state.key))
    got, want = jax.tree.leaves_with_path(loaded.program), jax.tree.leaves_with_path(state.program)
    assert [p for p, _ in got] == [p for p, _ in want]
    for (where, a), (_, b) in zip(got, want):
        assert np.asarray(a).dtype == np.asarray(b).dtype, jax.tree_util.keystr(where)
        np.testing.assert_array_equal(a, b, err_msg=jax.tree_util.keystr(where))
    assert set(loaded.history) == set(state_module.HISTORY_KEYS)
    for k in state_module.HISTORY_KEYS:
        np.testing.assert_array_equal(loaded.history[k], state.history[k], err_msg=k)


@pytest.mark.slow
def test_a_float32_state_part_way_round_trips_every_field(run32, tmp_path):
    state = run32[0]
    loaded, extra = round_trip(state, tmp_path / "state.npz", extra={"seed": 5, "note": "x"})
    assert extra == {"seed": 5, "note": "x"}
    assert_same_state(loaded, state)
    assert loaded.iteration == 4 and not loaded.done
    assert loaded.dtype == jnp.float32 and loaded.sizes == (D, H, C)
    assert len(loaded.history["loss_history"]) == 4


def test_a_state_trained_on_images_remembers_their_shape(saved):
    loaded, _ = jaxnet.load_state(saved)
    assert loaded.data == (N, D, "float32", IMAGE)


@pytest.mark.slow
def test_a_float64_state_with_an_rbg_key_round_trips_every_field(run64, tmp_path):
    part = run64[0]
    loaded, extra = round_trip(part, tmp_path / "state.npz")
    assert extra == {}
    assert_same_state(loaded, part)
    assert str(jax.random.key_impl(loaded.key)) == "rbg"
    assert loaded.dtype == jnp.float64 and loaded.data == (N, D, "float64", None)


def test_a_state_at_the_end_of_its_run_round_trips_and_stays_done(run64, tmp_path):
    end, X, y = run64[1], run64[2], run64[3]
    loaded, _ = round_trip(end, tmp_path / "state.npz")
    assert_same_state(loaded, end)
    assert loaded.done and loaded.iteration == 8
    again = jaxnet.resume(loaded, X, y, X, y)
    assert again.iteration == 8 and len(again.history["loss_history"]) == 8


def test_a_loaded_state_continues_exactly_as_the_unsaved_one(run64, tmp_path):
    part, end, X, y = run64
    loaded, _ = round_trip(part, tmp_path / "state.npz")
    assert_same_state(jaxnet.resume(loaded, X, y, X, y), end)


def test_a_loaded_state_refuses_other_data(saved, run32):
    loaded, _ = jaxnet.load_state(saved)
    X, y = run32[1], run32[2]
    with pytest.raises(ValueError, match=r"16 training rows of 6 inputs \(float32, images \(2, 3, 1\)\)"):
        jaxnet.resume(loaded, X, y, X, y)
    with pytest.raises(ValueError, match="got 12 training rows"):
        jaxnet.resume(loaded, X[:12], y[:12], X, y, image_shape=IMAGE)


def test_the_header_records_format_config_sizes_iteration_data_key_and_extra(saved, run32):
    state = run32[0]
    with np.load(saved, allow_pickle=False) as f:
        header = json.loads(str(f["header"]))
        names = set(f.files)
    assert header["format"] == 2 == state_module.FORMAT
    assert header["config"] == dataclasses.asdict(state.config)
    assert header["sizes"] == [D, H, C] and header["iteration"] == 4
    assert header["data"] == [N, D, "float32", list(IMAGE)]
    assert header["key_impl"] == "threefry2x32"
    assert header["extra"] == {"seed": 5, "hidden_size": H}
    assert {"key", "header", *(f"history_{k}" for k in state_module.HISTORY_KEYS)} <= names
    assert any(name.startswith("program_") for name in names)


def test_saving_before_any_update_is_refused(tmp_path):
    params, _, _, key = problem(np.float32)
    fresh = jaxnet.begin(params, key, jaxnet.Config(num_iters=8, batch_size=BATCH))
    with pytest.raises(ValueError, match=r"^save_state needs a state that has trained "
                                         r"\(call resume first\)$"):
        jaxnet.save_state(tmp_path / "state.npz", fresh)
    assert not any(tmp_path.iterdir())


def test_saving_a_run_of_given_minibatches_is_refused_naming_batch_indices(tmp_path):
    params, X, y, _ = problem(np.float32)
    rows = np.arange(8 * BATCH).reshape(8, BATCH) % N
    state = jaxnet.begin(params, config=jaxnet.Config(num_iters=8, batch_size=BATCH),
                         batch_indices=rows)
    state = jaxnet.resume(state, X, y, X, y, iterations=4)
    with pytest.raises(ValueError) as err:
        jaxnet.save_state(tmp_path / "state.npz", state)
    message = str(err.value)
    assert message.startswith("save_state needs a run whose minibatches come from its key")
    assert message.endswith("not batch_indices")
    assert not any(tmp_path.iterdir())


def rewritten(saved, path, header=None, drop=(), add=None, change=None):
    """The saved state's arrays with ``header``'s items merged in (a string replaces the
    header), ``drop`` removed, ``add`` added and ``change(name, array)`` applied, at ``path``."""
    with np.load(saved, allow_pickle=False) as f:
        arrays = {k: f[k] for k in f.files}
    if isinstance(header, str):
        arrays["header"] = np.array(header)
    elif header is not None:
        arrays["header"] = np.array(json.dumps({**json.loads(str(arrays["header"])), **header}))
    arrays = {k: change(k, v) if change else v for k, v in arrays.items() if k not in drop}
    np.savez(path, **arrays, **(add or {}))
    return path


def transposed(name, array):
    return array.T if name.startswith("program_") and array.ndim == 2 else array


def as_ints(name, array):
    return array.astype(np.int32) if name.startswith("program_") and array.ndim == 2 else array


def saved_header(saved):
    with np.load(saved, allow_pickle=False) as f:
        return json.loads(str(f["header"]))


def without_key(name):
    def make(saved, path):
        header = saved_header(saved)
        del header[name]
        return rewritten(saved, path, header=json.dumps(header))
    return make


def with_option(**options):
    return lambda saved, path: rewritten(saved, path, header={
        "config": {**saved_header(saved)["config"], **options}})


def text_file(saved, path):
    path.write_text("just some text\n")
    return path


def last_program(saved):
    with np.load(saved, allow_pickle=False) as f:
        return max((k for k in f.files if k.startswith("program_")), key=lambda k: int(k[8:]))


REFUSED = {
    "header_not_json": (lambda s, p: rewritten(s, p, header="{not json"),
                        ["not a jaxnet training state"]),
    "header_a_list": (lambda s, p: rewritten(s, p, header="[2]"), ["not a jaxnet training state"]),
    "no_header": (lambda s, p: rewritten(s, p, drop=("header",)), ["not a jaxnet training state"]),
    "format_1": (lambda s, p: rewritten(s, p, header={"format": 1}),
                 ["of format 1", "another version of jaxnet", "reads format 2", "start the run again"]),
    "format_missing": (without_key("format"), ["of format None", "reads format 2"]),
    "format_as_text": (lambda s, p: rewritten(s, p, header={"format": "2"}), ["of format 2,"]),
    "sizes_missing": (without_key("sizes"), ["not a usable jaxnet training state", "sizes"]),
    "data_missing": (without_key("data"), ["not a usable jaxnet training state", "data"]),
    "key_impl_missing": (without_key("key_impl"), ["not a usable jaxnet training state", "key_impl"]),
    "unknown_option": (with_option(lr=1),
                       ["not a usable jaxnet training state", "options this jaxnet lacks", "lr"]),
    "history_missing": (lambda s, p: rewritten(s, p, drop=("history_val_acc_history",)),
                        ["not a usable jaxnet training state", "history_val_acc_history"]),
    "key_missing": (lambda s, p: rewritten(s, p, drop=("key",)),
                    ["not a usable jaxnet training state", "key"]),
    "program_array_missing": (lambda s, p: rewritten(s, p, drop=(last_program(s),)),
                              ["does not fit the config", "optimizer adam"]),
    "program_array_extra": (lambda s, p: rewritten(s, p, add={
        f"program_{int(last_program(s)[8:]) + 1}": np.zeros(3, np.float32)}),
        ["does not fit the config", "optimizer adam"]),
    "other_optimizer": (with_option(optimizer="sgd"), ["does not fit the config", "optimizer sgd"]),
    "transposed_weights": (lambda s, p: rewritten(s, p, change=transposed),
                           ["does not fit the config"]),
    "integer_weights": (lambda s, p: rewritten(s, p, change=as_ints),
                        ["not a usable jaxnet training state", "must be a float array"]),
    "not_an_npz": (text_file, ["not a readable .npz file"]),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_a_file_that_is_not_a_usable_state_is_refused_in_one_line(name, saved, tmp_path):
    make, phrases = REFUSED[name]
    path = make(saved, tmp_path / "bad.npz")
    with pytest.raises(ValueError) as err:
        jaxnet.load_state(path)
    message = str(err.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for phrase in phrases:
        assert phrase in message


def test_saving_replaces_an_existing_state_and_leaves_no_other_file(run32, run64, tmp_path):
    path = tmp_path / "state.npz"
    jaxnet.save_state(path, run32[0])
    jaxnet.save_state(path, run64[0])
    assert os.listdir(tmp_path) == ["state.npz"]
    assert_same_state(jaxnet.load_state(path)[0], run64[0])


def test_a_failed_write_keeps_the_previous_state_and_leaves_no_temp_file(run32, run64, tmp_path,
                                                                        monkeypatch):
    path = tmp_path / "state.npz"
    jaxnet.save_state(path, run32[0])
    before = path.read_bytes()

    def half_then_full_disk(file, **arrays):
        file.write(b"PK\x03\x04 half a file")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(np, "savez", half_then_full_disk)
    with pytest.raises(OSError, match="No space left"):
        jaxnet.save_state(path, run64[0])
    monkeypatch.undo()
    assert os.listdir(tmp_path) == ["state.npz"] and path.read_bytes() == before
    assert_same_state(jaxnet.load_state(path)[0], run32[0])
