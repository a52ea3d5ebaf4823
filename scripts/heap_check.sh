#!/usr/bin/env bash
# The heap's unsafe code under the checkers: its unit tests under valgrind
# memcheck, then under Miri when a nightly toolchain with Miri exists.
#
#   scripts/heap_check.sh          # both
#   scripts/heap_check.sh valgrind # only valgrind
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-all}

if [[ $what == all || $what == valgrind ]]; then
    echo "== valgrind memcheck: heap tests"
    bin=$(cargo test --release --lib --no-run --message-format=json 2>/dev/null \
        | python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["target"]["kind"] == ["lib"]:
        print(m["executable"])' | tail -n 1)
    valgrind --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
        "$bin" heap:: --test-threads=1 2>&1 | grep -E "ERROR SUMMARY|definitely lost|test result"
fi

if [[ $what == all || $what == miri ]]; then
    if cargo +nightly --version >/dev/null 2>&1 && ! cargo +nightly miri --version >/dev/null 2>&1; then
        rustup component add --toolchain nightly miri rust-src >/dev/null 2>&1 || true
    fi
    if cargo +nightly miri --version >/dev/null 2>&1; then
        echo "== Miri: heap tests (the first run builds Miri's sysroot: minutes)"
        # Miri drives rustc itself: the PGO wrapper (.cargo/config.toml) is off.
        CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER= MIRIFLAGS=-Zmiri-disable-isolation cargo +nightly miri test --lib heap:: 2>&1 \
            | grep -E "^test |test result|error|Undefined" | head -40
        [[ ${PIPESTATUS[0]} == 0 ]]
    else
        echo "skipped Miri: no nightly toolchain with the miri component"
    fi
fi
