#!/usr/bin/env python3
"""Differential test of ouro's parser against CPython 3.11's.

For every .py file of CPython's standard library (see stdlib_files.py),
compares what CPython computes in this process,

    ast.dump(ast.parse(open(f, encoding="utf-8").read()))

with what `OURO --dump-ast FILE` prints. This is `open(f).read()` under a
UTF-8 locale, pinned so that the oracle does not depend on the locale;
like `open`, it translates line endings and keeps a byte-order mark.

Any exception while reading or parsing (undecodable file, SyntaxError,
RecursionError, MemoryError, ValueError, ...) means "CPython rejects the
file"; ouro must then reject it too (exit status 1). A crash is an exit status other than 0 or 1, a
signal, or "panicked" on stderr. Nothing is cached: every run parses every
file on both sides.

    python3 scripts/ast_diff.py [OURO] [--show N] [--limit N] [--only S]
                                [--jobs N] [--timeout S] [--quick]

Exit status: 0 when every file agrees, 1 otherwise, 2 on a usage error.
"""

import argparse
import ast
import multiprocessing
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stdlib_files import require_python_311, stdlib_files, stdlib_root  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
QUICK_STEP = 10  # --quick checks every 10th file in sorted order

# Outcomes of one file.
SAME = "same"                  # CPython parses it; ouro prints the same dump
DIFFERS = "differs"            # CPython parses it; ouro prints another dump
OURO_REJECTS = "ouro-rejects"  # CPython parses it; ouro exits 1
BOTH_REJECT = "both-reject"    # CPython rejects it; so does ouro
OURO_ACCEPTS = "ouro-accepts"  # CPython rejects it; ouro exits 0
CRASH = "crash"
TIMEOUT = "timeout"


@dataclass
class Result:
    rel: str
    cpython_ok: bool
    outcome: str
    detail: str = ""


def cpython_dump(path: Path) -> tuple[bool, str]:
    """(True, dump) if CPython parses the file, else (False, the error)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with open(path, encoding="utf-8") as f:
                tree = ast.parse(f.read())
    except Exception as e:  # UnicodeDecodeError, SyntaxError, RecursionError, MemoryError, ValueError...
        return False, f"{type(e).__name__}: {e}"
    # ast.parse ran under the default recursion limit, which sets CPython's
    # own depth limit; dumping a deep tree is plain Python recursion and
    # needs more room than that.
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 50_000))
    try:
        return True, ast.dump(tree)
    finally:
        sys.setrecursionlimit(old)


def first_difference(expected: str, actual: str, width: int = 60) -> str:
    """A window around the first character where the two dumps differ."""
    i = 0
    n = min(len(expected), len(actual))
    block = 4096
    while i + block <= n and expected[i:i + block] == actual[i:i + block]:
        i += block
    while i < n and expected[i] == actual[i]:
        i += 1
    lo = max(0, i - width)
    cut = lambda s: ("..." if lo else "") + s[lo:i + width] + ("..." if len(s) > i + width else "")
    return (f"first difference at character {i} "
            f"(cpython {len(expected)} chars, ouro {len(actual)} chars)\n"
            f"      cpython: {cut(expected)}\n"
            f"      ouro:    {cut(actual)}")


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else "(no message)"


def check(task: tuple[Path, str, str, float]) -> Result:
    path, rel, ouro, timeout = task
    cpython_ok, expected = cpython_dump(path)
    try:
        proc = subprocess.run([ouro, "--dump-ast", str(path)], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Result(rel, cpython_ok, TIMEOUT, f"no answer within {timeout:g} s")
    stdout = proc.stdout.decode("utf-8", errors="replace")
    stderr = proc.stderr.decode("utf-8", errors="replace")
    code = proc.returncode
    if code < 0:
        return Result(rel, cpython_ok, CRASH, f"killed by signal {-code}: {last_line(stderr)}")
    if code not in (0, 1) or "panicked" in stderr:
        return Result(rel, cpython_ok, CRASH, f"exit status {code}: {last_line(stderr)}")
    if cpython_ok:
        if code == 1:
            return Result(rel, True, OURO_REJECTS, last_line(stderr))
        actual = stdout[:-1] if stdout.endswith("\n") else stdout
        if actual == expected:
            return Result(rel, True, SAME)
        return Result(rel, True, DIFFERS, first_difference(expected, actual))
    if code == 1:
        return Result(rel, False, BOTH_REJECT)
    return Result(rel, False, OURO_ACCEPTS, f"CPython: {expected}")


def select(files: list[Path], root: Path, args) -> list[Path]:
    if args.quick:
        files = files[::QUICK_STEP]
    if args.only:
        files = [f for f in files if args.only in f.relative_to(root).as_posix()]
    if args.limit is not None:
        files = files[:args.limit]
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description="Compare ouro --dump-ast with CPython's ast.dump over the stdlib.")
    parser.add_argument("ouro", nargs="?", default=str(REPO / "target/release/ouro"),
                        help="path to the ouro binary (default: target/release/ouro)")
    parser.add_argument("--show", type=int, default=10, metavar="N",
                        help="list the first N mismatches and the first N crashes/timeouts (default 10)")
    parser.add_argument("--limit", type=int, metavar="N", help="check only the first N selected files")
    parser.add_argument("--only", metavar="SUBSTRING", help="check only paths containing SUBSTRING")
    parser.add_argument("--jobs", type=int, default=2, help="parallel workers (default 2)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per file (default 30)")
    parser.add_argument("--quick", action="store_true",
                        help=f"CI's short form: every {QUICK_STEP}th file in sorted order")
    args = parser.parse_args()

    require_python_311()
    ouro = Path(args.ouro)
    if not ouro.is_file():
        print(f"error: no ouro binary at {ouro} (build it with `cargo build --release`)", file=sys.stderr)
        return 2
    root = stdlib_root()
    files = select(stdlib_files(root), root, args)
    if not files:
        print("error: no files selected", file=sys.stderr)
        return 2

    print(f"CPython {sys.version.split()[0]} ({sys.executable}), stdlib {root}")
    print(f"ouro {ouro}; {len(files)} files{' (quick sample)' if args.quick else ''}, {args.jobs} jobs")
    tasks = [(f, f.relative_to(root).as_posix(), str(ouro), args.timeout) for f in files]
    results = []
    with multiprocessing.Pool(max(1, args.jobs)) as pool:
        for i, result in enumerate(pool.imap(check, tasks, chunksize=1), 1):
            results.append(result)
            if i % 200 == 0:
                print(f"  ... {i}/{len(tasks)}", file=sys.stderr, flush=True)

    count = lambda outcome: sum(r.outcome == outcome for r in results)
    parsed = [r for r in results if r.cpython_ok]
    rejected = [r for r in results if not r.cpython_ok]
    mismatches = [r for r in results if r.outcome in (DIFFERS, OURO_REJECTS, OURO_ACCEPTS)]
    crashes = [r for r in results if r.outcome in (CRASH, TIMEOUT)]

    if args.show > 0:
        for title, group in (("Mismatches", mismatches), ("Crashes and timeouts", crashes)):
            if group:
                print(f"\n{title} (first {min(args.show, len(group))} of {len(group)}):")
                for r in group[:args.show]:
                    print(f"  {r.rel}: {r.outcome}\n      {r.detail}")

    print()
    print(f"{count(SAME)}/{len(parsed)} files identical")
    print(f"{count(BOTH_REJECT)}/{len(rejected)} rejected files also rejected by ouro")
    print(f"differs {count(DIFFERS)}, ouro rejects {count(OURO_REJECTS)}, ouro accepts {count(OURO_ACCEPTS)}, "
          f"crashes {count(CRASH)}, timeouts {count(TIMEOUT)}")
    return 0 if not mismatches and not crashes else 1


if __name__ == "__main__":
    sys.exit(main())
