"""What a user of ``train-cifar10`` and ``sweep-cifar10`` sees and gets from the flags
(jaxnet/cli/common.py): every option's flag, its default and its help as declared in
``jaxnet.Recipe``/``jaxnet.Config`` (or by the preset), the words and types it parses,
usage errors as one line with exit status 2, the data flags checked before any data is
read, ``--download``'s folder, and the splits that reach training. In-process, no
training: ``jaxnet.fit`` is replaced where a run would start."""

import inspect
import sys
from pathlib import Path

import numpy as np
import pytest

import jaxnet
from jaxnet import checks, config, data, presets, recipe
from jaxnet.cli import machine, sweep_cifar10, train_cifar10
from tests.fake_cifar import write_fake_cifar10

PROGRAMS = {"train-cifar10": train_cifar10.main, "sweep-cifar10": sweep_cifar10.main}
OPTIONS = {**recipe.RECIPE_FIELDS, **config.FIELDS}
NUMBERS = [n for n, f in OPTIONS.items() if f.metadata["kind"] in (int, float)]
STRINGS = [n for n, f in OPTIONS.items() if f.metadata["kind"] is str]
SWITCHES = [n for n, f in OPTIONS.items() if f.metadata["kind"] is bool]
NOTEBOOK_SPLIT = {name: p.default for name, p in inspect.signature(data.get_cifar10_data).parameters.items()
                  if name.startswith("num_")}
FIXED_HELP = {  # the flags that are not options of a run
    "--data-dir": f"the cifar-10-batches-py folder (default: ${data.ENV_VAR})",
    "--download": "fetch and verify the official archive into --data-dir first",
    "--overwrite": "replace the files of an earlier run in --out",
    "--quiet": "no progress bar",
    "--compile-cache": f"keep compiled programs here (${machine.CACHE_ENV}: a folder, or off)",
    "--no-compile-cache": "",
}
SPLIT_HELP = {
    "num_training": "training rows: the first N of the 50000",
    "num_validation": "validation rows, after the training rows",
    "num_test": "score the first N test images (0: leave the test split alone)",
}


class Captured(Exception):
    pass


def flag(name):
    return "--" + name.replace("_", "-")


def shown_default(value):
    """What ``--help`` adds after an option's help: nothing for a switch that is off or an
    option that is not set."""
    return "" if value is None or value is False else f" (default: {value})"


def metavar(name):
    meta = OPTIONS[name].metadata
    if meta["kind"] is bool:
        return ""
    if meta["kind"] is str:
        return " {" + ",".join(meta["choices"]) + "}"
    return " " + name.upper()


def help_sections(capsys, monkeypatch, main, *argv):
    """``--help``'s description and sections: ``(description, {heading: {flag: (usage,
    help)}})``, read from a terminal wide enough that no line wraps."""
    monkeypatch.setenv("COLUMNS", "1000")
    with pytest.raises(SystemExit) as exit_info:
        main([*argv, "--help"])
    assert exit_info.value.code == 0
    blocks = capsys.readouterr().out.strip().split("\n\n")
    sections = {}
    for block in blocks[2:]:
        heading, *lines = block.splitlines()
        entries = sections.setdefault(heading, {})
        for line in lines:
            if line.startswith("  -"):
                usage, _, text = line.strip().partition("  ")
                current = entries[usage.split(",")[0].split()[0]] = [usage, text.strip()]
            else:
                current[1] = (current[1] + " " + line.strip()).strip()
    return " ".join(blocks[1].split()), {h: {f: tuple(e) for f, e in s.items()}
                                         for h, s in sections.items()}


def usage_error(capsys, main, argv):
    """The one stderr line of a usage error, which exits with status 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


def run_error(capsys, main, argv):
    """The one stderr line of a refused run, which exits with status 1."""
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.fixture
def fit_splits(monkeypatch):
    """The splits ``train-cifar10`` hands to ``jaxnet.fit``; the run stops there."""
    seen = {}

    def fake_fit(recipe, splits, **kwargs):
        seen.update(splits)
        raise Captured

    monkeypatch.setattr(jaxnet, "fit", fake_fit)
    return seen


def train_until_fit(tmp_path, *argv):
    with pytest.raises(Captured):
        train_cifar10.main(["--out", str(tmp_path / "out"), "--quiet", *argv])


# ---------------------------------------------------------------------------- --help


@pytest.mark.parametrize("preset", presets.names())
def test_train_help_shows_each_option_its_preset_default_and_section(capsys, monkeypatch, preset):
    _, sections = help_sections(capsys, monkeypatch, train_cifar10.main, "--preset", preset)
    defaults = presets.values(preset)
    for heading, fields in (("the run (jaxnet.Recipe):", recipe.RECIPE_FIELDS),
                            ("training (jaxnet.Config):", config.FIELDS)):
        assert sections[heading] == {
            flag(n): (flag(n) + metavar(n),
                      f.metadata["help"] + shown_default(defaults.get(n, f.default)))
            for n, f in fields.items()}


def test_sweep_help_marks_the_axes_and_shows_the_notebook_grid(capsys, monkeypatch):
    _, sections = help_sections(capsys, monkeypatch, sweep_cifar10.main)
    grid = presets.NOTEBOOK_GRID
    for heading, fields in (("the run (jaxnet.Recipe):", recipe.RECIPE_FIELDS),
                            ("training (jaxnet.Config):", config.FIELDS)):
        expected = {}
        for n, f in fields.items():
            usage = flag(n) + metavar(n)
            text = f.metadata["help"] + shown_default(grid.get(n, f.default))
            if n in sweep_cifar10.AXES:
                usage = f"{usage} [{n.upper()} ...], {flag(n)}s{metavar(n)} [{n.upper()} ...]"
                text += " (one or more: an axis)"
            expected[flag(n)] = (usage, text)
        assert sections[heading] == expected


@pytest.mark.parametrize("prog, preset", [("train-cifar10", "notebook"),
                                          ("train-cifar10", "best"), ("sweep-cifar10", None)])
def test_help_shows_the_data_and_output_flags(capsys, monkeypatch, prog, preset):
    argv = ["--preset", preset] if preset else []
    _, sections = help_sections(capsys, monkeypatch, PROGRAMS[prog], *argv)
    options = sections["options:"]
    for name, text in FIXED_HELP.items():
        usage = name + (" DIR" if name == "--compile-cache" else
                        " DATA_DIR" if name == "--data-dir" else "")
        assert options[name] == (usage, text)
    split = {**NOTEBOOK_SPLIT, **{k: v for k, v in presets.values(preset).items()
                                  if k in NOTEBOOK_SPLIT}} if preset else NOTEBOOK_SPLIT
    for name, text in SPLIT_HELP.items():
        assert options[flag(name)] == (f"{flag(name)} {name.upper()}",
                                       f"{text} (default: {split[name]})")
    out = "runs/train" if prog == "train-cifar10" else "runs/sweep"
    assert options["--out"] == ("--out OUT", f"the run's folder (default: {out})")


def test_sweep_help_shows_its_own_flags(capsys, monkeypatch):
    _, sections = help_sections(capsys, monkeypatch, sweep_cifar10.main)
    own = {k: v for k, v in sections["options:"].items()
           if k in ("--spread", "--search", "--eta", "--min-epochs", "--random", "--random-seed")}
    assert own == {
        "--spread": ("--spread", "split configs across all devices"),
        "--search": ("--search {grid,halving}", "train every config to the end, or successive halving: all "
                     "train a first rung, the best 1/eta continue, until the full budget"),
        "--eta": ("--eta ETA", "with --search halving, keep the best 1/eta at each rung (default: 3)"),
        "--min-epochs": ("--min-epochs MIN_EPOCHS", "with --search halving, the shortest rung, in epochs "
                         "(default: 1)"),
        "--random": ("--random N", "instead of the grid, N random configs: learning rate and reg log-uniform, "
                     "decay uniform between the smallest and largest value given, hidden size, seed and the "
                     "other axes drawn from their values"),
        "--random-seed": ("--random-seed RANDOM_SEED", "seed of --random's draws (default: 0)")}
    args = sweep_cifar10.build_parser().parse_args([])
    assert (args.spread, args.search, args.eta, args.min_epochs, args.random, args.random_seed) == (
        False, "grid", None, None, None, None)


@pytest.mark.parametrize("module", [train_cifar10, sweep_cifar10])
def test_help_describes_the_program_by_its_docstrings_first_paragraph(capsys, monkeypatch, module):
    description, _ = help_sections(capsys, monkeypatch, module.main)
    assert description == " ".join(module.__doc__.split("\n\n")[0].split())


# ---------------------------------------------------------------------------- parsing


def test_run_options_left_out_take_the_presets_values():
    for preset in presets.names():
        assert train_cifar10.recipe_of(train_cifar10.parse_args(["--preset", preset])) == \
            presets.recipe(preset)


def test_an_explicit_flag_overrides_the_preset_and_nothing_else():
    args = train_cifar10.parse_args(["--preset", "best", "--hidden-size", "64", "--reg", "0.5"])
    assert train_cifar10.recipe_of(args) == jaxnet.Recipe.of(presets.recipe("best"),
                                                             hidden_size=64, reg=0.5)


def test_one_iteration_is_a_run():
    args = train_cifar10.parse_args(["--num-iters", "1"])
    assert train_cifar10.recipe_of(args).training.num_iters == 1


@pytest.mark.parametrize("name", NUMBERS)
def test_number_flags_parse_to_the_declared_type(name):
    kind = OPTIONS[name].metadata["kind"]
    value = getattr(train_cifar10.parse_args([flag(name), "3"]), name)
    assert value == 3 and type(value) is kind


@pytest.mark.parametrize("name", [n for n in NUMBERS if OPTIONS[n].metadata["words"]])
def test_number_flags_take_their_declared_words(name):
    for word in OPTIONS[name].metadata["words"]:
        assert getattr(train_cifar10.parse_args([flag(name), word]), name) == word


def test_switches_and_axes_parse_as_declared():
    assert all(getattr(train_cifar10.parse_args([flag(n)]), n) is True for n in SWITCHES)
    args = sweep_cifar10.build_parser().parse_args(["--learning-rates", "1e-4", "1e-3",
                                                    "--hidden-size", "5"])
    assert args.learning_rate == [1e-4, 1e-3] and args.hidden_size == [5]


@pytest.mark.parametrize("prog", PROGRAMS)
def test_data_and_output_flags_parse_with_their_defaults(prog):
    parse = train_cifar10.parse_args if prog == "train-cifar10" else \
        sweep_cifar10.build_parser().parse_args
    args = parse([])
    assert (args.data_dir, args.download, args.overwrite, args.quiet) == (None, False, False, False)
    assert {n: getattr(args, n) for n in NOTEBOOK_SPLIT} == NOTEBOOK_SPLIT
    args = parse(["--data-dir", "d", "--download", "--overwrite", "--quiet", "--num-training", "7",
                  "--num-validation", "8", "--num-test", "9", "--out", "o"])
    assert (args.data_dir, args.download, args.overwrite, args.quiet, args.out) == (
        "d", True, True, True, "o")
    assert (args.num_training, args.num_validation, args.num_test) == (7, 8, 9)


def test_best_preset_scores_the_whole_test_split_by_default():
    assert train_cifar10.parse_args(["--preset", "best"]).num_test == presets.values("best")["num_test"]


def test_compile_cache_flags_override_the_environments_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(machine.CACHE_ENV, str(tmp_path / "xla"))
    for main in (train_cifar10.parse_args, sweep_cifar10.build_parser().parse_args):
        assert main([]).compile_cache == str(tmp_path / "xla")
        assert main(["--compile-cache", "elsewhere"]).compile_cache == "elsewhere"
        assert main(["--no-compile-cache"]).compile_cache is None
    monkeypatch.delenv(machine.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert train_cifar10.parse_args([]).compile_cache == str(tmp_path / "cache" / "jaxnet" / "xla")


def test_sweep_without_flags_is_the_notebook_grid():
    configs, shared = sweep_cifar10.grid(sweep_cifar10.build_parser().parse_args([]))
    grid = presets.NOTEBOOK_GRID
    assert len(configs) == np.prod([len(v) for v in grid.values() if isinstance(v, list)])
    assert (shared.training.num_iters, shared.training.batch_size) == (
        grid["num_iters"], grid["batch_size"])


# ---------------------------------------------------------------------------- usage errors


@pytest.mark.parametrize("prog", PROGRAMS)
@pytest.mark.parametrize("name", NUMBERS)
def test_a_number_flags_bad_value_is_one_line_naming_the_flag(capsys, prog, name):
    if prog == "sweep-cifar10" and name in sweep_cifar10.AXES:
        shown = f"{flag(name)}/{flag(name)}s"
    else:
        shown = flag(name)
    what = "an integer" if OPTIONS[name].metadata["kind"] is int else "a number"
    line = usage_error(capsys, PROGRAMS[prog], [flag(name), "abc"])
    assert line == f"{prog}: error: argument {shown}: not {what}: 'abc' (see --help)"


@pytest.mark.parametrize("name", STRINGS)
def test_a_string_flag_allows_only_its_declared_choices(capsys, name):
    line = usage_error(capsys, train_cifar10.main, [flag(name), "bogus"])
    assert line.startswith(f"train-cifar10: error: argument {flag(name)}: invalid choice: 'bogus'")
    assert line.endswith("(see --help)")
    assert all(repr(choice) in line for choice in OPTIONS[name].metadata["choices"]), line


def test_an_unknown_flag_is_one_line(capsys):
    line = usage_error(capsys, sweep_cifar10.main, ["--no-such-flag"])
    assert line == "sweep-cifar10: error: unrecognized arguments: --no-such-flag (see --help)"


# ---------------------------------------------------------------------------- refused runs


@pytest.mark.parametrize("prog", PROGRAMS)
@pytest.mark.parametrize("name, value, low", [("num_training", 0, 1), ("num_validation", 0, 1),
                                              ("num_test", -1, 0)])
def test_too_few_rows_are_refused_before_the_data_is_read(capsys, tmp_path, prog, name, value, low):
    line = run_error(capsys, PROGRAMS[prog], ["--data-dir", str(tmp_path / "no-data"),
                                              "--out", str(tmp_path / "o"), flag(name), str(value)])
    assert line == f"{prog}: error: {flag(name)} must be >= {low}, got {value}"


def test_a_recipe_error_that_names_no_single_option_is_shown_as_it_is(capsys, tmp_path):
    with pytest.raises(ValueError) as info:
        jaxnet.Recipe.of(presets.recipe("notebook"), preprocess="pca", flip=True, crop=1)
    line = run_error(capsys, train_cifar10.main, ["--data-dir", str(tmp_path / "no-data"),
                                                  "--preprocess", "pca", "--flip", "--crop", "1"])
    assert line == f"train-cifar10: error: {info.value}"


@pytest.mark.parametrize("prog", PROGRAMS)
def test_missing_matplotlib_is_refused_before_the_data_is_read(capsys, tmp_path, monkeypatch, prog):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    line = run_error(capsys, PROGRAMS[prog], ["--data-dir", str(tmp_path / "no-data"),
                                              "--out", str(tmp_path / "o"), "--quiet"])
    assert "needs matplotlib" in line


def test_download_needs_a_folder(capsys, tmp_path, monkeypatch):
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    monkeypatch.setattr(data, "download_cifar10", lambda *a, **k: pytest.fail("downloaded"))
    line = run_error(capsys, train_cifar10.main, ["--download", "--out", str(tmp_path / "o")])
    assert line == f"train-cifar10: error: --download needs --data-dir (or ${data.ENV_VAR})"


# ---------------------------------------------------------------------------- the data


@pytest.fixture
def downloads(monkeypatch):
    """The folders ``--download`` fetched into (fake batches are written there)."""
    fetched = []

    def fake_download(folder, **kwargs):
        fetched.append(folder)
        write_fake_cifar10(folder)
        return Path(folder)

    monkeypatch.setattr(data, "download_cifar10", fake_download)
    return fetched


SMALL = ["--num-training", "30", "--num-validation", "10", "--num-test", "5", "--batch-size", "10"]


def test_download_fetches_into_data_dir(tmp_path, monkeypatch, downloads, fit_splits):
    monkeypatch.delenv(data.ENV_VAR, raising=False)
    train_until_fit(tmp_path, "--download", "--data-dir", str(tmp_path / "cifar"), *SMALL)
    assert downloads == [tmp_path / "cifar"] and len(fit_splits["y_train"]) == 30


def test_download_fetches_into_the_environments_folder(tmp_path, monkeypatch, downloads, fit_splits):
    monkeypatch.setenv(data.ENV_VAR, str(tmp_path / "env-cifar"))
    train_until_fit(tmp_path, "--download", *SMALL)
    assert downloads == [tmp_path / "env-cifar"] and len(fit_splits["y_train"]) == 30


def test_the_split_sizes_and_dtype_reach_training(data_dir, tmp_path, fit_splits):
    train_until_fit(tmp_path, "--data-dir", str(data_dir), *SMALL)
    shapes = {k: fit_splits[f"X_{k}"].shape for k in ("train", "val", "test")}
    assert shapes == {"train": (30, 3072), "val": (10, 3072), "test": (5, 3072)}
    dtype = recipe.RECIPE_FIELDS["dtype"].default
    assert all(fit_splits[f"X_{k}"].dtype == np.dtype(dtype) for k in ("train", "val", "test"))


def test_float64_reaches_the_loaded_splits(data_dir, tmp_path, fit_splits):
    train_until_fit(tmp_path, "--data-dir", str(data_dir), *SMALL, "--dtype", "float64")
    assert fit_splits["X_train"].dtype == np.float64 and fit_splits["X_val"].dtype == np.float64


def test_the_fewest_rows_allowed_are_one_each_and_no_test(data_dir, tmp_path, fit_splits):
    train_until_fit(tmp_path, "--data-dir", str(data_dir), "--num-training", "1",
                    "--num-validation", "1", "--num-test", "0", "--batch-size", "1")
    assert [len(fit_splits[f"y_{k}"]) for k in ("train", "val", "test")] == [1, 1, 0]


# ---------------------------------------------------------------------------- contradictions


NO_DATA = ["--data-dir", "no-data-here"]  # a refusal before the data is read never sees it


def refused(capsys, tmp_path, main, *argv):
    """The one line of a run refused before its data is read (exit status 1)."""
    line = run_error(capsys, main, [*NO_DATA, "--out", str(tmp_path / "o"), *argv])
    assert "no-data-here" not in line
    return line


@pytest.mark.parametrize("prog", PROGRAMS)
def test_num_iters_and_epochs_together_are_refused(capsys, tmp_path, prog):
    line = refused(capsys, tmp_path, PROGRAMS[prog], "--num-iters", "100", "--epochs", "1")
    assert line == f"{prog}: error: --num-iters and --epochs both set the run's length; give one"


def test_num_iters_replaces_a_presets_epochs():
    args = train_cifar10.parse_args(["--preset", "best", "--num-iters", "7"])
    recipe = train_cifar10.recipe_of(args)
    assert recipe.epochs is None and recipe.config(49000).num_iters == 7
    assert train_cifar10.recipe_of(train_cifar10.parse_args(["--preset", "best"])).epochs == 90


@pytest.mark.parametrize("argv", [["--seed", "0", "1", "--seeds", "2"],
                                  ["--hidden-sizes", "5", "--hidden-size", "6"],
                                  ["--reg", "0.1", "--reg", "0.2"]])
def test_an_axis_given_twice_is_a_usage_error(capsys, argv):
    line = usage_error(capsys, sweep_cifar10.main, argv)
    name = argv[0].rstrip("s")
    assert line == (f"sweep-cifar10: error: {name}/{name}s given twice; list every value once "
                    f"(e.g. {name}s 1 2 3) (see --help)")


@pytest.mark.parametrize("argv, message", [
    (["--random", "0"], "--random must be >= 1 (the number of configs to draw), got 0; leave it "
                        "out to train the grid"),
    (["--random", "-3"], "--random must be >= 1 (the number of configs to draw), got -3; leave "
                         "it out to train the grid"),
    (["--random-seed", "3"], "--random-seed applies to --random N"),
    (["--random", "4", "--random-seed", "-1"], "--random-seed must be >= 0, got -1"),
    (["--search", "halving", "--spread"], "--spread applies to --search grid (it splits a "
                                          "sweep's configs across devices)"),
    (["--eta", "4"], "--eta and --min-epochs apply to --search halving"),
    (["--search", "grid", "--min-epochs", "2"], "--eta and --min-epochs apply to --search halving"),
    (["--search", "halving", "--eta", "1"], "--eta must be >= 2, got 1"),
    (["--search", "halving", "--hidden-sizes", "5", "--learning-rates", "1e-3", "1e-2", "1e-1", "--regs", "0.2"],
     "--search halving needs more configs than --eta (3) to compare; got 3"),
])
def test_sweep_flags_that_cannot_apply_are_refused(capsys, tmp_path, argv, message):
    assert refused(capsys, tmp_path, sweep_cifar10.main, *argv) == f"sweep-cifar10: error: {message}"


@pytest.mark.parametrize("prog", PROGRAMS)
def test_sweep_and_train_refuse_a_folder_of_another_run_before_reading_data(capsys, tmp_path, prog):
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / "params.npz").write_bytes(b"an earlier run's")
    assert refused(capsys, tmp_path, PROGRAMS[prog]) == (
        f"{prog}: error: --out {tmp_path / 'o'} holds another run's files (params.npz); choose another "
        f"folder, or pass --overwrite to replace them")
    assert (tmp_path / "o" / "params.npz").read_bytes() == b"an earlier run's"


def test_sweep_refuses_a_group_too_large_for_the_memory_before_reading_data(capsys, tmp_path, monkeypatch):
    """One run of 500 hidden units fits in 0.3 GB; ten trained at once (one vmapped program) do not."""
    monkeypatch.setattr(checks, "available_bytes", lambda: 3 * 10**8)
    line = refused(capsys, tmp_path, sweep_cifar10.main, "--hidden-sizes", "500", "--regs", "0.1",
                   "--learning-rates", *[f"{i}e-3" for i in range(1, 11)], "--batch-size", "100",
                   "--num-training", "1000", "--num-validation", "100", "--num-test", "100")
    assert line.startswith("sweep-cifar10: error: training 500 hidden units on minibatches of 100 rows "
                           "(10 runs at once) needs about ")
    assert "more than this machine's available memory (0.3 GB)" in line


def test_a_value_given_twice_trains_once_with_a_note(capsys):
    args = sweep_cifar10.build_parser().parse_args(
        ["--hidden-sizes", "50", "100", "50", "--learning-rates", "1e-3", "0.001", "--reg", "0.1"])
    configs, _ = sweep_cifar10.grid(args)
    assert sorted((c["hidden_size"], c["learning_rate"]) for c in configs) == [(50, 1e-3), (100, 1e-3)]
    assert capsys.readouterr().err.splitlines() == [
        "sweep-cifar10: note: --hidden-size 50 given more than once; each config trains once",
        "sweep-cifar10: note: --learning-rate 0.001 given more than once; each config trains once"]


@pytest.mark.parametrize("argv, message", [
    (["--hidden-sizes", "5", "0"], "--hidden-size: hidden_size must be > 0, got 0"),
    (["--learning-rates", "1e-3", "-1"], "--learning-rate: learning_rate must be in (0, inf), got -1"),
    (["--regs", "0.1", "0.2", "-2"], "--reg: reg must be in [0, inf), got -2"),
    (["--seeds", "0", "-1"], "--seed: seed must be >= 0, got -1"),
])
def test_sweep_checks_every_value_of_an_axis_before_reading_data(capsys, tmp_path, argv, message):
    assert refused(capsys, tmp_path, sweep_cifar10.main, *argv) == f"sweep-cifar10: error: {message}"


def test_sweep_best_line_names_the_best_configs_own_values():
    args = sweep_cifar10.build_parser().parse_args(
        ["--hidden-sizes", "100", "--learning-rates", "1e-4", "5e-4", "--regs", "0.25",
         "--optimizer", "nesterov", "--momentums", "0.5", "0.9"])
    configs, shared = sweep_cifar10.grid(args)
    lines = [sweep_cifar10.describe_config(c, shared, ["learning_rate", "momentum"]) for c in configs]
    assert lines == ["learning_rate 0.0001, momentum 0.5, reg 0.25",
                     "learning_rate 0.0001, momentum 0.9, reg 0.25",
                     "learning_rate 0.0005, momentum 0.5, reg 0.25",
                     "learning_rate 0.0005, momentum 0.9, reg 0.25"]


def test_sweep_memory_check_counts_each_hidden_sizes_largest_group(monkeypatch):
    """Configs of one hidden size and seed train as one vmapped program: the check sees, for
    each hidden size, its largest group (counted by hand below), not the configs' number."""
    args = sweep_cifar10.build_parser().parse_args(["--hidden-sizes", "5", "--num-training", "40"])
    _, shared = sweep_cifar10.grid(args)
    train_config = shared.check(args.num_training, data.IMAGE_SHAPE)
    seen = []
    monkeypatch.setattr(sweep_cifar10.checks, "check_run_fits",
                        lambda plan, inputs, hidden, *a: seen.append((hidden, a[-1])))
    configs = ([{"hidden_size": 5, "seed": 0}] * 3 + [{"hidden_size": 5, "seed": 1}]
               + [{"hidden_size": 7, "seed": 1}] + [{"hidden_size": 7, "seed": 2}] * 2)
    sweep_cifar10.check_groups_fit(configs, shared, train_config, args)
    assert seen == [(5, 3), (7, 2)]


def test_sweep_memory_check_sees_the_run_as_it_will_train(monkeypatch):
    """Flips and crops included (their plan needs the image's shape), the rows' dtype, the
    training rows and the most rows scored at once."""
    args = sweep_cifar10.build_parser().parse_args(
        ["--hidden-sizes", "5", "--num-training", "40", "--num-validation", "30", "--num-test", "50",
         "--flip", "--crop", "2", "--batch-size", "8", "--dtype", "float64", "--learning-rates", "1e-3", "2e-3"])
    configs, shared = sweep_cifar10.grid(args)
    train_config, seen = shared.check(40, data.IMAGE_SHAPE), []
    monkeypatch.setattr(sweep_cifar10.checks, "check_run_fits", lambda plan, *a: seen.append((plan, a)))
    sweep_cifar10.check_groups_fit(configs, shared, train_config, args)
    ((plan, called),) = seen
    assert called == (3072, 5, "float64", 40, 50, 8)  # 2 rates x the notebook grid's 4 regs
    assert plan.image_shape == (32, 32, 3) and plan.config.batch_size == 8 and plan.iterations_per_epoch == 5


@pytest.mark.parametrize("argv, library", [
    ([], {"sweep": {"spread": False}}),
    (["--spread"], {"sweep": {"spread": True}}),
    (["--search", "halving"], {"search": {"eta": 3, "min_iters": 10}}),  # 80 // 8: an epoch
    (["--search", "halving", "--eta", "2", "--min-epochs", "2.5"], {"search": {"eta": 2, "min_iters": 25}}),
    (["--search", "halving", "--min-epochs", "0.04"], {"search": {"eta": 3, "min_iters": 1}}),  # at least one
])
def test_sweep_hands_its_flags_to_the_library(data_dir, tmp_path, capsys, monkeypatch, argv, library):
    """What the program passes to jaxnet.sweep or jaxnet.search, the compile cache and the dtype,
    stopped before any training (the stand-in returns no results: "every config diverged")."""
    called, machine_calls = {}, []
    for name in ("sweep", "search"):
        monkeypatch.setattr(sweep_cifar10.jaxnet, name,
                            lambda *a, name=name, **k: called.update({name: (a, k)}) or [])
    monkeypatch.setattr(machine, "enable_compile_cache", lambda folder: machine_calls.append(("cache", folder)))
    monkeypatch.setattr(machine, "enable_dtype", lambda dtype: machine_calls.append(("dtype", dtype)))
    line = run_error(capsys, sweep_cifar10.main, [
        "--data-dir", str(data_dir), "--out", str(tmp_path / "o"), "--num-training", "80",
        "--num-validation", "20", "--num-test", "10", "--hidden-sizes", "5", "--batch-size", "8",
        "--learning-rates", "1e-3", "2e-3", "3e-3", "4e-3", "--regs", "0.1", "--num-iters", "30",
        "--std", "0.01", "--flip", "--compile-cache", str(tmp_path / "xla"), "--quiet", *argv])
    assert line == "sweep-cifar10: error: every config diverged; try smaller learning rates"
    assert machine_calls == [("cache", str(tmp_path / "xla")), ("dtype", "float32")]
    ((name, (positional, kwargs)),) = called.items()
    X_train, y_train, X_val, y_val, configs = positional
    assert X_train.shape == (80, 3072) and len(y_train) == 80 and X_val.shape == (20, 3072) and len(y_val) == 20
    assert [c["learning_rate"] for c in configs] == [1e-3, 2e-3, 3e-3, 4e-3]
    expected = {"num_classes": 10, "std": 0.01, "dtype": "float32", "image_shape": (32, 32, 3), "progress": False,
                "num_iters": 30, "batch_size": 8, "flip": True, **library[name]}
    assert {k: kwargs[k] for k in expected} == expected


def test_random_draws_are_plain_numbers_seeded_0_by_default_with_one_note_each(capsys):
    """--random: the default seed is 0; a reg range starting at 0 is drawn from the values
    given (no log of 0); every drawn value is a Python int or float; a value given twice is
    noted once, and draws that repeat nothing are not noted."""
    parse = sweep_cifar10.build_parser().parse_args
    flags = ["--random", "40", "--hidden-sizes", "5", "6", "--regs", "0", "0.5", "--learning-rates", "1e-4", "1e-2",
             "--learning-rate-decays", "0.9", "1.0", "--seeds", "0", "1"]
    configs, _ = sweep_cifar10.grid(parse(flags))
    assert capsys.readouterr().err == ""  # 40 draws of real numbers repeat none
    assert configs == sweep_cifar10.grid(parse([*flags, "--random-seed", "0"]))[0]
    assert configs != sweep_cifar10.grid(parse([*flags, "--random-seed", "1"]))[0]
    assert {c["reg"] for c in configs} == {0.0, 0.5}
    assert {c["hidden_size"] for c in configs} == {5, 6} and {c["seed"] for c in configs} == {0, 1}
    assert all(1e-4 <= c["learning_rate"] <= 1e-2 and 0.9 <= c["learning_rate_decay"] <= 1.0 for c in configs)
    for c in configs:
        assert {k: type(v) for k, v in c.items() if k in ("hidden_size", "seed")} == {"hidden_size": int, "seed": int}
        assert all(type(v) is float for k, v in c.items() if k not in ("hidden_size", "seed")), c
    capsys.readouterr()
    sweep_cifar10.grid(parse(["--random", "3", "--hidden-sizes", "5", "5", "6", "6", "7"]))
    assert capsys.readouterr().err == (
        "sweep-cifar10: note: --hidden-size 5 6 given more than once; each config trains once\n")
    assert len(sweep_cifar10.grid(parse(["--random", "1"]))[0]) == 1  # one draw is a search


def test_random_configs_drawn_twice_train_once_with_a_note(capsys):
    args = sweep_cifar10.build_parser().parse_args(
        ["--random", "6", "--hidden-sizes", "5", "--learning-rate", "1e-3", "--reg", "0.1",
         "--learning-rate-decay", "0.9"])
    configs, _ = sweep_cifar10.grid(args)
    assert len(configs) == 1  # every axis has one value: six draws of one config
    assert capsys.readouterr().err.strip() == (
        "sweep-cifar10: note: 5 of the 6 configs drawn repeat another; each config trains once")


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize("prog", PROGRAMS)
@pytest.mark.parametrize("seed", ["4294967296", "99999999999999999999", "-1"])
def test_a_seed_beyond_jax_random_keys_32_bits_is_refused(capsys, tmp_path, prog, seed):
    line = refused(capsys, tmp_path, PROGRAMS[prog], "--seed", seed, "--batch-size", "8")
    bound = "<= 4294967295 (decides" if seed != "-1" else ">= 0"
    assert line.startswith(f"{prog}: error: --seed: seed must be {bound}")
    assert line.endswith(f"got {seed}")


@pytest.mark.parametrize("prog", PROGRAMS)
@pytest.mark.parametrize("argv, rows", [(["--batch-size", "100000"], 49000),
                                        (["--num-training", "5", "--batch-size", "200"], 5)])
def test_a_batch_larger_than_the_training_rows_is_refused(capsys, tmp_path, prog, argv, rows):
    batch = argv[-1]
    assert refused(capsys, tmp_path, PROGRAMS[prog], *argv) == (
        f"{prog}: error: --batch-size: batch_size {batch} is larger than the {rows} training "
        f"rows; give a batch size of at most {rows} (--num-training)")


# ---------------------------------------------------------------------------- spelling


@pytest.mark.parametrize("prog", PROGRAMS)
@pytest.mark.parametrize("typed", ["--num-iter", "--hidden", "--learning-rat"])
def test_a_flag_must_be_spelled_out(capsys, prog, typed):
    line = usage_error(capsys, PROGRAMS[prog], [typed, "5"])
    assert line == f"{prog}: error: unrecognized arguments: {typed} 5 (see --help)"


def test_an_unknown_preset_is_one_line_like_every_error(capsys):
    line = usage_error(capsys, train_cifar10.main, ["--preset", "tunned"])
    assert line.startswith("train-cifar10: error: argument --preset: invalid choice: 'tunned'")
    assert line.endswith("(see --help)")
    assert usage_error(capsys, train_cifar10.main, ["--pre", "best"]).startswith(
        "train-cifar10: error: unrecognized arguments: --pre best")


@pytest.mark.parametrize("argv, message", [
    (["--legacy-checkpoint"], "--legacy-checkpoint applies to --eval-checkpoint"),
    (["--resume", "--overwrite"], "--overwrite does not combine with --resume, which continues "
                                  "the run in --out"),
])
def test_train_flags_that_cannot_apply_are_refused(capsys, tmp_path, argv, message):
    (tmp_path / "o").mkdir()
    (tmp_path / "o" / "state.npz").write_bytes(b"")
    assert refused(capsys, tmp_path, train_cifar10.main, *argv) == f"train-cifar10: error: {message}"


def test_a_data_dir_one_folder_too_high_says_where_the_data_is(data_dir, tmp_path, capsys):
    line = run_error(capsys, train_cifar10.main, ["--data-dir", str(data_dir.parent), "--out",
                                                  str(tmp_path / "o"), *SMALL])
    assert line == (f"train-cifar10: error: CIFAR-10 not found at {data_dir.parent}, but its "
                    f"folder cifar-10-batches-py is there: point --data-dir or $CIFAR10_DIR at "
                    f"{data_dir}")


def test_random_and_its_seed_reach_the_draws():
    def drawn(*argv):
        args = sweep_cifar10.build_parser().parse_args(
            ["--random", "5", "--hidden-sizes", "7", "9", "--learning-rates", "1e-4", "1e-2",
             "--reg", "0.1", *argv])
        return sweep_cifar10.grid(args)[0]

    configs = drawn("--random-seed", "7")
    assert len(configs) == 5
    assert all(1e-4 <= c["learning_rate"] <= 1e-2 and c["hidden_size"] in (7, 9) for c in configs)
    assert len({c["learning_rate"] for c in configs}) == 5  # drawn, not the grid's two
    assert drawn("--random-seed", "7") == configs and drawn("--random-seed", "8") != configs
    assert drawn() == drawn("--random-seed", "0")  # the default seed
