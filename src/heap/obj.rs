//! Object boxes and the strong reference `Obj`.
//!
//! Layout: `ObjBox<T>` is `#[repr(C)]` with the `Header` first, so a
//! pointer to the box is a pointer to its header and back (the header is
//! at offset 0; Stacked Borrows is satisfied because the pointer we keep
//! was derived from the whole box, never from the header field alone).
//!
//! Contracts:
//! - `Obj` owns one count of the object it points to. Its pointer came
//!   from `Box::into_raw` of an `ObjBox<T>` whose `T` is `kind`'s payload.
//! - The count is never decremented below zero: only `Drop` of an `Obj`
//!   decrements, and each `Obj` was counted when made.
//! - When the count reaches zero the pointer moves to the thread's dead
//!   list; nothing but the heap touches it after that.

use super::{DEAD, DEAD_PENDING, Finalizer, STATS, counting};
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// The payload kinds: one per Rust layout. A Python type maps to one kind
/// (its instances' layout); a subclass shares its base's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Kind {
    None,
    Bool,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Type,
    Function,
    BuiltinFunction,
    Module,
    Instance,
    Code,
    Cell,
    Range,
    Iterator,
    Exception,
    BoundMethod,
    Slice,
    NotImplemented,
    Ellipsis,
    Set,
    /// property, staticmethod, classmethod, super, slot members.
    Descr,
    Generator,
    Complex,
    /// `bytes`: immutable bytes.
    Bytes,
    /// `bytearray`: mutable bytes.
    ByteArray,
    /// An open file (`open()`): owns an OS handle, closed when freed.
    File,
    /// `memoryview` over a bytes or bytearray object.
    MemoryView,
    /// `random.Random` instances.
    Random,
}

/// A Rust type stored in an object box.
pub trait Payload: 'static {
    const KIND: Kind;
}

/// Flag bits in `Header::flags`.
pub mod flags {
    /// The VM wants `Finalizer::finalize` called before the object dies.
    pub const FINALIZE: u8 = 1;
    /// `finalize` has run once (PEP 442: never twice).
    pub const FINALIZED: u8 = 2;
}

#[repr(C)]
pub struct Header {
    refcnt: Cell<u32>,
    kind: Kind,
    flags: Cell<u8>,
    _spare: u16,
    /// The object's Python type: a strong reference, released with the
    /// object. Null only while the `type` type itself is being made.
    type_: Cell<*const Header>,
}

#[repr(C)]
struct ObjBox<T> {
    header: Header,
    value: T,
}

/// A strong reference to a Python object.
pub struct Obj {
    ptr: NonNull<Header>,
    /// Not `Send`/`Sync`: counts are not atomic.
    _not_send: PhantomData<*const Header>,
}

impl Obj {
    /// Allocates an object of type `type_`: the single allocation point.
    pub fn new<T: Payload>(value: T, type_: &Obj) -> Obj {
        let obj = Obj::alloc(value);
        obj.header().type_.set(type_.clone().into_raw().as_ptr());
        obj
    }

    /// Allocates the `type` type, whose type is itself.
    pub fn new_self_typed<T: Payload>(value: T) -> Obj {
        let obj = Obj::alloc(value);
        obj.header().type_.set(obj.clone().into_raw().as_ptr());
        obj
    }

    fn alloc<T: Payload>(value: T) -> Obj {
        let boxed = Box::new(ObjBox {
            header: Header {
                refcnt: Cell::new(1),
                kind: T::KIND,
                flags: Cell::new(0),
                _spare: 0,
                type_: Cell::new(std::ptr::null()),
            },
            value,
        });
        STATS.with(|s| s.borrow_mut().on_alloc(T::KIND, std::mem::size_of::<ObjBox<T>>()));
        let raw = Box::into_raw(boxed);
        // SAFETY: `Box::into_raw` never returns null; the header is at
        // offset 0 of the `#[repr(C)]` box, so the cast points at it.
        let ptr = unsafe { NonNull::new_unchecked(raw.cast::<Header>()) };
        Obj { ptr, _not_send: PhantomData }
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: `self` owns a count, so the box is alive (contract above).
        unsafe { self.ptr.as_ref() }
    }

    /// Gives up this reference without decrementing (paired with `from_raw`).
    fn into_raw(self) -> NonNull<Header> {
        let p = self.ptr;
        std::mem::forget(self);
        p
    }

    #[inline(always)]
    pub fn kind(&self) -> Kind {
        self.header().kind
    }

    /// The payload, if the object's layout is `T`.
    #[inline(always)]
    pub fn downcast<T: Payload>(&self) -> Option<&T> {
        if self.kind() == T::KIND {
            // SAFETY: the kind says the box is an `ObjBox<T>` (invariant of
            // `alloc`), and it lives as long as `self`.
            Some(unsafe { &(*self.ptr.as_ptr().cast::<ObjBox<T>>()).value })
        } else {
            None
        }
    }

    /// The object's Python type.
    #[inline]
    pub fn type_obj(&self) -> Obj {
        let t = self.header().type_.get();
        debug_assert!(!t.is_null());
        // SAFETY: the header holds a strong reference to its type, so the
        // type is alive while `self` is; we take one more count for the
        // returned handle.
        unsafe {
            let t = NonNull::new_unchecked(t as *mut Header);
            Obj::incref_raw(t);
            Obj { ptr: t, _not_send: PhantomData }
        }
    }

    /// The address of the object's type, for caches keyed by type.
    #[inline(always)]
    pub fn type_addr(&self) -> usize {
        self.header().type_.get() as usize
    }

    /// True when the object's type is exactly `t` (no subclass check).
    #[inline(always)]
    pub fn has_type(&self, t: &Obj) -> bool {
        std::ptr::eq(self.header().type_.get(), t.ptr.as_ptr())
    }

    /// Replaces the object's type (for `__class__` assignment and for the
    /// bootstrap of the builtin types).
    pub fn set_type(&self, t: &Obj) {
        let old = self.header().type_.replace(t.clone().into_raw().as_ptr());
        if let Some(old) = NonNull::new(old as *mut Header) {
            // SAFETY: the header owned this count of its old type.
            drop(Obj { ptr: old, _not_send: PhantomData });
        }
    }

    /// Drops the object's reference to its type, leaving it typeless.
    /// Only for teardown: it breaks the `type` → `type` self-reference
    /// (and lets tests free the types they make), after which the object
    /// must not be used as a Python value.
    pub fn clear_type(&self) {
        let old = self.header().type_.replace(std::ptr::null());
        if let Some(old) = NonNull::new(old as *mut Header) {
            // SAFETY: the header owned this count of its old type.
            drop(Obj { ptr: old, _not_send: PhantomData });
        }
    }

    /// Identity (`is`).
    #[inline(always)]
    pub fn is(&self, other: &Obj) -> bool {
        self.ptr == other.ptr
    }

    /// The address, for `id()` and hashing by identity.
    #[inline(always)]
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The reference count (`sys.getrefcount` adds the argument's own).
    pub fn refcount(&self) -> u32 {
        self.header().refcnt.get()
    }

    pub fn flags(&self) -> u8 {
        self.header().flags.get()
    }

    pub fn set_flag(&self, flag: u8) {
        let h = self.header();
        h.flags.set(h.flags.get() | flag);
    }

    /// Adds one count to an object reached by raw pointer.
    ///
    /// # Safety
    /// `p` must point at the header of a live box.
    #[inline(always)]
    unsafe fn incref_raw(p: NonNull<Header>) {
        if counting() {
            // SAFETY: the caller guarantees the box is alive.
            let h = unsafe { p.as_ref() };
            h.refcnt.set(h.refcnt.get() + 1);
        }
    }
}

impl Clone for Obj {
    #[inline(always)]
    fn clone(&self) -> Obj {
        if counting() {
            let h = self.header();
            h.refcnt.set(h.refcnt.get() + 1);
        }
        Obj { ptr: self.ptr, _not_send: PhantomData }
    }
}

impl Drop for Obj {
    #[inline(always)]
    fn drop(&mut self) {
        if counting() {
            let h = self.header();
            let n = h.refcnt.get() - 1;
            h.refcnt.set(n);
            if n == 0 {
                died(self.ptr);
            }
        }
    }
}

/// An object's count reached zero. Objects that hold no references and
/// want no finalizer (ints, floats, strs...) are freed on the spot, as
/// CPython frees them: nothing can observe the difference, and freeing one
/// cannot free others, so no recursion arises. The rest wait on the dead
/// list for the VM's next safe point.
#[inline(never)]
fn died(p: NonNull<Header>) {
    // SAFETY: the count just reached zero, so the box is still allocated
    // and only this function holds the pointer.
    let h = unsafe { p.as_ref() };
    if h.kind.is_leaf() && h.flags.get() & flags::FINALIZE == 0 {
        DeadObj(p).release(&mut NoFinalizer);
        return;
    }
    DEAD.with(|d| d.borrow_mut().push(DeadObj(p)));
    DEAD_PENDING.with(|f| f.set(true));
}

/// For objects that want no finalization.
struct NoFinalizer;

impl Finalizer for NoFinalizer {
    fn finalize(&mut self, _obj: &Obj) {}
}

impl Kind {
    /// Payloads that hold no references to other objects.
    fn is_leaf(self) -> bool {
        matches!(
            self,
            Kind::Int | Kind::Float | Kind::Str | Kind::Range | Kind::Bool | Kind::Complex | Kind::Bytes | Kind::ByteArray
        )
    }
}

impl std::fmt::Debug for Obj {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<{:?} object at {:#x}>", self.kind(), self.addr())
    }
}

/// An object whose count reached zero, owned by the dead list.
pub(super) struct DeadObj(NonNull<Header>);

impl DeadObj {
    fn header(&self) -> &Header {
        // SAFETY: a dead object's box stays allocated until `release`
        // frees it; only the heap holds the pointer.
        unsafe { self.0.as_ref() }
    }

    /// Finalizes (once) and then frees the object, unless the finalizer
    /// resurrected it.
    pub(super) fn release(self, fin: &mut dyn Finalizer) {
        let h = self.header();
        let f = h.flags.get();
        if f & flags::FINALIZE != 0 && f & flags::FINALIZED == 0 {
            h.flags.set(f | flags::FINALIZED);
            h.refcnt.set(1);
            let obj = Obj { ptr: self.0, _not_send: PhantomData };
            fin.finalize(&obj);
            if obj.refcount() > 1 {
                // Resurrected: someone kept a reference. Our count goes;
                // the object lives on and may die again later.
                drop(obj);
                return;
            }
            // Only our temporary reference remains: take it back without
            // going through `Drop`, and free below.
            let p = obj.into_raw();
            // SAFETY: `p` is this dead object's box, still allocated.
            unsafe { p.as_ref() }.refcnt.set(0);
        }
        let kind = h.kind;
        let ty = h.type_.replace(std::ptr::null());
        // SAFETY: the count is zero and only the dead list held the
        // pointer, so nobody else can reach the box; its kind names its
        // payload type (contract of `alloc`).
        let size = unsafe { free_box(self.0, kind) };
        STATS.with(|s| s.borrow_mut().on_free(kind, size));
        if let Some(ty) = NonNull::new(ty as *mut Header) {
            // The box owned one count of its type.
            drop(Obj { ptr: ty, _not_send: PhantomData });
        }
    }
}

/// Drops the box at `p` as an `ObjBox<T>` for the `T` of `kind`. Returns
/// the box's size, for the statistics.
///
/// # Safety
/// `p` must come from `Obj::alloc::<T>` with `T::KIND == kind`, have count
/// zero and be unreachable.
unsafe fn free_box(p: NonNull<Header>, kind: Kind) -> usize {
    use crate::object::payloads as pl;
    /// # Safety: as for `free_box`, with `T` the payload type of the box.
    unsafe fn free<T>(p: NonNull<Header>) -> usize {
        // SAFETY: the caller guarantees `p` came from `Box::into_raw` of
        // an `ObjBox<T>` and is no longer referenced.
        drop(unsafe { Box::from_raw(p.as_ptr().cast::<ObjBox<T>>()) });
        std::mem::size_of::<ObjBox<T>>()
    }
    // SAFETY (every arm): the caller guarantees `kind` names the payload.
    unsafe {
        match kind {
            Kind::None => free::<pl::NoneValue>(p),
            Kind::Bool => free::<pl::BoolValue>(p),
            Kind::Int => free::<pl::IntValue>(p),
            Kind::Float => free::<pl::FloatValue>(p),
            Kind::Str => free::<pl::StrValue>(p),
            Kind::Tuple => free::<pl::TupleValue>(p),
            Kind::List => free::<pl::ListValue>(p),
            Kind::Dict => free::<pl::DictValue>(p),
            Kind::Type => free::<pl::TypeValue>(p),
            Kind::Function => free::<pl::FunctionValue>(p),
            Kind::BuiltinFunction => free::<pl::BuiltinFunctionValue>(p),
            Kind::Module => free::<pl::ModuleValue>(p),
            Kind::Instance => free::<pl::InstanceValue>(p),
            Kind::Code => free::<pl::CodeValue>(p),
            Kind::Cell => free::<pl::CellValue>(p),
            Kind::Range => free::<pl::RangeValue>(p),
            Kind::Iterator => free::<pl::IteratorValue>(p),
            Kind::Exception => free::<pl::ExceptionValue>(p),
            Kind::BoundMethod => free::<pl::BoundMethodValue>(p),
            Kind::Slice => free::<pl::SliceValue>(p),
            Kind::NotImplemented => free::<pl::NotImplementedValue>(p),
            Kind::Ellipsis => free::<pl::EllipsisValue>(p),
            Kind::Set => free::<pl::SetValue>(p),
            Kind::Descr => free::<pl::DescrValue>(p),
            Kind::Generator => free::<pl::GeneratorValue>(p),
            Kind::Complex => free::<pl::ComplexValue>(p),
            Kind::Bytes => free::<pl::BytesValue>(p),
            Kind::ByteArray => free::<pl::ByteArrayValue>(p),
            Kind::File => free::<pl::FileValue>(p),
            Kind::MemoryView => free::<pl::MemoryViewValue>(p),
            Kind::Random => free::<pl::RandomValue>(p),
        }
    }
}
