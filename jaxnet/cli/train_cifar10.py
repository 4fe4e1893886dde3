"""Train the two-layer net on CIFAR-10 and write metrics, a checkpoint and figures.

    train-cifar10 --data-dir PATH/cifar-10-batches-py --out runs/default

Defaults are the notebook's section 7 run (``--preset notebook``): hidden 50, std 1e-4,
1000 iterations, batch 200, learning rate 1e-4, decay 0.95, reg 0.25. ``--preset NAME``
starts from a named run (``jaxnet.presets``); explicit flags override it. The run is one
library call, ``jaxnet.fit``. ``--eval-checkpoint`` scores saved params instead (with the
preprocess.npz written beside them, if the run preprocessed its inputs).
"""

import argparse
import json
import sys
from pathlib import Path

import jaxnet
from jaxnet import fitting, loop, preprocess, presets, state as states
from jaxnet.cli import common, errors, folder, machine
from jaxnet.cli.timing import timed

PROG = "train-cifar10"
# The flags --eval-checkpoint reads; any other is refused with it.
EVAL_FLAGS = ("eval_checkpoint", "data_dir", "download", "num_training", "num_validation",
              "num_test", "dtype", "tta_flip", "tta_shift", "compile_cache", "preset", "quiet",
              "out", "overwrite")


def build_parser(preset="notebook"):
    p = common.new_parser(PROG, __doc__, "runs/train", presets.values(preset))
    p.add_argument("--preset", choices=presets.names(), default=preset,
                   help="start from a named run; explicit flags override it")
    p.add_argument("--data-parallel", action="store_true",
                   help="split each minibatch across all devices")
    p.add_argument("--eval-checkpoint", metavar="PARAMS_NPZ",
                   help="score a saved params.npz on val and test instead of training")
    p.add_argument("--checkpoint-every", type=float, default=None, metavar="EPOCHS",
                   help="write the run's state to --out/state.npz this often (and on Ctrl-C)")
    p.add_argument("--resume", action="store_true",
                   help="continue the run whose state.npz is in --out (give its flags again)")
    return p


def parse_args(argv=None):
    """Flags over the preset over the declared defaults (``--help`` shows the preset's)."""
    find_preset = argparse.ArgumentParser(add_help=False)
    find_preset.add_argument("--preset", choices=presets.names(), default="notebook")
    preset = find_preset.parse_known_args(argv)[0].preset
    return build_parser(preset).parse_args(argv)


def evaluate_checkpoint(args, recipe):
    """Score a saved checkpoint with its own preprocessing; flags that shape training are
    refused rather than ignored."""
    ignored = sorted(set(vars(args)) - set(EVAL_FLAGS))
    ignored = [n for n in ignored if getattr(args, n) not in (None, False)]
    if ignored:
        raise ValueError(f"{', '.join(common.flag(n) for n in ignored)} do(es) not apply to "
                         f"--eval-checkpoint, which scores the saved net as it was trained")
    params, prep = folder.load_checkpoint(args.eval_checkpoint)
    splits = common.load_data(args, recipe.dtype, plotting=False)
    if prep is not None:
        splits = {**splits, **{f"X_{n}": preprocess.apply(prep, splits[f"X_{n}"], recipe.dtype)
                               for n in ("val", "test")}}
    print(json.dumps({f"{n}_acc": fitting.score(recipe, params, splits[f"X_{n}"], splits[f"y_{n}"])
                      for n in ("val", "test")}))
    return 0


def recipe_of(args):
    """The run the flags describe: the preset's Recipe with the flags given over it."""
    return common.make_recipe(presets.recipe(args.preset), common.given(args))


def run(args):
    recipe = recipe_of(args)
    common.check_data_flags(args)
    machine.enable_dtype(recipe.dtype)
    if args.eval_checkpoint:
        return evaluate_checkpoint(args, recipe)
    if args.checkpoint_every is not None and args.checkpoint_every <= 0:
        raise ValueError(f"--checkpoint-every must be > 0, got {args.checkpoint_every:g}")
    if args.data_parallel and (args.checkpoint_every or args.resume):
        raise ValueError("--checkpoint-every and --resume do not combine with --data-parallel")
    config = recipe.check(args.num_training, jaxnet.data.IMAGE_SHAPE)  # all that needs no data
    folder.check_out(args.out, args.overwrite, args.resume)
    machine.enable_compile_cache(args.compile_cache)
    out, path = Path(args.out), Path(args.out) / "state.npz"
    saved = recipe.options()
    state = None
    if args.resume:
        state, extra = jaxnet.load_state(path)
        states.check_matches(state, config, saved, extra)
    with timed() as loading:
        splits = common.load_data(args, recipe.dtype)
    every = None
    if args.checkpoint_every:
        per_epoch = loop.iterations_per_epoch(args.num_training, config.batch_size, config.sampling)
        every = max(1, round(args.checkpoint_every * per_epoch))
    last = [state]

    def keep(state):
        last[0] = state
        if every or args.resume:
            jaxnet.save_state(path, state, extra=saved)

    def trained(params, history, prep):
        folder.write_params(out, params, prep)

    with timed() as t:
        try:
            result = jaxnet.fit(recipe, splits, progress=not args.quiet, state=state,
                                every=every, on_piece=keep, on_trained=trained,
                                data_parallel=args.data_parallel)
        except KeyboardInterrupt:
            if every and last[0] is not None and last[0].program is not None:
                jaxnet.save_state(path, last[0], extra=saved)
                print(f"\n{PROG}: wrote {path} at iteration {last[0].iteration}; continue "
                      f"with --resume", file=sys.stderr)
            raise
    m = result.metrics
    test = (f"test accuracy {m['test_acc']:.4f} (first {m['num_test']} test images)"
            if m["test_acc"] is not None else "test not evaluated")
    print(f"val accuracy {m['val_acc']:.4f}  {test}  train {t.describe()} "
          f"(loading {loading.wall_s:.1f} s)")
    m = {**m, "train_time_s": t.run_s}
    if args.resume and state is not None and state.done:
        m["train_time_s"] = None  # the run had ended: nothing was trained in this process
    files = folder.write_run(out, result.params, result.history, {
        **m, "config": {**vars(args), **saved}, "wall_time_s": t.wall_s,
        "compile_time_s": t.compile_s, "trace_time_s": t.trace_s, "load_time_s": loading.wall_s,
        "compile_cache": {"dir": args.compile_cache, "programs": t.programs,
                          "hits": t.cache_hits, "misses": t.cache_misses}},
        result.preprocessing, extra=("state.npz",) if every or args.resume else ())
    print("wrote " + ", ".join(map(str, files)))
    return 0


def main(argv=None):
    args = parse_args(argv)
    with errors.friendly_errors(PROG):
        return run(args)


if __name__ == "__main__":
    sys.exit(main())
