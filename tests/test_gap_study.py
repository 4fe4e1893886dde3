"""jaxnet.cli.gap_study (the notebook's inline question): each gap is the accuracy on the
training rows the run used minus the validation accuracy, from runs trained on those rows and
scored on the validation split; the verdicts follow from the gaps. The accuracies are
recomputed here in NumPy from the params each run returned."""

import json
import sys

import numpy as np
import pytest

import jaxnet
from jaxnet.cli import gap_study
from tests.helpers import numpy_accuracy, png_size


@pytest.fixture(scope="module")
def splits():
    rng = np.random.default_rng(0)
    X = rng.standard_normal((90, 12)).astype(np.float32)  # as get_cifar10_data gives them
    y = rng.integers(0, 10, 90)
    return {"X_train": X[:60], "y_train": y[:60], "X_val": X[60:75], "y_val": y[60:75],
            "X_test": X[75:], "y_test": y[75:]}


@pytest.mark.slow
def test_each_gap_is_the_used_training_rows_accuracy_minus_the_validation_accuracy(
        splits, monkeypatch):
    calls, real = [], jaxnet.sweep

    def recorded(X, y, X_val, y_val, configs, **kwargs):
        results = real(X, y, X_val, y_val, configs, **kwargs)
        calls.append((X, y, X_val, y_val, results))
        return results

    monkeypatch.setattr(jaxnet, "sweep", recorded)
    factors = {"training rows": ("num_train", [30, 60]), "hidden units": ("hidden_size", [4])}
    result = gap_study.study(splits, num_iters=6, batch_size=10, seeds=(0, 1), factors=factors)

    points = [p for f in result["factors"].values() for p in f["points"]]
    assert len(calls) == len(points) == 3
    for (X, y, X_val, y_val, runs), point, rows in zip(calls, points, (30, 60, 60)):
        np.testing.assert_array_equal(X, splits["X_train"][:rows])
        np.testing.assert_array_equal(y, splits["y_train"][:rows])
        assert X_val is splits["X_val"] and y_val is splits["y_val"]
        train = [numpy_accuracy(r["params"], splits["X_train"][:rows], splits["y_train"][:rows])
                 for r in runs]
        val = [numpy_accuracy(r["params"], splits["X_val"], splits["y_val"]) for r in runs]
        np.testing.assert_allclose(point["train_acc"], train, atol=1e-12)
        np.testing.assert_allclose(point["val_acc"], val, atol=1e-12)
        np.testing.assert_allclose(point["gap"], np.subtract(train, val), atol=1e-12)
    assert [c["config"]["hidden_size"] for c in calls[2][4]] == [4, 4]
    assert [c["config"]["seed"] for c in calls[2][4]] == [0, 1]


def test_the_verdict_reads_the_change_in_the_mean_gap_against_the_seeds_spread():
    def factor(first, last):
        return {"option": "x", "points": [{"value": 1, "gap": first}, {"value": 2, "gap": last}]}

    lines = gap_study.answer({"factors": {"a": factor([0.30, 0.32], [0.10, 0.12]),
                                          "b": factor([0.10, 0.12], [0.30, 0.32]),
                                          "c": factor([0.10, 0.20], [0.12, 0.22])}})
    assert lines[0].endswith("shrinks the gap") and "from 0.310 to 0.110" in lines[0]
    assert lines[1].endswith("widens the gap")
    assert lines[2].endswith("does not change the gap much") and "spread 0.050" in lines[2]


@pytest.mark.slow
def test_the_gap_study_program_writes_its_json_figure_and_answer(splits, tmp_path, monkeypatch,
                                                                  capsys):
    """``python -m jaxnet.cli.gap_study --data-dir D --out O``: gap_study.json (the study),
    gap_study.png and the answer printed, on the float32 splits of --data-dir."""
    pytest.importorskip("matplotlib")
    loaded, real_study = [], gap_study.study

    def splits_of(data_dir, dtype):
        loaded.append((data_dir, dtype))
        return splits

    monkeypatch.setattr(gap_study.data, "get_cifar10_data", splits_of)
    monkeypatch.setattr(gap_study, "study", lambda s, num_iters, progress: real_study(
        s, num_iters, batch_size=10, seeds=(0, 1), progress=progress,
        factors={"hidden units": ("hidden_size", [3, 4]), "L2 strength (reg)": ("reg", [0.0, 1.0])}))
    out = tmp_path / "gap"
    assert gap_study.main(["--data-dir", "D", "--out", str(out), "--num-iters", "4", "--quiet"]) == 0
    assert loaded == [("D", "float32")]
    result = json.loads((out / "gap_study.json").read_text())
    assert result["num_iters"] == 4 and [p["value"] for p in
                                         result["factors"]["hidden units"]["points"]] == [3, 4]
    assert capsys.readouterr().out.splitlines() == result["answer"]
    assert (out / "gap_study.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_by_default_each_factor_varies_alone_from_the_base_over_three_seeds(splits, monkeypatch):
    """Every point of the documented study, as jaxnet.sweep is asked for it (runs stood in for by
    zero params: their gaps are not what this test is about)."""
    calls = []

    def recorded(X, y, X_val, y_val, configs, **kwargs):
        calls.append((len(y), configs, kwargs))
        zeros = {"W1": np.zeros((12, 2), np.float32), "b1": np.zeros(2, np.float32),
                 "W2": np.zeros((2, 10), np.float32), "b2": np.zeros(10, np.float32)}
        return [{"params": zeros, "val_acc": 0.1} for _ in configs]

    monkeypatch.setattr(jaxnet, "sweep", recorded)
    result = gap_study.study(splits)
    base = dict(hidden_size=100, learning_rate=1e-3, learning_rate_decay=0.95, reg=0.25)
    expected = ([(min(n, 60), base) for n in (5000, 10000, 20000, 49000)]
                + [(60, dict(base, hidden_size=h)) for h in (25, 50, 100, 200, 400, 800)]
                + [(60, dict(base, reg=r)) for r in (0.0, 0.01, 0.1, 0.25, 0.5, 1.0)])
    assert [(rows, configs) for rows, configs, _ in calls] == [
        (rows, [dict(config, seed=s) for s in (0, 1, 2)]) for rows, config in expected]
    assert all(kwargs == {"num_classes": 10, "num_iters": 3000, "batch_size": 200, "progress": False}
               for _, _, kwargs in calls)
    assert {k: result[k] for k in ("base", "num_iters", "batch_size", "seeds")} == {
        "base": base, "num_iters": 3000, "batch_size": 200, "seeds": [0, 1, 2]}
    assert [(label, f["option"], [p["value"] for p in f["points"]]) for label, f in result["factors"].items()] == [
        ("training rows", "num_train", [5000, 10000, 20000, 49000]),
        ("hidden units", "hidden_size", [25, 50, 100, 200, 400, 800]),
        ("L2 strength (reg)", "reg", [0.0, 0.01, 0.1, 0.25, 0.5, 1.0])]
    assert len(result["answer"]) == 3


def study_result(factors):
    """A study's result with made-up gaps: ``factors`` label -> (values, gaps (points, seeds))."""
    return {"num_iters": 40, "batch_size": 20, "factors": {
        label: {"option": "x", "points": [{"value": v, "gap": list(g)} for v, g in zip(values, gaps)]}
        for label, (values, gaps) in factors.items()}}


@pytest.mark.parametrize("labels", [["hidden units"], ["hidden units", "L2 strength (reg)"]])
def test_the_figure_shows_each_seeds_gap_and_their_mean_and_spread(tmp_path, kept_figures, labels):
    gaps = np.array([[0.30, 0.20, 0.25], [0.10, 0.05, 0.12], [0.02, 0.04, 0.0]])
    values = [25, 50, 1e-3]
    path = tmp_path / "gap_study.png"
    gap_study.plot(study_result({label: (values, gaps) for label in labels}), path)
    [figure] = kept_figures
    assert figure._suptitle.get_text() == ("Generalisation gap after 40 iterations (batch 20); "
                                           "base: hidden 100, reg 0.25")
    assert len(figure.axes) == len(labels)
    for ax, label in zip(figure.axes, labels):
        assert ax.get_xlabel() == label
        assert [t.get_text() for t in ax.get_xticklabels()] == ["25", "50", "0.001"]
        seeds = [line for line in ax.lines if line.get_linestyle() == "None" and line.get_marker() == "o"]
        assert [list(line.get_ydata()) for line in seeds] == [list(gaps[:, s]) for s in range(3)]
        assert all(list(line.get_xdata()) == [0, 1, 2] for line in seeds)
        [mean] = ax.containers  # the errorbar
        np.testing.assert_allclose(mean.lines[0].get_ydata(), gaps.mean(1), rtol=1e-12)
        assert mean.lines[0].get_marker() == gap_study.MEAN_STYLE["marker"]
        assert ax.xaxis.get_gridlines()[0].get_alpha() == gap_study.GRID_ALPHA
        [bars] = mean.lines[2]
        half = np.array([segment[1, 1] - segment[0, 1] for segment in bars.get_segments()]) / 2
        np.testing.assert_allclose(half, gaps.std(1), rtol=1e-9)
        assert [line.get_color() for line in ax.lines if list(line.get_ydata()) == [0, 0]] == [
            gap_study.ZERO_STYLE["color"]]
    first = figure.axes[0]
    assert first.get_ylabel() == "train accuracy − val accuracy"
    assert [(t.get_text(), t.get_fontsize()) for t in first.get_legend().get_texts()] == [
        ("each seed", gap_study.LEGEND_FONTSIZE), ("mean ± std over seeds", gap_study.LEGEND_FONTSIZE)]
    assert all(ax.get_shared_y_axes().joined(first, ax) for ax in figure.axes[1:])
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # laid out: no x label cut off at the bottom
    assert all(ax.xaxis.label.get_window_extent(renderer).y0 >= 0 for ax in figure.axes)
    assert png_size(path) == (1430, 418)  # 13 x 3.8 inches at 110 dpi


def verdict(first, last):
    def factor(gaps):
        return {"value": 1, "gap": gaps}
    [line] = gap_study.answer({"factors": {"a": {"option": "x", "points": [factor(first), factor(last)]}}})
    return line.rsplit(": ", 1)[1]


@pytest.mark.parametrize("first, last, expected", [
    ([0.1, 0.3], [0.0, 0.0], "does not change the gap much"),  # the first point's spread, 0.1, counts
    ([0.0, 0.0], [0.1, 0.3], "does not change the gap much"),  # and the last point's
    ([0.1, 0.1], [0.102, 0.102], "does not change the gap much"),  # no spread: a floor of 0.001
    ([0.0, 0.5], [-0.75, -0.25], "does not change the gap much"),  # exactly 3 spreads down
    ([0.0, 0.5], [-0.875, -0.375], "shrinks the gap"),  # 3.5 spreads down
    ([0.0, 0.5], [0.75, 1.25], "does not change the gap much"),  # exactly 3 spreads up
    ([0.0, 0.5], [0.875, 1.375], "widens the gap")])  # 3.5 spreads up
def test_a_verdict_needs_a_change_beyond_three_times_the_larger_spread(first, last, expected):
    assert verdict(first, last) == expected


def test_the_program_is_named_and_documented_and_its_flags_default_to_the_study(monkeypatch, capsys):
    with pytest.raises(SystemExit) as exit_info:
        gap_study.main(["--help"])
    assert exit_info.value.code == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert shown.startswith("usage: gap_study [-h] [--data-dir DATA_DIR] [--out OUT] [--num-iters NUM_ITERS] [--quiet]")
    for text in (" ".join(gap_study.__doc__.split("\n\n")[0].split()), "--data-dir DATA_DIR the cifar-10-batches-py folder",
                 "--out OUT output folder", "--num-iters NUM_ITERS updates per run", "--quiet no progress bar"):
        assert text in shown
    assert "For each factor" not in shown  # the docstring's first paragraph only
    seen = []
    monkeypatch.setattr(gap_study, "run", lambda args: seen.append(vars(args)) or 0)
    assert gap_study.main([]) == 0
    assert seen == [{"data_dir": None, "out": "runs/gap_study", "num_iters": 3000, "quiet": False}]


@pytest.mark.parametrize("argv, line", [
    (["--num-iters", "0"], "gap_study: error: --num-iters must be >= 1, got 0"),
    (["--out", " "], "gap_study: error: --out is empty (an unset variable?); name the study's folder")])
def test_bad_flags_are_one_line_naming_the_program(capsys, argv, line):
    with pytest.raises(SystemExit) as exit_info:
        gap_study.main(["--data-dir", "D", *argv])
    assert exit_info.value.code == 1 and capsys.readouterr().err == line + "\n"


@pytest.mark.parametrize("quiet", [False, True])
def test_one_iteration_is_enough_and_the_bar_shows_unless_quiet(splits, tmp_path, monkeypatch, capsys, quiet):
    pytest.importorskip("matplotlib")
    asked = []
    monkeypatch.setattr(gap_study.data, "get_cifar10_data", lambda data_dir, dtype: splits)

    def study(s, num_iters, progress):
        asked.append((num_iters, progress))
        return {**study_result({"hidden units": ([3, 4], [[0.1, 0.2], [0.0, 0.1]])}), "answer": ["the answer"]}

    monkeypatch.setattr(gap_study, "study", study)
    argv = ["--data-dir", "D", "--out", str(tmp_path), "--num-iters", "1"] + (["--quiet"] if quiet else [])
    assert gap_study.main(argv) == 0
    assert asked == [(1, not quiet)] and capsys.readouterr().out == "the answer\n"


def test_without_matplotlib_the_study_is_refused_before_the_data_is_read(tmp_path, monkeypatch, capsys):
    """Not after hours of training, at the figure."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setattr(gap_study.data, "get_cifar10_data", lambda *a, **k: pytest.fail("data read"))
    with pytest.raises(SystemExit) as exit_info:
        gap_study.main(["--data-dir", "D", "--out", str(tmp_path)])
    assert exit_info.value.code == 1
    assert capsys.readouterr().err == "gap_study: error: writing figures needs matplotlib: pip install -e '.[plots]'\n"
