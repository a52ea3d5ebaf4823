#!/usr/bin/env python3
"""Differential test of ouro's symbol table against CPython 3.11's.

For every .py file of CPython's standard library (see stdlib_files.py),
compares a canonical dump of `symtable.symtable(src, path, 'exec')` with
what `OURO --dump-symtable FILE` prints (src/compiler/symtable.rs, `dump`).

A file whose dumps differ only in scopes' line numbers is counted apart
("differs-in-lines-only"): those come from node positions, the parser's
business, not from the symbol table.

The canonical dump, one scope after another in depth-first order (children
in source order), each line indented by two spaces per nesting level:

    <type> <name> line=<lineno> nested=<0|1>
      params: a b c                      (functions only; in order)
      locals: ...  frees: ...  globals: ...  nonlocals: ...   (functions only; sorted)
      sym <name> <SCOPE> flags=<hex> P G DG L R A I N Ann   (sorted by name)

where `flags` is the symbol's raw flag word without the scope bits (it
includes CPython's internal DEF_FREE_CLASS and DEF_COMP_ITER bits) and the
letters are the `is_*` predicates that hold: is_parameter, is_global,
is_declared_global, is_local, is_referenced, is_assigned, is_imported,
is_nonlocal, is_annotated.

Files CPython's symtable rejects are reported separately, with whether
ouro rejects them with the same message.

    python3 scripts/symtable_diff.py [OURO] [--show N] [--only S] [--jobs N]
    python3 scripts/symtable_diff.py [OURO] --cases
    python3 scripts/symtable_diff.py [OURO] --vars [--show N] [--only S]

`--cases` instead runs the snippets of ERROR_CASES, each of which
CPython's symtable rejects, and compares CPython's report
(`traceback.format_exception_only`: file, line, text, carets, message)
with what ouro prints; then compares the dumps of ACCEPTED_CASES, tricky
snippets the standard library may not exercise.

`--vars` instead compares, per file, the code objects' `co_qualname`,
`co_varnames`, `co_cellvars` and `co_freevars` of `compile(src)` with
`OURO --dump-symtable --vars FILE` (the `qualname`, `varnames`, `cellvars`
and `freevars` the compiler will use). Files differing only in the order of
`co_varnames` are counted apart: CPython's compiler adds non-parameter
locals in the order it emits them, the symbol table in the order it sees
them.

Exit status: 0 when every file agrees, 1 otherwise.
"""

import argparse
import re
import multiprocessing
import subprocess
import symtable
import sys
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stdlib_files import require_python_311, stdlib_files, stdlib_root  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SCOPE_OFF = 11
SCOPE_NAMES = {1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}


def dump_symbol(sym) -> str:
    raw = sym._Symbol__flags
    scope = SCOPE_NAMES.get((raw >> SCOPE_OFF) & 7, "NONE")
    preds = [
        ("P", sym.is_parameter()), ("G", sym.is_global()),
        ("DG", sym.is_declared_global()), ("L", sym.is_local()),
        ("R", sym.is_referenced()), ("A", sym.is_assigned()),
        ("I", sym.is_imported()), ("N", sym.is_nonlocal()),
        ("Ann", sym.is_annotated()),
    ]
    letters = " ".join(p for p, ok in preds if ok)
    return f"sym {sym.get_name()} {scope} flags={raw & ((1 << SCOPE_OFF) - 1):x} {letters}".rstrip()


def dump_table(t, depth: int, out: list) -> None:
    ind = "  " * depth
    out.append(f"{ind}{t.get_type()} {t.get_name()} line={t.get_lineno()} nested={int(t.is_nested())}")
    if t.get_type() == "function":
        out.append(f"{ind}  params: {' '.join(t._table.varnames)}".rstrip())
        out.append(f"{ind}  locals: {' '.join(sorted(t.get_locals()))}".rstrip())
        out.append(f"{ind}  frees: {' '.join(sorted(t.get_frees()))}".rstrip())
        out.append(f"{ind}  globals: {' '.join(sorted(t.get_globals()))}".rstrip())
        out.append(f"{ind}  nonlocals: {' '.join(sorted(t.get_nonlocals()))}".rstrip())
    for sym in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        out.append(f"{ind}  {dump_symbol(sym)}")
    for child in t.get_children():
        dump_table(child, depth + 1, out)


def cpython_dump(path: Path):
    """(True, dump) or (False, 'SyntaxError: msg (line N)') or (None, reason)."""
    try:
        with open(path, encoding="utf-8") as f:
            src = f.read()
    except Exception as e:
        return None, f"unreadable: {type(e).__name__}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            table = symtable.symtable(src, str(path), "exec")
    except SyntaxError as e:
        # Parse errors are the parser's business: only symtable errors count.
        try:
            compile_only_parse(src)
        except Exception:
            return None, "parse error"
        return False, f"SyntaxError: {e.msg} (line {e.lineno})"
    except Exception as e:
        return None, f"{type(e).__name__}"
    out: list = []
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 50_000))
    try:
        dump_table(table, 0, out)
    finally:
        sys.setrecursionlimit(old)
    return True, "\n".join(out) + "\n"


def compile_only_parse(src: str) -> None:
    import ast
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ast.parse(src)


def ouro_dump(ouro: str, path: Path):
    try:
        p = subprocess.run([ouro, "--dump-symtable", str(path)], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        return "timeout", ""
    out = p.stdout.decode("utf-8", "replace")
    err = p.stderr.decode("utf-8", "replace")
    if p.returncode == 0:
        return "ok", out
    if p.returncode == 1:
        return "error", err
    return "crash", err


def check(args):
    ouro, path = args
    ok, expected = cpython_dump(path)
    if ok is None:
        return path, "skipped", expected
    status, actual = ouro_dump(ouro, path)
    if ok:
        if status == "ok" and actual == expected:
            return path, "same", ""
        if status == "ok":
            if strip_lines(expected) == strip_lines(actual):
                return path, "differs-in-lines-only", first_difference(expected, actual)
            return path, "differs", first_difference(expected, actual)
        return path, "ouro-" + status, actual.strip().splitlines()[-1:] and actual.strip().splitlines()[-1]
    # CPython's symtable raised a SyntaxError.
    msg = expected.split(": ", 1)[1].rsplit(" (line", 1)[0]
    if status == "error" and msg in actual:
        return path, "both-reject", expected
    return path, "reject-mismatch", f"CPython: {expected}; ouro: {status} {actual.strip()[-200:]}"


def strip_lines(dump: str) -> str:
    return re.sub(r" line=\d+ ", " ", dump)


def first_difference(expected: str, actual: str) -> str:
    e, a = expected.splitlines(), actual.splitlines()
    for i, (x, y) in enumerate(zip(e, a)):
        if x != y:
            ctx = e[max(0, i - 3):i]
            return "\n".join(["    ..."] + [f"      {c}" for c in ctx] + [f"    - {x}", f"    + {y}"])
    return f"    length differs: CPython {len(e)} lines, ouro {len(a)} lines"


ERROR_CASES = [
    "nonlocal x\n",
    "def f(x):\n    global x\n",
    "def f(x):\n    nonlocal x\n",
    "x = 1\nglobal x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "def f():\n    def g():\n        nonlocal x\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f():\n    global y, x\n    x = 1\n    def g():\n        nonlocal x\n",
    "def f():\n    x: int\n    global x\n",
    "def f():\n    global x\n    x: int = 3\n",
    "def f():\n    y = 1\n    def g():\n        nonlocal y\n        y: int\n",
    "def f(a, b, a):\n    pass\n",
    "def f(a, *, b, **b):\n    pass\n",
    "lambda a, *, a: 0\n",
    "class C:\n    def f(self, __a, _C__a): pass\n",
    "def f():\n    from os import *\n",
    "class C:\n    from os import *\n",
    "def f():\n    [(yield x) for x in y]\n",
    "def f():\n    {(yield x) for x in y}\n",
    "def f():\n    {x: (yield from x) for x in y}\n",
    "def f():\n    ((yield x) for x in y)\n",
    "[i := 0 for i in range(3)]\n",
    "def f():\n    [[(j := 0) for i in x] for j in y]\n",
    "class C:\n    [y := 1 for x in z]\n",
    "class C:\n    def f():\n        pass\n    [[(y := 1) for a in b] for x in z]\n",
    "def f():\n    [x for x in (y := [1])]\n",
    "[x for x in y for z in (w := x)]\n",
    "[x for x in [lambda: (w := 1)]]\n",
    "[x for x in y if (j := x) for j in z]\n",
    "from __future__ import annotations\ndef f(a: (yield)): pass\n",
    "from __future__ import annotations\nx: (await y) = 1\n",
    "from __future__ import annotations\ndef f() -> (y := 1): pass\n",
    "from __future__ import braces\n",
    "from __future__ import annotations, spam\n",
    "import os; from __future__ import annotations\n",
    "def f():\n    x = 1\n    def g():\n        global x\n        def h():\n            nonlocal x\n",
    "class C:\n    nonlocal __x\n",
    "def f():\n    class C:\n        nonlocal z\n",
]


ACCEPTED_CASES = [
    "class C:\n    x = 1\n    y = [x for _ in range(3)]\n    z = [i for i in x]\n",
    "class C:\n    __class__ = 1\n    def f(self):\n        return __class__\n",
    "class C:\n    def f(self):\n        nonlocal __class__\n        __class__ = 1\n",
    "class C:\n    def f(self):\n        def g():\n            super()\n        return g\n",
    "class C:\n    f = lambda self: super()\n    g = [super() for _ in x]\n",
    "def f():\n    class C:\n        global x\n        x = 1\n        def m(self):\n            return x\n    x = 2\n",
    "def f():\n    x = 1\n    class C:\n        nonlocal x\n        x = 2\n        def m(self):\n            return x\n",
    "def f():\n    [[(y := i) for i in x] for j in z]\n    return y\n",
    "def f():\n    lambda: [(y := 1) for i in x]\n",
    "def f():\n    def g():\n        [(y := 1) for i in x]\n    return y\n",
    "[(y := 1) for i in x]\nprint(y)\n",
    "def f():\n    nonlocal_ = 1\n    def g():\n        global nonlocal_\n        def h():\n            return nonlocal_\n",
    "def f(*, a, **k):\n    del a\n    try:\n        pass\n    except E as e:\n        del k\n",
    "class __C:\n    __x = 1\n    def __m(self, __y=__x):\n        return self.__x, __y, __z\n",
    "class _:\n    __x = 1\n",
    "class C:\n    def f(self):\n        import __a.b as __c\n        import __d.e\n        from __f import __g\n",
    "from __future__ import annotations\nclass C:\n    x: List[int]\n    def f(self, a: A) -> R: pass\n",
    "class C:\n    x: List[int]\n    def f(self, a: A = d) -> R: pass\n",
    "def f():\n    x: int\n    def g():\n        return x\n",
    "async def f():\n    async with a as b:\n        async for c in d:\n            await e\n    return [x async for x in y]\n",
    "def f(a):\n    match a:\n        case {'k': [x, *y]} if (z := x):\n            pass\n        case C(a=q) | C(b=q):\n            pass\n",
    "def f():\n    def g():\n        def h():\n            return x\n        return h\n    x = 1\n    return g\n",
    "def f():\n    yield from (lambda: (yield))()\n",
    "x = [lambda: i for i in range(3)]\ny = {i: (lambda: j) for i in a for j in b}\n",
    "def f():\n    global x\n    def g():\n        x = 1\n        def h():\n            return x\n",
    "def outer():\n    def top():\n        pass\n",
    "def top():\n    a = 1\n    return a\n",
    "with open(x) as (a, b.c, d[e]):\n    pass\n",
    "try:\n    pass\nexcept* E as e:\n    pass\n",
    "def f():\n    (a, *b), c = x\n    [d, e] = f'{g!r:{h}}'\n",
]


def check_cases(ouro: str) -> int:
    import tempfile
    import traceback
    same = 0
    for src in ERROR_CASES:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(src)
            path = f.name
        try:
            symtable.symtable(src, path, "exec")
            expected = "(accepted)"
        except SyntaxError as e:
            expected = "".join(traceback.format_exception_only(type(e), e)).rstrip()
        p = subprocess.run([ouro, "--dump-symtable", path], capture_output=True)
        actual = p.stderr.decode("utf-8", "replace").rstrip() if p.returncode else "(accepted)"
        Path(path).unlink()
        if expected == actual:
            same += 1
        else:
            print(f"differs for {src!r}:\n  CPython: {expected!r}\n  ouro:    {actual!r}")
    print(f"{same}/{len(ERROR_CASES)} error reports identical")
    same_dumps = 0
    for src in ACCEPTED_CASES:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(src)
            path = Path(f.name)
        ok, expected = cpython_dump(path)
        status, actual = ouro_dump(ouro, path)
        path.unlink()
        if ok and status == "ok" and expected == actual:
            same_dumps += 1
        else:
            detail = first_difference(expected, actual) if ok and status == "ok" else f"{expected} / {status} {actual}"
            print(f"differs for {src!r}:\n{detail}")
    print(f"{same_dumps}/{len(ACCEPTED_CASES)} dumps of tricky snippets identical")
    ok = same == len(ERROR_CASES) and same_dumps == len(ACCEPTED_CASES)
    return 0 if ok else 1


def code_vars(path: Path):
    try:
        with open(path, encoding="utf-8") as f:
            src = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            code = compile(src, str(path), "exec", dont_inherit=True)
    except Exception:
        return None
    lines = []
    stack = [code]
    while stack:
        co = stack.pop()
        for c in co.co_consts:
            if hasattr(c, "co_varnames"):
                lines.append(f"{c.co_qualname} | {' '.join(c.co_varnames)} | "
                             f"{' '.join(c.co_cellvars)} | {' '.join(c.co_freevars)}")
                stack.append(c)
    return sorted(lines)


def unordered_varnames(lines):
    out = []
    for line in lines:
        q, v, c, f = line.split(" | ")
        out.append((q, sorted(v.split()), c, f))
    return sorted(out)


def check_vars(args):
    ouro, path = args
    expected = code_vars(path)
    if expected is None:
        return path, "skipped", ""
    p = subprocess.run([ouro, "--dump-symtable", "--vars", str(path)], capture_output=True)
    if p.returncode != 0:
        return path, "ouro-error", p.stderr.decode("utf-8", "replace")[-300:]
    actual = p.stdout.decode("utf-8", "replace").splitlines()
    if actual == expected:
        return path, "same", ""
    if unordered_varnames(actual) == unordered_varnames(expected):
        return path, "varnames-order", ""
    only_cpython = sorted(set(expected) - set(actual))[:3]
    only_ouro = sorted(set(actual) - set(expected))[:3]
    return path, "differs", "\n".join([f"    - {x}" for x in only_cpython] + [f"    + {x}" for x in only_ouro])


def main_vars(a, files, root) -> int:
    with multiprocessing.Pool(a.jobs) as pool:
        results = pool.map(check_vars, [(a.ouro, p) for p in files], chunksize=8)
    counts: dict = {}
    shown = 0
    for path, outcome, detail in results:
        counts[outcome] = counts.get(outcome, 0) + 1
        if outcome not in ("same", "skipped", "varnames-order") and shown < a.show:
            shown += 1
            print(f"{outcome}: {path.relative_to(root).as_posix()}\n{detail}")
    total = sum(v for k, v in counts.items() if k != "skipped")
    same = counts.get("same", 0)
    print(f"{same}/{total} files: qualnames, co_varnames, co_cellvars, co_freevars identical")
    print(f"{same + counts.get('varnames-order', 0)}/{total} files identical up to the order of co_varnames")
    print("outcomes:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    return 0 if same == total else 1


def main() -> int:
    require_python_311()
    ap = argparse.ArgumentParser()
    ap.add_argument("ouro", nargs="?", default=str(REPO / "target/release/ouro"))
    ap.add_argument("--show", type=int, default=10)
    ap.add_argument("--only", default=None, help="substring of the relative path")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cases", action="store_true", help="compare ERROR_CASES' reports and ACCEPTED_CASES' dumps")
    ap.add_argument("--vars", action="store_true", help="compare qualnames and co_*vars with compile()")
    a = ap.parse_args()
    if a.cases:
        return check_cases(a.ouro)
    root = stdlib_root()
    files = [p for p in stdlib_files(root) if a.only is None or a.only in p.relative_to(root).as_posix()]
    if a.vars:
        return main_vars(a, files, root)
    with multiprocessing.Pool(a.jobs) as pool:
        results = pool.map(check, [(a.ouro, p) for p in files], chunksize=8)
    counts: dict = {}
    shown = 0
    for path, outcome, detail in results:
        counts[outcome] = counts.get(outcome, 0) + 1
        rel = path.relative_to(root).as_posix()
        if outcome == "both-reject":
            print(f"both reject {rel}: {detail}")
        elif outcome not in ("same", "skipped") and shown < a.show:
            shown += 1
            print(f"{outcome}: {rel}\n{detail}")
    accepted = sum(v for k, v in counts.items() if k not in ("skipped", "both-reject", "reject-mismatch"))
    print(f"{counts.get('same', 0)}/{accepted} files identical")
    lines_only = counts.get("differs-in-lines-only", 0)
    if lines_only:
        print(f"{counts.get('same', 0) + lines_only}/{accepted} files identical ignoring scopes' line numbers")
    rejected = counts.get("both-reject", 0) + counts.get("reject-mismatch", 0)
    print(f"{counts.get('both-reject', 0)}/{rejected} files CPython's symtable rejects: ouro rejects them with the same message")
    print("outcomes:", ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    bad = sum(v for k, v in counts.items() if k not in ("same", "skipped", "both-reject"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
