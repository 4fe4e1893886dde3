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
