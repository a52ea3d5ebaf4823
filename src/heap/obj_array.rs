//! `ObjArray`: the fixed-length array of references inside a tuple.
//!
//! Why: most tuples are short (pairs, argument tuples, `(key, value)`
//! items), and a `Box<[Obj]>` costs every one of them a second
//! allocation, and a second free, next to the object's own box. CPython
//! keeps a tuple's items inline in the object. An `ObjArray` keeps up to
//! `INLINE` items inline in itself (so in the tuple's box) and only
//! longer ones in a separate boxed slice; both read as a `&[Obj]`.
//!
//! Layout: `len`, then a union of the inline items and the boxed slice;
//! `len <= INLINE` says the inline arm is in use, and exactly its first
//! `len` items are initialised. The two arms share the same 16 bytes, so
//! the array is 24 bytes whatever its length.

use super::Obj;
use std::mem::{ManuallyDrop, MaybeUninit};

/// Up to this many items are stored inline.
const INLINE: usize = 2;

union Items {
    inline: ManuallyDrop<[MaybeUninit<Obj>; INLINE]>,
    heap: ManuallyDrop<Box<[Obj]>>,
}

pub struct ObjArray {
    /// The number of items; at most `INLINE` means the inline arm.
    len: usize,
    items: Items,
}

impl ObjArray {
    /// An array holding `items`, moved in.
    pub fn from_vec(items: Vec<Obj>) -> ObjArray {
        let len = items.len();
        if len > INLINE {
            return ObjArray { len, items: Items { heap: ManuallyDrop::new(items.into_boxed_slice()) } };
        }
        let mut inline = [const { MaybeUninit::uninit() }; INLINE];
        for (slot, o) in inline.iter_mut().zip(items) {
            slot.write(o);
        }
        ObjArray { len, items: Items { inline: ManuallyDrop::new(inline) } }
    }

    /// An array of `n` items taken by calling `pop` `n` times, the last
    /// item first (the top of the VM's stack, for `BUILD_TUPLE`): a short
    /// one needs no allocation at all.
    pub fn from_popped(n: usize, mut pop: impl FnMut() -> Obj) -> ObjArray {
        if n > INLINE {
            let mut items: Vec<Obj> = (0..n).map(|_| pop()).collect();
            items.reverse();
            return ObjArray::from_vec(items);
        }
        let mut inline = [const { MaybeUninit::uninit() }; INLINE];
        // If `pop` panics, what was popped leaks, nothing worse.
        for slot in inline[..n].iter_mut().rev() {
            slot.write(pop());
        }
        ObjArray { len: n, items: Items { inline: ManuallyDrop::new(inline) } }
    }

    /// Up to this many items are stored without an allocation of their own.
    pub const INLINE: usize = INLINE;

    /// An array holding new references to the items of `items`.
    pub fn from_slice(items: &[Obj]) -> ObjArray {
        let len = items.len();
        if len > INLINE {
            return ObjArray { len, items: Items { heap: ManuallyDrop::new(items.into()) } };
        }
        let mut inline = [const { MaybeUninit::uninit() }; INLINE];
        for (slot, o) in inline.iter_mut().zip(items) {
            slot.write(o.clone());
        }
        ObjArray { len, items: Items { inline: ManuallyDrop::new(inline) } }
    }
}

impl std::ops::Deref for ObjArray {
    type Target = [Obj];

    #[inline]
    fn deref(&self) -> &[Obj] {
        if self.len <= INLINE {
            // SAFETY: `len <= INLINE` means the inline arm is in use, and
            // its first `len` items are initialised (both constructors);
            // `MaybeUninit<Obj>` has `Obj`'s layout.
            unsafe { std::slice::from_raw_parts(self.items.inline.as_ptr().cast::<Obj>(), self.len) }
        } else {
            // SAFETY: `len > INLINE` means the boxed slice arm is in use.
            unsafe { &self.items.heap }
        }
    }
}

impl Drop for ObjArray {
    fn drop(&mut self) {
        if self.len <= INLINE {
            // SAFETY: the inline arm holds exactly `len` initialised items
            // (see `deref`); each is dropped once, here.
            unsafe {
                let p = (*self.items.inline).as_mut_ptr().cast::<Obj>();
                std::ptr::drop_in_place(std::ptr::slice_from_raw_parts_mut(p, self.len));
            }
        } else {
            // SAFETY: the boxed slice arm is in use; it is dropped once.
            unsafe { ManuallyDrop::drop(&mut self.items.heap) }
        }
    }
}

impl Clone for ObjArray {
    fn clone(&self) -> ObjArray {
        ObjArray::from_slice(self)
    }
}

impl From<Vec<Obj>> for ObjArray {
    fn from(items: Vec<Obj>) -> ObjArray {
        ObjArray::from_vec(items)
    }
}
