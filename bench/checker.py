#!/usr/bin/env python
"""Time check-two-layer-net: one file end to end in a cold process, and 100 files; prints JSON.

    python -m bench.checker                                  # about a minute on 2 cores
    python -m bench.checker --out results/checker_cpu.json

Every figure is the wall time of a fresh ``python -m reference.checker ...`` process, JAX's
import and compilation included. "cold": the persistent compilation cache off
(JAXNET_COMPILE_CACHE=off); "warm cache": a second run with a cache folder the first filled.
The 100 files are copies of the test nets, spread over them (the three correct ones in tests/checker_impls,
a buggy one per cause from tests/checker_impls/bugs.py, the nets with mistakes outside the
catalogue from tests/checker_impls/unknown_bugs.py, and the first held-out set,
tests/checker_impls/heldout_set1), so most of them fail and need every hypothesis. The CPU is read from /proc/cpuinfo (model name, flags).
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.checker_impls.bugs import BUGS, write_buggy
from tests.checker_impls.unknown_bugs import UNKNOWN, unknown_source

ROOT = Path(__file__).resolve().parents[1]
IMPLS = ROOT / "tests" / "checker_impls"


def cpu():
    """The CPU's model name and the SIMD flags that matter to XLA, from /proc/cpuinfo."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return {"model": platform.processor(), "flags": [], "cores": os.cpu_count()}
    fields = dict((k.strip(), v.strip()) for k, _, v in (line.partition(":") for line in text.splitlines()) if v)
    flags = fields.get("flags", "").split()
    wanted = ("avx", "avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni", "amx_tile")
    return {"model": fields.get("model name", "?"), "flags": [f for f in wanted if f in flags],
            "cores": os.cpu_count()}


def timed(files, cache):
    """Wall seconds and exit status of one checker process on ``files``."""
    env = dict(os.environ, JAXNET_COMPILE_CACHE=str(cache) if cache else "off")
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "reference.checker", "--quiet", *map(str, files)],
                          env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"the checker failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return round(seconds, 2), proc.returncode


def hundred_files(folder):
    bugs = folder / "bugs"
    bugs.mkdir()
    unknown = [bugs / f"unknown_{name}.py" for name in sorted(UNKNOWN)]
    for path in unknown:
        path.write_text(unknown_source(path.stem.removeprefix("unknown_")))
    impls = [IMPLS / "correct_vectorised.py", IMPLS / "correct_loops.py", IMPLS / "correct_functional.py",
             *(write_buggy(cause, bugs) for cause in sorted(BUGS)), *unknown,
             *sorted((IMPLS / "heldout_set1").glob("*.py"))]
    files = []
    for i in range(100):  # spread over the nets, in turn if there are fewer than 100
        src = impls[i * len(impls) // 100 if len(impls) > 100 else i % len(impls)]
        files.append(folder / f"{i:03d}_{src.name}")
        shutil.copy(src, files[-1])
    return files


def run(repeats):
    work = Path(tempfile.mkdtemp(prefix="checker-bench-"))
    try:
        cache = work / "xla"
        files = hundred_files(work)
        correct, buggy = IMPLS / "correct_vectorised.py", work / "bugs" / "bug_db1_no_mask.py"
        beyond = work / "bugs" / "bug_softmax_column_max.py"  # needs the formulas' program too
        load_before = os.getloadavg()
        best = lambda f: min(timed(*f) for _ in range(repeats))  # noqa: E731
        result = {
            "one_correct_file_cold_s": best(([correct], None))[0],
            "one_buggy_file_cold_s": best(([buggy], None))[0],
            "one_file_beyond_the_catalogue_cold_s": best(([beyond], None))[0],
            "hundred_files_cold_s": best((files, None))[0],
        }
        timed([buggy], cache)  # fills the cache
        result["one_buggy_file_warm_cache_s"] = best(([buggy], cache))[0]
        result["hundred_files_warm_cache_s"] = best((files, cache))[0]
        result["load_average_before"] = [round(x, 2) for x in load_before]
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--repeats", type=int, default=1, help="take the best of this many runs of each")
    p.add_argument("--out", help="also write the JSON to this file")
    args = p.parse_args(argv)
    import jax
    result = {"cpu": cpu(), "python": platform.python_version(), "jax": jax.__version__,
              "command": "python -m bench.checker" + (f" --repeats {args.repeats}" if args.repeats > 1 else ""),
              **run(args.repeats)}
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
