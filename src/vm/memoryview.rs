//! `memoryview` over bytes and bytearray (format `'B'`, one dimension):
//! indexing, slicing (a view of the view), item assignment through a
//! bytearray, `tobytes`/`tolist`/`hex`, `release` and the `with`
//! protocol.
//!
//! Model: a view stores its base object and an arithmetic window
//! (`start`, `step`, `len`). CPython forbids resizing a bytearray while
//! views exist; ouro does not track exports, so every access re-checks
//! the window against the base's current length and reads nothing (or
//! raises IndexError) past it, never panicking.

use super::Vm;
use super::builtins_extra::{set_builtin, set_type_method};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::cell::{Cell, RefCell};

pub(crate) fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__new__", mv_new),
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__iter__", mv_iter),
        ("__eq__", mv_eq),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("tobytes", mv_tobytes),
        ("tolist", mv_tolist),
        ("hex", mv_hex),
        ("release", mv_release),
    ];
    let t = vm.types.memoryview.clone();
    for &(name, f) in methods {
        set_type_method(vm, &t, name, f);
    }
    let props: &[(&'static str, NativeFn)] =
        &[("readonly", mv_readonly), ("nbytes", mv_len), ("obj", mv_obj), ("itemsize", mv_itemsize), ("format", mv_format)];
    for &(name, f) in props {
        let getter = vm.new_builtin(name, f);
        let p = Obj::new(
            DescrValue::Property { fget: Some(getter), fset: None, fdel: None, doc: None, name: RefCell::new(None) },
            &vm.types.property,
        );
        let key = vm.intern(name);
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, p);
    }
    set_builtin(vm, "memoryview", t);
}

impl Vm {
    /// The bytes a memoryview shows (the part still inside its base).
    pub(crate) fn memoryview_bytes(&self, o: &Obj) -> Option<Vec<u8>> {
        let m = o.downcast::<MemoryViewValue>()?;
        let base = self.bytes_like(&m.base)?;
        Some(view_indices(m).filter_map(|i| base.get(i).copied()).collect())
    }
}

fn view_indices(m: &MemoryViewValue) -> impl Iterator<Item = usize> + '_ {
    (0..m.len).map(move |i| (m.start as isize + i as isize * m.step) as usize)
}

fn this<'a>(vm: &Vm, a: &'a CallArgs<'_>, name: &str) -> PyResult<&'a MemoryViewValue> {
    let Some(m) = a.args.first().and_then(|o| o.downcast::<MemoryViewValue>()) else {
        return Err(vm.descriptor_mismatch(name, "memoryview", a.args.first()));
    };
    if m.released.get() {
        return Err(vm.value_error("operation forbidden on released memoryview object"));
    }
    Ok(m)
}

fn mv_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::builtins_extra::kwargs(vm, "memoryview", &a, &["object"])?;
    let Some(base) = pos.get(1).cloned().or(kw[0].clone()) else {
        return Err(vm.type_error("memoryview() missing required argument 'object' (pos 1)"));
    };
    let (base, start, step, len) = match base.downcast::<MemoryViewValue>() {
        Some(m) => (m.base.clone(), m.start, m.step, m.len),
        None => match vm.bytes_like(&base) {
            Some(d) => (base.clone(), 0, 1, d.len()),
            None => {
                return Err(vm.type_error(format!("memoryview: a bytes-like object is required, not '{}'", vm.type_name(&base))));
            }
        },
    };
    Ok(Obj::new(MemoryViewValue { base, start, step, len, released: Cell::new(false) }, &vm.types.memoryview))
}

fn mv_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = this(vm, &a, "__len__")?;
    Ok(vm.new_int(m.len as i64))
}

fn mv_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = this(vm, &a, "__getitem__")?;
    let key = vm.positional("__getitem__", &a, 2, 2)?[1].clone();
    if let Some(s) = key.downcast::<SliceValue>() {
        let idx = vm.slice_indices(s, m.len)?;
        let slice_step = vm.small_int(&s.step).unwrap_or(1) as isize;
        let start = idx.first().map_or(m.start, |&i| (m.start as isize + i as isize * m.step) as usize);
        let view = MemoryViewValue { base: m.base.clone(), start, step: m.step * slice_step, len: idx.len(), released: Cell::new(false) };
        return Ok(Obj::new(view, &vm.types.memoryview));
    }
    let i = vm.byte_index(&key, m.len, "memoryview")?;
    let pos = (m.start as isize + i as isize * m.step) as usize;
    match vm.bytes_like(&m.base).and_then(|d| d.get(pos).copied()) {
        Some(b) => Ok(vm.new_int(i64::from(b))),
        None => Err(vm.index_error("index out of bounds on dimension 1")),
    }
}

fn mv_setitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = this(vm, &a, "__setitem__")?;
    let args = vm.positional("__setitem__", &a, 3, 3)?;
    let Some(buf) = m.base.downcast::<ByteArrayValue>() else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    let positions: Vec<usize> = match args[1].downcast::<SliceValue>() {
        Some(s) => {
            let idx = vm.slice_indices(s, m.len)?;
            idx.into_iter().map(|i| (m.start as isize + i as isize * m.step) as usize).collect()
        }
        None => {
            let i = vm.byte_index(&args[1], m.len, "memoryview")?;
            let v = vm.byte_value(&args[2]).map_err(|_| vm.type_error("memoryview: invalid type for format 'B'"))?;
            let pos = (m.start as isize + i as isize * m.step) as usize;
            match buf.0.borrow_mut().get_mut(pos) {
                Some(slot) => *slot = v,
                None => return Err(vm.index_error("index out of bounds on dimension 1")),
            }
            return Ok(vm.none());
        }
    };
    let data = vm.bytes_arg(&args[2])?;
    if data.len() != positions.len() {
        return Err(vm.value_error("memoryview assignment: lvalue and rvalue have different structures"));
    }
    let mut b = buf.0.borrow_mut();
    for (pos, v) in positions.into_iter().zip(data) {
        if let Some(slot) = b.get_mut(pos) {
            *slot = v;
        }
    }
    Ok(vm.none())
}

fn mv_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "__iter__")?;
    Ok(Obj::new(IteratorValue::Seq { seq: a.args[0].clone(), index: Cell::new(0) }, &vm.types.iterator))
}

fn mv_eq(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("__eq__", &a, 2, 2)?;
    if args[0].is(&args[1]) {
        return Ok(vm.bool_obj(true));
    }
    let mine = vm.memoryview_bytes(&args[0]);
    match (mine, vm.bytes_like(&args[1])) {
        (Some(x), Some(y)) => Ok(vm.bool_obj(x == y)),
        _ => Ok(vm.singletons.not_implemented.clone()),
    }
}

fn mv_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let o = &a.args[0];
    let released = o.downcast::<MemoryViewValue>().is_some_and(|m| m.released.get());
    let s = if released { format!("<released memory at {:#x}>", o.addr()) } else { format!("<memory at {:#x}>", o.addr()) };
    Ok(vm.new_str(&s))
}

fn mv_enter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "__enter__")?;
    Ok(a.args[0].clone())
}

fn mv_exit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if let Some(m) = a.args.first().and_then(|o| o.downcast::<MemoryViewValue>()) {
        m.released.set(true);
    }
    Ok(vm.none())
}

fn mv_release(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    mv_exit(vm, a)
}

fn mv_tobytes(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "tobytes")?;
    let d = vm.memoryview_bytes(&a.args[0]).unwrap_or_default();
    Ok(vm.new_bytes(d))
}

fn mv_tolist(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "tolist")?;
    let d = vm.memoryview_bytes(&a.args[0]).unwrap_or_default();
    let items = d.into_iter().map(|b| vm.new_int(i64::from(b))).collect();
    Ok(vm.new_list(items))
}

fn mv_hex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "hex")?;
    let d = vm.memoryview_bytes(&a.args[0]).unwrap_or_default();
    let s: String = d.iter().map(|b| format!("{b:02x}")).collect();
    Ok(vm.new_str(&s))
}

fn mv_readonly(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = this(vm, &a, "readonly")?;
    Ok(vm.bool_obj(m.base.kind() != Kind::ByteArray))
}

fn mv_obj(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let m = this(vm, &a, "obj")?;
    Ok(m.base.clone())
}

fn mv_itemsize(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "itemsize")?;
    Ok(vm.new_int(1))
}

fn mv_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "format")?;
    Ok(vm.new_str("B"))
}
