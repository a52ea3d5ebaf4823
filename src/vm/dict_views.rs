//! Dict comparison and the set-like side of dict views: `d1 == d2`,
//! `reversed(d)`, `keys() & other` (and `|`, `-`, `^`, reflected),
//! `isdisjoint`, and view equality.
//!
//! As in CPython, keys and items views act as sets: a binary operation
//! makes `set(view)` and updates it from the other operand (any
//! iterable). Reversed iterators walk a snapshot of the dict taken when
//! they are made (as the views' forward iterators do, see
//! `dict_methods.rs`).

use super::Vm;
use super::builtins_extra::set_type_method;
use super::dict_methods::{view_items, view_parts};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::cell::Cell;

/// `a == b` for two dicts: same size, and each key of `a` maps to an
/// equal value in `b`.
fn dicts_equal(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    if vm.len(a)? != vm.len(b)? {
        return Ok(false);
    }
    let entries: Vec<(Obj, Obj)> = a
        .downcast::<DictValue>()
        .map(|t| t.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect())
        .unwrap_or_default();
    vm.with_native_depth(" in comparison", |vm| {
        for (k, v) in entries {
            match vm.dict_get(b, &k)? {
                Some(w) if vm.eq(&v, &w)? => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    })
}

fn dict_compare(vm: &mut Vm, a: &CallArgs<'_>, equal: bool) -> PyResult<Obj> {
    let (x, y) = (&a.args[0], &a.args[1]);
    if x.kind() != Kind::Dict || y.kind() != Kind::Dict {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let r = dicts_equal(vm, x, y)?;
    Ok(vm.bool_obj(r == equal))
}

/// A reversed iterator of type `name` over `items`.
fn reversed_iterator(vm: &mut Vm, mut items: Vec<Obj>, name: &str) -> PyResult<Obj> {
    items.reverse();
    let key = vm.intern(&format!("__ouro_{name}"));
    let dt = vm.types.dict.clone();
    let t = vm.table_get_str(&dt.downcast::<TypeValue>().expect("type").dict, &key).expect("iterator type installed");
    let seq = vm.new_list(items);
    Ok(Obj::new(IteratorValue::Seq { seq, index: Cell::new(0) }, &t))
}

fn dict_reversed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "dict", "__reversed__", 0, 0, false)?;
    if a.args[0].kind() != Kind::Dict {
        return Err(vm.descriptor_mismatch("__reversed__", "dict", Some(&a.args[0])));
    }
    let keys = vm.dict_keys(&a.args[0]);
    reversed_iterator(vm, keys, "dict_reversekeyiterator")
}

fn view_reversed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (items, name) = view_items(vm, &a.args[0])?;
    let it = match name.as_str() {
        "dict_keys" => "dict_reversekeyiterator",
        "dict_values" => "dict_reversevalueiterator",
        _ => "dict_reverseitemiterator",
    };
    reversed_iterator(vm, items, it)
}

/// `set(view)`, updated by the set method `update` with `other`.
fn view_set_op(vm: &mut Vm, view: &Obj, other: &Obj, update: &str) -> PyResult<Obj> {
    let (items, _) = view_items(vm, view)?;
    let s = vm.new_set_of(false);
    for x in items {
        vm.set_add_key(&s, x)?;
    }
    let m = vm.lookup_special(&s, update).expect("set methods installed");
    vm.call_object(&m, &[s.clone(), other.clone()])?;
    Ok(s)
}

fn iterable_or_not_implemented(vm: &mut Vm, o: &Obj) -> bool {
    matches!(o.kind(), Kind::List | Kind::Tuple | Kind::Set | Kind::Dict | Kind::Str | Kind::Iterator | Kind::Generator)
        || vm.lookup_special(o, "__iter__").is_some()
}

fn view_binary(vm: &mut Vm, a: &CallArgs<'_>, update: &str, reflected: bool) -> PyResult<Obj> {
    let (view, other) = (&a.args[0], &a.args[1]);
    if !iterable_or_not_implemented(vm, other) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    if reflected && update == "difference_update" {
        // other - view: set(other) without the view's items.
        let s = vm.new_set_of(false);
        vm.set_update_from(&s, other)?;
        let m = vm.lookup_special(&s, "difference_update").expect("set methods installed");
        vm.call_object(&m, &[s.clone(), view.clone()])?;
        return Ok(s);
    }
    view_set_op(vm, view, other, update)
}

fn view_isdisjoint(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "dict_keys", "isdisjoint", 1, 1, false)?;
    let (items, _) = view_items(vm, &a.args[0])?;
    let s = vm.new_set_of(false);
    for x in items {
        vm.set_add_key(&s, x)?;
    }
    for x in vm.iterate_to_vec(&a.args[1])? {
        if vm.set_has(&s, &x)? {
            return Ok(vm.bool_obj(false));
        }
    }
    Ok(vm.bool_obj(true))
}

/// Keys and items views equal sets (and views) with the same elements.
fn view_compare(vm: &mut Vm, a: &CallArgs<'_>, equal: bool) -> PyResult<Obj> {
    let (view, other) = (&a.args[0], &a.args[1]);
    let other_is_view = view_parts(vm, other).is_ok_and(|(_, n)| n != "dict_values");
    if other.kind() != Kind::Set && !other_is_view {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let (items, _) = view_items(vm, view)?;
    let mine = vm.new_set_of(false);
    for x in items {
        vm.set_add_key(&mine, x)?;
    }
    let theirs = vm.new_set_of(false);
    vm.set_update_from(&theirs, other)?;
    let r = vm.compare(&mine, &theirs, crate::bytecode::CmpOp::Eq)?;
    let r = vm.truthy(&r)?;
    Ok(vm.bool_obj(r == equal))
}

pub(crate) fn install(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    set_type_method(vm, &dict, "__eq__", |vm, a| dict_compare(vm, &a, true));
    set_type_method(vm, &dict, "__ne__", |vm, a| dict_compare(vm, &a, false));
    set_type_method(vm, &dict, "__reversed__", dict_reversed);
    for name in ["dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator"] {
        let t = super::types::new_type(&vm.types.type_, name, &[vm.types.object.clone()], Kind::Iterator);
        let key = vm.intern(&format!("__ouro_{name}"));
        vm.table_set_str(&dict.downcast::<TypeValue>().expect("type").dict, key, t);
    }
    let set_like: &[(&'static str, NativeFn)] = &[
        ("__and__", |vm, a| view_binary(vm, &a, "intersection_update", false)),
        ("__rand__", |vm, a| view_binary(vm, &a, "intersection_update", true)),
        ("__or__", |vm, a| view_binary(vm, &a, "update", false)),
        ("__ror__", |vm, a| view_binary(vm, &a, "update", true)),
        ("__xor__", |vm, a| view_binary(vm, &a, "symmetric_difference_update", false)),
        ("__rxor__", |vm, a| view_binary(vm, &a, "symmetric_difference_update", true)),
        ("__sub__", |vm, a| view_binary(vm, &a, "difference_update", false)),
        ("__rsub__", |vm, a| view_binary(vm, &a, "difference_update", true)),
        ("__eq__", |vm, a| view_compare(vm, &a, true)),
        ("__ne__", |vm, a| view_compare(vm, &a, false)),
        ("isdisjoint", view_isdisjoint),
    ];
    for view in ["dict_keys", "dict_values", "dict_items"] {
        let key = vm.intern(&format!("__ouro_{view}"));
        let t = vm.table_get_str(&dict.downcast::<TypeValue>().expect("type").dict, &key).expect("view type installed");
        set_type_method(vm, &t, "__reversed__", view_reversed);
        if view != "dict_values" {
            for &(name, f) in set_like {
                set_type_method(vm, &t, name, f);
            }
        }
    }
}
