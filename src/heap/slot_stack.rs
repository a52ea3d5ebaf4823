//! `SlotStack`: the growable array of `Option<Obj>` slots under the VM's
//! value stack (`vm/stack.rs` says what the slots mean), with value pops
//! that check once instead of twice.
//!
//! Why: `Vec<Option<Obj>>::pop` tests for an empty vector and then the
//! VM tests the popped slot for `None` (a value slot must hold a value):
//! two branches on the hottest path of the dispatch loop. Here index 0
//! holds a permanent `None`, the *sentinel*, so the vector is never empty
//! and one test of the top slot covers both cases: `None` there is either
//! the sentinel (the stack of values is exhausted) or an unbound local
//! (the compiler unbalanced the stack), and both are the same bug.
//!
//! Invariants (every method keeps them; the unsafe blocks rely on them):
//! - `slots.len() >= 1`, and `slots[0]` is `None` (the sentinel). No
//!   method removes or overwrites index 0: shrinking to below 1 panics,
//!   and `slot_mut(0)`/`IndexMut` hand out nothing at 0 that could be set
//!   to `Some` (index 0 is `None`, so `IndexMut` panics on it).
//! - Soundness never depends on the compiler's stack accounting: a wrong
//!   depth shows up as a panic (`unbalanced`) or a bounds-check panic,
//!   never as a read outside the vector.
//!
//! Indices are absolute (the sentinel is index 0), so the first slot the
//! VM pushes is index 1; the VM only ever uses indices it got from `len`.

use super::Obj;
use std::ops::{Index, IndexMut};

pub struct SlotStack {
    slots: Vec<Option<Obj>>,
}

/// A value slot held `None`, or a pop went below the sentinel: the
/// compiler's stack accounting is broken.
#[cold]
#[inline(never)]
fn unbalanced() -> ! {
    panic!("a value slot of the stack is empty: the compiler unbalanced the stack")
}

#[cold]
#[inline(never)]
fn below_sentinel() -> ! {
    panic!("the value stack was cut below its base")
}

impl SlotStack {
    /// An empty stack (just the sentinel) with room for `n` slots.
    pub fn with_capacity(n: usize) -> SlotStack {
        let mut slots = Vec::with_capacity(n.max(1));
        slots.push(None);
        SlotStack { slots }
    }

    /// The number of slots, the sentinel included (so at least 1).
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    #[inline(always)]
    pub fn push(&mut self, v: Obj) {
        self.slots.push(Some(v));
    }

    /// The top value, removed. Panics if the top slot is empty, whether it
    /// is the sentinel or an unbound local.
    #[inline(always)]
    pub fn pop(&mut self) -> Obj {
        let len = self.slots.len();
        // SAFETY: `len >= 1` (the sentinel is never removed), so `len - 1`
        // is in bounds and initialised.
        let top = unsafe { self.slots.get_unchecked(len - 1) };
        let Some(v) = top else { unbalanced() };
        // SAFETY: the slot at `len - 1` holds `Some`; copying its bits out
        // and shrinking the length past it moves the `Obj` out: the vector
        // no longer counts the slot, so it is neither dropped nor read
        // again. `len - 1 >= 1` because index 0 holds `None`, so the
        // sentinel stays.
        let v = unsafe { std::ptr::read(v) };
        // SAFETY: as above; the `Obj` now lives in `v` alone.
        unsafe { self.slots.set_len(len - 1) };
        v
    }

    /// The top value. Panics as `pop` does.
    #[inline(always)]
    pub fn last(&self) -> &Obj {
        let len = self.slots.len();
        // SAFETY: `len >= 1` (the sentinel), so `len - 1` is in bounds.
        match unsafe { self.slots.get_unchecked(len - 1) } {
            Some(v) => v,
            None => unbalanced(),
        }
    }

    /// Drops the slots from `len` up. `len` must be at least 1.
    #[inline(always)]
    pub fn truncate(&mut self, len: usize) {
        if len == 0 {
            below_sentinel();
        }
        self.slots.truncate(len);
    }

    /// The values from `at` up, removed (`at` at least 1).
    pub fn split_off(&mut self, at: usize) -> Vec<Obj> {
        if at == 0 {
            below_sentinel();
        }
        // Nothing to move (`[]`, a call with no arguments): skip the
        // split and the in-place collect, which cost over 100
        // instructions even for an empty tail (callgrind, cycles.py).
        if at == self.slots.len() {
            return Vec::new();
        }
        // Same size and alignment: the collect reuses the allocation.
        self.slots.split_off(at).into_iter().map(|s| s.unwrap_or_else(|| unbalanced())).collect()
    }

    pub fn extend(&mut self, values: impl IntoIterator<Item = Obj>) {
        self.slots.extend(values.into_iter().map(Some));
    }

    /// Swaps two value slots (neither may be the sentinel).
    pub fn swap(&mut self, a: usize, b: usize) {
        if a == 0 || b == 0 {
            below_sentinel();
        }
        self.slots.swap(a, b);
    }

    /// Inserts a value at `at` (at least 1), moving the slots above up.
    pub fn insert(&mut self, at: usize, v: Obj) {
        if at == 0 {
            below_sentinel();
        }
        self.slots.insert(at, Some(v));
    }

    /// Pushes `n` unbound local slots. (Reserving the frame's whole depth
    /// here was tried: the `reserve` cost more per call than the rare
    /// growth it saves, since the stack keeps its capacity.)
    #[inline(always)]
    pub fn push_unbound(&mut self, n: usize) {
        for _ in 0..n {
            self.slots.push(None);
        }
    }

    /// A local slot (absolute index).
    #[inline(always)]
    pub fn slot(&self, i: usize) -> &Option<Obj> {
        &self.slots[i]
    }

    /// A local slot to set or clear; never the sentinel.
    #[inline(always)]
    pub fn slot_mut(&mut self, i: usize) -> &mut Option<Obj> {
        if i == 0 {
            below_sentinel();
        }
        &mut self.slots[i]
    }

    /// Moves the slots from `at` (at least 1) up, locals and values, to
    /// the end of `into` (normally empty, with capacity from an earlier
    /// suspend): a generator's frame being suspended without allocating a
    /// new vector. Inlined: a call cost about 16 instructions per suspend
    /// (callgrind, generators.py).
    #[inline(always)]
    pub fn move_slots_into(&mut self, at: usize, into: &mut Vec<Option<Obj>>) {
        if at == 0 {
            below_sentinel();
        }
        let len = self.slots.len();
        if at > len {
            below_sentinel();
        }
        let n = len - at;
        into.reserve(n);
        let dst_len = into.len();
        // SAFETY: `at <= len`, so `at..len` are initialised slots of
        // `self.slots`; `into` has room for `n` more after `reserve`, and
        // the two vectors are distinct allocations. The slots are moved
        // bit for bit: `set_len(at)` forgets them in `self.slots` before
        // `into` claims them, so each `Obj` is owned exactly once (no
        // panic can happen between the copy and the two `set_len`s).
        unsafe {
            copy_slots(self.slots.as_ptr().add(at), into.as_mut_ptr().add(dst_len), n);
            self.slots.set_len(at);
            into.set_len(dst_len + n);
        }
    }

    /// Pushes all of `slots` (saved by `move_slots_into`, or a frame's
    /// bound locals), leaving it empty with its capacity for the next
    /// suspend.
    pub fn append_slots(&mut self, slots: &mut Vec<Option<Obj>>) {
        let n = slots.len();
        self.slots.reserve(n);
        let len = self.slots.len();
        // SAFETY: `slots[..n]` are initialised; `self.slots` has room for
        // `n` more after `reserve`, and the two vectors are distinct
        // allocations. As in `move_slots_into`, the slots move bit for bit
        // and `slots.set_len(0)` forgets them there as `self.slots`
        // claims them (nothing can panic in between).
        unsafe {
            copy_slots(slots.as_ptr(), self.slots.as_mut_ptr().add(len), n);
            slots.set_len(0);
            self.slots.set_len(len + n);
        }
    }
}

/// `ptr::copy_nonoverlapping` of `n` slots, with the few-slot sizes of a
/// generator frame (its locals, an iterator or two) as constant-length
/// copies the compiler inlines: the call to libc's `memcpy` otherwise
/// made for every resume and suspend cost about 30 instructions for
/// three slots (callgrind, generators.py).
///
/// # Safety
/// As `ptr::copy_nonoverlapping(src, dst, n)`.
#[inline(always)]
unsafe fn copy_slots(src: *const Option<Obj>, dst: *mut Option<Obj>, n: usize) {
    use std::ptr::copy_nonoverlapping as copy;
    // SAFETY: each arm copies exactly `n` slots, which the caller vouches
    // for.
    unsafe {
        match n {
            0 => {}
            1 => copy(src, dst, 1),
            2 => copy(src, dst, 2),
            3 => copy(src, dst, 3),
            4 => copy(src, dst, 4),
            5 => copy(src, dst, 5),
            6 => copy(src, dst, 6),
            _ => copy(src, dst, n),
        }
    }
}

impl Index<usize> for SlotStack {
    type Output = Obj;

    /// A value slot; panics on an empty one (the sentinel included).
    #[inline(always)]
    fn index(&self, i: usize) -> &Obj {
        self.slots[i].as_ref().unwrap_or_else(|| unbalanced())
    }
}

impl IndexMut<usize> for SlotStack {
    /// A value slot to overwrite. The sentinel is `None`, so this panics
    /// on index 0 rather than letting it be set.
    #[inline(always)]
    fn index_mut(&mut self, i: usize) -> &mut Obj {
        self.slots[i].as_mut().unwrap_or_else(|| unbalanced())
    }
}
