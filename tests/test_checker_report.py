"""The report: a summary of at most five lines first, one headline per mistake, consequences
listed as such, each detail once, at most 25 lines for one bug; --verbose gives every check; the
JSON keeps every check and adds the summary in a fixed vocabulary."""

import json

from reference.checker import causes, report
from tests.checker_impls.bugs import SCORES, buggy_source
from tests.checker_impls.inprocess import checked, report_shape


def summary_of(text):
    """The summary lines: after the file's header, up to the first check line."""
    lines = text.split("\n")[1:]
    return lines[:next(i for i, line in enumerate(lines) if line.lstrip().startswith(("FAIL ", "ok ")))]


def test_the_report_shape_is_checked_for_every_test_net():
    """Every one-bug net's report is held to its shape where the net is checked
    (test_checker_catalogue.py); here, that the shape check catches a long report and a FAIL
    line for a consequence."""
    result = checked("bug_predict_no_relu", buggy_source("predict_no_relu"))
    assert report_shape(result, report.render) == []
    assert "26 lines" in report_shape(result, lambda r: report.render(r) + "\n" * (26 - len(report.render(r).split("\n"))))
    fail_line = lambda r: report.render(r) + "\n   FAIL train_acc_history  x"  # noqa: E731
    assert "consequence train_acc_history as a FAIL line" in report_shape(result, fail_line)


def test_the_summary_says_the_part_the_cause_and_where_to_look():
    result = checked("bug_db1_no_mask", buggy_source("db1_no_mask"))
    head = [line.strip() for line in summary_of(report.render(result))]
    assert head[0].startswith("FAILED: 12 of 25 checks passed")  # the toy run too, a consequence
    assert head[1:] == ["wrong: the backward pass (the gradients), for b1",
                        "cause: b1's gradient without the ReLU mask [db1_no_mask]",
                        "look first: sum the masked upstream gradient dh1 * (z1 > 0) over examples, as for W1"]


def test_an_unknown_mistake_gives_its_part_and_structure():
    """b2 three times: no known cause; the scores' difference is per class, twice b2."""
    result = checked("b2_thrice", buggy_source("b2_thrice", [(SCORES, "scores = hidden @ W2 + 3 * b2  # BUG")]))
    head = [line.strip() for line in summary_of(report.render(result))]
    assert head[1] == "wrong: the forward pass (the scores)"
    assert head[2].startswith("not a known mistake: the scores differ")
    assert "a per-column (per-class) offset equal to 2 x b2" in head[2]
    assert head[3] == "look first: " + causes.PARTS["scores"][1]


def test_consequences_are_listed_as_consequences():
    result = checked("bug_predict_no_relu", buggy_source("predict_no_relu"))
    text = report.render(result)
    assert set(result.consequences) == {"train_acc_history", "val_acc_history"}
    assert "consequences (they follow from the above): train_acc_history (of predict)" in text


def test_verbose_gives_every_check_with_its_detail():
    result = checked("bug_reg_half", buggy_source("reg_half"))
    text = report.render(result, verbose=True)
    for c in result.checks:
        assert f" {c.name} " in text
    assert text.count("[cause: reg_half]") >= 2


def test_json_keeps_every_check_and_adds_the_summary():
    result = checked("bug_gradient_scaled", buggy_source("gradient_scaled"))
    (data,) = json.loads(report.to_json([result]))
    assert [c["name"] for c in data["checks"]] == [c.name for c in result.checks]
    summary = data["summary"]
    assert summary["part"] == "gradient" and summary["cause"] == "gradient_scaled"
    assert summary["params"] == ["b2"] and summary["backward_agrees_with_loss"] is False
    assert "a constant factor 2" in summary["structure"]
    assert set(summary) >= {"part", "cause", "structure", "look_first", "mistakes", "consequences"}
    for mistake in summary["mistakes"]:
        assert mistake["part"] in causes.PARTS


def test_a_passing_file_has_an_empty_summary():
    result = checked("correct", buggy_source("reg_half", []))
    summary = result.summary()
    assert result.passed and summary["part"] is None and summary["cause"] is None and summary["mistakes"] == []
    assert report.render(result).split("\n")[1].strip().startswith("PASSED: 25 of 25")


def test_a_report_of_three_mistakes_reads_as_written_here():
    """Every line of a report, written out by hand: three mistakes (the first shown in the
    summary, the others counted), a mistake failing two checks, a consequence, the passing
    checks, a loss function's note; a detail repeated in --verbose; the batch's tally."""
    C = report.Check
    checks = [C("toy_loss", False, 0.25, 1e-12, "|loss - notebook's|", "no reg term", part="regulariser"),
              C("gradients", False, 0.5, 1e-8, "max rel error", "dscores not averaged", part="gradient"),
              C("large_scores", False, float("inf"), 1e-8, "|loss - truth|", "no reg term"),
              C("dead_units", False, 2.0, 1e-8, "max rel error", "exp overflows"),
              C("predict", True, 0.0, 0.0, "wrong labels", ""),
              C("init", True, None, None, "shapes", ""),
              C("toy_training", False, 0.1, 0.01, "final loss", "", consequence_of="toy_loss")]
    F = report.Finding
    findings = [F("regulariser", "reg_missing", "no regularisation at all", look_first="add reg",
                  checks=["toy_loss", "large_scores"]),
                F("gradient", None, "", structure="off by N", look_first="divide by N", params=("W1", "b1"),
                  checks=["gradients"]),
                F("data_loss", "softmax_no_shift", "no shift", look_first="subtract the max", checks=["dead_units"])]
    result = report.FileResult("net.py", "function", checks, None, 1.25, findings)
    assert report.render(result).split("\n") == [
        "== net.py",
        "   FAILED: 2 of 7 checks passed (1.2 s)",
        "   wrong: the regulariser: cause: no regularisation at all [reg_missing]",
        "   look first: add reg",
        "   and 2 more mistakes: the backward pass (the gradients), the data loss (softmax cross-entropy) (below)",
        "   (a loss function: the loss and gradient checks only; no scores, train or predict)",
        "   FAIL toy_loss      |loss - notebook's|: 0.25 (tolerance 1e-12)",
        "          -> no reg term",
        "   FAIL               the same mistake: large_scores",
        "   FAIL gradients     max rel error: 0.5 (tolerance 1e-08)",
        "          -> dscores not averaged",
        "   FAIL dead_units    max rel error: 2 (tolerance 1e-08)",
        "          -> exp overflows",
        "   consequences (they follow from the above): toy_training (of toy_loss)",
        "   ok   2 checks: predict, init"]
    two = report.FileResult("two.py", "class", checks[1:2], None, 0.5, findings[1:2])
    assert report.render(two).split("\n") == [
        "== two.py",
        "   FAILED: 0 of 1 checks passed (0.5 s)",
        "   wrong: the backward pass (the gradients), for W1, b1",
        "   not a known mistake: off by N",
        "   look first: divide by N",
        "   FAIL gradients  max rel error: 0.5 (tolerance 1e-08)",
        "          -> dscores not averaged"]
    verbose = report.render(report.FileResult("v.py", "class", checks[:3], None, 0.5, findings[:1]), verbose=True)
    assert verbose.split("\n")[5:] == [
        "   FAIL toy_loss      |loss - notebook's|: 0.25 (tolerance 1e-12)",
        "          -> no reg term",
        "   FAIL gradients     max rel error: 0.5 (tolerance 1e-08)",
        "          -> dscores not averaged",
        "   FAIL large_scores  |loss - truth|: inf (tolerance 1e-08)",
        "          -> (the same as above)"]
    batch = [result, report.FileResult("ok.py", "class", checks[4:6], None, 0.1),
             report.FileResult("bad.py", "class", [], "could not load it")]
    assert report.render_all(batch) == "\n\n".join(
        [report.render(result), "== ok.py\n   PASSED: 2 of 2 checks passed (0.1 s)\n   ok   2 checks: predict, init",
         "== bad.py\n   COULD NOT RUN: could not load it", "1 passed, 1 failed, 1 could not run"])
    assert report.render_all(batch[2:]) == "== bad.py\n   COULD NOT RUN: could not load it"


def test_the_json_reads_as_written_here():
    """The JSON of a failing and a crashed file, written out by hand: every key in its order,
    NaN and inf as strings, finite numbers as numbers, an empty structure as null."""
    C, F = report.Check, report.Finding
    checks = [C("toy_loss", False, float("nan"), 1e-12, "|loss - notebook's|", "no reg term",
                causes=["reg_missing"], part="regulariser"),
              C("gradients", True, 2.5e-09, float("inf"), "max rel error", ""),
              C("toy_training", False, ">= 1", None, "final loss", "", consequence_of="toy_loss")]
    findings = [F("regulariser", "reg_missing", "no regularisation at all", look_first="add reg",
                  params=("W1",), backward_agrees=True, checks=["toy_loss"])]
    failing = report.FileResult("net.py", "class", checks, None, 1.0, findings)
    crashed = report.FileResult("bad.py", "function", [], "could not load it")
    mistake = {"part": "regulariser", "cause": "reg_missing", "text": "no regularisation at all",
               "structure": None, "params": ["W1"], "backward_agrees_with_loss": True,
               "look_first": "add reg", "checks": ["toy_loss"]}
    expected = [
        {"path": "net.py", "passed": False, "status": 1, "error": None, "mode": "class",
         "summary": {"passed": False, "part": "regulariser", "cause": "reg_missing",
                     "structure": "no regularisation at all", "params": ["W1"],
                     "backward_agrees_with_loss": True, "look_first": "add reg",
                     "mistakes": [mistake], "consequences": ["toy_training"]},
         "checks": [{"name": "toy_loss", "passed": False, "measured": "nan", "tolerance": 1e-12,
                     "what": "|loss - notebook's|", "diagnosis": "no reg term", "causes": ["reg_missing"],
                     "part": "regulariser", "consequence_of": None},
                    {"name": "gradients", "passed": True, "measured": 2.5e-09, "tolerance": "inf",
                     "what": "max rel error", "diagnosis": "", "causes": [], "part": None,
                     "consequence_of": None},
                    {"name": "toy_training", "passed": False, "measured": ">= 1", "tolerance": None,
                     "what": "final loss", "diagnosis": "", "causes": [], "part": None,
                     "consequence_of": "toy_loss"}]},
        {"path": "bad.py", "passed": False, "status": 2, "error": "could not load it", "mode": "function",
         "summary": {"passed": False, "part": None, "cause": None, "structure": "could not load it",
                     "params": [], "backward_agrees_with_loss": None, "look_first": None,
                     "mistakes": [], "consequences": []},
         "checks": []}]
    text = report.to_json([failing, crashed])
    assert json.loads(text) == expected
    assert text == json.dumps(expected, indent=1)  # the keys' order and the layout too
    assert [list(m) for m in json.loads(text)[0]["summary"]["mistakes"]] == [list(mistake)]
    assert report.exit_status([failing, crashed]) == 2 and report.exit_status([failing]) == 1
    assert report.exit_status([]) == 0


def test_verbose_and_a_batch_of_two_read_as_written_here():
    """--verbose: a passing check marked ok, an unmeasured one as "-", a count in words, a consequence marked,
    a detail of several lines, a check with no detail; the tally of a batch of two, verbose
    passed through; a mistake failing three checks; two consequences; a file with no checks."""
    C, F = report.Check, report.Finding
    checks = [C("toy_loss", False, 0.25, 1e-12, "|loss|", "line one\nline two", part="regulariser"),
              C("init", True, None, None, "shapes", ""),
              C("a", False, 1.0, 0.5, "x", "line one\nline two"),
              C("b", False, ">= 1", 0, "x", ""),
              C("train_acc", False, 1.0, 0.5, "x", "", consequence_of="toy_loss"),
              C("val_acc", False, 1.0, 0.5, "x", "", consequence_of="a")]
    findings = [F("regulariser", "reg_missing", "no reg", look_first="add reg", checks=["toy_loss", "a", "b"])]
    result = report.FileResult("v.py", "class", checks, None, 0.5, findings)
    assert report.render(result, verbose=True).split("\n")[5:] == [
        "   FAIL toy_loss   |loss|: 0.25 (tolerance 1e-12)",
        "          -> line one",
        "          -> line two",
        "   ok   init       shapes: - (tolerance -)",
        "   FAIL a          x: 1 (tolerance 0.5)",
        "          -> (the same as above)",
        "   FAIL b          x: >= 1 (tolerance 0)",
        "   FAIL train_acc  x: 1 (tolerance 0.5)  [consequence of toy_loss]",
        "   FAIL val_acc    x: 1 (tolerance 0.5)  [consequence of a]"]
    assert report.render(result).split("\n")[5:] == [
        "   FAIL toy_loss   |loss|: 0.25 (tolerance 1e-12)",
        "          -> line one",
        "          -> line two",
        "   FAIL            the same mistake: a, b",
        "   consequences (they follow from the above): train_acc (of toy_loss), val_acc (of a)",
        "   ok   1 checks: init"]
    empty = report.FileResult("empty.py", "class", [], None, 0.0)
    assert report.render(empty) == "== empty.py\n   PASSED: 0 of 0 checks passed (0.0 s)"
    crashed = report.FileResult("bad.py", "class", [], "could not load it")
    assert report.render_all([result, crashed], verbose=True) == "\n\n".join(
        [report.render(result, verbose=True), report.render(crashed), "0 passed, 1 failed, 1 could not run"])
    assert report.render_all([empty, crashed]).endswith("\n\n1 passed, 0 failed, 1 could not run")
