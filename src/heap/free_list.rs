//! Per-thread free lists of the commonest short-lived boxes: exact
//! `float` and `int` results of arithmetic, and exact `list` boxes.
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
//! A box on a list is raw memory of its box layout (`ObjBox<T>`, or
//! `GcBox<ListValue>` for lists): its payload was dropped and its header
//! is garbage. For the statistics it is freed
//! (the free was counted when it went on the list) and taking it back is
//! an allocation, so `HeapStats` stays what it would be without the lists.
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
use crate::object::payloads::{FloatValue, IntValue, ListValue};
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

/// The layout of list `i`'s boxes (for freeing them at teardown).
fn layout_of(i: usize) -> Layout {
    match i {
        0 => Layout::new::<ObjBox<FloatValue>>(),
        1 => Layout::new::<ObjBox<IntValue>>(),
        _ => Layout::new::<GcBox<ListValue>>(),
    }
}

struct FreeList {
    len: Cell<usize>,
    /// `cap_of(i)` once the exit guard is registered; 0 before, and
    /// after the guard ran (see the module comment).
    cap: Cell<usize>,
    slots: [Cell<*mut u8>; CAP],
}

impl FreeList {
    const EMPTY: FreeList =
        FreeList { len: Cell::new(0), cap: Cell::new(0), slots: [const { Cell::new(std::ptr::null_mut()) }; CAP] };
}

pub(super) struct FreeLists {
    lists: [FreeList; 3],
    state: Cell<GuardState>,
    /// The exact `list` type, whose instances go to list `LIST` when
    /// freed; null when none is registered. Only compared, never read.
    exact_list_type: Cell<*const Header>,
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
        state: Cell::new(GuardState::Unregistered),
        exact_list_type: Cell::new(std::ptr::null()),
    };

    /// Frees every box on the lists.
    fn trim(&self) {
        for (i, list) in self.lists.iter().enumerate() {
            let layout = layout_of(i);
            while list.len.get() > 0 {
                let n = list.len.get() - 1;
                list.len.set(n);
                // SAFETY: slots below `len` hold boxes allocated by the
                // global allocator with list `i`'s layout (see `give`),
                // owned by the list alone; the slot is forgotten first.
                unsafe { std::alloc::dealloc(list.slots[n].get(), layout) };
            }
        }
    }
}

/// Empties the lists when the thread exits (see the module comment).
struct ExitGuard;

impl Drop for ExitGuard {
    fn drop(&mut self) {
        LOCAL.with(|h| {
            let l = &h.free;
            l.state.set(GuardState::Closed);
            for list in &l.lists {
                list.cap.set(0);
            }
            l.trim();
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
    if l.state.get() == GuardState::Unregistered {
        // Touching the guard registers its destructor; `try_with` fails
        // only while the thread is already exiting.
        if EXIT_GUARD.try_with(|_| ()).is_err() {
            return false;
        }
        l.state.set(GuardState::Registered);
        for (i, list) in l.lists.iter().enumerate() {
            list.cap.set(cap_of(i));
        }
    }
    list.len.get() < list.cap.get()
}

/// A box for a `T` from the free list, if `T` has a list and it is not
/// empty. The memory is uninitialised; the caller writes a whole box.
#[inline(always)]
pub(super) fn take<T: Payload>() -> Option<NonNull<ObjBox<T>>> {
    let i = const { list_index(T::KIND) }?;
    LOCAL.with(|h| {
        let l = &h.free;
        let list = &l.lists[i];
        let n = list.len.get();
        if n == 0 {
            return None;
        }
        list.len.set(n - 1);
        NonNull::new(list.slots[n - 1].get().cast::<ObjBox<T>>())
    })
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
    LOCAL.with(|h| {
        let l = &h.free;
        let list = &l.lists[i];
        let n = list.len.get();
        if n >= list.cap.get() && (l.state.get() != GuardState::Unregistered || !make_room(l, list)) {
            return false;
        }
        // SAFETY: `n < cap <= CAP`: `cap` is only ever 0 or `cap_of(i)`,
        // and `make_room` returned true only when `n < cap`.
        unsafe { list.slots.get_unchecked(n) }.set(p.as_ptr().cast());
        list.len.set(n + 1);
        true
    })
}

/// Frees the boxes kept on this thread's lists.
pub(super) fn trim() {
    LOCAL.with(|h| h.free.trim());
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
    LOCAL.with(|h| {
        let list = &h.free.lists[LIST];
        let n = list.len.get();
        if n == 0 {
            return None;
        }
        list.len.set(n - 1);
        NonNull::new(list.slots[n - 1].get().cast::<GcBox<ListValue>>())
    })
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
    LOCAL.with(|h| {
        let l = &h.free;
        let list = &l.lists[LIST];
        let n = list.len.get();
        if n >= list.cap.get() && (l.state.get() != GuardState::Unregistered || !make_room(l, list)) {
            return false;
        }
        // SAFETY: `n < cap <= CAP`, as in `give`.
        unsafe { list.slots.get_unchecked(n) }.set(p.as_ptr().cast());
        list.len.set(n + 1);
        true
    })
}
