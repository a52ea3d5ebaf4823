//! The `range` type: construction, indexing and slicing, `in`, `index`,
//! `count`, equality and hash, reversal, and the `start`/`stop`/`step`
//! attributes, as CPython 3.11's `rangeobject.c`.
//!
//! Model: a range whose bounds and step all lie within ±2**61 keeps them
//! in the payload's i64 fields, where every sum and difference the
//! iteration and length code forms fits an i64 (the hot path). Others
//! (`range(10**20)`) carry a `BigRange` and take the BigInt paths; so do
//! the rarer operations (slicing, `index`) for all ranges.

use super::Vm;
use super::builtins_extra::set_type_method;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::cell::{Cell, RefCell};

/// Bounds beyond which a range is stored as BigInts.
const SMALL_LIMIT: i64 = 1 << 61;

fn small(b: &BigInt) -> Option<i64> {
    b.to_i64().filter(|v| v.abs() <= SMALL_LIMIT)
}

/// The number of items of `range(start, stop, step)`.
pub(crate) fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() { (start, stop, step.clone()) } else { (stop, start, -step) };
    if lo >= hi { BigInt::zero() } else { (hi - lo - 1u32) / step + 1u32 }
}

/// `(start, stop, step)` of a range object.
pub(crate) fn range_parts(r: &RangeValue) -> (BigInt, BigInt, BigInt) {
    match &r.big {
        Some(b) => (b.start.clone(), b.stop.clone(), b.step.clone()),
        None => (r.start.into(), r.stop.into(), r.step.into()),
    }
}

impl Vm {
    /// A range object (`step` is not zero).
    pub(crate) fn make_range(&self, start: BigInt, stop: BigInt, step: BigInt) -> Obj {
        let value = match (small(&start), small(&stop), small(&step)) {
            (Some(start), Some(stop), Some(step)) => RangeValue { start, stop, step, big: None },
            _ => RangeValue { start: 0, stop: 0, step: 1, big: Some(Box::new(BigRange { start, stop, step })) },
        };
        Obj::new(value, &self.types.range)
    }

    /// `len(r)`: an OverflowError past `sys.maxsize`, as in CPython.
    pub(crate) fn range_length(&self, r: &RangeValue) -> PyResult<usize> {
        if r.big.is_none() {
            return Ok(super::seq::range_len(r.start, r.stop, r.step));
        }
        let (start, stop, step) = range_parts(r);
        big_len(&start, &stop, &step)
            .to_i64()
            .map(|n| n as usize)
            .ok_or_else(|| self.overflow_error("Python int too large to convert to C ssize_t"))
    }

    /// `x in r` for an int `x`, in O(1).
    pub(crate) fn range_contains_int(&self, r: &RangeValue, x: &BigInt) -> bool {
        let (start, stop, step) = range_parts(r);
        let inside = if step.is_positive() { &start <= x && x < &stop } else { &start >= x && x > &stop };
        inside && ((x - &start) % &step).is_zero()
    }

    /// An iterator over `r` (reversed: from its last item down).
    pub(crate) fn range_iter(&self, r: &RangeValue, reversed: bool) -> Obj {
        if r.big.is_none() {
            let (next, stop, step) = if reversed {
                let n = super::seq::range_len(r.start, r.stop, r.step) as i64;
                if n == 0 { (0, 0, 1) } else { (r.start + (n - 1) * r.step, r.start - r.step, -r.step) }
            } else {
                (r.start, r.stop, r.step)
            };
            return Obj::new(IteratorValue::Range { next: Cell::new(next), stop, step }, &self.types.iterator);
        }
        let (start, stop, step) = range_parts(r);
        let n = big_len(&start, &stop, &step);
        let (first, remaining, step) = if reversed {
            if n.is_zero() { (start, n, step) } else { (&start + (&n - 1u32) * &step, n, -step) }
        } else {
            (start, n, step)
        };
        Obj::new(IteratorValue::BigRange { next: RefCell::new(first), remaining: RefCell::new(remaining), step }, &self.types.iterator)
    }

    /// `r.start`, `r.stop`, `r.step`.
    pub(crate) fn range_attr(&self, o: &Obj, name: &str) -> Option<Obj> {
        let (start, stop, step) = range_parts(o.downcast::<RangeValue>()?);
        match name {
            "start" => Some(self.new_bigint(start)),
            "stop" => Some(self.new_bigint(stop)),
            "step" => Some(self.new_bigint(step)),
            _ => None,
        }
    }

    pub(crate) fn range_repr(&self, r: &RangeValue) -> String {
        let (start, stop, step) = range_parts(r);
        if step.is_one() { format!("range({start}, {stop})") } else { format!("range({start}, {stop}, {step})") }
    }
}

fn arg_count(vm: &Vm, a: &CallArgs<'_>, name: &str, n: usize) -> PyResult<()> {
    super::list_methods::method_nargs(vm, a, "range", name, n, n, false)
}

fn this_range<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str) -> PyResult<&'a RangeValue> {
    a.args[0].downcast::<RangeValue>().ok_or_else(|| {
        vm.type_error(format!("descriptor '{name}' requires a 'range' object but received a '{}'", vm.type_name(&a.args[0])))
    })
}

/// `range(stop)`, `range(start, stop[, step])`.
pub(crate) fn new_range(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let n = a.args.len() - 1;
    if n == 0 {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}")));
    }
    let mut ints = Vec::with_capacity(n);
    for x in &a.args[1..] {
        ints.push(vm.index_value(x)?);
    }
    let (start, stop, step) = match ints.len() {
        1 => (BigInt::zero(), ints.pop().expect("one"), BigInt::one()),
        2 => {
            let stop = ints.pop().expect("two");
            (ints.pop().expect("two"), stop, BigInt::one())
        }
        _ => {
            let step = ints.pop().expect("three");
            let stop = ints.pop().expect("three");
            (ints.pop().expect("three"), stop, step)
        }
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.make_range(start, stop, step))
}

/// `r[i]` and `r[i:j:k]`.
fn range_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "__getitem__", 1)?;
    let r = this_range(vm, &a, "__getitem__")?;
    let (start, stop, step) = range_parts(r);
    let len = big_len(&start, &stop, &step);
    let key = &a.args[1];
    if key.kind() == Kind::Slice {
        let key = vm.resolve_slice(key)?;
        let name = vm.intern("indices");
        let indices = vm.get_attr(&key, &name)?;
        let len_obj = vm.new_bigint(len);
        let adjusted = vm.call_object(&indices, &[len_obj])?;
        let parts = vm.iterate_to_vec(&adjusted)?;
        let nums: Vec<BigInt> = parts.iter().filter_map(|p| vm.big_int(p)).collect();
        let [i, j, k] = &nums[..] else { unreachable!("slice.indices gives three ints") };
        return Ok(vm.make_range(&start + i * &step, &start + j * &step, &step * k));
    }
    if !matches!(key.kind(), Kind::Int | Kind::Bool) && vm.lookup_special(key, "__index__").is_none() {
        return Err(vm.type_error(format!("range indices must be integers or slices, not {}", vm.type_name(key))));
    }
    let i = vm.index_value(key)?;
    let i = if i.is_negative() { i + &len } else { i };
    if i.is_negative() || i >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(start + i * step))
}

fn range_index(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "index", 1)?;
    let r = this_range(vm, &a, "index")?;
    let x = &a.args[1];
    if matches!(x.kind(), Kind::Int | Kind::Bool) {
        let v = vm.big_int(x).expect("an int");
        if vm.range_contains_int(r, &v) {
            let (start, _, step) = range_parts(r);
            return Ok(vm.new_bigint((v - start) / step));
        }
    } else {
        // Other values: a linear search by equality, as CPython.
        let it = vm.range_iter(r, false);
        let mut i = 0i64;
        while let Some(item) = vm.next(&it)? {
            if vm.eq(&item, x)? {
                return Ok(vm.new_int(i));
            }
            i += 1;
        }
    }
    let rep = vm.repr(x)?;
    Err(vm.value_error(format!("{rep} is not in range")))
}

fn range_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "count", 1)?;
    let r = this_range(vm, &a, "count")?;
    let x = &a.args[1];
    if matches!(x.kind(), Kind::Int | Kind::Bool) {
        let v = vm.big_int(x).expect("an int");
        return Ok(vm.new_int(vm.range_contains_int(r, &v) as i64));
    }
    let it = vm.range_iter(r, false);
    let mut n = 0i64;
    while let Some(item) = vm.next(&it)? {
        n += vm.eq(&item, x)? as i64;
    }
    Ok(vm.new_int(n))
}

/// What decides range equality and hash: the length, then the first
/// item, then the step (CPython's `range_equals`).
fn range_key(r: &RangeValue) -> (BigInt, Option<BigInt>, Option<BigInt>) {
    let (start, stop, step) = range_parts(r);
    let len = big_len(&start, &stop, &step);
    if len.is_zero() {
        (len, None, None)
    } else if len.is_one() {
        (len, Some(start), None)
    } else {
        (len, Some(start), Some(step))
    }
}

fn range_compare(vm: &mut Vm, a: &CallArgs<'_>, equal: bool) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (a.args[0].downcast::<RangeValue>(), a.args.get(1).and_then(|o| o.downcast::<RangeValue>())) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let same = a.args[0].is(&a.args[1]) || range_key(x) == range_key(y);
    Ok(vm.bool_obj(same == equal))
}

fn range_hash(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "__hash__", 0)?;
    let (len, start, step) = range_key(this_range(vm, &a, "__hash__")?);
    let none = vm.none();
    let items = vec![
        vm.new_bigint(len),
        start.map(|s| vm.new_bigint(s)).unwrap_or_else(|| none.clone()),
        step.map(|s| vm.new_bigint(s)).unwrap_or(none),
    ];
    let t = vm.new_tuple(items);
    let h = vm.hash(&t)?;
    Ok(vm.new_int(h))
}

fn range_len_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "__len__", 0)?;
    let n = vm.range_length(this_range(vm, &a, "__len__")?)?;
    Ok(vm.new_int(n as i64))
}

fn range_bool(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "__bool__", 0)?;
    let (start, stop, step) = range_parts(this_range(vm, &a, "__bool__")?);
    Ok(vm.bool_obj(!big_len(&start, &stop, &step).is_zero()))
}

fn range_reversed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arg_count(vm, &a, "__reversed__", 0)?;
    let r = this_range(vm, &a, "__reversed__")?;
    Ok(vm.range_iter(r, true))
}

impl Vm {
    /// Advances a `BigRange` iterator.
    pub(crate) fn next_big_range(&self, next: &RefCell<BigInt>, remaining: &RefCell<BigInt>, step: &BigInt) -> Option<Obj> {
        if remaining.borrow().is_zero() {
            return None;
        }
        *remaining.borrow_mut() -= 1u32;
        let v = next.borrow().clone();
        *next.borrow_mut() += step;
        Some(self.new_bigint(v))
    }
}

pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types.range.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__getitem__", range_getitem),
        ("index", range_index),
        ("count", range_count),
        ("__eq__", |vm, a| range_compare(vm, &a, true)),
        ("__ne__", |vm, a| range_compare(vm, &a, false)),
        ("__hash__", range_hash),
        ("__len__", range_len_method),
        ("__bool__", range_bool),
        ("__reversed__", range_reversed),
    ];
    for &(name, f) in methods {
        set_type_method(vm, &t, name, f);
    }
}
