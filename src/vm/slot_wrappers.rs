//! Slot wrappers: the dunder methods of builtin types, reachable as
//! attributes (`d.__len__`, `it.__next__`, `list.__getitem__(l, 0)`), as
//! CPython exposes its type slots in each builtin type's namespace.
//!
//! Each wrapper calls the VM's generic protocol operation (`len`,
//! `get_iter`, `next`, `contains`, `get_item`), never the dunder itself.
//! Invariant: a wrapper is installed only on types whose kind that
//! operation handles natively, before any `lookup_special` of the same
//! name; otherwise the operation would find the wrapper and recurse.

use super::builtins_extra::set_type_method;
use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::TypeValue;
use crate::object::{CallArgs, NativeFn, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let t = &vm.types;
    let (list, tuple, str_, dict, range) = (t.list.clone(), t.tuple.clone(), t.str_.clone(), t.dict.clone(), t.range.clone());
    let iterator = t.iterator.clone();
    let wrappers: &[(&'static str, NativeFn)] =
        &[("__len__", slot_len), ("__iter__", slot_iter), ("__contains__", slot_contains)];
    for ty in [&list, &tuple, &str_, &dict, &range] {
        for &(name, f) in wrappers {
            set_type_method(vm, ty, name, f);
        }
    }
    for ty in [&list, &tuple, &str_] {
        set_type_method(vm, ty, "__getitem__", slot_getitem);
    }
    set_type_method(vm, &list, "__setitem__", slot_setitem);
    set_type_method(vm, &list, "__delitem__", slot_delitem);
    for ty in [&list, &tuple, &dict] {
        set_type_method(vm, ty, "__repr__", slot_container_repr);
    }
    let (int, float) = (vm.types.int.clone(), vm.types.float.clone());
    for ty in [&int, &float, &str_] {
        set_type_method(vm, ty, "__repr__", slot_value_repr);
    }
    set_type_method(vm, &iterator, "__iter__", slot_iter);
    set_type_method(vm, &iterator, "__next__", slot_next);
    // The mutable containers say they are unhashable, as CPython's do
    // (`list.__hash__ is None`); `collections.abc.Hashable` reads it.
    let none = vm.none();
    for ty in [vm.types.list.clone(), vm.types.dict.clone(), vm.types.set.clone()] {
        let key = vm.intern("__hash__");
        vm.table_set_str(&ty.downcast::<TypeValue>().expect("type").dict, key, none.clone());
    }
    let t = &vm.types;
    for ty in [t.function.clone(), t.builtin_function.clone(), t.bound_method.clone()] {
        set_type_method(vm, &ty, "__call__", slot_call);
    }
}

/// `f.__call__(*args, **kwargs)` of a function, builtin or bound method:
/// `call`, which dispatches on the kind and never looks `__call__` up.
fn slot_call(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let Some((this, rest)) = a.args.split_first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    vm.call(this, rest, a.kwnames)
}

/// The receiver and the remaining arguments, with CPython's arity message.
fn receiver<'a>(vm: &Vm, name: &str, a: &CallArgs<'a>, nargs: usize) -> PyResult<(&'a Obj, &'a [Obj])> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    match a.args.split_first() {
        Some((this, rest)) if rest.len() == nargs => Ok((this, rest)),
        Some((_, rest)) => Err(vm.type_error(format!(
            "expected {nargs} argument{}, got {}",
            if nargs == 1 { "" } else { "s" },
            rest.len()
        ))),
        None => Err(vm.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

fn slot_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, _) = receiver(vm, "__len__", &a, 0)?;
    // The layout's length: a subclass's `__len__` may be the caller.
    let n = vm.layout_len(this)?;
    Ok(vm.new_int(n as i64))
}

fn slot_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, _) = receiver(vm, "__iter__", &a, 0)?;
    if matches!(this.kind(), Kind::List | Kind::Tuple | Kind::Str) {
        // `super().__iter__()` in a subclass that overrides `__iter__`.
        return Ok(vm.items_iter(this));
    }
    vm.get_iter(this)
}

fn slot_next(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, _) = receiver(vm, "__next__", &a, 0)?;
    if this.kind() != Kind::Iterator {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(this))));
    }
    match vm.next(this)? {
        Some(v) => Ok(v),
        None => {
            let none = vm.none();
            Err(vm.stop_iteration(none))
        }
    }
}

fn slot_contains(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, "__contains__", &a, 1)?;
    let found = vm.contains(this, &rest[0])?;
    Ok(vm.bool_obj(found))
}

fn slot_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, "__getitem__", &a, 1)?;
    // The layout's item: a subclass's `__getitem__` may be the caller.
    vm.layout_get_item(this, &rest[0])
}

fn slot_setitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, "__setitem__", &a, 2)?;
    vm.layout_set_item(this, rest[0].clone(), rest[1].clone())?;
    Ok(vm.none())
}

fn slot_delitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, rest) = receiver(vm, "__delitem__", &a, 1)?;
    vm.layout_del_item(this, &rest[0])?;
    Ok(vm.none())
}

/// `list.__repr__` and friends: the builtin layout's repr, never a
/// subclass's `__repr__` (which may be the caller).
fn slot_container_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, _) = receiver(vm, "__repr__", &a, 0)?;
    if !matches!(this.kind(), Kind::List | Kind::Tuple | Kind::Dict) {
        return Err(vm.type_error(format!("descriptor '__repr__' does not apply to a '{}' object", vm.type_name(this))));
    }
    let text = vm.repr_container(this)?;
    Ok(vm.new_str(&text))
}

/// `int.__repr__`, `float.__repr__`, `str.__repr__`.
fn slot_value_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (this, _) = receiver(vm, "__repr__", &a, 0)?;
    if !matches!(this.kind(), Kind::Int | Kind::Float | Kind::Str) {
        return Err(vm.type_error(format!("descriptor '__repr__' does not apply to a '{}' object", vm.type_name(this))));
    }
    let text = vm.builtin_value_repr(this)?;
    Ok(vm.new_str(&text))
}
