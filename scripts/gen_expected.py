#!/usr/bin/env python3
"""Generate the expected outputs of the differential test corpus with CPython 3.11.

For every test script tests/py/<topic>/NAME.py (files whose name starts with
'_' and everything in deeper folders are support modules, not tests) this runs

    python3 NAME.py            (cwd = the script's folder)

twice, in a clean environment (PYTHONDONTWRITEBYTECODE=1, PYTHONIOENCODING=utf-8,
no stdin; PYTHONHASHSEED=0 for the first run and 12345 for the second, so that
output depending on the order of string hashes shows up as a difference), and
writes the first run's results beside the script:

    NAME.out   stdout, byte for byte (always written)
    NAME.err   stderr, when the script writes to stderr or exits non-zero
    NAME.rc    the exit status, only when it is not 0

CPython prints the script's absolute path in tracebacks; the folder prefix
"<abs folder>/" is removed from stderr so that the files do not depend on
where the repository lives (the Rust runner strips it from ouro's stderr too).

If the two runs differ the script is reported as nondeterministic and no
expected file is written for it (the exit status is then 1).

usage: scripts/gen_expected.py [SUBSTRING...]   (only scripts whose relative
path contains one of the substrings; default all)
"""
import os
import subprocess
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "py")
ROOT = os.path.normpath(ROOT)
TIMEOUT = 60


def scripts():
    out = []
    for topic in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, topic)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith(".py") and not name.startswith("_"):
                out.append(os.path.join(topic, name))
    return out


def run(rel, hashseed="0"):
    path = os.path.join(ROOT, rel)
    folder = os.path.dirname(path)
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONHASHSEED": hashseed,
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "LC_ALL": "C.UTF-8",
    }
    p = subprocess.run(
        [sys.executable, os.path.basename(path)],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=TIMEOUT,
    )
    err = p.stderr
    for d in (folder, os.path.realpath(folder)):
        err = err.replace((d + os.sep).encode(), b"")
    return p.stdout, err, p.returncode


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("gen_expected.py must run under CPython 3.11, not %s" % sys.version)
    filters = sys.argv[1:]
    bad = []
    count = 0
    for rel in scripts():
        if filters and not any(f in rel for f in filters):
            continue
        first = run(rel)
        # A different hash seed for the second run: a script whose output
        # depends on the order of str hashes (sets of strings, ...) differs.
        second = run(rel, "12345")
        base = os.path.join(ROOT, rel[:-3])
        if first != second:
            bad.append(rel)
            print("NONDETERMINISTIC:", rel)
            continue
        out, err, rc = first
        with open(base + ".out", "wb") as f:
            f.write(out)
        for suffix, keep, data in (
            (".err", err or rc != 0, err),
            (".rc", rc != 0, b"%d\n" % rc),
        ):
            if keep:
                with open(base + suffix, "wb") as f:
                    f.write(data)
            elif os.path.exists(base + suffix):
                os.remove(base + suffix)
        count += 1
    print("wrote expected output for %d scripts" % count)
    if bad:
        print("%d nondeterministic scripts skipped: %s" % (len(bad), ", ".join(bad)))
        sys.exit(1)


if __name__ == "__main__":
    main()
