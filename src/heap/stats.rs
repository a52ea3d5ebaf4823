//! Counters kept at the single allocation point and the single free.
//!
//! They are what `ouro --compare-heaps`, `gc.get_stats()` and
//! `tracemalloc` will report; the heap updates them on every allocation
//! and free, so they are exact.
//!
//! The live counters are `Cell`s rather than one `RefCell<HeapStats>`:
//! they are touched on every allocation and free, and a `RefCell` adds a
//! borrow-flag check, set and reset to each. Only what cannot be derived
//! is kept: allocations are frees plus live objects, and live objects are
//! the sum of the per-kind counts, both computed when a snapshot is taken.

use super::Kind;
use std::cell::Cell;

#[derive(Clone, Debug, Default)]
pub struct HeapStats {
    pub allocations: u64,
    pub frees: u64,
    pub live_objects: u64,
    pub live_bytes: u64,
    /// The most bytes held at once, boxes waiting on the float and int
    /// free lists included (see `free_list`).
    pub peak_bytes: u64,
    /// Live objects per `Kind`, indexed by `kind as usize`.
    pub live_by_kind: [u64; 32],
}

/// The thread's running counters (see the module comment).
pub(super) struct Counters {
    frees: Cell<u64>,
    live_bytes: Cell<u64>,
    peak_bytes: Cell<u64>,
    live_by_kind: [Cell<u64>; 32],
}

impl Counters {
    /// All counters zero (a `const`, so the thread-local needs no lazy
    /// initialisation check on every allocation).
    pub(super) const ZERO: Counters = Counters {
        frees: Cell::new(0),
        live_bytes: Cell::new(0),
        peak_bytes: Cell::new(0),
        live_by_kind: [const { Cell::new(0) }; 32],
    };

    #[inline(always)]
    pub(super) fn on_alloc(&self, kind: Kind, size: usize) {
        let live = self.live_bytes.get() + size as u64;
        self.live_bytes.set(live);
        if live > self.peak_bytes.get() {
            self.peak_bytes.set(live);
        }
        let k = &self.live_by_kind[kind as usize];
        k.set(k.get() + 1);
    }

    #[inline(always)]
    pub(super) fn on_free(&self, kind: Kind, size: usize) {
        self.frees.set(self.frees.get() + 1);
        self.live_bytes.set(self.live_bytes.get() - size as u64);
        let k = &self.live_by_kind[kind as usize];
        k.set(k.get() - 1);
    }

    /// `count` boxes of `kind` (`size` bytes each) that waited on a leaf
    /// free list, still counted as live, leave the heap: they were freed
    /// when they went on the list, which `snapshot` counted until now.
    pub(super) fn on_pooled_released(&self, kind: Kind, size: usize, count: usize) {
        let n = count as u64;
        self.frees.set(self.frees.get() + n);
        self.live_bytes.set(self.live_bytes.get() - size as u64 * n);
        let k = &self.live_by_kind[kind as usize];
        k.set(k.get() - n);
    }

    /// The counters as reported. `pooled` describes the float and int
    /// free lists (`free_list::pooled`): their boxes are still counted
    /// live here, and each box given to one was a free (`takes` came back
    /// out, `held` are there now).
    pub(super) fn snapshot(&self, pooled: &[(Kind, usize, usize, u64)]) -> HeapStats {
        let mut live_by_kind: [u64; 32] = std::array::from_fn(|i| self.live_by_kind[i].get());
        let mut live_bytes = self.live_bytes.get();
        let mut frees = self.frees.get();
        for &(kind, size, held, takes) in pooled {
            live_by_kind[kind as usize] -= held as u64;
            live_bytes -= (size * held) as u64;
            frees += takes + held as u64;
        }
        let live_objects: u64 = live_by_kind.iter().sum();
        HeapStats {
            allocations: frees + live_objects,
            frees,
            live_objects,
            live_bytes,
            peak_bytes: self.peak_bytes.get(),
            live_by_kind,
        }
    }
}
