"""Wall time with JAX's compile time reported apart, and the persistent compilation
cache's hits and misses (from ``jax.monitoring`` events)."""

import contextlib
import dataclasses
import time

import jax

_COMPILE_EVENTS = ("/jax/core/compile/jaxpr_trace_duration",
                   "/jax/core/compile/jaxpr_to_mlir_module_duration",
                   "/jax/core/compile/backend_compile_duration")
_CACHE_EVENTS = {"/jax/compilation_cache/cache_hits": "cache_hits",
                 "/jax/compilation_cache/cache_misses": "cache_misses"}
_compile_seconds = [0.0]
_cache_counts = {"cache_hits": 0, "cache_misses": 0}


def _on_duration(event, duration, **kwargs):
    if event in _COMPILE_EVENTS:
        _compile_seconds[0] += duration


def _on_event(event, **kwargs):
    if event in _CACHE_EVENTS:
        _cache_counts[_CACHE_EVENTS[event]] += 1


jax.monitoring.register_event_duration_secs_listener(_on_duration)
jax.monitoring.register_event_listener(_on_event)


@dataclasses.dataclass
class Timing:
    wall_s: float = 0.0  # everything inside the block
    compile_s: float = 0.0  # tracing, lowering and XLA compilation inside the block
    cache_hits: int = 0  # programs loaded from the persistent compilation cache
    cache_misses: int = 0  # programs compiled and written to it

    @property
    def run_s(self):
        return self.wall_s - self.compile_s


@contextlib.contextmanager
def timed():
    """``with timed() as t: ...`` then ``t.wall_s``, ``t.compile_s``, ``t.run_s``.

    Block on the results inside the ``with`` (JAX dispatches asynchronously)."""
    timing = Timing()
    start, compile_start, counts = time.perf_counter(), _compile_seconds[0], dict(_cache_counts)
    try:
        yield timing
    finally:
        timing.wall_s = time.perf_counter() - start
        timing.compile_s = _compile_seconds[0] - compile_start
        timing.cache_hits = _cache_counts["cache_hits"] - counts["cache_hits"]
        timing.cache_misses = _cache_counts["cache_misses"] - counts["cache_misses"]
