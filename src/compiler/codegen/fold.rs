//! Constant folding, as CPython 3.11's AST optimizer (`Python/ast_opt.c`)
//! does it before compiling, and the merging of equal constants that its
//! compiler does (`merge_consts_recursive`, `intern_string_constants`).
//!
//! Model: CPython rewrites the tree; we leave the tree alone (`ast.parse`
//! and the AST dumps show the parser's tree, unoptimized, as CPython's do)
//! and ask, when an expression is about to be compiled, which constant
//! CPython's optimizer would have made of it (`Compiler::folded`). Folded:
//! - `-x`, `+x`, `~x`, `not x` of a constant;
//! - `x OP y` of two constants, within `ast_opt.c`'s size limits
//!   (`multiply_is_safe`, `power_is_safe`, `lshift_is_safe`, no `%` on a
//!   str or bytes left operand, no `@`);
//! - `x[y]` of two constants (load context);
//! - a tuple display of constants (load context);
//! - `__debug__` (always True: ouro has no `-O`);
//! - the iterable of `for` and of comprehensions, and the right operand
//!   of a last `in`/`not in`: a list display becomes a tuple (a constant
//!   one when its items are constants), a set display of constants a
//!   frozenset constant (`Compiler::iterable`).
//!
//! `not (a is b)` becomes `a is not b` (and `in`/`not in` likewise) in
//! `Compiler::expr`, as `fold_unaryop` does.
//!
//! Invariants:
//! - A fold only runs operations of builtin constant types (int, float,
//!   complex, str, bytes, bool, None, Ellipsis, tuple, frozenset): no
//!   Python code runs at compile time. Any exception raised by a fold is
//!   dropped and the expression compiled as written, so it raises at run
//!   time, on its own line (`1/0`, `2.0**10000`).
//! - The size limits are checked before the operation runs: no fold ever
//!   builds an int over 128 bits by `*`, `**` or `<<`, a str or bytes over
//!   4096 items or a tuple over 256 by `*` (`2**10**10` is not computed).
//! - Results are memoized per node address: the tree is borrowed, unmoved,
//!   for the whole compilation and the compiler builds no nodes of its
//!   own, so an address names one node. Each node is folded once, however
//!   deeply nested the expression.
//! - Every emitted constant goes through `Compiler::merged`: identifier-like strs
//!   are interned, and equal constants (same type, same value; `0.0` and
//!   `-0.0` differ) are one object across the whole module, as CPython's
//!   per-compilation constant cache makes them.

use super::{CResult, Compiler, binop};
use crate::ast::{CmpOp, Expr, ExprContext, ExprKind, Operator, UnaryOp};
use crate::bytecode::{Instr, UnOp};
use crate::heap::{Kind, Obj};
use crate::object::payloads::{BoolValue, BytesValue, ComplexValue, FloatValue, IntValue, StrValue, TupleValue};
use crate::vm::Vm;
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::collections::HashMap;

/// `ast_opt.c`'s limits.
const MAX_INT_SIZE: u64 = 128; // bits
const MAX_COLLECTION_SIZE: i64 = 256; // items
const MAX_STR_SIZE: i64 = 4096; // characters (or bytes)
const MAX_TOTAL_ITEMS: i64 = 1024; // including nested collections

/// What a fold remembers between the compiler's visits.
#[derive(Default)]
pub(super) struct FoldState {
    /// Folded or not, per node address (see the invariants above).
    memo: HashMap<*const Expr, Option<Obj>>,
    /// One object per constant value in the module (CPython's
    /// `c_const_cache`).
    merged: HashMap<ConstKey, Obj>,
}

/// The value of a constant as CPython's `_PyCode_ConstantKey` compares
/// it: by type and value, floats by their bits (so `0.0` and `-0.0`
/// stay two constants).
#[derive(PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Ellipsis,
    Bool(bool),
    Int(BigInt),
    Float(u64),
    Complex(u64, u64),
    Str(Box<[u8]>),
    Bytes(Box<[u8]>),
    Tuple(Vec<ConstKey>),
}

/// The key of `o`, or None for a constant merged only with itself (code
/// objects, frozensets, NaNs: CPython's keys for them compare by identity).
fn const_key(vm: &Vm, o: &Obj) -> Option<ConstKey> {
    let not_nan = |f: f64| (!f.is_nan()).then_some(f.to_bits());
    Some(match o.kind() {
        Kind::None => ConstKey::None,
        Kind::Bool => ConstKey::Bool(o.downcast::<BoolValue>()?.0),
        Kind::Int if o.has_type(&vm.types.int) => ConstKey::Int(int_value(o)?),
        Kind::Float if o.has_type(&vm.types.float) => ConstKey::Float(not_nan(o.downcast::<FloatValue>()?.0)?),
        Kind::Complex if o.has_type(&vm.types.complex) => {
            let c = o.downcast::<ComplexValue>()?;
            ConstKey::Complex(not_nan(c.re)?, not_nan(c.im)?)
        }
        Kind::Str if o.has_type(&vm.types.str_) => ConstKey::Str(o.downcast::<StrValue>()?.text.as_bytes().into()),
        Kind::Bytes if o.has_type(&vm.types.bytes) => ConstKey::Bytes(o.downcast::<BytesValue>()?.data.clone()),
        Kind::Tuple if o.has_type(&vm.types.tuple) => {
            let t = o.downcast::<TupleValue>()?;
            ConstKey::Tuple(t.0.iter().map(|x| const_key(vm, x)).collect::<Option<_>>()?)
        }
        _ if o.is(&vm.singletons.ellipsis) => ConstKey::Ellipsis,
        _ => return None,
    })
}

/// CPython interns str constants made only of ASCII letters, digits and
/// underscores (`all_name_chars`).
pub(super) fn is_name_like(text: &str) -> bool {
    text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The value of an int or bool (bool is an int subtype, as `PyLong_Check`
/// sees it).
fn int_value(o: &Obj) -> Option<BigInt> {
    match o.kind() {
        Kind::Bool => Some(BigInt::from(o.downcast::<BoolValue>()?.0 as u8)),
        Kind::Int => Some(match o.downcast::<IntValue>()? {
            IntValue::Small(i) => BigInt::from(*i),
            IntValue::Big(b) => (**b).clone(),
        }),
        _ => None,
    }
}

/// The length of a str or bytes.
fn text_len(o: &Obj) -> Option<usize> {
    match o.kind() {
        Kind::Str => Some(o.downcast::<StrValue>()?.chars),
        Kind::Bytes => Some(o.downcast::<BytesValue>()?.data.len()),
        _ => None,
    }
}

/// The items of a tuple or frozenset.
fn collection_items(vm: &Vm, o: &Obj) -> Option<Vec<Obj>> {
    match o.kind() {
        Kind::Tuple => Some(o.downcast::<TupleValue>()?.0.iter().cloned().collect()),
        Kind::Set if o.has_type(&vm.types.frozenset) => Some(crate::vm::set_items(o)),
        _ => None,
    }
}

/// `check_complexity`: `limit` minus the number of items in `o`, nested
/// collections counted too; negative once over the limit.
fn check_complexity(vm: &Vm, o: &Obj, mut limit: i64) -> i64 {
    if let Some(items) = collection_items(vm, o) {
        limit -= items.len() as i64;
        for item in &items {
            if limit < 0 {
                break;
            }
            limit = check_complexity(vm, item, limit);
        }
    }
    limit
}

/// `safe_multiply`'s checks: may `v * w` be computed at compile time?
fn multiply_is_safe(vm: &Vm, v: &Obj, w: &Obj) -> bool {
    let (vi, wi) = (int_value(v), int_value(w));
    if let (Some(a), Some(b)) = (&vi, &wi) {
        return a.is_zero() || b.is_zero() || a.bits() + b.bits() <= MAX_INT_SIZE;
    }
    if let Some(n) = &vi {
        if let Some(items) = collection_items(vm, w) {
            if items.is_empty() {
                return true;
            }
            let Some(n) = n.to_i64() else { return false };
            let size = items.len() as i64;
            return n >= 0 && n <= MAX_COLLECTION_SIZE / size && (n == 0 || check_complexity(vm, w, MAX_TOTAL_ITEMS / n) >= 0);
        }
        if let Some(size) = text_len(w) {
            if size == 0 {
                return true;
            }
            let Some(n) = n.to_i64() else { return false };
            return n >= 0 && n <= MAX_STR_SIZE / size as i64;
        }
        return true;
    }
    if wi.is_some() && (collection_items(vm, v).is_some() || text_len(v).is_some()) {
        return multiply_is_safe(vm, w, v);
    }
    true
}

/// `safe_power`'s check: an int power only while `bits(v) * w <= 128`.
fn power_is_safe(v: &Obj, w: &Obj) -> bool {
    match (int_value(v), int_value(w)) {
        (Some(a), Some(b)) if !a.is_zero() && b.is_positive() => match b.to_u64() {
            Some(exponent) => a.bits() <= MAX_INT_SIZE / exponent,
            None => false,
        },
        _ => true,
    }
}

/// `safe_lshift`'s check: a shift only while the result fits 128 bits
/// (a negative count is left to raise at run time).
fn lshift_is_safe(v: &Obj, w: &Obj) -> bool {
    match (int_value(v), int_value(w)) {
        (Some(a), Some(b)) if !a.is_zero() && !b.is_zero() => match b.to_u64() {
            Some(count) => count <= MAX_INT_SIZE && a.bits() <= MAX_INT_SIZE - count,
            None => false,
        },
        _ => true,
    }
}

impl Compiler<'_> {
    /// The constant CPython's optimizer makes of `e`, if it makes one.
    pub(super) fn folded(&mut self, e: &Expr) -> Option<Obj> {
        match &e.kind {
            ExprKind::Constant { value, .. } => Some(self.constant(value)),
            ExprKind::Name { id, ctx: ExprContext::Load } if &**id == "__debug__" => Some(self.vm.bool_obj(true)),
            ExprKind::UnaryOp { .. }
            | ExprKind::BinOp { .. }
            | ExprKind::Subscript { ctx: ExprContext::Load, .. }
            | ExprKind::Tuple { ctx: ExprContext::Load, .. } => {
                let key: *const Expr = e;
                if let Some(known) = self.folds.memo.get(&key) {
                    return known.clone();
                }
                let folded = self.fold_node(e);
                self.folds.memo.insert(key, folded.clone());
                folded
            }
            _ => None,
        }
    }

    fn fold_node(&mut self, e: &Expr) -> Option<Obj> {
        match &e.kind {
            ExprKind::UnaryOp { op, operand } => {
                let v = self.folded(operand)?;
                match op {
                    UnaryOp::Not => self.vm.truthy(&v).ok().map(|b| self.vm.bool_obj(!b)),
                    UnaryOp::Invert => self.vm.unary_op(&v, UnOp::Invert).ok(),
                    UnaryOp::UAdd => self.vm.unary_op(&v, UnOp::Pos).ok(),
                    UnaryOp::USub => self.vm.unary_op(&v, UnOp::Neg).ok(),
                }
            }
            ExprKind::BinOp { left, op, right } => {
                // Both sides are folded first, as `astfold_expr` visits
                // them before `fold_binop` looks at the node.
                let v = self.folded(left);
                let w = self.folded(right);
                let (v, w) = (v?, w?);
                let safe = match op {
                    Operator::MatMult => false,
                    Operator::Mult => multiply_is_safe(self.vm, &v, &w),
                    Operator::Pow => power_is_safe(&v, &w),
                    Operator::LShift => lshift_is_safe(&v, &w),
                    Operator::Mod => text_len(&v).is_none(),
                    _ => true,
                };
                if !safe {
                    return None;
                }
                self.vm.binary_op(&v, &w, binop(*op)).ok()
            }
            ExprKind::Subscript { value, slice, .. } => {
                let v = self.folded(value);
                let i = self.folded(slice);
                let (v, i) = (v?, i?);
                self.vm.get_item(&v, &i).ok()
            }
            ExprKind::Tuple { elts, .. } => self.folded_items(elts).map(|items| self.vm.new_tuple(items)),
            _ => None,
        }
    }

    /// The folded values of `elts` when every one folds (each is visited).
    fn folded_items(&mut self, elts: &[Expr]) -> Option<Vec<Obj>> {
        let items: Vec<Option<Obj>> = elts.iter().map(|x| self.folded(x)).collect();
        items.into_iter().collect()
    }

    /// The one object for constant `o` in this compilation: interned if
    /// an identifier-like str, else the first equal constant seen; a
    /// tuple's items are merged first (`merge_consts_recursive`). Only
    /// emitted constants are merged: the intermediate values of a fold
    /// are not kept twice.
    fn merged(&mut self, o: Obj) -> Obj {
        if let Some(s) = o.downcast::<StrValue>().filter(|_| o.has_type(&self.vm.types.str_)) {
            if let Some(text) = s.text.as_str().filter(|t| is_name_like(t)) {
                let text = text.to_owned();
                return self.vm.intern(&text);
            }
        }
        let o = match o.downcast::<TupleValue>().filter(|_| o.has_type(&self.vm.types.tuple)) {
            Some(t) => {
                let items: Vec<Obj> = t.0.iter().cloned().collect();
                let merged: Vec<Obj> = items.iter().map(|x| self.merged(x.clone())).collect();
                if items.iter().zip(&merged).all(|(a, b)| a.is(b)) { o } else { self.vm.new_tuple(merged) }
            }
            None => o,
        };
        let Some(key) = const_key(self.vm, &o) else { return o };
        self.folds.merged.entry(key).or_insert(o).clone()
    }

    /// Emits constant `o` (merged) in the current code object.
    pub(super) fn load_folded(&mut self, o: Obj) {
        let o = self.merged(o);
        let i = self.add_const(o);
        self.emit(Instr::LoadConst(i));
    }

    /// Emits an iterable that is only iterated or searched (`fold_iter`):
    /// a list display becomes a tuple, a set display of constants a
    /// frozenset.
    pub(super) fn iterable(&mut self, e: &Expr) -> CResult<()> {
        match &e.kind {
            ExprKind::List { elts, .. } if !elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) => {
                if let Some(items) = self.folded_items(elts) {
                    let t = self.vm.new_tuple(items);
                    self.load_folded(t);
                    return Ok(());
                }
                for x in elts {
                    self.expr(x)?;
                }
                self.emit(Instr::BuildTuple(elts.len() as u32));
                Ok(())
            }
            ExprKind::Set { elts } => match self.folded_items(elts).and_then(|items| self.frozenset_of(items)) {
                Some(s) => {
                    self.load_folded(s);
                    Ok(())
                }
                None => self.expr(e),
            },
            _ => self.expr(e),
        }
    }

    fn frozenset_of(&mut self, items: Vec<Obj>) -> Option<Obj> {
        let s = self.vm.new_set_of(true);
        for item in items {
            self.vm.set_add_key(&s, item).ok()?;
        }
        Some(s)
    }

    /// `not (a is b)` as `a is not b` (`is`/`is not`, `in`/`not in`):
    /// the comparison `fold_unaryop` rewrites, when `operand` is one.
    pub(super) fn negated_compare(operand: &Expr) -> Option<(&Expr, CmpOp, &Expr)> {
        let ExprKind::Compare { left, ops, comparators } = &operand.kind else { return None };
        if ops.len() != 1 {
            return None;
        }
        let flipped = match ops[0] {
            CmpOp::Is => CmpOp::IsNot,
            CmpOp::IsNot => CmpOp::Is,
            CmpOp::In => CmpOp::NotIn,
            CmpOp::NotIn => CmpOp::In,
            _ => return None,
        };
        Some((left, flipped, &comparators[0]))
    }
}
