//! Counters kept at the single allocation point and the single free.
//!
//! They are what `ouro --compare-heaps`, `gc.get_stats()` and
//! `tracemalloc` will report; the heap updates them on every allocation
//! and free, so they are exact.

use super::Kind;

#[derive(Clone, Debug, Default)]
pub struct HeapStats {
    pub allocations: u64,
    pub frees: u64,
    pub live_objects: u64,
    pub live_bytes: u64,
    pub peak_bytes: u64,
    /// Live objects per `Kind`, indexed by `kind as usize`.
    pub live_by_kind: [u64; 32],
}

impl HeapStats {
    /// All counters zero (a `const`, so the thread-local needs no lazy
    /// initialisation check on every allocation).
    pub const ZERO: HeapStats =
        HeapStats { allocations: 0, frees: 0, live_objects: 0, live_bytes: 0, peak_bytes: 0, live_by_kind: [0; 32] };

    #[inline]
    pub(super) fn on_alloc(&mut self, kind: Kind, size: usize) {
        self.allocations += 1;
        self.live_objects += 1;
        self.live_bytes += size as u64;
        self.peak_bytes = self.peak_bytes.max(self.live_bytes);
        self.live_by_kind[kind as usize] += 1;
    }

    #[inline]
    pub(super) fn on_free(&mut self, kind: Kind, size: usize) {
        self.frees += 1;
        self.live_objects -= 1;
        self.live_bytes -= size as u64;
        self.live_by_kind[kind as usize] -= 1;
    }
}
