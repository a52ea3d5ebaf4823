//! The `cpython` strategy's cycle collector: CPython 3.11's `gc.c`.
//!
//! Model: containers (`Payload::GC`) are tracked in one of three
//! generations (intrusive lists, `gc_list`); new ones go to generation 0,
//! except dicts, which are tracked when they first hold something that
//! may be tracked (`Obj::track_for_contents`). A collection of generation
//! `g` merges the younger generations into `g` and then:
//!
//! 1. `deduce_unreachable`: copy each object's count to its `gc_refs`
//!    (kept in its list's `prev` link, as in CPython) and subtract every
//!    reference that comes from inside the set (found by each payload's
//!    `traverse`, plus the header's type pointer); whatever is left with
//!    a count is referenced from outside and is a root; everything the
//!    roots reach is alive; the links are then rewritten. The rest is
//!    unreachable.
//! 2. Survivors move up a generation (tuples, and at full collections
//!    dicts, holding only untrackable values are untracked first).
//! 3. `weak::clear_for_collection`: weak references to unreachable
//!    objects are cleared and their callbacks called.
//! 4. `finalize_garbage`: `__del__` runs once per object (PEP 442),
//!    through the VM's `Finalizer`.
//! 5. `handle_resurrected`: step 1 again on the unreachable set; what a
//!    finalizer made reachable again survives. Skipped when no finalizer
//!    or callback ran and nothing was freed since step 1: nothing changed.
//! 6. `delete_garbage`: the rest is cleared (`Payload::clear` breaks its
//!    references), which frees it through the ordinary dead list.
//! 7. A full collection empties the free lists (`free_list`).
//!
//! Invariants:
//! - Collections start only from `Heap` entry points that the VM calls at
//!   safe points, with the dead list drained; never from `Obj::new`.
//! - Steps 1 and 5 run no Python code and never change `Obj` counts;
//!   the `prev` links they reuse are rewritten before any code runs. If
//!   a payload is mutably borrowed (Rust code in the middle of changing
//!   it), the collection gives up: all objects are treated as reachable.
//! - Unreachable objects stay in intrusive lists while finalizers run, so
//!   an object freed meanwhile unlinks itself.

use super::gc_list::{GcList, gc_refs, set_gc_refs, unlink};
use super::obj::{Busy, Header, clear_payload, drop_all_containers, flags, traverse_payload};
use super::{DEAD_PENDING, Finalizer, Kind, Obj, collector_on};
use std::cell::Cell;
use std::ptr::NonNull;

pub const GENERATIONS: usize = 3;

/// `gc.DEBUG_SAVEALL`: unreachable objects go to `gc.garbage` instead of
/// being freed.
pub const DEBUG_SAVEALL: u32 = 32;

/// Per-generation figures for `gc.get_stats()`.
#[derive(Clone, Copy, Debug, Default)]
pub struct GenStats {
    pub collections: u64,
    pub collected: u64,
    pub uncollectable: u64,
}

struct GcState {
    gens: [GcList; GENERATIONS],
    /// Generation 0: allocations minus frees of containers since its last
    /// collection; older ones: collections of the next younger one.
    counts: [Cell<usize>; GENERATIONS],
    thresholds: [Cell<usize>; GENERATIONS],
    /// `gc.freeze()`: objects the collector ignores.
    permanent: GcList,
    enabled: Cell<bool>,
    collecting: Cell<bool>,
    long_lived_total: Cell<usize>,
    long_lived_pending: Cell<usize>,
    stats: [Cell<GenStats>; GENERATIONS],
    debug: Cell<u32>,
    /// Buffers kept from one collection to the next, so that a collection
    /// allocates nothing and its vectors do not regrow from empty each
    /// time (`collect` takes them out and puts them back; collections do
    /// not nest).
    scratch: Cell<Scratch>,
}

/// The collector's reusable buffers; empty between collections.
#[derive(Default)]
struct Scratch {
    /// `deduce_unreachable`'s marking worklist.
    stack: Vec<NonNull<Header>>,
    /// `delete_garbage`'s counts of the garbage, held while it is cleared.
    held: Vec<Obj>,
}

impl GcState {
    fn new() -> GcState {
        GcState {
            gens: [GcList::new(), GcList::new(), GcList::new()],
            counts: Default::default(),
            thresholds: [Cell::new(700), Cell::new(10), Cell::new(10)],
            permanent: GcList::new(),
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: Default::default(),
            debug: Cell::new(0),
            scratch: Cell::new(Scratch::default()),
        }
    }

    fn is_due(&self) -> bool {
        let t0 = self.thresholds[0].get();
        self.enabled.get() && !self.collecting.get() && t0 != 0 && self.counts[0].get() > t0
    }
}

thread_local! {
    static GC: GcState = GcState::new();
}

fn header<'a>(p: NonNull<Header>) -> &'a Header {
    // SAFETY: the collector only holds pointers to boxes that are linked
    // in its lists or referenced by such boxes: all allocated.
    unsafe { p.as_ref() }
}

/// A container was just allocated (count 1, untracked).
pub(super) fn on_gc_alloc(p: NonNull<Header>, kind: Kind) {
    if !collector_on() {
        return;
    }
    GC.with(|g| {
        g.counts[0].set(g.counts[0].get() + 1);
        if kind != Kind::Dict {
            // SAFETY: `p` is a fresh `GcBox`, in no list.
            unsafe { g.gens[0].push_back(p) };
            header(p).set(flags::TRACKED);
        }
        if g.is_due() {
            // Ask the VM for its next safe point (`Heap::collect_dead`).
            DEAD_PENDING.with(|f| f.set(true));
        }
    });
}

/// A list was made in a box from the free list (`Obj::new_list_reusing`):
/// tracked as new, but not counted, as in CPython's `PyList_New`.
pub(super) fn on_gc_reuse(p: NonNull<Header>) {
    if collector_on() {
        // SAFETY: `p` is a freshly written `GcBox`, in no list.
        GC.with(|g| unsafe { g.gens[0].push_back(p) });
        header(p).set(flags::TRACKED);
    }
}

/// A container just made was marked `UNCOUNTED`: take back the count
/// its allocation added (no collection can have run in between: they run
/// only at the VM's safe points).
pub(super) fn on_gc_uncounted() {
    if collector_on() {
        GC.with(|g| g.counts[0].set(g.counts[0].get().saturating_sub(1)));
    }
}

/// A container the VM skipped making: its allocation's effect on the
/// collector (a collection may become due) without the object, which
/// would have been freed before any safe point could see it counted.
pub(super) fn on_gc_transient() {
    if !collector_on() {
        return;
    }
    GC.with(|g| {
        g.counts[0].set(g.counts[0].get() + 1);
        if g.is_due() {
            DEAD_PENDING.with(|f| f.set(true));
        }
        g.counts[0].set(g.counts[0].get() - 1);
    });
}

/// A container's box was freed.
pub(super) fn on_gc_free() {
    if collector_on() {
        let _ = GC.try_with(|g| g.counts[0].set(g.counts[0].get().saturating_sub(1)));
    }
}

/// Unlinks a tracked object (it is being freed, or `untrack`ed).
pub(super) fn untrack(p: NonNull<Header>) {
    // SAFETY: the object is tracked, so it is in a list.
    unsafe { unlink(p) };
    header(p).unset(flags::TRACKED);
}

/// Tracks a container in generation 0 (no-op when already tracked).
pub(super) fn track(p: NonNull<Header>) {
    let h = header(p);
    if h.has(flags::GC) && !h.has(flags::TRACKED) && collector_on() {
        // SAFETY: a live `GcBox` in no list.
        GC.with(|g| unsafe { g.gens[0].push_back(p) });
        h.set(flags::TRACKED);
    }
}

/// CPython's `_PyObject_GC_MAY_BE_TRACKED`: a container, and not a tuple
/// that a collection already found atomic.
pub(super) fn may_be_tracked(h: &Header) -> bool {
    h.has(flags::GC) && (h.kind != Kind::Tuple || h.has(flags::TRACKED))
}

/// Calls `f` on every reference `p` owns: its type, then its payload's.
/// Generic, so that each edge costs one dynamic call (the payload's
/// `traverse` calling its visitor), not two.
#[inline(always)]
fn for_each_ref<F: FnMut(NonNull<Header>)>(p: NonNull<Header>, mut f: F) -> Result<(), Busy> {
    if let Some(t) = NonNull::new(header(p).type_ptr() as *mut Header) {
        f(t);
    }
    // SAFETY: `p` is allocated (see `header`).
    unsafe { traverse_payload(p, &mut |o: &Obj| f(o.as_ptr())) }
}

pub(super) fn nodes(list: &GcList) -> Vec<NonNull<Header>> {
    let mut out = Vec::new();
    let mut cur = list.first();
    while let Some(p) = cur {
        out.push(p);
        // SAFETY: `p` is a node of `list`.
        cur = unsafe { list.next_of(p) };
    }
    out
}

/// Calls `f` on every node of `list`, in order. `f` may move the node
/// it is given to another list (the next one is read first), but must
/// not touch other nodes' links.
#[inline(always)]
fn for_each_node(list: &GcList, mut f: impl FnMut(NonNull<Header>)) {
    let mut cur = list.first();
    while let Some(p) = cur {
        // SAFETY: `p` is a node of `list`, read before `f` may move it.
        cur = unsafe { list.next_of(p) };
        f(p);
    }
}

/// Steps 1 and 5: moves the objects of `set` that nothing outside `set`
/// reaches to `unreachable`, keeping their order. On `Busy` nothing moves.
/// Returns the union of the moved objects' flags, so that the steps after
/// it can skip their walks when no unreachable object has weak references
/// or a finalizer.
///
/// As in CPython 3.11, each object's working count (`gc_refs`) lives in
/// its `prev` link while the passes run (`gc_list::set_gc_refs`), so the
/// objects' own counts are never changed and need no restoring, and no
/// array of saved counts is built; the last pass rewrites the links.
/// No code runs between the first pass and the last, so nothing else
/// follows or changes the links meanwhile.
fn deduce_unreachable(set: &GcList, unreachable: &GcList, scratch: &mut Scratch) -> Result<u8, Busy> {
    for_each_node(set, |p| {
        let h = header(p);
        h.set(flags::COLLECTING);
        // SAFETY: `p` is a node of `set`, relinked at the end below.
        unsafe { set_gc_refs(p, h.refcnt.get() as usize) };
    });
    // Subtract the references from inside the set. A busy payload visits
    // nothing; the collection then gives up below.
    let mut busy = false;
    for_each_node(set, |p| {
        let r = for_each_ref(p, |r| {
            if header(r).has(flags::COLLECTING) {
                // SAFETY: a `COLLECTING` object is a node of `set`.
                unsafe { set_gc_refs(r, gc_refs(r).wrapping_sub(1)) };
            }
        });
        busy |= r.is_err();
    });
    if !busy {
        // What still has a count is referenced from outside: mark what it
        // reaches. `busy` cannot change here: no code ran since.
        let stack = &mut scratch.stack;
        stack.clear();
        for_each_node(set, |p| {
            // SAFETY: `p` is a node of `set`.
            if unsafe { gc_refs(p) } != 0 {
                header(p).set(flags::REACHABLE);
                stack.push(p);
            }
        });
        while let Some(p) = stack.pop() {
            let _ = for_each_ref(p, |r| {
                let h = header(r);
                if h.has(flags::COLLECTING) && !h.has(flags::REACHABLE) {
                    h.set(flags::REACHABLE);
                    stack.push(r);
                }
            });
        }
    }
    let mut moved_flags = 0;
    // SAFETY: only `prev` links were reused since the first pass; the
    // closure links nothing.
    unsafe {
        set.relink_moving(unreachable, |p| {
            let h = header(p);
            let moved = !busy && !h.has(flags::REACHABLE);
            h.unset(flags::COLLECTING | flags::REACHABLE);
            if moved {
                moved_flags |= h.flags.get();
            }
            moved
        });
    }
    if busy { Err(Busy) } else { Ok(moved_flags) }
}

/// Untracks the objects of `kind` in `list` that hold nothing trackable
/// (CPython's `untrack_tuples` and `untrack_dicts`).
fn untrack_atomic(list: &GcList, kind: Kind) {
    for_each_node(list, |p| {
        if header(p).kind != kind {
            return;
        }
        let mut atomic = true;
        // SAFETY: `p` is a live node.
        let r = unsafe { traverse_payload(p, &mut |o: &Obj| atomic &= !may_be_tracked(header(o.as_ptr()))) };
        if r.is_ok() && atomic {
            untrack(p);
        }
    });
}

/// Step 4: runs each unreachable object's finalizer once (PEP 442).
/// Returns whether any finalizer ran.
fn finalize_garbage(unreachable: &GcList, fin: &mut dyn Finalizer) -> bool {
    let mut ran = false;
    let seen = GcList::new();
    while let Some(p) = unreachable.first() {
        // SAFETY: `p` is in `unreachable`; it moves to `seen` first, so
        // the walk goes on even if the finalizer frees other objects.
        unsafe {
            unlink(p);
            seen.push_back(p);
        }
        let h = header(p);
        if h.has(flags::FINALIZE) && !h.has(flags::FINALIZED) {
            h.set(flags::FINALIZED);
            // SAFETY: `p` is alive (in a list); we hold a count for the call.
            let obj = unsafe { Obj::from_borrowed_raw(p) };
            fin.finalize(&obj);
            drop(obj);
            ran = true;
        }
    }
    seen.append_to(unreachable);
    ran
}

/// Step 6: breaks the references of the garbage (or saves it for
/// `gc.garbage`). Everything moves to `old` first, so what survives its
/// clearing (held by an older object's finalizer, say) stays tracked.
/// Returns the number of objects found, counted as CPython 3.11 counts
/// (not the `UNCOUNTED` attribute dicts).
fn delete_garbage(garbage: &GcList, old: &GcList, save_all: bool, fin: &mut dyn Finalizer, held: &mut Vec<Obj>) -> usize {
    let mut found = 0;
    held.clear();
    for_each_node(garbage, |p| {
        found += usize::from(!header(p).has(flags::UNCOUNTED));
        // SAFETY: every node is alive; we take a count of each, so none
        // is freed before all are cleared.
        held.push(unsafe { Obj::from_borrowed_raw(p) });
    });
    garbage.append_to(old);
    for obj in held.iter() {
        if save_all {
            fin.keep_garbage(obj);
        } else {
            // SAFETY: `obj` is a live box we hold a count of.
            unsafe { clear_payload(obj.as_ptr()) };
        }
    }
    // Released in order, as dropping the `Vec` would; the buffer keeps
    // its capacity for the next collection.
    drop_all_containers(held);
    found
}

/// Collects generation `generation` (and the younger ones). Returns the
/// number of unreachable objects found, counted as CPython 3.11 counts.
pub(super) fn collect(generation: usize, fin: &mut dyn Finalizer) -> usize {
    if !collector_on() {
        return 0;
    }
    let generation = generation.min(GENERATIONS - 1);
    GC.with(|g| {
        if g.collecting.replace(true) {
            return 0;
        }
        // Objects dying during the run wait on the dead list: freeing one
        // now would unlink it from a list being walked.
        let release_depth = super::ImmediateRelease::suspend();
        super::Heap::drain_dead(fin);
        if generation + 1 < GENERATIONS {
            let next = &g.counts[generation + 1];
            next.set(next.get() + 1);
        }
        for i in 0..=generation {
            g.counts[i].set(0);
        }
        for i in 0..generation {
            g.gens[i].append_to(&g.gens[generation]);
        }
        let young = &g.gens[generation];
        let old = if generation + 1 < GENERATIONS { &g.gens[generation + 1] } else { young };
        let mut scratch = g.scratch.take();
        let unreachable = GcList::new();
        // On `Busy` nothing is unreachable: no flags.
        let unreachable_flags = deduce_unreachable(young, &unreachable, &mut scratch).unwrap_or(0);
        untrack_atomic(young, Kind::Tuple);
        if generation + 1 < GENERATIONS {
            if generation == GENERATIONS - 2 {
                g.long_lived_pending.set(g.long_lived_pending.get() + young.len());
            }
            young.append_to(old);
        } else {
            untrack_atomic(young, Kind::Dict);
            g.long_lived_pending.set(0);
            g.long_lived_total.set(young.len());
        }
        // Both steps only act on flagged objects; without any, their walks
        // (and the weak registry's) are skipped. No code runs before the
        // finalizers' step unless a callback was called, so the flags
        // are still those `deduce_unreachable` saw.
        let (mut found, called_back) = if unreachable_flags & flags::WEAKLY_REFERENCED != 0 {
            super::weak::clear_for_collection(&unreachable, fin)
        } else {
            (0, false)
        };
        let finalized = if called_back || unreachable_flags & flags::FINALIZE != 0 {
            finalize_garbage(&unreachable, fin)
        } else {
            false
        };
        let freed_meanwhile = super::Heap::drain_dead(fin);
        let garbage = GcList::new();
        if called_back || finalized || freed_meanwhile {
            // Code ran: it may have made some of the set reachable again.
            // On `Busy` nothing moved: all of it is treated as resurrected.
            let _ = deduce_unreachable(&unreachable, &garbage, &mut scratch);
        } else {
            // No code ran and no count changed since step 1, so step 5
            // would find every object unreachable again (their references
            // all come from inside the set): skip its walks.
            unreachable.append_to(&garbage);
        }
        unreachable.append_to(old);
        found += delete_garbage(&garbage, old, g.debug.get() & DEBUG_SAVEALL != 0, fin, &mut scratch.held);
        g.scratch.set(scratch);
        super::Heap::drain_dead(fin);
        if generation == GENERATIONS - 1 {
            // CPython's `clear_freelists`: a full collection empties the
            // free lists, so the next lists made are counted again.
            super::free_list::trim();
        }
        let mut s = g.stats[generation].get();
        s.collections += 1;
        s.collected += found as u64;
        g.stats[generation].set(s);
        super::ImmediateRelease::resume(release_depth);
        g.collecting.set(false);
        found
    })
}

/// Runs the automatic collection that is due, if any (CPython's
/// `gc_collect_generations`).
pub(super) fn collect_if_due(fin: &mut dyn Finalizer) {
    if !collector_on() || !GC.with(|g| g.is_due()) {
        return;
    }
    let chosen = GC.with(|g| {
        (0..GENERATIONS).rev().find(|&i| {
            if g.counts[i].get() <= g.thresholds[i].get() {
                return false;
            }
            // The 25% rule: a full collection waits until the objects that
            // survived a generation-1 collection since the last full one
            // are a quarter of the long-lived ones.
            !(i == GENERATIONS - 1 && g.long_lived_pending.get() < g.long_lived_total.get() / 4)
        })
    });
    if let Some(i) = chosen {
        collect(i, fin);
    }
}

/// The settings and figures `gc` reports and changes.
pub struct GcControl;

impl GcControl {
    pub fn enabled() -> bool {
        GC.with(|g| g.enabled.get())
    }

    pub fn set_enabled(on: bool) {
        GC.with(|g| g.enabled.set(on));
    }

    pub fn counts() -> [usize; GENERATIONS] {
        GC.with(|g| [g.counts[0].get(), g.counts[1].get(), g.counts[2].get()])
    }

    pub fn thresholds() -> [usize; GENERATIONS] {
        GC.with(|g| [g.thresholds[0].get(), g.thresholds[1].get(), g.thresholds[2].get()])
    }

    pub fn set_threshold(generation: usize, value: usize) {
        GC.with(|g| g.thresholds[generation].set(value));
    }

    pub fn stats() -> [GenStats; GENERATIONS] {
        GC.with(|g| [g.stats[0].get(), g.stats[1].get(), g.stats[2].get()])
    }

    pub fn debug() -> u32 {
        GC.with(|g| g.debug.get())
    }

    pub fn set_debug(flags: u32) {
        GC.with(|g| g.debug.set(flags));
    }

    /// The tracked objects of one generation, or of all (`None`).
    pub fn objects(generation: Option<usize>) -> Vec<Obj> {
        GC.with(|g| {
            let lists: Vec<&GcList> = match generation {
                Some(i) => vec![&g.gens[i]],
                None => g.gens.iter().collect(),
            };
            let mut out = Vec::new();
            for l in lists {
                for p in nodes(l) {
                    // A node on the dead list (count 0) is not a value.
                    if header(p).refcnt.get() != 0 {
                        // SAFETY: a live node of a generation.
                        out.push(unsafe { Obj::from_borrowed_raw(p) });
                    }
                }
            }
            out
        })
    }

    /// `gc.freeze()`: moves every tracked object to the permanent
    /// generation, which collections ignore.
    pub fn freeze() {
        GC.with(|g| {
            for l in &g.gens {
                l.append_to(&g.permanent);
            }
            for c in &g.counts {
                c.set(0);
            }
        });
    }

    /// `gc.unfreeze()`: back into the oldest generation.
    pub fn unfreeze() {
        GC.with(|g| g.permanent.append_to(&g.gens[GENERATIONS - 1]));
    }

    pub fn freeze_count() -> usize {
        GC.with(|g| g.permanent.len())
    }
}
