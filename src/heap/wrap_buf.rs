//! `WrapBuf<T>`: a read-only buffer that can be read at any index without
//! a bounds check, for the dispatch loop's instruction fetch.
//!
//! Why: the fetch `code.instructions[pc]` opens every dispatch with a
//! compare and a branch, so the block that ends in the dispatch's indirect
//! jump cannot be copied into the end of each instruction's arm (LLVM's
//! tail duplication needs one small block with the jump at its end). With
//! one shared jump the processor predicts the next instruction from a
//! single branch site; copied jumps (threaded dispatch, as CPython's
//! computed gotos) let it learn which instruction follows which.
//!
//! Model: the items are stored padded to a power of two, at least one
//! longer than the logical length, with a caller-given `pad` value; a read
//! masks the index to that size. Every index therefore lands on an
//! initialised item: a logical one when it is in range, a `pad` (or, for
//! an index past the padded size, some other item) when it is not. A
//! wrong index is a logic error that the caller's choice of `pad` makes
//! visible (the bytecode pads with an instruction that raises), never a
//! read outside the allocation.
//!
//! Invariants (set by `new`, never changed: the buffer is immutable):
//! - `items.len()` is a power of two and `mask == items.len() - 1`;
//! - `len < items.len()`, and `items[len..]` are `pad`.

use std::ops::Deref;

pub struct WrapBuf<T: Copy> {
    items: Box<[T]>,
    mask: usize,
    len: usize,
}

impl<T: Copy> WrapBuf<T> {
    /// `items`, padded with `pad` up to the next power of two above their
    /// length.
    pub fn new(mut items: Vec<T>, pad: T) -> WrapBuf<T> {
        let len = items.len();
        let size = (len + 1).next_power_of_two();
        items.resize(size, pad);
        WrapBuf { items: items.into_boxed_slice(), mask: size - 1, len }
    }

    /// The item at `i` when `i < len()`; otherwise a pad or another item
    /// (see the module comment), never out of bounds.
    #[inline(always)]
    pub fn fetch(&self, i: usize) -> T {
        // SAFETY: `items.len() == mask + 1` (a power of two, at least 1,
        // fixed at construction), so `i & mask < items.len()`, and every
        // item is initialised.
        unsafe { *self.items.get_unchecked(i & self.mask) }
    }
}

/// The logical items, without the padding.
impl<T: Copy> Deref for WrapBuf<T> {
    type Target = [T];

    #[inline(always)]
    fn deref(&self) -> &[T] {
        &self.items[..self.len]
    }
}

impl<T: Copy + std::fmt::Debug> std::fmt::Debug for WrapBuf<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::WrapBuf;

    #[test]
    fn reads_in_range_are_the_items_and_out_of_range_are_pads_or_wrap() {
        for n in 0..40usize {
            let items: Vec<u32> = (0..n as u32).collect();
            let buf = WrapBuf::new(items.clone(), u32::MAX);
            assert_eq!(&*buf, &items[..]);
            for i in 0..n {
                assert_eq!(buf.fetch(i), i as u32);
            }
            // The first index past the end is always a pad.
            assert_eq!(buf.fetch(n), u32::MAX);
            // Far indices wrap into the buffer instead of reading outside.
            for i in [usize::MAX, usize::MAX / 2, 1 << 40, 12345] {
                let v = buf.fetch(i);
                assert!(v == u32::MAX || (v as usize) < n);
            }
        }
    }
}
