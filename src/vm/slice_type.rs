//! The `slice` type's Python face: the constructor, `start`/`stop`/`step`,
//! `indices()`, repr and comparisons. (Slicing sequences is in `seq.rs`.)
//!
//! Slices compare as the tuples `(start, stop, step)` and are unhashable,
//! as in CPython 3.11. `indices()` follows `PySlice_Unpack` and
//! `PySlice_AdjustIndices`, in i128 so that no clamping overflows.

use super::Vm;
use super::builtins_extra::{set_builtin, set_type_method};
use crate::bytecode::CmpOp;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use num_traits::ToPrimitive;

fn new_slice(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let args = a.args;
    match args.len() - 1 {
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n if n > 3 => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {n}"))),
        _ => {}
    }
    let none = vm.none();
    let (start, stop, step) = match &args[1..] {
        [stop] => (none.clone(), stop.clone(), none),
        [start, stop] => (start.clone(), stop.clone(), none),
        [start, stop, step] => (start.clone(), stop.clone(), step.clone()),
        _ => unreachable!("counted by positional"),
    };
    Ok(Obj::new(SliceValue { start, stop, step }, &vm.types.slice))
}

fn this_slice<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str) -> PyResult<&'a SliceValue> {
    match a.args.first().and_then(|s| s.downcast::<SliceValue>()) {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("descriptor '{name}' requires a 'slice' object"))),
    }
}

fn slice_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "slice", "__repr__", 0, 0, false)?;
    let s = this_slice(vm, &a, "__repr__")?;
    let text = format!("slice({}, {}, {})", vm.repr(&s.start)?, vm.repr(&s.stop)?, vm.repr(&s.step)?);
    Ok(vm.new_str(&text))
}

/// An index-like bound as i128 (`None` stays `None`); big values are
/// clamped, which cannot change the adjusted result.
fn bound(vm: &mut Vm, o: &Obj) -> PyResult<Option<i128>> {
    if o.kind() == Kind::None {
        return Ok(None);
    }
    let b = vm.index_value(o).map_err(|_| {
        vm.type_error("slice indices must be integers or None or have an __index__ method")
    })?;
    Ok(Some(b.to_i128().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN as i128 * 4 } else { i64::MAX as i128 * 4 })))
}

fn slice_indices(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "slice", "indices", 1, 1, false)?;
    let s = this_slice(vm, &a, "indices")?;
    let length = vm.index_value(&a.args[1])?;
    if length.sign() == num_bigint::Sign::Minus {
        return Err(vm.value_error("length should not be negative"));
    }
    let length = length.to_i128().unwrap_or(i128::MAX / 4);
    let step = bound(vm, &s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, length - 1) } else { (0, length) };
    let adjust = |v: Option<i128>, default: i128| match v {
        None => default,
        Some(v) if v < 0 => (v + length).max(lower),
        Some(v) => v.min(upper),
    };
    let start = adjust(bound(vm, &s.start)?, if step < 0 { upper } else { lower });
    let stop = adjust(bound(vm, &s.stop)?, if step < 0 { lower } else { upper });
    let items = [start, stop, step].map(|v| vm.new_bigint(num_bigint::BigInt::from(v))).to_vec();
    Ok(vm.new_tuple(items))
}

/// The comparisons: as `(start, stop, step)` tuples.
fn compare(vm: &mut Vm, a: &CallArgs<'_>, op: CmpOp) -> PyResult<Obj> {
    let (Some(x), Some(y)) = (a.args[0].downcast::<SliceValue>(), a.args.get(1).and_then(|o| o.downcast::<SliceValue>())) else {
        return Ok(vm.singletons.not_implemented.clone());
    };
    let tx = vm.new_tuple(vec![x.start.clone(), x.stop.clone(), x.step.clone()]);
    let ty = vm.new_tuple(vec![y.start.clone(), y.stop.clone(), y.step.clone()]);
    vm.compare(&tx, &ty, op)
}

pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types.slice.clone();
    set_type_method(vm, &t, "__new__", new_slice);
    set_type_method(vm, &t, "__repr__", slice_repr);
    set_type_method(vm, &t, "indices", slice_indices);
    let comparisons: &[(&'static str, NativeFn)] = &[
        ("__eq__", |vm, a| compare(vm, &a, CmpOp::Eq)),
        ("__ne__", |vm, a| compare(vm, &a, CmpOp::Ne)),
        ("__lt__", |vm, a| compare(vm, &a, CmpOp::Lt)),
        ("__le__", |vm, a| compare(vm, &a, CmpOp::Le)),
        ("__gt__", |vm, a| compare(vm, &a, CmpOp::Gt)),
        ("__ge__", |vm, a| compare(vm, &a, CmpOp::Ge)),
    ];
    for &(name, f) in comparisons {
        set_type_method(vm, &t, name, f);
    }
    let key = vm.intern("__hash__");
    let none = vm.none();
    vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, none);
    set_builtin(vm, "slice", t);
}

impl Vm {
    /// `s.start`, `s.stop`, `s.step`.
    pub(crate) fn slice_attr(&self, o: &Obj, name: &str) -> Option<Obj> {
        let s = o.downcast::<SliceValue>()?;
        match name {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        }
    }
}
