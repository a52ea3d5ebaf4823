"""Writes the generated format tables as one Rust file per table (large
tables in chunks), so that no source file passes 2,000 lines.

Used by gen_format_tests.py; also runnable on an existing single-file
dump: `python3 scripts/format_tables_split.py OLD_CASES_RS OUT_DIR`.
"""
import os
import re
import sys

CHUNK = 1800  # entries per const, and so per file


def split_tables(lines, out_dir):
    lines = "\n".join(lines).split("\n")
    header, blocks, doc = [], [], []
    i = 0
    while i < len(lines):
        line = lines[i]
        m = re.match(r"pub const (\w+): (&\[.*\]) = &\[$", line)
        if m:
            name, ty = m.group(1), m.group(2)
            j = i + 1
            entries = []
            while lines[j] != "];":
                entries.append(lines[j])
                j += 1
            blocks.append((name, ty, doc, entries))
            doc = []
            i = j + 1
            continue
        if line.startswith("///"):
            doc.append(line)
        elif not blocks and line.strip() and not line.startswith("use "):
            header.append(line)
        i += 1
    os.makedirs(out_dir, exist_ok=True)
    modules = []  # (module, const)
    for name, ty, doc, entries in blocks:
        for k in range(0, max(len(entries), 1), CHUNK):
            part = k // CHUNK + 1
            const = name if part == 1 else f"{name}_{part}"
            module = const.lower()
            modules.append((module, const))
            out = header + [""]
            if "V" in ty:
                out.append("use super::super::V;\n")
            out += doc + [f"pub const {const}: {ty} = &["] + entries[k:k + CHUNK] + ["];"]
            with open(os.path.join(out_dir, module + ".rs"), "w") as f:
                f.write("\n".join(out) + "\n")
    with open(os.path.join(out_dir, "mod.rs"), "w") as f:
        f.write("\n".join(header) + "\n//! One file per table, large ones in parts (scripts/format_tables_split.py).\n\n")
        for module, _ in modules:
            f.write(f"mod {module};\n")
        f.write("\n")
        for module, const in modules:
            f.write(f"pub use {module}::{const};\n")


if __name__ == "__main__":
    src, out_dir = sys.argv[1], sys.argv[2]
    split_tables(open(src).read().split("\n"), out_dir)
