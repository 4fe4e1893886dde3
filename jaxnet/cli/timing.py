"""Wall time with JAX's compile time reported apart (from ``jax.monitoring`` events)."""

import contextlib
import dataclasses
import time

import jax

_COMPILE_EVENTS = ("/jax/core/compile/jaxpr_trace_duration",
                   "/jax/core/compile/jaxpr_to_mlir_module_duration",
                   "/jax/core/compile/backend_compile_duration")
_compile_seconds = [0.0]


def _on_event(event, duration, **kwargs):
    if event in _COMPILE_EVENTS:
        _compile_seconds[0] += duration


jax.monitoring.register_event_duration_secs_listener(_on_event)


@dataclasses.dataclass
class Timing:
    wall_s: float = 0.0  # everything inside the block
    compile_s: float = 0.0  # tracing, lowering and XLA compilation inside the block

    @property
    def run_s(self):
        return self.wall_s - self.compile_s


@contextlib.contextmanager
def timed():
    """``with timed() as t: ...`` then ``t.wall_s``, ``t.compile_s``, ``t.run_s``.

    Block on the results inside the ``with`` (JAX dispatches asynchronously)."""
    timing = Timing()
    start, compile_start = time.perf_counter(), _compile_seconds[0]
    try:
        yield timing
    finally:
        timing.wall_s = time.perf_counter() - start
        timing.compile_s = _compile_seconds[0] - compile_start
