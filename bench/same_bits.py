"""Do two checkouts train the same bits? Runs the same runs in each, in a fresh process per
checkout, and compares every array.

    git worktree add /tmp/old 22afd9f
    python -m bench.same_bits --other /tmp/old [--out results/same_bits_cpu.json]

On synthetic data of CIFAR-10's shape (4,900 training rows, so that runs cross several
epoch boundaries and end inside an epoch), float32 as the programs train: the notebook's
default and tuned runs from a key and from explicit ``batch_indices``, a run resumed in
pieces that begin and end inside epochs, a run with a progress sink (a piece per epoch), a
``jaxnet.fit`` with every noise option (dropout, mixup, label smoothing, flips, crops,
epoch sampling, weight decay, Nesterov with a cosine warm-up) whole and in resumed pieces,
a sweep and a successive-halving search. Only the public API is called, which both
checkouts share. Prints one JSON object: per run and array, whether the bits are equal,
and where they are not, the largest difference in units of the last place.
"""

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench.benchmark import environment, report, say

HERE = Path(__file__).resolve().parent.parent

# Runs inside the child process, with the checkout under test first on sys.path.
CHILD = r"""
import sys
import jax, jax.numpy as jnp, numpy as np
import jaxnet

out = {}
def keep(name, params, history):
    for k, v in params.items():
        out[f"{name}/params/{k}"] = np.asarray(v)
    for k, v in history.items():
        out[f"{name}/{k}"] = np.asarray(v)

rng = np.random.default_rng(0)
X = rng.normal(0.0, 60.0, (5000, 3072)).astype(np.float32)
y = rng.integers(0, 10, 5000).astype(np.int32)
X, y, X_val, y_val = X[:4900], y[:4900], X[4900:], y[4900:]
init_key, train_key = jaxnet.seed_keys(0)
default = dict(learning_rate=1e-4, learning_rate_decay=0.95, reg=0.25, num_iters=60, batch_size=200)
tuned = dict(learning_rate=1e-3, learning_rate_decay=0.95, reg=0.2, num_iters=30, batch_size=500)
for name, hidden, options in (("default", 50, default), ("tuned", 100, tuned)):
    params = jaxnet.init_params(init_key, 3072, hidden, 10)
    keep(f"{name}_key", *jaxnet.train(params, X, y, X_val, y_val, key=train_key, **options))
    rows = jaxnet.sample_batch_indices(jax.random.key(7), 4900, options["num_iters"], options["batch_size"])
    keep(f"{name}_indices", *jaxnet.train(params, X, y, X_val, y_val, batch_indices=rows, **options))
params = jaxnet.init_params(init_key, 3072, 50, 10)
keep("default_progress", *jaxnet.train(params, X, y, X_val, y_val, key=train_key,
                                       progress=lambda i, l: None, **default))
state = jaxnet.begin(params, train_key, **default)
for n in (7, 20, None):
    state = jaxnet.resume(state, X, y, X_val, y_val, iterations=n)
keep("default_resumed", state.params, state.history)

splits = {"X_train": X, "y_train": y, "X_val": X_val, "y_val": y_val}
noisy = jaxnet.Recipe.of(hidden_size=64, std="he", preprocess="channel", optimizer="nesterov",
                         schedule="cosine", warmup_epochs=1.0, learning_rate=0.01, reg=1e-3,
                         num_iters=70, batch_size=100, sampling="epoch", flip=True, crop=2,
                         dropout=0.3, mixup=0.2, label_smoothing=0.1, weight_decay=1e-4)
result = jaxnet.fit(noisy, splits)
keep("noisy_fit", result.params, result.history)
pieces = []
result = jaxnet.fit(noisy, splits, every=30, on_piece=pieces.append)
keep("noisy_fit_every_30", result.params, result.history)

grid = [dict(hidden_size=h, learning_rate=lr, reg=r) for h in (50, 100) for lr in (1e-4, 1e-3)
        for r in (0.2, 0.4)]
for i, r in enumerate(jaxnet.sweep(X, y, X_val, y_val, grid, num_iters=30, batch_size=200)):
    keep(f"sweep_{i}", r["params"], r["history"])
found = jaxnet.search(X, y, X_val, y_val, grid, eta=2, num_iters=40, batch_size=200)
for i, r in enumerate(found):
    keep(f"search_{i}", r.get("params", {}), r["history"])
np.savez(sys.argv[1], **out)
"""


def run(checkout, path):
    env = dict(os.environ, PYTHONPATH=str(checkout), JAXNET_COMPILE_CACHE="off")
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], env=env, cwd=checkout,
                          capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"same_bits: {checkout} failed:\n{proc.stderr[-3000:]}")
    with np.load(path) as f:
        return {k: f[k] for k in f.files}


def ulps(a, b):
    """The largest |a - b| in units of the last place of the larger magnitude (NaNs equal)."""
    dtype = np.result_type(a, b)
    a, b = np.asarray(a, np.float64), np.asarray(b, np.float64)
    both_nan = np.isnan(a) & np.isnan(b)
    spacing = np.spacing(np.maximum(np.abs(a), np.abs(b)).astype(dtype)).astype(np.float64)
    diff = np.where(both_nan, 0.0, np.abs(a - b) / spacing)
    return float(np.nanmax(diff)) if diff.size else 0.0


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--other", required=True, help="a checkout of the commit to compare with")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        say(f"this checkout ({HERE})")
        this = run(HERE, Path(tmp) / "this.npz")
        say(f"other ({args.other})")
        other = run(Path(args.other).resolve(), Path(tmp) / "other.npz")
    names = sorted(set(this) | set(other))
    missing = [n for n in names if n not in this or n not in other]
    differ = {n: ulps(this[n], other[n]) for n in names if n not in missing
              and not np.array_equal(this[n], other[n], equal_nan=True)}
    report({**environment(), "other": str(Path(args.other).resolve()), "arrays": len(names),
            "identical": len(names) - len(missing) - len(differ), "missing": missing,
            "differ_ulp": differ}, args.out)


if __name__ == "__main__":
    main()
