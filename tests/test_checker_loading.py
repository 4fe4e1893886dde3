"""Loading what the checker checks, in this process (the observing child's own code, which the
checker runs in a child): a file with its sibling imports, a course folder, a loss function
named ``module:name`` or ``file.py:name``, the course's ``past`` import, and what is refused."""

import importlib.util
import sys

import pytest

from reference.checker import observe


@pytest.fixture
def imports(monkeypatch, tmp_path):
    """sys.path without the working directory (the checker adds it itself), the ``future``
    package out of sight (as where it is not installed), and the modules a test loads from
    ``tmp_path`` (and the ``past`` stand-in) forgotten after it."""
    monkeypatch.setattr(sys, "path", [p for p in sys.path if p not in ("", ".")])
    for name in ("past", "past.builtins"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "past" else find_spec(name, *a))
    before = set(sys.modules)
    yield
    for name in set(sys.modules) - before:
        where = getattr(sys.modules[name], "__file__", None)
        if where is None or where.startswith(str(tmp_path)):
            del sys.modules[name]


def test_a_file_loads_with_its_siblings_and_the_courses_past_import(tmp_path, imports):
    (tmp_path / "loading_sibling.py").write_text("SCALE = 3\n")
    (tmp_path / "net.py").write_text("from past.builtins import xrange\nfrom loading_sibling import SCALE\n"
                                     "class TwoLayerNet:\n    pass\n")
    module, source = observe.load_module(tmp_path / "net.py")
    assert module.SCALE == 3 and module.xrange is range and module.TwoLayerNet.__name__ == "TwoLayerNet"
    assert source == str(tmp_path / "net.py")


def test_a_course_folder_loads_the_cs231n_classifier_as_a_package_module(tmp_path, imports):
    """Of two ``*/classifiers/neural_net.py``, the one under cs231n (not the first by name),
    imported as ``cs231n.classifiers.neural_net`` so that its own package imports resolve."""
    for package, value in (("aaa_course", 1), ("cs231n", 2)):
        (tmp_path / package / "classifiers").mkdir(parents=True)
        (tmp_path / package / "helpers.py").write_text(f"VALUE = {value}\n")
        (tmp_path / package / "classifiers" / "neural_net.py").write_text(
            f"from past.builtins import xrange\nfrom {package}.helpers import VALUE\n")
    module, source = observe.load_module(tmp_path)
    assert module.__name__ == "cs231n.classifiers.neural_net" and module.VALUE == 2
    assert source == str(tmp_path / "cs231n" / "classifiers" / "neural_net.py")


def test_a_loss_function_loads_from_a_module_in_the_working_directory_or_a_file(tmp_path, imports, monkeypatch):
    (tmp_path / "loading_loss.py").write_text("def loss(params, X, y, reg):\n    return 0.0, {}\n")
    monkeypatch.chdir(tmp_path)
    fn, source = observe.load_function("loading_loss:loss")
    assert fn.__name__ == "loss" and fn.__module__ == "loading_loss" and source == str(tmp_path / "loading_loss.py")
    fn, source = observe.load_function(f"{tmp_path / 'loading_loss.py'}:loss")
    assert fn.__name__ == "loss" and source == str(tmp_path / "loading_loss.py")


def test_a_loss_functions_module_is_found_in_the_working_directory_first(tmp_path, imports, monkeypatch):
    """``module:name`` imports the working directory's module even where a module of that name comes
    first on sys.path; a module without a file (a built-in one) gives no source."""
    elsewhere, here = tmp_path / "elsewhere", tmp_path / "here"
    for folder, value in ((elsewhere, 1.0), (here, 2.0)):
        folder.mkdir()
        (folder / "shadowed_loss.py").write_text(f"def loss(params, X, y, reg):\n    return {value}, {{}}\n")
    monkeypatch.setattr(sys, "path", [str(elsewhere), *sys.path])
    monkeypatch.delitem(sys.modules, "shadowed_loss", raising=False)
    monkeypatch.chdir(here)
    fn, source = observe.load_function("shadowed_loss:loss")
    assert fn(None, None, None, 0.0) == (2.0, {}) and source == str(here / "shadowed_loss.py")
    assert observe.load_function("builtins:len") == (len, None)


def test_a_loss_functions_file_that_is_not_there_is_refused_as_a_file(tmp_path, imports):
    """``file.py:name`` of a missing file, a colon in its folder's name: the file's absence, said with
    its whole path (not an import of a module named after the path)."""
    spec = f"{tmp_path / 'a:b' / 'absent.py'}:loss"
    with pytest.raises(FileNotFoundError, match=f"no such file: {tmp_path / 'a:b' / 'absent.py'}"):
        observe.load_function(spec)
    (tmp_path / "a:b").mkdir()
    (tmp_path / "a:b" / "present.py").write_text("def loss(params, X, y, reg):\n    return 3.0, {}\n")
    fn, source = observe.load_function(f"{tmp_path / 'a:b' / 'present.py'}:loss")
    assert fn(None, None, None, 0.0) == (3.0, {}) and source == str(tmp_path / "a:b" / "present.py")


@pytest.mark.parametrize("spec", ["loss", ":loss", "loading_loss:"])
def test_a_function_spec_without_a_module_or_a_name_is_refused(spec):
    with pytest.raises(ValueError, match=f"--function wants module:name or file.py:name, got '{spec}'"):
        observe.load_function(spec)


def test_a_missing_file_or_a_folder_without_a_classifier_is_refused(tmp_path, imports):
    with pytest.raises(FileNotFoundError, match=f"no such file: {tmp_path / 'absent.py'}"):
        observe.load_module(tmp_path / "absent.py")
    with pytest.raises(FileNotFoundError, match="no \\*/classifiers/neural_net.py under"):
        observe.load_module(tmp_path)


@pytest.mark.parametrize("source, said", [("X = 1\n", "net.py defines no TwoLayerNet"),
                                          ("raise SystemExit(2)\n", "SystemExit")])
def test_a_file_that_does_not_load_exits_3_with_the_reason_written(tmp_path, imports, source, said):
    (tmp_path / "net.py").write_text(source)
    (tmp_path / "out").mkdir()
    assert observe.main(["--path", str(tmp_path / "net.py"), "--out", str(tmp_path / "out")]) == 3
    assert said in (tmp_path / "out" / "load_error.txt").read_text()
