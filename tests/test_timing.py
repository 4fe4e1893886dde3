"""A block's time with JAX's tracing and compiling apart, and the programs it compiled or loaded
from the persistent compilation cache (jaxnet/cli/timing.py), counted in this process."""

import random

import jax
import jax.numpy as jnp

from jaxnet.cli import timing


def fresh_program():
    """A jitted program no other test (nor an earlier run sharing the cache) has compiled: its
    constant is drawn anew."""
    c = random.SystemRandom().uniform(1.0, 2.0)
    return jax.jit(lambda x: x * c + 1.0)


def test_a_block_counts_the_programs_it_compiled_and_their_time():
    f, x = fresh_program(), jnp.arange(7.0)
    with timing.timed() as t:
        jax.block_until_ready(f(x))
    assert t.programs == 1 and t.compile_s > 0 and t.trace_s > 0
    assert t.wall_s >= t.compile_s + t.trace_s
    with timing.timed() as again:  # the same program, already compiled: nothing counted
        jax.block_until_ready(f(x))
    assert (again.programs, again.compile_s, again.trace_s) == (0, 0, 0)


def test_the_persistent_cache_counts_a_miss_then_a_hit():
    """The tests' session cache keeps every program (conftest.py): a new program is a miss, written
    to it; compiled again after JAX's in-memory caches are cleared, it is a hit, loaded."""
    f, x = fresh_program(), jnp.arange(5.0)
    with timing.timed() as first:
        jax.block_until_ready(f(x))
    jax.clear_caches()
    with timing.timed() as second:
        jax.block_until_ready(f(x))
    assert (first.cache_misses, first.cache_hits) == (1, 0)
    assert (second.cache_misses, second.cache_hits) == (0, 1)


def test_run_time_so_far_is_the_time_since_the_start_less_the_tracing_and_compiling_since(monkeypatch):
    """Worked by hand: started at 10 s, now 20 s; 0.5 s of tracing and 1 s of compiling since."""
    then = dict(timing._totals, trace_s=1.0, compile_s=2.0)
    for name, value in {"trace_s": 1.5, "compile_s": 3.0}.items():
        monkeypatch.setitem(timing._totals, name, value)
    monkeypatch.setattr(timing.time, "perf_counter", lambda: 20.0)
    assert timing.Timing(started=10.0, totals_then=then).run_s_so_far() == 8.5
