"""Train the two-layer net on CIFAR-10 and write metrics, a checkpoint and figures.

    python scripts/train_cifar10.py --data-dir PATH/cifar-10-batches-py --out runs/default

Defaults are the notebook's section 7 run: hidden 50, std 1e-4, 1000 iterations, batch 200,
learning rate 1e-4, decay 0.95, reg 0.25. ``--preset NAME`` starts from a named
configuration (``jaxnet.presets``); explicit flags override it. ``--eval-checkpoint`` scores
saved params (and the preprocess.npz beside them, if any) instead of training.
"""

import argparse
import json
import sys
from pathlib import Path

import jaxnet
from jaxnet import artifacts, data, preprocess, presets
from jaxnet.cli import common
from jaxnet.timing import timed

PROG = "train_cifar10"


def build_parser():
    p = common.new_parser(PROG, __doc__, default_out="runs/train")
    p.add_argument("--hidden-size", type=int, default=50, help="hidden units")
    p.add_argument("--std", default="1e-4", help="initial weight scale, or 'he'")
    p.add_argument("--learning-rate", type=float, default=1e-4,
                   help="step size (the peak of the cosine and step schedules)")
    p.add_argument("--learning-rate-decay", type=float, default=0.95,
                   help="factor per epoch (notebook schedule) or per --step-epochs (step)")
    p.add_argument("--reg", type=float, default=0.25,
                   help="L2 strength: reg * (sum of W1 squared + sum of W2 squared)")
    p.add_argument("--num-iters", type=int, default=1000, help="updates")
    p.add_argument("--batch-size", type=int, default=200, help="rows per minibatch")
    p.add_argument("--seed", type=int, default=0,
                   help="decides the initial params, the minibatches and all noise")
    p.add_argument("--dtype", choices=("float32", "float64"), default="float32",
                   help="compute dtype")
    p.add_argument("--data-parallel", action="store_true",
                   help="split each minibatch across all devices")
    p.add_argument("--eval-checkpoint", metavar="PARAMS_NPZ",
                   help="score a saved params.npz on val and test instead of training")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.add_argument("--preset", choices=presets.names(), default=None,
                   help="start from a named configuration; explicit flags override it")
    common.add_recipe_flags(p)
    return p


def parse_args(argv=None):
    """Flags over the preset over the notebook's defaults (``--help`` shows the preset's)."""
    find_preset = argparse.ArgumentParser(add_help=False)
    find_preset.add_argument("--preset", choices=presets.names(), default=None)
    preset = find_preset.parse_known_args(argv)[0].preset
    parser = build_parser()
    if preset:
        parser.set_defaults(**presets.PRESETS[preset])
    return parser.parse_args(argv)


def parse_std(text):
    return text if text == "he" else float(text)


def run(args):
    dtype = common.enable_dtype(args.dtype)
    with timed() as loading:
        splits = common.load_data(args, dtype, plotting=not args.eval_checkpoint)
    if args.eval_checkpoint:
        params = artifacts.load_params(args.eval_checkpoint)
        prep_path = Path(args.eval_checkpoint).with_name("preprocess.npz")
        if prep_path.exists():
            prep = artifacts.load_arrays(prep_path)
            for name in ("val", "test"):
                splits[f"X_{name}"] = preprocess.apply(prep, splits[f"X_{name}"], dtype)
        print(json.dumps(common.evaluate(params, splits, args)))
        return 0

    with timed() as preparing:
        prep = common.apply_preprocessing(args, splits)
    init_key, train_key = jaxnet.seed_keys(args.seed)
    params = jaxnet.init_params(init_key, splits["X_train"].shape[1], args.hidden_size,
                                data.NUM_CLASSES, std=parse_std(args.std), dtype=dtype)
    iterations = common.num_iters(args, len(splits["y_train"]))
    with timed() as t:
        params, history = jaxnet.train(
            params, splits["X_train"], splits["y_train"], splits["X_val"], splits["y_val"],
            learning_rate=args.learning_rate, learning_rate_decay=args.learning_rate_decay,
            reg=args.reg, num_iters=iterations, batch_size=args.batch_size, key=train_key,
            momentum=args.momentum, weight_decay=args.weight_decay, dropout=args.dropout,
            label_smoothing=args.label_smoothing, mixup=args.mixup, data_parallel=args.data_parallel,
            progress=not args.quiet, **common.recipe_options(args))
    scores = common.evaluate(params, splits, args)
    print(f"{common.describe(scores, len(splits['y_test']))}  train {t.run_s:.1f} s + compile {t.compile_s:.1f} s "
          f"(+ preprocessing {preparing.wall_s:.1f} s, loading {loading.wall_s:.1f} s)")

    files = common.write_run(args.out, params, history, {
        **scores, "num_test": len(splits["y_test"]), "config": vars(args), "seed": args.seed,
        "num_iters": iterations, "wall_time_s": t.wall_s, "compile_time_s": t.compile_s,
        "train_time_s": t.run_s, "preprocess_time_s": preparing.wall_s,
        "load_time_s": loading.wall_s}, prep)
    print("wrote " + ", ".join(map(str, files)))
    return 0


def main(argv=None):
    args = parse_args(argv)
    with common.friendly_errors(PROG):
        return run(args)


if __name__ == "__main__":
    sys.exit(main())
