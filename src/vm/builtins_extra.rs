//! More builtin functions: sorting, reductions, the lazy iterators (map,
//! filter, zip, enumerate, reversed, iter with a sentinel), attribute
//! access by name, round/divmod/pow, dir/vars, input.
//!
//! The lazy iterators are `IteratorValue` variants of types installed
//! here (`map`, `filter`, ...); `Vm::next_lazy` advances them.

use super::Vm;
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyErr, PyResult};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::Cell;

pub(crate) fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("sorted", builtin_sorted),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("any", builtin_any),
        ("all", builtin_all),
        ("callable", builtin_callable),
        ("round", builtin_round),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("dir", builtin_dir),
        ("iter", builtin_iter),
        ("vars", builtin_vars),
        ("input", builtin_input),
        ("ord", builtin_ord),
    ];
    for &(name, f) in functions {
        set_builtin(vm, name, vm.new_builtin_function(name, f));
    }
    let lazy: &[(&'static str, NativeFn)] = &[
        ("map", new_map),
        ("filter", new_filter),
        ("zip", new_zip),
        ("enumerate", new_enumerate),
        ("reversed", new_reversed),
    ];
    for &(name, f) in lazy {
        let t = super::types::new_type(&vm.types.type_, name, &[vm.types.object.clone()], Kind::Iterator);
        set_type_method(vm, &t, "__new__", f);
        set_builtin(vm, name, t);
    }
    let eof = super::types::new_type(&vm.types.type_, "EOFError", &[vm.types.exceptions.exception.clone()], Kind::Exception);
    set_builtin(vm, "EOFError", eof);
}

pub(crate) fn set_builtin(vm: &mut Vm, name: &str, value: Obj) {
    let key = vm.intern(name);
    let b = vm.builtins.clone();
    vm.table_set_str(&b.downcast::<DictValue>().expect("dict").0, key, value);
}

pub(crate) fn set_type_method(vm: &mut Vm, t: &Obj, name: &'static str, f: NativeFn) {
    let func = vm.new_builtin(name, f);
    let key = vm.intern(name);
    vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, func);
}

pub(crate) use super::args::kwargs;
use super::args::{clinic_args, Params};

fn no_kw(vm: &Vm, fname: &str, a: &CallArgs<'_>) -> PyResult<()> {
    if a.kwnames.is_empty() { Ok(()) } else { Err(vm.type_error(format!("{fname}() takes no keyword arguments"))) }
}

fn count_err(vm: &Vm, fname: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    super::modules::arity_count(vm, fname, n, min, max)
}

impl Vm {
    pub(crate) fn lt(&mut self, a: &Obj, b: &Obj) -> PyResult<bool> {
        if let (Some(x), Some(y)) = (self.small_int(a), self.small_int(b)) {
            return Ok(x < y);
        }
        let r = self.compare(a, b, CmpOp::Lt)?;
        self.truthy(&r)
    }

    /// A stable merge sort that only asks `<` (as CPython's sort does),
    /// with optional keys and reversal.
    pub(crate) fn sort_objs(&mut self, items: Vec<Obj>, key: Option<&Obj>, reverse: bool) -> PyResult<Vec<Obj>> {
        let mut pairs: Vec<(Obj, Obj)> = Vec::with_capacity(items.len());
        for x in items {
            let k = match key {
                Some(f) if f.kind() != Kind::None => self.call_object(f, &[x.clone()])?,
                _ => x.clone(),
            };
            pairs.push((k, x));
        }
        if reverse {
            pairs.reverse();
        }
        let sorted = self.merge_sort(pairs)?;
        let mut out: Vec<Obj> = sorted.into_iter().map(|(_, v)| v).collect();
        if reverse {
            out.reverse();
        }
        Ok(out)
    }

    fn merge_sort(&mut self, mut v: Vec<(Obj, Obj)>) -> PyResult<Vec<(Obj, Obj)>> {
        if v.len() <= 1 {
            return Ok(v);
        }
        if v.len() <= 8 {
            // Binary-free insertion sort: stable, uses `<` only.
            for i in 1..v.len() {
                let mut j = i;
                while j > 0 && self.lt(&v[j].0, &v[j - 1].0)? {
                    v.swap(j, j - 1);
                    j -= 1;
                }
            }
            return Ok(v);
        }
        let right = v.split_off(v.len() / 2);
        let left = self.merge_sort(v)?;
        let right = self.merge_sort(right)?;
        let mut out = Vec::with_capacity(left.len() + right.len());
        let mut l = left.into_iter().peekable();
        let mut r = right.into_iter().peekable();
        loop {
            match (l.peek(), r.peek()) {
                (Some(a), Some(b)) => {
                    if self.lt(&b.0, &a.0)? {
                        out.push(r.next().expect("peeked"));
                    } else {
                        out.push(l.next().expect("peeked"));
                    }
                }
                (Some(_), None) => out.push(l.next().expect("peeked")),
                (None, Some(_)) => out.push(r.next().expect("peeked")),
                (None, None) => break,
            }
        }
        Ok(out)
    }

    /// Advances the lazy iterators of this file.
    pub(crate) fn next_lazy(&mut self, it: &Obj) -> PyResult<Option<Obj>> {
        let Some(iv) = it.downcast::<IteratorValue>() else { return Ok(None) };
        match iv {
            IteratorValue::Map { func, iters } => {
                let mut args = Vec::with_capacity(iters.len());
                for i in iters.iter() {
                    match self.next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call_object(func, &args).map(Some)
            }
            IteratorValue::Filter { func, it } => loop {
                let Some(v) = self.next(it)? else { return Ok(None) };
                let keep = if func.kind() == Kind::None {
                    self.truthy(&v)?
                } else {
                    let r = self.call_object(func, &[v.clone()])?;
                    self.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            },
            IteratorValue::Zip { iters, strict } => {
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(iters.len());
                for (n, i) in iters.iter().enumerate() {
                    match self.next(i)? {
                        Some(v) => items.push(v),
                        None => {
                            if *strict {
                                if n > 0 {
                                    let plural = if n == 1 { format!("argument 1") } else { format!("arguments 1-{n}") };
                                    return Err(self.value_error(format!(
                                        "zip() argument {} is shorter than {plural}",
                                        n + 1
                                    )));
                                }
                                for (m, j) in iters.iter().enumerate().skip(1) {
                                    if self.next(j)?.is_some() {
                                        let plural =
                                            if m == 1 { format!("argument 1") } else { format!("arguments 1-{m}") };
                                        return Err(self.value_error(format!(
                                            "zip() argument {} is longer than {plural}",
                                            m + 1
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(self.new_tuple(items)))
            }
            IteratorValue::Enumerate { it, count } => {
                let Some(v) = self.next(it)? else { return Ok(None) };
                let n = count.get();
                count.set(n + 1);
                let i = self.new_int(n);
                Ok(Some(self.new_tuple(vec![i, v])))
            }
            IteratorValue::Reversed { seq, index } => {
                let i = index.get();
                if i <= 0 {
                    return Ok(None);
                }
                let len = self.len(seq)? as i64;
                index.set(i - 1);
                if i - 1 >= len {
                    index.set(0);
                    return Ok(None);
                }
                let k = self.new_int(i - 1);
                self.get_item(seq, &k).map(Some)
            }
            IteratorValue::CallIter { func, sentinel, done } => {
                if done.get() {
                    return Ok(None);
                }
                let v = self.call_object(func, &[])?;
                if self.eq(&v, sentinel)? {
                    done.set(true);
                    return Ok(None);
                }
                Ok(Some(v))
            }
            _ => Ok(None),
        }
    }
}

fn builtin_sorted(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let pos = a.positional_args();
    if pos.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", pos.len())));
    }
    let items = vm.iterate_to_vec(&pos[0])?;
    // CPython's sorted() builds the list, then hands the keywords to list.sort().
    let (_, kw) = kwargs(vm, "sort", &a, &["key", "reverse"])?;
    let reverse = super::list_methods::sort_reverse(vm, kw[1].as_ref())?;
    let out = vm.sort_objs(items, kw[0].as_ref(), reverse)?;
    Ok(vm.new_list(out))
}

fn min_max(vm: &mut Vm, a: CallArgs<'_>, name: &str, op: CmpOp) -> PyResult<Obj> {
    let (pos, kw) = kwargs(vm, name, &a, &["key", "default"])?;
    if pos.is_empty() {
        return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0")));
    }
    let items = if pos.len() == 1 {
        vm.iterate_to_vec(&pos[0])?
    } else {
        if kw[1].is_some() {
            return Err(vm.type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        pos.to_vec()
    };
    let key = kw[0].clone().filter(|k| k.kind() != Kind::None);
    let mut best: Option<(Obj, Obj)> = None;
    for x in items {
        let k = match &key {
            Some(f) => vm.call_object(f, &[x.clone()])?,
            None => x.clone(),
        };
        best = match best {
            None => Some((k, x)),
            Some((bk, bx)) => {
                let r = vm.compare(&k, &bk, op)?;
                if vm.truthy(&r)? { Some((k, x)) } else { Some((bk, bx)) }
            }
        };
    }
    match best {
        Some((_, x)) => Ok(x),
        None => match &kw[1] {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        },
    }
}

fn builtin_min(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    min_max(vm, a, "min", CmpOp::Lt)
}

fn builtin_max(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    min_max(vm, a, "max", CmpOp::Gt)
}

fn builtin_sum(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let params = Params { names: &["iterable", "start"], posonly: 1, required: 1 };
    let args = clinic_args(vm, "sum", &a, &params)?;
    let start = args[1].clone().unwrap_or_else(|| vm.new_int(0));
    match start.kind() {
        Kind::Str => return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]")),
        _ if vm.type_name(&start) == "bytes" => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"));
        }
        _ => {}
    }
    let it = vm.get_iter(args[0].as_ref().expect("required"))?;
    let mut acc = start;
    while let Some(x) = vm.next(&it)? {
        // Exact ints and floats add without dunder lookups (3.11 adds
        // floats plainly too: no compensated summation until 3.12), into
        // the running total's box when nothing else holds it, as the
        // eval loop's `+` reuses a popped operand's.
        acc = match vm.binary_fast_owned(acc, x, BinOp::Add) {
            Ok(r) => r,
            Err((acc, x)) => vm.binary_op(&acc, &x, BinOp::Add)?,
        };
    }
    Ok(acc)
}

fn builtin_any(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "any", &a)?;
    count_err(vm, "any", a.args.len(), 1, 1)?;
    let it = vm.get_iter(&a.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(vm.bool_obj(true));
        }
    }
    Ok(vm.bool_obj(false))
}

fn builtin_all(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "all", &a)?;
    count_err(vm, "all", a.args.len(), 1, 1)?;
    let it = vm.get_iter(&a.args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(vm.bool_obj(false));
        }
    }
    Ok(vm.bool_obj(true))
}

fn builtin_callable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "callable", &a)?;
    count_err(vm, "callable", a.args.len(), 1, 1)?;
    let r = vm.is_callable(&a.args[0]);
    Ok(vm.bool_obj(r))
}

impl Vm {
    /// `callable(o)`.
    pub(crate) fn is_callable(&mut self, o: &Obj) -> bool {
        match o.kind() {
            Kind::Function | Kind::BuiltinFunction | Kind::Type | Kind::BoundMethod => true,
            _ => self.lookup_special(o, "__call__").is_some(),
        }
    }
}

/// Rounds `x` to `nd` decimal digits as CPython does: through the
/// correctly rounded decimal string, ties to even.
pub(crate) fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if nd > 330 {
        return x;
    }
    if nd < -330 {
        return 0.0 * x.signum();
    }
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        if r == 0.0 { 0.0 * x.signum() } else { r }
    } else {
        // Exactly: x = m * 2**e; round x / 10**k half-to-even in integers,
        // then let the correctly rounded decimal parser make the double.
        let k = (-nd) as u32;
        let (m, e) = super::number_methods::float_parts(x);
        let p = num_traits::pow(BigInt::from(10), k as usize);
        let (num, den) = if e >= 0 { (m << e as usize, p) } else { (m, p << (-e) as usize) };
        let (q, r) = num_integer::Integer::div_mod_floor(&num, &den);
        let twice = &r * 2;
        let q = if twice > den || (twice == den && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
        let r: f64 = format!("{q}e{k}").parse().unwrap_or(x);
        if r.is_infinite() { x } else if r == 0.0 { 0.0 * x.signum() } else { r }
    }
}

fn builtin_round(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let params = Params { names: &["number", "ndigits"], posonly: 0, required: 1 };
    let args = clinic_args(vm, "round", &a, &params)?;
    let number = args[0].clone().expect("required");
    let nd = args[1].clone().filter(|n| n.kind() != Kind::None);
    let ndv = match &nd {
        Some(n) => match vm.big_int(n) {
            Some(b) => Some(b.to_i64().unwrap_or(if b.is_negative() { i64::MIN / 2 } else { i64::MAX / 2 })),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(n)
                )));
            }
        },
        None => None,
    };
    if let Some(f) = number.downcast::<FloatValue>() {
        let x = f.0;
        return match ndv {
            None => {
                if x.is_nan() {
                    return Err(vm.value_error("cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(vm.overflow_error("cannot convert float infinity to integer"));
                }
                use num_traits::FromPrimitive;
                Ok(vm.new_bigint(BigInt::from_f64(x.round_ties_even()).unwrap_or_default()))
            }
            Some(n) => Ok(vm.new_float(round_float(x, n))),
        };
    }
    if let Some(b) = vm.big_int(&number) {
        return match ndv {
            None => Ok(vm.new_bigint(b)),
            Some(n) if n >= 0 => Ok(vm.new_bigint(b)),
            Some(n) => {
                let p = num_traits::pow(BigInt::from(10), (-n).min(4000) as usize);
                let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
                Ok(vm.new_bigint(q * p))
            }
        };
    }
    match vm.lookup_special(&number, "__round__") {
        Some(m) => {
            let mut args = vec![number.clone()];
            if let Some(n) = nd {
                args.push(n);
            }
            vm.call_object(&m, &args)
        }
        None => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(&number)
        ))),
    }
}

fn builtin_divmod(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "divmod", &a)?;
    count_err(vm, "divmod", a.args.len(), 2, 2)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    let numeric = |o: &Obj| matches!(o.kind(), Kind::Int | Kind::Bool | Kind::Float);
    if !(numeric(x) && numeric(y)) {
        if let Some(m) = vm.lookup_special(x, "__divmod__") {
            let r = vm.call_object(&m, &[x.clone(), y.clone()])?;
            if !r.is(&vm.singletons.not_implemented) {
                return Ok(r);
            }
        }
        if let Some(m) = vm.lookup_special(y, "__rdivmod__") {
            let r = vm.call_object(&m, &[y.clone(), x.clone()])?;
            if !r.is(&vm.singletons.not_implemented) {
                return Ok(r);
            }
        }
        return Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(x),
            vm.type_name(y)
        )));
    }
    let q = vm.binary_op(x, y, BinOp::FloorDiv).map_err(|e| fix_zero(vm, e, "divmod"))?;
    let r = vm.binary_op(x, y, BinOp::Mod)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn fix_zero(vm: &Vm, e: PyErr, _what: &str) -> PyErr {
    if vm.isinstance(&e.0, &vm.types.exceptions.zero_division_error) {
        let msg = e.0.downcast::<ExceptionValue>().and_then(|ev| {
            let args = ev.args.borrow().clone();
            args.downcast::<TupleValue>().and_then(|t| t.0.first().map(|s| vm.str_lossy(s)))
        });
        if msg.as_deref() == Some("float floor division by zero") {
            return vm.zero_division("float divmod()");
        }
        if msg.as_deref() == Some("integer division or modulo by zero") {
            return vm.zero_division("integer division or modulo by zero");
        }
    }
    e
}

fn builtin_pow(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let params = Params { names: &["base", "exp", "mod"], posonly: 0, required: 2 };
    let args = clinic_args(vm, "pow", &a, &params)?;
    let (base, exp) = (args[0].clone().expect("required"), args[1].clone().expect("required"));
    let modulus = args[2].clone().filter(|m| m.kind() != Kind::None);
    let Some(m) = modulus else { return vm.binary_op(&base, &exp, BinOp::Pow) };
    let (Some(b), Some(e), Some(m)) = (vm.big_int(&base), vm.big_int(&exp), vm.big_int(&m)) else {
        return Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"));
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut b = num_integer::Integer::mod_floor(&b, &am);
    let mut e = e;
    if e.is_negative() {
        // Modular inverse by extended Euclid.
        let (mut r0, mut r1) = (b.clone(), am.clone());
        let (mut s0, mut s1) = (BigInt::one(), BigInt::zero());
        while !r1.is_zero() {
            let q = &r0 / &r1;
            let r2 = &r0 - &q * &r1;
            r0 = std::mem::replace(&mut r1, r2);
            let s2 = &s0 - &q * &s1;
            s0 = std::mem::replace(&mut s1, s2);
        }
        if !r0.is_one() {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        b = num_integer::Integer::mod_floor(&s0, &am);
        e = -e;
    }
    let mut r = b.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(vm.new_bigint(r))
}

fn builtin_dir(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "dir", &a)?;
    count_err(vm, "dir", a.args.len(), 0, 1)?;
    let mut names: Vec<Obj> = Vec::new();
    let Some(o) = a.args.first() else {
        let names_obj = vm.frames.last().and_then(|f| f.names.clone());
        if let Some(d) = names_obj {
            names = vm.dict_keys(&d);
        } else if let Some(f) = vm.frames.last() {
            let code = f.code.clone();
            let base = f.locals_base;
            for (i, n) in code.varnames.iter().enumerate() {
                if vm.stack.slot(base + i).is_some() {
                    names.push(vm.new_str(n));
                }
            }
        }
        return sorted_unique(vm, names);
    };
    if let Some(m) = o.downcast::<ModuleValue>() {
        names = vm.dict_keys(&m.dict.clone());
        return sorted_unique(vm, names);
    }
    if let Ok(d) = {
        let k = vm.intern("__dict__");
        vm.get_attr(o, &k)
    } {
        if d.kind() == Kind::Dict {
            names.extend(vm.dict_keys(&d));
        }
    }
    let t = if o.kind() == Kind::Type { o.clone() } else { o.type_obj() };
    let mro = t.downcast::<TypeValue>().map(|tv| tv.mro.borrow().clone()).unwrap_or_default();
    for c in mro {
        let tv = c.downcast::<TypeValue>().expect("type");
        let keys: Vec<Obj> = tv.dict.borrow().iter().map(|(k, _)| k.key.clone()).collect();
        names.extend(keys);
    }
    sorted_unique(vm, names)
}

fn sorted_unique(vm: &mut Vm, names: Vec<Obj>) -> PyResult<Obj> {
    let mut v: Vec<String> = names.iter().filter(|n| n.kind() == Kind::Str).map(|n| vm.str_lossy(n)).collect();
    v.sort();
    v.dedup();
    let objs = v.iter().map(|s| vm.new_str(s)).collect();
    Ok(vm.new_list(objs))
}

fn builtin_vars(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "vars", &a)?;
    count_err(vm, "vars", a.args.len(), 0, 1)?;
    let Some(o) = a.args.first() else { return vm.current_locals() };
    let k = vm.intern("__dict__");
    match vm.get_attr(o, &k) {
        Ok(d) => Ok(d),
        Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.attribute_error.clone()) => {
            Err(vm.type_error("vars() argument must have __dict__ attribute"))
        }
        Err(e) => Err(e),
    }
}

fn builtin_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "iter", &a)?;
    count_err(vm, "iter", a.args.len(), 1, 2)?;
    if a.args.len() == 1 {
        return vm.get_iter(&a.args[0]);
    }
    let f = &a.args[0];
    let is_callable = matches!(f.kind(), Kind::Function | Kind::BuiltinFunction | Kind::Type | Kind::BoundMethod)
        || vm.lookup_special(f, "__call__").is_some();
    if !is_callable {
        return Err(vm.type_error("iter(v, w): v must be callable"));
    }
    Ok(Obj::new(
        IteratorValue::CallIter { func: f.clone(), sentinel: a.args[1].clone(), done: Cell::new(false) },
        &vm.types.iterator,
    ))
}

fn builtin_input(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "input", &a)?;
    count_err(vm, "input", a.args.len(), 0, 1)?;
    if let Some(p) = a.args.first() {
        let s = vm.to_str(p)?;
        let _ = vm.stdout.write_all(s.as_bytes());
        let _ = vm.stdout.flush();
    }
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) | Err(_) => {
            let k = vm.intern("EOFError");
            let b = vm.builtins.clone();
            let t = vm.dict_get(&b, &k)?.expect("EOFError installed");
            Err(vm.err(&t, "EOF when reading a line"))
        }
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(&line))
        }
    }
}

use std::io::Write;

fn builtin_ord(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "ord", &a)?;
    count_err(vm, "ord", a.args.len(), 1, 1)?;
    if matches!(a.args[0].kind(), Kind::Bytes | Kind::ByteArray) {
        let d = vm.bytes_like(&a.args[0]).unwrap_or_default();
        if d.len() != 1 {
            return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", d.len())));
        }
        return Ok(vm.new_int(i64::from(d[0])));
    }
    let Some(s) = a.args[0].downcast::<StrValue>() else {
        return Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(&a.args[0])
        )));
    };
    if s.chars != 1 {
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars)));
    }
    let cp = s.text.code_points().next().expect("one char");
    Ok(vm.new_int(cp as i64))
}

fn new_map(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "map", &a)?;
    if a.args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for x in &a.args[2..] {
        iters.push(vm.get_iter(x)?);
    }
    Ok(Obj::new(IteratorValue::Map { func: a.args[1].clone(), iters: iters.into() }, &a.args[0]))
}

fn new_filter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "filter", &a)?;
    count_err(vm, "filter", a.args.len() - 1, 2, 2)?;
    let it = vm.get_iter(&a.args[2])?;
    Ok(Obj::new(IteratorValue::Filter { func: a.args[1].clone(), it }, &a.args[0]))
}

fn new_zip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = kwargs(vm, "zip", &a, &["strict"])?;
    let strict = match &kw[0] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut iters = Vec::new();
    for x in &pos[1..] {
        iters.push(vm.get_iter(x)?);
    }
    Ok(Obj::new(IteratorValue::Zip { iters: iters.into(), strict }, &pos[0]))
}

fn new_enumerate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let cls = &a.args[0];
    let rest = CallArgs { args: &a.args[1..], kwnames: a.kwnames };
    let params = Params { names: &["iterable", "start"], posonly: 0, required: 0 };
    let mut args = clinic_args(vm, "enumerate", &rest, &params)?;
    // enumerate parses with PyArg_ParseTupleAndKeywords, whose message has no position.
    let Some(iterable) = args[0].take() else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    let start = args[1].take();
    let n = match &start {
        Some(s) => match vm.small_int(s) {
            Some(n) => n,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(s)
                )));
            }
        },
        None => 0,
    };
    let it = vm.get_iter(&iterable)?;
    Ok(Obj::new(IteratorValue::Enumerate { it, count: Cell::new(n) }, cls))
}

fn new_reversed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, "reversed", &a)?;
    // reversed checks its count as a two-bound range: "expected 1 argument".
    if a.args.len() != 2 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", a.args.len() - 1)));
    }
    let seq = &a.args[1];
    if let Some(r) = seq.downcast::<RangeValue>() {
        return Ok(vm.range_iter(r, true));
    }
    match seq.kind() {
        Kind::List | Kind::Tuple | Kind::Str => {}
        _ => {
            if let Some(m) = vm.lookup_special(seq, "__reversed__") {
                return vm.call_object(&m, &[seq.clone()]);
            }
            if seq.kind() == Kind::Dict || vm.lookup_special(seq, "__getitem__").is_none() {
                return Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(seq))));
            }
        }
    }
    let n = vm.len(seq)? as i64;
    Ok(Obj::new(IteratorValue::Reversed { seq: seq.clone(), index: Cell::new(n) }, &a.args[0]))
}

