#!/usr/bin/env python3
"""Parse throughput: ouro's parser against CPython's ast.parse, same files.

Builds the list of CPython 3.11's stdlib .py files (stdlib_files.py, the
set ast_diff.py checks), then, in one run:
  - CPython: reads every file into memory (skipping files that are not
    valid UTF-8), then times ast.parse over all of them in one process.
    The interpreter is /usr/bin/python3.11 when it exists (a distribution
    build, usually optimised), else the one running this script; the
    output says which.
  - ouro: examples/parse_throughput.rs does the same with
    ouro::parse_module (`cargo run --release --example parse_throughput`,
    or a prebuilt binary given with --example-bin).
Parse errors are counted on both sides and do not stop the run. Only the
parse is timed, never the reading. Both sides must end up with the same
files and lines and reject the same number of files, or the script fails
(exit status 1): otherwise they did not do the same work.

    python3 scripts/parse_throughput.py [--repeat N] [--example-bin PATH]
                                        [--python PATH] [--limit N]
"""

import argparse
import ast
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stdlib_files import count_lines, require_python_311, stdlib_files  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
OPTIMISED_PYTHON = "/usr/bin/python3.11"


def time_cpython(list_path: str, repeat: int) -> None:
    """Run inside the chosen interpreter: the CPython side of the race."""
    sources, skipped = [], 0
    for path in Path(list_path).read_text(encoding="utf-8").splitlines():
        if not path:
            continue
        try:
            sources.append(Path(path).read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError):
            skipped += 1
    lines = sum(count_lines(s) for s in sources)
    best, errors = float("inf"), 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(repeat):
            errors = 0
            start = time.perf_counter()
            for source in sources:
                try:
                    ast.parse(source)
                except Exception:  # SyntaxError, RecursionError, MemoryError, ValueError...
                    errors += 1
            best = min(best, time.perf_counter() - start)
    print(f"files: {len(sources)}\nskipped: {skipped}\nlines: {lines}\nerrors: {errors}")
    print(f"seconds: {best:.6f}\nlines_per_second: {lines / best:.0f}")


def parse_report(text: str) -> dict[str, float]:
    report = {}
    for line in text.splitlines():
        key, sep, value = line.partition(": ")
        if sep:
            report[key] = float(value)
    return report


def run(cmd: list[str]) -> dict[str, float]:
    """Runs one side; its stderr (cargo's build output) passes through."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, cwd=REPO)
    if proc.returncode != 0:
        sys.exit(f"error: {' '.join(cmd)} exited with status {proc.returncode}")
    return parse_report(proc.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description="Parse throughput of ouro against CPython's ast.parse.")
    parser.add_argument("--repeat", type=int, default=1, help="timed passes per side; the fastest counts (default 1)")
    parser.add_argument("--example-bin", metavar="PATH",
                        help="prebuilt parse_throughput example (default: cargo run --release --example)")
    parser.add_argument("--python", metavar="PATH",
                        help=f"interpreter for the CPython side (default {OPTIMISED_PYTHON} if it exists, "
                             "else this one)")
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N files (for a quick look)")
    parser.add_argument("--time-cpython", metavar="LIST", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.time_cpython:
        time_cpython(args.time_cpython, args.repeat)
        return 0

    require_python_311()
    python = args.python or (OPTIMISED_PYTHON if os.path.exists(OPTIMISED_PYTHON) else sys.executable)
    files = stdlib_files()[:args.limit]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", prefix="ouro-files-", delete=False) as f:
        f.write("".join(f"{p}\n" for p in files))
        list_path = f.name
    try:
        version = subprocess.run([python, "-c", "import sys; print(sys.version.split()[0])"],
                                 capture_output=True, text=True, check=True).stdout.strip()
        print(f"{len(files)} stdlib files listed; CPython side: {python} (CPython {version})", flush=True)
        cpython = run([python, str(Path(__file__).resolve()), "--time-cpython", list_path,
                       "--repeat", str(args.repeat)])
        if args.example_bin:
            example = [args.example_bin]
        else:
            example = ["cargo", "run", "--release", "--quiet", "--example", "parse_throughput", "--"]
        ouro = run(example + [list_path, "--repeat", str(args.repeat)])
    finally:
        os.unlink(list_path)

    print()
    print(f"{'':8} {'files':>6} {'lines':>9} {'errors':>6} {'seconds':>9} {'lines/s':>11}")
    for name, r in (("CPython", cpython), ("ouro", ouro)):
        print(f"{name:8} {r['files']:>6.0f} {r['lines']:>9.0f} {r['errors']:>6.0f} "
              f"{r['seconds']:>9.3f} {r['lines_per_second']:>11,.0f}")
    if (cpython["files"], cpython["lines"]) != (ouro["files"], ouro["lines"]):
        print("\nerror: the two sides did not read the same files", flush=True)
        return 1
    if cpython["errors"] != ouro["errors"]:
        print(f"\nerror: CPython rejected {cpython['errors']:.0f} files and ouro {ouro['errors']:.0f}: "
              "the two sides did not do the same work, so the speeds are not comparable", flush=True)
        return 1
    print(f"\nouro / CPython: {ouro['lines_per_second'] / cpython['lines_per_second']:.2f}x "
          f"(best of {args.repeat} pass{'es' if args.repeat > 1 else ''} each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
