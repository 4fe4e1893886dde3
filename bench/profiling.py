"""Where a compiled program's time goes: device time per XLA operation, from a trace.

XLA:CPU records a trace event for every operation it executes. ``Profiler`` compiles a
jitted function once; each call runs it under ``jax.profiler.trace`` and adds the events up
by operation, sorting the operations into matrix products (a ``dot`` or a fusion around
one), elementwise passes over "large" arrays (those of a size the caller names, e.g. the
first-layer weights), and the rest. This is the evidence behind the speed notes in the
README: how much of a step is products, and what the rest is.
"""

import collections
import dataclasses
import math
import pathlib
import re
import tempfile
import time

import jax

# "%name = f32[12,200,3072]{2,1,0} opcode(%a, %b), ..., calls=%comp, ..."
_INSTRUCTION = re.compile(r"^\s*(?:ROOT )?%(\S+) = (\w+)\[([\d,]*)\]\S* ([\w-]+)\((.*?)\)(.*)$")
_COMPUTATION = re.compile(r"^%?(\S+) \(.*\{$")
_CALLS = re.compile(r"calls=%([\w.-]+)")
_PRODUCTS = ("dot", "convolution")
_CONTROL = ("while", "conditional", "call", "tuple", "get-tuple-element", "parameter",
            "constant", "bitcast")


@dataclasses.dataclass(frozen=True)
class Op:
    name: str
    opcode: str
    shape: tuple
    operands: tuple
    calls: str = None


def parse_hlo(text):
    """{computation name: [Op, ...]} from an optimized HLO module's text."""
    computations, current = {}, None
    for line in text.splitlines():
        header = _COMPUTATION.match(line.removeprefix("ENTRY "))
        if header and not line.startswith(" "):
            current = computations.setdefault(header.group(1), [])
            continue
        m = _INSTRUCTION.match(line)
        if m and current is not None:
            name, _, dims, opcode, operands, rest = m.groups()
            shape = tuple(int(d) for d in dims.split(",") if d)
            calls = _CALLS.search(rest)
            current.append(Op(name, opcode, shape, tuple(re.findall(r"%([\w.-]+)", operands)),
                              calls.group(1) if calls else None))
    return computations


def classify(computations, large_size=None):
    """{op name: category} for every executable op: "products", "large" (touches an array
    of ``large_size`` elements) or "other"."""
    ops = {op.name: op for body in computations.values() for op in body}
    size = {name: math.prod(op.shape) for name, op in ops.items()}
    categories = {}
    for op in ops.values():
        if op.opcode in _CONTROL:
            continue
        inner = {o.opcode for o in computations.get(op.calls, ())}
        if op.opcode in _PRODUCTS or inner & set(_PRODUCTS):
            categories[op.name] = "products"
        elif large_size and large_size in [size[op.name]] + [size.get(a) for a in op.operands]:
            categories[op.name] = "large"
        else:
            categories[op.name] = "other"
    return categories


class Profiler:
    """A jitted ``fn(*args, **static)`` compiled once, then traced as often as asked.

    ``profiler()`` runs it once under ``jax.profiler.trace`` and returns a dict: ``wall_s``
    (the call), ``seconds`` per category (products, large, other; summed over the trace's
    XLA threads), and ``top``: the costliest ops outside the products as (name, what it
    does, output shape, seconds, calls). Calling several profilers in turn, more than once
    each, compares programs side by side on a machine whose speed drifts.
    """

    def __init__(self, fn, args, static=None, large_size=None, top=8):
        self.compiled = fn.lower(*args, **(static or {})).compile()
        self.args, self.top = args, top
        self.computations = parse_hlo(self.compiled.as_text())
        self.categories = classify(self.computations, large_size)
        self.ops = {op.name: op for body in self.computations.values() for op in body}
        jax.block_until_ready(self.compiled(*args))  # warm

    def __call__(self):
        with tempfile.TemporaryDirectory() as log_dir:
            with jax.profiler.trace(log_dir):
                start = time.perf_counter()
                jax.block_until_ready(self.compiled(*self.args))
                wall = time.perf_counter() - start
            trace = next(pathlib.Path(log_dir).rglob("*.xplane.pb"))
            profile = jax.profiler.ProfileData.from_file(str(trace))
        seconds, calls = collections.Counter(), collections.Counter()
        for plane in profile.planes:
            for line in plane.lines:
                for event in line.events:
                    if event.name in self.categories:
                        seconds[event.name] += event.duration_ns * 1e-9
                        calls[event.name] += 1
        by_category = collections.Counter()
        for name, s in seconds.items():
            by_category[self.categories[name]] += s
        costliest = sorted((n for n in seconds if self.categories[n] != "products"),
                           key=seconds.get, reverse=True)[:self.top]
        return {
            "wall_s": wall,
            "seconds": {c: by_category[c] for c in ("products", "large", "other")},
            "top": [(n, describe(self.ops[n], self.computations), list(self.ops[n].shape),
                     seconds[n], calls[n]) for n in costliest],
        }


def op_times(fn, args, static=None, large_size=None, top=8):
    """One profiled call of the jitted ``fn(*args, **static)`` (see ``Profiler``)."""
    return Profiler(fn, args, static, large_size, top)()


def describe(op, computations):
    """An op's opcode; for a fusion, the notable opcodes inside it, e.g. fusion(add,multiply)."""
    if op.opcode != "fusion":
        return op.opcode
    inner = {o.opcode for o in computations.get(op.calls, ())} - set(_CONTROL) - {"broadcast"}
    return f"fusion({','.join(sorted(inner))})"
