"""The notebook runs headlessly, top to bottom, on the tiny fake CIFAR-10 in quick mode."""

from pathlib import Path

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
