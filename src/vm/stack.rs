//! The VM's one stack of slots: every running frame's fast locals and,
//! above them, its value stack (CPython's "localsplus" layout).
//!
//! ```text
//!   [ caller's slots | callable | local 0 .. local n-1 | values ... ]
//!                      ^call_base ^locals_base          ^stack_base
//! ```
//!
//! A call of a Python function leaves its arguments where the caller
//! pushed them: they are already the callee's first locals, so a call
//! moves nothing, and a return truncates everything above `call_base`.
//!
//! Invariants:
//! - A local slot is `None` while the variable is unbound; a value slot is
//!   never `None` (the compiler balances the stack), which is why the
//!   value methods hand out `Obj`, not `Option<Obj>`.
//! - Only frames write below their `stack_base`, through `slot`/`slot_mut`.

use crate::heap::Obj;
use std::ops::{Index, IndexMut};

pub(crate) struct ValueStack {
    slots: Vec<Option<Obj>>,
}

/// A value slot held `None`: the compiler's stack accounting is broken.
#[cold]
#[inline(never)]
fn unbalanced() -> ! {
    panic!("a value slot of the stack is empty: the compiler unbalanced the stack")
}

impl ValueStack {
    pub(crate) fn with_capacity(n: usize) -> ValueStack {
        ValueStack { slots: Vec::with_capacity(n) }
    }

    #[inline(always)]
    pub(crate) fn len(&self) -> usize {
        self.slots.len()
    }

    #[inline(always)]
    pub(crate) fn push(&mut self, v: Obj) {
        self.slots.push(Some(v));
    }

    /// The top value; `None` only when the stack is empty.
    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Option<Obj> {
        match self.slots.pop() {
            Some(Some(v)) => Some(v),
            Some(None) => unbalanced(),
            None => None,
        }
    }

    #[inline(always)]
    pub(crate) fn last(&self) -> Option<&Obj> {
        match self.slots.last() {
            Some(Some(v)) => Some(v),
            Some(None) => unbalanced(),
            None => None,
        }
    }

    pub(crate) fn truncate(&mut self, len: usize) {
        self.slots.truncate(len);
    }

    /// The values from `at` up, removed.
    pub(crate) fn split_off(&mut self, at: usize) -> Vec<Obj> {
        // Same size and alignment: the collect reuses the allocation.
        self.slots.split_off(at).into_iter().map(|s| s.unwrap_or_else(|| unbalanced())).collect()
    }

    pub(crate) fn extend(&mut self, values: impl IntoIterator<Item = Obj>) {
        self.slots.extend(values.into_iter().map(Some));
    }

    pub(crate) fn swap(&mut self, a: usize, b: usize) {
        self.slots.swap(a, b);
    }

    pub(crate) fn insert(&mut self, at: usize, v: Obj) {
        self.slots.insert(at, Some(v));
    }

    /// Pushes `n` unbound local slots.
    #[inline(always)]
    pub(crate) fn push_unbound(&mut self, n: usize) {
        for _ in 0..n {
            self.slots.push(None);
        }
    }

    /// A local slot (absolute index).
    #[inline(always)]
    pub(crate) fn slot(&self, i: usize) -> &Option<Obj> {
        &self.slots[i]
    }

    #[inline(always)]
    pub(crate) fn slot_mut(&mut self, i: usize) -> &mut Option<Obj> {
        &mut self.slots[i]
    }

    /// The slots from `at` up (locals and values), removed: a generator's
    /// frame being suspended.
    pub(crate) fn split_off_slots(&mut self, at: usize) -> Vec<Option<Obj>> {
        self.slots.split_off(at)
    }

    /// Pushes slots saved by `split_off_slots`.
    pub(crate) fn extend_slots(&mut self, slots: Vec<Option<Obj>>) {
        self.slots.extend(slots);
    }
}

impl Index<usize> for ValueStack {
    type Output = Obj;

    #[inline(always)]
    fn index(&self, i: usize) -> &Obj {
        self.slots[i].as_ref().unwrap_or_else(|| unbalanced())
    }
}

impl IndexMut<usize> for ValueStack {
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Obj {
        self.slots[i].as_mut().unwrap_or_else(|| unbalanced())
    }
}
