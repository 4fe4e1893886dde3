"""Sweep hidden size x learning rate x reg on CIFAR-10; keep the best net on validation.

    sweep-cifar10 --data-dir PATH/cifar-10-batches-py --out runs/sweep

Defaults are the notebook's grid: hidden {100, 200} x lr {1e-4, 5e-4, 1e-3} x
reg {0.2, 0.25, 0.35, 0.4}, 5000 iterations, batch 500, decay 0.95. Every traced option,
the hidden size and the seed take one or more values; the grid is every combination.
Configs of one hidden size and seed train together in one vmapped program
(``jaxnet.sweep``, or ``jaxnet.search`` for successive halving). The test split is scored
once, for the best config only.
"""

import collections
import itertools
import sys
from pathlib import Path

import numpy as np

import jaxnet
from jaxnet import artifacts, checks, config, data, fitting, loop, presets, sweeps
from jaxnet.cli import checkpoint, common, errors, folder, machine
from jaxnet.cli.timing import timed

PROG = "sweep-cifar10"
AXES = sweeps.CONFIG_KEYS


def build_parser():
    p = common.new_parser(PROG, __doc__, "runs/sweep", presets.NOTEBOOK_GRID, axes=AXES)
    p.add_argument("--spread", action="store_true", help="split configs across all devices")
    p.add_argument("--search", choices=("grid", "halving"), default="grid",
                   help="train every config to the end, or successive halving: all train a "
                        "first rung, the best 1/eta continue, until the full budget")
    p.add_argument("--eta", type=int, default=None,
                   help="with --search halving, keep the best 1/eta at each rung (default: 3)")
    p.add_argument("--min-epochs", type=float, default=None,
                   help="with --search halving, the shortest rung, in epochs (default: 1)")
    p.add_argument("--random", type=int, default=None, metavar="N",
                   help="instead of the grid, N random configs: learning rate and reg "
                        "log-uniform, decay uniform between the smallest and largest value "
                        "given, hidden size, seed and the other axes drawn from their values")
    p.add_argument("--random-seed", type=int, default=None,
                   help="seed of --random's draws (default: 0)")
    return p


def axis_values(args):
    """Each axis's values: the flags', else the notebook grid's, else the default; a value
    given twice is kept once, with a note on stderr."""
    base = presets.NOTEBOOK_GRID
    axes = {name: list(_as_list(getattr(args, name, base.get(name, common.FIELDS[name].default))))
            for name in AXES}
    for name, values in axes.items():
        once = list(dict.fromkeys(values))
        if len(once) < len(values):
            twice = [v for v in once if values.count(v) > 1]
            print(f"{PROG}: note: {common.flag(name)} {' '.join(f'{v:g}' for v in twice)} "
                  f"given more than once; each config trains once", file=sys.stderr)
        axes[name] = once
    return axes


def _as_list(value):
    return value if isinstance(value, (list, tuple)) else [value]


def grid(args):
    """The configs (every combination of the axes' values, or ``--random`` draws) and the
    shared Recipe; a bad value is an error naming its flag."""
    axes = axis_values(args)
    shared_options = {k: v for k, v in common.given(args).items() if k not in AXES}
    base = jaxnet.Recipe.of(**{k: v for k, v in presets.NOTEBOOK_GRID.items() if k not in AXES})
    first = {name: values[0] for name, values in axes.items()}
    named = list(common.given(args))
    shared = common.make_recipe(base, {**shared_options, **first}, named)
    for name, values in axes.items():  # each value of each axis, checked before any data
        for value in values[1:]:
            common.make_recipe(base, {**shared_options, **first, name: value}, named)
    if args.search == "grid" and (args.eta is not None or args.min_epochs is not None):
        raise ValueError("--eta and --min-epochs apply to --search halving")
    if args.spread and args.search == "halving":
        raise ValueError("--spread applies to --search grid (it splits a sweep's configs "
                         "across devices)")
    if args.random_seed is not None and args.random is None:
        raise ValueError("--random-seed applies to --random N")
    if args.random is not None and args.random < 1:
        raise ValueError(f"--random must be >= 1 (the number of configs to draw), got "
                         f"{args.random}; leave it out to train the grid")
    if args.random is not None:
        return drawn_once(sample(args, axes)), shared
    return [dict(zip(AXES, values)) for values in itertools.product(*axes.values())], shared


LOG_UNIFORM = ("learning_rate", "reg")
UNIFORM = ("learning_rate_decay",)


def sample(args, axes=None):
    """``--random N`` configs: each axis drawn from the range or the values its flag gives."""
    axes = axis_values(args) if axes is None else axes
    if args.random_seed is not None and args.random_seed < 0:
        raise ValueError(f"--random-seed must be >= 0, got {args.random_seed}")
    rng = np.random.default_rng(args.random_seed or 0)
    configs = [{} for _ in range(args.random)]
    for name, values in axes.items():
        low, high = min(values), max(values)
        if name in LOG_UNIFORM and low > 0:
            draws = np.exp(rng.uniform(np.log(low), np.log(high), args.random))
        elif name in UNIFORM:
            draws = rng.uniform(low, high, args.random)
        else:
            draws = rng.choice(np.asarray(values, dtype=object), args.random)
        for c, value in zip(configs, draws):
            c[name] = value.item() if hasattr(value, "item") else value
    return configs


def drawn_once(configs):
    """``--random``'s configs, each once (a config drawn again is dropped, with a note)."""
    once = list({tuple(sorted(c.items())): c for c in configs}.values())
    if len(once) < len(configs):
        print(f"{PROG}: note: {len(configs) - len(once)} of the {len(configs)} configs drawn "
              f"repeat another; each config trains once", file=sys.stderr)
    return once


def describe_config(c, shared, varied):
    """The options of config ``c`` worth printing: the swept ones, and the others that
    differ from their defaults where they have an effect."""
    options = config.make_config(shared.training, **{k: c[k] for k in config.TRACED})
    shown = {k: c[k] for k in AXES if k in varied}
    shown.update({k: v for k, v in options.changes().items() if k in config.TRACED})
    return ", ".join(f"{k} {v:g}" for k, v in shown.items())


def check_groups_fit(configs, shared, train_config, args):
    """Configs of one hidden size and seed train as one vmapped program: refuse a group too
    large for the memory, before any data is read."""
    runs = collections.defaultdict(int)
    groups = collections.Counter((c["hidden_size"], c["seed"]) for c in configs)
    for (hidden, _), count in groups.items():
        runs[hidden] = max(runs[hidden], count)
    input_size = int(np.prod(data.IMAGE_SHAPE))
    plan = loop.make_plan([train_config], args.num_training, input_size,
                          shared.image_shape(data.IMAGE_SHAPE))
    for hidden, count in sorted(runs.items()):
        checks.check_run_fits(plan, input_size, hidden, shared.dtype, args.num_training,
                              max(args.num_validation, args.num_test), count)


def run(args):
    folder.check_out(args.out, args.overwrite)
    configs, shared = grid(args)
    common.check_data_flags(args, shared.training.batch_size)
    train_config = shared.check(args.num_training, data.IMAGE_SHAPE)
    check_groups_fit(configs, shared, train_config, args)
    eta = 3 if args.eta is None else args.eta
    min_iters = 1
    if args.search == "halving":
        if eta < 2:
            raise ValueError(f"--eta must be >= 2, got {eta}")
        if len(configs) <= eta:
            raise ValueError(f"--search halving needs more configs than --eta ({eta}) to "
                             f"compare; got {len(configs)}")
        per_epoch = loop.iterations_per_epoch(args.num_training, train_config.batch_size,
                                              train_config.sampling)
        min_iters = max(1, round((args.min_epochs or 1.0) * per_epoch))
    machine.enable_compile_cache(args.compile_cache)
    machine.enable_dtype(shared.dtype)
    splits = common.load_data(args, shared.dtype)
    splits, prep = fitting.preprocessed(shared, splits)
    static = {name: getattr(train_config, name) for name in config.STATIC}
    data_args = (splits["X_train"], splits["y_train"], splits["X_val"], splits["y_val"], configs)
    common_args = dict(num_classes=data.NUM_CLASSES, std=shared.std, dtype=shared.dtype,
                       image_shape=shared.image_shape(data.IMAGE_SHAPE),
                       progress=not args.quiet, **static)
    with timed() as t:
        if args.search == "halving":
            results = jaxnet.search(*data_args, eta=eta, min_iters=min_iters, **common_args)
        else:
            results = jaxnet.sweep(*data_args, spread=args.spread, **common_args)
    finished = [r for r in results if "params" in r]
    if shared.tta_flip or shared.tta_shift:  # the selection uses the final score's views
        for r in finished:
            r["val_acc"] = fitting.score(shared, r["params"], splits["X_val"], splits["y_val"])

    varied = [k for k in AXES if len({c[k] for c in configs}) > 1] or ["hidden_size"]
    print("  ".join(f"{k:>15}" for k in varied) + "  val_acc  iterations")
    for r in results:
        acc = r.get("val_acc", r["rung_val_acc"][-1])
        print("  ".join(f"{r['config'][k]:>15.4g}" for k in varied)
              + f"  {acc:.4f}  {r['iterations']:>10}" + ("  diverged" if r["diverged"] else ""))
    finished = [r for r in finished if not r["diverged"]]
    if not finished:
        raise jaxnet.TrainingDiverged("every config diverged; try smaller learning rates")
    best = max(finished, key=lambda r: r["val_acc"])
    out, c = Path(args.out), best["config"]
    run_folder = folder.RunFolder(out)
    split = {n: getattr(args, n) for n in common.SPLIT}
    folder.write_params(run_folder, best["params"], prep,
                        checkpoint.scoring_record(shared, split, splits["mean_image"], prep))
    # The test split is scored once, for the chosen config only.
    test_acc = fitting.score(shared, best["params"], splits["X_test"], splits["y_test"])
    test = (f"test accuracy {test_acc:.4f} (first {len(splits['y_test'])} test images)"
            if test_acc is not None else "test not evaluated")
    print(f"best: {describe_config(c, shared, varied)}: val accuracy {best['val_acc']:.4f}  "
          f"{test}; {len(results)} config{'s' * (len(results) > 1)} in {t.describe()}")
    summary = {"val_acc": best["val_acc"], "test_acc": test_acc, **c}
    run_folder.write("sweep.json", lambda path: artifacts.save_json(path, {
        "results": [{**r["config"], "val_acc": r.get("val_acc"), "diverged": r["diverged"],
                     "iterations": r["iterations"], "rung_val_acc": r["rung_val_acc"],
                     "stopped_at_rung": r["stopped_at_rung"]} for r in results],
        "search": args.search, "trained_iterations": sum(r["iterations"] for r in results),
        "best": summary, "num_test": len(splits["y_test"]), "flags": vars(args),
        "config": shared.options(), "wall_time_s": t.wall_s, "compile_time_s": t.compile_s,
        "trace_time_s": t.trace_s, **machine.environment()}))
    files = folder.write_run(run_folder, best["params"], best["history"], {
        "val_acc": best["val_acc"], "test_acc": test_acc, "num_test": len(splits["y_test"]),
        "config": {**vars(args), **shared.options(), **c, "num_iters": train_config.num_iters},
        "seed": c["seed"], "num_iters": train_config.num_iters}, prep)
    print("wrote " + ", ".join(map(str, files)))
    return 0


def main(argv=None):
    with errors.friendly_errors(PROG):
        return run(build_parser().parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
