#!/bin/sh
# Cargo's rustc wrapper for this workspace's own crates (see
# .cargo/config.toml): an optimised build (`-C opt-level=3`, the release
# profile) of the `ouro` crate reads the committed profile
# pgo/ouro.profdata (made by scripts/pgo.sh). Every other compilation
# runs unchanged: debug builds, the build script, builds that make a
# profile (OURO_PGO=off, set by scripts/pgo.sh), and builds by a rustc
# whose LLVM differs from the one that made the profile (LLVM rejects a
# profile of another format version).
#
# Optimised builds of `ouro` also raise LLVM's limits on tail
# duplication, so the dispatch loop's fetch-and-jump block is copied
# into the end of every instruction's arm (threaded dispatch; see
# src/heap/wrap_buf.rs). The default limits (16 predecessors, 20
# instructions) keep one shared jump for the ~100 arms.
rustc=$1
shift
profile="$(cd "$(dirname "$0")/.." && pwd)/pgo/ouro.profdata"
case " $* " in
*" --crate-name ouro "*" opt-level=3 "*)
    set -- "$@" -Cllvm-args=-tail-dup-pred-size=1000 \
        -Cllvm-args=-tail-dup-succ-size=1000 \
        -Cllvm-args=-tail-dup-indirect-size=60
    # The executable is linked at a fixed address (not position
    # independent), as Debian links its CPython: the dispatch jump
    # tables then hold absolute addresses, one load-and-jump per
    # instruction instead of a load, a sign extension, an add and a jump.
    # With fat LTO the whole program is compiled here, in the binary's
    # crate; the library and the test binaries stay position independent.
    case " $* " in
    *" --crate-type bin "*) set -- "$@" -Crelocation-model=static ;;
    esac
    llvm=$("$rustc" -vV | sed -n 's/^LLVM version: //p')
    if [ "${OURO_PGO:-on}" != off ] && [ -f "$profile" ] &&
        [ "$llvm" = "$(cat "$profile.llvm" 2>/dev/null)" ]; then
        exec "$rustc" "$@" "-Cprofile-use=$profile"
    fi
    ;;
esac
exec "$rustc" "$@"
