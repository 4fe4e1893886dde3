"""What the command-line programs share: flags derived from the option declarations
(``jaxnet.Recipe`` and ``jaxnet.Config``), usage errors as one line, the data."""

import argparse
import os

from jaxnet import config, data, plots, recipe
from jaxnet.cli import machine

FIELDS = {**recipe.RECIPE_FIELDS, **config.FIELDS}  # every option, by name


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
    """Usage errors in one line, like every other error, with exit status 2."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


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
            spec["nargs"] = "+"
            help += " (one or more: an axis)"
        group.add_argument(*names, dest=name, default=argparse.SUPPRESS, help=help, **spec)
    return parser


def given(args):
    """The options given as flags, ``{name: value}``."""
    return {name: value for name, value in vars(args).items() if name in FIELDS}


def make_recipe(base, options, given=None):
    """``base`` (a Recipe) with ``options``; a bad value, or a flag ``given`` (default: all
    of ``options``) that has no effect in this run, is a ``ValueError`` naming the flag."""
    iters = options.get("num_iters")
    if isinstance(iters, int) and iters < 1:
        raise ValueError(f"--num-iters must be >= 1 (a run needs an iteration), got {iters}")
    try:
        run = recipe.Recipe.of(base, **options)
    except (ValueError, TypeError) as err:
        name = str(err).split()[0]
        raise ValueError(f"{flag(name)}: {err}" if name in FIELDS else str(err)) from None
    for name in options if given is None else given:
        target = run if name in recipe.RECIPE_FIELDS else run.training
        applies = FIELDS[name].metadata["applies"]
        if applies is not None and not applies(target):
            raise ValueError(f"{flag(name)} has no effect in this run ({FIELDS[name].metadata['help']})")
    return run


def check_data_flags(args):
    """``--num-training`` and ``--num-validation`` > 0, ``--num-test`` >= 0."""
    for name, low in (("num_training", 1), ("num_validation", 1), ("num_test", 0)):
        if getattr(args, name) < low:
            raise ValueError(f"{flag(name)} must be >= {low}, got {getattr(args, name)}")


def load_data(args, dtype, plotting=True):
    """The notebook's splits (downloading first if asked), with ``--num-*`` rows."""
    if plotting:
        plots.require()
    if args.download:
        if not (args.data_dir or os.environ.get(data.ENV_VAR)):
            raise data.DataError(f"--download needs --data-dir (or ${data.ENV_VAR})")
        data.download_cifar10(data.resolve_data_dir(args.data_dir))
    return data.get_cifar10_data(args.data_dir, num_training=args.num_training,
                                 num_validation=args.num_validation, num_test=args.num_test,
                                 dtype=dtype)
