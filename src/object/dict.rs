//! The table behind `dict`: insertion-ordered; a plain vector while small,
//! then an `indexmap`.
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
use indexmap::map::raw_entry_v1::RawEntryMut;
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

/// Up to this many entries a table is a plain vector searched from the
/// start (comparing stored hashes first), as most dicts are small: an
/// instance's attributes, keyword arguments, little literals. That saves
/// the hash index's allocation and upkeep; past it, the entries move into
/// an `IndexMap`.
const SMALL: usize = 8;

enum Store {
    Small(Vec<(DictKey, Obj)>),
    /// Boxed, so that every dict object (most of them small) is smaller.
    Map(Box<Map>),
}

impl Default for Store {
    fn default() -> Self {
        Store::Small(Vec::new())
    }
}

/// Kept small: every dict object, and every class, holds one.
const _: () = assert!(std::mem::size_of::<DictTable>() <= 32);

#[derive(Default)]
pub struct DictTable {
    store: Store,
    /// Bumped by every change of the set of keys.
    pub version: u64,
}

impl DictTable {
    pub fn new() -> Self {
        DictTable::default()
    }

    /// An empty table with room for `n` entries.
    pub fn with_capacity(n: usize) -> Self {
        let store = if n <= SMALL {
            Store::Small(Vec::with_capacity(n))
        } else {
            Store::Map(Box::new(Map::with_capacity_and_hasher(n, Default::default())))
        };
        DictTable { store, version: 0 }
    }

    pub fn len(&self) -> usize {
        match &self.store {
            Store::Small(v) => v.len(),
            Store::Map(m) => m.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The index of the entry whose key `is_match` accepts among those
    /// with this hash. `is_match` must not run Python code.
    pub fn find(&self, hash: i64, mut is_match: impl FnMut(&Obj) -> bool) -> Option<usize> {
        match &self.store {
            Store::Small(v) => v.iter().position(|(k, _)| k.hash == hash && is_match(&k.key)),
            Store::Map(m) => m.raw_entry_v1().index_from_hash(table_hash(hash), |k| k.hash == hash && is_match(&k.key)),
        }
    }

    /// The keys of all entries with this hash (cloned, so the caller can
    /// compare them with Python code after releasing the table), in no
    /// particular order.
    pub fn candidates(&self, hash: i64) -> Vec<Obj> {
        let mut found = Vec::new();
        match &self.store {
            Store::Small(v) => found.extend(v.iter().filter(|(k, _)| k.hash == hash).map(|(k, _)| k.key.clone())),
            Store::Map(m) => {
                let _ = m.raw_entry_v1().index_from_hash(table_hash(hash), |k| {
                    if k.hash == hash {
                        found.push(k.key.clone());
                    }
                    false
                });
            }
        }
        found
    }

    #[inline]
    pub fn entry(&self, index: usize) -> Option<(&DictKey, &Obj)> {
        match &self.store {
            Store::Small(v) => v.get(index).map(|(k, v)| (k, v)),
            Store::Map(m) => m.get_index(index),
        }
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Obj, value: Obj) {
        match &mut self.store {
            Store::Small(v) if v.len() < SMALL => v.push((DictKey { hash, key }, value)),
            Store::Small(v) => {
                let mut m = Map::with_capacity_and_hasher(v.len() * 2, Default::default());
                m.extend(v.drain(..));
                m.insert(DictKey { hash, key }, value);
                self.store = Store::Map(Box::new(m));
            }
            Store::Map(m) => {
                m.insert(DictKey { hash, key }, value);
            }
        }
        self.version += 1;
    }

    /// Sets `key` to `value` with one probe of the table, when `eq`
    /// (which must not run Python code) decides every comparison:
    /// `Ok(old value)` when the key was there, `Ok(None)` when it was
    /// appended. `Err((key, value))`, with nothing changed, when no key
    /// matched but some comparison needs Python's `__eq__`.
    #[inline]
    pub fn set_builtin(&mut self, hash: i64, key: Obj, value: Obj, mut eq: impl FnMut(&Obj, &Obj) -> Option<bool>) -> Result<Option<Obj>, (Obj, Obj)> {
        let mut needs_python = false;
        let mut is_match = |k: &Obj| match eq(k, &key) {
            Some(e) => e,
            None => {
                needs_python = true;
                false
            }
        };
        match &mut self.store {
            Store::Small(v) => {
                if let Some((_, slot)) = v.iter_mut().find(|(k, _)| k.hash == hash && is_match(&k.key)) {
                    return Ok(Some(std::mem::replace(slot, value)));
                }
            }
            Store::Map(m) => {
                let h = table_hash(hash);
                match m.raw_entry_mut_v1().from_hash(h, |k| k.hash == hash && is_match(&k.key)) {
                    RawEntryMut::Occupied(mut e) => return Ok(Some(std::mem::replace(e.get_mut(), value))),
                    RawEntryMut::Vacant(e) if !needs_python => {
                        e.insert_hashed_nocheck(h, DictKey { hash, key }, value);
                        self.version += 1;
                        return Ok(None);
                    }
                    RawEntryMut::Vacant(_) => return Err((key, value)),
                }
            }
        }
        if needs_python {
            return Err((key, value));
        }
        self.insert_new(hash, key, value);
        Ok(None)
    }

    /// Replaces the value at `index`; returns the old one.
    pub fn replace_value(&mut self, index: usize, value: Obj) -> Option<Obj> {
        let slot = match &mut self.store {
            Store::Small(v) => v.get_mut(index).map(|(_, v)| v),
            Store::Map(m) => m.get_index_mut(index).map(|(_, v)| v),
        };
        slot.map(|v| std::mem::replace(v, value))
    }

    /// Removes the entry at `index`, keeping the order of the others.
    pub fn remove_index(&mut self, index: usize) -> Option<(DictKey, Obj)> {
        let removed = match &mut self.store {
            Store::Small(v) => (index < v.len()).then(|| v.remove(index)),
            Store::Map(m) => m.shift_remove_index(index),
        };
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

    pub fn iter(&self) -> Iter<'_> {
        match &self.store {
            Store::Small(v) => Iter::Small(v.iter()),
            Store::Map(m) => Iter::Map(m.iter()),
        }
    }
}

/// The entries of a table, in order.
pub enum Iter<'a> {
    Small(std::slice::Iter<'a, (DictKey, Obj)>),
    Map(indexmap::map::Iter<'a, DictKey, Obj>),
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a DictKey, &'a Obj);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Iter::Small(i) => i.next().map(|(k, v)| (k, v)),
            Iter::Map(i) => i.next(),
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self {
            Iter::Small(i) => i.size_hint(),
            Iter::Map(i) => i.size_hint(),
        }
    }
}
