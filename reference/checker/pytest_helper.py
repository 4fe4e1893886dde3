"""For course repositories: a test that fails with the checker's report.

    # tests/test_two_layer_net.py
    from reference.checker.pytest_helper import assert_two_layer_net_passes

    def test_two_layer_net():
        assert_two_layer_net_passes("cs231n/classifiers/neural_net.py")

It turns on JAX's float64 in the test process (the checker judges in float64).
"""

from reference.checker import report, run


class TwoLayerNetCheckFailed(AssertionError):
    """Raised with the checker's readable report as its message."""


def assert_two_layer_net_passes(path, function=False, timeout=60.0):
    """Check ``path`` (or a ``module:name`` loss function if ``function``); raise
    :class:`TwoLayerNetCheckFailed` with the report unless every check passes. Returns the result."""
    result = run.check(path, function=function, timeout=timeout)
    if not result.passed:
        raise TwoLayerNetCheckFailed("\n" + report.render(result))
    return result
