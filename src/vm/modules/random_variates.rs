//! `random`'s real-valued distributions (`gauss`, `normalvariate`,
//! `expovariate`, `gammavariate`...) and `randbytes`: CPython 3.11's
//! `random.py` methods, step for step, over the same generator, so a
//! seeded run draws CPython's numbers bit for bit.
//!
//! Invariant: each method draws from the generator exactly as often, and
//! in the same order, as its Python original (the rejection loops
//! included), and computes with the same libm functions, so the stream
//! after it stays in step too. `gauss` keeps its second value in the
//! instance (`RandomValue::gauss_next`), which `seed` clears, as
//! `self.gauss_next` in random.py.
//!
//! Unlike random.py, the draws go to the generator directly, not through
//! `self.random()`: a subclass that overrides `random` does not change
//! these distributions.

use super::random::{receiver, with};
use crate::heap::Obj;
use crate::object::payloads::RandomValue;
use crate::object::{CallArgs, NativeFn, PyResult};
use crate::vm::Vm;
use std::f64::consts::{E, PI};

const TWOPI: f64 = 2.0 * PI;
/// `4 * exp(-0.5) / sqrt(2.0)`.
fn nv_magicconst() -> f64 {
    4.0 * (-0.5f64).exp() / 2.0f64.sqrt()
}
/// `1.0 + log(4.5)`.
fn sg_magicconst() -> f64 {
    1.0 + 4.5f64.ln()
}

/// The methods this file adds to `random.Random` (and, bound to the
/// hidden instance, to the module).
pub(super) const METHODS: &[(&str, NativeFn)] = &[
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("lognormvariate", r_lognormvariate),
    ("expovariate", r_expovariate),
    ("triangular", r_triangular),
    ("paretovariate", r_paretovariate),
    ("weibullvariate", r_weibullvariate),
    ("vonmisesvariate", r_vonmisesvariate),
    ("gammavariate", r_gammavariate),
    ("betavariate", r_betavariate),
    ("randbytes", r_randbytes),
];

/// The module's constants of random.py.
pub(super) fn constants() -> [(&'static str, f64); 5] {
    [
        ("NV_MAGICCONST", nv_magicconst()),
        ("TWOPI", TWOPI),
        ("LOG4", 4.0f64.ln()),
        ("SG_MAGICCONST", sg_magicconst()),
        ("RECIP_BPF", 2.0f64.powi(-53)),
    ]
}

/// A parameter's default in random.py.
#[derive(Clone, Copy)]
enum ParamDefault {
    Required,
    Value(f64),
    /// `None` (`triangular`'s `mode`).
    NoneValue,
}
use ParamDefault::{NoneValue, Required, Value};

/// The receiver and the float parameters of `Random.name(...)`, bound
/// from positional and keyword arguments with random.py's defaults and
/// Python's messages for a bad call. `None` stands for Python's None.
fn float_params<'a>(
    vm: &mut Vm,
    a: &CallArgs<'a>,
    name: &str,
    params: &[(&str, ParamDefault)],
) -> PyResult<(&'a Obj, Vec<Option<f64>>)> {
    let (this, rest) = receiver(vm, a, name)?;
    let npos = rest.len() - a.kwnames.len();
    let qual = format!("Random.{name}()");
    if npos > params.len() {
        let required = params.iter().filter(|p| matches!(p.1, Required)).count();
        let takes = if required == params.len() {
            format!("{}", params.len() + 1)
        } else {
            format!("from {} to {}", required + 1, params.len() + 1)
        };
        return Err(vm.type_error(format!("{qual} takes {takes} positional arguments but {} were given", npos + 1)));
    }
    let mut given: Vec<Option<&Obj>> = rest[..npos].iter().map(Some).collect();
    given.resize(params.len(), None);
    for (key, value) in a.kwnames.iter().zip(&rest[npos..]) {
        let k = vm.str_lossy(key);
        match params.iter().position(|p| p.0 == k) {
            Some(i) if given[i].is_some() => return Err(vm.type_error(format!("{qual} got multiple values for argument '{k}'"))),
            Some(i) => given[i] = Some(value),
            None => return Err(vm.type_error(format!("{qual} got an unexpected keyword argument '{k}'"))),
        }
    }
    let missing: Vec<String> = params.iter().zip(&given).filter(|(p, g)| matches!(p.1, Required) && g.is_none()).map(|(p, _)| format!("'{}'", p.0)).collect();
    if !missing.is_empty() {
        let n = missing.len();
        let names = match n {
            1 => missing[0].clone(),
            _ => format!("{} and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("{qual} missing {n} required positional argument{s}: {names}")));
    }
    let mut out = Vec::with_capacity(params.len());
    for (p, g) in params.iter().zip(given) {
        out.push(match g {
            // Only a parameter whose default is None takes None.
            Some(o) if o.kind() == crate::heap::Kind::None && matches!(p.1, NoneValue) => None,
            Some(o) => Some(vm.float_arg(o)?),
            None => match p.1 {
                Value(v) => Some(v),
                Required | NoneValue => None,
            },
        });
    }
    Ok((this, out))
}

/// The object passed for parameter `i` (named `name`) after the receiver.
fn param_obj(vm: &Vm, a: &CallArgs<'_>, i: usize, name: &str) -> Option<Obj> {
    let npos = a.args.len() - a.kwnames.len();
    if i + 1 < npos {
        return Some(a.args[i + 1].clone());
    }
    let at = a.kwnames.iter().position(|k| vm.str_lossy(k) == name)?;
    Some(a.args[npos + at].clone())
}

/// Python's float `%` (the result takes the divisor's sign).
fn py_mod(x: f64, m: f64) -> f64 {
    let r = x % m;
    if r != 0.0 {
        if (m < 0.0) != (r < 0.0) { r + m } else { r }
    } else {
        0.0f64.copysign(m)
    }
}

/// Parameter `i`, which is not a None-default one (`float_params`
/// fills the others or raises).
fn required(v: &[Option<f64>], i: usize) -> f64 {
    v[i].unwrap_or(f64::NAN)
}

fn r_gauss(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "gauss", &[("mu", Value(0.0)), ("sigma", Value(1.0))])?;
    let (mu, sigma) = (required(&p, 0), required(&p, 1));
    let saved = this.downcast::<RandomValue>().and_then(|r| r.gauss_next.take());
    let z = match saved {
        Some(z) => z,
        None => {
            let (x2pi, g2rad) = with(vm, this, |m| {
                let x2pi = m.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - m.random()).ln()).sqrt();
                (x2pi, g2rad)
            })?;
            if let Some(r) = this.downcast::<RandomValue>() {
                r.gauss_next.set(Some(x2pi.sin() * g2rad));
            }
            x2pi.cos() * g2rad
        }
    };
    Ok(vm.new_float(mu + z * sigma))
}

fn normal(vm: &Vm, this: &Obj, mu: f64, sigma: f64) -> PyResult<f64> {
    let z = with(vm, this, |m| loop {
        let u1 = m.random();
        let u2 = 1.0 - m.random();
        let z = nv_magicconst() * (u1 - 0.5) / u2;
        let zz = z * z / 4.0;
        if zz <= -u2.ln() {
            break z;
        }
    })?;
    Ok(mu + z * sigma)
}

fn r_normalvariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "normalvariate", &[("mu", Value(0.0)), ("sigma", Value(1.0))])?;
    let v = normal(vm, this, required(&p, 0), required(&p, 1))?;
    Ok(vm.new_float(v))
}

fn r_lognormvariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "lognormvariate", &[("mu", Required), ("sigma", Required)])?;
    let v = normal(vm, this, required(&p, 0), required(&p, 1))?;
    Ok(vm.new_float(v.exp()))
}

fn r_expovariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "expovariate", &[("lambd", Required)])?;
    let lambd = required(&p, 0);
    let u = with(vm, this, |m| m.random())?;
    if lambd == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(vm.new_float(-(1.0 - u).ln() / lambd))
}

fn r_triangular(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "triangular", &[("low", Value(0.0)), ("high", Value(1.0)), ("mode", NoneValue)])?;
    let (mut low, mut high) = (required(&p, 0), required(&p, 1));
    let mut u = with(vm, this, |m| m.random())?;
    let mut c = match p[2] {
        Some(mode) => {
            if high - low == 0.0 {
                // random.py returns `low` itself (an int stays an int).
                return Ok(param_obj(vm, &a, 0, "low").unwrap_or_else(|| vm.new_float(low)));
            }
            (mode - low) / (high - low)
        }
        None => 0.5,
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(vm.new_float(low + (high - low) * (u * c).sqrt()))
}

fn r_paretovariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "paretovariate", &[("alpha", Required)])?;
    let alpha = required(&p, 0);
    let u = 1.0 - with(vm, this, |m| m.random())?;
    if alpha == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(vm.new_float(u.powf(-1.0 / alpha)))
}

fn r_weibullvariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "weibullvariate", &[("alpha", Required), ("beta", Required)])?;
    let (alpha, beta) = (required(&p, 0), required(&p, 1));
    let u = 1.0 - with(vm, this, |m| m.random())?;
    if beta == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(vm.new_float(alpha * (-u.ln()).powf(1.0 / beta)))
}

fn r_vonmisesvariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "vonmisesvariate", &[("mu", Required), ("kappa", Required)])?;
    let (mu, kappa) = (required(&p, 0), required(&p, 1));
    let theta = with(vm, this, |m| {
        if kappa <= 1e-6 {
            return TWOPI * m.random();
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = m.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = m.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = m.random();
        if u3 > 0.5 { py_mod(mu + f.acos(), TWOPI) } else { py_mod(mu - f.acos(), TWOPI) }
    })?;
    Ok(vm.new_float(theta))
}

/// random.py's `gammavariate`, its three methods by `alpha`.
fn gamma(vm: &Vm, this: &Obj, alpha: f64, beta: f64) -> PyResult<f64> {
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(vm.value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    with(vm, this, |m| {
        if alpha > 1.0 {
            let ainv = (2.0 * alpha - 1.0).sqrt();
            let bbb = alpha - 4.0f64.ln();
            let ccc = alpha + ainv;
            loop {
                let u1 = m.random();
                if !(1e-7 < u1 && u1 < 0.9999999) {
                    continue;
                }
                let u2 = 1.0 - m.random();
                let v = (u1 / (1.0 - u1)).ln() / ainv;
                let x = alpha * v.exp();
                let z = u1 * u1 * u2;
                let r = bbb + ccc * v - x;
                if r + sg_magicconst() - 4.5 * z >= 0.0 || r >= z.ln() {
                    return x * beta;
                }
            }
        } else if alpha == 1.0 {
            -(1.0 - m.random()).ln() * beta
        } else {
            let x = loop {
                let u = m.random();
                let b = (E + alpha) / E;
                let p = b * u;
                let x = if p <= 1.0 { p.powf(1.0 / alpha) } else { -((b - p) / alpha).ln() };
                let u1 = m.random();
                if p > 1.0 {
                    if u1 <= x.powf(alpha - 1.0) {
                        break x;
                    }
                } else if u1 <= (-x).exp() {
                    break x;
                }
            };
            x * beta
        }
    })
}

fn r_gammavariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "gammavariate", &[("alpha", Required), ("beta", Required)])?;
    let v = gamma(vm, this, required(&p, 0), required(&p, 1))?;
    Ok(vm.new_float(v))
}

fn r_betavariate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, p) = float_params(vm, &a, "betavariate", &[("alpha", Required), ("beta", Required)])?;
    let y = gamma(vm, this, required(&p, 0), 1.0)?;
    if y == 0.0 {
        return Ok(vm.new_float(0.0));
    }
    let other = gamma(vm, this, required(&p, 1), 1.0)?;
    Ok(vm.new_float(y / (y + other)))
}

/// `randbytes(n)`: `getrandbits(n * 8).to_bytes(n, 'little')`.
fn r_randbytes(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "randbytes")?;
    super::arity(vm, "randbytes", rest, 1, 1)?;
    let n = vm.index_value(&rest[0])?;
    let Some(n) = num_traits::ToPrimitive::to_u64(&n) else {
        return Err(vm.value_error("number of bits must be non-negative"));
    };
    let bits = n.saturating_mul(8);
    vm.check_allocation(usize::try_from(n).unwrap_or(usize::MAX))?;
    let mut bytes = if bits == 0 { Vec::new() } else { with(vm, this, |m| m.getrandbits(bits))?.to_bytes_le().1 };
    bytes.resize(n as usize, 0);
    Ok(vm.new_bytes(bytes))
}
