"""Promises of the README, the programs' --help and the docs that no other test file held
(docs/verification.md, "Promises and their tests"): the programs' exit statuses in each way
they fail, what --quiet leaves out, the order a run's files are written in, how often
--checkpoint-every writes, the checker's exit statuses and --quiet, and a run's memory
against its length. In this process (the programs' ``main(argv)``), on the tiny fake CIFAR-10.
"""

import os

import jax
import numpy as np
import pytest

import jaxnet
from jaxnet import artifacts, loop, training
from jaxnet.cli import sweep_cifar10, train_cifar10
from reference.checker import cli, run
from reference.checker.report import Check, FileResult

SPLIT = ["--num-training", "80", "--num-validation", "20", "--num-test", "10"]
RUN = [*SPLIT, "--num-iters", "20", "--batch-size", "8"]
TINY = [*RUN, "--hidden-size", "3"]


def exit_code(main, argv):
    """A program's exit status, whether ``main`` returns it or exits with it."""
    try:
        return main(argv)
    except SystemExit as stop:
        return stop.code


# ------------------------------------------------------------- train-cifar10, sweep-cifar10


@pytest.mark.slow
def test_a_sweep_whose_every_config_diverges_exits_1_and_writes_nothing(data_dir, tmp_path, capsys):
    out = tmp_path / "sweep"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *RUN, "--std", "1",
            "--learning-rates", "1e6", "1e7", "--regs", "0.1", "--hidden-sizes", "3", "--quiet"]
    assert exit_code(sweep_cifar10.main, argv) == 1
    err = capsys.readouterr().err.strip()
    assert err == "sweep-cifar10: error: every config diverged; try smaller learning rates"
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.slow
@pytest.mark.parametrize("main", [train_cifar10.main, sweep_cifar10.main], ids=["train", "sweep"])
def test_a_progress_bar_unless_quiet(data_dir, tmp_path, capsys, main):
    """--help: "--quiet  no progress bar"; without it, tqdm's bar on stderr."""
    sweep = ["--hidden-sizes", "3", "--learning-rates", "1e-3", "--regs", "0.1"]
    argv = ["--data-dir", str(data_dir), *(RUN + sweep if main is sweep_cifar10.main else TINY)]
    assert main([*argv, "--out", str(tmp_path / "loud")]) == 0
    err = capsys.readouterr().err
    assert "it/s" in err or "s/it" in err, err
    assert main([*argv, "--out", str(tmp_path / "quiet"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


@pytest.mark.slow
def test_a_run_writes_params_first_then_preprocessing_and_metrics_last(data_dir, tmp_path,
                                                                       monkeypatch):
    """The README: params.npz first, then preprocess.npz, curves.png and weights.png, and
    metrics.json last (a folder without metrics.json is incomplete)."""
    written, replace = [], os.replace
    monkeypatch.setattr(artifacts.os, "replace", lambda a, b: (written.append(os.path.basename(b)),
                                                               replace(a, b))[1])
    out = tmp_path / "run"
    assert train_cifar10.main(["--data-dir", str(data_dir), "--out", str(out), *TINY,
                               "--preprocess", "channel", "--quiet"]) == 0
    assert written == ["params.npz", "preprocess.npz", "curves.png", "weights.png", "metrics.json"]


@pytest.mark.slow
def test_checkpoint_every_writes_the_state_once_per_period(data_dir, tmp_path, monkeypatch):
    """--checkpoint-every EPOCHS writes --out/state.npz this often: 80 rows in batches of 8
    are 10 updates an epoch, so 40 updates every 2 epochs write it at updates 20 and 40."""
    saved = []
    real = jaxnet.save_state
    monkeypatch.setattr(jaxnet, "save_state",
                        lambda path, state, **kw: (saved.append((path.name, state.iteration)),
                                                   real(path, state, **kw))[1])
    out = tmp_path / "run"
    argv = ["--data-dir", str(data_dir), "--out", str(out), *SPLIT, "--num-iters", "40",
            "--batch-size", "8", "--hidden-size", "3", "--checkpoint-every", "2", "--quiet"]
    assert train_cifar10.main(argv) == 0
    assert saved == [("state.npz", 20), ("state.npz", 40)]
    state, _ = jaxnet.load_state(out / "state.npz")
    assert state.iteration == 40 and state.done


def test_a_runs_device_memory_does_not_grow_with_its_length():
    """The README: "Memory does not grow with the number of iterations": the state on the
    device and the program's scan are the same for 100 updates and for 10 million."""
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((40, 6)), rng.integers(0, 3, 40)
    params = jaxnet.init_params(jax.random.key(0), 6, 4, 3, std=0.1)

    def device_side(num_iters):
        state = jaxnet.begin(params, jax.random.key(1), num_iters=num_iters, batch_size=8)
        state, _, plan, _ = training.prepare(state, X, y, X, y)
        arrays = jax.tree.leaves((state.program, state.minibatches))
        return [(a.shape, a.dtype) for a in arrays], loop.piece_length(plan)

    assert device_side(100) == device_side(10_000_000)


# ----------------------------------------------------------------------- check-two-layer-net


def _result(path, status):
    checks = [Check("toy_loss", status == 0, 0.0, 1e-12, "|loss - notebook's|")]
    return FileResult(path, "class", checks if status < 2 else [],
                      "could not load" if status == 2 else None)


@pytest.mark.parametrize("statuses, code", [((0, 0), 0), ((0, 1), 1), ((1, 2), 2), ((0, 2), 2)])
def test_the_checkers_exit_status_is_its_worst_files(monkeypatch, capsys, statuses, code):
    """--help: "Exit status: 0 every check passed, 1 a check failed, 2 a file could not be
    loaded, crashed or timed out (the other files are still checked)"."""
    results = [_result(f"f{n}.py", s) for n, s in enumerate(statuses)]
    monkeypatch.setattr(run, "check_many", lambda paths, **kw: [kw["on_result"](r) or r
                                                                 for r in results])
    assert cli.main(["f0.py", "f1.py"]) == code
    assert f"{statuses.count(0)} passed, {statuses.count(1)} failed, {statuses.count(2)} could not run" \
        in capsys.readouterr().out


def test_the_checker_quiet_prints_only_failing_files(monkeypatch, capsys):
    results = [_result("good.py", 0), _result("bad.py", 1), _result("broken.py", 2)]
    monkeypatch.setattr(run, "check_many", lambda paths, **kw: [kw["on_result"](r) or r
                                                                 for r in results])
    assert cli.main(["good.py", "bad.py", "broken.py", "--quiet"]) == 2
    out = capsys.readouterr().out
    assert "== bad.py" in out and "== broken.py" in out and "good.py" not in out
    assert cli.main(["good.py", "bad.py", "broken.py"]) == 2
    assert "== good.py" in capsys.readouterr().out


def test_an_output_that_fails_after_the_checks_is_exit_2(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(run, "check_many", lambda paths, **kw: [_result("good.py", 0)])
    monkeypatch.setattr(cli, "write_atomically", lambda path, text: (_ for _ in ()).throw(
        PermissionError(13, "Permission denied")))
    assert cli.main(["good.py", "--json", str(tmp_path / "r.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("check-two-layer-net: error: --json") and "Permission denied" in err


def test_python_m_reference_checker_is_check_two_layer_net(monkeypatch, capsys):
    """The docs: ``python -m reference.checker`` is the same program, with its exit status."""
    import runpy
    import sys

    monkeypatch.setattr(run, "check_many", lambda paths, **kw: [_result("bad.py", 1)])
    monkeypatch.setattr(sys, "argv", ["python -m reference.checker", "bad.py", "--quiet"])
    monkeypatch.delitem(sys.modules, "reference.checker.__main__", raising=False)
    with pytest.raises(SystemExit) as stop:
        runpy.run_module("reference.checker", run_name="__main__")
    assert stop.value.code == 1
    assert "0 passed, 1 failed, 0 could not run" in capsys.readouterr().out


def test_the_programs_default_out_folders():
    """--help: "--out OUT  the run's folder (default: runs/train)", runs/sweep for sweeps."""
    assert train_cifar10.parse_args([]).out == "runs/train"
    assert sweep_cifar10.build_parser().parse_args([]).out == "runs/sweep"


def test_every_promise_names_an_existing_test():
    """docs/verification.md's promise table names tests as ``file::test``; each exists, as a
    test function of that file, and every row names one."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    text = (root / "docs" / "verification.md").read_text()
    section = text.split("## Promises and their tests", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines()
            if line.startswith("| ") and not line.startswith(("| promise", "|---"))]
    assert len(rows) > 100
    for row in rows:
        named = re.findall(r"`(test_\w+\.py)::(test_\w+)`", row) or re.findall(r"`README\.md`", row)
        assert named, row
        for file, test in (n for n in named if isinstance(n, tuple)):
            source = (root / "tests" / file).read_text()
            assert re.search(rf"^def {test}\(", source, re.M), f"{file}::{test}"
