"""The CIFAR-10 data path on tiny fake batches in the official format."""

import hashlib
import http.server
import io
import pickle
import tarfile
import threading
from pathlib import Path

import numpy as np
import pytest

from jaxnet import data
from tests.fake_cifar import py2_pickle, write_batch, write_fake_cifar10


@pytest.fixture(scope="module")
def fake_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("cifar") / "fake-cifar-batches"
    arrays = write_fake_cifar10(root)
    return root, arrays


def test_load_cifar10_layout_and_labels(fake_dir):
    root, (X_train, y_train, X_test, y_test) = fake_dir
    Xtr, ytr, Xte, yte, names = data.load_cifar10(root)
    assert Xtr.shape == (100, 32, 32, 3) and Xtr.dtype == np.uint8
    assert Xte.shape == (20, 32, 32, 3)
    np.testing.assert_array_equal(Xtr, X_train)
    np.testing.assert_array_equal(ytr, y_train)
    np.testing.assert_array_equal(Xte, X_test)
    np.testing.assert_array_equal(yte, y_test)
    assert names[:3] == ["airplane", "automobile", "bird"] and len(names) == 10


def test_rows_are_red_green_blue_planes(tmp_path):
    """Decode by hand: row[0:1024] is the red plane, row-major; then green; then blue."""
    image = np.zeros((1, 32, 32, 3), np.uint8)
    image[0, 1, 2] = (10, 20, 30)  # pixel at row 1, column 2
    write_batch(tmp_path / "b", image, [3])
    raw = pickle.load(open(tmp_path / "b", "rb"), encoding="bytes")[b"data"][0]
    assert raw[1 * 32 + 2] == 10 and raw[1024 + 34] == 20 and raw[2048 + 34] == 30
    images, labels = data.load_batch(tmp_path / "b")
    assert tuple(images[0, 1, 2]) == (10, 20, 30) and labels.tolist() == [3]


def test_str_keys_also_load(tmp_path):
    write_batch(tmp_path / "b", np.ones((2, 32, 32, 3), np.uint8), [1, 2], bytes_keys=False)
    images, labels = data.load_batch(tmp_path / "b")
    assert images.shape == (2, 32, 32, 3) and labels.tolist() == [1, 2]


def test_preprocessing_is_the_notebooks(fake_dir):
    root, (X_train, y_train, X_test, y_test) = fake_dir
    d = data.get_cifar10_data(root, num_training=80, num_validation=20, num_test=10)
    # The notebook's steps, done independently here in float64.
    Xtr, Xval, Xte = (X_train[:80].astype(float), X_train[80:100].astype(float),
                      X_test[:10].astype(float))
    mean = Xtr.mean(axis=0)
    np.testing.assert_allclose(d["X_train"], (Xtr - mean).reshape(80, -1), rtol=0, atol=1e-12)
    np.testing.assert_allclose(d["X_val"], (Xval - mean).reshape(20, -1), rtol=0, atol=1e-12)
    np.testing.assert_allclose(d["X_test"], (Xte - mean).reshape(10, -1), rtol=0, atol=1e-12)
    np.testing.assert_array_equal(d["y_val"], y_train[80:])
    np.testing.assert_array_equal(d["y_test"], y_test[:10])
    assert d["X_train"].dtype == np.float64
    f32 = data.get_cifar10_data(root, num_training=80, num_validation=20, num_test=10,
                                dtype=np.float32)
    assert f32["X_train"].dtype == np.float32
    np.testing.assert_array_equal(f32["X_train"], d["X_train"].astype(np.float32))


def test_too_many_rows_requested(fake_dir):
    with pytest.raises(data.DataError, match="asked for"):
        data.get_cifar10_data(fake_dir[0], num_training=95, num_validation=10)


class Boom:
    """Unpickling this would create a file (as a stand-in for arbitrary code)."""
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (open, (self.path, "w"))


def test_refuses_pickles_that_name_other_globals(tmp_path):
    marker = tmp_path / "pwned"
    (tmp_path / "evil").write_bytes(pickle.dumps({"data": Boom(str(marker)), "labels": []},
                                                 protocol=2))
    with pytest.raises(data.DataError, match=r"evil: not a safe CIFAR-10 batch.*refusing to load global"):
        data.load_batch(tmp_path / "evil")
    assert not marker.exists()
    os_system = b"cos\nsystem\n(S'touch " + str(marker).encode() + b"'\ntR."
    (tmp_path / "evil2").write_bytes(os_system)
    with pytest.raises(data.DataError, match=r"refusing to load global os.system"):
        data.load_batch(tmp_path / "evil2")
    assert not marker.exists()


def test_truncated_and_garbage_files_name_the_file(tmp_path, fake_dir):
    good = (fake_dir[0] / "data_batch_1").read_bytes()
    (tmp_path / "cut").write_bytes(good[: len(good) // 2])
    with pytest.raises(data.DataError, match=r"cut: corrupted or truncated"):
        data.load_batch(tmp_path / "cut")
    (tmp_path / "junk").write_bytes(b"\x00\x01garbage" * 10)
    with pytest.raises(data.DataError, match=r"junk"):
        data.load_batch(tmp_path / "junk")


def test_malformed_contents(tmp_path):
    (tmp_path / "b").write_bytes(py2_pickle({b"data": np.zeros((2, 10), np.uint8), b"labels": [0, 1]}))
    with pytest.raises(data.DataError, match=r"\(N, 3072\) uint8"):
        data.load_batch(tmp_path / "b")
    (tmp_path / "c").write_bytes(py2_pickle({b"data": np.zeros((2, 3072), np.uint8), b"labels": [0, 10]}))
    with pytest.raises(data.DataError, match=r"labels must be in \[0, 10\)"):
        data.load_batch(tmp_path / "c")
    (tmp_path / "d").write_bytes(py2_pickle({b"labels": [0]}))
    with pytest.raises(data.DataError, match="no 'data' entry"):
        data.load_batch(tmp_path / "d")


def test_incomplete_folder_names_the_missing_batches(tmp_path):
    root = tmp_path / "cifar"
    write_fake_cifar10(root)
    (root / "data_batch_3").unlink()
    with pytest.raises(data.DataError, match=r"incomplete: missing data_batch_3\. Restore it"):
        data.load_cifar10(root)
    (root / "test_batch").unlink()
    with pytest.raises(data.DataError, match="missing data_batch_3, test_batch.*new, empty folder"):
        data.load_cifar10(root)


def test_missing_folder_says_where_and_how(tmp_path, monkeypatch):
    with pytest.raises(data.DataError, match=f"not found at {tmp_path / 'nope'}.*--download"):
        data.load_cifar10(tmp_path / "nope")
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    with pytest.raises(data.DataError, match=r"\$CIFAR10_DIR is not set"):
        data.load_cifar10(None)


def test_env_var_is_used(fake_dir, monkeypatch):
    monkeypatch.setenv(data.ENV_VAR, str(fake_dir[0]))
    assert data.load_cifar10(None)[0].shape == (100, 32, 32, 3)


# ---------------------------------------------------------------------------- download


def make_archive(files, top="fake-cifar-batches"):
    """A .tar.gz (bytes) of {name: bytes} under ``top``, plus extra raw members."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, content in files.items():
            info = tarfile.TarInfo(f"{top}/{name}" if top else name)
            info.size = len(content)
            tar.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


@pytest.fixture
def server():
    """Serve {path: bytes} on 127.0.0.1; yields (set_files, base_url)."""
    files = {}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = files.get(self.path)
            if body is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield files, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def archive_files(fake_dir):
    return {p.name: p.read_bytes() for p in fake_dir[0].iterdir()}


def leftovers(parent):
    return sorted(p.name for p in Path(parent).iterdir())


def test_download_verifies_and_extracts(server, archive_files, tmp_path):
    files, url = server
    body = make_archive(archive_files)
    files["/c.tar.gz"] = body
    dest = tmp_path / "fake-cifar-batches"
    out = data.download_cifar10(dest, url=url + "/c.tar.gz", md5=hashlib.md5(body).hexdigest(),
                                progress=False)
    assert out == dest and data.load_cifar10(dest)[0].shape == (100, 32, 32, 3)
    assert leftovers(tmp_path) == ["fake-cifar-batches"]  # no temporary folders left
    # A second call sees the complete copy and does not fetch again.
    del files["/c.tar.gz"]
    assert data.download_cifar10(dest, url=url + "/c.tar.gz", md5="0" * 32, progress=False) == dest


def test_download_checksum_mismatch_extracts_nothing(server, archive_files, tmp_path):
    files, url = server
    files["/c.tar.gz"] = make_archive(archive_files)
    with pytest.raises(data.DataError, match="checksum mismatch.*nothing was extracted"):
        data.download_cifar10(tmp_path / "cifar", url=url + "/c.tar.gz", md5=data.CIFAR10_MD5,
                              progress=False)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("evil_name", ["../escape.txt", "/tmp/jaxnet-abs-escape.txt",
                                       "fake-cifar-batches/../../escape.txt"])
def test_download_refuses_members_outside_target(server, archive_files, tmp_path, evil_name):
    files, url = server
    body = make_archive({**{f"fake-cifar-batches/{k}": v for k, v in archive_files.items()},
                         evil_name: b"gotcha"}, top=None)
    files["/c.tar.gz"] = body
    with pytest.raises(data.DataError, match="outside"):
        data.download_cifar10(tmp_path / "sub" / "cifar", url=url + "/c.tar.gz",
                              md5=hashlib.md5(body).hexdigest(), progress=False)
    assert leftovers(tmp_path / "sub") == []
    assert not (tmp_path / "escape.txt").exists() and not (tmp_path / "sub" / "escape.txt").exists()
    assert not Path("/tmp/jaxnet-abs-escape.txt").exists()


def test_download_refuses_links(server, archive_files, tmp_path):
    files, url = server
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        link = tarfile.TarInfo("fake-cifar-batches/data_batch_1")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        tar.addfile(link)
    body = buffer.getvalue()
    files["/c.tar.gz"] = body
    with pytest.raises(data.DataError, match="not a plain file"):
        data.download_cifar10(tmp_path / "cifar", url=url + "/c.tar.gz",
                              md5=hashlib.md5(body).hexdigest(), progress=False)
    assert leftovers(tmp_path) == []


def test_download_corrupted_archive_and_http_error(server, tmp_path):
    files, url = server
    files["/bad.tar.gz"] = b"not a tarball at all"
    with pytest.raises(data.DataError, match="corrupted archive"):
        data.download_cifar10(tmp_path / "cifar", url=url + "/bad.tar.gz",
                              md5=hashlib.md5(b"not a tarball at all").hexdigest(), progress=False)
    with pytest.raises(data.DataError, match="could not download"):
        data.download_cifar10(tmp_path / "cifar", url=url + "/missing.tar.gz", progress=False)
    assert leftovers(tmp_path) == []


def test_download_refuses_nonempty_unrelated_folder(tmp_path):
    (tmp_path / "cifar").mkdir()
    (tmp_path / "cifar" / "notes.txt").write_text("mine")
    with pytest.raises(data.DataError, match="not an empty folder"):
        data.download_cifar10(tmp_path / "cifar", url="http://127.0.0.1:9/x", progress=False)
    assert (tmp_path / "cifar" / "notes.txt").read_text() == "mine"


def test_a_saved_mean_image_centres_every_split(fake_dir):
    root, (X_train, _, X_test, _) = fake_dir
    mean = np.full((32, 32, 3), 100.0)
    d = data.get_cifar10_data(root, num_training=80, num_validation=20, num_test=10,
                              mean_image=mean)
    rows = X_train.reshape(100, -1).astype(np.float64) - 100.0
    np.testing.assert_array_equal(d["X_train"], rows[:80])
    np.testing.assert_array_equal(d["X_val"], rows[80:])
    np.testing.assert_array_equal(d["X_test"], X_test[:10].reshape(10, -1) - 100.0)
    np.testing.assert_array_equal(d["mean_image"], mean)
    with pytest.raises(data.DataError, match=r"mean_image must have the images' shape"):
        data.get_cifar10_data(root, num_training=80, num_validation=20, num_test=10,
                              mean_image=np.zeros(3072))


def test_the_folder_above_the_batches_points_at_them(fake_dir, tmp_path):
    above = tmp_path / "data"
    (above / "cifar-10-batches-py").mkdir(parents=True)
    for f in fake_dir[0].iterdir():
        (above / "cifar-10-batches-py" / f.name).write_bytes(f.read_bytes())
    with pytest.raises(data.DataError) as err:
        data.load_cifar10(above)
    assert str(err.value) == (f"CIFAR-10 not found at {above}, but its folder "
                              f"cifar-10-batches-py is there: point --data-dir or $CIFAR10_DIR "
                              f"at {above / 'cifar-10-batches-py'}")
