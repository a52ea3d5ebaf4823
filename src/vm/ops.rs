//! Operators and the basic protocols: truth, arithmetic, comparison,
//! hashing, `repr`/`str`, iteration and subscripts.
//!
//! Each operation tries the builtin types' fast paths first (machine ints
//! that do not overflow, floats, strs), then falls back to the general
//! rule: the left operand's method, then the right operand's reflected
//! method (first if the right type is a subclass of the left), and
//! `NotImplemented` from both is a TypeError.

use super::Vm;
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

fn dunder(op: BinOp) -> (&'static str, &'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__", "+"),
        BinOp::Sub => ("__sub__", "__rsub__", "-"),
        BinOp::Mul => ("__mul__", "__rmul__", "*"),
        BinOp::MatMul => ("__matmul__", "__rmatmul__", "@"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__", "/"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__", "//"),
        BinOp::Mod => ("__mod__", "__rmod__", "%"),
        BinOp::Pow => ("__pow__", "__rpow__", "** or pow()"),
        BinOp::LShift => ("__lshift__", "__rlshift__", "<<"),
        BinOp::RShift => ("__rshift__", "__rrshift__", ">>"),
        BinOp::And => ("__and__", "__rand__", "&"),
        BinOp::Or => ("__or__", "__ror__", "|"),
        BinOp::Xor => ("__xor__", "__rxor__", "^"),
    }
}

fn inplace_dunder(op: BinOp) -> &'static str {
    match op {
        BinOp::Add => "__iadd__",
        BinOp::Sub => "__isub__",
        BinOp::Mul => "__imul__",
        BinOp::MatMul => "__imatmul__",
        BinOp::TrueDiv => "__itruediv__",
        BinOp::FloorDiv => "__ifloordiv__",
        BinOp::Mod => "__imod__",
        BinOp::Pow => "__ipow__",
        BinOp::LShift => "__ilshift__",
        BinOp::RShift => "__irshift__",
        BinOp::And => "__iand__",
        BinOp::Or => "__ior__",
        BinOp::Xor => "__ixor__",
    }
}

/// A number as the arithmetic sees it.
enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

impl Vm {
    fn num(&self, o: &Obj) -> Option<Num> {
        match o.kind() {
            Kind::Int => match o.downcast::<IntValue>()? {
                IntValue::Small(i) => Some(Num::Int(*i)),
                IntValue::Big(b) => Some(Num::Big((**b).clone())),
            },
            Kind::Bool => Some(Num::Int(o.downcast::<BoolValue>()?.0 as i64)),
            Kind::Float => Some(Num::Float(o.downcast::<FloatValue>()?.0)),
            _ => None,
        }
    }

    pub fn truthy(&mut self, o: &Obj) -> PyResult<bool> {
        match self.truthy_known(o) {
            Some(b) => Ok(b),
            None => self.truthy_slow(o),
        }
    }

    /// The truth of a value of an exact builtin type, without calling
    /// anything (`None`: ask `__bool__` or `__len__`, which a subclass may
    /// override).
    #[inline(always)]
    pub(crate) fn truthy_known(&self, o: &Obj) -> Option<bool> {
        let t = &self.types;
        let exact = match o.kind() {
            Kind::Bool | Kind::None | Kind::Range => true,
            Kind::Int => o.has_type(&t.int),
            Kind::Float => o.has_type(&t.float),
            Kind::Complex => o.has_type(&t.complex),
            Kind::Str => o.has_type(&t.str_),
            Kind::List => o.has_type(&t.list),
            Kind::Tuple => o.has_type(&t.tuple),
            Kind::Dict => o.has_type(&t.dict),
            _ => false,
        };
        if exact { builtin_truth(o) } else { None }
    }

    #[cold]
    fn truthy_slow(&mut self, o: &Obj) -> PyResult<bool> {
        if let Some(m) = self.lookup_special(o, "__bool__") {
            let r = self.call_special(&m, o)?;
            return match r.downcast::<BoolValue>() {
                Some(b) => Ok(b.0),
                None => Err(self.type_error(format!("__bool__ should return bool, returned {}", self.type_name(&r)))),
            };
        }
        if let Some(m) = self.lookup_special(o, "__len__") {
            let r = self.call_special(&m, o)?;
            return Ok(self.small_int(&r).unwrap_or(1) != 0);
        }
        // A subclass of a builtin whose truth has no `__bool__` to look
        // up keeps the builtin's truth.
        Ok(builtin_truth(o).unwrap_or(true))
    }

    pub fn binary_op(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
        // Two exact strs: no numeric checks apply, and neither can override `+`.
        if op == BinOp::Add && a.has_type(&self.types.str_) && b.has_type(&self.types.str_) {
            return Ok(self.str_concat(a, b));
        }
        if self.is_value_subclass(a) || self.is_value_subclass(b) {
            let (name, rname, _) = dunder(op);
            if let Some(r) = self.subclass_dunders(a, b, name, rname)? {
                return Ok(r);
            }
        }
        if let (Some(x), Some(y)) = (a.downcast::<BoolValue>(), b.downcast::<BoolValue>()) {
            match op {
                BinOp::And => return Ok(self.bool_obj(x.0 & y.0)),
                BinOp::Or => return Ok(self.bool_obj(x.0 | y.0)),
                BinOp::Xor => return Ok(self.bool_obj(x.0 ^ y.0)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            // `@`, and bitwise operators on a float, are not numbers' business:
            // the general rule reports them with the operands' own type names.
            let bitwise = matches!(op, BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor);
            let float = matches!(x, Num::Float(_)) || matches!(y, Num::Float(_));
            if a.kind() == Kind::Bool && b.kind() == Kind::Bool && matches!(op, BinOp::And | BinOp::Or | BinOp::Xor) {
                let (Num::Int(x), Num::Int(y)) = (x, y) else { unreachable!("bools are small ints") };
                return Ok(self.bool_obj(match op {
                    BinOp::And => x & y,
                    BinOp::Or => x | y,
                    _ => x ^ y,
                } != 0));
            }
            if op != BinOp::MatMul && !(bitwise && float) {
                return self.numeric_op(x, y, op);
            }
        }
        if let Some(r) = self.sequence_op(a, b, op)? {
            return Ok(r);
        }
        self.binary_op_slow(a, b, op)
    }

    /// `a op= b` once the eval loop's int and float shortcut
    /// (`binary_fast_fused`) has declined: exact ints and floats have no
    /// in-place methods, so it is not tried again here.
    pub fn inplace_op(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
        if a.kind() == Kind::List {
            if let Some(r) = self.list_inplace(a, b, op)? {
                return Ok(r);
            }
        }
        if matches!(a.kind(), Kind::Instance | Kind::ByteArray) {
            if let Some(m) = self.lookup_special(a, inplace_dunder(op)) {
                let r = self.call_object(&m, &[a.clone(), b.clone()])?;
                if !r.is(&self.singletons.not_implemented) {
                    return Ok(r);
                }
            }
        }
        self.binary_op(a, b, op)
    }

    /// `l += x` and `l *= n` on a list, in place as `list.__iadd__` and
    /// `list.__imul__` do (a subclass's own Python method first). `None`:
    /// not a list operation in place (`binary_op` then decides, or
    /// reports the operands' types).
    fn list_inplace(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Option<Obj>> {
        if let Some(m) = self.python_override(a, inplace_dunder(op)) {
            let r = self.call_object(&m, &[a.clone(), b.clone()])?;
            return Ok((!r.is(&self.singletons.not_implemented)).then_some(r));
        }
        let items = match op {
            BinOp::Add => self.iterate_to_vec(b)?,
            // The repeated items come from the same rule as `l * n`
            // (its errors and size checks included).
            BinOp::Mul => match self.sequence_op(a, b, op)? {
                Some(r) => r.downcast::<ListValue>().map(|l| l.0.borrow().clone()).unwrap_or_default(),
                None => return Ok(None),
            },
            _ => return Ok(None),
        };
        let l = a.downcast::<ListValue>().expect("a list");
        let old = if op == BinOp::Add {
            l.0.borrow_mut().extend(items);
            Vec::new()
        } else {
            std::mem::replace(&mut *l.0.borrow_mut(), items)
        };
        // The replaced items may run `__del__`: released after the borrow.
        drop(old);
        Ok(Some(a.clone()))
    }

    fn int_result(&self, r: Option<i64>, slow: impl FnOnce() -> BigInt) -> Obj {
        match r {
            Some(i) => self.new_int(i),
            None => self.new_bigint(slow()),
        }
    }

    fn numeric_op(&mut self, x: Num, y: Num, op: BinOp) -> PyResult<Obj> {
        use Num::*;
        match (x, y) {
            (Int(a), Int(b)) => self.small_int_op(a, b, op),
            (Float(a), Float(b)) => self.float_op(a, b, op),
            (Float(a), Int(b)) => self.float_op(a, b as f64, op),
            (Int(a), Float(b)) => self.float_op(a as f64, b, op),
            (Float(a), Big(b)) => {
                let b = self.big_to_f64(&b)?;
                self.float_op(a, b, op)
            }
            (Big(a), Float(b)) => {
                let a = self.big_to_f64(&a)?;
                self.float_op(a, b, op)
            }
            (Int(a), Big(b)) => self.big_int_op(BigInt::from(a), b, op),
            (Big(a), Int(b)) => self.big_int_op(a, BigInt::from(b), op),
            (Big(a), Big(b)) => self.big_int_op(a, b, op),
        }
    }

    fn big_to_f64(&self, b: &BigInt) -> PyResult<f64> {
        match b.to_f64() {
            Some(f) if f.is_finite() => Ok(f),
            _ => Err(self.overflow_error("int too large to convert to float")),
        }
    }

    fn small_int_op(&mut self, a: i64, b: i64, op: BinOp) -> PyResult<Obj> {
        let big = |a: i64, b: i64| (BigInt::from(a), BigInt::from(b));
        Ok(match op {
            BinOp::Add => self.int_result(a.checked_add(b), || BigInt::from(a) + b),
            BinOp::Sub => self.int_result(a.checked_sub(b), || BigInt::from(a) - b),
            BinOp::Mul => self.int_result(a.checked_mul(b), || BigInt::from(a) * b),
            BinOp::FloorDiv | BinOp::Mod if b == 0 => {
                let msg = if op == BinOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return Err(self.zero_division(msg));
            }
            BinOp::FloorDiv => self.int_result(a.checked_div_euclid(b).map(|_| Integer::div_floor(&a, &b)), || {
                let (x, y) = big(a, b);
                x.div_floor(&y)
            }),
            BinOp::Mod => self.int_result(a.checked_rem(b).map(|_| Integer::mod_floor(&a, &b)), || {
                let (x, y) = big(a, b);
                x.mod_floor(&y)
            }),
            BinOp::TrueDiv => {
                if b == 0 {
                    return Err(self.zero_division("division by zero"));
                }
                if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                    self.new_float(a as f64 / b as f64)
                } else {
                    let (x, y) = big(a, b);
                    return self.big_true_div(&x, &y);
                }
            }
            BinOp::Pow => return self.int_pow(BigInt::from(a), BigInt::from(b)),
            BinOp::LShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                if b < 63 && a.unsigned_abs().leading_zeros() as i64 > b + 1 {
                    self.new_int(a << b)
                } else {
                    return self.big_int_op(BigInt::from(a), BigInt::from(b), op);
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return Err(self.value_error("negative shift count"));
                }
                self.new_int(if b >= 64 { if a < 0 { -1 } else { 0 } } else { a >> b })
            }
            BinOp::And => self.new_int(a & b),
            BinOp::Or => self.new_int(a | b),
            BinOp::Xor => self.new_int(a ^ b),
            BinOp::MatMul => return Err(self.unsupported("@", "int", "int")),
        })
    }

    fn big_true_div(&self, x: &BigInt, y: &BigInt) -> PyResult<Obj> {
        if y.is_zero() {
            return Err(self.zero_division("division by zero"));
        }
        // Exact for operands up to 2**53; otherwise rounded through the
        // quotient's leading bits (correct rounding of huge operands is
        // still to do).
        match (x.to_f64(), y.to_f64()) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() => Ok(self.new_float(a / b)),
            _ => Err(self.overflow_error("integer division result too large for a float")),
        }
    }

    fn int_pow(&mut self, base: BigInt, exp: BigInt) -> PyResult<Obj> {
        if exp.is_negative() {
            let b = self.big_to_f64(&base)?;
            let e = exp.to_f64().unwrap_or(f64::NEG_INFINITY);
            if b == 0.0 {
                return Err(self.zero_division("0.0 cannot be raised to a negative power"));
            }
            return Ok(self.new_float(b.powf(e)));
        }
        let e = match exp.to_u32() {
            Some(e) => e,
            None if base.abs() <= BigInt::from(1) => {
                let odd = exp.is_odd();
                return Ok(self.new_bigint(if base.is_negative() && !odd { BigInt::from(1) } else { base }));
            }
            None => return Err(self.err(&self.types.exceptions.memory_error.clone(), "")),
        };
        Ok(self.new_bigint(num_traits::pow::pow(base, e as usize)))
    }

    fn big_int_op(&mut self, a: BigInt, b: BigInt, op: BinOp) -> PyResult<Obj> {
        Ok(match op {
            BinOp::Add => self.new_bigint(a + b),
            BinOp::Sub => self.new_bigint(a - b),
            BinOp::Mul => self.new_bigint(a * b),
            BinOp::FloorDiv | BinOp::Mod if b.is_zero() => {
                let msg = if op == BinOp::Mod { "integer modulo by zero" } else { "integer division or modulo by zero" };
                return Err(self.zero_division(msg));
            }
            BinOp::FloorDiv => self.new_bigint(a.div_floor(&b)),
            BinOp::Mod => self.new_bigint(a.mod_floor(&b)),
            BinOp::TrueDiv => return self.big_true_div(&a, &b),
            BinOp::Pow => return self.int_pow(a, b),
            BinOp::LShift | BinOp::RShift if b.is_negative() => return Err(self.value_error("negative shift count")),
            BinOp::LShift if a.is_zero() => self.new_int(0),
            // Up to 2**32 bits is built; beyond, CPython's allocation of the
            // digits fails (MemoryError), whatever the count.
            BinOp::LShift => match b.to_i64() {
                Some(n) if n < (1 << 32) => self.new_bigint(a << n as usize),
                _ => return Err(self.err(&self.types.exceptions.memory_error, "")),
            },
            BinOp::RShift => match b.to_usize() {
                Some(n) => self.new_bigint(a >> n),
                None => self.new_int(if a.is_negative() { -1 } else { 0 }),
            },
            BinOp::And => self.new_bigint(a & b),
            BinOp::Or => self.new_bigint(a | b),
            BinOp::Xor => self.new_bigint(a ^ b),
            BinOp::MatMul => return Err(self.unsupported("@", "int", "int")),
        })
    }

    fn float_op(&mut self, a: f64, b: f64, op: BinOp) -> PyResult<Obj> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv | BinOp::Mod => {
                if b == 0.0 {
                    let msg = if op == BinOp::Mod { "float modulo" } else { "float floor division by zero" };
                    return Err(self.zero_division(msg));
                }
                let (div, m) = float_divmod(a, b);
                if op == BinOp::Mod { m } else { div }
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(self.zero_division("0.0 cannot be raised to a negative power"));
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    // A negative base to a fractional power: complex, as CPython.
                    let (x, y) = (self.new_complex(a, 0.0), self.new_complex(b, 0.0));
                    return self.complex_binary(&x, &y, op).map(|r| r.expect("complex operands"));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                let (_, _, sym) = dunder(op);
                return Err(self.unsupported(sym, "float", "float"));
            }
        };
        Ok(self.new_float(r))
    }

    /// `a + b` for two strs.
    fn str_concat(&self, a: &Obj, b: &Obj) -> Obj {
        let (x, y) = (a.downcast::<StrValue>().expect("str"), b.downcast::<StrValue>().expect("str"));
        // Sized once: a clone of `x` would have no room for `y`.
        let mut t = crate::text::Wtf8Buf::with_capacity(x.text.as_bytes().len() + y.text.as_bytes().len());
        t.push_wtf8(&x.text);
        t.push_wtf8(&y.text);
        // The bytes are joined as they are, so the code points add up.
        self.new_str_counted(t, x.chars + y.chars)
    }

    /// `str + str`, `list * n` and the other sequence operators.
    fn sequence_op(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Option<Obj>> {
        match (a.kind(), b.kind(), op) {
            (Kind::Str, Kind::Str, BinOp::Add) => Ok(Some(self.str_concat(a, b))),
            (Kind::List, Kind::List, BinOp::Add) => {
                let mut items = a.downcast::<ListValue>().expect("list").0.borrow().clone();
                items.extend(b.downcast::<ListValue>().expect("list").0.borrow().iter().cloned());
                Ok(Some(self.new_list(items)))
            }
            (Kind::Tuple, Kind::Tuple, BinOp::Add) => {
                let mut items = a.downcast::<TupleValue>().expect("tuple").0.to_vec();
                items.extend(b.downcast::<TupleValue>().expect("tuple").0.iter().cloned());
                Ok(Some(self.new_tuple(items)))
            }
            (Kind::Str, _, BinOp::Mod) => self.percent_format(a, b).map(Some),
            // Builtin `__radd__`s (int's...) decline a str: only a Python
            // one can take over.
            (Kind::Str, _, BinOp::Add)
                if a.has_type(&self.types.str_)
                    && self.lookup_special(b, "__radd__").is_none_or(|f| f.kind() == Kind::BuiltinFunction) =>
            {
                Err(self.type_error(format!("can only concatenate str (not \"{}\") to str", self.type_name(b))))
            }
            (Kind::Str | Kind::List | Kind::Tuple, Kind::Int | Kind::Bool, BinOp::Mul) => self.repeat(a, b).map(Some),
            // A count with `__index__` (and no `__rmul__` of its own).
            (Kind::Str | Kind::List | Kind::Tuple, Kind::Instance, BinOp::Mul)
                if self.lookup_special(b, "__index__").is_some() && self.lookup_special(b, "__rmul__").is_none() =>
            {
                let n = self.index_value(b)?;
                let n = self.new_bigint(n);
                self.repeat(a, &n).map(Some)
            }
            (Kind::Int | Kind::Bool, Kind::Str | Kind::List | Kind::Tuple, BinOp::Mul) => self.repeat(b, a).map(Some),
            _ => Ok(None),
        }
    }

    fn repeat(&mut self, seq: &Obj, count: &Obj) -> PyResult<Obj> {
        let n = match self.small_int(count) {
            Some(n) => n.max(0) as usize,
            None => return Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        };
        // As CPython: a str whose size overflows is an OverflowError, any
        // other size that cannot be allocated a MemoryError (never an abort).
        let memory_error = |vm: &Vm| vm.err(&vm.types.exceptions.memory_error, "");
        if let Some(s) = seq.downcast::<StrValue>() {
            let total = s.text.as_bytes().len().checked_mul(n).filter(|t| *t <= isize::MAX as usize);
            let Some(total) = total else { return Err(self.overflow_error("repeated string is too long")) };
            self.check_allocation(total)?;
            let mut t = crate::text::Wtf8Buf::new();
            t.try_reserve(total).map_err(|_| memory_error(self))?;
            t.push_repeated(&s.text, n);
            // The count is known: no need to scan the (maybe huge) result.
            let chars = s.chars * n;
            return Ok(Obj::new(StrValue { text: t, chars, hash: std::cell::Cell::new(-1) }, &self.types.str_));
        }
        let items: Vec<Obj> = match seq.downcast::<ListValue>() {
            Some(l) => l.0.borrow().clone(),
            None => seq.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default(),
        };
        let total = items.len().checked_mul(n).filter(|t| *t <= isize::MAX as usize / std::mem::size_of::<Obj>());
        let Some(total) = total else { return Err(memory_error(self)) };
        self.check_allocation(total * std::mem::size_of::<Obj>())?;
        let mut out = Vec::new();
        out.try_reserve_exact(total).map_err(|_| memory_error(self))?;
        for _ in 0..n {
            out.extend(items.iter().cloned());
        }
        Ok(if seq.kind() == Kind::List { self.new_list(out) } else { self.new_tuple(out) })
    }

    #[cold]
    fn unsupported(&self, sym: &str, a: &str, b: &str) -> crate::object::PyErr {
        self.type_error(format!("unsupported operand type(s) for {sym}: '{a}' and '{b}'"))
    }

    #[cold]
    fn binary_op_slow(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Obj> {
        if let Some(r) = self.complex_binary(a, b, op)? {
            return Ok(r);
        }
        let (name, rname, sym) = dunder(op);
        let ta = a.type_obj();
        let tb = b.type_obj();
        let right_first = !ta.is(&tb) && self.is_subtype(&tb, &ta);
        let left = self.lookup_special(a, name);
        let right = if ta.is(&tb) { None } else { self.lookup_special(b, rname) };
        if right_first {
            if let Some(r) = &right {
                let v = self.call_object(r, &[b.clone(), a.clone()])?;
                if !v.is(&self.singletons.not_implemented) {
                    return Ok(v);
                }
            }
        }
        if let Some(l) = left {
            let v = self.call_object(&l, &[a.clone(), b.clone()])?;
            if !v.is(&self.singletons.not_implemented) {
                return Ok(v);
            }
        }
        if !right_first {
            if let Some(r) = right {
                let v = self.call_object(&r, &[b.clone(), a.clone()])?;
                if !v.is(&self.singletons.not_implemented) {
                    return Ok(v);
                }
            }
        }
        if let Some(r) = self.sequence_fallback(a, b, op)? {
            return Ok(r);
        }
        Err(self.unsupported(sym, &self.type_name(a), &self.type_name(b)))
    }

    /// CPython's last resort for `+` and `*` after the number slots: a
    /// sequence's concat or repeat (by an `__index__` count), with their
    /// own messages; `None` when neither applies.
    #[cold]
    fn sequence_fallback(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Option<Obj>> {
        let base_name = |o: &Obj| match o.kind() {
            Kind::Str => Some("str"),
            Kind::List => Some("list"),
            Kind::Tuple => Some("tuple"),
            _ => None,
        };
        match op {
            BinOp::Add => match base_name(a) {
                Some(seq) => {
                    Err(self.type_error(format!("can only concatenate {seq} (not \"{}\") to {seq}", self.type_name(b))))
                }
                None => Ok(None),
            },
            BinOp::Mul => {
                let (seq, count) = match (base_name(a), base_name(b)) {
                    (Some(_), _) => (a, b),
                    (None, Some(_)) => (b, a),
                    _ => return Ok(None),
                };
                if self.lookup_special(count, "__index__").is_none() {
                    return Err(self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(count)
                    )));
                }
                let n = self.index_value(count)?;
                let n = self.new_bigint(n);
                self.repeat(seq, &n).map(Some)
            }
            _ => Ok(None),
        }
    }

    pub fn compare(&mut self, a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
        if self.is_value_subclass(a) || self.is_value_subclass(b) {
            let (name, reflected, _) = compare_dunders(op);
            if let Some(r) = self.subclass_dunders(a, b, name, reflected)? {
                return Ok(r);
            }
        }
        if let (Some(x), Some(y)) = (self.num(a), self.num(b)) {
            return Ok(self.bool_obj(compare_nums(&x, &y, op)));
        }
        if let (Some(x), Some(y)) = (a.downcast::<StrValue>(), b.downcast::<StrValue>()) {
            let ord = x.text.as_bytes().cmp(y.text.as_bytes());
            return Ok(self.bool_obj(ordering_matches(ord, op)));
        }
        if (a.kind() == Kind::Tuple && b.kind() == Kind::Tuple) || (a.kind() == Kind::List && b.kind() == Kind::List) {
            return self.with_native_depth(" in comparison", |vm| vm.compare_sequences(a, b, op));
        }
        self.compare_slow(a, b, op)
    }

    fn compare_sequences(&mut self, a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
        let items = |o: &Obj| -> Vec<Obj> {
            match o.downcast::<TupleValue>() {
                Some(t) => t.0.to_vec(),
                None => o.downcast::<ListValue>().map(|l| l.0.borrow().clone()).unwrap_or_default(),
            }
        };
        let (xs, ys) = (items(a), items(b));
        for (x, y) in xs.iter().zip(ys.iter()) {
            if !self.eq(x, y)? {
                return match op {
                    CmpOp::Eq => Ok(self.bool_obj(false)),
                    CmpOp::Ne => Ok(self.bool_obj(true)),
                    _ => self.compare(x, y, op),
                };
            }
        }
        Ok(self.bool_obj(ordering_matches(xs.len().cmp(&ys.len()), op)))
    }

    #[cold]
    /// An int or float (or bool) whose type is a class statement's
    /// subclass, which may override the operators.
    fn is_value_subclass(&self, o: &Obj) -> bool {
        let t = &self.types;
        let exact = match o.kind() {
            Kind::Int => o.has_type(&t.int),
            Kind::Float => o.has_type(&t.float),
            Kind::Str => o.has_type(&t.str_),
            Kind::List => o.has_type(&t.list),
            Kind::Tuple => o.has_type(&t.tuple),
            _ => return false,
        };
        !exact && self.type_flags_of(o) & type_flags::HEAP_TYPE != 0
    }

    /// The operator methods that classes written in Python define for an
    /// operand of a subclass of int, float, str, list or tuple
    /// (`is_value_subclass`), tried in CPython's order (the right
    /// operand's reflected method first when its type is a subclass of
    /// the left's). `None` when none applies: the builtin arithmetic
    /// decides.
    #[cold]
    fn subclass_dunders(&mut self, a: &Obj, b: &Obj, name: &str, reflected: &str) -> PyResult<Option<Obj>> {
        self.try_reflected_pair(a, b, name, reflected, true)
    }

    /// `a.name(b)`, then `b.reflected(a)` (the other way round when `b`'s
    /// type is a proper subclass of `a`'s), skipping methods that are
    /// missing or return `NotImplemented`. With `python_only`, only
    /// methods defined by class statements count.
    fn try_reflected_pair(&mut self, a: &Obj, b: &Obj, name: &str, reflected: &str, python_only: bool) -> PyResult<Option<Obj>> {
        let ta = a.type_obj();
        let tb = b.type_obj();
        let right_first = !ta.is(&tb) && self.is_subtype(&tb, &ta);
        let tries: [(&Obj, &Obj, &str); 2] =
            if right_first { [(b, a, reflected), (a, b, name)] } else { [(a, b, name), (b, a, reflected)] };
        for (x, y, method) in tries {
            let m = if python_only { self.python_class_attr(x, method) } else { self.lookup_special(x, method) };
            if let Some(m) = m {
                let v = self.call_object(&m, &[x.clone(), y.clone()])?;
                if !v.is(&self.singletons.not_implemented) {
                    return Ok(Some(v));
                }
            }
        }
        Ok(None)
    }

    /// `name` as defined by a class statement in `o`'s MRO (builtin
    /// classes skipped).
    fn python_class_attr(&mut self, o: &Obj, name: &str) -> Option<Obj> {
        let key = self.intern(name);
        let mro = o.type_obj().downcast::<TypeValue>()?.mro.borrow().clone();
        mro.iter()
            .filter_map(|t| t.downcast::<TypeValue>())
            .filter(|tv| tv.flags.get() & type_flags::HEAP_TYPE != 0)
            .find_map(|tv| self.table_get_str(&tv.dict, &key))
    }

    fn compare_slow(&mut self, a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Obj> {
        if let Some(r) = self.complex_compare(a, b, op)? {
            return Ok(r);
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            if let Some(eq) = self.method_eq(a, b)? {
                return Ok(self.bool_obj(eq == (op == CmpOp::Eq)));
            }
        }
        let (name, reflected, sym) = compare_dunders(op);
        if let Some(v) = self.try_reflected_pair(a, b, name, reflected, false)? {
            return Ok(v);
        }
        match op {
            CmpOp::Eq => Ok(self.bool_obj(a.is(b))),
            CmpOp::Ne => Ok(self.bool_obj(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `a == b` as a Rust bool (identity first, as CPython's containers do).
    pub fn eq(&mut self, a: &Obj, b: &Obj) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        let r = self.compare(a, b, CmpOp::Eq)?;
        self.truthy(&r)
    }

    /// `hash(o)`.
    pub fn hash(&mut self, o: &Obj) -> PyResult<i64> {
        // An instance of a class statement's subclass of a builtin kind
        // hashes by that class's `__hash__`, when it has its own.
        if matches!(o.kind(), Kind::Str | Kind::Int | Kind::Float | Kind::Tuple | Kind::List | Kind::Dict)
            && self.type_flags_of(o) & type_flags::HEAP_TYPE != 0
        {
            if let Some(r) = self.subclass_hash(o) {
                return r;
            }
        }
        match o.kind() {
            Kind::Str => Ok(self.str_obj_hash(o.downcast::<StrValue>().expect("str"))),
            Kind::Int | Kind::Bool => Ok(match o.downcast::<IntValue>() {
                Some(IntValue::Big(b)) => hash_bigint(b),
                _ => hash_i64(self.small_int(o).unwrap_or(0)),
            }),
            Kind::Float => Ok(hash_float(o.downcast::<FloatValue>().expect("float").0, o.addr())),
            Kind::Complex => Ok(self.complex_hash(o)),
            Kind::None | Kind::Type | Kind::Function | Kind::Module | Kind::Code => Ok(hash_pointer(o.addr())),
            Kind::BuiltinFunction | Kind::BoundMethod => self.method_hash(o),
            Kind::Tuple => {
                let items = o.downcast::<TupleValue>().expect("tuple").0.to_vec();
                let hashes = self.with_native_depth("", |vm| items.iter().map(|x| vm.hash(x)).collect::<PyResult<Vec<i64>>>())?;
                Ok(hash_tuple(&hashes))
            }
            Kind::List | Kind::Dict => Err(self.type_error(format!("unhashable type: '{}'", self.type_name(o)))),
            _ => self.hash_slow(o),
        }
    }

    /// `hash(o)` by a `__hash__` that a subclass of a builtin defines (or
    /// sets to None); `None` when the builtin's own hash applies.
    #[cold]
    fn subclass_hash(&mut self, o: &Obj) -> Option<PyResult<i64>> {
        match self.lookup_special(o, "__hash__") {
            Some(h) if h.kind() == Kind::BuiltinFunction => None,
            // `list`, `dict`: unhashable unless the subclass says otherwise.
            None if matches!(o.kind(), Kind::List | Kind::Dict) => None,
            found => Some(self.hash_by(o, found)),
        }
    }

    #[cold]
    fn hash_slow(&mut self, o: &Obj) -> PyResult<i64> {
        let found = self.lookup_special(o, "__hash__");
        self.hash_by(o, found)
    }

    /// `hash(o)` by `found`, the `__hash__` its type has (None: unhashable;
    /// absent: by identity).
    fn hash_by(&mut self, o: &Obj, found: Option<Obj>) -> PyResult<i64> {
        match found {
            Some(h) if h.kind() != Kind::None => {
                let r = self.call_special(&h, o)?;
                match self.big_int(&r) {
                    // As CPython's `slot_tp_hash`: a result that fits a
                    // machine word is the hash itself (-1 becomes -2); only
                    // a larger one is reduced as `hash(int)` would.
                    Some(b) if r.kind() == Kind::Int || r.kind() == Kind::Bool => Ok(match b.to_i64() {
                        Some(-1) => -2,
                        Some(h) => h,
                        None => hash_bigint(&b),
                    }),
                    _ => Err(self.type_error("__hash__ method should return an integer")),
                }
            }
            Some(_) => Err(self.type_error(format!("unhashable type: '{}'", self.type_name(o)))),
            None => Ok(hash_pointer(o.addr())),
        }
    }
}

fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    // CPython's float_divmod: the remainder takes the divisor's sign.
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0_f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0_f64.copysign(a / b)
    };
    (floordiv, m)
}

pub(super) fn ordering_matches(ord: std::cmp::Ordering, op: CmpOp) -> bool {
    use std::cmp::Ordering::*;
    match op {
        CmpOp::Lt => ord == Less,
        CmpOp::Le => ord != Greater,
        CmpOp::Eq => ord == Equal,
        CmpOp::Ne => ord != Equal,
        CmpOp::Gt => ord == Greater,
        CmpOp::Ge => ord != Less,
    }
}

fn compare_nums(x: &Num, y: &Num, op: CmpOp) -> bool {
    use Num::*;
    let ord = match (x, y) {
        (Int(a), Int(b)) => a.partial_cmp(b),
        (Float(a), Float(b)) => a.partial_cmp(b),
        (Int(a), Float(b)) => int_float_cmp(&BigInt::from(*a), *b),
        (Float(a), Int(b)) => int_float_cmp(&BigInt::from(*b), *a).map(|o| o.reverse()),
        (Big(a), Float(b)) => int_float_cmp(a, *b),
        (Float(a), Big(b)) => int_float_cmp(b, *a).map(|o| o.reverse()),
        (Int(a), Big(b)) => BigInt::from(*a).partial_cmp(b),
        (Big(a), Int(b)) => a.partial_cmp(&BigInt::from(*b)),
        (Big(a), Big(b)) => a.partial_cmp(b),
    };
    match ord {
        Some(o) => ordering_matches(o, op),
        None => op == CmpOp::Ne, // NaN
    }
}

/// Exact comparison of an int with a float, as CPython does.
fn int_float_cmp(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater });
    }
    let fl = f.floor();
    match i.cmp(&float_to_bigint(fl)) {
        std::cmp::Ordering::Equal if f > fl => Some(std::cmp::Ordering::Less),
        o => Some(o),
    }
}

/// The exact value of an integral, finite float.
fn float_to_bigint(f: f64) -> BigInt {
    use num_traits::FromPrimitive;
    BigInt::from_f64(f).unwrap_or_default()
}

const HASH_MODULUS: i64 = (1 << 61) - 1;

/// CPython's hash of an int: the value modulo 2**61 - 1, with -1 → -2.
pub(crate) fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % HASH_MODULUS as u64) as i64;
    let h = if i < 0 { -m } else { m };
    if h == -1 { -2 } else { h }
}

fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.abs() % BigInt::from(HASH_MODULUS)).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -m } else { m };
    if h == -1 { -2 } else { h }
}

/// CPython's `_Py_HashDouble`: equal to the int hash for integral floats.
pub(crate) fn hash_float(f: f64, addr: usize) -> i64 {
    if f.is_nan() {
        return hash_pointer(addr);
    }
    if f.is_infinite() {
        return if f > 0.0 { 314_159 } else { -314_159 };
    }
    let (mut m, mut e) = super::modules::math_float::frexp(f.abs());
    let sign = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS as u64) | (x >> (61 - 28));
        m *= 268_435_456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS as u64 {
            x -= HASH_MODULUS as u64;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & HASH_MODULUS as u64) | (x >> (61 - e));
    let h = x as i64 * sign;
    if h == -1 { -2 } else { h }
}

pub(super) fn hash_pointer(addr: usize) -> i64 {
    // CPython rotates the address by 4 bits.
    let a = addr.rotate_right(4) as i64;
    if a == -1 { -2 } else { a }
}

/// CPython 3.8+'s tuple hash (xxHash-based).
fn hash_tuple(hashes: &[i64]) -> i64 {
    const P1: u64 = 11_400_714_785_074_694_791;
    const P2: u64 = 14_029_467_366_897_019_727;
    const P5: u64 = 2_870_177_450_012_600_261;
    let mut acc: u64 = P5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (P5 ^ 3_527_539));
    let h = acc as i64;
    if h == -1 { 1_546_275_796 } else { h }
}

/// A comparison's method, its reflection and its symbol.
fn compare_dunders(op: CmpOp) -> (&'static str, &'static str, &'static str) {
    match op {
        CmpOp::Lt => ("__lt__", "__gt__", "<"),
        CmpOp::Le => ("__le__", "__ge__", "<="),
        CmpOp::Eq => ("__eq__", "__eq__", "=="),
        CmpOp::Ne => ("__ne__", "__ne__", "!="),
        CmpOp::Gt => ("__gt__", "__lt__", ">"),
        CmpOp::Ge => ("__ge__", "__le__", ">="),
    }
}

/// The truth of a builtin value by its payload, whatever its type.
pub(super) fn builtin_truth(o: &Obj) -> Option<bool> {
    Some(match o.kind() {
        Kind::Bool => o.downcast::<BoolValue>().is_some_and(|b| b.0),
        Kind::None => false,
        Kind::Int => match o.downcast::<IntValue>() {
            Some(IntValue::Small(i)) => *i != 0,
            _ => true,
        },
        Kind::Float => o.downcast::<FloatValue>().is_some_and(|f| f.0 != 0.0),
        Kind::Complex => o.downcast::<ComplexValue>().is_some_and(|c| c.re != 0.0 || c.im != 0.0),
        Kind::Str => o.downcast::<StrValue>().is_some_and(|s| s.chars > 0),
        Kind::List => o.downcast::<ListValue>().is_some_and(|l| !l.0.borrow().is_empty()),
        Kind::Tuple => o.downcast::<TupleValue>().is_some_and(|t| !t.0.is_empty()),
        Kind::Dict => o.downcast::<DictValue>().is_some_and(|d| !d.0.borrow().is_empty()),
        Kind::Range => o.downcast::<RangeValue>().is_some_and(|r| super::seq::range_len(r.start, r.stop, r.step) > 0),
        _ => return None,
    })
}
