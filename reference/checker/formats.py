"""The results in the formats graders' tools read: JUnit XML and Gradescope's results.json.

JUnit XML: one <testsuite> per file, one <testcase> per check (a failing check carries a
<failure> with its diagnosis; a file that could not run, one <testcase> with an <error>).
Gradescope (its autograder specification's results.json): one test per check, with name,
score, max_score, status and output, points per check configurable; a file that could not
run scores 0 on every check.
"""

import json
import xml.etree.ElementTree as ET

from reference.checker import problems, report

LOSS_SIDE = ("toy_loss", "gradients", "gradients_numeric", *problems.loss_problems(), "other_sizes", "no_mutation",
             "grads_format")
CLASS_CHECKS = ("init", "toy_scores", *LOSS_SIDE, "toy_training", "predict", "train_steps", "train_sampling",
                "train_learning_rate", "loss_history", "train_acc_history", "val_acc_history")
FUNCTION_CHECKS = LOSS_SIDE  # loss and gradients only


def check_names(mode):
    """The checks run on a file of this mode ("class" or "function"), in report order."""
    return CLASS_CHECKS if mode == "class" else FUNCTION_CHECKS


def _message(check):
    if check.consequence_of:
        return f"a consequence of {check.consequence_of}"
    first = (check.diagnosis or "failed").split("\n")[0]
    return first if len(first) <= 300 else first[:297] + "..."


def junit_xml(results):
    """One <testsuites> document for every file checked."""
    root = ET.Element("testsuites", name="check-two-layer-net")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for r in results:
        suite = ET.SubElement(root, "testsuite", name=r.path, time=f"{r.seconds:.3f}")
        summary = r.summary()
        props = ET.SubElement(suite, "properties")
        for key in ("part", "cause", "structure"):
            ET.SubElement(props, "property", name=key, value=str(summary[key] or ""))
        counts = {"tests": len(r.checks) or 1, "failures": sum(not c.passed for c in r.checks),
                  "errors": int(r.error is not None)}
        for c in r.checks:
            case = ET.SubElement(suite, "testcase", classname=f"two_layer_net.{r.mode}", name=c.name, time="0")
            if not c.passed:
                failure = ET.SubElement(case, "failure", message=_message(c), type=c.part or "check")
                failure.text = f"{c.what}: {c.measured} (tolerance {c.tolerance})\n{c.diagnosis}"
        if r.error is not None:
            case = ET.SubElement(suite, "testcase", classname=f"two_layer_net.{r.mode}", name="load", time="0")
            ET.SubElement(case, "error", message=r.error.split("\n")[0][:300], type="could_not_run").text = r.error
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _test(name, passed, points, output):
    return {"name": name, "score": points if passed else 0, "max_score": points,
            "status": "passed" if passed else "failed", "output": output, "visibility": "visible"}


def gradescope_json(results, points=None):
    """Gradescope's results.json: one test per check of every file (named "file: check" when
    there are several files), ``points`` {check name: max score} (1 each by default)."""
    points = points or {}
    tests, outputs = [], []
    for r in results:
        prefix = f"{r.path}: " if len(results) > 1 else ""
        if r.error is not None:
            tests += [_test(prefix + n, False, points.get(n, 1), f"could not run: {r.error}")
                      for n in check_names(r.mode)]
        for c in r.checks:
            text = f"{c.what}: {c.measured} (tolerance {c.tolerance})"
            if not c.passed:
                text += "\n" + (f"a consequence of {c.consequence_of}" if c.consequence_of else c.diagnosis)
            tests.append(_test(prefix + c.name, c.passed, points.get(c.name, 1), text))
        outputs.append("\n".join([r.path] + report.summary_lines(r) if r.error is None else [r.path, r.error]))
    return json.dumps({"output": "\n\n".join(outputs), "execution_time": round(sum(r.seconds for r in results), 3),
                       "tests": tests}, indent=1)
