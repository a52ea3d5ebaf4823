//! The table behind `dict`: insertion-ordered, on `indexmap`.
//!
//! Python's key equality may run Python code (`__eq__`), which may raise
//! or even mutate the dict being searched. So the table never compares
//! keys itself: it stores each key with its hash, and lookups pass a
//! matcher. The VM's dict operations find the entries whose hash matches
//! (`candidates`), release every borrow, compare with full Python
//! semantics, and then act through an index, checking `version` to detect
//! a mutation made meanwhile (CPython restarts the lookup in that case).

use crate::heap::Obj;
use indexmap::IndexMap;
use indexmap::map::RawEntryApiV1;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A key with its Python hash.
pub struct DictKey {
    pub hash: i64,
    pub key: Obj,
}

impl Hash for DictKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

/// Identity only: the table never relies on it (lookups use matchers).
impl PartialEq for DictKey {
    fn eq(&self, other: &Self) -> bool {
        self.key.is(&other.key)
    }
}

impl Eq for DictKey {}

/// Passes the precomputed Python hash through to the table.
#[derive(Default)]
pub struct PassThroughHasher(u64);

impl Hasher for PassThroughHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_i64` is ever used; fold anything else in anyway.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ b as u64;
        }
    }

    fn write_i64(&mut self, n: i64) {
        // Spread the bits: small ints hash to themselves in Python.
        self.0 = (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Map = IndexMap<DictKey, Obj, BuildHasherDefault<PassThroughHasher>>;

fn table_hash(hash: i64) -> u64 {
    let mut h = PassThroughHasher::default();
    h.write_i64(hash);
    h.finish()
}

#[derive(Default)]
pub struct DictTable {
    map: Map,
    /// Bumped by every change of the set of keys.
    pub version: u64,
}

impl DictTable {
    pub fn new() -> Self {
        DictTable::default()
    }

    /// An empty table with room for `n` entries.
    pub fn with_capacity(n: usize) -> Self {
        DictTable { map: Map::with_capacity_and_hasher(n, Default::default()), version: 0 }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The index of the entry whose key `is_match` accepts among those
    /// with this hash. `is_match` must not run Python code.
    pub fn find(&self, hash: i64, mut is_match: impl FnMut(&Obj) -> bool) -> Option<usize> {
        self.map.raw_entry_v1().index_from_hash(table_hash(hash), |k| k.hash == hash && is_match(&k.key))
    }

    /// The keys of all entries with this hash (cloned, so the caller can
    /// compare them with Python code after releasing the table), in no
    /// particular order.
    pub fn candidates(&self, hash: i64) -> Vec<Obj> {
        let mut found = Vec::new();
        let _ = self.map.raw_entry_v1().index_from_hash(table_hash(hash), |k| {
            if k.hash == hash {
                found.push(k.key.clone());
            }
            false
        });
        found
    }

    pub fn entry(&self, index: usize) -> Option<(&DictKey, &Obj)> {
        self.map.get_index(index)
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Obj, value: Obj) {
        self.map.insert(DictKey { hash, key }, value);
        self.version += 1;
    }

    /// Replaces the value at `index`; returns the old one.
    pub fn replace_value(&mut self, index: usize, value: Obj) -> Option<Obj> {
        self.map.get_index_mut(index).map(|(_, v)| std::mem::replace(v, value))
    }

    /// Removes the entry at `index`, keeping the order of the others.
    pub fn remove_index(&mut self, index: usize) -> Option<(DictKey, Obj)> {
        let removed = self.map.shift_remove_index(index);
        self.version += 1;
        removed
    }

    /// Empties the table, giving back its storage. The old entries are
    /// returned whole (not copied out), for the caller to drop once no
    /// borrow is held.
    pub fn clear(&mut self) -> DictTable {
        let version = self.version + 1;
        let old = std::mem::take(self);
        self.version = version;
        old
    }

    pub fn iter(&self) -> impl Iterator<Item = (&DictKey, &Obj)> {
        self.map.iter()
    }
}
