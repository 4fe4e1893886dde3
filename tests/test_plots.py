"""jaxnet.plots: the notebook's figures, read back from the matplotlib figure that was saved
(titles, labels, the plotted numbers, the weight tiles) and from the file written."""

import math
import sys

import numpy as np
import pytest

pytest.importorskip("matplotlib")
import matplotlib  # noqa: E402
import matplotlib.pyplot  # noqa: E402

from jaxnet import plots  # noqa: E402
from tests.helpers import png_size  # noqa: E402


def notebook_visualize_grid(Xs, ubound=255.0, padding=1):
    """cs231n's vis_utils.visualize_grid, as the notebook imports it: tiles row by row, each
    rescaled to [0, ubound] by its own min and max."""
    (N, H, W, C) = Xs.shape
    grid_size = int(math.ceil(math.sqrt(N)))
    grid = np.zeros((H * grid_size + padding * (grid_size - 1),
                     W * grid_size + padding * (grid_size - 1), C))
    next_idx = 0
    y0, y1 = 0, H
    for _ in range(grid_size):
        x0, x1 = 0, W
        for _ in range(grid_size):
            if next_idx < N:
                img = Xs[next_idx]
                low, high = np.min(img), np.max(img)
                grid[y0:y1, x0:x1] = ubound * (img - low) / (high - low)
                next_idx += 1
            x0 += W + padding
            x1 += W + padding
        y0 += H + padding
        y1 += H + padding
    return grid


@pytest.mark.parametrize("N, H, W, C, ubound, padding", [
    (5, 3, 4, 3, 255.0, 1), (4, 2, 2, 1, 1.0, 3), (10, 4, 3, 2, 100.0, 0), (1, 2, 5, 3, 255.0, 2)])
def test_the_weight_grid_is_the_notebooks(N, H, W, C, ubound, padding):
    images = np.random.default_rng(N).standard_normal((N, H, W, C)) * 3 + 1
    expected = notebook_visualize_grid(images, ubound, padding)
    assert np.allclose(plots.visualize_grid(images, ubound, padding), expected, rtol=1e-12, atol=1e-12)
    if ubound == 255.0 and padding == 1:
        assert np.allclose(plots.visualize_grid(images), expected, rtol=1e-12, atol=1e-12)


def test_a_flat_tile_is_black_where_the_notebook_would_divide_by_zero():
    images = np.random.default_rng(0).standard_normal((2, 2, 2, 1))
    images[1] = 7.0
    grid = plots.visualize_grid(images)
    assert np.isfinite(grid).all() and (grid[:, 3:] == 0).all()
    assert np.allclose(grid[:2, :2], notebook_visualize_grid(images[:1]))


def test_the_curves_are_the_notebooks_section_8_figure(tmp_path, kept_figures):
    history = {"loss_history": [2.3, 2.1, 1.9, 2.0, 1.7], "train_acc_history": [0.2, 0.3],
               "val_acc_history": [0.15, 0.25]}
    path = tmp_path / "curves.png"
    plots.save_curves(path, history)
    [figure] = kept_figures
    assert tuple(figure.get_size_inches()) == (10, 8) and png_size(path) == (1000, 800)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["curves.png"]  # no temporary left
    top, bottom = figure.axes
    assert (top.get_title(), top.get_xlabel(), top.get_ylabel()) == ("Loss history", "Iteration", "Loss")
    assert [list(line.get_ydata()) for line in top.lines] == [history["loss_history"]]
    assert (bottom.get_title(), bottom.get_xlabel(), bottom.get_ylabel()) == (
        "Classification accuracy history", "Epoch", "Classification accuracy")
    assert [(line.get_label(), list(line.get_ydata())) for line in bottom.lines] == [
        ("train", history["train_acc_history"]), ("val", history["val_acc_history"])]
    assert [text.get_text() for text in bottom.get_legend().get_texts()] == ["train", "val"]
    assert top.get_position().y0 > bottom.get_position().y1  # one above the other
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # laid out so that the top's x label clears the bottom's title
    assert top.xaxis.label.get_window_extent(renderer).y0 > bottom.title.get_window_extent(renderer).y1


@pytest.mark.parametrize("units, max_units, tiles", [(5, 400, 5), (5, 3, 3)])
def test_the_weights_are_the_notebooks_tiles_one_per_hidden_unit(tmp_path, kept_figures, units, max_units, tiles):
    W1 = np.random.default_rng(units).standard_normal((2 * 3 * 3, units))
    path = tmp_path / "weights.png"
    plots.save_weights(path, W1, image_shape=(2, 3, 3), max_units=max_units)
    [figure] = kept_figures
    [axes] = figure.axes
    # the notebook's show_net_weights: W1.reshape(32, 32, 3, -1).transpose(3, 0, 1, 2)
    notebook_tiles = W1.reshape(2, 3, 3, -1).transpose(3, 0, 1, 2)[:tiles]
    shown = np.asarray(axes.images[0].get_array())
    assert shown.dtype == np.uint8
    assert np.array_equal(shown, notebook_visualize_grid(notebook_tiles, padding=3).astype("uint8"))
    assert not axes.axison and tuple(figure.get_size_inches()) == (8, 8)
    width, height = png_size(path)
    assert width < 800 and height < 800  # cut to the picture (bbox_inches="tight")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["weights.png"]


def test_figures_are_drawn_on_agg_whatever_backend_was_chosen_before():
    before = matplotlib.get_backend()
    try:
        matplotlib.use("pdf")
        assert plots.pyplot() is matplotlib.pyplot and matplotlib.get_backend().lower() == "agg"
    finally:
        matplotlib.use(before)


def test_at_most_400_hidden_units_are_shown_by_default(tmp_path, kept_figures):
    W1 = np.random.default_rng(1).standard_normal((2 * 3 * 3, 401))
    plots.save_weights(tmp_path / "weights.png", W1, image_shape=(2, 3, 3))
    shown = np.asarray(kept_figures[0].axes[0].images[0].get_array())
    assert shown.shape == (2 * 20 + 3 * 19, 3 * 20 + 3 * 19, 3)  # 400 tiles: 20 on a side


def test_a_float32_nets_weights_are_drawn_from_float64_as_the_notebooks(tmp_path, kept_figures):
    """A float32 run's W1: the picture is the notebook's, computed in float64 (float32 scaling moves
    some pixels by one level)."""
    W1 = (np.random.default_rng(0).standard_normal((3072, 50)) * 1e-2).astype(np.float32)
    plots.save_weights(tmp_path / "weights.png", W1)
    notebook_tiles = W1.astype(np.float64).reshape(32, 32, 3, -1).transpose(3, 0, 1, 2)
    shown = np.asarray(kept_figures[0].axes[0].images[0].get_array())
    assert np.array_equal(shown, notebook_visualize_grid(notebook_tiles, padding=3).astype("uint8"))


def test_without_matplotlib_the_error_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib raises ImportError
    for needs_it in (plots.require, plots.pyplot):
        with pytest.raises(plots.MissingMatplotlib) as missing:
            needs_it()
        assert str(missing.value) == "writing figures needs matplotlib: pip install -e '.[plots]'"
