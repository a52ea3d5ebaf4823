//! `complex`: construction, arithmetic, comparison, hash and repr, each
//! as CPython 3.11's `complexobject.c` computes it (Smith's division,
//! repeated squaring for small integral powers), so results agree to the
//! last bit.
//!
//! Mixed arithmetic: an int, bool or float operand is widened to
//! `complex(x, 0.0)` first. The eval loop reaches here from the slow
//! paths of `binary_op` and `compare` (complex operands never take the
//! int/float fast paths).

use super::Vm;
use super::builtins_extra::{set_builtin, set_type_method};
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};
use crate::text::repr::repr_complex_part;

#[derive(Clone, Copy)]
struct C {
    re: f64,
    im: f64,
}

/// Why a complex operation failed (CPython sets `errno`).
enum MathErr {
    /// EDOM: division by zero, `0j ** -1`.
    Domain,
    /// ERANGE: an infinite result.
    Range,
}

fn prod(a: C, b: C) -> C {
    C { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re }
}

/// `_Py_c_quot`: Smith's algorithm, which avoids needless overflow.
fn quot(a: C, b: C) -> Result<C, MathErr> {
    let (abs_re, abs_im) = (b.re.abs(), b.im.abs());
    if abs_re >= abs_im {
        if abs_re == 0.0 {
            return Err(MathErr::Domain);
        }
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Ok(C { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom })
    } else if abs_im >= abs_re {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Ok(C { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom })
    } else {
        Ok(C { re: f64::NAN, im: f64::NAN })
    }
}

/// `_Py_c_pow`.
fn pow_general(a: C, b: C) -> Result<C, MathErr> {
    if b.re == 0.0 && b.im == 0.0 {
        return Ok(C { re: 1.0, im: 0.0 });
    }
    if a.re == 0.0 && a.im == 0.0 {
        if b.im != 0.0 || b.re < 0.0 {
            return Err(MathErr::Domain);
        }
        return Ok(C { re: 0.0, im: 0.0 });
    }
    let vabs = a.re.hypot(a.im);
    let mut len = vabs.powf(b.re);
    let at = a.im.atan2(a.re);
    let mut phase = at * b.re;
    if b.im != 0.0 {
        len /= (at * b.im).exp();
        phase += b.im * vabs.ln();
    }
    Ok(C { re: len * phase.cos(), im: len * phase.sin() })
}

/// `c_powu`: repeated squaring.
fn pow_unsigned(x: C, n: i64) -> C {
    let (mut r, mut p, mut mask) = (C { re: 1.0, im: 0.0 }, x, 1i64);
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = prod(r, p);
        }
        mask <<= 1;
        p = prod(p, p);
    }
    r
}

/// `complex_pow`: small integral exponents by repeated squaring (more
/// accurate), the rest by polar form; infinite results overflow.
fn pow(a: C, b: C) -> Result<C, MathErr> {
    let r = if b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0 {
        let n = b.re as i64;
        if n >= 0 { pow_unsigned(a, n) } else { quot(C { re: 1.0, im: 0.0 }, pow_unsigned(a, -n))? }
    } else {
        pow_general(a, b)?
    };
    if r.re.is_infinite() || r.im.is_infinite() {
        return Err(MathErr::Range);
    }
    Ok(r)
}

/// CPython's complex repr: `1j`, `(1+2j)`, `(-0-0j)`, `(nan+infj)`.
pub(crate) fn complex_repr(re: f64, im: f64) -> String {
    let mut out = String::new();
    if re == 0.0 && re.is_sign_positive() {
        repr_complex_part(im, &mut out);
        out.push('j');
        return out;
    }
    out.push('(');
    repr_complex_part(re, &mut out);
    let mut imag = String::new();
    repr_complex_part(im, &mut imag);
    if !imag.starts_with('-') {
        out.push('+');
    }
    out.push_str(&imag);
    out.push_str("j)");
    out
}

/// The length of the float literal (or `inf`/`nan`) at the start of `s`,
/// sign included; 0 when there is none.
fn float_prefix_len(s: &[u8]) -> usize {
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' || s[i] == b'-') {
        i += 1;
    }
    for word in ["infinity", "inf", "nan"] {
        let end = i + word.len();
        if end <= s.len() && s[i..end].eq_ignore_ascii_case(word.as_bytes()) {
            return end;
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < s.len() && (s[*i].is_ascii_digit() || (s[*i] == b'_' && *i > start)) {
            *i += 1;
        }
        *i > start
    };
    let mut any = digits(&mut i);
    if i < s.len() && s[i] == b'.' {
        i += 1;
        any |= digits(&mut i);
    }
    if !any {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' || s[j] == b'-') {
            j += 1;
        }
        if digits(&mut j) {
            i = j;
        }
    }
    i
}

/// `complex(text)`: `1`, `2j`, `1+2j`, `-j`, optionally in parentheses,
/// surrounding whitespace allowed.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let mut s = text.trim_matches(|c: char| c.is_whitespace());
    if let Some(inner) = s.strip_prefix('(').and_then(|t| t.strip_suffix(')')) {
        s = inner.trim_matches(|c: char| c.is_whitespace());
    }
    let b = s.as_bytes();
    let number = |t: &str| crate::text::int_text::parse_float(t).ok();
    let is_j = |t: &[u8]| t == b"j" || t == b"J";
    let n1 = float_prefix_len(b);
    if n1 == 0 {
        // A bare `j` with an optional sign.
        let (sign, rest) = match b.first() {
            Some(b'-') => (-1.0, &b[1..]),
            Some(b'+') => (1.0, &b[1..]),
            _ => (1.0, b),
        };
        return is_j(rest).then_some((0.0, sign));
    }
    let first = number(&s[..n1])?;
    let rest = &b[n1..];
    if rest.is_empty() {
        return Some((first, 0.0));
    }
    if is_j(rest) {
        return Some((0.0, first));
    }
    if rest[0] != b'+' && rest[0] != b'-' {
        return None;
    }
    let n2 = float_prefix_len(rest);
    if n2 == 0 {
        // `1+j`, `1-j`.
        return is_j(&rest[1..]).then_some((first, if rest[0] == b'-' { -1.0 } else { 1.0 }));
    }
    let second = number(&s[n1..n1 + n2])?;
    is_j(&rest[n2..]).then_some((first, second))
}

impl Vm {
    pub fn new_complex(&self, re: f64, im: f64) -> Obj {
        Obj::new(ComplexValue { re, im }, &self.types.complex)
    }

    /// An int, bool, float or complex as a complex; `None` for anything
    /// else. Ints too large for a float overflow, as in CPython.
    fn as_complex(&self, o: &Obj) -> PyResult<Option<C>> {
        if let Some(c) = o.downcast::<ComplexValue>() {
            return Ok(Some(C { re: c.re, im: c.im }));
        }
        if let Some(f) = o.downcast::<FloatValue>() {
            return Ok(Some(C { re: f.0, im: 0.0 }));
        }
        if let Some(b) = self.big_int(o) {
            return match num_traits::ToPrimitive::to_f64(&b).filter(|f| f.is_finite()) {
                Some(f) => Ok(Some(C { re: f, im: 0.0 })),
                None => Err(self.overflow_error("int too large to convert to float")),
            };
        }
        Ok(None)
    }

    /// `a op b` when one side is a complex and the other a number.
    pub(crate) fn complex_binary(&mut self, a: &Obj, b: &Obj, op: BinOp) -> PyResult<Option<Obj>> {
        if a.kind() != Kind::Complex && b.kind() != Kind::Complex {
            return Ok(None);
        }
        let (Some(x), Some(y)) = (self.as_complex(a)?, self.as_complex(b)?) else { return Ok(None) };
        let r = match op {
            BinOp::Add => C { re: x.re + y.re, im: x.im + y.im },
            BinOp::Sub => C { re: x.re - y.re, im: x.im - y.im },
            BinOp::Mul => prod(x, y),
            BinOp::TrueDiv => quot(x, y).map_err(|_| self.zero_division("complex division by zero"))?,
            BinOp::Pow => pow(x, y).map_err(|e| match e {
                MathErr::Domain => self.zero_division("0.0 to a negative or complex power"),
                MathErr::Range => self.overflow_error("complex exponentiation"),
            })?,
            _ => return Ok(None),
        };
        Ok(Some(self.new_complex(r.re, r.im)))
    }

    /// `a op b` when one side is a complex: equality only.
    pub(crate) fn complex_compare(&mut self, a: &Obj, b: &Obj, op: CmpOp) -> PyResult<Option<Obj>> {
        if a.kind() != Kind::Complex && b.kind() != Kind::Complex {
            return Ok(None);
        }
        if !matches!(op, CmpOp::Eq | CmpOp::Ne) {
            return Ok(None);
        }
        let (c, other) = if a.kind() == Kind::Complex { (a, b) } else { (b, a) };
        let c = c.downcast::<ComplexValue>().expect("complex");
        let equal = if let Some(o) = other.downcast::<ComplexValue>() {
            c.re == o.re && c.im == o.im
        } else if other.downcast::<FloatValue>().is_some() || self.big_int(other).is_some() {
            // Exact: compare the real part with the number as floats and
            // ints compare (no rounding of big ints).
            if c.im != 0.0 {
                false
            } else {
                let re = self.new_float(c.re);
                let r = self.compare(&re, other, CmpOp::Eq)?;
                r.is(&self.singletons.true_)
            }
        } else {
            return Ok(None);
        };
        Ok(Some(self.bool_obj(equal == (op == CmpOp::Eq))))
    }

    /// `hash(z)`: `hash(re) + 1000003 * hash(im)`, as CPython.
    pub(crate) fn complex_hash(&self, o: &Obj) -> i64 {
        let c = o.downcast::<ComplexValue>().expect("complex");
        let re = super::ops::hash_float(c.re, o.addr()) as u64;
        let im = super::ops::hash_float(c.im, o.addr()) as u64;
        let h = re.wrapping_add(1_000_003u64.wrapping_mul(im)) as i64;
        if h == -1 { -2 } else { h }
    }

    /// `abs(z)`.
    pub(crate) fn complex_abs(&self, o: &Obj) -> PyResult<Obj> {
        let c = o.downcast::<ComplexValue>().expect("complex");
        let r = c.re.hypot(c.im);
        if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
            return Err(self.overflow_error("absolute value too large"));
        }
        Ok(self.new_float(r))
    }

    /// `z.real`, `z.imag`.
    pub(crate) fn complex_attr(&self, o: &Obj, name: &str) -> Option<Obj> {
        let c = o.downcast::<ComplexValue>()?;
        match name {
            "real" => Some(self.new_float(c.re)),
            "imag" => Some(self.new_float(c.im)),
            _ => None,
        }
    }

    /// The real and imaginary parts of one argument of `complex()`.
    fn complex_arg(&mut self, o: &Obj, which: &str) -> PyResult<C> {
        if let Some(c) = self.as_complex(o)? {
            return Ok(c);
        }
        if let Some(m) = self.lookup_special(o, "__complex__") {
            let r = self.call_object(&m, &[o.clone()])?;
            return match r.downcast::<ComplexValue>() {
                Some(c) => Ok(C { re: c.re, im: c.im }),
                None => Err(self.type_error(format!(
                    "__complex__ returned non-complex (type {})",
                    self.type_name(&r)
                ))),
            };
        }
        match self.float_of(o)? {
            Some(f) => Ok(C { re: f, im: 0.0 }),
            None => Err(self.type_error(format!(
                "complex() {which} must be a {}number, not '{}'",
                if which == "first argument" { "string or a " } else { "" },
                self.type_name(o)
            ))),
        }
    }
}

/// `complex(real=0, imag=0)` and `complex(text)`.
fn new_complex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::builtins_extra::kwargs(vm, "complex", &a, &["real", "imag"])?;
    if pos.len() > 3 {
        return Err(vm.type_error(format!("complex() takes at most 2 arguments ({} given)", pos.len() - 1)));
    }
    let duplicate = |i: usize| pos.len() > i + 1 && kw[i].is_some();
    if duplicate(0) || duplicate(1) {
        let name = if duplicate(0) { "real" } else { "imag" };
        return Err(vm.type_error(format!(
            "argument for complex() given by name ('{name}') and position ({})",
            if duplicate(0) { 1 } else { 2 }
        )));
    }
    let real = pos.get(1).cloned().or_else(|| kw[0].clone());
    let imag = pos.get(2).cloned().or_else(|| kw[1].clone());
    if let Some(r) = &real {
        if let Some(s) = r.downcast::<StrValue>() {
            if imag.is_some() {
                return Err(vm.type_error("complex() can't take second arg if first is a string"));
            }
            let text = s.text.to_string_lossy();
            return match parse_complex(&text) {
                Some((re, im)) => Ok(vm.new_complex(re, im)),
                None => Err(vm.value_error("complex() arg is a malformed string")),
            };
        }
    }
    if imag.as_ref().is_some_and(|i| i.kind() == Kind::Str) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let r = match &real {
        Some(r) => vm.complex_arg(r, "first argument")?,
        None => C { re: 0.0, im: 0.0 },
    };
    let Some(i) = imag else {
        if let Some(r0) = &real {
            if r0.has_type(&vm.types.complex) {
                return Ok(r0.clone());
            }
        }
        return Ok(vm.new_complex(r.re, r.im));
    };
    let real_is_complex = real.as_ref().is_some_and(|r| r.kind() == Kind::Complex);
    let imag_is_complex = i.kind() == Kind::Complex;
    let i = vm.complex_arg(&i, "second argument")?;
    // real + imag * 1j, adding only parts that exist, as CPython does (so
    // that `complex(0.0, -0.0)` keeps its negative zero).
    let re = if imag_is_complex { r.re - i.im } else { r.re };
    let im = if real_is_complex { i.re + r.im } else { i.re };
    Ok(vm.new_complex(re, im))
}

fn this_complex(vm: &Vm, a: &CallArgs<'_>, name: &str) -> PyResult<C> {
    super::list_methods::method_nargs(vm, a, "complex", name, 0, 0, false)?;
    match a.args[0].downcast::<ComplexValue>() {
        Some(c) => Ok(C { re: c.re, im: c.im }),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            vm.type_name(&a.args[0])
        ))),
    }
}

/// `complex.__bool__`: false only for `0j` (either zero's sign).
fn complex_bool(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "complex", "__bool__", 0, 0, false)?;
    match a.args[0].downcast::<ComplexValue>() {
        Some(c) => Ok(vm.bool_obj(c.re != 0.0 || c.im != 0.0)),
        // A slot wrapper's words, not a method descriptor's.
        None => Err(vm.type_error(format!(
            "descriptor '__bool__' requires a 'complex' object but received a '{}'",
            vm.type_name(&a.args[0])
        ))),
    }
}

fn complex_conjugate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = this_complex(vm, &a, "conjugate")?;
    Ok(vm.new_complex(c.re, -c.im))
}

fn complex_repr_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = this_complex(vm, &a, "__repr__")?;
    Ok(vm.new_str(&complex_repr(c.re, c.im)))
}

/// `format(z, spec)`: an empty spec is `str(z)`; others as
/// `text::format_complex`.
fn complex_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "complex", "__format__", 1, 1, false)?;
    let c = match a.args[0].downcast::<ComplexValue>() {
        Some(c) => C { re: c.re, im: c.im },
        None => return Err(vm.type_error("descriptor '__format__' requires a 'complex' object")),
    };
    match a.args[1].downcast::<StrValue>() {
        Some(s) if s.chars == 0 => Ok(vm.new_str(&complex_repr(c.re, c.im))),
        Some(s) => match crate::text::format_complex::format_complex_wtf8(c.re, c.im, &s.text) {
            Ok(text) => Ok(vm.new_str_wtf8(text)),
            Err(e) => Err(vm.format_error(e)),
        },
        None => Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&a.args[1])
        ))),
    }
}

pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types.complex.clone();
    set_type_method(vm, &t, "__format__", complex_format);
    set_type_method(vm, &t, "__new__", new_complex);
    set_type_method(vm, &t, "conjugate", complex_conjugate);
    set_type_method(vm, &t, "__bool__", complex_bool);
    set_type_method(vm, &t, "__repr__", complex_repr_method);
    set_builtin(vm, "complex", t);
}

#[cfg(test)]
mod tests {
    use super::parse_complex;

    #[test]
    fn parses_cpython_forms() {
        assert_eq!(parse_complex("1+2j"), Some((1.0, 2.0)));
        assert_eq!(parse_complex(" (3-4.5J) "), Some((3.0, -4.5)));
        assert_eq!(parse_complex("-j"), Some((0.0, -1.0)));
        assert_eq!(parse_complex("1e3+j"), Some((1000.0, 1.0)));
        assert_eq!(parse_complex("2j"), Some((0.0, 2.0)));
        assert_eq!(parse_complex("1 + 2j"), None);
        assert_eq!(parse_complex("j1"), None);
        assert_eq!(parse_complex(""), None);
    }
}
