"""Train the two-layer net on CIFAR-10 and write metrics, a checkpoint and figures.

    train-cifar10 --data-dir PATH/cifar-10-batches-py --out runs/default

Defaults are the notebook's section 7 run (``--preset notebook``): hidden 50, std 1e-4,
1000 iterations, batch 200, learning rate 1e-4, decay 0.95, reg 0.25. ``--preset NAME``
starts from a named configuration (``jaxnet.presets``); explicit flags override it.
``--eval-checkpoint`` scores saved params (and the preprocess.npz written with them, if
any) instead of training.
"""

import argparse
import contextlib
import json
import sys
from pathlib import Path

import jaxnet
import jaxnet.state
from jaxnet import artifacts, data, preprocess, presets, training
from jaxnet.cli import common
from jaxnet.cli.timing import timed

PROG = "train_cifar10"


def build_parser(preset="notebook"):
    p = common.new_parser(PROG, __doc__, "runs/train", presets.values(preset))
    p.add_argument("--preset", choices=presets.names(), default=preset,
                   help="start from a named configuration; explicit flags override it")
    p.add_argument("--data-parallel", action="store_true",
                   help="split each minibatch across all devices")
    p.add_argument("--eval-checkpoint", metavar="PARAMS_NPZ",
                   help="score a saved params.npz on val and test instead of training")
    p.add_argument("--checkpoint-every", type=common.positive_float, default=None,
                   metavar="EPOCHS", help="write the run's state to --out/state.npz this often")
    p.add_argument("--resume", action="store_true",
                   help="continue the run whose state.npz is in --out (give its flags again)")
    return p


def parse_args(argv=None):
    """Flags over the preset over the declared defaults (``--help`` shows the preset's)."""
    find_preset = argparse.ArgumentParser(add_help=False)
    find_preset.add_argument("--preset", choices=presets.names(), default="notebook")
    preset = find_preset.parse_known_args(argv)[0].preset
    return build_parser(preset).parse_args(argv)


def evaluate_checkpoint(args):
    dtype = common.enable_dtype(args.dtype)
    params = artifacts.load_params(args.eval_checkpoint)
    prep = common.load_preprocessing(args.eval_checkpoint, params)
    splits = common.load_data(args, dtype, plotting=False)
    if prep is not None:
        for name in ("val", "test"):
            splits[f"X_{name}"] = preprocess.apply(prep, splits[f"X_{name}"], dtype)
    print(json.dumps(common.evaluate(params, splits, args)))
    return 0


# The programs' own options a resumed run must share with the saved one.
RUN_OPTIONS = ("hidden_size", "std", "seed", "dtype", "preprocess", "whiten_eps",
               "pca_components", "num_training", "num_validation")


def train_in_pieces(args, config, params, train_key, splits):
    """Train in pieces with the progress bar on the host between them: JAX's compilation
    cache does not keep programs that call back to the host, so a bar inside the program
    would make every run compile again. Pieces of ``--checkpoint-every`` epochs, writing
    the state after each (and, on Ctrl-C, the last complete one), or of one epoch; or
    continue the run in ``--out`` (``--resume``). Any split equals the whole run bit for bit."""
    if args.data_parallel:
        raise ValueError("--checkpoint-every and --resume do not combine with --data-parallel")
    keep_state = bool(args.checkpoint_every or args.resume)
    path = Path(args.out) / "state.npz"
    options = {name: getattr(args, name) for name in RUN_OPTIONS}
    if args.resume:
        state, saved = jaxnet.load_state(path)
        jaxnet.state.check_matches(state, config, options, saved)
    else:
        state = jaxnet.begin(params, train_key, config)
    data = (splits["X_train"], splits["y_train"], splits["X_val"], splits["y_val"])
    per_epoch = training.iterations_per_epoch(len(splits["y_train"]), config.batch_size,
                                              config.sampling)
    every = max(1, round(args.checkpoint_every * per_epoch)) if args.checkpoint_every else per_epoch
    done = state
    bar = contextlib.nullcontext() if args.quiet else training.tqdm_sink(config.num_iters)
    try:
        with bar as show:
            while not state.done:
                state = jaxnet.resume(state, *data, iterations=every,
                                      image_shape=common.image_shape(args))
                if show:
                    show(state.iteration, state.history["loss_history"][-1])
                if args.checkpoint_every:
                    jaxnet.save_state(path, state, extra=options)
                done = state
    except KeyboardInterrupt:
        if keep_state and done.program is not None:  # the last complete piece, for --resume
            jaxnet.save_state(path, done, extra=options)
            print(f"\n{PROG}: wrote {path} at iteration {done.iteration}; continue with "
                  f"--resume", file=sys.stderr)
        raise
    if keep_state:
        jaxnet.save_state(path, state, extra=options)
    return state.params, state.history


def run(args):
    if args.eval_checkpoint:
        return evaluate_checkpoint(args)
    config = common.make_config(args)  # every check that needs no data, before loading it
    common.check_out(args)
    common.enable_compile_cache(args.compile_cache)
    dtype = common.enable_dtype(args.dtype)
    with timed() as loading:
        splits = common.load_data(args, dtype)
    with timed() as preparing:
        prep = common.apply_preprocessing(args, splits)
    init_key, train_key = jaxnet.seed_keys(args.seed)
    params = jaxnet.init_params(init_key, splits["X_train"].shape[1], args.hidden_size,
                                data.NUM_CLASSES, std=args.std, dtype=dtype)
    with timed() as t:
        if args.checkpoint_every or args.resume or not (args.quiet or args.data_parallel):
            params, history = train_in_pieces(args, config, params, train_key, splits)
        else:  # one program, no bar (with --data-parallel, the bar is the program's)
            params, history = jaxnet.train(
                params, splits["X_train"], splits["y_train"], splits["X_val"], splits["y_val"],
                config, key=train_key, image_shape=common.image_shape(args),
                data_parallel=args.data_parallel, progress=not args.quiet)
    scores = common.evaluate(params, splits, args)
    print(f"{common.describe(scores, len(splits['y_test']))}  train {t.describe()} "
          f"(+ preprocessing {preparing.wall_s:.1f} s, loading {loading.wall_s:.1f} s)")

    files = common.write_run(args.out, params, history, {
        **scores, "num_test": len(splits["y_test"]),
        "config": {**vars(args), **vars(config)}, "seed": args.seed,
        "num_iters": config.num_iters, "wall_time_s": t.wall_s, "compile_time_s": t.compile_s,
        "trace_time_s": t.trace_s, "train_time_s": t.run_s, "preprocess_time_s": preparing.wall_s,
        "load_time_s": loading.wall_s, "compile_cache": {
            "dir": args.compile_cache, "programs": t.programs, "hits": t.cache_hits,
            "misses": t.cache_misses}}, prep,
        extra=("state.npz",) if args.checkpoint_every or args.resume else ())
    print("wrote " + ", ".join(map(str, files)))
    return 0


def main(argv=None):
    args = parse_args(argv)
    with common.friendly_errors(PROG):
        return run(args)


if __name__ == "__main__":
    sys.exit(main())
