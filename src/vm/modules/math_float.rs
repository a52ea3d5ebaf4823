//! `math` functions computed on a double's bits or in doubled precision,
//! as CPython's `mathmodule.c` does: `frexp`, `ldexp`, `nextafter`,
//! `ulp`, and `hypot`/`dist` over CPython's `vector_norm` (so their
//! results are CPython's to the last bit, not just close).
//!
//! Invariant: nothing here goes through a platform function whose
//! rounding could differ from glibc's; `ldexp` is musl's `scalbn`
//! (one rounding, also for subnormal results), exact like glibc's.

use super::super::Vm;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::payloads::TupleValue;
use crate::object::{CallArgs, NativeFn, PyResult};
use num_traits::{Signed, ToPrimitive};

pub(super) const FUNCTIONS: &[(&str, NativeFn)] =
    &[("frexp", m_frexp), ("ldexp", m_ldexp), ("nextafter", m_nextafter), ("ulp", m_ulp), ("hypot", m_hypot), ("dist", m_dist)];

/// C's `frexp`: `m * 2**e == x` with `0.5 <= |m| < 1`; zero, infinities
/// and NaN come back as they are, with exponent 0. (Also `hash()` of a
/// float, `ops.rs`.)
pub(crate) fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let (x, bias) = if x.abs() < f64::MIN_POSITIVE { (x * 2f64.powi(54), -54) } else { (x, 0) };
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022 + bias)
}

/// `x * 2**n` rounded once (musl's `scalbn`).
fn ldexp(x: f64, mut n: i32) -> f64 {
    let mut y = x;
    if n > 1023 {
        y *= 2f64.powi(1023);
        n -= 1023;
        if n > 1023 {
            y *= 2f64.powi(1023);
            n -= 1023;
            n = n.min(1023);
        }
    } else if n < -1022 {
        // Keep the last `n` below -53 so that only the final product
        // rounds into the subnormal range.
        let down = 2f64.powi(-1022) * 2f64.powi(53);
        y *= down;
        n += 1022 - 53;
        if n < -1022 {
            y *= down;
            n += 1022 - 53;
            n = n.max(-1022);
        }
    }
    y * f64::from_bits(((0x3ff + n) as u64) << 52)
}

/// C's `nextafter`.
fn nextafter(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away_from_zero = (y > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

fn m_frexp(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.frexp", &a)?;
    arity(vm, "math.frexp", a.args, 1, 1)?;
    let (m, e) = frexp(vm.float_arg(&a.args[0])?);
    let (m, e) = (vm.new_float(m), vm.new_int(e as i64));
    Ok(vm.new_tuple(vec![m, e]))
}

fn m_ldexp(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.ldexp", &a)?;
    if a.args.len() != 2 {
        return Err(vm.type_error(format!("ldexp expected 2 arguments, got {}", a.args.len())));
    }
    let x = vm.float_arg(&a.args[0])?;
    let Some(i) = vm.big_int(&a.args[1]) else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else {
        match i.to_i32() {
            Some(n) => ldexp(x, n),
            None if i.is_positive() => f64::INFINITY.copysign(x),
            None => 0.0f64.copysign(x),
        }
    };
    if r.is_infinite() && x.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}

fn m_nextafter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.nextafter", &a)?;
    if a.args.len() != 2 {
        return Err(vm.type_error(format!("nextafter expected 2 arguments, got {}", a.args.len())));
    }
    let (x, y) = (vm.float_arg(&a.args[0])?, vm.float_arg(&a.args[1])?);
    Ok(vm.new_float(nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.ulp", &a)?;
    arity(vm, "math.ulp", a.args, 1, 1)?;
    let x = vm.float_arg(&a.args[0])?.abs();
    if x.is_nan() || x.is_infinite() {
        return Ok(vm.new_float(x));
    }
    let up = nextafter(x, f64::INFINITY);
    let r = if up.is_infinite() { x - nextafter(x, f64::NEG_INFINITY) } else { up - x };
    Ok(vm.new_float(r))
}

/// A double split into a sum of two (CPython's `DoubleLength`).
struct DoubleLength {
    hi: f64,
    lo: f64,
}

/// `a + b` exactly, for `|a| >= |b|`.
fn dl_fast_sum(a: f64, b: f64) -> DoubleLength {
    let x = a + b;
    DoubleLength { hi: x, lo: (a - x) + b }
}

/// `x * y` as an unevaluated sum, exactly (barring overflow): Dekker's
/// `mul12` over Veltkamp splits, as CPython's `dl_mul` computes it (its
/// `hi` is not always the rounded product).
fn dl_mul(x: f64, y: f64) -> DoubleLength {
    fn split(v: f64) -> (f64, f64) {
        let t = v * 134217729.0; // 2**27 + 1
        let hi = t - (t - v);
        (hi, v - hi)
    }
    let (xx, yy) = (split(x), split(y));
    let p = xx.0 * yy.0;
    let q = xx.0 * yy.1 + xx.1 * yy.0;
    let z = p + q;
    DoubleLength { hi: z, lo: p - z + q + xx.1 * yy.1 }
}

/// CPython's `vector_norm`: the Euclidean norm of `vec` (absolute values,
/// `max` the largest), faithfully and almost always correctly rounded.
fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = frexp(max);
    if max_e < -1023 {
        // 2**-max_e would overflow: bring subnormals up first.
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    let scale = ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    for &v in vec.iter() {
        let x = v * scale;
        let pr = dl_mul(x, x);
        let sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let pr = dl_mul(-h, h);
    let sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

/// The norm of the absolute values of `values`, as `math_hypot` feeds it.
fn norm_of(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut vec: Vec<f64> = values.into_iter().map(f64::abs).collect();
    let max = vec.iter().copied().fold(0.0, |m: f64, x| if x > m { x } else { m });
    let found_nan = vec.iter().any(|x| x.is_nan());
    vector_norm(&mut vec, max, found_nan)
}

fn m_hypot(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.hypot", &a)?;
    let mut coordinates = Vec::with_capacity(a.args.len());
    for x in a.args {
        coordinates.push(vm.float_arg(x)?);
    }
    Ok(vm.new_float(norm_of(coordinates)))
}

/// A point of `dist`: a tuple as is, anything else through `tuple()`.
fn point(vm: &mut Vm, o: &Obj) -> PyResult<Vec<Obj>> {
    match o.downcast::<TupleValue>() {
        Some(t) if o.kind() == Kind::Tuple => Ok(t.0.to_vec()),
        _ => vm.iterate_to_vec(o),
    }
}

fn m_dist(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.dist", &a)?;
    if a.args.len() != 2 {
        return Err(vm.type_error(format!("dist expected 2 arguments, got {}", a.args.len())));
    }
    let (p, q) = (point(vm, &a.args[0])?, point(vm, &a.args[1])?);
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    for (px, qx) in p.iter().zip(&q) {
        let (px, qx) = (vm.float_arg(px)?, vm.float_arg(qx)?);
        diffs.push(px - qx);
    }
    Ok(vm.new_float(norm_of(diffs)))
}
