//! The `random` module: CPython's Mersenne Twister (`_randommodule.c`)
//! and the methods of `random.py` computed the same way, so seeded runs
//! give CPython's numbers bit for bit.
//!
//! Model: `random.Random` is a builtin type whose instances hold a
//! generator (`RandomValue`); the module-level functions are the bound
//! methods of a hidden instance, as in CPython. str seeds are hashed
//! with SHA-512 first (`sha512.rs`), as `random.seed` version 2 does.
//! The real-valued distributions are in `random_variates.rs`.

use super::super::Vm;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::payloads::{StrValue, TypeValue};
use crate::object::{CallArgs, NativeFn, PyResult};
use crate::vm::builtins_extra::set_type_method;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::{Cell, RefCell};

const N: usize = 624;
const M: usize = 397;

use crate::object::payloads::{MtState as Mt, RandomValue};

impl Mt {
    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let p = self.mt[i - 1];
            self.mt[i] = 1812433253u32.wrapping_mul(p ^ (p >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let (mut i, mut j) = (1usize, 0usize);
        let mut k = N.max(key.len());
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let p = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (p ^ (p >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x8000_0000;
    }

    fn genrand_u32(&mut self) -> u32 {
        const MAG01: [u32; 2] = [0, 0x9908_b0df];
        if self.index >= N {
            for kk in 0..N {
                let y = (self.mt[kk] & 0x8000_0000) | (self.mt[(kk + 1) % N] & 0x7fff_ffff);
                self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ MAG01[(y & 1) as usize];
            }
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    pub(super) fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    pub(super) fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.genrand_u32() >> (32 - k));
        }
        let mut words = Vec::new();
        let mut left = k as i64;
        while left > 0 {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left -= 32;
        }
        BigInt::from_slice(Sign::Plus, &words)
    }

    fn randbelow(&mut self, n: &BigInt) -> BigInt {
        let k = n.bits();
        let mut r = self.getrandbits(k);
        while &r >= n {
            r = self.getrandbits(k);
        }
        r
    }
}

pub(super) fn make(vm: &mut Vm) -> PyResult<Obj> {
    let m = vm.new_module("random");
    let object = vm.types.object.clone();
    let random_type = crate::vm::types::new_type(&vm.types.type_, "Random", &[object], Kind::Random);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", r_new),
        ("__init__", r_init),
        ("seed", r_seed),
        ("random", r_random),
        ("getrandbits", r_getrandbits),
        ("randrange", r_randrange),
        ("randint", r_randint),
        ("choice", r_choice),
        ("choices", r_choices),
        ("shuffle", r_shuffle),
        ("sample", r_sample),
        ("uniform", r_uniform),
    ];
    for &(name, f) in methods.iter().chain(super::random_variates::METHODS) {
        set_type_method(vm, &random_type, name, f);
    }
    let module_key = vm.intern("__module__");
    let module_name = vm.new_str("random");
    vm.table_set_str(&random_type.downcast::<TypeValue>().expect("a type").dict, module_key, module_name);
    vm.module_set(&m, "Random", random_type.clone());
    let instance = vm.call_object(&random_type, &[])?;
    for &(name, _) in methods[2..].iter().chain(super::random_variates::METHODS) {
        let key = vm.intern(name);
        let bound = vm.get_attr(&instance, &key)?;
        vm.module_set(&m, name, bound);
    }
    for (name, value) in super::random_variates::constants() {
        let v = vm.new_float(value);
        vm.module_set(&m, name, v);
    }
    let bpf = vm.new_int(53);
    vm.module_set(&m, "BPF", bpf);
    vm.module_set(&m, "_inst", instance);
    Ok(m)
}

/// A generator seeded from the clock, for `Random.__new__`.
fn fresh_state() -> Mt {
    let mut m = Mt { mt: [0; N], index: N };
    let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    m.init_by_array(&[t as u32, (t >> 32) as u32]);
    m
}

/// Runs `f` on the generator of the method's receiver.
pub(super) fn with<T>(vm: &Vm, this: &Obj, f: impl FnOnce(&mut Mt) -> T) -> PyResult<T> {
    match this.downcast::<RandomValue>() {
        Some(r) => Ok(f(&mut r.state.borrow_mut())),
        None => Err(vm.type_error(format!(
            "descriptor requires a 'random.Random' object but received a '{}'",
            vm.type_name(this)
        ))),
    }
}

/// The receiver and the other arguments of a method call.
pub(super) fn receiver<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str) -> PyResult<(&'a Obj, &'a [Obj])> {
    match a.args.split_first() {
        Some((this, rest)) => Ok((this, rest)),
        None => Err(vm.type_error(format!("descriptor '{name}' of 'random.Random' object needs an argument"))),
    }
}

/// `Random.__new__(cls, *args)`: a generator seeded from the clock.
fn r_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (cls, _) = receiver(vm, &a, "__new__")?;
    if cls.downcast::<TypeValue>().map(|t| t.instance_kind) != Some(Kind::Random) {
        return Err(vm.type_error("Random.__new__(X): X is not a subtype of Random"));
    }
    Ok(Obj::new(RandomValue { state: RefCell::new(fresh_state()), dict: RefCell::new(None), gauss_next: Cell::new(None) }, cls))
}

/// `Random.__init__(self, x=None)`: `self.seed(x)`.
fn r_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "__init__")?;
    arity(vm, "Random", rest, 0, 1)?;
    let seed = vm.intern("seed");
    let seed = vm.get_attr(this, &seed)?;
    let x = rest.first().cloned().unwrap_or_else(|| vm.none());
    vm.call_object(&seed, &[x])?;
    Ok(vm.none())
}

fn int_arg(vm: &Vm, o: &Obj) -> PyResult<BigInt> {
    if o.kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.big_int(o)
        .ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(o))))
}

fn r_seed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "seed")?;
    arity(vm, "seed", &rest[..rest.len() - a.kwnames.len()], 0, 2)?;
    let key: Vec<u32> = match rest.first().filter(|o| o.kind() != Kind::None) {
        None => {
            let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
            vec![t as u32, (t >> 32) as u32]
        }
        Some(o) => {
            let n = match vm.big_int(o) {
                Some(n) => n.abs(),
                None if o.kind() == Kind::Float => {
                    let h = vm.hash(o)?;
                    BigInt::from(h).abs()
                }
                None if o.kind() == Kind::Str => {
                    // Version 2: int.from_bytes(a + sha512(a).digest()).
                    let mut bytes = o.downcast::<StrValue>().expect("str").text.as_bytes().to_vec();
                    let digest = super::sha512::sha512(&bytes);
                    bytes.extend_from_slice(&digest);
                    BigInt::from_bytes_be(Sign::Plus, &bytes)
                }
                None => {
                    return Err(vm.type_error(
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
                    ));
                }
            };
            if n.is_zero() { vec![0] } else { n.to_u32_digits().1 }
        }
    };
    with(vm, this, |m| m.init_by_array(&key))?;
    if let Some(r) = this.downcast::<RandomValue>() {
        r.gauss_next.set(None);
    }
    Ok(vm.none())
}

fn r_random(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "random")?;
    arity(vm, "random", rest, 0, 0)?;
    Ok(vm.new_float(with(vm, this, |m| m.random())?))
}

fn r_getrandbits(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "getrandbits")?;
    arity(vm, "getrandbits", rest, 1, 1)?;
    let k = int_arg(vm, &rest[0])?;
    if k.is_negative() {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let k = k.to_u64().unwrap_or(0);
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    Ok(vm.new_bigint(with(vm, this, |m| m.getrandbits(k))?))
}

fn randrange(vm: &mut Vm, this: &Obj, start: &Obj, stop: Option<&Obj>, step: Option<&Obj>) -> PyResult<Obj> {
    let istart = int_arg(vm, start)?;
    let Some(stop) = stop.filter(|s| s.kind() != Kind::None) else {
        if istart > BigInt::zero() {
            return Ok(vm.new_bigint(with(vm, this, |m| m.randbelow(&istart))?));
        }
        return Err(vm.value_error("empty range for randrange()"));
    };
    let istop = int_arg(vm, stop)?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => int_arg(vm, s)?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width > BigInt::zero() {
            return Ok(vm.new_bigint(&istart + with(vm, this, |m| m.randbelow(&width))?));
        }
        return Err(vm.value_error(format!("empty range for randrange() ({istart}, {istop}, {width})")));
    }
    let n = if istep > BigInt::zero() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep < BigInt::zero() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(vm.value_error("zero step for randrange()"));
    };
    if n <= BigInt::zero() {
        return Err(vm.value_error("empty range for randrange()"));
    }
    Ok(vm.new_bigint(istart + istep * with(vm, this, |m| m.randbelow(&n))?))
}

fn r_randrange(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "randrange")?;
    arity(vm, "randrange", rest, 1, 3)?;
    randrange(vm, this, &rest[0], rest.get(1), rest.get(2))
}

fn r_randint(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "randint")?;
    arity(vm, "randint", rest, 2, 2)?;
    let b = int_arg(vm, &rest[1])? + 1;
    let stop = vm.new_bigint(b);
    randrange(vm, this, &rest[0], Some(&stop), None)
}

fn r_choice(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "choice")?;
    arity(vm, "choice", rest, 1, 1)?;
    let n = vm.len(&rest[0])?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = with(vm, this, |m| m.randbelow(&BigInt::from(n)))?;
    let i = vm.new_bigint(i);
    vm.get_item(&rest[0], &i)
}

fn r_shuffle(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "shuffle")?;
    arity(vm, "shuffle", rest, 1, 1)?;
    let x = &rest[0];
    let n = vm.len(x)?;
    for i in (1..n).rev() {
        let j = with(vm, this, |m| m.randbelow(&BigInt::from(i + 1)))?.to_usize().unwrap_or(0);
        let (ki, kj) = (vm.new_int(i as i64), vm.new_int(j as i64));
        let (xi, xj) = (vm.get_item(x, &ki)?, vm.get_item(x, &kj)?);
        vm.set_item(x, ki, xj)?;
        vm.set_item(x, kj, xi)?;
    }
    Ok(vm.none())
}

fn r_sample(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::super::builtins_extra::kwargs(vm, "sample", &a, &["k", "counts"])?;
    let Some((this, pos)) = pos.split_first() else { return Err(vm.type_error("sample() needs a Random")) };
    let pop = pos.first().cloned().ok_or_else(|| vm.type_error("sample() missing 1 required positional argument: 'population'"))?;
    let k = pos.get(1).cloned().or_else(|| kw[0].clone()).ok_or_else(|| vm.type_error("sample() missing 1 required positional argument: 'k'"))?;
    if matches!(pop.kind(), Kind::Set | Kind::Dict) {
        return Err(vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d)."));
    }
    let n = vm.len(&pop)?;
    let k = int_arg(vm, &k)?;
    let k = match k.to_usize() {
        Some(k) if k <= n => k,
        _ => return Err(vm.value_error("Sample larger than population or is negative")),
    };
    let mut setsize = 21usize;
    if k > 5 {
        let e = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(e.ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = vm.iterate_to_vec(&pop)?;
        for i in 0..k {
            let j = with(vm, this, |m| m.randbelow(&BigInt::from(n - i)))?.to_usize().unwrap_or(0);
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = with(vm, this, |m| m.randbelow(&BigInt::from(n)))?.to_usize().unwrap_or(0);
            while selected.contains(&j) {
                j = with(vm, this, |m| m.randbelow(&BigInt::from(n)))?.to_usize().unwrap_or(0);
            }
            selected.insert(j);
            let key = vm.new_int(j as i64);
            result.push(vm.get_item(&pop, &key)?);
        }
    }
    Ok(vm.new_list(result))
}

fn r_uniform(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, &a, "uniform")?;
    arity(vm, "uniform", rest, 2, 2)?;
    let (x, y) = (vm.float_arg(&rest[0])?, vm.float_arg(&rest[1])?);
    Ok(vm.new_float(x + (y - x) * with(vm, this, |m| m.random())?))
}

/// `choices(population, weights=None, *, cum_weights=None, k=1)`, as
/// random.py computes it (one `random()` per pick, bisection on the
/// cumulative weights).
fn r_choices(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::super::builtins_extra::kwargs(vm, "choices", &a, &["population", "weights", "cum_weights", "k"])?;
    let Some((this, pos)) = pos.split_first() else { return Err(vm.type_error("choices() needs a Random")) };
    if pos.len() > 2 {
        return Err(vm.type_error(format!("Random.choices() takes from 2 to 3 positional arguments but {} were given", pos.len() + 1)));
    }
    let population = pos.first().cloned().or_else(|| kw[0].clone());
    let Some(population) = population else {
        return Err(vm.type_error("Random.choices() missing 1 required positional argument: 'population'"));
    };
    let weights = pos.get(1).cloned().or_else(|| kw[1].clone()).filter(|w| w.kind() != Kind::None);
    let cum_weights = kw[2].clone().filter(|w| w.kind() != Kind::None);
    let k = match &kw[3] {
        Some(k) => int_arg(vm, k)?.to_i64().unwrap_or(i64::MAX).max(0),
        None => 1,
    };
    let n = vm.len(&population)?;
    let cum: Vec<Obj> = match (weights, cum_weights) {
        (None, None) => {
            let mut out = Vec::new();
            for _ in 0..k {
                let r = with(vm, this, |m| m.random())?;
                let i = vm.new_int((r * n as f64).floor() as i64);
                out.push(vm.get_item(&population, &i)?);
            }
            return Ok(vm.new_list(out));
        }
        (Some(w), None) => {
            let mut total: Option<Obj> = None;
            let mut acc = Vec::new();
            for x in vm.iterate_to_vec(&w)? {
                let t = match total {
                    Some(t) => vm.binary_op(&t, &x, crate::bytecode::BinOp::Add)?,
                    None => x,
                };
                acc.push(t.clone());
                total = Some(t);
            }
            acc
        }
        (None, Some(c)) => vm.iterate_to_vec(&c)?,
        (Some(_), Some(_)) => return Err(vm.type_error("Cannot specify both weights and cumulative weights")),
    };
    if cum.len() != n {
        return Err(vm.value_error("The number of weights does not match the population"));
    }
    let mut bounds = Vec::with_capacity(n);
    for c in &cum {
        bounds.push(vm.float_arg(c)?);
    }
    let total = bounds.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(vm.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.value_error("Total of weights must be finite"));
    }
    let mut out = Vec::new();
    for _ in 0..k {
        let x = with(vm, this, |m| m.random())? * total;
        // bisect_right(cum_weights, x, 0, n - 1)
        let (mut lo, mut hi) = (0usize, n - 1);
        while lo < hi {
            let mid = (lo + hi) / 2;
            if x < bounds[mid] { hi = mid } else { lo = mid + 1 }
        }
        let i = vm.new_int(lo as i64);
        out.push(vm.get_item(&population, &i)?);
    }
    Ok(vm.new_list(out))
}
