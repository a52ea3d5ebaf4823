//! The mutating methods of `bytearray`: item and slice assignment and
//! deletion, `append`/`extend`/`insert`/`pop`/`remove`/`clear`/
//! `reverse`/`copy`, and the in-place `+=` and `*=`.
//!
//! Invariant: the buffer is borrowed only for plain Rust work; every
//! argument is converted to bytes (which may call Python's `__index__` or
//! `__iter__`) before the borrow is taken.

use super::Vm;
use super::builtins_extra::set_type_method;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("clear", ba_clear),
        ("reverse", ba_reverse),
        ("copy", ba_copy),
    ];
    let t = vm.types.bytearray.clone();
    for &(name, f) in methods {
        set_type_method(vm, &t, name, f);
    }
}

fn this<'a>(vm: &Vm, a: &'a CallArgs<'_>, name: &str, min: usize, max: usize) -> PyResult<(&'a ByteArrayValue, &'a [Obj])> {
    super::list_methods::method_nargs(vm, a, "bytearray", name, min, max, false)?;
    let Some(b) = a.args.first().and_then(|o| o.downcast::<ByteArrayValue>()) else {
        return Err(vm.descriptor_mismatch(name, "bytearray", a.args.first()));
    };
    Ok((b, &a.args[1..]))
}

impl Vm {
    /// The bytes an assignment or `extend` takes: a bytes-like object or
    /// an iterable of ints in range(256).
    fn bytes_from_iterable(&mut self, v: &Obj, what: &str) -> PyResult<Vec<u8>> {
        if let Some(d) = self.bytes_like(v) {
            return Ok(d);
        }
        if matches!(v.kind(), Kind::Int | Kind::Bool | Kind::Str) {
            return Err(self.type_error(what.to_string()));
        }
        let it = match self.get_iter(v) {
            Ok(it) => it,
            Err(e) if self.isinstance(&e.0, &self.types.exceptions.type_error) => {
                return Err(self.type_error(what.to_string()));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(x) = self.next(&it)? {
            out.push(self.byte_value(&x)?);
        }
        Ok(out)
    }
}

fn ba_setitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "__setitem__", 2, 2)?;
    let (key, value) = (&args[0], &args[1]);
    let Some(s) = key.downcast::<SliceValue>() else {
        let v = vm.byte_value(value)?;
        let len = b.0.borrow().len();
        let i = vm.byte_index(key, len, "bytearray")?;
        // `__index__` may have shrunk the buffer meanwhile.
        match b.0.borrow_mut().get_mut(i) {
            Some(slot) => *slot = v,
            None => return Err(vm.index_error("bytearray index out of range")),
        }
        return Ok(vm.none());
    };
    let data = vm.bytes_from_iterable(value, "can assign only bytes, buffers, or iterables of ints in range(0, 256)")?;
    let len = b.0.borrow().len();
    let idx = vm.slice_indices(s, len)?;
    let simple = s.step.kind() == Kind::None || vm.small_int(&s.step) == Some(1);
    if simple {
        let start = match idx.first() {
            Some(&i) => i,
            None => {
                let none = vm.none();
                let from = SliceValue { start: s.start.clone(), stop: none.clone(), step: none };
                vm.slice_indices(&from, len)?.first().copied().unwrap_or(len)
            }
        };
        b.0.borrow_mut().splice(start..start + idx.len(), data);
        return Ok(vm.none());
    }
    if data.len() != idx.len() {
        return Err(vm.value_error(format!(
            "attempt to assign bytes of size {} to extended slice of size {}",
            data.len(),
            idx.len()
        )));
    }
    let mut buf = b.0.borrow_mut();
    for (i, v) in idx.into_iter().zip(data) {
        buf[i] = v;
    }
    Ok(vm.none())
}

fn ba_delitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "__delitem__", 1, 1)?;
    let len = b.0.borrow().len();
    let Some(s) = args[0].downcast::<SliceValue>() else {
        let i = vm.byte_index(&args[0], len, "bytearray")?;
        if i >= b.0.borrow().len() {
            return Err(vm.index_error("bytearray index out of range"));
        }
        b.0.borrow_mut().remove(i);
        return Ok(vm.none());
    };
    let mut idx = vm.slice_indices(s, len)?;
    idx.sort_unstable();
    let mut buf = b.0.borrow_mut();
    for i in idx.into_iter().rev() {
        buf.remove(i);
    }
    Ok(vm.none())
}

fn ba_iadd(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "__iadd__", 1, 1)?;
    let Some(more) = vm.bytes_like(&args[0]) else {
        return Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(&args[0]))));
    };
    b.0.borrow_mut().extend_from_slice(&more);
    Ok(a.args[0].clone())
}

fn ba_imul(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "__imul__", 1, 1)?;
    let data = b.0.borrow().clone();
    match super::bytes::repeat_bytes(vm, &data, &args[0])? {
        Some(r) => {
            *b.0.borrow_mut() = r;
            Ok(a.args[0].clone())
        }
        None => Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(&args[0])))),
    }
}

fn ba_append(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "append", 1, 1)?;
    let v = vm.byte_value(&args[0])?;
    b.0.borrow_mut().push(v);
    Ok(vm.none())
}

fn ba_extend(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "extend", 1, 1)?;
    let msg = format!("can't extend bytearray with {}", vm.type_name(&args[0]));
    let data = vm.bytes_from_iterable(&args[0], &msg)?;
    b.0.borrow_mut().extend_from_slice(&data);
    Ok(vm.none())
}

fn ba_insert(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if a.args.len() != 3 || !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", a.args.len().saturating_sub(1))));
    }
    let (b, args) = this(vm, &a, "insert", 2, 2)?;
    let i = vm.index_value(&args[0])?;
    let v = vm.byte_value(&args[1])?;
    let len = b.0.borrow().len() as i64;
    let i = num_traits::ToPrimitive::to_i64(&i).unwrap_or(if num_traits::Signed::is_negative(&i) { -len } else { len });
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    b.0.borrow_mut().insert(j as usize, v);
    Ok(vm.none())
}

fn ba_pop(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "pop", 0, 1)?;
    let index = match args.first() {
        Some(x) => Some(vm.index_value(x)?),
        None => None,
    };
    let len = b.0.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let i = match index {
        Some(i) => {
            let i = num_traits::ToPrimitive::to_i64(&i).unwrap_or(i64::MAX);
            let j = if i < 0 { i + len as i64 } else { i };
            if j < 0 || j >= len as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => len - 1,
    };
    let v = b.0.borrow_mut().remove(i);
    Ok(vm.new_int(i64::from(v)))
}

fn ba_remove(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, args) = this(vm, &a, "remove", 1, 1)?;
    let v = vm.byte_value(&args[0])?;
    let pos = b.0.borrow().iter().position(|&x| x == v);
    match pos {
        Some(i) => {
            b.0.borrow_mut().remove(i);
            Ok(vm.none())
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, _) = this(vm, &a, "clear", 0, 0)?;
    b.0.borrow_mut().clear();
    Ok(vm.none())
}

fn ba_reverse(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, _) = this(vm, &a, "reverse", 0, 0)?;
    b.0.borrow_mut().reverse();
    Ok(vm.none())
}

fn ba_copy(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (b, _) = this(vm, &a, "copy", 0, 0)?;
    let d = b.0.borrow().clone();
    Ok(vm.new_bytearray(d))
}
