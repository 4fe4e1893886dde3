"""What training in pieces costs: one program for the whole run vs one per epoch.

    python -m bench.chunks [--out results/chunks_cpu.json]

The notebook's tuned run (hidden 100, batch 500, 5000 iterations) on synthetic CIFAR-shaped
data, timed in turn: ``jaxnet.train`` (one program); the same with a progress sink (a
piece per epoch, the host one piece behind: what every progress bar costs);
``jaxnet.resume`` called once per epoch (each call checks the data again); and pieces of
one epoch writing the state after each (``--checkpoint-every 1``). Compilation is excluded
(each variant runs once first). Prints one JSON object.
"""

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import jax

import jaxnet
from bench.benchmark import environment, report, synthetic_cifar, to_device
from jaxnet import loop, training


def variants(data, config):
    params = jaxnet.init_params(jaxnet.seed_keys(0)[0], 3072, 100, 10)
    key = jaxnet.seed_keys(0)[1]
    per_epoch = loop.iterations_per_epoch(data[0].shape[0], config.batch_size)
    folder = Path(tempfile.mkdtemp())

    def whole(progress=False):
        jax.block_until_ready(jaxnet.train(params, *data, config, key=key, progress=progress)[0])

    def by_resume():
        state = jaxnet.begin(params, key, config)
        while not state.done:
            state = jaxnet.resume(state, *data, iterations=per_epoch)
        jax.block_until_ready(state.program)

    def checkpointed():
        state, prepared, plan, hp = training.prepare(jaxnet.begin(params, key, config), *data)
        while not state.done:
            state = training.advance(state, prepared, plan, hp, per_epoch)
            jaxnet.save_state(folder / "state.npz", state)
        jax.block_until_ready(state.program)

    return {"one_program": whole,
            "progress_pieces": lambda: whole(progress=lambda it, loss: None),
            "resume_per_epoch": by_resume,
            "per_epoch_with_state_written": checkpointed}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--num-iters", type=int, default=5000)
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    data = to_device(synthetic_cifar())
    config = jaxnet.Config(learning_rate=1e-3, reg=0.2, num_iters=args.num_iters, batch_size=500)
    runs = variants(data, config)
    for run in runs.values():  # compile
        run()
    seconds = {name: [] for name in runs}
    for _ in range(args.rounds):  # in turn, so that the machine's drift hits all alike
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            seconds[name].append(time.perf_counter() - start)
            print(f"chunks: {name} {seconds[name][-1]:.2f} s", file=sys.stderr, flush=True)
    base = statistics.median(seconds["one_program"])
    result = {**environment(), "num_iters": args.num_iters, "rounds": args.rounds,
              "seconds": seconds,
              "median_s": {k: statistics.median(v) for k, v in seconds.items()},
              "cost_vs_one_program": {k: statistics.median(v) / base - 1
                                      for k, v in seconds.items()}}
    report(result, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
