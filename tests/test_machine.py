"""Where a program runs (jaxnet/cli/machine.py): the persistent compilation cache and float64
switched on in JAX's own options, and a cache folder that cannot be written refused in one line.
Each test puts JAX's options back as they were."""

import unittest.mock

import jax
import pytest

from jaxnet.cli import machine

CACHE_OPTIONS = {"jax_compilation_cache_dir": "elsewhere", "jax_persistent_cache_min_compile_time_secs": 1.0,
                 "jax_persistent_cache_min_entry_size_bytes": -1}


@pytest.fixture
def cache_options_elsewhere():
    """JAX's cache options set to other values than the programs' for the test, then put back."""
    before = {name: getattr(jax.config, name) for name in CACHE_OPTIONS}
    try:
        for name, value in CACHE_OPTIONS.items():
            jax.config.update(name, value)
        yield
    finally:
        for name, value in before.items():
            jax.config.update(name, value)


def test_the_compile_cache_folder_is_made_and_every_program_is_kept(cache_options_elsewhere, tmp_path):
    folder = tmp_path / "new" / "xla"
    machine.enable_compile_cache(str(folder))
    assert folder.is_dir()
    assert jax.config.jax_compilation_cache_dir == str(folder)
    assert jax.config.jax_persistent_cache_min_compile_time_secs == 0.0  # however fast it compiled
    assert jax.config.jax_persistent_cache_min_entry_size_bytes == 0  # however small


def test_no_folder_leaves_the_cache_as_it_is(cache_options_elsewhere):
    machine.enable_compile_cache(None)
    assert {name: getattr(jax.config, name) for name in CACHE_OPTIONS} == CACHE_OPTIONS


def test_a_cache_folder_that_cannot_be_written_is_refused_naming_the_way_out(cache_options_elsewhere, tmp_path):
    with unittest.mock.patch.object(machine.os, "access", return_value=False):  # root may write anywhere
        with pytest.raises(ValueError, match="not writable; give another folder or --no-compile-cache"):
            machine.enable_compile_cache(str(tmp_path))
    assert jax.config.jax_compilation_cache_dir == "elsewhere"


@pytest.mark.parametrize("dtype, x64", [("float32", False), ("float64", True)])
def test_float64_is_switched_on_only_when_asked(dtype, x64):
    before = jax.config.jax_enable_x64
    try:
        jax.config.update("jax_enable_x64", False)
        machine.enable_dtype(dtype)
        assert jax.config.jax_enable_x64 is x64
    finally:
        jax.config.update("jax_enable_x64", before)
