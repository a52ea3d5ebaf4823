//! The process's global allocator: mimalloc, called directly.
//!
//! The `mimalloc` crate's `GlobalAlloc` sends every request through
//! `mi_malloc_aligned`, whose checks cost more than the allocation itself
//! for the small, word-aligned boxes that make up most of a Python heap.
//! mimalloc aligns every block to at least a machine word, so requests
//! with that alignment or less take the plain `mi_malloc` path; stricter
//! alignments still go to the aligned entry points.

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// What `mi_malloc` guarantees for every block (`sizeof(void*)`).
const WORD_ALIGN: usize = std::mem::size_of::<usize>();

/// Install with `#[global_allocator] static A: ouro::heap::Allocator = ouro::heap::Allocator;`.
pub struct Allocator;

// SAFETY: every method forwards to the matching mimalloc entry point,
// which returns null on failure (as `GlobalAlloc` requires) and blocks
// aligned to at least `WORD_ALIGN`; larger alignments use the aligned
// entry points. `dealloc`/`realloc` receive pointers that came from this
// allocator, which is what `mi_free`/`mi_realloc` require.
unsafe impl GlobalAlloc for Allocator {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl's comment.
        unsafe {
            if layout.align() <= WORD_ALIGN {
                mi::mi_malloc(layout.size()).cast()
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl's comment.
        unsafe {
            if layout.align() <= WORD_ALIGN {
                mi::mi_zalloc(layout.size()).cast()
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()).cast()
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (caller's contract).
        unsafe { mi::mi_free(ptr.cast::<c_void>()) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout` (caller's
        // contract); the alignment is kept by the matching entry point.
        unsafe {
            if layout.align() <= WORD_ALIGN {
                mi::mi_realloc(ptr.cast::<c_void>(), new_size).cast()
            } else {
                mi::mi_realloc_aligned(ptr.cast::<c_void>(), new_size, layout.align()).cast()
            }
        }
    }
}
