"""The first held-out set of nets, now among the checker's test nets (it was measured once, before
any tuning on it: results/checker_heldout_set1.json): 17 buggy nets with mistakes outside the
checker's catalogue and 5 correct ones in unusual styles, written by someone who had not seen the
checker, with their author's manifest (tests/checker_impls/heldout_set1/manifest.json).

Each correct net passes; each buggy one fails with its manifest's part located (by the rule of
bench/checker_heldout.py) and the cause named that its manifest's description reads as. In this
process (fast tier); the bench script itself, which runs the checker in a subprocess, is slow.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.checker_heldout import part_right
from reference.checker import report
from tests.checker_impls.inprocess import check_here, report_shape

FOLDER = Path(__file__).parent / "checker_impls" / "heldout_set1"
MANIFEST = json.loads((FOLDER / "manifest.json").read_text())
ROOT = Path(__file__).resolve().parents[1]

# The cause id each buggy net's manifest description reads as (e.g. bug_04, "returns
# np.dot(h_relu, W2) before b2 is added when y is None": b2 left out of the returned scores only).
EXPECTED = {
    "bug_01_colmax_shift.py": "softmax_column_max", "bug_02_probs_column_index.py": "loss_all_pairs",
    "bug_03_relu_on_scores.py": "relu_on_scores", "bug_04_scores_missing_b2.py": "b2_left_out",
    "bug_05_reg_l1_w2.py": "reg_l1", "bug_06_reg_mean.py": "reg_mean", "bug_07_db2_mean.py": "gradient_averaged_twice",
    "bug_08_dw1_missing_reg.py": "reg_gradient_missing", "bug_09_dw2_reg_over_n.py": "reg_gradient_over_n",
    "bug_10_dw2_shadowed_hidden.py": "dW2_from_hidden_gradient", "bug_11_b1_subtracted.py": "b1_subtracted",
    "bug_12_decay_reg.py": "decay_applied_to_reg", "bug_13_epoch_off_by_one.py": "epoch_test_off_by_one",
    "bug_14_minibatch_once.py": "batch_not_redrawn", "bug_15_momentum_left_in.py": "momentum_in_update",
    "bug_16_lr_over_batch.py": "lr_divided_by_batch_size", "bug_17_predict_no_b1.py": "predict_forward",
}
# What the named cause's words must say beyond its id (the mode, the gradient, the variant).
SAYS = {"bug_04_scores_missing_b2.py": "only in the scores loss(X) returns", "bug_05_reg_l1_w2.py": "in the loss only",
        "bug_17_predict_no_b1.py": "without b1", "bug_10_dw2_shadowed_hidden.py": "dz1"}


def test_the_manifest_and_the_expected_causes_cover_the_folder():
    files = sorted(f.name for f in FOLDER.glob("*.py"))
    assert sorted(t["file"] for t in MANIFEST) == files
    assert sorted(EXPECTED) == sorted(t["file"] for t in MANIFEST if not t["correct"])


@pytest.mark.parametrize("truth", MANIFEST, ids=lambda t: t["file"].removesuffix(".py"))
def test_each_heldout_net_is_judged_as_its_author_says(truth):
    result = check_here(FOLDER / truth["file"])
    summary = result.summary()
    if truth["correct"]:
        assert result.passed, {c.name: c.diagnosis for c in result.checks if not c.passed}
        return
    assert result.status == 1 and part_right(truth, summary), summary
    assert summary["cause"] == EXPECTED[truth["file"]], summary
    assert SAYS.get(truth["file"], "") in result.findings[0].text
    assert not report_shape(result, report.render), report.render(result)


@pytest.mark.slow
def test_the_bench_counts_the_set_from_a_checker_process(tmp_path):
    """bench.checker_heldout runs the checker in a subprocess on the folder and scores it."""
    named = tmp_path / "named.json"
    named.write_text(json.dumps({f: True for f in EXPECTED}))
    out = tmp_path / "scored.json"
    proc = subprocess.Popen([sys.executable, "-m", "bench.checker_heldout", str(FOLDER), "--named", str(named),
                             "--out", str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=300)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err.decode()[-2000:]
    counts = json.loads(out.read_text())["counts"]
    assert counts == dict(correct=5, passed=5, buggy=17, failed=17, part_right=17, named=17, named_right=17,
                          misleading=0, missed=0)
