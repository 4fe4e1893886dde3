"""The notebook's inline question, answered by experiment: what shrinks the gap between
training and validation accuracy: more training data, more hidden units, or stronger L2?

    python -m jaxnet.cli.gap_study --data-dir PATH/cifar-10-batches-py --out runs/gap_study

(or ``python scripts/gap_study.py``; the notebook imports it: ``from jaxnet.cli import gap_study``).

For each factor, the others stay at a base config (hidden 100, lr 1e-3, decay 0.95, reg
0.25, batch 200), over several seeds, each factor's values as ``jaxnet.sweep`` calls; the
gap is the accuracy on the whole training split used minus the validation accuracy, at the
end of training. Writes gap_study.json and gap_study.png into --out.
"""

import sys
from pathlib import Path

import numpy as np

import jaxnet
from jaxnet import artifacts, data, plots
from jaxnet.cli import common, errors

BASE = dict(hidden_size=100, learning_rate=1e-3, learning_rate_decay=0.95, reg=0.25)
FACTORS = {
    "training rows": ("num_train", [5000, 10000, 20000, 49000]),
    "hidden units": ("hidden_size", [25, 50, 100, 200, 400, 800]),
    "L2 strength (reg)": ("reg", [0.0, 0.01, 0.1, 0.25, 0.5, 1.0]),
}
SEEDS = (0, 1, 2)
# The figure's look: no number of the study depends on it.
SEED_STYLE = dict(linestyle="none", marker="o", color="0.6", markersize=4)
MEAN_STYLE = dict(color="C0", marker="s", capsize=3)
ZERO_STYLE = dict(color="0.8", linewidth=0.8)
GRID_ALPHA, LEGEND_FONTSIZE, FIGSIZE, DPI = 0.3, 8, (13, 3.8), 110


def gaps(splits, results, num_train):
    """Each result's (train accuracy on its whole training split, val accuracy, gap)."""
    X, y = splits["X_train"][:num_train], splits["y_train"][:num_train]
    rows = []
    for r in results:
        train_acc = jaxnet.accuracy(r["params"], X, y)
        rows.append((train_acc, r["val_acc"], train_acc - r["val_acc"]))
    return rows


def study(splits, num_iters=3000, batch_size=200, seeds=SEEDS, factors=FACTORS, progress=False):
    """Train every point of every factor for every seed; return the JSON-ready results."""
    out = {"base": BASE, "num_iters": num_iters, "batch_size": batch_size, "seeds": list(seeds),
           "factors": {}}
    for label, (name, values) in factors.items():
        points = []
        for value in values:
            num_train = value if name == "num_train" else len(splits["y_train"])
            config = dict(BASE, **({} if name == "num_train" else {name: value}))
            results = jaxnet.sweep(
                splits["X_train"][:num_train], splits["y_train"][:num_train], splits["X_val"],
                splits["y_val"], [dict(config, seed=s) for s in seeds],
                num_classes=data.NUM_CLASSES, num_iters=num_iters, batch_size=batch_size,
                progress=progress)
            rows = gaps(splits, results, num_train)
            points.append({"value": value, "train_acc": [r[0] for r in rows],
                           "val_acc": [r[1] for r in rows], "gap": [r[2] for r in rows]})
        out["factors"][label] = {"option": name, "points": points}
    out["answer"] = answer(out)
    return out


def answer(result):
    """The factors that shrink the gap, read from the data: the change in the mean gap from
    the smallest to the largest value, against the spread over seeds."""
    lines = []
    for label, factor in result["factors"].items():
        first, last = factor["points"][0], factor["points"][-1]
        change = np.mean(last["gap"]) - np.mean(first["gap"])
        noise = max(np.std(first["gap"]), np.std(last["gap"]), 1e-3)
        verdict = ("shrinks the gap" if change < -3 * noise else
                   "widens the gap" if change > 3 * noise else "does not change the gap much")
        lines.append(f"{label}: from {first['value']:g} to {last['value']:g} the gap goes from "
                     f"{np.mean(first['gap']):.3f} to {np.mean(last['gap']):.3f} "
                     f"(seeds' spread {noise:.3f}): {verdict}")
    return lines


def plot(result, path):
    """Three panels: the gap (mean and each seed) against each factor."""
    plt = plots.pyplot()
    fig, axes = plt.subplots(1, len(result["factors"]), figsize=FIGSIZE, sharey=True,
                             squeeze=False)
    axes = axes[0]
    for ax, (label, factor) in zip(axes, result["factors"].items()):
        values = [p["value"] for p in factor["points"]]
        gap = np.array([p["gap"] for p in factor["points"]])  # (points, seeds)
        positions = np.arange(len(values))
        for s in range(gap.shape[1]):
            ax.plot(positions, gap[:, s], label="each seed" if s == 0 else None, **SEED_STYLE)
        ax.errorbar(positions, gap.mean(1), yerr=gap.std(1), label="mean ± std over seeds",
                    **MEAN_STYLE)
        ax.set_xticks(positions, [f"{v:g}" for v in values])
        ax.set_xlabel(label)
        ax.axhline(0, **ZERO_STYLE)
        ax.grid(alpha=GRID_ALPHA)
    axes[0].set_ylabel("train accuracy − val accuracy")
    axes[0].legend(fontsize=LEGEND_FONTSIZE)
    fig.suptitle(f"Generalisation gap after {result['num_iters']} iterations "
                 f"(batch {result['batch_size']}); base: hidden 100, reg 0.25")
    fig.tight_layout()
    with artifacts.atomic_path(path) as tmp:
        fig.savefig(tmp, dpi=DPI)
    plt.close(fig)


def main(argv=None):
    p = common.Parser(prog="gap_study", description=__doc__.split("\n\n")[0])
    p.add_argument("--data-dir", default=None, help="the cifar-10-batches-py folder")
    p.add_argument("--out", default="runs/gap_study", help="output folder")
    p.add_argument("--num-iters", type=int, default=3000, help="updates per run")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    with errors.friendly_errors(p.prog):
        return run(p.parse_args(argv))


def run(args):
    if args.num_iters < 1:
        raise ValueError(f"--num-iters must be >= 1, got {args.num_iters}")
    if not args.out.strip():
        raise ValueError("--out is empty (an unset variable?); name the study's folder")
    plots.require()
    splits = data.get_cifar10_data(args.data_dir, dtype="float32")
    result = study(splits, args.num_iters, progress=not args.quiet)
    out = Path(args.out)
    artifacts.save_json(out / "gap_study.json", result)
    plot(result, out / "gap_study.png")
    print("\n".join(result["answer"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
