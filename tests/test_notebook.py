"""The notebook runs headlessly, top to bottom, on the tiny fake CIFAR-10 in quick mode; its
numbers and figures come from the splits they name."""

from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "two_layer_net.ipynb"

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")


@pytest.mark.slow
def test_the_notebook_runs_and_asserts_its_checks(data_dir, monkeypatch, tmp_path):
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    monkeypatch.setenv("JAXNET_NOTEBOOK_DATA", str(data_dir))
    monkeypatch.setenv("JAXNET_NOTEBOOK_QUICK", "1")
    monkeypatch.setenv("JAX_PLATFORMS", "cpu")
    monkeypatch.delenv("MPLBACKEND", raising=False)  # the kernel's inline backend shows figures
    client = nbclient.NotebookClient(notebook, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outputs = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code"
                      for o in c.get("outputs", []))
    for check in ("sum |scores - correct|", "|loss - correct|", "jax.grad vs handwritten",
                  "largest difference between the loss histories", "test accuracy", "gap study"):
        assert check in outputs, check
    images = sum(1 for c in notebook.cells for o in c.get("outputs", [])
                 if "image/png" in o.get("data", {}))
    assert images >= 6  # toy loss, curves, two weight grids, heatmaps, gap study


def test_the_committed_notebook_carries_a_real_run():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert "Executed on" in notebook.cells[0].source
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.get("outputs") for c in code), "every code cell has its outputs"
    assert not any(o.get("output_type") == "error" for c in code for o in c["outputs"])


# ------------------------------------------------ the splits behind the notebook's figures


def _split_of(array, splits):
    """Which split ``array`` is ("X_val"), or a prefix of one ("X_train[:40]")."""
    a = np.asarray(array)
    for name, split in splits.items():
        if a.shape[1:] == split.shape[1:] and np.array_equal(a, split[:len(a)]):
            return name if len(a) == len(split) else f"{name}[:{len(a)}]"
    return "another array"


@pytest.mark.slow
def test_the_notebooks_numbers_and_figures_use_the_splits_they_name(data_dir, monkeypatch):
    """Sections 6 to 11 run here (quick mode) with jaxnet's train, sweep and accuracy
    recording the splits they get: the curves train on X_train and validate on X_val, the
    grid's heatmaps are validation accuracies, the test accuracy is the test split's, and
    the gap study trains on the first rows of X_train and validates on X_val."""
    import matplotlib

    matplotlib.use("Agg")
    import jax
    import jaxnet

    monkeypatch.setenv("JAXNET_NOTEBOOK_DATA", str(data_dir))
    monkeypatch.setenv("JAXNET_NOTEBOOK_QUICK", "1")
    calls, namespace = [], {}
    for name in ("train", "sweep", "accuracy"):
        real = getattr(jaxnet, name)
        split_arrays = 4 if name != "accuracy" else 2

        def recorded(*args, _real=real, _name=name, _n=split_arrays, **kwargs):
            first = 1 if _name in ("train", "accuracy") else 0  # after the params
            calls.append((_name, *(_split_of(a, namespace["splits"])
                                   for a in args[first:first + _n])))
            return _real(*args, **kwargs)
        monkeypatch.setattr(jaxnet, name, recorded)

    notebook = nbformat.read(NOTEBOOK, as_version=4)
    code = [c.source for c in notebook.cells if c.cell_type == "code"]
    section_6 = next(i for i, s in enumerate(code) if "get_cifar10_data" in s)
    with jax.numpy_dtype_promotion("standard"):
        for source in [code[0]] + code[section_6:]:
            exec(compile(source, "notebook", "exec"), namespace)

    train_val = ("X_train", "y_train", "X_val", "y_val")
    assert calls[:4] == [("train", *train_val), ("accuracy", "X_val", "y_val"),
                         ("sweep", *train_val), ("accuracy", "X_test", "y_test")]
    gap = calls[4:]
    rows = {"X_train[:40]": "y_train[:40]", "X_train": "y_train"}
    sweeps = [c for c in gap if c[0] == "sweep"]
    assert len(sweeps) == 6 and all(c[1] in rows and c[2] == rows[c[1]] and c[3:] == ("X_val", "y_val")
                                    for c in sweeps)
    after = [gap[i + 1:i + 4] for i, c in enumerate(gap) if c[0] == "sweep"]
    assert all(a == [("accuracy", s[1], s[2])] * 3 for a, s in zip(after, sweeps))
