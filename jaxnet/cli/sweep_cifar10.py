"""Sweep hidden size x learning rate x reg on CIFAR-10; keep the best net on validation.

    python scripts/sweep_cifar10.py --data-dir PATH/cifar-10-batches-py --out runs/sweep

Defaults are the notebook's grid: hidden {100, 200} x lr {1e-4, 5e-4, 1e-3} x
reg {0.2, 0.25, 0.35, 0.4}, 5000 iterations, batch 500, decay 0.95. Configs of one hidden
size train together in one vmapped program (``jaxnet.sweep``). The test split is scored
once, for the best config only.
"""

import itertools
import sys
from pathlib import Path

import jaxnet
from jaxnet import artifacts, data
from jaxnet.cli import common
from jaxnet.cli.train_cifar10 import parse_std
from jaxnet.timing import timed

PROG = "sweep_cifar10"


def build_parser():
    p = common.new_parser(PROG, __doc__, default_out="runs/sweep")
    p.add_argument("--hidden-sizes", type=int, nargs="+", default=[100, 200],
                   help="swept hidden sizes")
    p.add_argument("--learning-rates", type=float, nargs="+", default=[1e-4, 5e-4, 1e-3],
                   help="swept learning rates")
    p.add_argument("--regs", type=float, nargs="+", default=[0.2, 0.25, 0.35, 0.4],
                   help="swept L2 strengths")
    p.add_argument("--learning-rate-decay", type=float, default=0.95,
                   help="factor per epoch (notebook schedule), for every config")
    p.add_argument("--num-iters", type=int, default=5000, help="updates")
    p.add_argument("--batch-size", type=int, default=500, help="rows per minibatch")
    p.add_argument("--std", default="1e-4", help="initial weight scale, or 'he'")
    p.add_argument("--seed", type=int, default=0, help="one seed for every config")
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32",
                   help="compute dtype")
    p.add_argument("--spread", action="store_true", help="split configs across all devices")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    common.add_recipe_flags(p)
    g = p.add_argument_group("more swept hyperparameters (default: the single flag's value)")
    for flag in ("momentums", "weight-decays", "dropouts", "label-smoothings", "mixups"):
        g.add_argument(f"--{flag}", type=float, nargs="+", default=None)
    return p


SWEPT = (("hidden_size", "hidden_sizes"), ("learning_rate", "learning_rates"), ("reg", "regs"),
         ("momentum", "momentums"), ("weight_decay", "weight_decays"), ("dropout", "dropouts"),
         ("label_smoothing", "label_smoothings"), ("mixup", "mixups"))


def grid(args):
    """Every combination of the swept values (a list flag, else its single-value flag)."""
    axes = [getattr(args, plural) or [getattr(args, single)] for single, plural in SWEPT]
    return [dict(zip([single for single, _ in SWEPT], values), seed=args.seed,
                 learning_rate_decay=args.learning_rate_decay)
            for values in itertools.product(*axes)]


def run(args):
    dtype = common.enable_dtype(args.dtype)
    splits = common.load_data(args, dtype)
    prep = common.apply_preprocessing(args, splits)
    configs = grid(args)
    iterations = common.num_iters(args, len(splits["y_train"]))
    with timed() as t:
        results = jaxnet.sweep(
            splits["X_train"], splits["y_train"], splits["X_val"], splits["y_val"], configs,
            num_iters=iterations, batch_size=args.batch_size, num_classes=data.NUM_CLASSES,
            std=parse_std(args.std), dtype=dtype, spread=args.spread, progress=not args.quiet,
            **common.recipe_options(args))
    if args.tta_flip:  # the selection uses the same evaluation as the final score
        for r in results:
            r["val_acc"] = common.score(r["params"], splits["X_val"], splits["y_val"], args)

    varied = [k for k, plural in SWEPT if len(getattr(args, plural) or [0]) > 1] or ["hidden_size"]
    print("  ".join(f"{k:>15}" for k in varied) + "  val_acc")
    for r in results:
        flag = "  diverged" if r["diverged"] else ""
        print("  ".join(f"{r['config'][k]:>15.4g}" for k in varied) + f"  {r['val_acc']:.4f}{flag}")
    finished = [r for r in results if not r["diverged"]]
    if not finished:
        raise jaxnet.TrainingDiverged("every config diverged; try smaller learning rates")
    best = max(finished, key=lambda r: r["val_acc"])
    # The test split is scored once, for the chosen config only.
    test_acc = common.score(best["params"], splits["X_test"], splits["y_test"], args)
    c = best["config"]
    print("best: " + ", ".join(f"{k} {c[k]:g}" for k, _ in SWEPT) + ": "
          + common.describe({"val_acc": best["val_acc"], "test_acc": test_acc},
                            len(splits["y_test"]))
          + f"; {len(results)} configs in {t.run_s:.1f} s + compile {t.compile_s:.1f} s")

    out = Path(args.out)
    summary = {"val_acc": best["val_acc"], "test_acc": test_acc, **c}
    artifacts.save_json(out / "sweep.json", {
        "results": [{**r["config"], "val_acc": r["val_acc"], "diverged": r["diverged"]}
                    for r in results],
        "best": summary, "num_test": len(splits["y_test"]), "flags": vars(args),
        "wall_time_s": t.wall_s, "compile_time_s": t.compile_s, **common.environment()})
    common.write_run(out, best["params"], best["history"], {
        "val_acc": best["val_acc"], "test_acc": test_acc, "num_test": len(splits["y_test"]),
        "config": {**vars(args), **c}, "seed": args.seed, "num_iters": iterations}, prep)
    print(f"wrote {out}/sweep.json and the best net's files")
    return 0


def main(argv=None):
    args = build_parser().parse_args(argv)
    with common.friendly_errors(PROG):
        return run(args)


if __name__ == "__main__":
    sys.exit(main())
