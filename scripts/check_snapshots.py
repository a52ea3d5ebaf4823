#!/usr/bin/env python3
"""Checks the front-end snapshots against CPython itself.

For every tests/cases/ast/*.py, the stored snapshot body must equal
CPython's ast.dump(ast.parse(source)). For every tests/cases/errors/*.py,
the message line of the stored snapshot (the line before the
"[kind: ..., incomplete: ...]" line) must equal the last line of
traceback.format_exception_only for CPython's error; the whole report (file
line, source line, carets) is compared too and listed when only it differs,
and the snapshot's `incomplete` flag must agree with codeop (the REPL's
test: compile_command returns None when the input is merely unfinished).

tests/cases/known_differences/{ast,errors}/ hold the cases where ouro is
known to differ from CPython; the harness does not glob them, so no
snapshot asserts the wrong output. The script only checks that CPython still
accepts (ast) or rejects (errors) each of them and counts them. Once ouro
is fixed, move a case back and regenerate its snapshot.

Run with the CPython the snapshots target (3.11). Exit status 1 when
anything differs or a snapshot is missing.
"""

import ast
import codeop
import os
import sys
import traceback
import warnings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = os.path.join(ROOT, "tests", "cases")
SNAPSHOTS = os.path.join(ROOT, "tests", "snapshots")


def read_snapshots():
    """Maps each snapshot's input file (relative to tests/) to its body."""
    found = {}
    if not os.path.isdir(SNAPSHOTS):
        return found
    for name in sorted(os.listdir(SNAPSHOTS)):
        if not name.endswith(".snap"):
            continue
        with open(os.path.join(SNAPSHOTS, name), encoding="utf-8", newline="") as fh:
            text = fh.read()
        # Header: "---\n<yaml>\n---\n", then the body.
        if not text.startswith("---\n"):
            continue
        end = text.find("\n---\n", 3)
        if end < 0:
            continue
        header, body = text[4:end], text[end + 5:]
        input_file = None
        for line in header.splitlines():
            if line.startswith("input_file:"):
                input_file = line.split(":", 1)[1].strip().strip('"')
        if input_file is None:
            continue
        input_file = input_file.replace("\\", "/")
        if input_file.startswith("tests/"):
            input_file = input_file[len("tests/"):]
        found[input_file] = body.rstrip("\n")
    return found


def read_text(path):
    """The case as text, as the Rust harness reads it: a BOM stays in."""
    with open(path, "rb") as fh:
        return fh.read().decode("utf-8")


def cpython_error(path):
    source = read_text(path)
    try:
        ast.parse(source, filename=os.path.basename(path))
    except (SyntaxError, RecursionError, MemoryError, ValueError) as e:
        return "".join(traceback.format_exception_only(type(e), e)).rstrip("\n")
    return None


def cpython_incomplete(path):
    with open(path, "rb") as fh:
        source = fh.read().decode("utf-8-sig")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return codeop.compile_command(source, path, "exec") is None
        except (SyntaxError, ValueError, OverflowError):
            return False


def main():
    warnings.simplefilter("ignore", SyntaxWarning)
    if sys.version_info[:2] != (3, 11):
        print(f"warning: running on Python {sys.version.split()[0]}, the snapshots target 3.11")
    snaps = read_snapshots()
    checked = matched = 0
    problems = []

    ast_dir = os.path.join(CASES, "ast")
    for name in sorted(os.listdir(ast_dir)):
        if not name.endswith(".py"):
            continue
        checked += 1
        key = f"cases/ast/{name}"
        path = os.path.join(ast_dir, name)
        source = read_text(path)
        try:
            expected = ast.dump(ast.parse(source))
        except SyntaxError as e:
            problems.append((key, "CPython does not parse it", str(e)))
            continue
        got = snaps.get(key)
        if got is None:
            problems.append((key, "no snapshot", expected))
        elif got != expected:
            problems.append((key, f"ouro:    {got}", f"CPython: {expected}"))
        else:
            matched += 1

    err_dir = os.path.join(CASES, "errors")
    full_mismatch = []
    for name in sorted(os.listdir(err_dir)):
        if not name.endswith(".py"):
            continue
        checked += 1
        key = f"cases/errors/{name}"
        report = cpython_error(os.path.join(err_dir, name))
        if report is None:
            problems.append((key, "CPython parses it", ""))
            continue
        expected = report.splitlines()[-1]
        got = snaps.get(key)
        if got is None:
            problems.append((key, "no snapshot", expected))
            continue
        lines = got.splitlines()
        if lines and lines[-1].startswith("[kind:"):
            flag = lines[-1]
            lines = lines[:-1]
            incomplete = cpython_incomplete(os.path.join(err_dir, name))
            if ("incomplete: true" in flag) != incomplete:
                problems.append((key, f"ouro:    {flag}", f"codeop: incomplete={incomplete}"))
                continue
        got_msg = lines[-1] if lines else ""
        if got_msg != expected:
            problems.append((key, f"ouro:    {got_msg}", f"CPython: {expected}"))
        else:
            matched += 1
            if "\n".join(lines) != report:
                full_mismatch.append((key, "\n".join(lines), report))

    for key, a, b in problems:
        print(f"MISMATCH {key}\n  {a}\n  {b}")
    for key, a, b in full_mismatch:
        print(f"REPORT DIFFERS {key}\n--- ouro\n{a}\n--- CPython\n{b}")

    known = []
    for sub in ("ast", "errors"):
        d = os.path.join(CASES, "known_differences", sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if name.endswith(".py"):
                fails = cpython_error(os.path.join(d, name)) is not None
                if fails != (sub == "errors"):
                    print(f"BAD CASE known_differences/{sub}/{name}: CPython {'rejects' if fails else 'accepts'} it")
                known.append(f"{sub}/{name}")
    print(f"{matched}/{checked} snapshots match CPython in the message/dump"
          f" ({len(problems)} mismatches), {matched - len(full_mismatch)}/{checked} exactly"
          f" ({len(full_mismatch)} error reports differ in location/carets);"
          f" {len(known)} known differences not snapshotted")
    return 1 if problems or full_mismatch else 0


if __name__ == "__main__":
    sys.exit(main())
