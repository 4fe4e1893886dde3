"""Tools that measure jaxnet, kept beside the library (not installed with it): run them
from a checkout, e.g. ``python -m bench --quick``."""
