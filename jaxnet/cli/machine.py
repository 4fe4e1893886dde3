"""Where a program runs: JAX's compilation cache and float64 switched on before any work,
and the machine described for metrics files."""

import contextlib
import os
import platform
from pathlib import Path

import jax

CACHE_ENV = "JAXNET_COMPILE_CACHE"  # a folder for compiled programs, or "off"


def default_cache_dir():
    """$JAXNET_COMPILE_CACHE (None if "off"), else the user's cache folder."""
    value = os.environ.get(CACHE_ENV)
    if value is not None:
        return None if value.strip().lower() in ("", "0", "off", "no", "false") else value
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return str(Path(base) / "jaxnet" / "xla")


def enable_compile_cache(folder):
    """JAX's persistent compilation cache in ``folder`` (None: off) for every program; a
    folder that cannot be written is an error, not JAX's warning."""
    if folder is None:
        return
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.W_OK | os.X_OK):
            raise PermissionError("not writable")
    except OSError as err:
        raise ValueError(f"--compile-cache {folder}: {err}; give another folder or "
                         f"--no-compile-cache") from None
    jax.config.update("jax_compilation_cache_dir", str(folder))
    jax.config.update("jax_persistent_cache_min_compile_time_secs", 0.0)
    jax.config.update("jax_persistent_cache_min_entry_size_bytes", 0)


def enable_dtype(name):
    """Turn on float64 in JAX when asked (before any array exists)."""
    if name == "float64":
        jax.config.update("jax_enable_x64", True)


def environment():
    """Where a run happened: versions and devices, for metrics files."""
    devices = jax.devices()
    return {"jax_version": jax.__version__, "platform": devices[0].platform,
            "device": str(devices[0].device_kind), "device_count": len(devices),
            "cpu_count": os.cpu_count(), "cpu": cpu_name(),
            "python": platform.python_version()}


def cpu_name():
    """The processor's model name (Linux's /proc/cpuinfo), else what ``platform`` knows."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()
