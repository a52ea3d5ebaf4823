#!/usr/bin/env bash
# Profile-guided optimisation: regenerates pgo/ouro.profdata, the profile
# every release build of the `ouro` crate uses (.cargo/config.toml makes
# scripts/rustc-pgo.sh pass `-Cprofile-use` to rustc).
#
#   scripts/pgo.sh          # instrumented build, training run, merge
#
# The training workload is the differential test corpus (tests/py, every
# script under every heap strategy), as CPython trains its PGO build on
# its own test suite: the profile teaches the compiler which branches of
# the interpreter are hot in Python programs in general, not in one
# benchmark. Most corpus scripts are short, so their profile is mostly
# start-up and compilation; tests/py/workloads (small whole programs: float
# and integer loops, classes, generators, text, graphs) supply the hot
# loops. The benchmark programs in ../shared/bench are never used. Needs the `llvm-tools` rustup component for llvm-profdata
# (installed here on first use).
#
# A profile only describes the code it was made from. After changes to
# hot code, run this again and commit the new profile: functions whose
# shape changed are compiled without profile data until then (correct,
# only slower).
set -euo pipefail
cd "$(dirname "$0")/.."

sysroot=$(rustc --print sysroot)
host=$(rustc -vV | sed -n 's/^host: //p')
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
if [[ ! -x $profdata ]]; then
    rustup component add llvm-tools >/dev/null
fi

raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT
gen_target=target/pgo-gen

echo "== instrumented build ($gen_target)"
# OURO_PGO=off: scripts/rustc-pgo.sh must not add the old profile.
OURO_PGO=off RUSTFLAGS="-Cprofile-generate=$raw" CARGO_TARGET_DIR=$gen_target \
    cargo build --release --bin ouro
bin=$PWD/$gen_target/release/ouro

echo "== training run: tests/py under every heap strategy"
mapfile -t heaps < <("$bin" --heaps)
count=0
for script in tests/py/*/*.py; do
    dir=$(dirname "$script")
    for heap in "${heaps[@]}"; do
        (cd "$dir" && PYTHONHASHSEED=0 LC_ALL=C.UTF-8 timeout 60 \
            "$bin" --heap="$heap" "$(basename "$script")" </dev/null >/dev/null 2>&1) || true
        count=$((count + 1))
    done
done
echo "$count runs"

echo "== merge into pgo/ouro.profdata"
mkdir -p pgo
"$profdata" merge -o pgo/ouro.profdata "$raw"
# The LLVM that reads the profile must be this one (scripts/rustc-pgo.sh).
rustc -vV | sed -n 's/^LLVM version: //p' > pgo/ouro.profdata.llvm
ls -l pgo/ouro.profdata
