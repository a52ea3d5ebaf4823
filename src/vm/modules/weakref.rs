//! The native `_weakref` module: `ref` (`ReferenceType`), `proxy` (the
//! types `ProxyType` and `CallableProxyType`), `getweakrefcount` and
//! `getweakrefs`. The heap keeps the referent pointers and clears them
//! when the referent dies (`heap::WeakTarget`); this file is the Python
//! face of it. `stdlib/weakref.py` builds the rest on top.
//!
//! Which objects can be weakly referenced follows CPython 3.11: instances
//! of classes with a `__dict__`, functions, types, sets, generators,
//! modules, code objects, bound methods, builtin functions, and
//! instances of user subclasses of list and dict.

use super::super::builtins_extra::set_type_method;
use super::super::Vm;
use super::arity;
use crate::heap::{Kind, Obj, WeakTarget};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyErr, PyResult};
use std::cell::Cell;

/// The three weak reference types, made when `_weakref` is first imported.
pub(crate) struct WeakrefTypes {
    pub ref_: Obj,
    pub proxy: Obj,
    pub callable_proxy: Obj,
}

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("_weakref");
    let types = weakref_types(vm);
    vm.module_set(&m, "ref", types.ref_.clone());
    vm.module_set(&m, "ReferenceType", types.ref_.clone());
    vm.module_set(&m, "ProxyType", types.proxy.clone());
    vm.module_set(&m, "CallableProxyType", types.callable_proxy.clone());
    vm.module_fns(&m, &[("proxy", weakref_proxy), ("getweakrefcount", getweakrefcount), ("getweakrefs", getweakrefs)]);
    m
}

fn weakref_types(vm: &mut Vm) -> WeakrefTypes {
    if let Some(t) = &vm.weakref_types {
        return WeakrefTypes { ref_: t.ref_.clone(), proxy: t.proxy.clone(), callable_proxy: t.callable_proxy.clone() };
    }
    let new_type = |vm: &Vm, name: &str| {
        super::super::types::new_type(&vm.types.type_, name, &[vm.types.object.clone()], Kind::WeakRef)
    };
    let ref_ = new_type(vm, "ReferenceType");
    if let Some(tv) = ref_.downcast::<TypeValue>() {
        *tv.qualname.borrow_mut() = Some("ReferenceType".into());
    }
    for (name, f) in [
        ("__new__", ref_new as crate::object::NativeFn),
        ("__call__", ref_call),
        ("__hash__", ref_hash),
        ("__eq__", ref_eq),
        ("__ne__", ref_ne),
        ("__repr__", weak_repr),
    ] {
        set_type_method(vm, &ref_, name, f);
    }
    let proxy = new_type(vm, "weakproxy");
    let callable_proxy = new_type(vm, "weakcallableproxy");
    for t in [&proxy, &callable_proxy] {
        for (name, f) in [
            ("__getattribute__", proxy_getattr as crate::object::NativeFn),
            ("__setattr__", proxy_setattr),
            ("__delattr__", proxy_delattr),
            ("__repr__", weak_repr),
            ("__str__", proxy_str),
            ("__bool__", proxy_bool),
            ("__len__", proxy_len),
            ("__getitem__", proxy_getitem),
            ("__contains__", proxy_contains),
            ("__eq__", proxy_eq),
        ] {
            set_type_method(vm, t, name, f);
        }
        if let Some(tv) = t.downcast::<TypeValue>() {
            tv.flags.set(tv.flags.get() | type_flags::CUSTOM_GETATTRIBUTE | type_flags::CUSTOM_SETATTR);
            // Proxies are unhashable.
            let key = vm.intern("__hash__");
            let none = vm.none();
            vm.table_set_str(&tv.dict, key, none);
        }
    }
    set_type_method(vm, &callable_proxy, "__call__", proxy_call);
    let t = WeakrefTypes { ref_, proxy, callable_proxy };
    vm.weakref_types =
        Some(WeakrefTypes { ref_: t.ref_.clone(), proxy: t.proxy.clone(), callable_proxy: t.callable_proxy.clone() });
    t
}

/// TypeError unless `o` supports weak references.
fn check_weakrefable(vm: &Vm, o: &Obj) -> PyResult<()> {
    let t = o.type_obj();
    let tv = t.downcast::<TypeValue>();
    let heap_type = tv.is_some_and(|tv| tv.flags.get() & type_flags::HEAP_TYPE != 0);
    let ok = match o.kind() {
        Kind::Instance => tv.is_some_and(|tv| tv.flags.get() & type_flags::NO_DICT == 0) && !o.has_type(&vm.types.object),
        Kind::Function
        | Kind::BuiltinFunction
        | Kind::Type
        | Kind::Set
        | Kind::Generator
        | Kind::Module
        | Kind::Code
        | Kind::BoundMethod => true,
        Kind::List | Kind::Dict => heap_type,
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(vm.type_error(format!("cannot create weak reference to '{}' object", vm.type_name(o))))
    }
}

fn payload<'a>(vm: &Vm, w: &'a Obj) -> PyResult<&'a WeakRefValue> {
    w.downcast::<WeakRefValue>().ok_or_else(|| vm.type_error(format!("expected a weak reference, not '{}'", vm.type_name(w))))
}

/// A weak reference of type `cls` to `o`; a plain one (no callback, exact
/// type) is shared, as in CPython.
fn new_weakref(vm: &mut Vm, cls: &Obj, o: &Obj, callback: Option<Obj>, proxy: bool) -> PyResult<Obj> {
    check_weakrefable(vm, o)?;
    let callback = callback.filter(|c| c.kind() != Kind::None);
    let exact = weakref_types(vm);
    let plain_type = if proxy { cls.is(&exact.proxy) || cls.is(&exact.callable_proxy) } else { cls.is(&exact.ref_) };
    let plain = callback.is_none() && plain_type;
    if plain {
        let existing = o.weakrefs().into_iter().find(|w| {
            w.has_type(cls) && w.downcast::<WeakRefValue>().is_some_and(|p| p.proxy == proxy && p.target.callback().is_none())
        });
        if let Some(w) = existing {
            return Ok(w);
        }
    }
    let w = Obj::new(WeakRefValue { target: WeakTarget::new(callback), proxy, hash: Cell::new(-1) }, cls);
    o.attach_weakref(&w, plain);
    Ok(w)
}

/// The plain weak reference to `o` (shared by every user of one, as in
/// CPython): a base type's list of subclasses holds them.
pub(crate) fn plain_weakref(vm: &mut Vm, o: &Obj) -> PyResult<Obj> {
    let ref_ = weakref_types(vm).ref_;
    new_weakref(vm, &ref_, o, None, false)
}

fn ref_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let pos = a.positional_args();
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    if pos.len() < 2 || pos.len() > 3 {
        let n = pos.len().saturating_sub(1);
        return Err(vm.type_error(if n == 0 {
            "__new__ expected at least 1 argument, got 0".to_string()
        } else {
            format!("__new__ expected at most 2 arguments, got {n}")
        }));
    }
    new_weakref(vm, &pos[0], &pos[1], pos.get(2).cloned(), false)
}

fn weakref_proxy(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("proxy() takes no keyword arguments"));
    }
    arity(vm, "proxy", a.args, 1, 2)?;
    let o = a.args[0].clone();
    let callable = match o.kind() {
        Kind::Function | Kind::BuiltinFunction | Kind::Type | Kind::BoundMethod => true,
        _ => vm.lookup_special(&o, "__call__").is_some(),
    };
    let types = weakref_types(vm);
    let cls = if callable { types.callable_proxy } else { types.proxy };
    new_weakref(vm, &cls, &o, a.args.get(1).cloned(), true)
}

fn ref_call(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__call__", a.args, 1, 1)?;
    let w = payload(vm, &a.args[0])?;
    Ok(w.target.get().unwrap_or_else(|| vm.none()))
}

fn ref_hash(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__hash__", a.args, 1, 1)?;
    let w = payload(vm, &a.args[0])?;
    if w.hash.get() == -1 {
        let Some(o) = w.target.get() else {
            return Err(vm.type_error("weak object has gone away"));
        };
        let h = vm.hash(&o)?;
        w.hash.set(h);
    }
    Ok(vm.new_int(w.hash.get()))
}

/// `ref == other`: the referents' equality while both live, else identity.
fn ref_equal(vm: &mut Vm, a: &CallArgs<'_>) -> PyResult<Option<bool>> {
    arity(vm, "__eq__", a.args, 2, 2)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    let (Some(px), Some(py)) = (x.downcast::<WeakRefValue>(), y.downcast::<WeakRefValue>()) else { return Ok(None) };
    if px.proxy || py.proxy {
        return Ok(None);
    }
    match (px.target.get(), py.target.get()) {
        (Some(ox), Some(oy)) => Ok(Some(vm.eq(&ox, &oy)?)),
        _ => Ok(Some(x.is(y))),
    }
}

fn ref_eq(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    Ok(match ref_equal(vm, &a)? {
        Some(b) => vm.bool_obj(b),
        None => vm.singletons.not_implemented.clone(),
    })
}

fn ref_ne(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    Ok(match ref_equal(vm, &a)? {
        Some(b) => vm.bool_obj(!b),
        None => vm.singletons.not_implemented.clone(),
    })
}

fn weak_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__repr__", a.args, 1, 1)?;
    let w = &a.args[0];
    let p = payload(vm, w)?;
    let kind = if p.proxy { vm.type_name(w) } else { "weakref".to_string() };
    let text = match p.target.get() {
        Some(o) if p.proxy => format!("<{kind} at {:#x} to {} at {:#x}>", w.addr(), vm.type_name(&o), o.addr()),
        Some(o) => format!("<{kind} at {:#x}; to '{}' at {:#x}>", w.addr(), vm.type_name(&o), o.addr()),
        None => format!("<{kind} at {:#x}; dead>", w.addr()),
    };
    Ok(vm.new_str(&text))
}

/// The referent of a proxy, or ReferenceError.
fn referent(vm: &mut Vm, w: &Obj) -> PyResult<Obj> {
    payload(vm, w)?.target.get().ok_or_else(|| vm.reference_error())
}

impl Vm {
    fn reference_error(&self) -> PyErr {
        self.err(&self.types.exceptions.reference_error.clone(), "weakly-referenced object no longer exists")
    }
}

fn proxy_getattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__getattribute__", a.args, 2, 2)?;
    let o = referent(vm, &a.args[0])?;
    vm.get_attr(&o, &a.args[1])
}

fn proxy_setattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__setattr__", a.args, 3, 3)?;
    let o = referent(vm, &a.args[0])?;
    vm.set_attr(&o, a.args[1].clone(), a.args[2].clone())?;
    Ok(vm.none())
}

fn proxy_delattr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__delattr__", a.args, 2, 2)?;
    let o = referent(vm, &a.args[0])?;
    vm.del_attr(&o, &a.args[1])?;
    Ok(vm.none())
}

fn proxy_str(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__str__", a.args, 1, 1)?;
    let o = referent(vm, &a.args[0])?;
    let s = vm.to_str(&o)?;
    Ok(vm.new_str(&s))
}

fn proxy_bool(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__bool__", a.args, 1, 1)?;
    let o = referent(vm, &a.args[0])?;
    let b = vm.truthy(&o)?;
    Ok(vm.bool_obj(b))
}

fn proxy_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__len__", a.args, 1, 1)?;
    let o = referent(vm, &a.args[0])?;
    let name = vm.intern("__len__");
    let f = vm.get_attr(&o, &name)?;
    vm.call_object(&f, &[])
}

fn proxy_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__getitem__", a.args, 2, 2)?;
    let o = referent(vm, &a.args[0])?;
    vm.get_item(&o, &a.args[1])
}

fn proxy_contains(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__contains__", a.args, 2, 2)?;
    let o = referent(vm, &a.args[0])?;
    let b = vm.contains(&o, &a.args[1])?;
    Ok(vm.bool_obj(b))
}

fn proxy_eq(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__eq__", a.args, 2, 2)?;
    let o = referent(vm, &a.args[0])?;
    let other = match a.args[1].downcast::<WeakRefValue>() {
        Some(p) if p.proxy => referent(vm, &a.args[1])?,
        _ => a.args[1].clone(),
    };
    let b = vm.eq(&o, &other)?;
    Ok(vm.bool_obj(b))
}

fn proxy_call(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let o = referent(vm, &a.args[0])?;
    vm.call(&o, &a.args[1..], a.kwnames)
}

fn getweakrefcount(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "getweakrefcount", a.args, 1, 1)?;
    Ok(vm.new_int(a.args[0].weakrefs().len() as i64))
}

fn getweakrefs(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "getweakrefs", a.args, 1, 1)?;
    let refs = a.args[0].weakrefs();
    Ok(vm.new_list(refs))
}
