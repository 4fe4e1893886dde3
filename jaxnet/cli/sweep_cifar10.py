"""Sweep hidden size x learning rate x reg on CIFAR-10; keep the best net on validation.

    sweep-cifar10 --data-dir PATH/cifar-10-batches-py --out runs/sweep

Defaults are the notebook's grid: hidden {100, 200} x lr {1e-4, 5e-4, 1e-3} x
reg {0.2, 0.25, 0.35, 0.4}, 5000 iterations, batch 500, decay 0.95. Every traced option,
the hidden size and the seed take one or more values; the grid is every combination.
Configs of one hidden size and seed train together in one vmapped program
(``jaxnet.sweep``). The test split is scored once, for the best config only.
"""

import itertools
import sys
from pathlib import Path

import numpy as np

import jaxnet
from jaxnet import artifacts, config, data, presets, training
from jaxnet.cli import common
from jaxnet.cli.timing import timed

PROG = "sweep_cifar10"


def build_parser():
    p = common.new_parser(PROG, __doc__, "runs/sweep", presets.NOTEBOOK_GRID, sweep=True)
    p.add_argument("--spread", action="store_true", help="split configs across all devices")
    p.add_argument("--search", choices=("grid", "halving"), default="grid",
                   help="train every config to the end, or successive halving: all train a "
                        "first rung, the best 1/eta continue, until the full budget")
    p.add_argument("--eta", type=common.positive_float, default=3,
                   help="with --search halving, keep the best 1/eta at each rung")
    p.add_argument("--min-epochs", type=common.positive_float, default=1.0,
                   help="with --search halving, the shortest rung, in epochs")
    p.add_argument("--random", type=int, default=0, metavar="N",
                   help="instead of the grid, N random configs: learning rate and reg "
                        "log-uniform, decay uniform between the smallest and largest value "
                        "given, hidden size, seed and the other axes drawn from their values")
    p.add_argument("--random-seed", type=int, default=0, help="seed of --random's draws")
    return p


def grid(args):
    """The sweep's configs (every combination of the axes' values) and the options they
    share; a bad value is an error naming its flag."""
    first = {name: getattr(args, name)[0] for name in config.TRACED}
    shared = common.make_config(args, **first)
    for name in config.TRACED:  # each value of each axis, checked before any data is read
        for value in getattr(args, name)[1:]:
            common.make_config(args, **{**first, name: value})
    if args.random:
        return sample(args), shared
    axes = [getattr(args, name) for name in common.SWEEP_AXES]
    return [dict(zip(common.SWEEP_AXES, values)) for values in itertools.product(*axes)], shared


LOG_UNIFORM = ("learning_rate", "reg")
UNIFORM = ("learning_rate_decay",)


def sample(args):
    """``--random N`` configs: each axis drawn from the range or the values its flag gives."""
    rng = np.random.default_rng(args.random_seed)
    configs = [{} for _ in range(args.random)]
    for name in common.SWEEP_AXES:
        values = getattr(args, name)
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


def describe_config(c, shared, varied):
    """The options of sweep config ``c`` worth printing: the swept ones, and the others
    that differ from their defaults where they have an effect."""
    options = config.make_config(shared, **{k: c[k] for k in config.TRACED})
    shown = {k: c[k] for k in common.SWEEP_AXES if k in varied}
    shown.update({k: v for k, v in options.changes().items() if k in config.TRACED})
    return ", ".join(f"{k} {v:g}" for k, v in shown.items())


def run(args):
    configs, shared = grid(args)
    common.check_out(args)
    common.enable_compile_cache(args.compile_cache)
    dtype = common.enable_dtype(args.dtype)
    splits = common.load_data(args, dtype)
    prep = common.apply_preprocessing(args, splits)
    static = {name: getattr(shared, name) for name in config.STATIC}
    data_args = (splits["X_train"], splits["y_train"], splits["X_val"], splits["y_val"], configs)
    common_args = dict(num_classes=data.NUM_CLASSES, std=args.std, dtype=dtype,
                       image_shape=common.image_shape(args), progress=not args.quiet, **static)
    with timed() as t:
        if args.search == "halving":
            per_epoch = training.iterations_per_epoch(args.num_training, shared.batch_size,
                                                      shared.sampling)
            results = jaxnet.search(*data_args, eta=args.eta,
                                    min_iters=max(1, round(args.min_epochs * per_epoch)),
                                    **common_args)
        else:
            results = jaxnet.sweep(*data_args, spread=args.spread, **common_args)
    finished = [r for r in results if "params" in r]
    if args.tta_flip:  # the selection uses the same evaluation as the final score
        for r in finished:
            r["val_acc"] = common.score(r["params"], splits["X_val"], splits["y_val"], args)

    varied = [k for k in common.SWEEP_AXES if len({c[k] for c in configs}) > 1] or ["hidden_size"]
    print("  ".join(f"{k:>15}" for k in varied) + "  val_acc  iterations")
    for r in results:
        flag = "  diverged" if r["diverged"] else ""
        acc = r.get("val_acc", r.get("rung_val_acc", [float("nan")])[-1])
        print("  ".join(f"{r['config'][k]:>15.4g}" for k in varied)
              + f"  {acc:.4f}  {r.get('iterations', shared.num_iters):>10}{flag}")
    finished = [r for r in finished if not r["diverged"]]
    if not finished:
        raise jaxnet.TrainingDiverged("every config diverged; try smaller learning rates")
    best = max(finished, key=lambda r: r["val_acc"])
    # The test split is scored once, for the chosen config only.
    test_acc = common.score(best["params"], splits["X_test"], splits["y_test"], args)
    c = best["config"]
    print(f"best: {describe_config(c, shared, varied)}: "
          + common.describe({"val_acc": best["val_acc"], "test_acc": test_acc},
                            len(splits["y_test"]))
          + f"; {len(results)} configs in {t.describe()}")

    out = Path(args.out)
    summary = {"val_acc": best["val_acc"], "test_acc": test_acc, **c}
    artifacts.save_json(out / "sweep.json", {
        "results": [{**r["config"], "val_acc": r.get("val_acc"), "diverged": r["diverged"],
                     "iterations": r.get("iterations", shared.num_iters),
                     "rung_val_acc": r.get("rung_val_acc"),
                     "stopped_at_rung": r.get("stopped_at_rung")} for r in results],
        "search": args.search, "trained_iterations": sum(
            r.get("iterations", shared.num_iters) for r in results),
        "best": summary, "num_test": len(splits["y_test"]), "flags": vars(args),
        "config": vars(shared), "wall_time_s": t.wall_s, "compile_time_s": t.compile_s,
        "trace_time_s": t.trace_s,
        **common.environment()})
    common.write_run(out, best["params"], best["history"], {
        "val_acc": best["val_acc"], "test_acc": test_acc, "num_test": len(splits["y_test"]),
        "config": {**vars(args), **vars(shared), **c}, "seed": c["seed"],
        "num_iters": shared.num_iters}, prep, extra=("sweep.json",))
    print(f"wrote {out}/sweep.json and the best net's files")
    return 0


def main(argv=None):
    args = build_parser().parse_args(argv)
    with common.friendly_errors(PROG):
        return run(args)


if __name__ == "__main__":
    sys.exit(main())
