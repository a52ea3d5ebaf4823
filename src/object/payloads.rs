//! The Rust layout of each kind of Python object (the `T` of `ObjBox<T>`).
//!
//! One struct per `heap::Kind`. Mutable state sits in `Cell`/`RefCell`,
//! because objects are shared (`Obj` is a shared reference). Rule for
//! `RefCell`: never hold a borrow across a call that can run Python code
//! (a user `__eq__`, `__hash__`, `__del__`...), since that code may touch
//! the same object; take what you need, release, then call.

use crate::heap::{Kind, Obj, Payload};
use crate::text::Wtf8Buf;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};

pub struct NoneValue;

pub struct NotImplementedValue;

pub struct EllipsisValue;

pub struct BoolValue(pub bool);

/// `int`: machine-size values inline, the rest boxed, so an int object
/// stays 32 bytes (as CPython's small ints are).
pub enum IntValue {
    Small(i64),
    Big(Box<BigInt>),
}

pub struct FloatValue(pub f64);

/// `complex`: two doubles, as CPython's `Py_complex`.
pub struct ComplexValue {
    pub re: f64,
    pub im: f64,
}

/// `str`: WTF-8 text (lone surrogates allowed), its length in code points
/// and its hash, computed once.
pub struct StrValue {
    pub text: Wtf8Buf,
    pub chars: usize,
    /// `-1` until computed (CPython's convention: a hash is never -1).
    pub hash: Cell<i64>,
}

/// `tuple`: its items, the first two inline in the object's own box
/// (see `heap::ObjArray`).
pub struct TupleValue(pub crate::heap::ObjArray);

/// `list`; the second field is the `__dict__` of a subclass's instance
/// (always `None` for plain lists).
pub struct ListValue(pub RefCell<Vec<Obj>>, pub RefCell<Option<Obj>>);

/// `dict`: see `object::dict` for the table. The second field is the
/// `__dict__` of a subclass's instance (always `None` for plain dicts).
pub struct DictValue(pub RefCell<crate::object::dict::DictTable>, pub RefCell<Option<Obj>>);

/// A Python class (builtin or user-defined).
pub struct TypeValue {
    pub name: RefCell<String>,
    pub bases: RefCell<Vec<Obj>>,
    /// The C3 linearisation, this type first.
    pub mro: RefCell<Vec<Obj>>,
    /// The class namespace (`T.__dict__`), held inline so that types can
    /// exist before the `dict` type does.
    pub dict: RefCell<crate::object::dict::DictTable>,
    /// The layout of this type's instances.
    pub instance_kind: Kind,
    /// `__qualname__` when it differs from `name`.
    pub qualname: RefCell<Option<String>>,
    /// Number of `__slots__` members of instances (bases' included).
    pub nslots: Cell<usize>,
    /// `type_flags` bits.
    pub flags: Cell<u32>,
    /// The most attributes an instance's `__dict__` has held, so new
    /// instances' dicts are made that large at once (CPython shares the
    /// keys of instance dicts for the same reason).
    pub instance_dict_hint: Cell<u32>,
    /// What calling the class does, worked out once per type generation
    /// (see `vm::class_support::type_call`).
    pub call_plan: Cell<CallPlan>,
    /// Direct subclasses, oldest first, for `type.__subclasses__`: a
    /// builtin subclass itself (builtin types live as long as the
    /// interpreter), a class made at run time through its weak reference,
    /// as CPython's `tp_subclasses`, so that a base never keeps a
    /// subclass alive. Entries of dead classes are pruned as it grows.
    pub subclasses: RefCell<Vec<Obj>>,
}

/// The outcome of looking up `__new__` and `__init__` on a class whose
/// `__new__` is `object.__new__` or a builtin function. Valid while
/// `generation` is the VM's type generation, which any change to any
/// class's namespace, bases or MRO bumps; `generation` 0 (the VM starts
/// at 1) means none yet.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CallPlan {
    pub generation: u64,
    /// Where the builtin `__new__` is (as for `init`); `None` when it is
    /// `object.__new__`.
    pub new: Option<(u32, u32)>,
    /// Where `__init__` is: an index into the class's MRO and one into
    /// that class's table. `None` when it is `object.__init__`.
    pub init: Option<(u32, u32)>,
}

/// Bits of `TypeValue::flags`.
pub mod type_flags {
    /// The class (or a base) defines `__del__`.
    pub const HAS_DEL: u32 = 1;
    /// Defined by a `class` statement (attributes may be set).
    pub const HEAP_TYPE: u32 = 2;
    /// Instances have no `__dict__` (`__slots__` all the way up).
    pub const NO_DICT: u32 = 4;
    /// The class (or a base) defines `__getattribute__`.
    pub const CUSTOM_GETATTRIBUTE: u32 = 8;
    /// The class (or a base) defines `__setattr__` or `__delattr__`.
    pub const CUSTOM_SETATTR: u32 = 16;
    /// The class's own `__abstractmethods__` is non-empty: `object.__new__`
    /// refuses it (CPython's `Py_TPFLAGS_IS_ABSTRACT`).
    pub const ABSTRACT: u32 = 32;
}

pub struct FunctionValue {
    pub code: Obj,
    pub globals: Obj,
    pub name: RefCell<Obj>,
    pub qualname: RefCell<Obj>,
    pub defaults: RefCell<Option<Obj>>,
    pub kwdefaults: RefCell<Option<Obj>>,
    /// Cells for the code's free variables.
    pub closure: Option<Obj>,
    pub dict: RefCell<Option<Obj>>,
    pub doc: RefCell<Obj>,
    /// Made empty on first read when the def had no annotations.
    pub annotations: RefCell<Option<Obj>>,
    /// `__module__`: the globals' `__name__` when the def ran.
    pub module: RefCell<Obj>,
}

/// A function written in Rust. `call` receives the interpreter and the
/// positional arguments; `bound` is the `self` of a builtin method.
pub struct BuiltinFunctionValue {
    pub name: &'static str,
    pub call: crate::object::NativeFn,
    pub bound: Option<Obj>,
    /// A method of a builtin type (CPython's method descriptor): read
    /// through an instance it binds to it. Plain builtin functions (`len`,
    /// `math.sqrt`) never bind, even as class attributes.
    pub binds: bool,
}

pub struct ModuleValue {
    pub name: Obj,
    pub dict: Obj,
}

/// An instance of a user-defined class: its `__dict__` (a dict object),
/// made on first assignment.
pub struct InstanceValue {
    pub dict: RefCell<Option<Obj>>,
    /// Values of `__slots__` members (empty for classes without slots).
    /// The array's length is fixed; each member has its own cell, which
    /// keeps the field 16 bytes, so a plain instance fits in 64.
    pub slots: Box<[RefCell<Option<Obj>>]>,
}

/// A plain instance's box (header, collector links, payload) is 64 bytes.
const _: () = assert!(std::mem::size_of::<InstanceValue>() <= 32);

/// The builtin descriptor types and `super` (one layout, one kind).
pub enum DescrValue {
    Property { fget: Option<Obj>, fset: Option<Obj>, fdel: Option<Obj>, doc: Option<Obj>, name: RefCell<Option<Obj>> },
    StaticMethod(Obj),
    ClassMethod(Obj),
    /// `super(type_, obj)`: `obj_type` is where the MRO comes from.
    Super { type_: Obj, obj: Option<Obj>, obj_type: Option<Obj> },
    /// A `__slots__` member: slot `index` of instances of `owner`.
    Slot { name: Obj, index: usize, owner: Obj },
}

/// A compiled code object (see `bytecode`).
pub struct CodeValue(pub std::rc::Rc<crate::bytecode::Code>);

/// A closure cell.
pub struct CellValue(pub RefCell<Option<Obj>>);

/// `range`: the i64 fields when every bound is within ±2**61 (see
/// `vm::range_type`), else `big` (and the i64 fields are unused).
pub struct RangeValue {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub big: Option<Box<BigRange>>,
}

pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

/// The builtin iterators.
pub enum IteratorValue {
    Seq { seq: Obj, index: Cell<usize> },
    Range { next: Cell<i64>, stop: i64, step: i64 },
    /// A range with big bounds: `remaining` items from `next` on.
    BigRange { next: RefCell<BigInt>, remaining: RefCell<BigInt>, step: BigInt },
    Map { func: Obj, iters: Box<[Obj]> },
    Filter { func: Obj, it: Obj },
    Zip { iters: Box<[Obj]>, strict: bool },
    Enumerate { it: Obj, count: Cell<i64> },
    /// Counts down: the next index is `index - 1`.
    Reversed { seq: Obj, index: Cell<i64> },
    /// `iter(callable, sentinel)`.
    CallIter { func: Obj, sentinel: Obj, done: Cell<bool> },
    /// A live walk of a dict's entries or a set's slots from `index`;
    /// `size` is the container's size when the walk began (`usize::MAX`
    /// once a change was reported, so every later step reports it again).
    Table { source: Obj, index: Cell<usize>, size: Cell<usize>, yields: TableYield },
}

/// What a `IteratorValue::Table` walk gives for each entry.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TableYield {
    DictKeys,
    DictValues,
    DictItems,
    SetKeys,
}

/// A `BaseException` instance.
pub struct ExceptionValue {
    pub args: RefCell<Obj>,
    pub cause: RefCell<Option<Obj>>,
    pub context: RefCell<Option<Obj>>,
    pub suppress_context: Cell<bool>,
    /// Where the exception passed, innermost last.
    pub traceback: RefCell<Vec<TracebackEntry>>,
    pub dict: RefCell<Option<Obj>>,
}

/// One line of a traceback: a code object and the line executing in it,
/// with the span of the failing instruction where it is known (not for
/// entries rebuilt from Python `traceback` objects).
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: std::rc::Rc<crate::bytecode::Code>,
    pub line: u32,
    pub position: Option<crate::bytecode::Position>,
}

pub struct BoundMethodValue {
    pub func: Obj,
    pub self_: Obj,
}

pub struct SliceValue {
    pub start: Obj,
    pub stop: Obj,
    pub step: Obj,
}

/// `set` and `frozenset`: CPython's open-addressing table (see
/// `vm::set`), so iteration order matches CPython's.
pub struct SetValue(pub RefCell<SetTable>);

/// The slots of a set: `None` unused, `Some((-1, None))` a dummy (deleted),
/// `Some((hash, Some(key)))` active.
pub struct SetTable {
    pub slots: Vec<Option<(i64, Option<Obj>)>>,
    pub fill: usize,
    pub used: usize,
    pub finger: usize,
}

/// Where a generator is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    Created,
    Suspended,
    Running,
    Closed,
}

/// A generator's frame while it is not running: what the VM's shared
/// stacks held for it, moved out.
pub struct SuspendedFrame {
    pub code: std::rc::Rc<crate::bytecode::Code>,
    pub pc: usize,
    /// The frame's locals, then its values (see `vm::stack`).
    pub slots: Vec<Option<Obj>>,
    /// Its cells (see `vm::Cells`): `None` when there are none.
    pub cells: Option<Box<[Obj]>>,
    pub globals: Obj,
    /// The exceptions its `except` blocks were handling (its part of
    /// `Vm::handled`), innermost last.
    pub handling: Vec<Obj>,
}

/// A generator object: its frame (absent while running and once
/// closed), its state and its names.
pub struct GeneratorValue {
    pub state: Cell<GenState>,
    pub frame: RefCell<Option<SuspendedFrame>>,
    pub code: std::rc::Rc<crate::bytecode::Code>,
    pub name: Obj,
    pub qualname: Obj,
}

/// `bytes`: immutable bytes and their hash, computed once.
pub struct BytesValue {
    pub data: Box<[u8]>,
    /// `-1` until computed.
    pub hash: Cell<i64>,
}

/// `weakref.ref`, `weakref.ProxyType` and `weakref.CallableProxyType`:
/// the heap-managed target (referent and callback) and, for `ref`, the
/// referent's hash once computed.
pub struct WeakRefValue {
    pub target: crate::heap::WeakTarget,
    pub proxy: bool,
    /// `-1` until computed.
    pub hash: Cell<i64>,
}

/// `bytearray`: mutable bytes.
pub struct ByteArrayValue(pub RefCell<Vec<u8>>);

/// A file object from `open()`: the OS handle and its buffers
/// (`object::file`), with the attributes fixed at opening.
pub struct FileValue {
    /// The `name` attribute: the path as given.
    pub name: Obj,
    /// The `mode` attribute (`'r'`, `'rb'`, `'ab+'`...).
    pub mode: Box<str>,
    /// Text layer settings; `None` for a binary file.
    pub text: Option<crate::object::file::TextSettings>,
    /// Shared with the flush-at-exit registry (`object::file::register`).
    pub io: std::rc::Rc<RefCell<crate::object::file::FileState>>,
}

/// `memoryview`: a window on a bytes or bytearray object: `len` items,
/// item `i` at byte `start + i * step` of `base`.
pub struct MemoryViewValue {
    pub base: Obj,
    pub start: usize,
    pub step: isize,
    pub len: usize,
    pub released: Cell<bool>,
}

/// The Mersenne Twister's state (the algorithm is in
/// `vm::modules::random`).
pub struct MtState {
    pub mt: [u32; 624],
    /// The next word of `mt` to temper; 624 means "regenerate first".
    pub index: usize,
}

/// A `random.Random` instance: its generator, and the `__dict__` of a
/// subclass's instance.
pub struct RandomValue {
    pub state: RefCell<MtState>,
    pub dict: RefCell<Option<Obj>>,
    /// `gauss`'s second value, for its next call (`self.gauss_next` in
    /// random.py; `seed` clears it).
    pub gauss_next: Cell<Option<f64>>,
}

/// `int`: only a big value owns memory (see `Payload::owns_memory`).
impl Payload for IntValue {
    const KIND: Kind = Kind::Int;
    #[inline(always)]
    fn owns_memory(&self) -> bool {
        matches!(self, IntValue::Big(_))
    }
}

macro_rules! payloads {
    ($($t:ty => $k:ident),* $(,)?) => {
        $(impl Payload for $t { const KIND: Kind = Kind::$k; })*
    };
}

// Leaf payloads: no references, so no `traverse`. Containers implement
// `Payload` in `object::traverse`.
payloads! {
    NoneValue => None,
    BoolValue => Bool,
    FloatValue => Float,
    StrValue => Str,
    CodeValue => Code,
    RangeValue => Range,
    NotImplementedValue => NotImplemented,
    EllipsisValue => Ellipsis,
    ComplexValue => Complex,
    BytesValue => Bytes,
    ByteArrayValue => ByteArray,
    // These hold references, but only to objects that cannot lead back to
    // them (a file's name, a memoryview's bytes) or, for `Random`, only a
    // subclass instance's `__dict__`; they are not tracked by the cycle
    // collector, so a cycle through a `Random` subclass's dict leaks.
    FileValue => File,
    MemoryViewValue => MemoryView,
    RandomValue => Random,
}
