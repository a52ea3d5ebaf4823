//! The operators' fast paths: exact machine ints that do not overflow
//! and exact floats, computed unboxed (`fast_value`) and then boxed, the
//! eval loop's shortcut before `binary_op`'s general rule (`ops.rs`).
//!
//! Exact types only: a subclass may override an operator. Every result
//! is the value CPython computes; cases it treats specially (zero
//! division, negative shift counts, overflow, float powers that leave the
//! reals) return `None` and take the general path, which raises or
//! computes them.
//!
//! `binary_fast_fused` also looks at the instruction after the operator:
//! when the result is about to replace a local (`StoreFast`) or a list
//! item (`Rot3; StoreSubscr` of an augmented subscript assignment) whose
//! box nothing else references, the result is written into that box and
//! the store is skipped. `x = x * y` and `v[0] -= d` in a float loop then
//! neither allocate nor free. The old value would have died with the
//! store anyway, so, as with `Obj::overwrite_unique`, the only trace is an
//! `id()` that no living object can be compared with.

use super::Vm;
use super::ops::ordering_matches;
use super::types::{SMALL_INT_MAX, SMALL_INT_MIN};
use crate::bytecode::{BinOp, CmpOp, Code, Instr};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use num_integer::Integer;

/// A fast-path result before it is boxed.
pub(crate) enum Fast {
    Int(i64),
    Float(f64),
}

impl Fast {
    /// Whether the result needs a box of its own: small ints are the
    /// cached objects.
    #[inline(always)]
    fn is_boxed(&self) -> bool {
        match *self {
            Fast::Int(i) => !(SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i),
            Fast::Float(_) => true,
        }
    }
}

impl Vm {
    /// Both operands machine ints, no overflow, or floats: the eval
    /// loop's shortcut.
    #[inline(always)]
    pub(crate) fn binary_fast(&self, a: &Obj, b: &Obj, op: BinOp) -> Option<Obj> {
        Some(self.box_fast(self.fast_value(a, b, op)?))
    }

    /// `binary_fast` on owned operands, whose box the result may take
    /// (`box_popped`); `Err` gives them back for the general path.
    #[inline(always)]
    pub(crate) fn binary_fast_owned(&self, a: Obj, b: Obj, op: BinOp) -> Result<Obj, (Obj, Obj)> {
        match self.fast_value(&a, &b, op) {
            Some(v) => Ok(self.box_popped(v, a, b)),
            None => Err((a, b)),
        }
    }

    /// `binary_fast` on an owned left operand, whose box the result may
    /// take; `Err` gives it back for the general path.
    #[inline(always)]
    pub(crate) fn binary_fast_reusing(&self, mut a: Obj, b: &Obj, op: BinOp) -> Result<Obj, Obj> {
        let Some(v) = self.fast_value(&a, b, op) else { return Err(a) };
        if v.is_boxed() && overwrite_fast(&self.types, &mut a, &v) {
            return Ok(a);
        }
        Ok(self.box_fast(v))
    }

    /// The eval loop's `Binary`/`Inplace` fast path for the two operands
    /// it popped. `Err` gives them back for the general path. `Ok(None)`:
    /// the result went into the box of the local or list item the next
    /// instructions would have stored it in (see the module comment), and
    /// `pc` was moved past those instructions. `Ok(Some(r))`: push `r`.
    #[inline(always)]
    pub(crate) fn binary_fast_fused(
        &mut self,
        a: Obj,
        b: Obj,
        op: BinOp,
        code: &Code,
        pc: &mut usize,
        lb: usize,
    ) -> Result<Option<Obj>, (Obj, Obj)> {
        let Some(v) = self.fast_value(&a, &b, op) else { return Err((a, b)) };
        if v.is_boxed()
            && matches!(code.instructions.fetch(*pc), Instr::StoreFast(_) | Instr::StoreFastLoadFast(..) | Instr::Rot3)
        {
            return Ok(self.store_fused(v, a, b, code, pc, lb));
        }
        Ok(Some(self.box_popped(v, a, b)))
    }

    /// `binary_fast_fused` when the result is boxed and the next
    /// instruction is a store it may take over: `None` when it did (and
    /// moved `pc` past the store), else the result to push. (Out of line,
    /// measured by callgrind, it cost more than it saved; so did fusing
    /// it also into `fuse_pair`'s operator, which made the loop's
    /// inlining worse.)
    #[inline(always)]
    fn store_fused(&mut self, v: Fast, a: Obj, b: Obj, code: &Code, pc: &mut usize, lb: usize) -> Option<Obj> {
        // When `overwrite_unique` refuses (a flagged or retyped box) a new
        // box is made and the store runs as usual. A fused
        // `StoreFastLoadFast` skipped this way leaves its `LoadFast` to
        // run alone next (superinstructions.rs).
        let local = match code.instructions.fetch(*pc) {
            Instr::StoreFast(i) => i as usize,
            Instr::StoreFastLoadFast(i, _) => i as usize,
            Instr::Rot3 if matches!(code.instructions.fetch(*pc + 1), Instr::StoreSubscr) => {
                return match self.overwrite_list_item(a, b, &v) {
                    Ok(()) => {
                        *pc += 2;
                        None
                    }
                    Err(Some((a, b))) => Some(self.box_popped(v, a, b)),
                    Err(None) => Some(self.box_fast(v)),
                };
            }
            _ => return Some(self.box_popped(v, a, b)),
        };
        let idx = lb + local;
        if !self.stack.slot(idx).as_ref().is_some_and(|t| unique_but_for(t, &a, &b)) {
            return Some(self.box_popped(v, a, b));
        }
        // `n = n // 2`: the operands' references go first, leaving the
        // slot's the only one.
        drop((a, b));
        if let Some(t) = self.stack.slot_mut(idx) {
            if overwrite_fast(&self.types, t, &v) {
                *pc += 1;
                return None;
            }
        }
        Some(self.box_fast(v))
    }

    /// The stack holds `list, key` under the operands of an augmented
    /// subscript assignment about to be stored by `Rot3; StoreSubscr`:
    /// when `list` is an exact list, `key` an exact int in range, and the
    /// item's box is referenced only by the list and the operands, the
    /// operands are dropped, `v` is written into the item's box and
    /// `list, key` are popped. `Err(Some(..))` gives the operands back,
    /// nothing done; `Err(None)`: they were dropped but the box could not
    /// take `v` (the stack is unchanged: the caller pushes a new box).
    #[inline(always)]
    fn overwrite_list_item(&mut self, a: Obj, b: Obj, v: &Fast) -> Result<(), Option<(Obj, Obj)>> {
        let n = self.stack.len();
        if n < 3 {
            return Err(Some((a, b)));
        }
        let (list, key) = (&self.stack[n - 2], &self.stack[n - 1]);
        let Some(i) = self.exact_small_int(key) else { return Err(Some((a, b))) };
        let Some(l) = list.downcast::<ListValue>().filter(|_| list.has_type(&self.types.list)) else {
            return Err(Some((a, b)));
        };
        let Some(j) = super::seq::in_range(i, l.0.borrow().len()) else { return Err(Some((a, b))) };
        if !unique_but_for(&l.0.borrow()[j], &a, &b) {
            return Err(Some((a, b)));
        }
        drop((a, b));
        let done = {
            let mut items = l.0.borrow_mut();
            overwrite_fast(&self.types, &mut items[j], v)
        };
        if !done {
            return Err(None);
        }
        drop((self.stack.pop(), self.stack.pop()));
        self.collect_dead();
        Ok(())
    }

    /// A new box for `v` (or the cached small int).
    #[inline(always)]
    pub(crate) fn box_fast(&self, v: Fast) -> Obj {
        match v {
            Fast::Int(i) => self.new_int(i),
            Fast::Float(f) => self.new_float(f),
        }
    }

    /// `ForIterStoreFast` over a range: the loop variable takes the next
    /// int. When the variable holds the only reference to an exact int
    /// box (the previous item, not kept anywhere) and the new int needs a
    /// box, that box takes the value, as `box_popped` reuses an operand's;
    /// otherwise the new int is stored and the old one released.
    #[inline(always)]
    pub(crate) fn store_int_local(&mut self, idx: usize, n: i64) {
        let v = Fast::Int(n);
        if v.is_boxed() {
            if let Some(t) = self.stack.slot_mut(idx) {
                if overwrite_fast(&self.types, t, &v) {
                    return;
                }
            }
        }
        let item = self.box_fast(v);
        let old = self.stack.slot_mut(idx).replace(item);
        drop(old);
        self.collect_dead();
    }

    /// The box for `v`, computed from operands the caller owns and
    /// drops right after (the two it popped off the stack). When one is the only reference
    /// to its box and the result has the same type, the result takes over
    /// that box (`Obj::overwrite_unique`) instead of a new one being made
    /// while the operand's is freed: `d = a*a + b*b` then allocates once,
    /// not twice. CPython 3.12 reuses float operands the same way; the
    /// only trace is an `id()` no living object can be compared with.
    /// Results in the small-int range are always the cached objects.
    #[inline(always)]
    fn box_popped(&self, v: Fast, mut a: Obj, mut b: Obj) -> Obj {
        if v.is_boxed() {
            if overwrite_fast(&self.types, &mut a, &v) {
                return a;
            }
            if overwrite_fast(&self.types, &mut b, &v) {
                return b;
            }
        }
        self.box_fast(v)
    }

    /// The unboxed result of the fast path: both operands exact machine
    /// ints and no overflow, or exact floats (`float_fast_value`).
    #[inline(always)]
    pub(crate) fn fast_value(&self, a: &Obj, b: &Obj, op: BinOp) -> Option<Fast> {
        // A float on the left goes straight to the float path: float
        // loops then skip the two int tests.
        if a.kind() == Kind::Float {
            return self.float_fast_value(a, b, op).map(Fast::Float);
        }
        // Exact types only: a subclass may override the operator.
        let (Some(IntValue::Small(x)), Some(IntValue::Small(y))) = (self.exact_int(a), self.exact_int(b)) else {
            return self.float_fast_value(a, b, op).map(Fast::Float);
        };
        let r = match op {
            BinOp::TrueDiv if *y != 0 && x.unsigned_abs() < 1 << 53 && y.unsigned_abs() < 1 << 53 => {
                // Both exact as doubles, so one correctly rounded division
                // is CPython's answer.
                return Some(Fast::Float(*x as f64 / *y as f64));
            }
            BinOp::Add => x.checked_add(*y)?,
            BinOp::Sub => x.checked_sub(*y)?,
            BinOp::Mul => x.checked_mul(*y)?,
            BinOp::Mod if *y > 0 && *x >= 0 => x % y,
            BinOp::FloorDiv if *y > 0 && *x >= 0 => x / y,
            // Signs differ: Python rounds toward minus infinity, as
            // `small_int_op` does (`MIN // -1` overflows: not here).
            BinOp::Mod if *y != 0 && x.checked_rem(*y).is_some() => Integer::mod_floor(x, y),
            BinOp::FloorDiv if *y != 0 && x.checked_div(*y).is_some() => Integer::div_floor(x, y),
            BinOp::And => x & y,
            BinOp::Or => x | y,
            BinOp::Xor => x ^ y,
            // Negative counts raise: left to `small_int_op`.
            BinOp::RShift if *y >= 0 => {
                if *y >= 64 {
                    if *x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                }
            }
            BinOp::LShift if *y >= 0 && *y < 63 && x.unsigned_abs().leading_zeros() as i64 > y + 1 => x << y,
            BinOp::Pow if *y >= 0 && *y <= u32::MAX as i64 => x.checked_pow(*y as u32)?,
            _ => return None,
        };
        Some(Fast::Int(r))
    }

    /// The payload of an object whose type is exactly `int`.
    #[inline(always)]
    fn exact_int<'a>(&self, o: &'a Obj) -> Option<&'a IntValue> {
        if o.has_type(&self.types.int) { o.downcast::<IntValue>() } else { None }
    }

    /// The value of an object whose type is exactly `float`.
    #[inline(always)]
    fn exact_float(&self, o: &Obj) -> Option<f64> {
        if o.has_type(&self.types.float) { o.downcast::<FloatValue>().map(|f| f.0) } else { None }
    }

    /// A float with a float or a machine int, for the operators whose
    /// result is a plain IEEE operation (no zero division possible).
    #[inline]
    fn float_fast_value(&self, a: &Obj, b: &Obj, op: BinOp) -> Option<f64> {
        let x = match self.exact_float(a) {
            Some(f) => f,
            None => match self.exact_int(a) {
                Some(IntValue::Small(i)) if i.unsigned_abs() < 1 << 53 => *i as f64,
                _ => return None,
            },
        };
        let y = match self.exact_float(b) {
            Some(f) => f,
            None => match self.exact_int(b) {
                Some(IntValue::Small(i)) if i.unsigned_abs() < 1 << 53 && a.kind() == Kind::Float => *i as f64,
                _ => return None,
            },
        };
        let r = match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv if y != 0.0 => x / y,
            // A positive finite base to a finite power is `float_op`'s
            // plain `powf`; zero and negative bases (errors, complex
            // results) and overflow are left to it.
            BinOp::Pow if x > 0.0 && x.is_finite() && y.is_finite() => {
                let r = x.powf(y);
                if !r.is_finite() {
                    return None;
                }
                r
            }
            _ => return None,
        };
        Some(r)
    }

    /// Both operands machine ints: the eval loop's comparison shortcut.
    #[inline(always)]
    pub(crate) fn compare_fast(&self, a: &Obj, b: &Obj, op: CmpOp) -> Option<bool> {
        if let (Some(IntValue::Small(x)), Some(IntValue::Small(y))) = (self.exact_int(a), self.exact_int(b)) {
            return Some(ordering_matches(x.cmp(y), op));
        }
        let (x, y) = (self.exact_float(a)?, self.exact_float(b)?);
        Some(match op {
            CmpOp::Lt => x < y,
            CmpOp::Le => x <= y,
            CmpOp::Eq => x == y,
            CmpOp::Ne => x != y,
            CmpOp::Gt => x > y,
            CmpOp::Ge => x >= y,
        })
    }
}

/// Whether `t`'s box has no references but `t`'s own and those of the
/// operands `a` and `b` (which the caller owns and can drop).
#[inline(always)]
fn unique_but_for(t: &Obj, a: &Obj, b: &Obj) -> bool {
    t.refcount() == 1 + t.is(a) as u32 + t.is(b) as u32
}

/// Writes `v` into `t`'s box when it is the only reference to an exact
/// box of `v`'s type. (Takes the types, not the VM, so that `t` can be
/// borrowed from the VM's stack.)
#[inline(always)]
fn overwrite_fast(types: &super::types::Types, t: &mut Obj, v: &Fast) -> bool {
    match *v {
        Fast::Int(i) => t.overwrite_unique(&types.int, IntValue::Small(i)),
        Fast::Float(f) => t.overwrite_unique(&types.float, FloatValue(f)),
    }
}
