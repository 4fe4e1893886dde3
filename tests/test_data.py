"""The CIFAR-10 data path on tiny fake batches in the official format."""

import hashlib
import http.client
import http.server
import io
import math
import pickle
import shutil
import tarfile
import threading
import urllib.request
from pathlib import Path

import numpy as np
import pytest
from tqdm.auto import tqdm

from jaxnet import data
from tests.fake_cifar import LABEL_NAMES, py2_pickle, write_batch, write_fake_cifar10
from tests.helpers import recording_bar


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


def test_download_fills_an_empty_folder_and_counts_its_bytes_on_the_bar(server, archive_files, tmp_path,
                                                                        monkeypatch):
    """An existing empty --data-dir is filled; the progress bar's total and updates are the
    archive's bytes."""
    import tqdm.auto

    seen = []
    monkeypatch.setattr(tqdm.auto, "tqdm", recording_bar(seen))
    files, url = server
    body = make_archive(archive_files)
    files["/c.tar.gz"] = body
    dest = tmp_path / "cifar"
    dest.mkdir()
    data.download_cifar10(dest, url=url + "/c.tar.gz", md5=hashlib.md5(body).hexdigest(), progress=True)
    assert data.load_cifar10(dest)[0].shape == (100, 32, 32, 3) and leftovers(tmp_path) == ["cifar"]
    assert seen[0] == ("total", len(body)) and sum(n for what, n in seen[1:] if what == "update") == len(body)


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
    with pytest.raises(data.DataError, match="archive member .* would be written outside"):  # before tarfile's filter
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
    given32 = data.get_cifar10_data(root, num_training=80, num_validation=20, num_test=10,
                                    mean_image=mean.astype(np.float32))["mean_image"]
    assert type(given32) is np.ndarray and given32.dtype == np.float64  # kept as the float64 it is used as
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


# ------------------------------------------ the download, the loader's errors, the defaults
# The download's progress bar, short and header-less downloads, where it works and what it
# refuses; the exact wording of the loader's errors; the meta file's names; and
# get_cifar10_data's defaults, bounds, keys and chunked centring. No network: archives are
# served from local files (``file://``) or by a stand-in for ``urllib.request.urlopen``.

NAMES = [n.decode() for n in LABEL_NAMES]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """25 training and 5 test images (30 x 3 KB: an archive larger than one network read)."""
    root = tmp_path_factory.mktemp("edges") / "cifar-10-batches-py"
    return root, write_fake_cifar10(root, per_batch=5, num_test=5)


@pytest.fixture(scope="module")
def batch_files(folder):
    return {p.name: p.read_bytes() for p in folder[0].iterdir()}


@pytest.fixture(scope="module")
def archive(batch_files, tmp_path_factory):
    """(file:// URL, bytes, MD5) of the folder packed as the official .tar.gz."""
    path = tmp_path_factory.mktemp("archive") / "cifar-10-python.tar.gz"
    url, md5 = tar_gz(path, batch_files)
    return url, path.read_bytes(), md5


@pytest.fixture
def tiny_dir(tmp_path):
    root = tmp_path / "cifar"
    write_fake_cifar10(root, per_batch=1, num_test=1)
    return root


def pack(path, members, mode=0o644, compression="gz"):
    """Write [(member name, bytes)] as a tar at ``path`` (gzipped by default; "" for a plain
    tar); returns (URL, MD5)."""
    with tarfile.open(path, f"w:{compression}") as tar:
        for name, content in members:
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(content), mode
            tar.addfile(info, io.BytesIO(content))
    return path.as_uri(), hashlib.md5(path.read_bytes()).hexdigest()


def tar_gz(path, files, top="cifar-10-batches-py", mode=0o644, compression="gz"):
    """Write {name: bytes} under ``top`` as a .tar.gz at ``path`` (a plain tar with
    ``compression=""``); returns (URL, MD5)."""
    return pack(path, [(f"{top}/{name}", content) for name, content in files.items()], mode,
                compression)


class FakeResponse:
    """What urlopen returns: a context manager with headers and read(n)."""

    def __init__(self, body, length):
        self.headers = http.client.HTTPMessage()
        if length is not None:
            self.headers["Content-Length"] = str(length)
        self._body = io.BytesIO(body)

    def read(self, n=-1):
        return self._body.read(n)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


@pytest.fixture
def serve(monkeypatch):
    """``serve(body, length, on_open)``: every URL answers ``body`` with that Content-Length
    (the body's own by default, None for no header); ``on_open()`` runs when a URL is
    opened. Returns the list of (url, timeout) calls."""
    calls = []

    def install(body, length="own", on_open=lambda: None):
        def urlopen(url, timeout=None):
            calls.append((url, timeout))
            on_open()
            return FakeResponse(body, len(body) if length == "own" else length)
        monkeypatch.setattr(urllib.request, "urlopen", urlopen)
        return calls
    return install


def screen(text):
    """The lines a terminal shows after ``text``: a carriage return goes back to the start
    of the line and what follows overwrites it."""
    lines = []
    for raw in text.split("\n"):
        line = ""
        for part in raw.split("\r"):
            line = part + line[len(part):]
        lines.append(line.rstrip())
    return lines


def raised(call, *args, **kwargs):
    with pytest.raises(data.DataError) as info:
        call(*args, **kwargs)
    return str(info.value)


def assert_is_the_fake(root, folder):
    X_train, y_train, X_test, y_test = folder[1]
    Xtr, ytr, Xte, yte, _ = data.load_cifar10(root)
    np.testing.assert_array_equal(Xtr, X_train)
    np.testing.assert_array_equal(ytr, y_train)
    np.testing.assert_array_equal(Xte, X_test)
    np.testing.assert_array_equal(yte, y_test)


# ---------------------------------------------------------------------------- download


def test_download_shows_a_byte_progress_bar_by_default_and_erases_it(archive, tmp_path, capsys):
    url, body, md5 = archive
    data.download_cifar10(tmp_path / "cifar", url=url, md5=md5)
    err = capsys.readouterr().err
    assert "download:   0%|" in err
    assert f" 0.00/{tqdm.format_sizeof(len(body))} [" in err  # the size, in kB
    assert "?B/s]" in err
    assert screen(err) == [""]


def test_download_without_progress_writes_nothing(archive, tmp_path, capsys):
    url, _, md5 = archive
    data.download_cifar10(tmp_path / "cifar", url=url, md5=md5, progress=False)
    assert capsys.readouterr() == ("", "")


def test_download_opens_the_url_once_with_a_timeout_and_keeps_every_byte(
        serve, archive, folder, tmp_path):
    _, body, md5 = archive
    calls = serve(body)
    dest = data.download_cifar10(tmp_path / "cifar", url="https://example.test/c.tar.gz", md5=md5,
                                 progress=False)
    (url, timeout), = calls
    assert url == "https://example.test/c.tar.gz"
    assert timeout is not None and 0 < timeout < math.inf
    assert_is_the_fake(dest, folder)


def test_download_without_content_length_completes(serve, archive, folder, tmp_path):
    _, body, md5 = archive
    serve(body, length=None)
    assert_is_the_fake(data.download_cifar10(tmp_path / "cifar", url="https://example.test/c",
                                             md5=md5, progress=False), folder)


def test_short_download_names_both_sizes_and_leaves_nothing(serve, archive, tmp_path):
    _, body, md5 = archive
    serve(body[:50000], length=len(body))
    message = raised(data.download_cifar10, tmp_path / "cifar", url="https://example.test/c",
                     md5=md5, progress=False)
    assert message == f"download of https://example.test/c was cut short: 50000 of {len(body)} bytes"
    assert list(tmp_path.iterdir()) == []


def test_download_creates_missing_parent_folders(archive, folder, tmp_path):
    url, _, md5 = archive
    dest = data.download_cifar10(tmp_path / "a" / "b" / "cifar", url=url, md5=md5, progress=False)
    assert dest == tmp_path / "a" / "b" / "cifar"
    assert_is_the_fake(dest, folder)


def test_download_works_in_a_temporary_folder_beside_the_target(serve, archive, tmp_path):
    _, body, md5 = archive
    during = []
    serve(body, on_open=lambda: during.extend((p.name, p.is_dir()) for p in tmp_path.iterdir()))
    dest = data.download_cifar10(tmp_path / "cifar", url="https://example.test/c", md5=md5,
                                 progress=False)
    (name, is_dir), = during
    assert is_dir and name != dest.name
    assert list(tmp_path.iterdir()) == [dest]


@pytest.mark.parametrize("left_out", ["everything", "test_batch"])
def test_archive_without_the_batches_is_refused(batch_files, tmp_path, left_out):
    files = ({"readme.html": b"<html></html>"} if left_out == "everything"
             else {k: v for k, v in batch_files.items() if k != left_out})
    (tmp_path / "src").mkdir()
    url, md5 = tar_gz(tmp_path / "src" / "c.tar.gz", files)
    (tmp_path / "dst").mkdir()
    message = raised(data.download_cifar10, tmp_path / "dst" / "cifar", url=url, md5=md5,
                     progress=False)
    assert message == f"{url}: the archive does not hold the CIFAR-10 python batches"
    assert list((tmp_path / "dst").iterdir()) == []


def test_an_archive_with_a_second_copy_of_a_batch_is_refused(batch_files, tmp_path):
    """Two folders holding data_batch_1 (one of them complete): which is CIFAR-10 is
    ambiguous, so the archive is refused rather than one of them guessed."""
    members = [(f"cifar-10-batches-py/{k}", v) for k, v in batch_files.items()]
    url, md5 = pack(tmp_path / "c.tar.gz", members + [("copy/data_batch_1",
                                                       batch_files["data_batch_1"])])
    message = raised(data.download_cifar10, tmp_path / "cifar", url=url, md5=md5,
                     progress=False)
    assert message == f"{url}: the archive does not hold the CIFAR-10 python batches"
    assert not (tmp_path / "cifar").exists()


def test_an_archive_that_is_not_gzip_is_refused_as_corrupted(batch_files, tmp_path):
    """The official archive is a .tar.gz and is opened as one: a plain tar, even with its
    own matching checksum, is refused."""
    url, md5 = tar_gz(tmp_path / "c.tar", batch_files, compression="")
    message = raised(data.download_cifar10, tmp_path / "cifar", url=url, md5=md5,
                     progress=False)
    assert message.startswith(f"{url}: corrupted archive (")
    assert not (tmp_path / "cifar").exists()


def test_a_temporary_folder_that_cannot_be_removed_does_not_fail_the_download(
        archive, folder, tmp_path, monkeypatch):
    """Removing the download's temporary folder is best effort: a folder that cannot be
    removed (a permission error, as rmtree raises without ignore_errors) leaves the finished
    data in place and no error."""
    removed = shutil.rmtree

    def stubborn(path, ignore_errors=False, **kwargs):
        if not ignore_errors:
            raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(data.shutil, "rmtree", stubborn)
    url, _, md5 = archive
    dest = data.download_cifar10(tmp_path / "cifar", url=url, md5=md5, progress=False)
    monkeypatch.undo()
    assert_is_the_fake(dest, folder)
    for leftover in tmp_path.glob(".cifar10-download-*"):
        removed(leftover)


def test_archive_modes_cannot_make_the_batches_writable_by_others(batch_files, tmp_path):
    url, md5 = tar_gz(tmp_path / "c.tar.gz", batch_files, mode=0o777)
    dest = data.download_cifar10(tmp_path / "cifar", url=url, md5=md5, progress=False)
    for path in dest.iterdir():
        assert path.stat().st_mode & 0o022 == 0, oct(path.stat().st_mode)


def test_md5_of_a_file_larger_than_one_read_is_hashlibs(tmp_path):
    content = np.random.default_rng(0).bytes(3 * 2**20 + 17)
    (tmp_path / "f").write_bytes(content)
    assert data._md5(tmp_path / "f") == hashlib.md5(content).hexdigest()


# ---------------------------------------------------------------------------- messages


def test_empty_folder_is_reported_as_not_found_with_what_to_do(tmp_path):
    (tmp_path / "cifar").mkdir()
    message = raised(data.load_cifar10, tmp_path / "cifar")
    assert message.startswith(
        f"CIFAR-10 not found at {tmp_path / 'cifar'}: expected the folder 'cifar-10-batches-py' "
        f"with data_batch_1..5, test_batch and batches.meta. ")
    assert "--data-dir" in message and "$CIFAR10_DIR" in message
    assert f"--download to fetch {data.CIFAR10_URL}" in message


def test_folder_with_one_batch_names_the_five_missing_files(tiny_dir):
    for name in ["data_batch_2", "data_batch_3", "data_batch_4", "data_batch_5", "test_batch"]:
        (tiny_dir / name).unlink()
    message = raised(data.load_cifar10, tiny_dir)
    assert message.startswith(
        f"CIFAR-10 at {tiny_dir} is incomplete: missing data_batch_2, data_batch_3, "
        f"data_batch_4, data_batch_5, test_batch. Restore them from the official archive")


def test_missing_batch_file_is_named(tmp_path):
    path = tmp_path / "data_batch_1"
    assert raised(data.load_batch, path) == f"{path}: file not found"


def test_empty_batch_file_names_the_python_error(tmp_path):
    (tmp_path / "b").write_bytes(b"")
    message = raised(data.load_batch, tmp_path / "b")
    assert "b: corrupted or truncated CIFAR-10 batch (EOFError: " in message


def test_batch_that_is_not_a_dict_names_its_type(tmp_path):
    (tmp_path / "b").write_bytes(py2_pickle([1, 2]))
    assert raised(data.load_batch, tmp_path / "b").endswith("b: expected a dict, found list")


@pytest.mark.parametrize("value, described", [
    (np.zeros((2, 3072, 1), np.uint8), "uint8 (2, 3072, 1)"),
    ([1, 2, 3], "list (3,)"),
])
def test_data_entry_of_the_wrong_kind_is_described(tmp_path, value, described):
    (tmp_path / "b").write_bytes(py2_pickle({b"data": value, b"labels": [0, 1]}))
    assert raised(data.load_batch, tmp_path / "b").endswith(
        f"'data' must be an (N, 3072) uint8 array, got {described}")


def test_label_count_mismatch_names_both_counts(tmp_path):
    batch = {b"data": np.zeros((2, 3072), np.uint8), b"labels": [0, 1, 2]}
    (tmp_path / "b").write_bytes(py2_pickle(batch))
    assert raised(data.load_batch, tmp_path / "b").endswith("b: 2 images but labels of shape (3,)")


# ---------------------------------------------------------------------------- label names


def test_names_pickled_as_python3_bytes_load_as_str(tiny_dir):
    (tiny_dir / "batches.meta").write_bytes(pickle.dumps({b"label_names": LABEL_NAMES}, protocol=4))
    assert data.load_cifar10(tiny_dir)[4] == NAMES


def test_label_names_that_are_not_a_list_name_their_type(tiny_dir):
    (tiny_dir / "batches.meta").write_bytes(py2_pickle({b"label_names": 7}))
    message = raised(data.load_cifar10, tiny_dir)
    assert message.endswith("'label_names' must be a list of strings, got int")


def test_label_name_that_is_not_utf8_is_refused(tiny_dir):
    (tiny_dir / "batches.meta").write_bytes(pickle.dumps({"label_names": [b"cat", b"\xff"]}, protocol=4))
    message = raised(data.load_cifar10, tiny_dir)
    assert f"{tiny_dir / 'batches.meta'}: a label name is not UTF-8" in message


def test_without_meta_file_classes_are_named_by_their_index(tiny_dir):
    (tiny_dir / "batches.meta").unlink()
    assert data.load_cifar10(tiny_dir)[4] == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]


# ---------------------------------------------------------------------------- get_cifar10_data


def test_default_split_is_the_notebooks(folder):
    assert raised(data.get_cifar10_data, folder[0]) == (
        "asked for 49000 + 1000 training/validation and 1000 test images; the data set has 25 and 5")


def test_every_image_may_be_asked_for(folder):
    d = data.get_cifar10_data(folder[0], num_training=20, num_validation=5, num_test=5)
    assert (len(d["X_train"]), len(d["X_val"]), len(d["X_test"])) == (20, 5, 5)


@pytest.mark.parametrize("split", [(5, 5, 6), (20, 6, 1)])
def test_asking_for_more_images_than_exist_is_refused(folder, split):
    num_training, num_validation, num_test = split
    assert raised(data.get_cifar10_data, folder[0], num_training=num_training,
                  num_validation=num_validation, num_test=num_test).startswith("asked for")


def test_split_holds_labels_mean_image_and_names(folder):
    X_train, y_train, _, y_test = folder[1]
    d = data.get_cifar10_data(folder[0], num_training=15, num_validation=6, num_test=4)
    assert set(d) == {"X_train", "y_train", "X_val", "y_val", "X_test", "y_test", "mean_image",
                      "label_names"}
    np.testing.assert_array_equal(d["y_train"], y_train[:15])
    np.testing.assert_array_equal(d["y_val"], y_train[15:21])
    np.testing.assert_array_equal(d["y_test"], y_test[:4])
    assert d["mean_image"].shape == (32, 32, 3) and d["mean_image"].dtype == np.float64
    np.testing.assert_allclose(d["mean_image"], X_train[:15].astype(float).mean(axis=0),
                               rtol=0, atol=1e-12)
    assert d["label_names"] == NAMES


def test_centring_covers_splits_longer_than_one_chunk(monkeypatch):
    rng = np.random.default_rng(1)
    X = rng.integers(0, 256, (4100, 32, 32, 3), dtype=np.uint8)
    y = np.arange(4100) % 10
    monkeypatch.setattr(data, "load_cifar10", lambda _: (X, y, X[:2], y[:2], NAMES))
    d = data.get_cifar10_data("unused", num_training=4097, num_validation=3, num_test=2,
                              dtype=np.float32)
    rows = X[:4097].reshape(4097, -1).astype(np.float64)
    expected = (rows - rows.mean(axis=0)).astype(np.float32)
    np.testing.assert_allclose(d["X_train"], expected, rtol=0, atol=1e-4)
