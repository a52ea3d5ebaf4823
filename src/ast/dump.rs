//! `ast.dump` of CPython 3.11, byte for byte.

use super::Mod;

/// What `ast.dump(tree)` prints for a module.
pub fn dump_mod(_m: &Mod) -> String {
    unimplemented!("ast dump is being written")
}
