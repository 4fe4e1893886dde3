"""The README's code blocks run as tests (pytest-markdown-docs), on a tiny fake CIFAR-10.

They run as written, in a fresh folder holding ``data/cifar-10-batches-py`` (the fake batches
of tests/fake_cifar.py, where the README's commands would have downloaded the real ones).
The stand-in holds 250 training and 50 test images, so ``get_cifar10_data``'s default split
sizes (49,000 / 1,000 / 1,000) are scaled down to fit it; everything else is the real code.
"""

import functools

import pytest


def pytest_collection_modifyitems(config, items):
    """The README's blocks are ``slow``: they run the programs."""
    for item in items:
        if "markdown-docs" in item.keywords:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(autouse=True)
def _readme_folder(request, tmp_path, monkeypatch):
    if "markdown-docs" not in request.keywords:
        yield
        return
    import jax

    from jaxnet import data
    from tests.fake_cifar import write_fake_cifar10

    # As a user runs it: JAX's defaults, not the tests' float64 and strict promotion.
    for name, value in (("jax_enable_x64", False), ("jax_numpy_dtype_promotion", "standard")):
        previous = getattr(jax.config, name)
        jax.config.update(name, value)
        request.addfinalizer(lambda name=name, previous=previous: jax.config.update(name, previous))

    write_fake_cifar10(tmp_path / "data" / "cifar-10-batches-py", per_batch=50, num_test=50)
    monkeypatch.chdir(tmp_path)
    real = data.get_cifar10_data
    defaults = dict(num_training=200, num_validation=50, num_test=50)

    @functools.wraps(real)
    def stand_in(data_dir, **sizes):
        return real(data_dir, **{**defaults, **sizes})

    monkeypatch.setattr(data, "get_cifar10_data", stand_in)
    yield
