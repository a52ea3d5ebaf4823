//! The `math` module, with CPython's errors ("math domain error",
//! "math range error").

use super::super::Vm;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::{CallArgs, NativeFn, PyResult};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

macro_rules! unary {
    ($name:ident, $py:literal, $f:expr, $ok:expr) => {
        fn $name(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
            super::no_keywords(vm, concat!("math.", $py), &a)?;
            arity(vm, concat!("math.", $py), a.args, 1, 1)?;
            let x = vm.float_arg(&a.args[0])?;
            let ok: fn(f64) -> bool = $ok;
            if !ok(x) {
                return Err(vm.value_error("math domain error"));
            }
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            if r.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("math range error"));
            }
            Ok(vm.new_float(r))
        }
    };
}

unary!(m_sqrt, "sqrt", f64::sqrt, |x| x >= 0.0 || x.is_nan());
unary!(m_exp, "exp", f64::exp, |_| true);
unary!(m_sin, "sin", f64::sin, |x| !x.is_infinite());
unary!(m_cos, "cos", f64::cos, |x| !x.is_infinite());
unary!(m_tan, "tan", f64::tan, |x| !x.is_infinite());
unary!(m_asin, "asin", f64::asin, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
unary!(m_acos, "acos", f64::acos, |x| (-1.0..=1.0).contains(&x) || x.is_nan());
unary!(m_atan, "atan", f64::atan, |_| true);
unary!(m_sinh, "sinh", f64::sinh, |_| true);
unary!(m_cosh, "cosh", f64::cosh, |_| true);
unary!(m_tanh, "tanh", f64::tanh, |_| true);
unary!(m_fabs, "fabs", f64::abs, |_| true);
unary!(m_log2, "log2", f64::log2, |x| x > 0.0 || x.is_nan());
unary!(m_log10, "log10", f64::log10, |x| x > 0.0 || x.is_nan());
unary!(m_log1p, "log1p", f64::ln_1p, |x| x > -1.0 || x.is_nan());
unary!(m_expm1, "expm1", f64::exp_m1, |_| true);
unary!(m_degrees, "degrees", f64::to_degrees, |_| true);
unary!(m_radians, "radians", f64::to_radians, |_| true);
// The `libm` crate's cbrt (correctly rounded): glibc's, which CPython
// calls, is not, and differs from it in the last bit for many inputs.
unary!(m_cbrt, "cbrt", libm::cbrt, |_| true);
unary!(m_exp2, "exp2", f64::exp2, |_| true);

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("math");
    let fns: &[(&'static str, NativeFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("fabs", m_fabs),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("expm1", m_expm1),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("cbrt", m_cbrt),
        ("exp2", m_exp2),
        ("log", m_log),
        ("atan2", m_atan2),
        ("pow", m_pow),
        ("copysign", m_copysign),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("isqrt", m_isqrt),
        ("isclose", m_isclose),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isfinite", m_isfinite),
        ("fsum", m_fsum),
        ("prod", m_prod),
        ("comb", m_comb),
        ("perm", m_perm),
        ("fmod", m_fmod),
        ("modf", m_modf),
    ];
    vm.module_fns(&m, fns);
    vm.module_fns(&m, super::math_float::FUNCTIONS);
    vm.module_fns(&m, super::math_special::FUNCTIONS);
    for (name, v) in [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        let f = vm.new_float(v);
        vm.module_set(&m, name, f);
    }
    m
}

fn m_log(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "log", &a)?;
    arity(vm, "log", a.args, 1, 2)?;
    let ln = |vm: &mut Vm, o: &Obj| -> PyResult<f64> {
        if let Some(b) = vm.big_int(o) {
            if b.is_positive() {
                if let Some(f) = b.to_f64().filter(|f| f.is_finite()) {
                    return Ok(f.ln());
                }
                let bits = b.bits() as i64 - 60;
                let top = (&b >> bits as usize).to_f64().unwrap_or(1.0);
                return Ok(top.ln() + bits as f64 * std::f64::consts::LN_2);
            }
            return Err(vm.value_error("math domain error"));
        }
        let x = vm.float_arg(o)?;
        if x > 0.0 || x.is_nan() { Ok(x.ln()) } else { Err(vm.value_error("math domain error")) }
    };
    let x = ln(vm, &a.args[0])?;
    match a.args.get(1) {
        None => Ok(vm.new_float(x)),
        Some(b) => {
            let y = ln(vm, b)?;
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(vm.new_float(x / y))
        }
    }
}

fn two(vm: &mut Vm, name: &str, a: &CallArgs<'_>) -> PyResult<(f64, f64)> {
    arity(vm, name, a.args, 2, 2)?;
    Ok((vm.float_arg(&a.args[0])?, vm.float_arg(&a.args[1])?))
}

fn m_atan2(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.atan2", &a)?;
    let (y, x) = two(vm, "atan2", &a)?;
    Ok(vm.new_float(y.atan2(x)))
}

fn m_pow(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.pow", &a)?;
    let (x, y) = two(vm, "pow", &a)?;
    if x == 0.0 && y < 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_float(r))
}

fn m_fmod(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.fmod", &a)?;
    let (x, y) = two(vm, "fmod", &a)?;
    if y == 0.0 || x.is_infinite() {
        return Err(vm.value_error("math domain error"));
    }
    Ok(vm.new_float(x % y))
}

fn m_modf(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.modf", &a)?;
    arity(vm, "math.modf", a.args, 1, 1)?;
    let x = vm.float_arg(&a.args[0])?;
    let (f, i) = (vm.new_float(x.fract()), vm.new_float(x.trunc()));
    Ok(vm.new_tuple(vec![f, i]))
}

fn m_copysign(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.copysign", &a)?;
    let (x, y) = two(vm, "copysign", &a)?;
    Ok(vm.new_float(x.copysign(y)))
}

fn to_int(vm: &mut Vm, o: &Obj, f: fn(f64) -> f64, dunder: &str) -> PyResult<Obj> {
    if let Some(b) = vm.big_int(o) {
        return Ok(vm.new_bigint(b));
    }
    if o.kind() != Kind::Float {
        if let Some(m) = vm.lookup_special(o, dunder) {
            return vm.call_object(&m, &[o.clone()]);
        }
    }
    let x = vm.float_arg(o)?;
    if x.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    use num_traits::FromPrimitive;
    Ok(vm.new_bigint(BigInt::from_f64(f(x)).unwrap_or_default()))
}

fn m_floor(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.floor", &a)?;
    arity(vm, "math.floor", a.args, 1, 1)?;
    to_int(vm, &a.args[0], f64::floor, "__floor__")
}

fn m_ceil(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.ceil", &a)?;
    arity(vm, "math.ceil", a.args, 1, 1)?;
    to_int(vm, &a.args[0], f64::ceil, "__ceil__")
}

fn m_trunc(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.trunc", &a)?;
    arity(vm, "math.trunc", a.args, 1, 1)?;
    to_int(vm, &a.args[0], f64::trunc, "__trunc__")
}

fn int_of(vm: &Vm, o: &Obj) -> PyResult<BigInt> {
    vm.big_int(o)
        .ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(o))))
}

fn m_factorial(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.factorial", &a)?;
    arity(vm, "math.factorial", a.args, 1, 1)?;
    let n = int_of(vm, &a.args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().ok_or_else(|| vm.overflow_error("factorial() argument should not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 2..=n {
        r *= i;
    }
    Ok(vm.new_bigint(r))
}

fn m_gcd(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.gcd", &a)?;
    let mut g = BigInt::zero();
    for x in a.args {
        let v = int_of(vm, x)?;
        g = num_integer::Integer::gcd(&g, &v);
    }
    Ok(vm.new_bigint(g))
}

fn m_lcm(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.lcm", &a)?;
    let mut l = BigInt::one();
    for x in a.args {
        let v = int_of(vm, x)?;
        if v.is_zero() {
            return Ok(vm.new_int(0));
        }
        l = num_integer::Integer::lcm(&l, &v);
    }
    Ok(vm.new_bigint(l))
}

fn m_isqrt(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.isqrt", &a)?;
    arity(vm, "math.isqrt", a.args, 1, 1)?;
    let n = int_of(vm, &a.args[0])?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

fn m_isclose(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::super::builtins_extra::kwargs(vm, "isclose", &a, &["rel_tol", "abs_tol"])?;
    arity(vm, "isclose", pos, 2, 2)?;
    let (x, y) = (vm.float_arg(&pos[0])?, vm.float_arg(&pos[1])?);
    let rel = match &kw[0] {
        Some(o) => vm.float_arg(o)?,
        None => 1e-9,
    };
    let abs = match &kw[1] {
        Some(o) => vm.float_arg(o)?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(vm.bool_obj(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(vm.bool_obj(false));
    }
    let d = (y - x).abs();
    let r = d <= (rel * y).abs() || d <= (rel * x).abs() || d <= abs;
    Ok(vm.bool_obj(r))
}

fn m_isinf(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.isinf", &a)?;
    arity(vm, "math.isinf", a.args, 1, 1)?;
    let x = vm.float_arg(&a.args[0])?;
    Ok(vm.bool_obj(x.is_infinite()))
}

fn m_isnan(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.isnan", &a)?;
    arity(vm, "math.isnan", a.args, 1, 1)?;
    let x = vm.float_arg(&a.args[0])?;
    Ok(vm.bool_obj(x.is_nan()))
}

fn m_isfinite(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.isfinite", &a)?;
    arity(vm, "math.isfinite", a.args, 1, 1)?;
    let x = vm.float_arg(&a.args[0])?;
    Ok(vm.bool_obj(x.is_finite()))
}

/// Shewchuk's exact summation, as CPython's `fsum`.
fn m_fsum(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.fsum", &a)?;
    arity(vm, "math.fsum", a.args, 1, 1)?;
    let mut partials: Vec<f64> = Vec::new();
    for o in vm.iterate_to_vec(&a.args[0])? {
        let mut x = vm.float_arg(&o)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut hi = 0.0;
    if let Some(mut n) = partials.len().checked_sub(1).map(|n| n + 1) {
        hi = partials[n - 1];
        n -= 1;
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            let y = partials[n - 1];
            n -= 1;
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(vm.new_float(hi))
}

fn m_prod(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::super::builtins_extra::kwargs(vm, "prod", &a, &["start"])?;
    arity(vm, "prod", pos, 1, 1)?;
    let mut acc = kw[0].clone().unwrap_or_else(|| vm.new_int(1));
    for x in vm.iterate_to_vec(&pos[0])? {
        acc = vm.binary_op(&acc, &x, crate::bytecode::BinOp::Mul)?;
    }
    Ok(acc)
}

fn m_comb(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.comb", &a)?;
    arity(vm, "comb", a.args, 2, 2)?;
    let (n, k) = (int_of(vm, &a.args[0])?, int_of(vm, &a.args[1])?);
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k).to_u64().unwrap_or(0);
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(vm.new_bigint(r))
}

fn m_perm(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::no_keywords(vm, "math.perm", &a)?;
    arity(vm, "perm", a.args, 1, 2)?;
    let n = int_of(vm, &a.args[0])?;
    let k = match a.args.get(1).filter(|o| o.kind() != Kind::None) {
        Some(k) => int_of(vm, k)?,
        None => n.clone(),
    };
    if n.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(vm.value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let mut r = BigInt::one();
    let k = k.to_u64().unwrap_or(0);
    for i in 0..k {
        r *= &n - i;
    }
    Ok(vm.new_bigint(r))
}
