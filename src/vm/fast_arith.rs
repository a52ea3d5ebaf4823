//! The operators' fast paths: exact machine ints that do not overflow
//! and exact floats, computed unboxed (`fast_value`) and then boxed, the
//! eval loop's shortcut before `binary_op`'s general rule (`ops.rs`).
//!
//! Exact types only: a subclass may override an operator. Every result
//! is the value CPython computes; cases it treats specially (zero
//! division, negative shift counts, overflow, float powers that leave the
//! reals) return `None` and take the general path, which raises or
//! computes them.

use super::Vm;
use super::ops::ordering_matches;
use super::types::{SMALL_INT_MAX, SMALL_INT_MIN};
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use num_integer::Integer;

/// A fast-path result before it is boxed.
enum Fast {
    Int(i64),
    Float(f64),
}

impl Vm {
    /// Both operands machine ints, no overflow, or floats: the eval
    /// loop's shortcut.
    #[inline(always)]
    pub(crate) fn binary_fast(&self, a: &Obj, b: &Obj, op: BinOp) -> Option<Obj> {
        Some(match self.fast_value(a, b, op)? {
            Fast::Int(i) => self.new_int(i),
            Fast::Float(f) => self.new_float(f),
        })
    }

    /// `binary_fast` for operands the caller owns and drops right after
    /// (the two it popped off the stack). When one is the only reference
    /// to its box and the result has the same type, the result takes over
    /// that box (`Obj::overwrite_unique`) instead of a new one being made
    /// while the operand's is freed: `d = a*a + b*b` then allocates once,
    /// not twice. CPython 3.12 reuses float operands the same way; the
    /// only trace is an `id()` no living object can be compared with.
    /// Results in the small-int range are always the cached objects.
    #[inline(always)]
    pub(crate) fn binary_fast_popped(&self, a: &mut Obj, b: &mut Obj, op: BinOp) -> Option<Obj> {
        match self.fast_value(a, b, op)? {
            Fast::Int(i) => {
                if !(SMALL_INT_MIN..=SMALL_INT_MAX).contains(&i) {
                    if a.overwrite_unique(&self.types.int, IntValue::Small(i)) {
                        return Some(a.clone());
                    }
                    if b.overwrite_unique(&self.types.int, IntValue::Small(i)) {
                        return Some(b.clone());
                    }
                }
                Some(self.new_int(i))
            }
            Fast::Float(f) => {
                if a.overwrite_unique(&self.types.float, FloatValue(f)) {
                    return Some(a.clone());
                }
                if b.overwrite_unique(&self.types.float, FloatValue(f)) {
                    return Some(b.clone());
                }
                Some(self.new_float(f))
            }
        }
    }

    /// The unboxed result of the fast path: both operands exact machine
    /// ints and no overflow, or exact floats (`float_fast_value`).
    #[inline(always)]
    fn fast_value(&self, a: &Obj, b: &Obj, op: BinOp) -> Option<Fast> {
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
