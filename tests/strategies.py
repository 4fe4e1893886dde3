"""Hypothesis strategies and statistics shared by the property and fuzz tests.

Profiles (registered in tests/conftest.py): "suite" (the default: few examples,
derandomized, so the suite is deterministic and quick) and "thorough" (chosen with
JAXNET_HYPOTHESIS_PROFILE=thorough: many more examples from a random seed, and wider
shape sets). ``examples(n)`` gives a test n examples in the suite and 25 n when thorough.
"""

import math
import os

import numpy as np
from hypothesis import settings

PROFILE = os.environ.get("JAXNET_HYPOTHESIS_PROFILE", "suite")
THOROUGH = PROFILE == "thorough"


def examples(n):
    """A test's example budget: n in the suite profile, 25 n in the thorough one."""
    return settings(max_examples=n * (25 if THOROUGH else 1))


# ---------------------------------------------------------------------------- statistics

# Every statistical test here runs from fixed keys, so it passes or fails the same way on
# every run; the significance only bounds how unlucky a fixed seed may be.
SIGNIFICANCE = 1e-6


def chi2_sf(x, dof):
    """P(chi2_dof >= x), the chi-square upper tail: the regularized upper incomplete gamma
    Q(dof / 2, x / 2) (series below a + 1, Lentz's continued fraction above; Numerical
    Recipes' gammq). scipy is not a dependency."""
    a, z = dof / 2.0, x / 2.0
    if z <= 0:
        return 1.0
    log_prefix = a * math.log(z) - z - math.lgamma(a)
    if z < a + 1:  # P(a, z) by its series, Q = 1 - P
        term = total = 1.0 / a
        n = a
        for _ in range(10_000):
            n += 1
            term *= z / n
            total += term
            if abs(term) < abs(total) * 1e-15:
                break
        return max(0.0, 1.0 - total * math.exp(log_prefix))
    tiny = 1e-300
    b = z + 1 - a
    c, d = 1 / tiny, 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-15:
            break
    return math.exp(log_prefix) * h


def chi2_uniform_pvalue(counts):
    """The p-value of Pearson's chi-square test that ``counts`` (any shape) come from the
    uniform distribution over their cells."""
    counts = np.asarray(counts, dtype=np.float64).ravel()
    expected = counts.sum() / counts.size
    stat = float(np.sum((counts - expected) ** 2) / expected)
    return chi2_sf(stat, counts.size - 1)


def assert_uniform(counts, what):
    """Every cell occurs, and the counts pass the chi-square test at ``SIGNIFICANCE``."""
    counts = np.asarray(counts)
    assert counts.min() > 0, f"{what}: some allowed outcome never occurred: {counts}"
    p = chi2_uniform_pvalue(counts)
    assert p > SIGNIFICANCE, f"{what}: not uniform (chi-square p = {p:.3g}): {counts}"
