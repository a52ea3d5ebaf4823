#!/bin/sh
# Cargo's rustc wrapper for this workspace's own crates (see
# .cargo/config.toml): an optimised build (`-C opt-level=3`, the release
# profile) of the `ouro` crate reads the committed profile
# pgo/ouro.profdata (made by scripts/pgo.sh). Every other compilation
# runs unchanged: debug builds, the build script, builds that make a
# profile (OURO_PGO=off, set by scripts/pgo.sh), and builds by a rustc
# whose LLVM differs from the one that made the profile (LLVM rejects a
# profile of another format version).
rustc=$1
shift
profile="$(cd "$(dirname "$0")/.." && pwd)/pgo/ouro.profdata"
case " $* " in
*" --crate-name ouro "*" opt-level=3 "*)
    llvm=$("$rustc" -vV | sed -n 's/^LLVM version: //p')
    if [ "${OURO_PGO:-on}" != off ] && [ -f "$profile" ] &&
        [ "$llvm" = "$(cat "$profile.llvm" 2>/dev/null)" ]; then
        exec "$rustc" "$@" "-Cprofile-use=$profile"
    fi
    ;;
esac
exec "$rustc" "$@"
