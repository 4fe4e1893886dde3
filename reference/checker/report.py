"""Results of a check and their renderings: a readable report (a summary first) and JSON.

A file's result holds every check and its *findings*: one per mistake, with the part that is
wrong (``causes.PARTS``), the named cause or the structure found, and the checks it fails.
A check that fails only because of another failure is a consequence, not a finding's.
"""

import json
import math
from dataclasses import asdict, dataclass, field


@dataclass
class Check:
    """One check: ``measured`` against ``tolerance`` (numbers, or None where a run failed)."""
    name: str
    passed: bool
    measured: object
    tolerance: object
    what: str  # how `measured` is computed, e.g. "sum |scores - notebook's|"
    diagnosis: str = ""
    causes: list = field(default_factory=list)  # catalogue ids named in the diagnosis
    part: str = None  # the part a failure of this check is about, when the check alone says
    consequence_of: str = None  # the check whose failure this one follows from, if any


@dataclass
class Finding:
    """One mistake: where it is, what it is (a named cause, or the structure found), where to
    look first, and the failing checks it explains (the first is its headline)."""
    part: str
    cause: str = None
    text: str = ""
    structure: str = ""
    look_first: str = ""
    params: tuple = ()
    backward_agrees: object = None
    checks: list = field(default_factory=list)

    def as_json(self):
        return {"part": self.part, "cause": self.cause, "text": self.text, "structure": self.structure or None,
                "params": list(self.params), "backward_agrees_with_loss": self.backward_agrees,
                "look_first": self.look_first, "checks": list(self.checks)}


@dataclass
class FileResult:
    path: str
    mode: str  # "class" (TwoLayerNet) or "function" (loss(params, X, y, reg))
    checks: list = field(default_factory=list)
    error: str = None  # set when the file could not be loaded, crashed or timed out
    seconds: float = 0.0
    findings: list = field(default_factory=list)

    @property
    def passed(self):
        return self.error is None and all(c.passed for c in self.checks)

    @property
    def status(self):
        """0 every check passed, 1 a check failed, 2 the file could not be run."""
        return 2 if self.error is not None else 0 if self.passed else 1

    @property
    def causes(self):
        return [f.cause for f in self.findings if f.cause]

    @property
    def consequences(self):
        return [c.name for c in self.checks if not c.passed and c.consequence_of]

    def summary(self):
        """{"part", "cause", "structure", ...} of the first mistake, and every mistake."""
        first = self.findings[0] if self.findings else None
        return {"passed": self.passed, "part": first and first.part, "cause": first and first.cause,
                "structure": (first.structure or first.text) if first else self.error,
                "params": list(first.params) if first else [],
                "backward_agrees_with_loss": first and first.backward_agrees,
                "look_first": first and first.look_first,
                "mistakes": [f.as_json() for f in self.findings], "consequences": self.consequences}


def exit_status(results):
    return max((r.status for r in results), default=0)


def _num(x):
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)  # JSON has no NaN or inf
    return x


def check_json(c):
    return dict(asdict(c), measured=_num(c.measured), tolerance=_num(c.tolerance))


def to_json(results):
    """[{"path", "passed", "status", "error", "mode", "summary", "checks": [{"name", "passed",
    "measured", "tolerance", "what", "diagnosis", "causes", "part", "consequence_of"}]}]."""
    return json.dumps([{"path": r.path, "passed": r.passed, "status": r.status, "error": r.error,
                        "mode": r.mode, "summary": r.summary(), "checks": [check_json(c) for c in r.checks]}
                       for r in results], indent=1)


def _show(x):
    if isinstance(x, float):
        return f"{x:.3g}"
    return "-" if x is None else str(x)


def _where(finding):
    from reference.checker.causes import PARTS
    return PARTS[finding.part][0] + (f", for {', '.join(finding.params)}" if finding.params else "")


def _what(finding):
    return (f"cause: {finding.text} [{finding.cause}]" if finding.cause
            else f"not a known mistake: {finding.structure or finding.text}")


def summary_lines(result):
    """At most five lines: passed or failed; for one mistake the part, the cause or the structure
    found, and the one place to look first; for more, the part with its cause or structure and
    the place to look first of the first two."""
    from reference.checker.causes import PARTS
    failed = sum(not c.passed for c in result.checks)
    lines = [f"{'PASSED' if result.passed else 'FAILED'}: {len(result.checks) - failed} of {len(result.checks)} "
             f"checks passed ({result.seconds:.1f} s)"]
    if len(result.findings) == 1:
        f = result.findings[0]
        return lines + [f"wrong: {_where(f)}", _what(f), f"look first: {f.look_first}"]
    shown = result.findings[:2] if len(result.findings) <= 2 else result.findings[:1]
    for f in shown:
        lines += [f"wrong: {_where(f)}: {_what(f)}", f"look first: {f.look_first}"]
    if len(result.findings) > len(shown):
        lines.append(f"and {len(result.findings) - len(shown)} more mistakes: "
                     + ", ".join(PARTS[f.part][0] for f in result.findings[1:]) + " (below)")
    return lines


def _check_line(c, width):
    mark = "ok  " if c.passed else "FAIL"
    return f"   {mark} {c.name:<{width}}  {c.what}: {_show(c.measured)} (tolerance {_show(c.tolerance)})"


def _detail(text, seen):
    """The detail lines of a check, each distinct block once."""
    if not text or text in seen:
        return [] if not text else ["          -> (the same as above)"]
    seen.add(text)
    return [f"          -> {line}" for line in text.split("\n") if line]


def render(result, verbose=False):
    """The readable report of one file: the summary, then per mistake its headline check with
    its detail and the other checks it fails, then the consequences, then what passed.
    ``verbose``: every check on its own line with its detail."""
    lines = [f"== {result.path}"]
    if result.error is not None:
        return "\n".join(lines + [f"   COULD NOT RUN: {result.error}"])
    lines += ["   " + line for line in summary_lines(result)]
    if result.mode == "function":
        lines.append("   (a loss function: the loss and gradient checks only; no scores, train or predict)")
    width = max((len(c.name) for c in result.checks), default=0)
    by_name, seen = {c.name: c for c in result.checks}, set()
    if verbose:
        for c in result.checks:
            lines.append(_check_line(c, width) + (f"  [consequence of {c.consequence_of}]" if c.consequence_of else ""))
            lines += _detail(c.diagnosis, seen)  # a passing check's detail is a note (integer inputs refused)
        return "\n".join(lines)
    for f in result.findings:
        head = by_name[f.checks[0]]
        lines.append(_check_line(head, width))
        lines += _detail(head.diagnosis, seen)
        if f.checks[1:]:
            lines.append(f"   FAIL {'':<{width}}  the same mistake: {', '.join(f.checks[1:])}")
    follows = [c for c in result.checks if not c.passed and c.consequence_of]
    if follows:
        lines.append("   consequences (they follow from the above): "
                     + ", ".join(f"{c.name} (of {c.consequence_of})" for c in follows))
    ok = [c.name for c in result.checks if c.passed]
    if ok:
        lines.append(f"   ok   {len(ok)} checks: {', '.join(ok)}")
    return "\n".join(lines)


def render_all(results, verbose=False):
    body = "\n\n".join(render(r, verbose) for r in results)
    if len(results) > 1:
        counts = [sum(r.status == s for r in results) for s in (0, 1, 2)]
        body += f"\n\n{counts[0]} passed, {counts[1]} failed, {counts[2]} could not run"
    return body
