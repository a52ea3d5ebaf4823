//! Weak references: the heap's half of `weakref`.
//!
//! Model: a weak reference object's payload holds a `WeakTarget`: a raw
//! pointer to its referent (no count), the weak reference's own header
//! pointer, and its callback. A thread-local registry maps each weakly
//! referenced object (flag `WEAKLY_REFERENCED`) to its weak references,
//! in CPython's list order (the plain ones without callback first).
//!
//! When a referent dies (`clear_on_death`, from `DeadObj::release`, after
//! `__del__` and only if it was not resurrected; or from the collector's
//! `clear_for_collection` for unreachable referents, before finalizers),
//! every weak reference to it is cleared first and then the callbacks of
//! those still alive are called, in list order, as CPython's
//! `PyObject_ClearWeakRefs` and `handle_weakrefs` do. A weak reference
//! that is itself garbage gets no callback.
//!
//! Invariants:
//! - `WeakTarget::referent` is non-null only while the referent's box is
//!   allocated and its count is above zero: it is nulled before the
//!   referent is freed, and `get` never revives a count-zero object.
//! - A weak reference in the registry is alive or on the dead list; its
//!   `WeakTarget` unregisters itself when dropped.

use super::gc_list::GcList;
use super::obj::{Header, flags, weak_target_of};
use super::{Finalizer, Obj};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ptr::NonNull;

thread_local! {
    /// Referent address → its weak references' headers.
    static REGISTRY: RefCell<HashMap<usize, Vec<NonNull<Header>>>> = RefCell::new(HashMap::new());
}

/// The heap-managed part of a weak reference object.
pub struct WeakTarget {
    referent: Cell<Option<NonNull<Header>>>,
    owner: Cell<Option<NonNull<Header>>>,
    callback: RefCell<Option<Obj>>,
}

impl WeakTarget {
    /// Not yet attached: `Obj::attach_weakref` attaches it, once the weak
    /// reference object exists.
    pub fn new(callback: Option<Obj>) -> WeakTarget {
        WeakTarget { referent: Cell::new(None), owner: Cell::new(None), callback: RefCell::new(callback) }
    }

    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Obj> {
        let p = self.referent.get()?;
        // SAFETY: a set referent is allocated (invariant above).
        if unsafe { p.as_ref() }.refcnt.get() == 0 {
            return None;
        }
        // SAFETY: allocated with a count above zero: alive.
        Some(unsafe { Obj::from_borrowed_raw(p) })
    }

    pub fn callback(&self) -> Option<Obj> {
        self.callback.try_borrow().ok().and_then(|c| c.clone())
    }

    /// For the payload's `traverse`: the callback is an owned reference.
    pub fn callback_cell(&self) -> &RefCell<Option<Obj>> {
        &self.callback
    }
}

impl Drop for WeakTarget {
    fn drop(&mut self) {
        let (Some(referent), Some(owner)) = (self.referent.get(), self.owner.get()) else { return };
        let _ = REGISTRY.try_with(|r| {
            let mut r = r.borrow_mut();
            let key = referent.as_ptr() as usize;
            if let Some(list) = r.get_mut(&key) {
                list.retain(|&w| w != owner);
                if list.is_empty() {
                    r.remove(&key);
                    // SAFETY: the referent is alive (invariant above).
                    unsafe { referent.as_ref() }.unset(flags::WEAKLY_REFERENCED);
                }
            }
        });
    }
}

impl Obj {
    /// Makes `weakref` (an object whose payload holds an unattached
    /// `WeakTarget`) a weak reference to `self`. `plain` ones (no
    /// callback, exact type) go first in the list, as in CPython.
    pub fn attach_weakref(&self, weakref: &Obj, plain: bool) {
        let Some(t) = weak_target_of(weakref.as_ptr()) else { return };
        t.referent.set(Some(self.as_ptr()));
        t.owner.set(Some(weakref.as_ptr()));
        self.header().set(flags::WEAKLY_REFERENCED);
        REGISTRY.with(|r| {
            let mut r = r.borrow_mut();
            let list = r.entry(self.addr()).or_default();
            // Plain ones first; a new one with a callback goes right after
            // them (CPython's `insert_after` the basic ref or proxy).
            let at = list.iter().take_while(|&&w| weak_target_of(w).is_some_and(|t| t.callback().is_none())).count();
            list.insert(if plain { 0 } else { at }, weakref.as_ptr());
        });
    }

    /// The live weak references to `self`, in list order.
    pub fn weakrefs(&self) -> Vec<Obj> {
        if !self.header().has(flags::WEAKLY_REFERENCED) {
            return Vec::new();
        }
        REGISTRY.with(|r| {
            let r = r.borrow();
            let list = r.get(&self.addr()).map(Vec::as_slice).unwrap_or(&[]);
            list.iter()
                // SAFETY: registered weak references are allocated; only
                // those with a count are revived.
                .filter(|w| unsafe { w.as_ref() }.refcnt.get() != 0)
                .map(|&w| unsafe { Obj::from_borrowed_raw(w) })
                .collect()
        })
    }
}

/// Clears the weak references to `p` and returns those still alive.
fn detach_all(p: NonNull<Header>) -> Vec<Obj> {
    // SAFETY: `p` is allocated (the caller's contract).
    unsafe { p.as_ref() }.unset(flags::WEAKLY_REFERENCED);
    let list = REGISTRY.with(|r| r.borrow_mut().remove(&(p.as_ptr() as usize))).unwrap_or_default();
    let mut out = Vec::new();
    for w in list {
        let Some(t) = weak_target_of(w) else { continue };
        t.referent.set(None);
        // SAFETY: registered weak references are allocated.
        if unsafe { w.as_ref() }.refcnt.get() != 0 {
            // SAFETY: allocated with a count: alive.
            out.push(unsafe { Obj::from_borrowed_raw(w) });
        }
    }
    out
}

/// Takes a cleared weak reference's callback (it is called once).
fn take_callback(w: &Obj) -> Option<Obj> {
    weak_target_of(w.as_ptr())?.callback.try_borrow_mut().ok()?.take()
}

/// The object at `p` is about to be freed (count zero, finalized, not
/// resurrected, untracked): clear its weak references, then call their
/// callbacks.
pub(super) fn clear_on_death(p: NonNull<Header>, fin: &mut dyn Finalizer) {
    for w in detach_all(p) {
        if let Some(cb) = take_callback(&w) {
            fin.weakref_callback(&w, &cb);
        }
    }
}

/// The collector's `handle_weakrefs`: clears every weak reference to an
/// object of `unreachable`, then calls the callbacks of those that are not
/// garbage themselves. Returns how many weak references the callbacks
/// left with no other reference (CPython counts them as collected), and
/// whether any callback was called.
pub(super) fn clear_for_collection(unreachable: &GcList, fin: &mut dyn Finalizer) -> (usize, bool) {
    let members = super::collector::nodes(unreachable);
    for &p in &members {
        // SAFETY: nodes of a list are allocated.
        unsafe { p.as_ref() }.set(flags::COLLECTING);
    }
    let mut calls = Vec::new();
    for &p in &members {
        // SAFETY: as above.
        if unsafe { p.as_ref() }.has(flags::WEAKLY_REFERENCED) {
            for w in detach_all(p) {
                // Garbage itself: its callback goes with it, uncalled.
                if w.header().has(flags::COLLECTING) {
                    continue;
                }
                if let Some(cb) = take_callback(&w) {
                    calls.push((w, cb));
                }
            }
        }
    }
    for &p in &members {
        // SAFETY: as above; no code ran since.
        unsafe { p.as_ref() }.unset(flags::COLLECTING);
    }
    let mut freed = 0;
    let called = !calls.is_empty();
    for (w, cb) in calls {
        fin.weakref_callback(&w, &cb);
        if w.refcount() == 1 {
            freed += 1;
        }
    }
    (freed, called)
}
