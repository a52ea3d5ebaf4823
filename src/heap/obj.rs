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

use super::collector;
use super::free_list;
use super::gc_list::{GcHead, GcLinks};
use super::weak::{self, WeakTarget};
use super::{DEAD, DEAD_PENDING, Finalizer, LOCAL, counting};
use std::cell::Cell;
use std::marker::PhantomData;
use std::ptr::NonNull;

/// Calls the generic function `$f::<T>(args)` with `T` the payload type
/// of `$kind`: the one place that maps kinds to payload types (a new kind
/// adds one line here).
macro_rules! with_payload {
    ($kind:expr, $f:ident, $($arg:expr),*) => {{
        use crate::object::payloads as pl;
        match $kind {
            Kind::None => $f::<pl::NoneValue>($($arg),*),
            Kind::Bool => $f::<pl::BoolValue>($($arg),*),
            Kind::Int => $f::<pl::IntValue>($($arg),*),
            Kind::Float => $f::<pl::FloatValue>($($arg),*),
            Kind::Str => $f::<pl::StrValue>($($arg),*),
            Kind::Tuple => $f::<pl::TupleValue>($($arg),*),
            Kind::List => $f::<pl::ListValue>($($arg),*),
            Kind::Dict => $f::<pl::DictValue>($($arg),*),
            Kind::Type => $f::<pl::TypeValue>($($arg),*),
            Kind::Function => $f::<pl::FunctionValue>($($arg),*),
            Kind::BuiltinFunction => $f::<pl::BuiltinFunctionValue>($($arg),*),
            Kind::Module => $f::<pl::ModuleValue>($($arg),*),
            Kind::Instance => $f::<pl::InstanceValue>($($arg),*),
            Kind::Code => $f::<pl::CodeValue>($($arg),*),
            Kind::Cell => $f::<pl::CellValue>($($arg),*),
            Kind::Range => $f::<pl::RangeValue>($($arg),*),
            Kind::Iterator => $f::<pl::IteratorValue>($($arg),*),
            Kind::Exception => $f::<pl::ExceptionValue>($($arg),*),
            Kind::BoundMethod => $f::<pl::BoundMethodValue>($($arg),*),
            Kind::Slice => $f::<pl::SliceValue>($($arg),*),
            Kind::NotImplemented => $f::<pl::NotImplementedValue>($($arg),*),
            Kind::Ellipsis => $f::<pl::EllipsisValue>($($arg),*),
            Kind::Set => $f::<pl::SetValue>($($arg),*),
            Kind::Descr => $f::<pl::DescrValue>($($arg),*),
            Kind::Generator => $f::<pl::GeneratorValue>($($arg),*),
            Kind::WeakRef => $f::<pl::WeakRefValue>($($arg),*),
            Kind::Complex => $f::<pl::ComplexValue>($($arg),*),
            Kind::Bytes => $f::<pl::BytesValue>($($arg),*),
            Kind::ByteArray => $f::<pl::ByteArrayValue>($($arg),*),
            Kind::File => $f::<pl::FileValue>($($arg),*),
            Kind::MemoryView => $f::<pl::MemoryViewValue>($($arg),*),
            Kind::Random => $f::<pl::RandomValue>($($arg),*),
        }
    }};
}

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
    /// `weakref.ref` and the proxies.
    WeakRef,
}

/// A Rust type stored in an object box.
///
/// Leaf payloads (holding no `Obj`) need only `KIND`. Payloads that hold
/// references set `GC`, which gives their boxes the collector's links
/// (`GcBox`), and implement `traverse` (every `Obj` the payload owns, each
/// once) and `clear` (drop the references a cycle can run through). Both
/// live next to the payloads, in `object::traverse`.
pub trait Payload: 'static {
    const KIND: Kind;
    /// Boxed with collector links; tracked by the `cpython` strategy.
    const GC: bool = false;
    /// Calls `visit` on each owned reference. `Err(Busy)` when a field is
    /// mutably borrowed right now; nothing was visited then. Generic (not
    /// `dyn`): the collector's visitors are inlined into each payload's
    /// loop, which is most of a collection's work.
    fn traverse<V: FnMut(&Obj)>(&self, _visit: &mut V) -> Result<(), Busy> {
        Ok(())
    }
    /// Drops the references a cycle can run through (CPython's `tp_clear`).
    fn clear(&self) {}
    /// For weak reference objects: their heap-managed target.
    fn weak_target(&self) -> Option<&WeakTarget> {
        None
    }
    /// Whether dropping this value frees anything. `overwrite_unique`
    /// skips the drop (an out-of-line call for an enum with a boxed
    /// variant) when it does not; a wrong `false` would only leak.
    #[inline(always)]
    fn owns_memory(&self) -> bool {
        std::mem::needs_drop::<Self>()
    }
}

/// A payload could not be traversed: Rust code holds a mutable borrow.
#[derive(Debug)]
pub struct Busy;

/// Flag bits in `Header::flags`.
pub mod flags {
    /// The VM wants `Finalizer::finalize` called before the object dies.
    pub const FINALIZE: u8 = 1;
    /// `finalize` has run once (PEP 442: never twice).
    pub const FINALIZED: u8 = 2;
    /// The box is a `GcBox` (has collector links).
    pub const GC: u8 = 4;
    /// Linked in one of the collector's lists.
    pub const TRACKED: u8 = 8;
    /// In the set being collected (only during a collection).
    pub(crate) const COLLECTING: u8 = 16;
    /// Found reachable (only during a collection).
    pub(crate) const REACHABLE: u8 = 32;
    /// Not counted in `gc.collect()`'s result nor in the collector's
    /// allocation count: an instance's attribute dict, which CPython 3.11
    /// keeps inline in the instance (set with `Obj::set_uncounted`).
    pub const UNCOUNTED: u8 = 64;
    /// Weak references to the object exist (see `heap::weak`).
    pub const WEAKLY_REFERENCED: u8 = 128;
}

#[repr(C)]
pub struct Header {
    pub(super) refcnt: Cell<u32>,
    pub(super) kind: Kind,
    pub(super) flags: Cell<u8>,
    _spare: u16,
    /// The object's Python type: a strong reference, released with the
    /// object. Null only while the `type` type itself is being made.
    type_: Cell<*const Header>,
}

impl Header {
    pub(super) fn new(kind: Kind, flags: u8) -> Header {
        Header { refcnt: Cell::new(1), kind, flags: Cell::new(flags), _spare: 0, type_: Cell::new(std::ptr::null()) }
    }

    pub(super) fn has(&self, flag: u8) -> bool {
        self.flags.get() & flag != 0
    }

    pub(super) fn set(&self, flag: u8) {
        self.flags.set(self.flags.get() | flag);
    }

    pub(super) fn unset(&self, flag: u8) {
        self.flags.set(self.flags.get() & !flag);
    }

    /// The type pointer (borrowed; the header owns one count of it).
    pub(super) fn type_ptr(&self) -> *const Header {
        self.type_.get()
    }
}

/// The box of a leaf payload.
#[repr(C)]
pub(super) struct ObjBox<T> {
    header: Header,
    value: T,
}

/// The box of a payload that holds references: the collector's links sit
/// between the header and the value, so leaves pay nothing for them.
#[repr(C)]
pub(super) struct GcBox<T> {
    head: GcHead,
    value: T,
}

fn box_size<T: Payload>() -> usize {
    if T::GC { std::mem::size_of::<GcBox<T>>() } else { std::mem::size_of::<ObjBox<T>>() }
}

/// The payload of the box at `p`.
///
/// # Safety
/// `p` must come from `Obj::alloc::<T>` and the box must outlive `'a`.
#[inline(always)]
pub(super) unsafe fn payload_of<'a, T: Payload>(p: NonNull<Header>) -> &'a T {
    // SAFETY: `alloc::<T>` made a `GcBox<T>` when `T::GC`, else an
    // `ObjBox<T>`; both start with the header, so `p` points at the box.
    unsafe {
        if T::GC { &(*p.as_ptr().cast::<GcBox<T>>()).value } else { &(*p.as_ptr().cast::<ObjBox<T>>()).value }
    }
}

/// A strong reference to a Python object.
pub struct Obj {
    ptr: NonNull<Header>,
    /// Not `Send`/`Sync`: counts are not atomic.
    _not_send: PhantomData<*const Header>,
}

impl Obj {
    /// Allocates an object of type `type_`: the single allocation point.
    #[inline]
    pub fn new<T: Payload>(value: T, type_: &Obj) -> Obj {
        let obj = Obj::alloc(value);
        obj.header().type_.set(type_.clone().into_raw().as_ptr());
        obj
    }

    /// CPython's `PyList_New`: a list, in a box from the free list of
    /// freed exact lists when it has one. Such a reuse is not an
    /// allocation for the collector's count (see `free_list`); the list
    /// is tracked as any new one. `Obj::new` is `tp_alloc` (`list()`).
    #[inline]
    pub fn new_list_reusing(value: crate::object::payloads::ListValue, type_: &Obj) -> Obj {
        match free_list::take_list() {
            // SAFETY: the list free list holds `GcBox<ListValue>` boxes.
            Some(b) => unsafe { Obj::in_reused_gc_box(b, value, type_) },
            None => Obj::new(value, type_),
        }
    }

    /// CPython's `tuple_alloc` (`PyTuple_New`, `_PyTuple_FromArray`, ...):
    /// an exact tuple, in a box from the free list of freed tuples of its
    /// size when it has one; counted and tracked as `new_list_reusing`.
    /// `Obj::new` is `tp_alloc` (subclass instances).
    #[inline]
    pub fn new_tuple_reusing(value: crate::object::payloads::TupleValue, type_: &Obj) -> Obj {
        match free_list::take_tuple(value.0.len()) {
            // SAFETY: the tuple free lists hold `GcBox<TupleValue>` boxes.
            Some(b) => unsafe { Obj::in_reused_gc_box(b, value, type_) },
            None => Obj::new(value, type_),
        }
    }

    /// Makes the object in `b`, a box taken from a free list: tracked as
    /// any new container, but no allocation for the collector's count.
    ///
    /// # Safety
    /// `b` must be memory of `GcBox<T>`'s layout from the global
    /// allocator that nothing references.
    #[inline(always)]
    unsafe fn in_reused_gc_box<T: Payload>(b: NonNull<GcBox<T>>, value: T, type_: &Obj) -> Obj {
        let header = Header::new(T::KIND, flags::GC);
        // SAFETY: guaranteed by the caller; writing a whole box makes it
        // what `Box::new` would have.
        unsafe { b.as_ptr().write(GcBox { head: GcHead { header, links: GcLinks::unlinked() }, value }) };
        LOCAL.with(|l| l.stats.on_alloc(T::KIND, box_size::<T>()));
        let ptr = b.cast::<Header>();
        collector::on_gc_reuse(ptr);
        let obj = Obj { ptr, _not_send: PhantomData };
        obj.header().type_.set(type_.clone().into_raw().as_ptr());
        obj
    }

    /// Allocates the `type` type, whose type is itself.
    pub fn new_self_typed<T: Payload>(value: T) -> Obj {
        let obj = Obj::alloc(value);
        obj.header().type_.set(obj.clone().into_raw().as_ptr());
        obj
    }

    #[inline(always)]
    fn alloc<T: Payload>(value: T) -> Obj {
        let header = Header::new(T::KIND, if T::GC { flags::GC } else { 0 });
        let raw: *mut Header = if T::GC {
            let boxed = Box::new(GcBox { head: GcHead { header, links: GcLinks::unlinked() }, value });
            LOCAL.with(|l| l.stats.on_alloc(T::KIND, box_size::<T>()));
            Box::into_raw(boxed).cast()
        } else if let Some(p) = free_list::take::<T>() {
            // SAFETY: the free list hands out memory of `ObjBox<T>`'s
            // layout from the global allocator that nothing references;
            // writing a whole box makes it what `Box::new` would have.
            // The box is still counted as live (see `free_list`).
            unsafe { p.as_ptr().write(ObjBox { header, value }) };
            p.as_ptr().cast()
        } else {
            LOCAL.with(|l| l.stats.on_alloc(T::KIND, box_size::<T>()));
            Box::into_raw(Box::new(ObjBox { header, value })).cast()
        };
        // SAFETY: `Box::into_raw` never returns null; the header is at
        // offset 0 of both `#[repr(C)]` boxes, so the cast points at it.
        let ptr = unsafe { NonNull::new_unchecked(raw) };
        if T::GC {
            collector::on_gc_alloc(ptr, T::KIND);
        }
        Obj { ptr, _not_send: PhantomData }
    }

    /// Stores `value` in place of the payload when `self` is the only
    /// reference to a plain leaf box of exact type `ty` (count 1, no
    /// flags, payload `T`), so that an operator's result can take over an
    /// operand that dies with the operation instead of allocating a box
    /// while freeing another. Nothing can observe the change: no other
    /// reference exists (floats and ints take no weak references), and
    /// `&mut self` rules out a borrow of the old payload. Returns false,
    /// changing nothing, otherwise (also when counts are not kept, since
    /// the count then says nothing).
    #[inline(always)]
    pub fn overwrite_unique<T: Payload>(&mut self, ty: &Obj, value: T) -> bool {
        let h = self.header();
        if T::GC || h.kind != T::KIND || h.refcnt.get() != 1 || h.flags.get() != 0 || !self.has_type(ty) {
            return false;
        }
        let b = self.ptr.as_ptr().cast::<ObjBox<T>>();
        // SAFETY: the kind says the box is an `ObjBox<T>` (`T` is not GC;
        // contract of `alloc`). Count 1 with `&mut self` means no other
        // `Obj` exists and no borrow of the payload is alive, so writing
        // it (dropping the old payload, which for the leaf payloads used
        // here owns no objects) is unobservable; the pointer was derived
        // from the whole box by `Box::into_raw`. A payload that owns no
        // memory is overwritten without running its drop: not running a
        // destructor is never unsound, and here it frees nothing.
        unsafe {
            let slot = &raw mut (*b).value;
            if (*slot).owns_memory() {
                *slot = value;
            } else {
                std::ptr::write(slot, value);
            }
        }
        true
    }

    /// The raw header pointer, for the collector (no count is taken).
    #[inline(always)]
    pub(super) fn as_ptr(&self) -> NonNull<Header> {
        self.ptr
    }

    /// A new strong reference to a live object reached by raw pointer.
    ///
    /// # Safety
    /// `p` must point at the header of a live box (count > 0).
    pub(super) unsafe fn from_borrowed_raw(p: NonNull<Header>) -> Obj {
        // SAFETY: guaranteed by the caller.
        unsafe { Obj::incref_raw(p) };
        Obj { ptr: p, _not_send: PhantomData }
    }

    #[inline(always)]
    pub(super) fn header(&self) -> &Header {
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
            // SAFETY: the kind says the box is a `GcBox<T>` or `ObjBox<T>`
            // as `T::GC` says (invariant of `alloc`), and it lives as long
            // as `self`.
            Some(unsafe { payload_of::<T>(self.ptr) })
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

    /// In one of the collector's generations (`gc.is_tracked`).
    pub fn is_tracked(&self) -> bool {
        self.header().has(flags::TRACKED)
    }

    /// Takes the object out of the collector's generations (for objects
    /// that live as long as the interpreter, as CPython's static types).
    pub fn untrack(&self) {
        if self.header().has(flags::TRACKED) {
            collector::untrack(self.ptr);
        }
    }

    /// CPython's `MAINTAIN_TRACKING` for a container that just stored
    /// `key` and `value`: a dict starts untracked and is tracked once it
    /// holds something that may be tracked.
    #[inline]
    pub fn track_for_contents(&self, key: &Obj, value: &Obj) {
        let h = self.header();
        if h.has(flags::GC)
            && !h.has(flags::TRACKED)
            && (collector::may_be_tracked(key.header()) || collector::may_be_tracked(value.header()))
        {
            collector::track(self.ptr);
        }
    }

    pub fn flags(&self) -> u8 {
        self.header().flags.get()
    }

    /// Marks a just-made instance attribute dict `UNCOUNTED`: CPython
    /// 3.11 keeps those values inline in the instance, so such a dict
    /// counts neither in `gc.collect()`'s result nor in the allocation
    /// count that triggers collections (`gc.get_count()`).
    pub fn set_uncounted(&self) {
        let h = self.header();
        if !h.has(flags::UNCOUNTED) {
            h.set(flags::UNCOUNTED);
            if h.has(flags::GC) {
                collector::on_gc_uncounted();
            }
        }
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
        // SAFETY: the caller guarantees the box is alive.
        let h = unsafe { p.as_ref() };
        h.refcnt.set(h.refcnt.get() + 1);
    }
}

impl Clone for Obj {
    #[inline(always)]
    fn clone(&self) -> Obj {
        let h = self.header();
        h.refcnt.set(h.refcnt.get() + 1);
        Obj { ptr: self.ptr, _not_send: PhantomData }
    }
}

impl Drop for Obj {
    #[inline(always)]
    fn drop(&mut self) {
        let h = self.header();
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            died(self.ptr);
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
    if !counting() {
        // A tracing strategy keeps counts (an increment costs less than
        // the test that would skip it) but frees only what it traces.
        return;
    }
    // SAFETY: the count just reached zero, so the box is still allocated
    // and only this function holds the pointer.
    let h = unsafe { p.as_ref() };
    if h.flags.get() == 0 {
        // No finalizer, not tracked, no weak references: nothing to do
        // but drop the payload. The commonest leaves go to a free list.
        use crate::object::payloads::{FloatValue, IntValue};
        match h.kind {
            // SAFETY: the count just reached zero and only we hold the
            // pointer; the kind names the payload (contract of `alloc`).
            Kind::Float => return unsafe { release_pooled::<FloatValue>(p) },
            // SAFETY: as above.
            Kind::Int => return unsafe { release_pooled::<IntValue>(p) },
            _ => {}
        }
    }
    died_slow(p);
}

/// The rest of `died`, apart so that the short path above stays small
/// (no registers to save for the calls made here).
#[inline(never)]
fn died_slow(p: NonNull<Header>) {
    // SAFETY: as in `died`.
    let h = unsafe { p.as_ref() };
    let f = h.flags.get();
    if h.kind.is_leaf() && f & flags::FINALIZE == 0 {
        DeadObj(p).release(&mut NoFinalizer);
        return;
    }
    // A container whose freeing runs no code (no `__del__`, no weak
    // references to clear) is freed here, as CPython's deallocators
    // free at once: what it holds is released in turn, and anything that
    // wants code run goes to the dead list from there. The nesting is
    // bounded and the collector's run excluded (`ImmediateRelease`).
    if f & (flags::FINALIZE | flags::WEAKLY_REFERENCED) == 0 {
        if let Some(_nested) = super::ImmediateRelease::enter() {
            DeadObj(p).release(&mut NoFinalizer);
            return;
        }
    }
    DEAD.with(|d| d.borrow_mut().push(DeadObj(p)));
    DEAD_PENDING.with(|f| f.set(true));
}

/// Gives back the counts the collector took of its garbage
/// (`delete_garbage`), in order, as dropping each `Obj` would: the ones
/// that reach zero go on the dead list. Garbage is made of containers
/// (`GcBox`es, never leaves), so `died` would only queue them; here the
/// dead list is borrowed once for the whole batch, not once per object.
pub(super) fn drop_all_containers(objs: &mut Vec<Obj>) {
    let mut queued = false;
    DEAD.with(|d| {
        let mut dead = d.borrow_mut();
        for obj in objs.drain(..) {
            let h = obj.header();
            debug_assert!(h.has(flags::GC) && counting());
            let n = h.refcnt.get() - 1;
            h.refcnt.set(n);
            let p = obj.into_raw();
            if n == 0 {
                // What `died_slow` does for a container: queue it.
                dead.push(DeadObj(p));
                queued = true;
            }
        }
    });
    if queued {
        DEAD_PENDING.with(|f| f.set(true));
    }
}

/// Frees a leaf box with no flags set: drops its payload, keeps the
/// memory on the free list (or frees it when the list is full), and
/// releases the box's count of its type. The short path of
/// `DeadObj::release` for the objects arithmetic makes by the million.
///
/// # Safety
/// `p` must come from `Obj::alloc::<T>` with `T` a leaf payload (an
/// `ObjBox<T>`), have count zero and no flags, and be unreachable.
#[inline(always)]
unsafe fn release_pooled<T: Payload>(p: NonNull<Header>) {
    debug_assert!(!T::GC);
    let b = p.as_ptr().cast::<ObjBox<T>>();
    // SAFETY: `p` is the header of a live `ObjBox<T>` (caller's
    // contract). The header holds only `Cell`s of plain data, so dropping
    // the payload alone drops everything the box owns; the type pointer
    // is read first and its count released below.
    let ty = unsafe {
        let ty = (*b).header.type_.get();
        std::ptr::drop_in_place(&raw mut (*b).value);
        ty
    };
    // SAFETY: the box's payload is dropped and nothing references it; it
    // came from the global allocator with `ObjBox<T>`'s layout.
    // A kept box stays counted as live (see `free_list`).
    let kept = unsafe { free_list::give::<T>(NonNull::new_unchecked(b)) };
    if !kept {
        // SAFETY: as above; `Layout::new::<ObjBox<T>>()` is the layout
        // `Box::new` allocated it with.
        unsafe { std::alloc::dealloc(b.cast(), std::alloc::Layout::new::<ObjBox<T>>()) };
        LOCAL.with(|l| l.stats.on_free(T::KIND, box_size::<T>()));
    }
    if let Some(ty) = NonNull::new(ty as *mut Header) {
        // The box owned one count of its type. Released by hand rather
        // than by dropping an `Obj`, whose `died` the compiler would
        // inline here as a loop that needs every register; a type dying
        // takes the general path. (`died` returns early when not counting, so we are.)
        // SAFETY: the box's count kept the type alive until now.
        let th = unsafe { ty.as_ref() };
        let n = th.refcnt.get() - 1;
        th.refcnt.set(n);
        if n == 0 {
            died_slow(ty);
        }
    }
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
        // Untracked before weak reference callbacks run code that may
        // collect: a count-zero object must not look like garbage.
        if h.has(flags::TRACKED) {
            collector::untrack(self.0);
        }
        if h.has(flags::WEAKLY_REFERENCED) {
            weak::clear_on_death(self.0, fin);
        }
        let kind = h.kind;
        let ty = h.type_.replace(std::ptr::null());
        // SAFETY (both): the count is zero and only the dead list held
        // the pointer, so nobody else can reach the box (it was untracked
        // above); its kind names its payload type (contract of `alloc`).
        let size = if kind == Kind::List && free_list::is_exact_list(ty) {
            // SAFETY (the closures): `free_to_list` hands them a dropped,
            // unreferenced box of the payload's `GcBox` layout.
            unsafe { free_to_list::<crate::object::payloads::ListValue>(self.0, |_| 0, |b, _| free_list::give_list(b)) }
        } else if kind == Kind::Tuple && free_list::is_exact_tuple(ty) {
            // SAFETY: as for lists, with the tuple free lists.
            unsafe { free_to_list::<crate::object::payloads::TupleValue>(self.0, |t| t.0.len(), |b, n| free_list::give_tuple(b, n)) }
        } else {
            unsafe { free_box(self.0, kind) }
        };
        LOCAL.with(|l| l.stats.on_free(kind, size));
        if let Some(ty) = NonNull::new(ty as *mut Header) {
            // The box owned one count of its type.
            drop(Obj { ptr: ty, _not_send: PhantomData });
        }
    }
}

/// Drops the box at `p` as the box of `kind`'s payload. Returns the
/// box's size, for the statistics.
///
/// # Safety
/// `p` must come from `Obj::alloc::<T>` with `T::KIND == kind`, have count
/// zero and be unreachable.
unsafe fn free_box(p: NonNull<Header>, kind: Kind) -> usize {
    /// # Safety: as for `free_box`, with `T` the payload type of the box.
    unsafe fn free<T: Payload>(p: NonNull<Header>) -> usize {
        // SAFETY: the caller guarantees `p` came from `Box::into_raw` of
        // the box `alloc::<T>` made and is no longer referenced.
        unsafe {
            if T::GC {
                let uncounted = p.as_ref().has(flags::UNCOUNTED);
                drop(Box::from_raw(p.as_ptr().cast::<GcBox<T>>()));
                if !uncounted {
                    collector::on_gc_free();
                }
            } else {
                drop(Box::from_raw(p.as_ptr().cast::<ObjBox<T>>()));
            }
        }
        box_size::<T>()
    }
    // SAFETY: the caller guarantees `kind` names the payload.
    unsafe { with_payload!(kind, free, p) }
}

/// Frees the box of an exact list or tuple as CPython's `list_dealloc`
/// and `tuple_dealloc` do: drops the payload and offers the box to its
/// free list (`keep`, which gets the payload's item count for the
/// per-size tuple lists). A kept box is no free for the collector's
/// count, as in CPython; only a box the list refuses is freed and
/// uncounted. Returns the box's size.
///
/// # Safety
/// As for `free_box`, with `p` a `GcBox<T>` in no collector list, and
/// `keep` a function that may keep the (dropped, unreferenced) box it is
/// given on a free list of `GcBox<T>` boxes.
unsafe fn free_to_list<T: Payload>(
    p: NonNull<Header>,
    len: impl FnOnce(&T) -> usize,
    keep: impl FnOnce(NonNull<GcBox<T>>, usize) -> bool,
) -> usize {
    let b = p.as_ptr().cast::<GcBox<T>>();
    // SAFETY: `p` is an unreachable `GcBox<T>` (caller); the header holds
    // only plain data, so dropping the payload drops all the box owns.
    // Flag and length are read before the memory may be reused.
    let (uncounted, n) = unsafe {
        let uncounted = p.as_ref().has(flags::UNCOUNTED);
        let n = len(payload_of::<T>(p));
        std::ptr::drop_in_place(&raw mut (*b).value);
        (uncounted, n)
    };
    // `keep` gets a box whose payload is dropped, that nothing references,
    // from the global allocator with `GcBox<T>`'s layout.
    // SAFETY: `b` came from a reference, so it is not null.
    if !keep(unsafe { NonNull::new_unchecked(b) }, n) {
        // SAFETY: as above; `Box::new` allocated it with this layout.
        unsafe { std::alloc::dealloc(b.cast(), std::alloc::Layout::new::<GcBox<T>>()) };
        if !uncounted {
            collector::on_gc_free();
        }
    }
    box_size::<T>()
}

/// Calls `visit` on each reference the payload at `p` owns (not its type).
///
/// # Safety
/// `p` must point at a live box (or one the collector holds unreachable).
pub(super) unsafe fn traverse_payload(p: NonNull<Header>, visit: &mut impl FnMut(&Obj)) -> Result<(), Busy> {
    /// # Safety: as for `traverse_payload`, with `T` the box's payload.
    #[inline(always)]
    unsafe fn go<T: Payload>(p: NonNull<Header>, visit: &mut impl FnMut(&Obj)) -> Result<(), Busy> {
        // SAFETY: the caller guarantees the box is alive and holds a `T`.
        unsafe { payload_of::<T>(p) }.traverse(visit)
    }
    // SAFETY: a live header's kind names its payload (contract of `alloc`).
    unsafe { with_payload!(p.as_ref().kind, go, p, visit) }
}

/// Breaks the references of the payload at `p` (CPython's `tp_clear`).
///
/// # Safety
/// As for `traverse_payload`.
pub(super) unsafe fn clear_payload(p: NonNull<Header>) {
    /// # Safety: as for `clear_payload`, with `T` the box's payload.
    unsafe fn go<T: Payload>(p: NonNull<Header>) {
        // SAFETY: the caller guarantees the box is alive and holds a `T`.
        unsafe { payload_of::<T>(p) }.clear()
    }
    // SAFETY: a live header's kind names its payload (contract of `alloc`).
    unsafe { with_payload!(p.as_ref().kind, go, p) }
}

/// The `WeakTarget` of the weak reference object at `p`, if it is one.
pub(super) fn weak_target_of<'a>(p: NonNull<Header>) -> Option<&'a WeakTarget> {
    /// # Safety: `p` must be an allocated box holding a `T`, alive for `'a`.
    unsafe fn go<'a, T: Payload>(p: NonNull<Header>) -> Option<&'a WeakTarget> {
        // SAFETY: guaranteed by the caller.
        unsafe { payload_of::<T>(p) }.weak_target()
    }
    // SAFETY: callers pass registered weak references or live objects,
    // whose boxes are allocated; the kind names the payload.
    unsafe { with_payload!(p.as_ref().kind, go, p) }
}
