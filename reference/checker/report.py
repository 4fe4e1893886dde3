"""Results of a check and their two renderings: a readable report and JSON for autograders."""

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


@dataclass
class FileResult:
    path: str
    mode: str  # "class" (TwoLayerNet) or "function" (loss(params, X, y, reg))
    checks: list = field(default_factory=list)
    error: str = None  # set when the file could not be loaded, crashed or timed out
    seconds: float = 0.0

    @property
    def passed(self):
        return self.error is None and all(c.passed for c in self.checks)

    @property
    def status(self):
        """0 every check passed, 1 a check failed, 2 the file could not be run."""
        return 2 if self.error is not None else 0 if self.passed else 1

    @property
    def causes(self):
        return sorted({c for check in self.checks for c in check.causes})


def exit_status(results):
    return max((r.status for r in results), default=0)


def _num(x):
    if isinstance(x, float) and not math.isfinite(x):
        return str(x)  # JSON has no NaN or inf
    return x


def to_json(results):
    """[{"path", "passed", "status", "error", "mode", "checks": [{"name", "passed", "measured",
    "tolerance", "what", "diagnosis", "causes"}]}] as a JSON string."""
    files = []
    for r in results:
        checks = [dict(asdict(c), measured=_num(c.measured), tolerance=_num(c.tolerance)) for c in r.checks]
        files.append({"path": r.path, "passed": r.passed, "status": r.status, "error": r.error,
                      "mode": r.mode, "checks": checks})
    return json.dumps(files, indent=1)


def _show(x):
    if isinstance(x, float):
        return f"{x:.3g}"
    return "-" if x is None else str(x)


def render(result):
    """The readable report of one file: a line per check, the diagnosis under each failure."""
    lines = [f"== {result.path}"]
    if result.error is not None:
        lines.append(f"   COULD NOT RUN: {result.error}")
        return "\n".join(lines)
    if result.mode == "function":
        lines.append("   (a loss function: the loss and gradient checks only; no scores, train or predict)")
    width = max((len(c.name) for c in result.checks), default=0)
    shown = set()
    for c in result.checks:
        mark = "ok  " if c.passed else "FAIL"
        lines.append(f"   {mark} {c.name:<{width}}  {c.what}: {_show(c.measured)} (tolerance {_show(c.tolerance)})")
        for text in filter(None, c.diagnosis.split("\n")):
            cause = text[text.rfind("[cause:"):] if text.endswith("]") and "[cause:" in text else None
            lines.append(f"          -> {'the same cause as above ' + cause if cause and text in shown else text}")
            shown.add(text)
    failed = sum(not c.passed for c in result.checks)
    lines.append(f"   {'PASSED' if result.passed else 'FAILED'}: {len(result.checks) - failed} of "
                 f"{len(result.checks)} checks passed ({result.seconds:.1f} s)")
    return "\n".join(lines)


def render_all(results):
    body = "\n\n".join(render(r) for r in results)
    if len(results) > 1:
        counts = [sum(r.status == s for r in results) for s in (0, 1, 2)]
        body += f"\n\n{counts[0]} passed, {counts[1]} failed, {counts[2]} could not run"
    return body
