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

/// `str`: WTF-8 text (lone surrogates allowed), its length in code points
/// and its hash, computed once.
pub struct StrValue {
    pub text: Wtf8Buf,
    pub chars: usize,
    /// `-1` until computed (CPython's convention: a hash is never -1).
    pub hash: Cell<i64>,
}

pub struct TupleValue(pub Box<[Obj]>);

pub struct ListValue(pub RefCell<Vec<Obj>>);

/// `dict`: see `object::dict` for the table.
pub struct DictValue(pub RefCell<crate::object::dict::DictTable>);

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
}

/// A function written in Rust. `call` receives the interpreter and the
/// positional arguments; `bound` is the `self` of a builtin method.
pub struct BuiltinFunctionValue {
    pub name: &'static str,
    pub call: crate::object::NativeFn,
    pub bound: Option<Obj>,
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
    pub slots: RefCell<Box<[Option<Obj>]>>,
}

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

pub struct RangeValue {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

/// The builtin iterators.
pub enum IteratorValue {
    Seq { seq: Obj, index: Cell<usize> },
    Range { next: Cell<i64>, stop: i64, step: i64 },
    Map { func: Obj, iters: Box<[Obj]> },
    Filter { func: Obj, it: Obj },
    Zip { iters: Box<[Obj]>, strict: bool },
    Enumerate { it: Obj, count: Cell<i64> },
    /// Counts down: the next index is `index - 1`.
    Reversed { seq: Obj, index: Cell<i64> },
    /// `iter(callable, sentinel)`.
    CallIter { func: Obj, sentinel: Obj, done: Cell<bool> },
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

/// One line of a traceback: a code object and the line executing in it.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: std::rc::Rc<crate::bytecode::Code>,
    pub line: u32,
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
    pub locals: Vec<Option<Obj>>,
    pub stack: Vec<Obj>,
    pub cells: Vec<Obj>,
    pub globals: Obj,
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

/// `weakref.ref`, `weakref.ProxyType` and `weakref.CallableProxyType`:
/// the heap-managed target (referent and callback) and, for `ref`, the
/// referent's hash once computed.
pub struct WeakRefValue {
    pub target: crate::heap::WeakTarget,
    pub proxy: bool,
    /// `-1` until computed.
    pub hash: Cell<i64>,
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
    IntValue => Int,
    FloatValue => Float,
    StrValue => Str,
    CodeValue => Code,
    RangeValue => Range,
    NotImplementedValue => NotImplemented,
    EllipsisValue => Ellipsis,
}
