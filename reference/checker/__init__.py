"""Check anyone's two-layer net against the reference, and name the cause of each mismatch.

    from reference.checker import check
    result = check("cs231n/classifiers/neural_net.py")
    print(result.passed, [c.name for c in result.checks if not c.passed])

The command line is ``check-two-layer-net`` (``python -m reference.checker``). Importing this
package imports neither JAX nor the student's code; the checks do, when called.
"""


def check(target, function=False, timeout=60.0):
    """Check one file; returns a ``report.FileResult`` (see ``run.check``)."""
    from reference.checker import run
    return run.check(target, function=function, timeout=timeout)


def check_many(targets, function=False, timeout=60.0, jobs=None, on_result=None):
    """Check several files in parallel processes; returns a list of ``report.FileResult``."""
    from reference.checker import run
    return run.check_many(targets, function=function, timeout=timeout, jobs=jobs, on_result=on_result)


__all__ = ["check", "check_many"]
