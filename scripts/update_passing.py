#!/usr/bin/env python3
"""Rewrite tests/py/PASSING with every differential script that ouro passes.

Runs the built binary (target/debug/ouro by default; --bin PATH or $OURO_BIN
to choose another) over every script of tests/py, under every heap strategy
that `ouro --heaps` lists (once without --heap if that fails), and compares
exactly as tests/differential.rs does: stdout with NAME.out (or NAME.out.HEAP),
the exit status with NAME.rc (0 when absent), stderr with NAME.err after
removing marker lines (only spaces, '^' and '~') and the script folder's
absolute path prefix.

PASSING only grows: a listed script that now fails is reported, and the file
is left untouched unless --allow-drop is given.

usage: scripts/update_passing.py [--bin PATH] [--allow-drop] [--dry-run] [SUBSTRING]
  SUBSTRING  only run scripts whose path contains it (others keep their state)
"""
import argparse
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

REPO = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
ROOT = os.path.join(REPO, "tests", "py")
PASSING = os.path.join(ROOT, "PASSING")
TIMEOUT = 20
HEADER = """\
# Scripts of the differential corpus that ouro must pass, one path a line,
# relative to tests/py (e.g. calls/keyword_arguments.py). `#` starts a comment.
# tests/differential.rs fails if a listed script fails under any heap strategy.
# Grow this list with scripts/update_passing.py; never drop entries by hand.
"""


def scripts():
    out = []
    for topic in sorted(os.listdir(ROOT)):
        folder = os.path.join(ROOT, topic)
        if os.path.isdir(folder):
            for name in sorted(os.listdir(folder)):
                if name.endswith(".py") and not name.startswith("_"):
                    out.append(topic + "/" + name)
    return out


def listed():
    try:
        text = open(PASSING).read()
    except FileNotFoundError:
        return []
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def heaps(binary):
    try:
        p = subprocess.run([binary, "--heaps"], capture_output=True, stdin=subprocess.DEVNULL, timeout=TIMEOUT)
    except (OSError, subprocess.TimeoutExpired):
        return [None]
    names = [l.strip() for l in p.stdout.decode(errors="replace").splitlines() if l.strip()]
    return names if p.returncode == 0 and names else [None]


def strip_markers(data):
    lines = data.decode("utf-8", errors="replace").splitlines(keepends=True)
    keep = []
    for line in lines:
        body = line.rstrip("\n")
        if body.strip() and all(c in " ^~" for c in body):
            continue
        keep.append(line)
    return "".join(keep)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def passes(binary, rel, heap):
    path = os.path.join(ROOT, rel)
    folder = os.path.dirname(path)
    base = path[:-3]
    cmd = [binary] + ([f"--heap={heap}"] if heap else []) + [os.path.basename(path)]
    env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": "0", "LC_ALL": "C.UTF-8"}
    try:
        p = subprocess.run(cmd, cwd=folder, env=env, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return False
    expected_out = (read(base + ".out." + heap) if heap else None) or read(base + ".out")
    if expected_out is None:
        return False
    rc = read(base + ".rc")
    expected_rc = int(rc.decode().strip()) if rc else 0
    expected_err = read(base + ".err") or b""
    err = p.stderr
    for d in (folder, os.path.realpath(folder)):
        err = err.replace((d + os.sep).encode(), b"")
    return (
        p.returncode == expected_rc
        and p.stdout == expected_out
        and strip_markers(err) == strip_markers(expected_err)
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=os.environ.get("OURO_BIN", os.path.join(REPO, "target", "debug", "ouro")))
    ap.add_argument("--allow-drop", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("filter", nargs="?", default="")
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f"no binary at {args.bin}: run `cargo build` first or pass --bin")
    hs = heaps(args.bin)
    old = listed()
    selected = [s for s in scripts() if args.filter in s]

    def check(rel):
        return rel, all(passes(args.bin, rel, h) for h in hs)

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = dict(pool.map(check, selected))
    now = {rel for rel, ok in results.items() if ok}
    # Scripts outside the filter keep their listed state.
    kept = {rel for rel in old if rel not in results}
    new_list = sorted(now | kept)
    dropped = sorted(rel for rel in old if rel in results and rel not in now)
    gone = sorted(rel for rel in old if rel not in results and rel not in scripts())
    added = sorted(now - set(old))
    print(f"{len(now)}/{len(selected)} scripts pass under {', '.join(h or '(no --heap)' for h in hs)}")
    for rel in added:
        print("  + " + rel)
    for rel in dropped + gone:
        print("  - " + rel + ("  (no such script)" if rel in gone else "  (listed, now FAILS)"))
    if (dropped or gone) and not args.allow_drop:
        print(f"refusing to drop {len(dropped) + len(gone)} listed script(s): fix them or pass --allow-drop")
        sys.exit(1)
    if gone:
        new_list = [r for r in new_list if r not in gone]
    if args.dry_run:
        print("dry run: PASSING not written")
        return
    with open(PASSING, "w") as f:
        f.write(HEADER)
        for rel in new_list:
            f.write(rel + "\n")
    print(f"wrote {PASSING} ({len(new_list)} scripts, {len(added)} added)")


if __name__ == "__main__":
    main()
