"""Every training option, declared once.

Each field of ``Config`` is one option: its type and default, its allowed values, whether
the compiled program receives it as a *traced* value (a new value reuses the program) or it
shapes the program (*static*: a new value compiles a new one), and its help text. Everything
else is derived from these fields: ``train``'s keyword arguments and their validation, the
program's static/traced split, the command-line flags and their ``--help``, the keys a
``sweep`` config may vary, and the config recorded in ``metrics.json``.

Adding an option is one field here plus its math in the training program.
"""

import dataclasses
import inspect
import math
import numbers

OPTIMIZERS = ("sgd", "momentum", "nesterov", "adam")
SCHEDULES = ("notebook", "cosine", "step")
SAMPLINGS = ("replacement", "epoch")
PRECISIONS = ("highest", "high", "default")
PRODUCTS = ("auto", "plain", "transposed")


def option(default, help, *, low=None, high=None, low_open=False, high_open=False,
           choices=None, traced=False, gated=False, applies=None, kind=None, words=()):
    """A ``Config`` field.

    Args:
      default: the default value; its type is the option's type (bool, int, float, str).
      help: one line for ``--help`` and the docs.
      low, high, low_open, high_open: the allowed interval of a number (open or closed ends).
      choices: the allowed values of a string.
      traced: passed to the compiled program as a traced scalar (a new value reuses it).
      gated: traced, and 0 means "off": the program only holds the option's code when some
        run asks for a non-zero value.
      applies: a predicate on the config saying when the option has an effect (e.g.
        momentum only for the momentum optimizers); None: always.
      kind: the value's type when the default is None ("not set").
      words: strings a number option also takes (e.g. "he" for the init scale).
    """
    return dataclasses.field(default=default, metadata=dict(
        help=help, low=low, high=high, low_open=low_open, high_open=high_open,
        choices=choices, traced=traced or gated, gated=gated, applies=applies,
        kind=kind or type(default), words=words))


def _uses_momentum(c):
    return c.optimizer in ("momentum", "nesterov")


@dataclasses.dataclass(frozen=True)
class Config:
    """A training run's options (the defaults are the notebook's ``TwoLayerNet.train``).

    Build one with keywords, e.g. ``Config(learning_rate=1e-3, reg=0.2, num_iters=5000,
    batch_size=500)``; bad values raise ``ValueError``/``TypeError`` naming the option.
    """

    learning_rate: float = option(1e-3, "step size (the peak of the cosine and step schedules)",
                                  low=0.0, low_open=True, traced=True)
    learning_rate_decay: float = option(
        0.95, "factor per epoch (notebook schedule) or per step_epochs (step schedule)",
        low=0.0, low_open=True, high=1.0, traced=True,
        applies=lambda c: c.schedule in ("notebook", "step"))
    reg: float = option(5e-6, "L2 strength: reg * (sum of W1 squared + sum of W2 squared)",
                        low=0.0, traced=True)
    num_iters: int = option(100, "updates (the program counts them in int32)", low=0,
                            high=2**31 - 1)
    batch_size: int = option(200, "rows per minibatch", low=1)
    optimizer: str = option("sgd", "the update rule (sgd: the notebook's)", choices=OPTIMIZERS)
    momentum: float = option(0.9, "momentum coefficient of the momentum and nesterov optimizers",
                             low=0.0, high=1.0, high_open=True, traced=True,
                             applies=_uses_momentum)
    weight_decay: float = option(0.0, "decoupled weight decay on W1, W2 (scaled by the "
                                      "learning rate)", low=0.0, gated=True)
    schedule: str = option("notebook", "the learning rate over time (notebook: decay after "
                                        "every epoch; cosine: to 0 at the end; step)",
                           choices=SCHEDULES)
    warmup_epochs: float = option(0.0, "linear warm-up of the cosine and step schedules",
                                  low=0.0, applies=lambda c: c.schedule != "notebook")
    step_epochs: float = option(1.0, "the step schedule's period in epochs", low=0.0,
                                low_open=True, applies=lambda c: c.schedule == "step")
    dropout: float = option(0.0, "probability of zeroing each hidden unit in training",
                            low=0.0, high=1.0, high_open=True, gated=True)
    label_smoothing: float = option(0.0, "weight of the uniform distribution mixed into the "
                                         "targets", low=0.0, high=1.0, high_open=True,
                                    traced=True)
    mixup: float = option(0.0, "mixup's Beta(alpha, alpha) parameter alpha (0: off)", low=0.0,
                          gated=True)
    sampling: str = option("replacement", "minibatch rows drawn with replacement (the "
                                          "notebook's) or by a permutation per epoch",
                           choices=SAMPLINGS)
    flip: bool = option(False, "random horizontal flips")
    crop: int = option(0, "random crops after zero-padding by this many pixels", low=0)
    matmul_precision: str = option(
        "highest", "float32 matrix products: highest (full float32, as verified), or the "
                   "backend's faster passes (default: TF32 on recent NVIDIA GPUs, bfloat16 "
                   "passes on TPUs; the same on CPUs)", choices=PRECISIONS)
    products: str = option(
        "auto", "first-layer product strategy: transposed (W1 kept transposed, for XLA:CPU's "
                "fastest kernels), plain (jnp products), auto (transposed on CPUs, plain "
                "elsewhere)", choices=PRODUCTS)

    def __post_init__(self):
        for f in dataclasses.fields(self):
            object.__setattr__(self, f.name, checked(f, getattr(self, f.name)))

    def traced(self):
        """The traced options' values, ``{name: float}``."""
        return {name: getattr(self, name) for name in TRACED}

    def static(self):
        """This config with every traced option at its default: what a program depends on."""
        return dataclasses.replace(self, **{name: FIELDS[name].default for name in TRACED})

    def applies(self, name):
        """Whether option ``name`` has an effect under this config."""
        predicate = FIELDS[name].metadata["applies"]
        return predicate is None or predicate(self)

    def changes(self):
        """The options that differ from the defaults and have an effect, ``{name: value}``."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)
                if getattr(self, f.name) != f.default and self.applies(f.name)}


FIELDS = {f.name: f for f in dataclasses.fields(Config)}
TRACED = tuple(name for name, f in FIELDS.items() if f.metadata["traced"])
GATED = tuple(name for name, f in FIELDS.items() if f.metadata["gated"])
STATIC = tuple(name for name in FIELDS if name not in TRACED)


def checked(field, value):
    """``value`` as the field's type, or an error naming the option and what it allows."""
    name, meta, kind = field.name, field.metadata, field.metadata["kind"]
    if (value is None and field.default is None) or (meta["words"] and value in meta["words"]):
        return value
    if kind is bool:
        if not isinstance(value, (bool, numbers.Integral)) or value not in (0, 1):
            raise TypeError(f"{name} must be True or False, got {value!r}")
        return bool(value)
    if kind is str:
        if value not in meta["choices"]:
            raise ValueError(f"{name} must be one of {meta['choices']}, got {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        kind_name = "an integer" if kind is int else "a number"
        also = "".join(f" or {w!r}" for w in meta["words"])
        raise TypeError(f"{name} must be {kind_name}{also}, got {value!r}")
    if kind is int:
        if not isinstance(value, numbers.Integral):
            raise TypeError(f"{name} must be an integer, got {value!r}")
        value = int(value)
        if meta["low"] is not None and value < meta["low"]:
            raise ValueError(f"{name} must be {'>= 0' if meta['low'] == 0 else '> 0'}, got {value}")
        if meta["high"] is not None and value > meta["high"]:
            raise ValueError(f"{name} must be <= {meta['high']} ({meta['help']}), got {value}")
        return value
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    low = -math.inf if meta["low"] is None else meta["low"]
    high = math.inf if meta["high"] is None else meta["high"]
    too_low = value <= low if meta["low_open"] else value < low
    too_high = value >= high if meta["high_open"] or high == math.inf else value > high
    if too_low or too_high:
        raise ValueError(f"{name} must be in {'(' if meta['low_open'] else '['}{low:g}, {high:g}"
                         f"{')' if meta['high_open'] or high == math.inf else ']'}, got {value:g}")
    return value


def make_config(config=None, **options):
    """``config`` (default: ``Config()``) with ``options`` replaced, validated; an unknown
    option name is a ``TypeError`` listing the known ones."""
    unknown = sorted(set(options) - set(FIELDS))
    if unknown:
        raise TypeError(f"unknown option(s) {unknown}; the options are {list(FIELDS)}")
    if config is None:
        return Config(**options)
    if not isinstance(config, Config):
        raise TypeError(f"config must be a jaxnet.Config, got {type(config).__name__}")
    return dataclasses.replace(config, **options)


def with_options(fn):
    """Show ``Config``'s fields as keyword-only parameters of ``fn(..., **options)`` in
    ``help()`` and ``inspect.signature``; ``fn`` validates them with ``make_config``."""
    signature = inspect.signature(fn)
    params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    params += [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=f.default,
                                 annotation=f.type) for name, f in FIELDS.items()]
    fn.__signature__ = signature.replace(parameters=params)
    return fn
