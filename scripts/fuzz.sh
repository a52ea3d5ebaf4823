#!/usr/bin/env bash
# Fuzzes ouro's front end with cargo-fuzz (libFuzzer) for a while.
#
#   scripts/fuzz.sh [SECONDS] [TARGET]     (defaults: 600 s, target `parse`;
#                                           the other target is `lex`)
#
# Needs the nightly toolchain; installs cargo-fuzz if it is missing. The
# seed corpus (fuzz/corpus/TARGET, not committed) is cut at run time from a
# few CPython stdlib files. Prints libFuzzer's result line; exits non-zero
# when libFuzzer found a crash (saved under fuzz/artifacts/TARGET).
set -euo pipefail

seconds=${1:-600}
target=${2:-parse}
cd "$(dirname "$0")/.."

if ! cargo +nightly --version >/dev/null 2>&1; then
    echo "fuzz.sh: needs the nightly toolchain (cargo +nightly)" >&2
    exit 2
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "fuzz.sh: installing cargo-fuzz" >&2
    cargo install cargo-fuzz --locked
fi

# Seeds: a few small stdlib modules, whole and cut into 40-line pieces.
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
python3 - "$corpus" <<'PY'
import hashlib, sys, sysconfig
from pathlib import Path
stdlib = Path(sysconfig.get_paths()["stdlib"])
out = Path(sys.argv[1])
for name in ["keyword.py", "bisect.py", "colorsys.py", "this.py", "textwrap.py", "fnmatch.py", "shlex.py", "dataclasses.py"]:
    path = stdlib / name
    if not path.is_file():
        continue
    data = path.read_bytes()
    lines = data.splitlines(keepends=True)
    pieces = [data] + [b"".join(lines[i:i + 40]) for i in range(0, len(lines), 40)]
    for piece in pieces:
        (out / hashlib.sha1(piece).hexdigest()).write_bytes(piece)
PY

log=$(mktemp -t ouro-fuzz-XXXXXX.log)
status=0
cargo +nightly fuzz run "$target" "$corpus" -- \
    -max_total_time="$seconds" -max_len=8192 -timeout=10 -rss_limit_mb=4096 \
    -dict=fuzz/python.dict -print_final_stats=0 >"$log" 2>&1 || status=$?

if [ "$status" -eq 0 ]; then
    grep -E '^Done [0-9]+ runs' "$log" | tail -n 1 || tail -n 5 "$log"
    echo "fuzz.sh: $target: no crash in ${seconds} s"
else
    grep -E 'ERROR: libFuzzer|^SUMMARY|panicked at|Test unit written|^error' "$log" | head -n 20 || true
    tail -n 20 "$log"
    echo "fuzz.sh: $target: failed with status $status (full log: $log)"
fi
exit "$status"
