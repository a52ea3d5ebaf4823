//! The collector's intrusive doubly-linked lists (CPython's `PyGC_Head`).
//!
//! Model: a container's box is `GcBox<T> = [ Header | GcLinks | T ]`
//! (`#[repr(C)]`), so its header pointer is also a pointer to a `GcHead`.
//! A list is a circular chain through `GcLinks` with a heap-allocated
//! sentinel node, so linking, unlinking and splicing a whole list are
//! O(1), and an object can unlink itself (when freed) without knowing
//! which list it is in.
//!
//! Invariants:
//! - A node is in at most one list; `Header::flags & TRACKED` says
//!   whether it is in one. Unlinked nodes have null links.
//! - Every pointer in a list was derived from the box's own raw pointer
//!   (never from a reference to a field), so it may be used for the whole
//!   box (Stacked Borrows).
//! - Nodes are only reached through these lists while their box is
//!   allocated: a box is unlinked before it is freed.

use super::obj::Header;
use super::Kind;
use std::cell::Cell;
use std::ptr::NonNull;

/// The start of a `GcBox`: the header, then the links.
#[repr(C)]
pub(super) struct GcHead {
    pub(super) header: Header,
    pub(super) links: GcLinks,
}

pub(super) struct GcLinks {
    prev: Cell<*mut GcHead>,
    next: Cell<*mut GcHead>,
}

impl GcLinks {
    pub(super) fn unlinked() -> GcLinks {
        GcLinks { prev: Cell::new(std::ptr::null_mut()), next: Cell::new(std::ptr::null_mut()) }
    }
}

/// A node: the header pointer of a `GcBox`, seen as its `GcHead`.
fn node(p: NonNull<Header>) -> *mut GcHead {
    p.as_ptr().cast()
}

/// # Safety
/// `n` must point at a live `GcHead` (a `GcBox` or a sentinel).
unsafe fn links<'a>(n: *mut GcHead) -> &'a GcLinks {
    // SAFETY: guaranteed by the caller; the links are `Cell`s, so shared
    // references to them may coexist with other shared references.
    unsafe { &(*n).links }
}

/// A list with its own sentinel.
pub(super) struct GcList {
    sentinel: NonNull<GcHead>,
}

impl GcList {
    pub(super) fn new() -> GcList {
        let head = Box::new(GcHead { header: Header::new(Kind::None, 0), links: GcLinks::unlinked() });
        // SAFETY: `Box::into_raw` never returns null.
        let sentinel = unsafe { NonNull::new_unchecked(Box::into_raw(head)) };
        let s = sentinel.as_ptr();
        // SAFETY: the sentinel was just allocated.
        let l = unsafe { links(s) };
        l.prev.set(s);
        l.next.set(s);
        GcList { sentinel }
    }

    fn head(&self) -> *mut GcHead {
        self.sentinel.as_ptr()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.first().is_none()
    }

    /// The first node, if any.
    pub(super) fn first(&self) -> Option<NonNull<Header>> {
        // SAFETY: the sentinel lives as long as `self`.
        let n = unsafe { links(self.head()) }.next.get();
        if n == self.head() { None } else { NonNull::new(n.cast()) }
    }

    /// The node after `p` in this list, if any.
    ///
    /// # Safety
    /// `p` must be a live node of this list.
    pub(super) unsafe fn next_of(&self, p: NonNull<Header>) -> Option<NonNull<Header>> {
        // SAFETY: guaranteed by the caller.
        let n = unsafe { links(node(p)) }.next.get();
        if n == self.head() { None } else { NonNull::new(n.cast()) }
    }

    /// Appends an unlinked node.
    ///
    /// # Safety
    /// `p` must be the live box of a `GcBox`, in no list.
    pub(super) unsafe fn push_back(&self, p: NonNull<Header>) {
        let n = node(p);
        let head = self.head();
        // SAFETY: `n` is live (caller); the sentinel and its current last
        // node are live (list invariant).
        unsafe {
            let last = links(head).prev.get();
            links(n).prev.set(last);
            links(n).next.set(head);
            links(last).next.set(n);
            links(head).prev.set(n);
        }
    }

    /// The number of nodes (walks the list).
    pub(super) fn len(&self) -> usize {
        let mut n = 0;
        let mut cur = self.first();
        while let Some(p) = cur {
            n += 1;
            // SAFETY: `p` is a node of this list.
            cur = unsafe { self.next_of(p) };
        }
        n
    }

    /// Moves every node of `self` to the end of `to`, keeping their order.
    pub(super) fn append_to(&self, to: &GcList) {
        let (from_head, to_head) = (self.head(), to.head());
        if self.is_empty() || from_head == to_head {
            return;
        }
        // SAFETY: both sentinels and every node of both lists are live.
        unsafe {
            let first = links(from_head).next.get();
            let last = links(from_head).prev.get();
            let to_last = links(to_head).prev.get();
            links(to_last).next.set(first);
            links(first).prev.set(to_last);
            links(last).next.set(to_head);
            links(to_head).prev.set(last);
            links(from_head).next.set(from_head);
            links(from_head).prev.set(from_head);
        }
    }
}

impl GcList {
    /// Ends a collection pass that kept `gc_refs` in the nodes' `prev`
    /// links (`set_gc_refs`): walks the list by its `next` links, moves
    /// the nodes for which `moved` is true to the end of `to`, and
    /// rewrites the `prev` links of those that stay. Order is kept in
    /// both lists.
    ///
    /// # Safety
    /// Every node's `next` link and the sentinel's links must be intact
    /// (only `prev` links were reused), `to` must be another list, and
    /// `moved` must not link or unlink anything.
    pub(super) unsafe fn relink_moving(&self, to: &GcList, mut moved: impl FnMut(NonNull<Header>) -> bool) {
        let head = self.head();
        // SAFETY: the sentinels and every node of both lists are live; the
        // `next` chain of `self` is intact (caller), and each node is read
        // before it is relinked.
        unsafe {
            let mut last = head;
            let mut cur = links(head).next.get();
            while cur != head {
                let next = links(cur).next.get();
                let p = NonNull::new_unchecked(cur.cast::<Header>());
                if moved(p) {
                    to.push_back(p);
                } else {
                    links(cur).prev.set(last);
                    links(last).next.set(cur);
                    last = cur;
                }
                cur = next;
            }
            links(last).next.set(head);
            links(head).prev.set(last);
        }
    }
}

/// Keeps the collector's working count (CPython's `gc_refs`) in `p`'s
/// `prev` link, as CPython 3.11 does: no second array and no change to
/// the object's own count. The list's `prev` links are then broken until
/// `GcList::relink_moving`: only `next` may be followed meanwhile.
///
/// # Safety
/// `p` must be a live node of a list that nothing unlinks or appends to
/// until `relink_moving` runs on it.
pub(super) unsafe fn set_gc_refs(p: NonNull<Header>, n: usize) {
    // SAFETY: guaranteed by the caller. The integer is stored without
    // provenance and never dereferenced.
    unsafe { links(node(p)) }.prev.set(std::ptr::without_provenance_mut(n));
}

/// The count `set_gc_refs` stored.
///
/// # Safety
/// As for `set_gc_refs`, after it was called on `p`.
pub(super) unsafe fn gc_refs(p: NonNull<Header>) -> usize {
    // SAFETY: guaranteed by the caller.
    unsafe { links(node(p)) }.prev.get().addr()
}

impl Drop for GcList {
    fn drop(&mut self) {
        // Nodes still linked (objects leaked at thread exit) are detached
        // so that none points at the freed sentinel.
        while let Some(p) = self.first() {
            // SAFETY: `p` is a node of this list.
            unsafe { unlink(p) };
        }
        // SAFETY: the sentinel came from `Box::into_raw` in `new`.
        drop(unsafe { Box::from_raw(self.sentinel.as_ptr()) });
    }
}

/// Removes a node from whatever list holds it.
///
/// # Safety
/// `p` must be the live box of a `GcBox` that is in a list.
pub(super) unsafe fn unlink(p: NonNull<Header>) {
    let n = node(p);
    // SAFETY: `n` and its neighbours are live (list invariant).
    unsafe {
        let l = links(n);
        let (prev, next) = (l.prev.get(), l.next.get());
        links(prev).next.set(next);
        links(next).prev.set(prev);
        l.prev.set(std::ptr::null_mut());
        l.next.set(std::ptr::null_mut());
    }
}
