//! Bytecode: the instruction set and code objects.
//!
//! Plain data: the compiler writes it, the VM reads it. A `Code` is
//! immutable once built and shared (`Rc`) by every function made from it.
//!
//! The machine is a stack machine. Each instruction is 8 bytes (an enum of
//! `u32` operands); jump targets are instruction indices. Exceptions use a
//! table of protected ranges (as CPython 3.11 does) instead of block
//! set-up instructions, so the happy path pays nothing for `try`.
//!
//! Stack effects are given as `[before] -> [after]`, top of stack last.

mod disassemble;

pub use disassemble::disassemble;

use crate::heap::{Obj, WrapBuf};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    TrueDiv,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    And,
    Or,
    Xor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnOp {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Operands index the code's tables (`consts`, `names`,
/// `varnames`, cells) or are counts and jump targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Instr {
    /// `[] -> []`
    Nop,
    /// `[x] -> []`
    Pop,
    /// `[x] -> []`: hands x to `sys.displayhook`. The statement form of an
    /// expression at the top level of interactive ("single") input.
    PrintExpr,
    /// `[x] -> [x, x]`
    Dup,
    /// `[a, b] -> [a, b, a, b]`
    Dup2,
    /// `[a, b] -> [b, a]`
    Rot2,
    /// `[a, b, c] -> [c, a, b]`
    Rot3,
    /// `[] -> [consts[i]]`
    LoadConst(u32),
    /// `[] -> [local i]`; UnboundLocalError if unset.
    LoadFast(u32),
    /// `[x] -> []`, local i = x.
    StoreFast(u32),
    /// `[] -> []`, unset local i.
    DeleteFast(u32),
    /// `[] -> [cell i's content]` (cells, then free variables).
    LoadDeref(u32),
    /// `[x] -> []`, cell i's content = x.
    StoreDeref(u32),
    /// `[] -> [cell i]` (for building closures).
    LoadClosure(u32),
    /// `[] -> [global names[i]]`, falling back to builtins.
    LoadGlobal(u32),
    /// `[x] -> []`
    StoreGlobal(u32),
    /// `[] -> []`
    DeleteGlobal(u32),
    /// `[] -> [names[i]]` from locals, globals, then builtins (module and
    /// class bodies).
    LoadName(u32),
    /// `[x] -> []`
    StoreName(u32),
    /// `[] -> []`
    DeleteName(u32),
    /// `[obj] -> [obj.names[i]]`
    LoadAttr(u32),
    /// `[value, obj] -> []`, obj.names[i] = value.
    StoreAttr(u32),
    /// `[obj] -> []`
    DeleteAttr(u32),
    /// `[a, b] -> [a op b]`
    Binary(BinOp),
    /// `[a, b] -> [a op= b]`
    Inplace(BinOp),
    /// `[a] -> [op a]`
    Unary(UnOp),
    /// `[a, b] -> [a op b]`
    Compare(CmpOp),
    /// `[a, b] -> [a is b]` (`is not` when the operand is 1).
    Is(u32),
    /// `[a, b] -> [a in b]` (`not in` when the operand is 1).
    Contains(u32),
    /// `[obj, key] -> [obj[key]]`
    Subscr,
    /// `[value, obj, key] -> []`
    StoreSubscr,
    /// `[obj, key] -> []`
    DeleteSubscr,
    /// `[x1..xn] -> [(x1, .., xn)]`
    BuildTuple(u32),
    /// `[x1..xn] -> [[x1, .., xn]]`
    BuildList(u32),
    /// `[k1, v1, .. kn, vn] -> [{k1: v1, ..}]`
    BuildMap(u32),
    /// `[start, stop] -> [slice]` (n = 2) or `[start, stop, step] -> [slice]` (n = 3)
    BuildSlice(u32),
    /// `[list, .. (i items) .., x] -> [list, ..]`: list.append(x), for comprehensions.
    ListAppend(u32),
    /// `[x1..xn] -> [{x1, .., xn}]`
    BuildSet(u32),
    /// `[set, .. (i items) .., x] -> [set, ..]`: set.add(x), for comprehensions.
    SetAdd(u32),
    /// `[seq] -> [xn, .., x1]`
    UnpackSequence(u32),
    /// `[] -> []`, jump to target.
    Jump(u32),
    /// `[x] -> []`, jump if x is false.
    PopJumpIfFalse(u32),
    /// `[x] -> []`, jump if x is true.
    PopJumpIfTrue(u32),
    /// `[x] -> [x]` and jump if x is false, else `[x] -> []`.
    JumpIfFalseOrPop(u32),
    /// `[x] -> [x]` and jump if x is true, else `[x] -> []`.
    JumpIfTrueOrPop(u32),
    /// `[x] -> [iter(x)]`
    GetIter,
    /// `[it] -> [it, next(it)]`, or `[it] -> []` and jump when exhausted.
    ForIter(u32),
    /// `[f, a1..an] -> [f(a1..an)]`
    Call(u32),
    /// `[obj] -> [method, obj]` when `obj.name` is a function found on
    /// the type (the bound method is never made), else `[None, obj.name]`.
    LoadMethod(u32),
    /// `[method, obj, a1..an] -> [method(obj, a1..an)]`, or
    /// `[None, f, a1..an] -> [f(a1..an)]`: the call after `LoadMethod`.
    CallMethod(u32),
    /// `[f, a1..an, kwnames] -> [f(...)]`: the last len(kwnames) arguments
    /// are keyword arguments.
    CallKw(u32),
    /// `[code, qualname] -> [function]`; the operand's bits say what else
    /// is below: 1 defaults tuple, 2 kw-defaults dict, 4 annotations dict,
    /// 8 closure tuple (pushed in that order).
    MakeFunction(u32),
    /// `[x] -> (return x)`
    Return,
    /// `[] -> (raise SystemError)`: never emitted. It pads the code past
    /// its last instruction (`heap::WrapBuf`), so a program counter that
    /// runs off the end raises instead of reading outside the code.
    PastEnd,
    /// `[exc] -> (raise)` with n = 1, `[exc, cause]` with n = 2, re-raise
    /// the handled exception with n = 0; with n = 3 `[exc] -> (raise)`
    /// unchanged (the end of a handler that did not catch it).
    Raise(u32),
    /// `[] -> [the exception being handled]`
    PushExcInfo,
    /// `[exc, type] -> [exc, isinstance(exc, type)]`
    CheckExcMatch,
    /// `[] -> []`: the handler finished; restore the previous exception.
    PopExcept,
    /// `except T:` of `except*` (CPython's `CHECK_EG_MATCH`):
    /// `[rest, T] -> [rest', match]` when part of `rest` matches T (the
    /// match becomes the exception being handled), else `[rest, T] ->
    /// [rest]` and jump to target.
    CheckEgMatch(u32),
    /// The end of `except*` clauses (CPython's `PREP_RERAISE_STAR`):
    /// `[orig, excs] -> [exc]`, what the statement raises, or
    /// `[orig, excs] -> []` and jump to target when it raises nothing.
    PrepReraiseStar(u32),
    /// `[] -> [module]`: import names[i].
    ImportName(u32),
    /// `[module] -> [module, module.names[i]]`
    ImportFrom(u32),
    /// `[module] -> []`: `from module import *`, binding the module's
    /// public names (its `__all__`, else its names not starting with `_`)
    /// in the running code's namespace.
    ImportStar,
    /// `[] -> [__build_class__]`
    LoadBuildClass,
    /// `[] -> []`: `__annotations__ = {}` in the namespace unless present.
    SetupAnnotations,
    /// f-string field (CPython's `FORMAT_VALUE`): `[value] -> [str]`, or
    /// `[value, spec] -> [str]` when bit 4 of the operand is set. Bits 0-1
    /// pick the conversion applied first: 0 none, 1 `!s`, 2 `!r`, 3 `!a`;
    /// then `format(value, spec)` (spec `''` when absent).
    FormatValue(u32),
    /// `[s1..sn] -> [s1 + .. + sn]`: joins n strs (f-strings).
    BuildString(u32),
    /// `[x] -> (suspend the generator, yielding x)`; on resume
    /// `[] -> [sent value]` (or the thrown exception is raised here). The
    /// operand is 1 for the yield of a `yield from` loop, whose delegate
    /// iterator is then on top of the suspended stack.
    YieldValue(u32),
    /// `[x] -> [iter(x)]`, a generator itself.
    GetYieldFromIter,
    /// `[iter, v] -> [iter, y]` where `y` is what iter yielded when sent
    /// `v` (`next` for None); when iter returns `r` instead,
    /// `[iter, v] -> [r]` and jump to target.
    Send(u32),
    /// `[dict, .., k, v] -> [dict, ..]`: dict[k] = v, for dict
    /// comprehensions; once k and v are popped, dict is the i-th item from
    /// the top (as for `ListAppend`).
    MapAdd(u32),
    /// `[list, .. (i - 1 items) .., iterable] -> [list, ..]`: list.extend(iterable)
    /// (`*x` in displays and calls).
    ListExtend(u32),
    /// `[list] -> [tuple(list)]`
    ListToTuple,
    /// `[dict, .. (i - 1 items) .., mapping] -> [dict, ..]`: dict.update(mapping)
    /// (`**m` in a dict display).
    DictUpdate(u32),
    /// `[f, .., dict, .. (i - 1 items) .., mapping] -> [f, .., dict, ..]`: like
    /// `DictUpdate` for `**m` at a call site (`f` is two below the dict):
    /// a repeated key is a TypeError naming `f`.
    DictMerge(u32),
    /// `[f, args] -> [f(*args)]` (n = 0) or `[f, args, kwargs] -> [f(*args, **kwargs)]`
    /// (n = 1); `args` is made a tuple if it is not one.
    CallEx(u32),
    /// `[seq] -> [a_n .. a_1, list, b_m .. b_1]` for `b_1 .. b_m, *list, a_1 .. a_n`,
    /// where the operand is `m | n << 8`.
    UnpackEx(u32),
    /// `[mgr] -> [mgr.__exit__, mgr.__enter__()]`
    BeforeWith,
    /// `[exit, .., exc] -> [exit, .., exc, exit(type(exc), exc, tb)]`
    WithExceptStart,
    /// `[subject] -> [subject, len(subject)]`
    GetLen,
    /// `[subject] -> [subject, is it a sequence for `match`]`
    MatchSequence,
    /// `[subject] -> [subject, is it a mapping for `match`]`
    MatchMapping,
    /// `[subject, keys] -> [subject, keys, values tuple or None]`
    MatchKeys,
    /// `[subject, keys] -> [subject, dict of the other items]` (`**rest`).
    CopyDictWithoutKeys,
    /// `[subject, cls, kwnames] -> [attributes tuple or None]`: a class
    /// pattern with n positional sub-patterns.
    MatchClass(u32),
    // Superinstructions, written by `compiler::superinstructions` over a
    // pair of instructions. Each stands in for itself and the instruction
    // after it, which stays in place (a jump to it still runs it) and is
    // skipped. When the pair loads two operands and an int or float
    // operation follows, the loads and the operation run as one.
    /// `[] -> [local a, local b]` (`LoadFast a; LoadFast b`)
    LoadFastLoadFast(u16, u16),
    /// `[] -> [local a, consts[c]]` (`LoadFast a; LoadConst c`)
    LoadFastLoadConst(u16, u16),
    /// `[] -> [consts[c], local b]` (`LoadConst c; LoadFast b`)
    LoadConstLoadFast(u16, u16),
    /// `[] -> [(local a).names[i]]` (`LoadFast a; LoadAttr i`)
    LoadFastLoadAttr(u16, u16),
    /// `[x] -> [local b]`, local a = x (`StoreFast a; LoadFast b`)
    StoreFastLoadFast(u16, u16),
    /// `[it] -> [it]`, local a = next(it); or `[it] -> []` and jump to t
    /// when exhausted (`ForIter t; StoreFast a`)
    ForIterStoreFast(u16, u32),
    /// `[seq] -> []`, the n items stored by the n `StoreFast`s after it,
    /// in order (`UnpackSequence n; StoreFast a1; ..; StoreFast an`)
    UnpackStoreFast(u32),
    /// `[x] -> [x, consts[c]]` (`LoadConst c` before an operator, a
    /// comparison or a subscript, which runs with it when it can)
    LoadConstOperand(u32),
    /// `[] -> (return local a)`, the local moved out of the ending frame
    /// (`LoadFast a; Return`)
    ReturnFast(u32),
    /// `[] -> (return consts[c])` (`LoadConst c; Return`)
    ReturnConst(u32),
}

/// The local that `store` writes: a `StoreFast` after an
/// `UnpackStoreFast` (maybe fused since with the `LoadFast` after it).
/// Anything else there is a bug of `fuse`.
#[inline(always)]
pub fn fused_store_target(store: Instr) -> usize {
    match store {
        Instr::StoreFast(a) => a as usize,
        Instr::StoreFastLoadFast(a, _) => a as usize,
        other => panic!("UnpackStoreFast is followed by {other:?}, not a StoreFast"),
    }
}

/// Bits of `Instr::FormatValue`'s operand.
pub mod format_flags {
    /// The conversion (`& CONVERSION_MASK`): none, `!s`, `!r`, `!a`.
    pub const CONVERSION_MASK: u32 = 3;
    pub const STR: u32 = 1;
    pub const REPR: u32 = 2;
    pub const ASCII: u32 = 3;
    /// A format spec is on the stack above the value.
    pub const HAS_SPEC: u32 = 4;
}

/// A protected range: an exception raised by an instruction in
/// `start..end` truncates the stack to `depth` items, pushes the exception
/// and jumps to `handler`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    pub start: u32,
    pub end: u32,
    pub handler: u32,
    pub depth: u32,
}

/// Code-object flags (CPython's `co_flags` bits where they exist).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
}

/// Where an instruction came from: CPython's `co_positions()` entry,
/// the span of the innermost expression (or statement) it was compiled
/// for. Columns are UTF-8 byte offsets into their lines, as in CPython;
/// tracebacks draw their `^`/`~` markers from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: u32,
    pub end_line: u32,
    pub col: u32,
    pub end_col: u32,
}

impl Position {
    /// The column of an instruction with no span (code set-up): only its
    /// line is known.
    pub const NO_COLUMN: u32 = u32::MAX;

    pub fn line_only(line: u32) -> Position {
        Position { line, end_line: line, col: Self::NO_COLUMN, end_col: Self::NO_COLUMN }
    }
}

/// A compiled function body, module or class body.
#[derive(Debug)]
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: String,
    pub firstlineno: u32,
    /// Padded with `PastEnd`: the dispatch loop fetches with
    /// `WrapBuf::fetch`, which has no bounds check.
    pub instructions: WrapBuf<Instr>,
    /// The source span of each instruction (same length).
    pub positions: Vec<Position>,
    pub handlers: Vec<Handler>,
    pub consts: Vec<Obj>,
    /// Global, attribute and imported names (str objects).
    pub names: Vec<Obj>,
    /// Parameters first, then the other locals.
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cell variable that is also a parameter, its local index.
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    /// The largest stack depth the code reaches.
    pub stacksize: u32,
    /// One inline cache per entry of `names`, for `LoadGlobal`.
    pub global_cache: Vec<std::cell::Cell<GlobalCache>>,
    /// The docstring of a def (`__doc__` of functions made from it).
    pub doc: Option<Obj>,
    /// One inline cache per entry of `names`, for instance attributes
    /// read and written by `LoadAttr`/`StoreAttr`.
    pub attr_cache: Vec<std::cell::Cell<AttrCache>>,
    /// One inline cache per entry of `names`, for `LoadMethod`.
    pub method_cache: Vec<std::cell::Cell<MethodCache>>,
}

/// Where `LoadMethod` last found a method, for the last two types of
/// object it was called on (a site such as `shape.area()` often sees two
/// subclasses in turn), most recent first. Valid while no class has
/// changed since (`generation`, as for `AttrCache`): class changes are
/// what could move the method, reorder an MRO or reindex a namespace. No
/// object is held, so the cache changes no reference count.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MethodCache {
    pub generation: u64,
    pub ways: [MethodWay; 2],
}

/// For instances of the type at `type_addr`: the class at `mro_index` of
/// that type's MRO defines the method at `index` of its namespace table.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MethodWay {
    pub type_addr: usize,
    pub mro_index: u32,
    pub index: u32,
}

/// Where an attribute of an instance was last found: in the instance's
/// `__dict__` at `index`, for instances of the type at `type_addr` or at
/// `type_addr2` (the last two types seen, so that code shared by two
/// subclasses, as a base class's `__init__`, keeps hitting), while no
/// class has changed since (`generation`, the VM's type-cache generation,
/// which starts at 1 so the default never matches). Hits still check that
/// the entry's key is the attribute's name object. An `index` with
/// `AttrCache::SLOT` set names a `__slots__` member instead: the
/// instance's slot `index & !SLOT`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttrCache {
    pub type_addr: usize,
    /// 0 when only one type is recorded.
    pub type_addr2: usize,
    pub generation: u64,
    pub index: u32,
}

impl AttrCache {
    /// Marks `index` as a slot number (no dict has 2**31 entries).
    pub const SLOT: u32 = 1 << 31;
}

/// Where a `LoadGlobal` last found its name: valid while the globals
/// dict (at address `globals`) keeps the key-set version it had then, and,
/// for a builtin, while the builtins dict keeps its version too. Values
/// may change: the entry at `index` is read afresh each time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GlobalCache {
    pub globals: usize,
    pub globals_version: u64,
    pub in_builtins: bool,
    pub builtins_version: u64,
    pub index: u32,
}

impl Code {
    /// The source line of the instruction at `pc`.
    pub fn line_at(&self, pc: usize) -> u32 {
        self.positions.get(pc).map_or(self.firstlineno, |p| p.line)
    }

    /// The source span of the instruction at `pc`, if it has columns.
    pub fn position_at(&self, pc: usize) -> Option<Position> {
        self.positions.get(pc).copied().filter(|p| p.col != Position::NO_COLUMN)
    }

    /// The innermost protected range covering `pc`.
    pub fn handler_for(&self, pc: usize) -> Option<Handler> {
        let pc = pc as u32;
        // Ranges are emitted innermost-first for nested `try`s.
        self.handlers.iter().copied().find(|h| h.start <= pc && pc < h.end)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn instructions_are_eight_bytes() {
        assert!(std::mem::size_of::<super::Instr>() <= 8);
    }
}
