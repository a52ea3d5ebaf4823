//! The heap: the one place where Python objects are allocated and freed.
//!
//! # Model
//! Every object is one allocation laid out header-first (`#[repr(C)]`):
//!
//! ```text
//!   ObjBox<T> = [ Header { refcnt: u32, kind: u8, flags: u8, type: *Header } | T ]
//! ```
//!
//! An [`Obj`] is a strong reference: a non-null pointer to the header.
//! Cloning it increments the count and dropping it decrements the count,
//! so safe code cannot free an object that is still referenced. When the
//! count reaches zero the object is not freed inside `Drop` (which has no
//! access to the interpreter); it is pushed onto the thread's *dead list*,
//! and the interpreter calls [`Heap::collect_dead`] at its next safe point
//! (after every instruction that can drop a reference). There `__del__`
//! runs, and the object's fields are released, which may free more
//! objects: the dead list is a worklist, so freeing a million-long chain
//! needs no recursion.
//!
//! # Strategies
//! The strategy is chosen once per process, at start-up ([`Strategy`]),
//! before the first object exists. Every strategy keeps counts: an
//! increment is one add, with no test of the strategy, and only the cold
//! path taken when a count reaches zero reads the process-wide flag
//! (never a dynamic call):
//! - `cpython` (the default): refcounting plus CPython 3.11's generational
//!   cycle collector (`collector.rs`, on the intrusive lists of
//!   `gc_list.rs`); uses the same counts, plus each payload's `traverse`.
//! - `refcount`: objects die when their count reaches zero; cycles leak.
//!   Nothing is tracked; containers still carry the (unused) links.
//! - `marksweep` (planned): a tracing collector from the VM's roots; counts
//!   are kept but a zero frees nothing (`died` returns at once).
//!
//! # Invariants
//! - `unsafe` exists only under `src/heap/`; every block says why it holds.
//! - An `ObjBox<T>` is only ever read as the `T` its header's `kind` names.
//! - A `Header` is only reached through a live `Obj` (count > 0) or, while
//!   on the dead list, by the heap alone.

mod alloc;
mod collector;
mod free_list;
mod gc_list;
mod obj;
mod obj_array;
mod slot_stack;
mod stats;
mod weak;
mod wrap_buf;
#[cfg(test)]
mod tests;

pub use alloc::Allocator;
pub use obj::flags as obj_flags;
pub use collector::{DEBUG_SAVEALL, GENERATIONS, GcControl, GenStats};
pub use obj::{Busy, Header, Kind, Obj, Payload};
pub use obj_array::ObjArray;
pub use slot_stack::SlotStack;
pub use stats::HeapStats;
pub use weak::WeakTarget;
pub use wrap_buf::WrapBuf;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A memory-management strategy, chosen at start-up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Strategy {
    /// Reference counting plus CPython 3.11's generational cycle collector.
    Cpython,
    /// Reference counting only: an object dies when its count reaches zero.
    Refcount,
}

impl Strategy {
    pub const ALL: &'static [Strategy] = &[Strategy::Cpython, Strategy::Refcount];
    pub const DEFAULT: Strategy = Strategy::Cpython;

    pub fn name(self) -> &'static str {
        match self {
            Strategy::Cpython => "cpython",
            Strategy::Refcount => "refcount",
        }
    }

    pub fn from_name(name: &str) -> Option<Strategy> {
        Strategy::ALL.iter().copied().find(|s| s.name() == name)
    }

    fn mode(self) -> u8 {
        match self {
            Strategy::Cpython => CPYTHON,
            Strategy::Refcount => REFCOUNT,
        }
    }
}

const UNSET: u8 = 0;
const CPYTHON: u8 = 1;
const REFCOUNT: u8 = 2;
/// For a tracing strategy: counts are not kept.
const NOT_COUNTING: u8 = 3;

/// The process's strategy, as one of the modes above. Set once.
static COUNTING_MODE: AtomicU8 = AtomicU8::new(UNSET);

/// Whether the cycle collector tracks and collects. Unset means the
/// default strategy, `cpython`.
#[inline(always)]
pub(crate) fn collector_on() -> bool {
    matches!(COUNTING_MODE.load(Ordering::Relaxed), UNSET | CPYTHON)
}

#[inline(always)]
pub(crate) fn counting() -> bool {
    // Unset counts as counting: objects made before any choice (tests that
    // build values directly) behave as under `refcount`.
    COUNTING_MODE.load(Ordering::Relaxed) != NOT_COUNTING
}

/// Fixes the process's strategy. The first call wins; a later call with a
/// different strategy fails, because objects already made under the first
/// one would be mismanaged by the second.
pub fn choose_strategy(s: Strategy) -> Result<(), Strategy> {
    let want = s.mode();
    match COUNTING_MODE.compare_exchange(UNSET, want, Ordering::Relaxed, Ordering::Relaxed) {
        Ok(_) => Ok(()),
        Err(current) if current == want => Ok(()),
        Err(_) => Err(s),
    }
}

thread_local! {
    /// Objects whose count reached zero, waiting for `collect_dead`.
    static DEAD: RefCell<Vec<obj::DeadObj>> = const { RefCell::new(Vec::new()) };
    /// Set when `DEAD` becomes non-empty; cleared when it is drained.
    static DEAD_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The counters and free lists, in one thread-local so that an
    /// allocation or a free computes the thread's block address once.
    static LOCAL: Local = const {
        Local {
            stats: stats::Counters::ZERO,
            free: free_list::FreeLists::EMPTY,
            release_depth_left: std::cell::Cell::new(IMMEDIATE_RELEASE_DEPTH),
        }
    };
}

/// The heap's per-thread state touched on every allocation and free.
struct Local {
    stats: stats::Counters,
    free: free_list::FreeLists,
    /// How many more containers may be freed inside the one being freed
    /// (`ImmediateRelease`); 0 while the collector runs.
    release_depth_left: std::cell::Cell<u8>,
}

/// How deep frees of containers may nest before the dead list takes over
/// (CPython's trashcan does the same for long chains).
const IMMEDIATE_RELEASE_DEPTH: u8 = 16;

/// Permission to free a container now, where its count reached zero,
/// rather than at the VM's next safe point: one level of nesting, given
/// back when dropped. Refused once the nesting is `IMMEDIATE_RELEASE_DEPTH`
/// deep, and always while the collector walks its lists (`suspend`), since
/// freeing untracks, which unlinks from a list it may be walking.
struct ImmediateRelease(());

impl ImmediateRelease {
    #[inline(always)]
    fn enter() -> Option<ImmediateRelease> {
        LOCAL.with(|l| {
            let left = l.release_depth_left.get();
            if left == 0 {
                return None;
            }
            l.release_depth_left.set(left - 1);
            Some(ImmediateRelease(()))
        })
    }

    /// Stops immediate frees until the returned value is given to
    /// `resume`: for the collector's run.
    fn suspend() -> u8 {
        LOCAL.with(|l| l.release_depth_left.replace(0))
    }

    fn resume(saved: u8) {
        LOCAL.with(|l| l.release_depth_left.set(saved));
    }
}

impl Drop for ImmediateRelease {
    #[inline(always)]
    fn drop(&mut self) {
        LOCAL.with(|l| l.release_depth_left.set(l.release_depth_left.get() + 1));
    }
}

/// What the interpreter must do for an object that is about to be freed:
/// run `__del__` if its type has one. Given by the VM; the heap never
/// imports the VM.
pub trait Finalizer {
    /// Called once per dying object that `needs_finalizer` flagged, before
    /// its fields are released. The object is alive again for the call (a
    /// fresh strong reference); if the finalizer stores it somewhere, the
    /// object is resurrected and not freed.
    fn finalize(&mut self, obj: &Obj);

    /// Under `gc.DEBUG_SAVEALL`: an unreachable object the collector
    /// found, to keep in `gc.garbage` instead of freeing it.
    fn keep_garbage(&mut self, _obj: &Obj) {}

    /// A weak reference's referent died: call its callback with it.
    fn weakref_callback(&mut self, _weakref: &Obj, _callback: &Obj) {}
}

/// The heap's operations. Allocation is `Obj::new`; this is the rest.
pub struct Heap;

impl Heap {
    /// Frees every object on the dead list, and those their release frees
    /// in turn, calling `fin` for objects that want finalization.
    /// Then, under `cpython`, runs the automatic collection that is due:
    /// this is the VM's safe point.
    pub fn collect_dead(fin: &mut dyn Finalizer) {
        Heap::drain_dead(fin);
        collector::collect_if_due(fin);
    }

    /// Returns whether anything was on the dead list.
    fn drain_dead(fin: &mut dyn Finalizer) -> bool {
        let mut any = false;
        // One thread-local lookup for the whole drain, not one per object;
        // the borrow ends before each `release`, which may push more.
        DEAD.with(|d| {
            loop {
                let next = d.borrow_mut().pop();
                match next {
                    Some(dead) => {
                        any = true;
                        dead.release(fin);
                    }
                    None => break,
                }
            }
        });
        DEAD_PENDING.with(|p| p.set(false));
        any
    }

    /// `gc.collect(generation)`: a collection now, whatever the counts.
    /// Returns the number of unreachable objects found (0 under
    /// `refcount`, which has no collector).
    pub fn collect_cycles(generation: usize, fin: &mut dyn Finalizer) -> usize {
        Heap::drain_dead(fin);
        collector::collect(generation, fin)
    }

    /// True when the cycle collector is in use (strategy `cpython`).
    pub fn has_collector() -> bool {
        collector_on()
    }

    /// True when objects are waiting on the dead list. Cheap: one
    /// thread-local flag, checked after most instructions.
    #[inline(always)]
    pub fn has_dead() -> bool {
        DEAD_PENDING.with(|p| p.get())
    }

    /// Stands for a container made and dropped at once that the VM
    /// elides (the bound method of `super().f(...)`, which CPython makes
    /// and frees before the call runs): the collection it could make due
    /// is still asked for, so automatic collections run where they would.
    #[inline]
    pub fn note_elided_container() {
        collector::on_gc_transient();
    }

    /// A copy of this thread's counters.
    pub fn stats() -> HeapStats {
        LOCAL.with(|l| l.stats.snapshot(&free_list::pooled(&l.free)))
    }

    /// Frees the boxes this thread keeps for reuse (`free_list`). For
    /// interpreter teardown, so that nothing the heap holds outlives the
    /// interpreter; the lists refill if objects are made again.
    pub fn trim_free_lists() {
        free_list::set_exact_list_type(std::ptr::null());
        free_list::set_exact_tuple_type(std::ptr::null());
        free_list::trim();
    }

    /// Registers the exact `list` type: its instances' boxes go to the
    /// list free list when freed (see `free_list`).
    pub fn set_exact_list_type(t: &Obj) {
        free_list::set_exact_list_type(t.as_ptr().as_ptr());
    }

    /// Registers the exact `tuple` type: its instances' boxes go to the
    /// tuple free lists when freed (see `free_list`).
    pub fn set_exact_tuple_type(t: &Obj) {
        free_list::set_exact_tuple_type(t.as_ptr().as_ptr());
    }
}
