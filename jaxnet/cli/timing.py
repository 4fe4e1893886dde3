"""Wall time with JAX's tracing and compile times reported apart, and the persistent
compilation cache's hits and misses (from ``jax.monitoring`` events)."""

import contextlib
import dataclasses
import time

import jax

# Tracing to a jaxpr and lowering it to StableHLO happen in every process; XLA's compilation
# of the lowered program is what the persistent compilation cache saves.
# (Each XLA compilation, or load from the cache, is also counted as one program.)
_DURATIONS = {"/jax/core/compile/jaxpr_trace_duration": "trace_s",
              "/jax/core/compile/jaxpr_to_mlir_module_duration": "trace_s",
              "/jax/core/compile/backend_compile_duration": "compile_s"}
_COUNTS = {"/jax/core/compile/backend_compile_duration": "programs",
           "/jax/compilation_cache/cache_hits": "cache_hits",
           "/jax/compilation_cache/cache_misses": "cache_misses"}
_totals = dict.fromkeys([*_DURATIONS.values(), *_COUNTS.values()], 0)


def _on_duration(event, duration, **kwargs):
    if event in _DURATIONS:
        _totals[_DURATIONS[event]] += duration
    _on_event(event)


def _on_event(event, **kwargs):
    if event in _COUNTS:
        _totals[_COUNTS[event]] += 1


jax.monitoring.register_event_duration_secs_listener(_on_duration)
jax.monitoring.register_event_listener(_on_event)


@dataclasses.dataclass
class Timing:
    wall_s: float = 0.0  # everything inside the block
    trace_s: float = 0.0  # tracing and lowering to StableHLO inside the block
    compile_s: float = 0.0  # XLA compilation (or loading from the cache) inside the block
    programs: int = 0  # programs compiled or loaded from the persistent compilation cache
    cache_hits: int = 0  # programs loaded from the persistent compilation cache
    cache_misses: int = 0  # programs compiled and written to it
    started: float = None  # perf_counter() when the block began
    totals_then: dict = None  # the running totals then

    @property
    def run_s(self):
        return self.wall_s - self.trace_s - self.compile_s

    def run_s_so_far(self):
        """``run_s`` from the start of the block until now, inside the block."""
        spent = sum(_totals[n] - self.totals_then[n] for n in ("trace_s", "compile_s"))
        return time.perf_counter() - self.started - spent

    def describe(self):
        """E.g. '12.3 s + compile 1.1 s + tracing 0.2 s'."""
        return (f"{self.run_s:.1f} s + compile {self.compile_s:.1f} s + tracing "
                f"{self.trace_s:.1f} s")


@contextlib.contextmanager
def timed():
    """``with timed() as t: ...`` then ``t.wall_s``, ``t.trace_s``, ``t.compile_s``, ``t.run_s``.

    Block on the results inside the ``with`` (JAX dispatches asynchronously)."""
    timing = Timing(started=time.perf_counter(), totals_then=dict(_totals))
    try:
        yield timing
    finally:
        timing.wall_s = time.perf_counter() - timing.started
        for name, total in _totals.items():
            setattr(timing, name, total - timing.totals_then[name])
