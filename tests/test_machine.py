"""Where a program runs (jaxnet/cli/machine.py): the persistent compilation cache and float64
switched on in JAX's own options, and a cache folder that cannot be written refused in one line.
Each test puts JAX's options back as they were."""

import os
import platform
import types
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


@pytest.mark.parametrize("lacking", ["W_OK", "X_OK"])
def test_a_cache_folder_lacking_either_write_or_search_permission_is_refused(
        cache_options_elsewhere, tmp_path, lacking):
    """A folder one can read but not write into, or not enter: each is refused."""
    def access(path, mode):  # root may write anywhere: the folder's permissions as a user's
        return not mode & getattr(os, lacking)

    with unittest.mock.patch.object(machine.os, "access", access):
        with pytest.raises(ValueError, match="not writable"):
            machine.enable_compile_cache(str(tmp_path))


@pytest.mark.parametrize("value", ["", " ", "0", "off", " OFF ", "Off", "no", "No", "false", "False"])
def test_the_cache_variable_turns_the_cache_off_in_any_case(monkeypatch, value):
    monkeypatch.setenv(machine.CACHE_ENV, value)
    assert machine.default_cache_dir() is None


def test_the_cache_folder_is_the_variables_else_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(machine.CACHE_ENV, "/some/where")
    assert machine.default_cache_dir() == "/some/where"
    monkeypatch.delenv(machine.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert machine.default_cache_dir() == "/xdg/jaxnet/xla"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert machine.default_cache_dir() == str(tmp_path / ".cache" / "jaxnet" / "xla")


def test_the_environment_names_the_devices_the_cpu_and_the_versions():
    devices = jax.devices()
    assert machine.environment() == {
        "jax_version": jax.__version__, "platform": devices[0].platform,
        "device": str(devices[0].device_kind), "device_count": len(devices),
        "cpu_count": os.cpu_count(), "cpu": machine.cpu_name(), "python": platform.python_version()}


def cpuinfo(monkeypatch, text):
    """/proc/cpuinfo reads ``text`` (None: it cannot be read); the paths opened."""
    opened = []

    def read(name):
        opened.append(name)
        if text is None:
            raise FileNotFoundError(name)
        return types.SimpleNamespace(read_text=lambda: text)

    monkeypatch.setattr(machine, "Path", read)
    return opened


def test_the_cpu_is_its_model_name_whole_even_with_a_colon_in_it(monkeypatch):
    opened = cpuinfo(monkeypatch, "processor\t: 0\nvendor_id\t: GenuineIntel\n"
                                  "model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz: rev 3 \nflags\t: fpu\n")
    assert machine.cpu_name() == "Intel(R) Xeon(R) CPU @ 2.20GHz: rev 3"
    assert opened == ["/proc/cpuinfo"]


@pytest.mark.parametrize("text", [None, "processor\t: 0\nBogoMIPS\t: 50.00\n"])
@pytest.mark.parametrize("processor, machine_name, expected", [
    ("", "aarch64", "aarch64"), ("arm", "aarch64", "arm")])
def test_without_a_model_name_the_cpu_is_what_platform_knows(monkeypatch, text, processor, machine_name, expected):
    cpuinfo(monkeypatch, text)
    monkeypatch.setattr(machine.platform, "processor", lambda: processor)
    monkeypatch.setattr(machine.platform, "machine", lambda: machine_name)
    assert machine.cpu_name() == expected


@pytest.mark.parametrize("dtype, x64", [("float32", False), ("float64", True)])
def test_float64_is_switched_on_only_when_asked(dtype, x64):
    before = jax.config.jax_enable_x64
    try:
        jax.config.update("jax_enable_x64", False)
        machine.enable_dtype(dtype)
        assert jax.config.jax_enable_x64 is x64
    finally:
        jax.config.update("jax_enable_x64", before)
