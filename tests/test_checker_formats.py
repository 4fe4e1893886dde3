"""The results in graders' formats, read back by real consumers: JUnit XML by junitparser (one
test case per check), Gradescope's results.json validated against a JSON Schema transcribed from
Gradescope's autograder specification (points configurable per check)."""

import json

import jsonschema
import pytest
from junitparser import Error, Failure, JUnitXml

from reference.checker import formats
from reference.checker.report import FileResult
from tests.checker_impls.bugs import buggy_source
from tests.checker_impls.inprocess import checked

VISIBILITY = {"enum": ["hidden", "after_due_date", "after_published", "visible"]}
# Gradescope's "Output format" (autograder specifications), as a JSON Schema: a top-level score
# or scores on every test; each test's score, max_score, status, name, number, output, tags,
# visibility and extra_data, with the types and values the specification gives.
GRADESCOPE_SCHEMA = {
    "type": "object",
    "properties": {
        "score": {"type": "number"}, "execution_time": {"type": "number"}, "output": {"type": "string"},
        "output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "test_output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "test_name_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "visibility": VISIBILITY, "stdout_visibility": VISIBILITY, "extra_data": {"type": "object"},
        "tests": {"type": "array", "items": {
            "type": "object",
            "properties": {
                "score": {"type": "number"}, "max_score": {"type": "number"},
                "status": {"enum": ["passed", "failed"]}, "name": {"type": "string"},
                "name_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
                "number": {"type": "string"}, "output": {"type": "string"},
                "output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
                "tags": {"type": "array", "items": {"type": "string"}}, "visibility": VISIBILITY,
                "extra_data": {"type": "object"}},
            "additionalProperties": False}},
        "leaderboard": {"type": "array"}},
    "additionalProperties": False,
    "anyOf": [{"required": ["score"]},
              {"required": ["tests"], "properties": {"tests": {"items": {"required": ["score"]}}}}],
}


@pytest.fixture(scope="module")
def results():
    """A buggy net, a correct one, and a file that could not run."""
    bad = checked("bug_reg_missing", buggy_source("reg_missing"))
    good = checked("correct", buggy_source("reg_half", []))
    return [bad, good, FileResult("broken.py", "class", [], "could not load it: SyntaxError: invalid syntax")]


def test_junit_xml_has_one_test_case_per_check(results, tmp_path):
    path = tmp_path / "junit.xml"
    path.write_text(formats.junit_xml(results))
    suites = list(JUnitXml.fromfile(str(path)))
    assert [s.name for s in suites] == [r.path for r in results]
    for suite, result in zip(suites[:2], results[:2]):
        cases = list(suite)
        assert [c.name for c in cases] == [c.name for c in result.checks]
        failed = [c.name for c in cases if any(isinstance(r, Failure) for r in c.result)]
        assert failed == [c.name for c in result.checks if not c.passed]
        assert suite.tests == len(result.checks) and suite.failures == len(failed)
    toy_loss = next(c for c in suites[0] if c.name == "toy_loss")
    assert "[cause: reg_missing]" in toy_loss.result[0].message
    (load,) = list(suites[2])
    assert isinstance(load.result[0], Error) and "SyntaxError" in load.result[0].message


def test_junit_xml_counts_and_properties_as_read_by_elementtree(results):
    """The counts on each suite and on the whole document, each file's part and cause as
    properties (empty for a passing file), indented: read back with the standard library."""
    import xml.etree.ElementTree as ET

    text = formats.junit_xml(results)
    root = ET.fromstring(text)
    bad, good, broken = results
    failures = sum(not c.passed for c in bad.checks)  # the buggy net fails some checks
    expected = [(len(bad.checks), failures, 0), (len(good.checks), 0, 0), (1, 0, 1)]
    suites = root.findall("testsuite")
    assert [(int(s.get("tests")), int(s.get("failures")), int(s.get("errors"))) for s in suites] == expected
    assert [tuple(int(root.get(k)) for k in ("tests", "failures", "errors"))] == [
        tuple(sum(column) for column in zip(*expected))]
    assert [s.get("time") for s in suites] == [f"{r.seconds:.3f}" for r in results]
    properties = [{p.get("name"): p.get("value") for p in s.find("properties")} for s in suites]
    assert properties[0]["part"] == "regulariser" and properties[0]["cause"] == "reg_missing"
    assert properties[0]["structure"] == bad.summary()["structure"]
    assert properties[1] == {"part": "", "cause": "", "structure": ""}
    assert properties[2] == {"part": "", "cause": "", "structure": broken.error}
    assert "\n  <testsuite " in text and "\n    <properties>" in text  # indented for a reader


def test_gradescope_results_follow_the_specification(results):
    data = json.loads(formats.gradescope_json(results[:1], {"gradients": 5}))
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    tests = {t["name"]: t for t in data["tests"]}
    assert list(tests) == [c.name for c in results[0].checks]
    assert tests["gradients"] == {**tests["gradients"], "score": 0, "max_score": 5, "status": "failed"}
    assert tests["toy_scores"]["score"] == tests["toy_scores"]["max_score"] == 1
    assert "[cause: reg_missing]" in tests["toy_loss"]["output"]
    assert data["output"].split("\n")[1].startswith("FAILED")


def test_gradescope_scores_a_file_that_could_not_run_zero_on_every_check(results):
    data = json.loads(formats.gradescope_json(results, {"predict": 2}))
    jsonschema.validate(data, GRADESCOPE_SCHEMA)
    broken = [t for t in data["tests"] if t["name"].startswith("broken.py: ")]
    assert [t["name"].split(": ")[1] for t in broken] == list(formats.check_names("class"))
    assert all(t["score"] == 0 and "SyntaxError" in t["output"] for t in broken)
    assert sum(t["max_score"] for t in broken) == len(broken) + 1  # predict is worth 2
    good = [t for t in data["tests"] if t["name"].startswith(results[1].path)]
    assert all(t["score"] == t["max_score"] for t in good)


def test_the_check_names_graders_configure_are_the_checks_that_run(results):
    assert [c.name for c in results[1].checks] == list(formats.check_names("class"))


def written_out():
    """Two files made here, not checked: a class whose checks fail in each way a report shows
    (a part, none, a consequence, first lines of 300 and 301 characters), and a loss function
    that could not be loaded, its first line longer than 300."""
    from reference.checker.report import Check

    checks = [Check("init", True, 0.0, 1e-9, "max |init - want|"),
              Check("toy_loss", False, 0.5, 1e-12, "|loss - want|", "reg missing\nsecond line", part="regulariser"),
              Check("gradients", False, 1.0, 1e-8, "rel error", "follows", consequence_of="toy_loss"),
              Check("predict", False, 2, 0, "rows wrong", "p" * 301),
              Check("train_steps", False, 3, 0, "steps", "s" * 300, part="training_update"),
              Check("loss_history", False, 4, 0, "entries", "")]
    error = "could not load it: " + "z" * 290 + "\nTraceback: ..."
    return [FileResult("net.py", "class", checks, None, 1.23456), FileResult("loss.py", "function", [], error, 0.5)]


def test_junit_xml_written_out_whole():
    """The whole JUnit document of written_out(), element by element, as a reader expects it."""
    net, loss = written_out()
    error_line = loss.error.split("\n")[0]
    assert len(error_line) > 300
    case = '    <testcase classname="two_layer_net.class" name="{}" time="0"'
    expected = "\n".join([
        "<?xml version='1.0' encoding='utf-8'?>",
        '<testsuites name="check-two-layer-net" tests="7" failures="5" errors="1">',
        '  <testsuite name="net.py" time="1.235" tests="6" failures="5" errors="0">',
        "    <properties>",
        '      <property name="part" value="" />',
        '      <property name="cause" value="" />',
        '      <property name="structure" value="" />',
        "    </properties>",
        case.format("init") + " />",
        case.format("toy_loss") + ">",
        '      <failure message="reg missing" type="regulariser">|loss - want|: 0.5 (tolerance 1e-12)',
        "reg missing",
        "second line</failure>",
        "    </testcase>",
        case.format("gradients") + ">",
        '      <failure message="a consequence of toy_loss" type="check">rel error: 1.0 (tolerance 1e-08)',
        "follows</failure>",
        "    </testcase>",
        case.format("predict") + ">",
        f'      <failure message="{"p" * 297}..." type="check">rows wrong: 2 (tolerance 0)',
        f'{"p" * 301}</failure>',
        "    </testcase>",
        case.format("train_steps") + ">",
        f'      <failure message="{"s" * 300}" type="training_update">steps: 3 (tolerance 0)',
        f'{"s" * 300}</failure>',
        "    </testcase>",
        case.format("loss_history") + ">",
        '      <failure message="failed" type="check">entries: 4 (tolerance 0)',
        "</failure>",
        "    </testcase>",
        "  </testsuite>",
        '  <testsuite name="loss.py" time="0.500" tests="1" failures="0" errors="1">',
        "    <properties>",
        '      <property name="part" value="" />',
        '      <property name="cause" value="" />',
        f'      <property name="structure" value="{loss.error.replace(chr(10), "&#10;")}" />',
        "    </properties>",
        '    <testcase classname="two_layer_net.function" name="load" time="0">',
        f'      <error message="{error_line[:300]}" type="could_not_run">{loss.error}</error>',
        "    </testcase>",
        "  </testsuite>",
        "</testsuites>", ""])
    assert formats.junit_xml([net, loss]) == expected
    short = formats.junit_xml([FileResult("x.py", "class", [], "timed out\nafter 60 s", 0.0)])
    assert '<error message="timed out" type="could_not_run">timed out\nafter 60 s</error>' in short


def test_gradescope_json_written_out_whole():
    """Gradescope's results.json of written_out(), test by test: names prefixed by the file
    (two files), scores, statuses and outputs; a file that could not run fails each of its mode's
    checks; the report's summary of each file, and the seconds to the millisecond."""
    from reference.checker import report

    net, loss = written_out()
    points = {"toy_loss": 3, "toy_scores": 2}

    def test(name, passed, points, output):
        return {"name": name, "score": points if passed else 0, "max_score": points,
                "status": "passed" if passed else "failed", "output": output, "visibility": "visible"}

    tests = [test("net.py: init", True, 1, "max |init - want|: 0.0 (tolerance 1e-09)"),
             test("net.py: toy_loss", False, 3, "|loss - want|: 0.5 (tolerance 1e-12)\nreg missing\nsecond line"),
             test("net.py: gradients", False, 1, "rel error: 1.0 (tolerance 1e-08)\na consequence of toy_loss"),
             test("net.py: predict", False, 1, f"rows wrong: 2 (tolerance 0)\n{'p' * 301}"),
             test("net.py: train_steps", False, 1, f"steps: 3 (tolerance 0)\n{'s' * 300}"),
             test("net.py: loss_history", False, 1, "entries: 4 (tolerance 0)\n")]
    tests += [test(f"loss.py: {name}", False, points.get(name, 1), f"could not run: {loss.error}")
              for name in ("toy_loss", "gradients", "gradients_numeric", "large_scores", "dead_units", "reg_zero",
                           "reg_large", "single_example", "float32_inputs", "score_shift", "rows_apart",
                           "integer_inputs", "other_sizes", "no_mutation", "grads_format")]
    output = "\n".join(["net.py", *report.summary_lines(net)]) + "\n\n" + "loss.py\n" + loss.error
    expected = {"output": output, "execution_time": 1.735, "tests": tests}
    assert formats.gradescope_json([net, loss], points) == json.dumps(expected, indent=1)
    alone = json.loads(formats.gradescope_json([net]))
    assert [t["name"] for t in alone["tests"]][:2] == ["init", "toy_loss"]  # one file: no prefix
