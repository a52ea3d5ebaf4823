"""The file set the parser is checked and timed on: every `.py` file of
CPython 3.11's standard library (subpackages and `test/` included,
anything under `site-packages` excluded), in a fixed sorted order.

Shared by ast_diff.py and parse_throughput.py so both use the same set.
"""

import os
import sys
import sysconfig
from pathlib import Path


def require_python_311() -> None:
    """CPython 3.11 is the reference: other versions dump other trees."""
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"error: run this with CPython 3.11 (this is {sys.version.split()[0]})")


def stdlib_root() -> Path:
    return Path(sysconfig.get_paths()["stdlib"])


def stdlib_files(root: Path | None = None) -> list[Path]:
    """Absolute paths of the stdlib's .py files, sorted by relative path."""
    root = root or stdlib_root()
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != "site-packages"]
        for name in filenames:
            path = Path(dirpath, name)
            if name.endswith(".py") and path.is_file():
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def count_lines(text: str) -> int:
    """Lines as both throughput sides count them: newline characters, plus
    one for a last line without a newline."""
    return text.count("\n") + (1 if text and not text.endswith("\n") else 0)
