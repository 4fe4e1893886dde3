"""What a change touches, for mutation runs over a change only (``--changed-since REV`` of
bench.mutation and bench.deletion): the lines of each file that ``git diff REV`` adds or
changes, and mutmut's names for the functions that hold them."""

import ast
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def parse_diff(text):
    """A ``git diff -U0`` -> {path: set of the new side's line numbers it touches}. A hunk
    that only removes lines touches the lines on both sides of the gap; a removed file, none."""
    touched, path = {}, None
    for line in text.splitlines():
        if line.startswith("+++ "):
            name = line[4:].strip()
            path = None if name == "/dev/null" else name.removeprefix("b/")
            if path is not None:
                touched.setdefault(path, set())
            continue
        hunk = HUNK.match(line)
        if hunk and path is not None:
            start, length = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines = range(start, start + length) if length else (start, start + 1)
            touched[path].update(n for n in lines if n > 0)
    return touched


def changed_lines(rev, folders=("jaxnet", "reference")):
    """{path: touched lines} for the Python files under ``folders`` that differ between
    commit ``rev`` and the working tree (uncommitted edits included; a new untracked file is
    touched everywhere)."""
    git = lambda *args: subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True,
                                       check=True).stdout
    touched = parse_diff(git("diff", "-U0", "--no-color", "--no-ext-diff", rev, "--", *folders))
    for path in git("ls-files", "--others", "--exclude-standard", "--", *folders).split():
        touched[path] = set(range(1, len((ROOT / path).read_text().splitlines()) + 1))
    return {path: lines for path, lines in touched.items() if path.endswith(".py") and lines}


def mutmut_functions(source):
    """mutmut's names for the functions it can mutate in a module's source (``x_name`` for a
    top-level function, ``xǁClassǁname`` for a method of a top-level class) -> (first line,
    last line), decorators included; nested functions belong to the function around them."""
    spans = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            spans[f"x_{node.name}"] = _span(node)
        elif isinstance(node, ast.ClassDef):
            for method in node.body:
                if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    spans[f"xǁ{node.name}ǁ{method.name}"] = _span(method)
    return spans


def _span(node):
    first = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return first, node.end_lineno


def touched_functions(source, lines):
    """The names of ``mutmut_functions(source)`` whose lines include one of ``lines``."""
    return sorted(name for name, (first, last) in mutmut_functions(source).items()
                  if any(first <= n <= last for n in lines))


def module_name(path):
    """The dotted module name mutmut gives a file's mutants: jaxnet/cli/common.py ->
    jaxnet.cli.common (a package's __init__.py -> the package)."""
    return path.removesuffix(".py").removesuffix("/__init__").replace("/", ".")
