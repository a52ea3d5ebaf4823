//! Methods of dict, and the views `keys()`/`values()`/`items()`.
//!
//! A view is an instance of `dict_keys`/`dict_values`/`dict_items` that
//! holds its dict (under a private key of its namespace) and reads it live
//! on each use.

use super::Vm;
use super::builtins_extra::set_type_method;
use crate::bytecode::{BinOp, CmpOp};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::cell::RefCell;

const VIEW_KEY: &str = "__view_dict__";

pub(crate) fn install(vm: &mut Vm) {
    let dict = vm.types.dict.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__or__", dict_or),
        ("__ior__", dict_ior),
        ("__init__", dict_init),
        ("__reversed__", dict_reversed),
        ("__eq__", |vm, a| dict_eq(vm, a, true)),
        ("__ne__", |vm, a| dict_eq(vm, a, false)),
    ];
    for &(name, f) in methods {
        set_type_method(vm, &dict, name, f);
    }
    // A classmethod, as in CPython: `D.fromkeys(...)` makes a `D`.
    let fromkeys = vm.new_builtin("fromkeys", dict_fromkeys);
    let cm = Obj::new(DescrValue::ClassMethod(fromkeys), &vm.types.classmethod);
    let key = vm.intern("fromkeys");
    vm.table_set_str(&dict.downcast::<TypeValue>().expect("type").dict, key, cm);
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let t = super::types::new_type(&vm.types.type_, name, &[vm.types.object.clone()], Kind::Instance);
        set_type_method(vm, &t, "__iter__", view_iter);
        set_type_method(vm, &t, "__len__", view_len);
        set_type_method(vm, &t, "__contains__", view_contains);
        set_type_method(vm, &t, "__repr__", view_repr);
        set_type_method(vm, &t, "__reversed__", view_reversed);
        if name != "dict_values" {
            let set_like: &[(&'static str, NativeFn)] = &[
                ("__eq__", |vm, a| view_compare(vm, a, CmpOp::Eq)),
                ("__ne__", |vm, a| view_compare(vm, a, CmpOp::Ne)),
                ("__lt__", |vm, a| view_compare(vm, a, CmpOp::Lt)),
                ("__le__", |vm, a| view_compare(vm, a, CmpOp::Le)),
                ("__gt__", |vm, a| view_compare(vm, a, CmpOp::Gt)),
                ("__ge__", |vm, a| view_compare(vm, a, CmpOp::Ge)),
                ("__and__", |vm, a| view_set_op(vm, a, BinOp::And, false)),
                ("__or__", |vm, a| view_set_op(vm, a, BinOp::Or, false)),
                ("__sub__", |vm, a| view_set_op(vm, a, BinOp::Sub, false)),
                ("__xor__", |vm, a| view_set_op(vm, a, BinOp::Xor, false)),
                ("__rand__", |vm, a| view_set_op(vm, a, BinOp::And, true)),
                ("__ror__", |vm, a| view_set_op(vm, a, BinOp::Or, true)),
                ("__rsub__", |vm, a| view_set_op(vm, a, BinOp::Sub, true)),
                ("__rxor__", |vm, a| view_set_op(vm, a, BinOp::Xor, true)),
            ];
            for &(op, f) in set_like {
                set_type_method(vm, &t, op, f);
            }
        }
        // Kept in the dict type's namespace under a private name.
        let key = vm.intern(&format!("__ouro_{name}"));
        vm.table_set_str(&dict.downcast::<TypeValue>().expect("type").dict, key, t);
    }
}

fn this_dict(vm: &Vm, a: &[Obj], name: &str) -> PyResult<Obj> {
    match a.first() {
        Some(d) if d.kind() == Kind::Dict => Ok(d.clone()),
        other => Err(vm.descriptor_mismatch(name, "dict", other)),
    }
}

/// Checks the argument count; the common positional-only, in-range case
/// is decided inline, the rest (keywords, errors) by `method_nargs`.
#[inline]
fn nargs(vm: &Vm, a: &CallArgs<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    if a.kwnames.is_empty() && (min + 1..=max + 1).contains(&a.args.len()) {
        return Ok(());
    }
    super::list_methods::method_nargs(vm, a, "dict", name, min, max, name == "update")
}

fn entries(d: &Obj) -> Vec<(Obj, Obj)> {
    d.downcast::<DictValue>()
        .map(|t| t.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect())
        .unwrap_or_default()
}

fn dict_get(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "get", 1, 2)?;
    let d = this_dict(vm, a.args, "get")?;
    match vm.dict_get(&d, &a.args[1])? {
        Some(v) => Ok(v),
        None => Ok(a.args.get(2).cloned().unwrap_or_else(|| vm.none())),
    }
}

fn dict_setdefault(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "setdefault", 1, 2)?;
    let d = this_dict(vm, a.args, "setdefault")?;
    if let Some(v) = vm.dict_get(&d, &a.args[1])? {
        return Ok(v);
    }
    let v = a.args.get(2).cloned().unwrap_or_else(|| vm.none());
    vm.dict_set(&d, a.args[1].clone(), v.clone())?;
    Ok(v)
}

fn dict_pop(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "pop", 1, 2)?;
    let d = this_dict(vm, a.args, "pop")?;
    match vm.dict_remove(&d, &a.args[1])? {
        Some(v) => Ok(v),
        None => match a.args.get(2) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(a.args[1].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "popitem", 0, 0)?;
    let d = this_dict(vm, a.args, "popitem")?;
    let Some((k, _)) = entries(&d).pop() else {
        return Err(vm.err(&vm.types.exceptions.key_error.clone(), "popitem(): dictionary is empty"));
    };
    let v = vm.dict_remove(&d, &k)?.unwrap_or_else(|| vm.none());
    Ok(vm.new_tuple(vec![k, v]))
}

fn make_view(vm: &mut Vm, d: Obj, name: &str) -> PyResult<Obj> {
    let key = vm.intern(&format!("__ouro_{name}"));
    let dt = vm.types.dict.clone();
    let t = vm.table_get_str(&dt.downcast::<TypeValue>().expect("type").dict, &key).expect("view type installed");
    let ns = vm.new_dict();
    let k = vm.intern(VIEW_KEY);
    vm.dict_set(&ns, k, d)?;
    Ok(Obj::new(InstanceValue { dict: RefCell::new(Some(ns)), slots: Box::new([]) }, &t))
}

fn dict_keys(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "keys", 0, 0)?;
    let d = this_dict(vm, a.args, "keys")?;
    make_view(vm, d, "dict_keys")
}

fn dict_values(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "values", 0, 0)?;
    let d = this_dict(vm, a.args, "values")?;
    make_view(vm, d, "dict_values")
}

fn dict_items(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "items", 0, 0)?;
    let d = this_dict(vm, a.args, "items")?;
    make_view(vm, d, "dict_items")
}

/// Adds a mapping or an iterable of pairs into `d`.
pub(crate) fn update_from(vm: &mut Vm, d: &Obj, src: &Obj) -> PyResult<()> {
    if src.kind() == Kind::Dict {
        for (k, v) in entries(src) {
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    let keys_name = vm.intern("keys");
    if src.kind() == Kind::Instance && vm.get_attr(src, &keys_name).is_ok() {
        let keys = vm.get_attr(src, &keys_name)?;
        let ks = vm.call_object(&keys, &[])?;
        for k in vm.iterate_to_vec(&ks)? {
            let v = vm.get_item(src, &k)?;
            vm.dict_set(d, k, v)?;
        }
        return Ok(());
    }
    for (i, pair) in vm.iterate_to_vec(src)?.into_iter().enumerate() {
        let items = match pair.kind() {
            Kind::List | Kind::Tuple => vm.iterate_to_vec(&pair)?,
            _ => {
                return Err(vm.type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                )));
            }
        };
        if items.len() != 2 {
            return Err(vm.value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                items.len()
            )));
        }
        vm.dict_set(d, items[0].clone(), items[1].clone())?;
    }
    Ok(())
}

fn dict_update(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "update", 0, 1)?;
    let d = this_dict(vm, a.args, "update")?;
    update_with_args(vm, &d, &a)
}

/// `dict.__init__(self, [mapping_or_pairs], **kwargs)`.
fn dict_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let d = this_dict(vm, a.args, "__init__")?;
    let given = a.positional_args().len() - 1;
    if given > 1 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {given}")));
    }
    update_with_args(vm, &d, &a)
}

/// `reversed(d)`: the keys, last first.
fn dict_reversed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "__reversed__", 0, 0)?;
    let d = this_dict(vm, a.args, "__reversed__")?;
    let keys: Vec<Obj> = entries(&d).into_iter().rev().map(|(k, _)| k).collect();
    let l = vm.new_list(keys);
    vm.get_iter(&l)
}

fn update_with_args(vm: &mut Vm, d: &Obj, a: &CallArgs<'_>) -> PyResult<Obj> {
    let d = d.clone();
    let pos = a.positional_args();
    if let Some(src) = pos.get(1) {
        update_from(vm, &d, src)?;
    }
    for (name, value) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        vm.dict_set(&d, name.clone(), value.clone())?;
    }
    Ok(vm.none())
}

fn dict_copy(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "copy", 0, 0)?;
    let d = this_dict(vm, a.args, "copy")?;
    let n = vm.new_dict();
    for (k, v) in entries(&d) {
        vm.dict_set(&n, k, v)?;
    }
    Ok(n)
}

fn dict_clear(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "clear", 0, 0)?;
    let d = this_dict(vm, a.args, "clear")?;
    for (k, _) in entries(&d) {
        vm.dict_remove(&d, &k)?;
    }
    Ok(vm.none())
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod: `a.args[0]` is
/// the class. A subclass's is made by calling it and storing each key
/// with `__setitem__`, as `_PyDict_FromKeys` does.
fn dict_fromkeys(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("dict.fromkeys() takes no keyword arguments"));
    }
    // The function under the classmethod can be reached and called bare.
    let Some((cls, args)) = a.args.split_first() else {
        return Err(vm.type_error("descriptor 'fromkeys' of 'dict' object needs an argument"));
    };
    if args.is_empty() || args.len() > 2 {
        let (bound, n) = if args.is_empty() { ("least", 1) } else { ("most", 2) };
        let s = if n == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("fromkeys expected at {bound} {n} argument{s}, got {}", args.len())));
    }
    let v = args.get(1).cloned().unwrap_or_else(|| vm.none());
    let exact = cls.is(&vm.types.dict);
    let d = if exact { vm.new_dict() } else { vm.call_object(cls, &[])? };
    for k in vm.iterate_to_vec(&args[0])? {
        if exact {
            vm.dict_set(&d, k, v.clone())?;
        } else {
            vm.set_item(&d, k, v.clone())?;
        }
    }
    Ok(d)
}

fn dict_or(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let d = this_dict(vm, a.args, "__or__")?;
    if a.args.get(1).is_none_or(|o| o.kind() != Kind::Dict) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let n = vm.new_dict();
    for (k, v) in entries(&d).into_iter().chain(entries(&a.args[1])) {
        vm.dict_set(&n, k, v)?;
    }
    Ok(n)
}

fn dict_ior(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let d = this_dict(vm, a.args, "__ior__")?;
    update_from(vm, &d, &a.args[1])?;
    Ok(d)
}

pub(crate) fn view_parts(vm: &mut Vm, v: &Obj) -> PyResult<(Obj, String)> {
    let name = vm.type_name(v);
    let inst = v.downcast::<InstanceValue>().ok_or_else(|| vm.type_error("not a dict view"))?;
    let ns = inst.dict.borrow().clone().ok_or_else(|| vm.type_error("not a dict view"))?;
    let k = vm.intern(VIEW_KEY);
    let d = vm.dict_get(&ns, &k)?.ok_or_else(|| vm.type_error("not a dict view"))?;
    Ok((d, name))
}

pub(crate) fn view_items(vm: &mut Vm, v: &Obj) -> PyResult<(Vec<Obj>, String)> {
    let (d, name) = view_parts(vm, v)?;
    let es = entries(&d);
    let items = match name.as_str() {
        "dict_keys" => es.into_iter().map(|(k, _)| k).collect(),
        "dict_values" => es.into_iter().map(|(_, v)| v).collect(),
        _ => es.into_iter().map(|(k, v)| vm.new_tuple(vec![k, v])).collect(),
    };
    Ok((items, name))
}

fn view_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (d, name) = view_parts(vm, &a.args[0])?;
    let yields = match name.as_str() {
        "dict_keys" => TableYield::DictKeys,
        "dict_values" => TableYield::DictValues,
        _ => TableYield::DictItems,
    };
    Ok(vm.table_iter(&d, yields))
}

fn view_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (d, _) = view_parts(vm, &a.args[0])?;
    let n = vm.len(&d)?;
    Ok(vm.new_int(n as i64))
}

fn view_contains(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (d, name) = view_parts(vm, &a.args[0])?;
    if name == "dict_keys" {
        let r = vm.dict_get(&d, &a.args[1])?.is_some();
        return Ok(vm.bool_obj(r));
    }
    let (items, _) = view_items(vm, &a.args[0])?;
    for x in &items {
        if vm.eq(x, &a.args[1])? {
            return Ok(vm.bool_obj(true));
        }
    }
    Ok(vm.bool_obj(false))
}

fn view_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (items, name) = view_items(vm, &a.args[0])?;
    let l = vm.new_list(items);
    let r = vm.repr(&l)?;
    Ok(vm.new_str(&format!("{name}({r})")))
}

fn view_reversed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (mut items, _) = view_items(vm, &a.args[0])?;
    items.reverse();
    let l = vm.new_list(items);
    vm.get_iter(&l)
}

/// A keys or items view as a set (items are hashable tuples only when
/// the values are, as in CPython's `dictitems` set operations).
fn view_as_set(vm: &mut Vm, v: &Obj) -> PyResult<Obj> {
    let (items, _) = view_items(vm, v)?;
    let l = vm.new_list(items);
    let set_type = vm.types.set.clone();
    vm.call_object(&set_type, &[l])
}

fn is_set_like(vm: &Vm, o: &Obj) -> bool {
    o.kind() == Kind::Set || matches!(vm.type_name(o).as_str(), "dict_keys" | "dict_items")
}

/// Rich comparison of a keys/items view with a set or another view: as
/// sets, else `NotImplemented`.
fn view_compare(vm: &mut Vm, a: CallArgs<'_>, op: CmpOp) -> PyResult<Obj> {
    if a.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let (this, other) = (&a.args[0], &a.args[1]);
    if !is_set_like(vm, other) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let mine = view_as_set(vm, this)?;
    let theirs = if other.kind() == Kind::Set { other.clone() } else { view_as_set(vm, other)? };
    vm.compare(&mine, &theirs, op)
}

/// `view & x`, `view | x`, `view - x`, `view ^ x` (and reflected, when
/// `reflected`): a set, whatever iterable `x` is.
fn view_set_op(vm: &mut Vm, a: CallArgs<'_>, op: BinOp, reflected: bool) -> PyResult<Obj> {
    if a.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let (this, other) = (&a.args[0], &a.args[1]);
    let set_type = vm.types.set.clone();
    let mine = view_as_set(vm, this)?;
    let theirs = match vm.call_object(&set_type, &[other.clone()]) {
        Ok(s) => s,
        Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.type_error) => return Ok(vm.singletons.not_implemented.clone()),
        Err(e) => return Err(e),
    };
    if reflected { vm.binary_op(&theirs, &mine, op) } else { vm.binary_op(&mine, &theirs, op) }
}

/// `dict.__eq__` (`equal` true) and `dict.__ne__`: same keys, and equal
/// values under them; `NotImplemented` unless both are dicts.
fn dict_eq(vm: &mut Vm, a: CallArgs<'_>, equal: bool) -> PyResult<Obj> {
    nargs(vm, &a, if equal { "__eq__" } else { "__ne__" }, 1, 1)?;
    let (this, other) = (&a.args[0], &a.args[1]);
    if this.kind() != Kind::Dict || other.kind() != Kind::Dict {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let mut same = vm.len(this)? == vm.len(other)?;
    if same {
        for (k, v) in entries(this) {
            let matches = match vm.dict_get(other, &k)? {
                Some(w) => vm.eq(&v, &w)?,
                None => false,
            };
            if !matches {
                same = false;
                break;
            }
        }
    }
    Ok(vm.bool_obj(same == equal))
}
