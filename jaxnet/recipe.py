"""A whole run's options beyond training, declared once, as ``Config`` declares training's.

A ``Recipe`` is what ``jaxnet.fit`` (and ``train-cifar10``) does: the model's size and
init, the seed, the compute dtype, the data's preprocessing, how long to train in epochs
(or ``Config.num_iters``), the test-time views, and the training ``Config``. Presets are
Recipes (``jaxnet.presets``); the programs' flags, their ``--help`` and the sweep's axes
are derived from these fields and ``Config``'s.
"""

import dataclasses
import math

from jaxnet import checks, loop
from jaxnet.config import FIELDS, Config, checked, option
from jaxnet.preprocess import KINDS

_WHITENING = ("zca", "pca")


@dataclasses.dataclass(frozen=True)
class Recipe:
    """A run: ``Recipe(hidden_size=100, training=Config(num_iters=5000, ...))``, or
    ``Recipe.of(hidden_size=100, num_iters=5000)`` with Config's options among its own.
    Bad values and options that do not apply raise ``ValueError``/``TypeError``."""

    hidden_size: int = option(50, "hidden units", low=1)
    std: float = option(1e-4, "initial weight scale, or 'he' (sqrt(2 / fan_in))", low=0.0,
                        words=("he",))
    seed: int = option(0, "decides the initial params, the minibatches and all noise; "
                          "jax.random.key's 32-bit seed", low=0, high=checks.SEED_LIMIT - 1)
    dtype: str = option("float32", "compute dtype", choices=("float32", "float64"))
    epochs: float = option(None, "train this many epochs (instead of num_iters)", low=0.0,
                           low_open=True, kind=float)
    preprocess: str = option("mean", "fitted on the training split, applied to all (mean: "
                                     "the notebook's mean image only; channel, zca and pca "
                                     "rescale the inputs to unit size, which wants std 'he' "
                                     "and a larger learning rate, as in --preset best)",
                             choices=KINDS)
    whiten_eps: float = option(0.1, "ZCA/PCA regulariser, relative to the mean eigenvalue",
                               low=0.0, low_open=True,
                               applies=lambda r: r.preprocess in _WHITENING)
    pca_components: int = option(None, "with preprocess pca, keep this many components "
                                       "(default: all)", low=1, kind=int,
                                 applies=lambda r: r.preprocess == "pca")
    tta_flip: bool = option(False, "evaluate on each image and its mirror image, summing "
                                   "the scores")
    tta_shift: int = option(0, "evaluate on translations by up to N pixels too, summing the "
                               "scores", low=0)
    training: Config = dataclasses.field(default_factory=Config)

    def __post_init__(self):
        for name, f in RECIPE_FIELDS.items():
            object.__setattr__(self, name, checked(f, getattr(self, name)))
        if not isinstance(self.training, Config):
            raise TypeError(f"training must be a jaxnet.Config, got {type(self.training).__name__}")
        if self.pca_components is not None and self.preprocess != "pca":
            raise ValueError(f"pca_components applies to preprocess 'pca', not "
                             f"{self.preprocess!r}")
        if self.preprocess == "pca":
            views = [n for n in ("flip", "crop") if getattr(self.training, n)]
            views += [n for n in ("tta_flip", "tta_shift") if getattr(self, n)]
            if views:
                raise ValueError(f"{', '.join(views)} need images; preprocess 'pca' leaves "
                                 f"components, not pixels")

    @classmethod
    def of(cls, recipe=None, **options):
        """``recipe`` (default: ``Recipe()``) with ``options`` replaced, each going to the
        Recipe or to its training ``Config``; an unknown name is a ``TypeError``."""
        recipe = recipe or cls()
        unknown = sorted(set(options) - set(RECIPE_FIELDS) - set(FIELDS))
        if unknown:
            raise TypeError(f"unknown option(s) {unknown}; the options are "
                            f"{list(RECIPE_FIELDS) + list(FIELDS)}")
        training = dataclasses.replace(recipe.training,
                                       **{k: v for k, v in options.items() if k in FIELDS})
        own = {k: v for k, v in options.items() if k in RECIPE_FIELDS}
        return dataclasses.replace(recipe, training=training, **own)

    def options(self):
        """Every option by name, this Recipe's and its Config's: ``{name: value}``."""
        return {**{n: getattr(self, n) for n in RECIPE_FIELDS}, **vars(self.training)}

    def config(self, num_train):
        """The training ``Config`` for ``num_train`` rows: ``epochs`` as iterations (at
        least one)."""
        c = self.training
        if self.epochs is None:
            return c
        per_epoch = loop.iterations_per_epoch(num_train, c.batch_size, c.sampling)
        return dataclasses.replace(c, num_iters=max(1, round(self.epochs * per_epoch)))

    def image_shape(self, image_shape):
        """The rows' image layout after preprocessing: ``image_shape``, or None for PCA."""
        return None if self.preprocess == "pca" else image_shape

    def check(self, num_train, image_shape, num_eval=0):
        """What can be checked knowing only the data's size: ``num_train`` rows of images
        ``image_shape`` (height, width, channels), ``num_eval`` rows scored at once."""
        input_size = math.prod(image_shape)
        if self.pca_components is not None and self.pca_components > input_size:
            raise ValueError(f"pca_components {self.pca_components} exceeds the "
                             f"{input_size} inputs")
        shape = self.image_shape(image_shape)
        if shape is not None and self.tta_shift >= min(shape[:2]):
            raise ValueError(f"tta_shift {self.tta_shift} does not fit {shape[0]}x{shape[1]} images")
        config = self.config(num_train)
        if config.num_iters == 0:
            raise ValueError("num_iters: a run needs at least one iteration (got 0)")
        checks.check_history_fits(config.num_iters)
        plan = loop.make_plan([config], num_train, input_size, shape)
        checks.check_run_fits(plan, input_size, self.hidden_size, self.dtype, num_train, num_eval)
        return config


RECIPE_FIELDS = {f.name: f for f in dataclasses.fields(Recipe) if f.name != "training"}
