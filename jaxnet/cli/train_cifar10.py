"""Train the two-layer net on CIFAR-10 and write metrics, a checkpoint and figures.

    train-cifar10 --data-dir PATH/cifar-10-batches-py --out runs/default

Defaults are the notebook's section 7 run (``--preset notebook``): hidden 50, std 1e-4,
1000 iterations, batch 200, learning rate 1e-4, decay 0.95, reg 0.25. ``--preset NAME``
starts from a named run (``jaxnet.presets``); explicit flags override it. The run is one
library call, ``jaxnet.fit``. ``--eval-checkpoint`` scores saved params instead, exactly as
their run scored them (params.npz records how).
"""

import json
import sys
from pathlib import Path

import jaxnet
from jaxnet import fitting, loop, preprocess, presets, state as states
from jaxnet.cli import checkpoint, common, errors, folder, machine
from jaxnet.cli.timing import timed

PROG = "train-cifar10"
# The flags --eval-checkpoint reads; any other is refused with it.
EVAL_FLAGS = ("eval_checkpoint", "legacy_checkpoint", "data_dir", "download", "num_training",
              "num_validation", "num_test", "dtype", "tta_flip", "tta_shift", "compile_cache",
              "preset", "quiet", "out", "overwrite")
STATE = "state.npz"


def build_parser(preset):
    p = common.new_parser(PROG, __doc__, "runs/train", presets.values(preset))
    p.add_argument("--preset", choices=presets.names(), default=preset,
                   help="start from a named run; explicit flags override it")
    p.add_argument("--data-parallel", action="store_true",
                   help="split each minibatch across all devices")
    p.add_argument("--eval-checkpoint", metavar="PARAMS_NPZ",
                   help="score a saved params.npz on val and test instead of training, as "
                        "its run scored it")
    p.add_argument("--legacy-checkpoint", action="store_true",
                   help="with --eval-checkpoint, score a params.npz that does not record how "
                        "(an older jaxnet's) the way the flags say")
    p.add_argument("--checkpoint-every", type=float, default=None, metavar="EPOCHS",
                   help="write the run's state to --out/state.npz this often (and on Ctrl-C)")
    p.add_argument("--resume", action="store_true",
                   help="continue the run whose state.npz is in --out, with its options")
    return p


def parse_args(argv=None):
    """Flags over the preset over the declared defaults (``--help`` shows the preset's)."""
    find_preset = common.Parser(prog=PROG, add_help=False)
    find_preset.add_argument("--preset", choices=presets.names(), default="notebook")
    preset = find_preset.parse_known_args(argv)[0].preset
    return build_parser(preset).parse_args(argv)


def recipe_of(args):
    """The run the flags describe: the preset's Recipe with the flags given over it."""
    return common.make_recipe(presets.recipe(args.preset), common.given(args))


def asked_names(args, flags):
    """The options this command sets: its option flags, and every option with --preset."""
    return set(common.FIELDS) if "--preset" in flags else set(common.given(args))


def evaluate_checkpoint(args, flags):
    """Score a saved checkpoint exactly as its run did; flags that shape training, or ask
    for other scoring, are refused rather than ignored."""
    ignored = sorted(set(vars(args)) - set(EVAL_FLAGS))
    ignored = [n for n in ignored if getattr(args, n) not in (None, False)]
    if ignored:
        raise ValueError(f"{', '.join(common.flag(n) for n in ignored)} do(es) not apply to "
                         f"--eval-checkpoint, which scores the saved net as it was trained")
    asked = recipe_of(args)
    params, prep, record = checkpoint.load(args.eval_checkpoint, args.legacy_checkpoint)
    if record is None:
        scoring, mean_image = {n: getattr(asked, n) for n in checkpoint.SCORING}, None
    else:
        split = {n: getattr(args, n) for n in common.SPLIT}
        scoring, split = checkpoint.scoring(record, asked, asked_names(args, flags), split,
                                            {n for n in common.SPLIT if common.flag(n) in flags})
        vars(args).update(split)
        mean_image = record["mean_image"]
    common.check_data_flags(args)
    machine.enable_dtype(scoring["dtype"])
    machine.enable_compile_cache(args.compile_cache)
    recipe = jaxnet.Recipe.of(**scoring, preprocess=str(prep["kind"]) if prep else "mean")
    splits = common.load_data(args, recipe.dtype, plotting=False, mean_image=mean_image)
    if prep is not None:
        splits = {**splits, **{f"X_{n}": preprocess.apply(prep, splits[f"X_{n}"], recipe.dtype)
                               for n in ("val", "test")}}
    print(json.dumps({f"{n}_acc": fitting.score(recipe, params, splits[f"X_{n}"], splits[f"y_{n}"])
                      for n in ("val", "test")}))
    return 0


def resumed_recipe(args, flags, extra):
    """The stored run's Recipe (``extra``: the options its state.npz keeps), and its data
    flags set in ``args``; options or data flags given again must agree, else a
    ``ValueError`` naming each that differs."""
    stored = {n: extra[n] for n in common.FIELDS if n in extra}
    asked = recipe_of(args).options()
    differ = [n for n in sorted(asked_names(args, flags) & set(stored)) if asked[n] != stored[n]]
    differ += [n for n in common.SPLIT if n in extra and common.flag(n) in flags
               and getattr(args, n) != extra[n]]
    if differ:
        def shown(values):
            return ", ".join(f"{n}={values[n]!r}" for n in differ)
        raise ValueError(f"--resume: the saved run has {shown({**stored, **extra})}, this one "
                         f"{shown({**asked, **vars(args)})}; leave out "
                         f"{', '.join(map(common.flag, differ))} to continue the run in "
                         f"{args.out} as it was started")
    vars(args).update({n: extra[n] for n in common.SPLIT if n in extra})
    return jaxnet.Recipe.of(**stored)


def run(args, flags=frozenset()):
    """The program: ``args`` parsed, ``flags`` the flags spelled on the command line."""
    if args.eval_checkpoint:
        return evaluate_checkpoint(args, flags)
    if args.legacy_checkpoint:
        raise ValueError("--legacy-checkpoint applies to --eval-checkpoint")
    folder.check_out(args.out, args.overwrite, args.resume)
    out = Path(args.out)
    state, extra = None, {}
    if args.resume:
        if args.overwrite:
            raise ValueError("--overwrite does not combine with --resume, which continues the "
                             "run in --out")
        state, extra = jaxnet.load_state(out / STATE)
        recipe = resumed_recipe(args, flags, extra)
    else:
        recipe = recipe_of(args)
    machine.enable_dtype(recipe.dtype)
    if args.checkpoint_every is not None and args.checkpoint_every <= 0:
        raise ValueError(f"--checkpoint-every must be > 0, got {args.checkpoint_every:g}")
    if args.data_parallel and (args.checkpoint_every or args.resume):
        raise ValueError("--checkpoint-every and --resume do not combine with --data-parallel")
    common.check_data_flags(args, recipe.training.batch_size)
    config = recipe.check(args.num_training, jaxnet.data.IMAGE_SHAPE,
                          max(args.num_validation, args.num_test))  # all that needs no data
    split = {n: getattr(args, n) for n in common.SPLIT}
    saved = {**recipe.options(), "num_iters": config.num_iters, **split}
    if state is not None:
        states.check_matches(state, config)
        if state.done and (out / folder.COMPLETE).exists():
            print(f"{out}: the run had finished, and its files are complete "
                  f"({folder.COMPLETE}); nothing to do")
            return 0
    machine.enable_compile_cache(args.compile_cache)
    with timed() as loading:
        splits = common.load_data(args, recipe.dtype)
    every = None
    if args.checkpoint_every:
        per_epoch = loop.iterations_per_epoch(args.num_training, config.batch_size, config.sampling)
        every = max(1, round(args.checkpoint_every * per_epoch))
    run_folder = folder.RunFolder(out, keep=(STATE,) if every or args.resume else ())
    trained_before = extra.get("train_time_s", 0.0 if state is None else None)
    last = [state]

    def save_state(state, timing):
        so_far = None if trained_before is None else trained_before + timing.run_s_so_far()
        run_folder.write(STATE, lambda path: jaxnet.save_state(
            path, state, extra={**saved, "train_time_s": so_far}))

    def keep(state):
        last[0] = state
        if every or args.resume:
            save_state(state, t)

    def trained(params, history, prep):
        record = checkpoint.scoring_record(recipe, split, splits["mean_image"], prep)
        folder.write_params(run_folder, params, prep, record)

    with timed() as t:
        try:
            result = jaxnet.fit(recipe, splits, progress=not args.quiet, state=state,
                                every=every, on_piece=keep, on_trained=trained,
                                data_parallel=args.data_parallel)
        except KeyboardInterrupt:
            if every and last[0] is not None and last[0].program is not None:
                save_state(last[0], t)
                raise KeyboardInterrupt(f"wrote {out / STATE} at iteration "
                                        f"{last[0].iteration}; continue with --resume") from None
            raise
    m = result.metrics
    test = (f"test accuracy {m['test_acc']:.4f} (first {m['num_test']} test images)"
            if m["test_acc"] is not None else "test not evaluated")
    print(f"val accuracy {m['val_acc']:.4f}  {test}  train {t.describe()} "
          f"(loading {loading.wall_s:.1f} s)")
    train_time = None if trained_before is None else trained_before + (
        0.0 if state is not None and state.done else t.run_s)
    files = folder.write_run(run_folder, result.params, result.history, {
        **m, "train_time_s": train_time, "config": {**vars(args), **saved},
        "wall_time_s": t.wall_s, "compile_time_s": t.compile_s, "trace_time_s": t.trace_s,
        "load_time_s": loading.wall_s,
        "compile_cache": {"dir": args.compile_cache, "programs": t.programs,
                          "hits": t.cache_hits, "misses": t.cache_misses}},
        result.preprocessing)
    print("wrote " + ", ".join(map(str, files)))
    return 0


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    with errors.friendly_errors(PROG):
        return run(parse_args(argv), common.flags_in(argv))


if __name__ == "__main__":
    sys.exit(main())
