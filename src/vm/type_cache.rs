//! The type attribute cache: `(type, name) → where the MRO search ends`.
//!
//! Every attribute read on an instance, and every special-method lookup,
//! searches the type's MRO, one dict per class. CPython keeps a global
//! cache of those searches (`_PyType_Lookup`'s method cache); this is the
//! same idea. An entry remembers, for a type and a name object, which
//! class in the MRO defines the name and at which index of that class's
//! table, or that no class does.
//!
//! Invariants:
//! - Entries are keyed by identity of the type and of the name object,
//!   and hold strong references to both (and to the defining class), so
//!   no key can be freed and its address reused while cached.
//! - The value itself is not held: a hit reads it from the defining
//!   class's table at the recorded index, so the cache never changes a
//!   value's reference count or lifetime.
//! - Any change to any class's namespace, bases or MRO must call
//!   `Vm::invalidate_type_cache` (done by `table_set_str`, by attribute
//!   assignment and deletion on types, and by MRO updates). That empties
//!   the cache, which keeps the recorded indices valid.

use crate::heap::Obj;

/// A power of two. Entries pair up into two-way sets (`slot`, `slot ^ 1`).
const SIZE: usize = 2048;

#[derive(Default)]
struct Entry {
    type_: Option<Obj>,
    name: Option<Obj>,
    /// The class that defines the name and the index in its table; `None`
    /// when no class of the MRO does.
    found: Option<(Obj, usize)>,
}

pub(crate) struct TypeCache {
    entries: Box<[Entry]>,
    /// Slots in use, so that emptying the cache is proportional to them.
    filled: Vec<usize>,
}

/// What a cache probe gives. `Found` borrows the defining class from the
/// cache: the caller reads the value while the cache is borrowed, rather
/// than paying a count increment and decrement for the class per lookup.
pub(crate) enum Probe<'a> {
    Miss,
    /// The name is defined by this class at this index.
    Found(&'a Obj, usize),
    /// No class in the MRO defines the name.
    Absent,
}

impl TypeCache {
    pub(crate) fn new() -> TypeCache {
        TypeCache { entries: (0..SIZE).map(|_| Entry::default()).collect(), filled: Vec::new() }
    }

    /// The first slot of the pair the key maps to. Fibonacci hashing of
    /// both addresses: a direct-mapped table indexed by a weak mix of
    /// them made a hot type and name collide with another pair whenever
    /// an unrelated allocation moved an object, so a program's cost
    /// jumped by a few percent with no change to its work.
    #[inline]
    fn slot(type_: &Obj, name: &Obj) -> usize {
        let h = (type_.addr() as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (name.addr() as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        ((h >> (64 - SIZE.trailing_zeros())) as usize) & !1
    }

    #[inline]
    fn matches(e: &Entry, type_: &Obj, name: &Obj) -> bool {
        matches!((&e.type_, &e.name), (Some(t), Some(n)) if t.is(type_) && n.is(name))
    }

    #[inline]
    pub(crate) fn probe(&self, type_: &Obj, name: &Obj) -> Probe<'_> {
        let slot = Self::slot(type_, name);
        let e = match &self.entries[slot] {
            e if Self::matches(e, type_, name) => e,
            _ => match &self.entries[slot | 1] {
                e if Self::matches(e, type_, name) => e,
                _ => return Probe::Miss,
            },
        };
        match &e.found {
            Some((owner, i)) => Probe::Found(owner, *i),
            None => Probe::Absent,
        }
    }

    /// Records a lookup in the first slot of its pair; an entry already
    /// there moves to the second slot (evicting what was there), so the
    /// two most recent keys of a set both stay.
    pub(crate) fn fill(&mut self, type_: &Obj, name: &Obj, found: Option<(Obj, usize)>) {
        let slot = Self::slot(type_, name);
        let new = Entry { type_: Some(type_.clone()), name: Some(name.clone()), found };
        // The replaced references are dropped after the new ones are in
        // place; dropping cannot run Python code (types are not leaves,
        // so they wait for the VM's next safe point).
        let evicted = if self.entries[slot].type_.is_none() {
            self.filled.push(slot);
            None
        } else {
            let first = std::mem::take(&mut self.entries[slot]);
            if self.entries[slot | 1].type_.is_none() {
                self.filled.push(slot | 1);
            }
            Some(std::mem::replace(&mut self.entries[slot | 1], first))
        };
        self.entries[slot] = new;
        drop(evicted);
    }

    /// Empties the cache. The dropped entries are returned, so that the
    /// caller releases them outside any borrow of the cache.
    pub(crate) fn take_all(&mut self) -> Vec<(Option<Obj>, Option<Obj>, Option<(Obj, usize)>)> {
        let mut out = Vec::with_capacity(self.filled.len());
        for slot in self.filled.drain(..) {
            let e = std::mem::take(&mut self.entries[slot]);
            out.push((e.type_, e.name, e.found));
        }
        out
    }
}
