"""What the command-line programs share: flags derived from the option declarations
(``jaxnet.Recipe`` and ``jaxnet.Config``), usage errors as one line, the flags that
contradict each other, the data."""

import argparse
import os

from jaxnet import checks, config, data, plots, recipe
from jaxnet.cli import machine

FIELDS = {**recipe.RECIPE_FIELDS, **config.FIELDS}  # every option, by name
SPLIT = ("num_training", "num_validation", "num_test")  # the data flags: rows of each split


def flag(name):
    """An option's command-line flag: ``learning_rate`` -> ``--learning-rate``."""
    return "--" + name.replace("_", "-")


def _parse_value(field):
    """An argparse type for a numeric option: its type, or one of its words ("he")."""
    kind, words = field.metadata["kind"], field.metadata["words"]

    def parse(text):
        if text in words:
            return text
        try:
            return kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not {'an integer' if kind is int else 'a number'}: "
                                             f"{text!r}") from None
    parse.__name__ = kind.__name__
    return parse


class Parser(argparse.ArgumentParser):
    """Usage errors in one line, like every other error, with exit status 2; a flag is
    spelled out (no abbreviations: ``--num-iter`` is not ``--num-iters``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, allow_abbrev=False, **kwargs)

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class Once(argparse.Action):
    """An axis's values, from its singular or plural flag, given once: ``--seed 0 1 --seeds
    2`` is refused rather than one spelling silently replacing the other."""

    def __call__(self, parser, namespace, values, option_string=None):
        if hasattr(namespace, self.dest):
            parser.error(f"{'/'.join(self.option_strings)} given twice; list every value once "
                         f"(e.g. {self.option_strings[-1]} 1 2 3)")
        setattr(namespace, self.dest, values)


def flags_in(argv):
    """The flags spelled in ``argv`` (``--name`` or ``--name=value``): which were given."""
    return {token.split("=", 1)[0] for token in argv if token.startswith("--")}


def new_parser(prog, doc, default_out, defaults, axes=()):
    """A program's parser: its docstring's first paragraph and a flag for every option,
    whose default shows in ``--help`` (``defaults``: the preset's values). A flag's value
    is only set when given (argparse.SUPPRESS), so that a flag that does not apply can be
    refused. The ``axes`` take one or more values (plural spelling accepted too)."""
    parser = Parser(prog=prog, description=doc.split("\n\n")[0])
    parser.add_argument("--data-dir", help=f"the cifar-10-batches-py folder (default: ${data.ENV_VAR})")
    parser.add_argument("--download", action="store_true",
                        help="fetch and verify the official archive into --data-dir first")
    for name, default, text in (("num_training", 49000, "training rows: the first N of the 50000"),
                                ("num_validation", 1000, "validation rows, after the training rows"),
                                ("num_test", defaults.get("num_test", 1000),
                                 "score the first N test images (0: leave the test split alone)")):
        parser.add_argument(flag(name), type=int, default=default, help=f"{text} (default: {default})")
    parser.add_argument("--out", default=default_out, help=f"the run's folder (default: {default_out})")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the files of an earlier run in --out")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--compile-cache", metavar="DIR", default=machine.default_cache_dir(),
                        help=f"keep compiled programs here (${machine.CACHE_ENV}: a folder, or off)")
    parser.add_argument("--no-compile-cache", dest="compile_cache", action="store_const", const=None)
    groups = {"recipe": parser.add_argument_group("the run (jaxnet.Recipe)"),
              "training": parser.add_argument_group("training (jaxnet.Config)")}
    for name, field in FIELDS.items():
        meta, kind = field.metadata, field.metadata["kind"]
        group = groups["recipe" if name in recipe.RECIPE_FIELDS else "training"]
        default = defaults.get(name, field.default)
        help = meta["help"] + ("" if default is None or default is False else f" (default: {default})")
        if kind is bool:
            spec = dict(action="store_true")
        elif kind is str:
            spec = dict(choices=meta["choices"])
        else:
            spec = dict(type=_parse_value(field))
        names = [flag(name)]
        if name in axes:
            names.append(flag(name) + "s")
            spec.update(nargs="+", action=Once)
            help += " (one or more: an axis)"
        group.add_argument(*names, dest=name, default=argparse.SUPPRESS, help=help, **spec)
    return parser


def given(args):
    """The options given as flags, ``{name: value}``."""
    return {name: value for name, value in vars(args).items() if name in FIELDS}


def naming_the_flag(err):
    """``err``'s message, led by the flag of the option it starts with."""
    name = str(err).split()[0] if str(err) else ""
    return f"{flag(name)}: {err}" if name in FIELDS else str(err)


def make_recipe(base, options, given=None):
    """``base`` (a Recipe) with ``options``; a bad value, or a flag ``given`` (default: all
    of ``options``) that has no effect in this run, is a ``ValueError`` naming the flag.
    ``--num-iters`` and ``--epochs`` both given contradict each other; ``--num-iters``
    alone replaces a base's epochs."""
    given = list(options if given is None else given)
    iters = options.get("num_iters")
    if isinstance(iters, int) and iters < 1:
        raise ValueError(f"--num-iters must be >= 1 (a run needs an iteration), got {iters}")
    if "num_iters" in given and "epochs" in given:
        raise ValueError("--num-iters and --epochs both set the run's length; give one")
    if "num_iters" in given:
        options = {**options, "epochs": None}
    try:
        run = recipe.Recipe.of(base, **options)
    except (ValueError, TypeError) as err:
        raise ValueError(naming_the_flag(err)) from None
    for name in given:
        target = run if name in recipe.RECIPE_FIELDS else run.training
        applies = FIELDS[name].metadata["applies"]
        if applies is not None and not applies(target):
            raise ValueError(f"{flag(name)} has no effect in this run ({FIELDS[name].metadata['help']})")
    return run


def check_data_flags(args, batch_size=None):
    """``--num-training`` and ``--num-validation`` > 0, ``--num-test`` >= 0, and a
    ``batch_size`` of at most the training rows."""
    for name, low in (("num_training", 1), ("num_validation", 1), ("num_test", 0)):
        if getattr(args, name) < low:
            raise ValueError(f"{flag(name)} must be >= {low}, got {getattr(args, name)}")
    if batch_size is not None:
        try:
            checks.check_batch_size(batch_size, args.num_training)
        except ValueError as err:
            raise ValueError(f"{naming_the_flag(err)} (--num-training)") from None


def load_data(args, dtype, plotting=True, mean_image=None):
    """The notebook's splits (downloading first if asked), with ``--num-*`` rows, centred
    by the training rows' mean image or the ``mean_image`` given."""
    if plotting:
        plots.require()
    if args.download:
        if not (args.data_dir or os.environ.get(data.ENV_VAR)):
            raise data.DataError(f"--download needs --data-dir (or ${data.ENV_VAR})")
        data.download_cifar10(data.resolve_data_dir(args.data_dir))
    return data.get_cifar10_data(args.data_dir, num_training=args.num_training,
                                 num_validation=args.num_validation, num_test=args.num_test,
                                 dtype=dtype, mean_image=mean_image)
