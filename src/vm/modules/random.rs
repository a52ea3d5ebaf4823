//! The `random` module: CPython's Mersenne Twister (`_randommodule.c`)
//! and the methods of `random.py` computed the same way, so seeded runs
//! give CPython's numbers bit for bit.

use super::super::Vm;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::{CallArgs, PyResult};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;

const N: usize = 624;
const M: usize = 397;

struct Mt {
    mt: [u32; N],
    index: usize,
}

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

    fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
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

thread_local! {
    static STATE: RefCell<Mt> = RefCell::new({
        let mut m = Mt { mt: [0; N], index: N };
        let t = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
        m.init_by_array(&[t as u32, (t >> 32) as u32]);
        m
    });
}

fn with<T>(f: impl FnOnce(&mut Mt) -> T) -> T {
    STATE.with(|s| f(&mut s.borrow_mut()))
}

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("random");
    vm.module_fns(
        &m,
        &[
            ("seed", r_seed),
            ("random", r_random),
            ("getrandbits", r_getrandbits),
            ("randrange", r_randrange),
            ("randint", r_randint),
            ("choice", r_choice),
            ("shuffle", r_shuffle),
            ("sample", r_sample),
            ("uniform", r_uniform),
        ],
    );
    m
}

fn int_arg(vm: &Vm, o: &Obj) -> PyResult<BigInt> {
    if o.kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    vm.big_int(o)
        .ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(o))))
}

fn r_seed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "seed", a.positional_args(), 0, 2)?;
    let key: Vec<u32> = match a.args.first().filter(|o| o.kind() != Kind::None) {
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
                None => {
                    // str/bytes: CPython hashes with SHA-512; not reproducible here.
                    let h = vm.hash(o)?;
                    BigInt::from(h).abs()
                }
            };
            if n.is_zero() { vec![0] } else { n.to_u32_digits().1 }
        }
    };
    with(|m| m.init_by_array(&key));
    Ok(vm.none())
}

fn r_random(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "random", a.args, 0, 0)?;
    Ok(vm.new_float(with(|m| m.random())))
}

fn r_getrandbits(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "getrandbits", a.args, 1, 1)?;
    let k = int_arg(vm, &a.args[0])?;
    if k.is_negative() {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    let k = k.to_u64().unwrap_or(0);
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    Ok(vm.new_bigint(with(|m| m.getrandbits(k))))
}

fn randrange(vm: &mut Vm, start: &Obj, stop: Option<&Obj>, step: Option<&Obj>) -> PyResult<Obj> {
    let istart = int_arg(vm, start)?;
    let Some(stop) = stop.filter(|s| s.kind() != Kind::None) else {
        if istart > BigInt::zero() {
            return Ok(vm.new_bigint(with(|m| m.randbelow(&istart))));
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
            return Ok(vm.new_bigint(&istart + with(|m| m.randbelow(&width))));
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
    Ok(vm.new_bigint(istart + istep * with(|m| m.randbelow(&n))))
}

fn r_randrange(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "randrange", a.args, 1, 3)?;
    randrange(vm, &a.args[0], a.args.get(1), a.args.get(2))
}

fn r_randint(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "randint", a.args, 2, 2)?;
    let b = int_arg(vm, &a.args[1])? + 1;
    let stop = vm.new_bigint(b);
    randrange(vm, &a.args[0], Some(&stop), None)
}

fn r_choice(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "choice", a.args, 1, 1)?;
    let n = vm.len(&a.args[0])?;
    if n == 0 {
        return Err(vm.index_error("Cannot choose from an empty sequence"));
    }
    let i = with(|m| m.randbelow(&BigInt::from(n)));
    let i = vm.new_bigint(i);
    vm.get_item(&a.args[0], &i)
}

fn r_shuffle(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "shuffle", a.args, 1, 1)?;
    let x = &a.args[0];
    let n = vm.len(x)?;
    for i in (1..n).rev() {
        let j = with(|m| m.randbelow(&BigInt::from(i + 1))).to_usize().unwrap_or(0);
        let (ki, kj) = (vm.new_int(i as i64), vm.new_int(j as i64));
        let (xi, xj) = (vm.get_item(x, &ki)?, vm.get_item(x, &kj)?);
        vm.set_item(x, ki, xj)?;
        vm.set_item(x, kj, xi)?;
    }
    Ok(vm.none())
}

fn r_sample(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::super::builtins_extra::kwargs(vm, "sample", &a, &["k", "counts"])?;
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
            let j = with(|m| m.randbelow(&BigInt::from(n - i))).to_usize().unwrap_or(0);
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = with(|m| m.randbelow(&BigInt::from(n))).to_usize().unwrap_or(0);
            while selected.contains(&j) {
                j = with(|m| m.randbelow(&BigInt::from(n))).to_usize().unwrap_or(0);
            }
            selected.insert(j);
            let key = vm.new_int(j as i64);
            result.push(vm.get_item(&pop, &key)?);
        }
    }
    Ok(vm.new_list(result))
}

fn r_uniform(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "uniform", a.args, 2, 2)?;
    let (x, y) = (vm.float_arg(&a.args[0])?, vm.float_arg(&a.args[1])?);
    Ok(vm.new_float(x + (y - x) * with(|m| m.random())))
}
