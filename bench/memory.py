"""Memory against a run's length: the compiled training program at 1,000 and 1,000,000
iterations.

    python -m bench.memory [--iters 1000 1000000] [--out results/memory_cpu.json]

XLA's memory analysis of ``loop.piece`` scanning a whole run of the notebook's default
config (hidden 50, batch 200) on CIFAR-10's shapes (49,000 × 3072 float32 training rows,
1,000 validation rows): its arguments (the data, the state), outputs (the state and the
histories) and temporaries, as compiled; nothing runs. Prints one JSON object.
"""

import argparse
import sys

import jax
import jax.numpy as jnp

import jaxnet
from bench.benchmark import environment, report
from jaxnet import loop


def compiled_mb(num_iters):
    """{argument, output, temp, total} MB of the program training ``num_iters`` steps."""
    f32, i32 = jnp.float32, jnp.int32
    data = loop.Data(jax.ShapeDtypeStruct((49000, 3072), f32), jax.ShapeDtypeStruct((49000,), i32),
                     jax.ShapeDtypeStruct((1000, 3072), f32), jax.ShapeDtypeStruct((1000,), i32))
    config = jaxnet.Config(num_iters=num_iters, batch_size=200, learning_rate=1e-4, reg=0.25)
    plan = loop.make_plan([config], 49000, 3072)
    hp = loop.traced_values(config, f32)
    state = loop.init_state(jaxnet.init_params(jax.random.key(0), 3072, 50, 10), hp, plan)
    keys = tuple(jax.random.split(jax.random.key(0)))
    m = loop.piece.lower(state, data, keys, jnp.int32(0), jnp.int32(num_iters), hp, plan=plan,
                         length=num_iters).compile().memory_analysis()
    sizes = {"argument": m.argument_size_in_bytes, "output": m.output_size_in_bytes,
             "temp": m.temp_size_in_bytes}
    sizes["total"] = sum(sizes.values()) - m.alias_size_in_bytes
    return {k: round(v / 2 ** 20, 1) for k, v in sizes.items()}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--iters", type=int, nargs="+", default=[1000, 1000000])
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    runs = {str(n): compiled_mb(n) for n in args.iters}
    first, last = runs[str(args.iters[0])]["total"], runs[str(args.iters[-1])]["total"]
    report({**environment(), "megabytes": runs, "growth": round(last / first - 1, 4)}, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
