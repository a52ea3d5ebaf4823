//! Per-thread free lists of the commonest short-lived boxes: exact
//! `float` and `int` results of arithmetic, and exact `list` and
//! `tuple` boxes.
//!
//! Why: a float loop allocates and frees one box per operation, and the
//! allocator's malloc/free pair cost more than the arithmetic. CPython
//! keeps a free list of float objects for the same reason (100 entries);
//! we keep one per payload layout, each bounded at `CAP` boxes so an
//! idle program holds at most a few kilobytes.
//!
//! Lists: CPython 3.11 keeps up to 80 freed exact lists
//! (`PyList_MAXFREELIST`, `list_dealloc`) and `PyList_New` reuses them.
//! That is visible: a list taken from the free list is not counted by
//! `_PyObject_GC_Link` and one given to it is not uncounted by
//! `PyObject_GC_Del`, so `gc.get_count()` and when collections run
//! depend on it (after a collection frees lists, the count is already 0
//! and cannot go lower, so the next 80 `[]` are free of charge). Full
//! collections empty every free list (`clear_freelists`), as here
//! (`collector::collect`). `list()` allocates with `tp_alloc` and never
//! takes from the list, but any exact list goes to it when freed: the
//! VM registers the exact `list` type (`Heap::set_exact_list_type`).
//!
//! Tuples: CPython 3.11 keeps freed exact tuples of sizes 1 to 20 on one
//! list per size, up to 2000 each (`PyTuple_MAXSAVESIZE`,
//! `PyTuple_MAXFREELIST`, `maybe_freelist_push` from `tuple_dealloc`),
//! and `tuple_alloc` (every exact tuple: `PyTuple_New`,
//! `_PyTuple_FromArray`, `PyTuple_Pack`, concatenation, slices) takes one
//! of the requested size if there is one, with the same effect on the
//! collector's count as for lists. The pop tests `size <
//! PyTuple_MAXSAVESIZE` while the push accepts size 20, so 3.11 keeps
//! 20-tuples but never reuses them (checked against `python3.11`):
//! mirrored, as it shows in `gc.get_count()`. Subclass instances
//! (`tp_alloc`) neither take nor give. A tuple box has one layout
//! whatever its length (the items beyond `ObjArray::INLINE` are a
//! separate allocation, freed with the payload), so the per-size lists
//! matter only for the counting; like CPython the lists are chained
//! through the freed boxes themselves, so 40000 boxes need no slots.
//!
//! A box on a list is raw memory of its box layout (`ObjBox<T>`, or
//! `GcBox<ListValue>` for lists, `GcBox<TupleValue>` for tuples): its payload was dropped and its header
//! is garbage. For the statistics it is freed and taking it back is an
//! allocation, so `HeapStats` reports what it would without the lists.
//! For the float and int lists (a float loop makes and frees a box per
//! operation) the running counters are not touched on the way in and out:
//! each such box stays counted as live, the list counts how many boxes it
//! handed back (`takes`), and `stats::Counters::snapshot` subtracts what
//! the lists hold and adds their traffic (`pooled`). That spares every
//! float operation four counter updates; `peak_bytes` then includes the
//! bytes parked on those two lists (at most 200 small boxes).
//!
//! The lists are emptied by `Heap::trim_free_lists` (interpreter
//! teardown) and, as a backstop, when the thread exits, so no box is ever
//! lost for valgrind.
//!
//! The lists live in the heap's thread-local (`LOCAL`, with the
//! statistics), which has no destructor: one with a destructor costs a
//! state check on every access, which is most of what a list operation
//! does. Instead a list's capacity starts
//! at zero, and the first `give` that finds it full takes the slow path,
//! which registers a separate guard whose destructor empties the lists at
//! thread exit and sets the capacity back to zero for good, so boxes
//! freed later in the thread's teardown go straight to the allocator.

use super::LOCAL;
use super::obj::{GcBox, Header, Kind, ObjBox, Payload};
use crate::object::payloads::{FloatValue, IntValue, ListValue, TupleValue};
use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

/// Boxes kept per list at most (CPython's float free list holds 100).
const CAP: usize = 100;

/// The index of the list of exact `list` boxes.
const LIST: usize = 2;

/// Boxes kept on list `i`: CPython's `PyList_MAXFREELIST` for lists.
fn cap_of(i: usize) -> usize {
    if i == LIST { 80 } else { CAP }
}

/// The list for payload kind `kind`, if it has one. `const` so that the
/// generic callers below fold it away for every other payload.
const fn list_index(kind: Kind) -> Option<usize> {
    match kind {
        Kind::Float => Some(0),
        Kind::Int => Some(1),
        _ => None,
    }
}

/// The payload kind of leaf list `i` (the float and int lists), whose
/// boxes stay counted as live while they wait (see the module comment).
const fn leaf_kind(i: usize) -> Option<Kind> {
    match i {
        0 => Some(Kind::Float),
        1 => Some(Kind::Int),
        _ => None,
    }
}

/// What the float and int lists hold and have handed back, for
/// `stats::Counters::snapshot`: `(kind, box size, boxes held, takes)`.
pub(super) fn pooled(l: &FreeLists) -> [(Kind, usize, usize, u64); 2] {
    std::array::from_fn(|i| {
        let list = &l.lists[i];
        (leaf_kind(i).expect("a leaf list"), layout_of(i).size(), list.len.get(), list.takes.get())
    })
}

/// The layout of list `i`'s boxes (for freeing them at teardown).
fn layout_of(i: usize) -> Layout {
    match i {
        0 => Layout::new::<ObjBox<FloatValue>>(),
        1 => Layout::new::<ObjBox<IntValue>>(),
        _ => Layout::new::<GcBox<ListValue>>(),
    }
}

/// Tuples of sizes 1 to this many go to a free list when freed
/// (CPython's `PyTuple_MAXSAVESIZE`); only sizes below it are taken back.
pub(super) const TUPLE_MAX_SAVE: usize = 20;

/// Tuples kept per size at most (CPython's `PyTuple_MAXFREELIST`).
const TUPLE_CAP: usize = 2000;

/// The freed tuple boxes of one size: a chain through the boxes, each
/// box's first word pointing at the next (CPython's `ob_item[0]`).
struct TupleList {
    head: Cell<*mut u8>,
    len: Cell<usize>,
}

impl TupleList {
    const EMPTY: TupleList = TupleList { head: Cell::new(std::ptr::null_mut()), len: Cell::new(0) };
}

struct FreeList {
    len: Cell<usize>,
    /// Boxes handed back out (read for the float and int lists only,
    /// see the module comment).
    takes: Cell<u64>,
    /// `cap_of(i)` once the exit guard is registered; 0 before, and
    /// after the guard ran (see the module comment).
    cap: Cell<usize>,
    slots: [Cell<*mut u8>; CAP],
}

impl FreeList {
    const EMPTY: FreeList =
        FreeList { len: Cell::new(0), takes: Cell::new(0), cap: Cell::new(0), slots: [const { Cell::new(std::ptr::null_mut()) }; CAP] };
}

pub(super) struct FreeLists {
    lists: [FreeList; 3],
    /// `tuples[n - 1]` holds tuples of size `n`.
    tuples: [TupleList; TUPLE_MAX_SAVE],
    state: Cell<GuardState>,
    /// The exact `list` type, whose instances go to list `LIST` when
    /// freed; null when none is registered. Only compared, never read.
    exact_list_type: Cell<*const Header>,
    /// The same for the exact `tuple` type.
    exact_tuple_type: Cell<*const Header>,
}

#[derive(Clone, Copy, PartialEq)]
enum GuardState {
    Unregistered,
    Registered,
    /// The thread is exiting: nothing is kept any more.
    Closed,
}

impl FreeLists {
    pub(super) const EMPTY: FreeLists = FreeLists {
        lists: [FreeList::EMPTY, FreeList::EMPTY, FreeList::EMPTY],
        tuples: [const { TupleList::EMPTY }; TUPLE_MAX_SAVE],
        state: Cell::new(GuardState::Unregistered),
        exact_list_type: Cell::new(std::ptr::null()),
        exact_tuple_type: Cell::new(std::ptr::null()),
    };

    /// Frees every box on the lists. The float and int lists' boxes were
    /// still counted as live (see the module comment): now they are not.
    fn trim(&self, stats: &super::stats::Counters) {
        for (i, list) in self.lists.iter().enumerate() {
            let layout = layout_of(i);
            if let Some(kind) = leaf_kind(i) {
                stats.on_pooled_released(kind, layout.size(), list.len.get());
            }
            while list.len.get() > 0 {
                let n = list.len.get() - 1;
                list.len.set(n);
                // SAFETY: slots below `len` hold boxes allocated by the
                // global allocator with list `i`'s layout (see `give`),
                // owned by the list alone; the slot is forgotten first.
                unsafe { std::alloc::dealloc(list.slots[n].get(), layout) };
            }
        }
        let layout = Layout::new::<GcBox<TupleValue>>();
        for list in &self.tuples {
            while let Some(p) = NonNull::new(list.head.get()) {
                // SAFETY: a chained box is owned by the chain alone and
                // its first word holds the next link (see `give_tuple`).
                unsafe {
                    list.head.set(p.as_ptr().cast::<*mut u8>().read());
                    std::alloc::dealloc(p.as_ptr(), layout);
                }
            }
            list.len.set(0);
        }
    }
}

/// Empties the lists when the thread exits (see the module comment).
struct ExitGuard;

impl Drop for ExitGuard {
    fn drop(&mut self) {
        LOCAL.with(|h| {
            let l = &h.free;
            // `give_tuple` checks the state, the slot lists their cap.
            l.state.set(GuardState::Closed);
            for list in &l.lists {
                list.cap.set(0);
            }
            l.trim(&h.stats);
        });
    }
}

thread_local! {
    static EXIT_GUARD: ExitGuard = const { ExitGuard };
}

/// `give` found list `list` full: registers the exit guard if that is
/// why. Returns whether the list can now take a box.
#[cold]
#[inline(never)]
fn make_room(l: &FreeLists, list: &FreeList) -> bool {
    if l.state.get() == GuardState::Unregistered && !register_guard(l) {
        return false;
    }
    list.len.get() < list.cap.get()
}

/// A box for a `T` from the free list, if `T` has a list and it is not
/// empty. The memory is uninitialised; the caller writes a whole box.
#[inline(always)]
pub(super) fn take<T: Payload>() -> Option<NonNull<ObjBox<T>>> {
    let i = const { list_index(T::KIND) }?;
    take_from(i).map(NonNull::cast)
}

/// Keeps the box at `p`, whose payload was already dropped, for reuse.
/// Returns false (keeping nothing) when `T` has no list, the list is
/// full or the thread is exiting: the caller frees the memory then.
///
/// # Safety
/// `p` must be a box from the global allocator with `ObjBox<T>`'s layout
/// that nothing else references any more.
#[inline(always)]
pub(super) unsafe fn give<T: Payload>(p: NonNull<ObjBox<T>>) -> bool {
    let Some(i) = (const { list_index(T::KIND) }) else { return false };
    // SAFETY: list `i` holds `ObjBox<T>` boxes (`list_index`, `layout_of`);
    // the rest is the caller's contract.
    unsafe { give_to(i, p.cast()) }
}

/// The last box kept on list `i`, if any.
#[inline(always)]
fn take_from(i: usize) -> Option<NonNull<u8>> {
    LOCAL.with(|h| {
        let list = &h.free.lists[i];
        let n = list.len.get();
        if n == 0 {
            return None;
        }
        list.len.set(n - 1);
        list.takes.set(list.takes.get() + 1);
        NonNull::new(list.slots[n - 1].get())
    })
}

/// Keeps `p` on list `i` unless it is full or the thread is exiting.
///
/// # Safety
/// `p` must be a box of list `i`'s layout (`layout_of(i)`) from the
/// global allocator, payload dropped, that nothing references any more.
#[inline(always)]
unsafe fn give_to(i: usize, p: NonNull<u8>) -> bool {
    LOCAL.with(|h| {
        let l = &h.free;
        let list = &l.lists[i];
        let n = list.len.get();
        if n >= list.cap.get() && (l.state.get() != GuardState::Unregistered || !make_room(l, list)) {
            return false;
        }
        // SAFETY: `n < cap <= CAP`: `cap` is only ever 0 or `cap_of(i)`,
        // and `make_room` returned true only when `n < cap`.
        unsafe { list.slots.get_unchecked(n) }.set(p.as_ptr());
        list.len.set(n + 1);
        true
    })
}

/// Frees the boxes kept on this thread's lists.
pub(super) fn trim() {
    LOCAL.with(|h| h.free.trim(&h.stats));
}

/// Registers `t` as the exact `list` type (null: none, at teardown).
pub(super) fn set_exact_list_type(t: *const Header) {
    LOCAL.with(|h| h.free.exact_list_type.set(t));
}

/// Whether a list box of type `t` goes to the free list when freed
/// (CPython's `PyList_CheckExact` in `list_dealloc`).
#[inline]
pub(super) fn is_exact_list(t: *const Header) -> bool {
    !t.is_null() && LOCAL.with(|h| std::ptr::eq(h.free.exact_list_type.get(), t))
}

/// A freed exact list's box for `PyList_New`, if the list is not empty.
/// The memory is uninitialised; the caller writes a whole box.
#[inline]
pub(super) fn take_list() -> Option<NonNull<GcBox<ListValue>>> {
    take_from(LIST).map(NonNull::cast)
}

/// Keeps the box of a freed exact list, whose payload was already
/// dropped. Returns false (keeping nothing) when the list is full or the
/// thread is exiting: the caller frees the memory then.
///
/// # Safety
/// `p` must be a box from the global allocator with `GcBox<ListValue>`'s
/// layout, in no collector list, that nothing references any more.
#[inline]
pub(super) unsafe fn give_list(p: NonNull<GcBox<ListValue>>) -> bool {
    // SAFETY: list `LIST` holds `GcBox<ListValue>` boxes (`layout_of`);
    // the rest is the caller's contract.
    unsafe { give_to(LIST, p.cast()) }
}

/// Registers `t` as the exact `tuple` type (null: none, at teardown).
pub(super) fn set_exact_tuple_type(t: *const Header) {
    LOCAL.with(|h| h.free.exact_tuple_type.set(t));
}

/// Whether a tuple box of type `t` goes to a free list when freed
/// (`Py_IS_TYPE(op, &PyTuple_Type)` in `maybe_freelist_push`).
#[inline]
pub(super) fn is_exact_tuple(t: *const Header) -> bool {
    !t.is_null() && LOCAL.with(|h| std::ptr::eq(h.free.exact_tuple_type.get(), t))
}

/// A freed exact tuple's box for a new tuple of `len` items, if the list
/// of that size has one: CPython 3.11's `maybe_freelist_pop`, which only
/// serves `0 < size < PyTuple_MAXSAVESIZE`. The memory is uninitialised.
#[inline]
pub(super) fn take_tuple(len: usize) -> Option<NonNull<GcBox<TupleValue>>> {
    if len == 0 || len >= TUPLE_MAX_SAVE {
        return None;
    }
    LOCAL.with(|h| {
        let list = &h.free.tuples[len - 1];
        let p = NonNull::new(list.head.get())?;
        // SAFETY: a chained box is owned by the chain alone and its first
        // word holds the next link (see `give_tuple`); it is unchained
        // here before it is handed out.
        list.head.set(unsafe { p.as_ptr().cast::<*mut u8>().read() });
        list.len.set(list.len.get() - 1);
        Some(p.cast::<GcBox<TupleValue>>())
    })
}

/// Keeps the box of a freed exact tuple of `len` items, whose payload was
/// already dropped (CPython's `maybe_freelist_push`: sizes 1 to
/// `PyTuple_MAXSAVESIZE`, at most `PyTuple_MAXFREELIST` each). Returns
/// false (keeping nothing) otherwise, or when the thread is exiting: the
/// caller frees the memory then.
///
/// # Safety
/// `p` must be a box from the global allocator with `GcBox<TupleValue>`'s
/// layout, in no collector list, that nothing references any more.
#[inline]
pub(super) unsafe fn give_tuple(p: NonNull<GcBox<TupleValue>>, len: usize) -> bool {
    if len == 0 || len > TUPLE_MAX_SAVE {
        return false;
    }
    LOCAL.with(|h| {
        let l = &h.free;
        if l.state.get() != GuardState::Registered && !register_guard(l) {
            return false;
        }
        let list = &l.tuples[len - 1];
        if list.len.get() >= TUPLE_CAP {
            return false;
        }
        // SAFETY: the box is ours (caller) and at least a word long and
        // aligned for a pointer (it starts with the header); its first
        // word becomes the chain's link.
        unsafe { p.as_ptr().cast::<*mut u8>().write(list.head.get()) };
        list.head.set(p.as_ptr().cast());
        list.len.set(list.len.get() + 1);
        true
    })
}

/// Registers the exit guard unless the thread is exiting (`make_room`,
/// and `give_tuple` whenever it is not registered). Returns whether
/// boxes may be kept.
#[cold]
#[inline(never)]
fn register_guard(l: &FreeLists) -> bool {
    // Touching the guard registers its destructor; `try_with` fails
    // only while the thread is already exiting.
    if l.state.get() == GuardState::Closed || EXIT_GUARD.try_with(|_| ()).is_err() {
        return false;
    }
    l.state.set(GuardState::Registered);
    for (i, list) in l.lists.iter().enumerate() {
        list.cap.set(cap_of(i));
    }
    true
}
