//! The methods and attributes of `int` and `float` (bool inherits int's):
//! `bit_length`, `bit_count`, `as_integer_ratio`, `is_integer`, `hex`,
//! `fromhex`, `conjugate`, `__trunc__`/`__floor__`/`__ceil__`, and the
//! `real`/`imag`/`numerator`/`denominator` attributes.
//!
//! `float.hex` and `float.fromhex` work on the IEEE bits directly;
//! `fromhex` rounds half-to-even in integer arithmetic, so it is exact
//! for any number of digits, subnormals included.

use super::Vm;
use super::builtins_extra::set_type_method;
use super::list_methods::method_nargs;
use crate::heap::Obj;
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use num_bigint::{BigInt, BigUint};
use num_traits::{One, ToPrimitive, Zero};

fn this_int(vm: &Vm, a: &CallArgs<'_>, name: &str, nargs: usize) -> PyResult<BigInt> {
    method_nargs(vm, a, "int", name, nargs, nargs, false)?;
    vm.big_int(&a.args[0]).ok_or_else(|| {
        vm.type_error(format!("descriptor '{name}' for 'int' objects doesn't apply to a '{}' object", vm.type_name(&a.args[0])))
    })
}

fn this_float(vm: &Vm, a: &CallArgs<'_>, name: &str) -> PyResult<f64> {
    method_nargs(vm, a, "float", name, 0, 0, false)?;
    match a.args[0].downcast::<FloatValue>() {
        Some(f) => Ok(f.0),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
            vm.type_name(&a.args[0])
        ))),
    }
}

fn int_bit_length(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let i = this_int(vm, &a, "bit_length", 0)?;
    Ok(vm.new_int(i.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let i = this_int(vm, &a, "bit_count", 0)?;
    let ones: u64 = i.magnitude().iter_u64_digits().map(|d| d.count_ones() as u64).sum();
    Ok(vm.new_int(ones as i64))
}

/// `int(self)`: what `conjugate`, `__trunc__`, `real`... return (a bool
/// becomes a plain int).
fn int_identity(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let i = this_int(vm, &a, "conjugate", 0)?;
    Ok(vm.new_bigint(i))
}

fn int_as_integer_ratio(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let i = this_int(vm, &a, "as_integer_ratio", 0)?;
    let items = vec![vm.new_bigint(i), vm.new_int(1)];
    Ok(vm.new_tuple(items))
}

fn float_is_integer(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this_float(vm, &a, "is_integer")?;
    Ok(vm.bool_obj(f.is_finite() && f.fract() == 0.0))
}

/// The exact value of a finite float as `mantissa * 2**exponent`, the
/// mantissa odd (or zero).
pub(crate) fn float_parts(f: f64) -> (BigInt, i64) {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (frac, -1074) } else { (frac | (1 << 52), biased - 1075) };
    if m == 0 {
        return (BigInt::zero(), 0);
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i64;
    let m = BigInt::from(m);
    (if f < 0.0 { -m } else { m }, e)
}

fn float_as_integer_ratio(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this_float(vm, &a, "as_integer_ratio")?;
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = float_parts(f);
    let (num, den) = if e >= 0 { (m << e as usize, BigInt::one()) } else { (m, BigInt::one() << (-e) as usize) };
    let items = vec![vm.new_bigint(num), vm.new_bigint(den)];
    Ok(vm.new_tuple(items))
}

/// `float.hex()`: `0x1.8000000000000p+0`, `-0x0.0p+0`, `inf`, `nan`.
pub(crate) fn float_to_hex(f: f64) -> String {
    if f.is_nan() {
        return "nan".into();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, exp) = if biased == 0 { (0, -1022) } else { (1, biased - 1023) };
    format!("{sign}0x{lead}.{frac:013x}p{}{}", if exp < 0 { '-' } else { '+' }, exp.abs())
}

fn float_hex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this_float(vm, &a, "hex")?;
    Ok(vm.new_str(&float_to_hex(f)))
}

/// `m * 2**e` rounded to the nearest double (ties to even); `None` when
/// it overflows.
fn scale_to_f64(m: &BigUint, e: i64) -> Option<f64> {
    if m.is_zero() {
        return Some(0.0);
    }
    let n = m.bits() as i64;
    let top = n + e - 1; // the exponent of the leading bit
    if top > 1023 {
        return None;
    }
    let precision = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    let shift = n - precision;
    let (mant, e) = if shift > 0 {
        let s = shift as usize;
        let kept: BigUint = m >> s;
        let rest = m - (&kept << s);
        let half = BigUint::one() << (s - 1);
        let round_up = rest > half || (rest == half && kept.bit(0));
        (if round_up { kept + 1u32 } else { kept }, e + shift)
    } else {
        (m << (-shift) as usize, e + shift)
    };
    let mant = mant.to_u64()? as f64;
    // Two steps, so that no intermediate power of two over- or underflows.
    let half = e / 2;
    let r = mant * 2f64.powi(half as i32) * 2f64.powi((e - half) as i32);
    r.is_finite().then_some(r)
}

/// `float.fromhex(text)`.
pub(crate) fn parse_hex_float(text: &str) -> Result<f64, &'static str> {
    const INVALID: &str = "invalid hexadecimal floating-point string";
    let s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let lower = s.to_ascii_lowercase();
    let special = match lower.as_str() {
        "inf" | "infinity" => Some(f64::INFINITY),
        "nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (digits, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_part, frac_part) = match digits.find('.') {
        Some(i) => (&digits[..i], &digits[i + 1..]),
        None => (digits, ""),
    };
    if int_part.is_empty() && frac_part.is_empty() {
        return Err(INVALID);
    }
    let mut m = BigUint::zero();
    for c in int_part.chars().chain(frac_part.chars()) {
        let d = c.to_digit(16).ok_or(INVALID)?;
        m = m * 16u32 + d;
    }
    let mut e: i64 = -4 * frac_part.len() as i64;
    if let Some(x) = exp {
        let (neg, digits) = match x.as_bytes().first() {
            Some(b'-') => (true, &x[1..]),
            Some(b'+') => (false, &x[1..]),
            _ => (false, x),
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(INVALID);
        }
        // Exponents past any double's range only decide 0 or overflow.
        let v: i64 = digits.parse::<i64>().unwrap_or(i64::MAX / 4).min(i64::MAX / 4);
        e += if neg { -v } else { v };
    }
    let v = scale_to_f64(&m, e).ok_or("hexadecimal value too large to represent as a float")?;
    Ok(if negative { -v } else { v })
}

fn float_fromhex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    method_nargs(vm, &a, "float", "fromhex", 1, 1, false)?;
    let Some(s) = a.args[1].downcast::<StrValue>() else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", vm.type_name(&a.args[1]))));
    };
    match parse_hex_float(&s.text.to_string_lossy()) {
        Ok(f) => {
            let v = vm.new_float(f);
            let cls = a.args[0].clone();
            if cls.is(&vm.types.float) || cls.kind() != crate::heap::Kind::Type { Ok(v) } else { vm.call_object(&cls, &[v]) }
        }
        Err(msg) if msg.starts_with("hexadecimal value") => Err(vm.overflow_error(msg)),
        Err(msg) => Err(vm.value_error(msg)),
    }
}

fn float_identity(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this_float(vm, &a, "conjugate")?;
    Ok(vm.new_float(f))
}

fn float_to_int(vm: &mut Vm, a: &CallArgs<'_>, name: &str, round: fn(f64) -> f64) -> PyResult<Obj> {
    let f = this_float(vm, a, name)?;
    let v = vm.new_float(round(f));
    match vm.int_of(&v)? {
        Some(i) => Ok(vm.new_bigint(i)),
        None => unreachable!("a float converts to an int or raises"),
    }
}

impl Vm {
    /// `x.real`, `x.imag`, `x.numerator`, `x.denominator` of ints and
    /// floats.
    pub(crate) fn number_attr(&self, o: &Obj, name: &str) -> Option<Obj> {
        if let Some(f) = o.downcast::<FloatValue>() {
            return match name {
                "real" => Some(self.new_float(f.0)),
                "imag" => Some(self.new_float(0.0)),
                _ => None,
            };
        }
        let i = self.big_int(o)?;
        match name {
            "real" | "numerator" => Some(self.new_bigint(i)),
            "imag" => Some(self.new_int(0)),
            "denominator" => Some(self.new_int(1)),
            _ => None,
        }
    }
}

pub(crate) fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    let int_methods: &[(&'static str, NativeFn)] = &[
        ("bit_length", int_bit_length),
        ("bit_count", int_bit_count),
        ("conjugate", int_identity),
        ("__trunc__", int_identity),
        ("__floor__", int_identity),
        ("__ceil__", int_identity),
        ("__index__", int_identity),
        ("__int__", int_identity),
        ("as_integer_ratio", int_as_integer_ratio),
    ];
    for &(name, f) in int_methods {
        set_type_method(vm, &int, name, f);
    }
    let float = vm.types.float.clone();
    let float_methods: &[(&'static str, NativeFn)] = &[
        ("is_integer", float_is_integer),
        ("as_integer_ratio", float_as_integer_ratio),
        ("hex", float_hex),
        ("conjugate", float_identity),
        ("__trunc__", |vm, a| float_to_int(vm, &a, "__trunc__", f64::trunc)),
        ("__floor__", |vm, a| float_to_int(vm, &a, "__floor__", f64::floor)),
        ("__ceil__", |vm, a| float_to_int(vm, &a, "__ceil__", f64::ceil)),
        ("__int__", |vm, a| float_to_int(vm, &a, "__int__", f64::trunc)),
    ];
    for &(name, f) in float_methods {
        set_type_method(vm, &float, name, f);
    }
    let fromhex = vm.new_builtin("fromhex", float_fromhex);
    let cm = Obj::new(DescrValue::ClassMethod(fromhex), &vm.types.classmethod);
    let key = vm.intern("fromhex");
    vm.table_set_str(&float.downcast::<TypeValue>().expect("type").dict, key, cm);
}

#[cfg(test)]
mod tests {
    use super::{float_to_hex, parse_hex_float};

    #[test]
    fn hex_round_trips() {
        for f in [1.5, 0.1, -2.0, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 3.0] {
            assert_eq!(parse_hex_float(&float_to_hex(f)), Ok(f));
        }
        assert_eq!(float_to_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(parse_hex_float("0x1.8p+1"), Ok(3.0));
        assert_eq!(parse_hex_float(" -0X1P-1 "), Ok(-0.5));
        assert_eq!(parse_hex_float("0x1.fffffffffffff8p0"), Ok(2.0));
        assert!(parse_hex_float("0x1p1024").is_err());
        assert!(parse_hex_float("1.2.3").is_err());
    }
}
