"""The checker on a held-out set of nets: what it says against what each net's author wrote.

    python -m bench.checker_heldout FOLDER [--named JSON] [--out FILE]

FOLDER holds ``*.py`` nets and a ``manifest.json`` by their author: per file, ``correct``,
the ``part`` that is wrong (the checker's vocabulary: scores, data_loss, regulariser,
gradient, training_rate, training_decay, training_sampling, training_histories,
training_update, predict, init), the ``param`` of a gradient bug, ``forward_consistent``
(the bug is in the forward pass and the backward follows it) and a ``description``.

Scored per file, by rule: a correct net must pass; a buggy one must fail; its part is right
when the summary's part is the manifest's, or one of those its coarser word covers (``COARSE``:
"update" for training_rate and training_update), for a gradient bug with the manifest's param
among the summary's params (a null param: several, the part alone decides), or, for a
forward-consistent gradient bug, a part of the forward pass (scores, data_loss, regulariser)
with the backward agreeing with the net's own loss. Whether a named cause is the net's bug is a reading of the two texts, given as
``--named`` (a JSON object: file -> true/false, for each file whose summary names a cause);
a named cause read as false, or a wrong part, is *misleading*. Prints one JSON object: the
counts and each file's truth and summary.
"""

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.benchmark import cpu_name, report

FORWARD = ("scores", "data_loss", "regulariser")


# A coarser part an author may write, and the checker's parts it covers (set 14's author was given
# "update" for the learning rate and the update step together)
COARSE = {"update": ("training_rate", "training_update")}


def part_right(truth, summary):
    """The summary's part is the manifest's (or one the manifest's coarser word covers), with the
    manifest's param among the summary's params for a gradient bug (``param``: one name, or a list
    of names, every one of which must be among them; null: several); or, for a forward-consistent
    gradient bug, a part of the forward pass with the backward agreeing with the net's own loss."""
    if (truth["part"] == "gradient" and truth.get("forward_consistent") and summary["part"] in FORWARD
            and summary.get("backward_agrees_with_loss") is not False):
        return True
    if summary["part"] not in COARSE.get(truth["part"], (truth["part"],)):
        return False
    wanted = [truth["param"]] if isinstance(truth["param"], str) else truth["param"] or []
    return truth["part"] != "gradient" or set(wanted) <= set(summary.get("params") or [])


def score(manifest, results, named):
    """Per-file rows and the counts, from the manifest and the checker's JSON."""
    by_file = {Path(r["path"]).name: r for r in results}
    rows, counts = [], dict(correct=0, passed=0, buggy=0, failed=0, part_right=0, named=0,
                            named_right=0, misleading=0, missed=0)
    for truth in manifest:
        s = by_file[truth["file"]].get("summary") or {}
        row = {"file": truth["file"], "truth": truth, "passed": bool(s.get("passed")),
               "part": s.get("part"), "params": s.get("params"), "cause": s.get("cause"),
               "structure": s.get("structure")}
        if truth["correct"]:
            counts["correct"] += 1
            counts["passed"] += row["passed"]
        else:
            counts["buggy"] += 1
            counts["failed"] += not row["passed"]
            counts["missed"] += row["passed"]
            row["part_right"] = not row["passed"] and part_right(truth, s)
            counts["part_right"] += row["part_right"]
            if row["cause"] is not None:
                row["named_right"] = named.get(truth["file"])
                counts["named"] += 1
                counts["named_right"] += bool(row["named_right"])
            row["misleading"] = (not row["passed"] and not row["part_right"]) or (
                row["cause"] is not None and row.get("named_right") is False)
            counts["misleading"] += row["misleading"]
        rows.append(row)
    return counts, rows


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folder")
    p.add_argument("--named", help="JSON: file -> whether its named cause is its bug")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args(argv)
    folder = Path(args.folder)
    manifest = json.loads((folder / "manifest.json").read_text())
    named = json.loads(Path(args.named).read_text()) if args.named else {}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "checker.json"
        subprocess.run([sys.executable, "-m", "reference.checker", "--quiet", "--json", str(out),
                        *sorted(str(f) for f in folder.glob("*.py"))], stdout=subprocess.DEVNULL)
        results = json.loads(out.read_text())
    counts, rows = score(manifest, results, named)
    report({"cpu": cpu_name(), "folder": folder.name, "counts": counts, "files": rows}, args.out)


if __name__ == "__main__":
    main()
