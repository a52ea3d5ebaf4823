//! The descriptor protocol (`__get__`, `__set__`, `__delete__`) and the
//! builtin descriptors: `property`, `staticmethod`, `classmethod`, slot
//! members, and `super`'s attribute lookup; the bound method type's
//! constructor (`types.MethodType(f, obj)`).

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types.bound_method.clone();
    super::builtins_extra::set_type_method(vm, &t, "__new__", method_new);
}

/// `method(function, instance, /)`, CPython's `method_new`: binds any
/// callable to any object but None.
fn method_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [_cls, func, instance] = a.args else {
        let n = a.args.len().saturating_sub(1);
        return Err(vm.type_error(format!("method expected 2 arguments, got {n}")));
    };
    if !vm.is_callable(func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if instance.kind() == Kind::None {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Obj::new(BoundMethodValue { func: func.clone(), self_: instance.clone() }, &vm.types.bound_method))
}

impl Vm {
    /// `a == b` for two bound methods (CPython's `method_richcompare`:
    /// equal functions and the same `self`) or two builtin functions or
    /// methods (`meth_richcompare`: the same code and the same `self`), so
    /// that `obj.m == obj.m` although each read makes a new method object.
    /// `None` for any other pair.
    pub(crate) fn method_eq(&mut self, a: &Obj, b: &Obj) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (a.downcast::<BoundMethodValue>(), b.downcast::<BoundMethodValue>()) {
            let (fx, fy, same_self) = (x.func.clone(), y.func.clone(), x.self_.is(&y.self_));
            return Ok(Some(self.eq(&fx, &fy)? && same_self));
        }
        if let (Some(x), Some(y)) = (a.downcast::<BuiltinFunctionValue>(), b.downcast::<BuiltinFunctionValue>()) {
            let same_self = match (&x.bound, &y.bound) {
                (Some(p), Some(q)) => p.is(q),
                (None, None) => true,
                _ => false,
            };
            return Ok(Some(same_self && std::ptr::fn_addr_eq(x.call, y.call) && x.name == y.name));
        }
        Ok(None)
    }

    /// `hash()` of a bound method or a builtin function or method,
    /// consistent with `method_eq`: CPython's `method_hash` (`self`'s
    /// address mixed with the function's hash) and `meth_hash`.
    pub(crate) fn method_hash(&mut self, o: &Obj) -> PyResult<i64> {
        let h = match o.downcast::<BoundMethodValue>() {
            Some(m) => {
                let (func, self_addr) = (m.func.clone(), m.self_.addr());
                super::ops::hash_pointer(self_addr) ^ self.hash(&func)?
            }
            None => {
                let f = o.downcast::<BuiltinFunctionValue>().expect("a builtin function");
                let self_addr = f.bound.as_ref().map_or(0, |b| b.addr());
                super::ops::hash_pointer(self_addr) ^ super::ops::hash_pointer(f.call as usize)
            }
        };
        Ok(if h == -1 { -2 } else { h })
    }

    /// True for data descriptors (they win over an instance's `__dict__`).
    pub(crate) fn is_data_descr(&mut self, d: &Obj) -> bool {
        match d.kind() {
            Kind::Descr => matches!(d.downcast::<DescrValue>(), Some(DescrValue::Property { .. } | DescrValue::Slot { .. })),
            Kind::Instance => self.lookup_special(d, "__set__").is_some() || self.lookup_special(d, "__delete__").is_some(),
            _ => false,
        }
    }

    /// What a class attribute `found` gives when read through `obj` (an
    /// instance) or, with `obj` `None`, through the class `owner`.
    pub(crate) fn descr_get(&mut self, found: Obj, obj: Option<&Obj>, owner: &Obj) -> PyResult<Obj> {
        match found.kind() {
            // A builtin method read through an instance is bound the way
            // CPython's method descriptors bind: a new
            // `builtin_function_or_method` carrying its `self`.
            Kind::BuiltinFunction if obj.is_some() => {
                let f = found.downcast::<BuiltinFunctionValue>().expect("builtin");
                if f.bound.is_some() || !f.binds {
                    return Ok(found.clone());
                }
                let value = BuiltinFunctionValue { name: f.name, call: f.call, bound: obj.cloned(), binds: true };
                Ok(Obj::new(value, &self.types.builtin_function))
            }
            Kind::Function | Kind::BuiltinFunction => Ok(match obj {
                Some(o) => Obj::new(BoundMethodValue { func: found, self_: o.clone() }, &self.types.bound_method),
                None => found,
            }),
            Kind::Descr => match found.downcast::<DescrValue>().expect("descr") {
                DescrValue::StaticMethod(f) => Ok(f.clone()),
                DescrValue::ClassMethod(f) => {
                    // A builtin type's class method (`dict.fromkeys`) binds
                    // as CPython's `classmethod_descriptor` does: a builtin
                    // method of the class, not a `method` object.
                    if let Some(b) = f.downcast::<BuiltinFunctionValue>().filter(|b| b.binds && b.bound.is_none()) {
                        let value = BuiltinFunctionValue { name: b.name, call: b.call, bound: Some(owner.clone()), binds: true };
                        return Ok(Obj::new(value, &self.types.builtin_function));
                    }
                    let f = f.clone();
                    Ok(Obj::new(BoundMethodValue { func: f, self_: owner.clone() }, &self.types.bound_method))
                }
                DescrValue::Property { fget, .. } => {
                    let Some(o) = obj else { return Ok(found.clone()) };
                    match fget.clone() {
                        Some(g) => self.call_object(&g, &[o.clone()]),
                        None => Err(self.property_error(&found, o, "getter")),
                    }
                }
                DescrValue::Slot { name, index, .. } => {
                    let Some(o) = obj else { return Ok(found.clone()) };
                    let v = o.downcast::<InstanceValue>().and_then(|i| i.slots.get(*index).and_then(|s| s.borrow().clone()));
                    match v {
                        Some(v) => Ok(v),
                        None => {
                            let name = name.clone();
                            Err(self.no_attribute(o, &name))
                        }
                    }
                }
                DescrValue::Super { .. } => Ok(found.clone()),
            },
            Kind::Instance => {
                let Some(get) = self.lookup_special(&found, "__get__") else { return Ok(found) };
                let o = match obj {
                    Some(o) => o.clone(),
                    None => self.none(),
                };
                self.call_object(&get, &[found, o, owner.clone()])
            }
            _ => Ok(found),
        }
    }

    /// Assignment (`value` given) or deletion through a data descriptor;
    /// false when `attr` is not one.
    pub(crate) fn descr_set(&mut self, attr: &Obj, obj: &Obj, value: &Option<Obj>) -> PyResult<bool> {
        match attr.kind() {
            Kind::Descr => match attr.downcast::<DescrValue>().expect("descr") {
                DescrValue::Property { fset, fdel, .. } => {
                    let (f, what) = if value.is_some() { (fset.clone(), "setter") } else { (fdel.clone(), "deleter") };
                    let Some(f) = f else { return Err(self.property_error(attr, obj, what)) };
                    let mut args = vec![obj.clone()];
                    args.extend(value.iter().cloned());
                    self.call_object(&f, &args)?;
                    Ok(true)
                }
                DescrValue::Slot { name, index, .. } => {
                    let Some(inst) = obj.downcast::<InstanceValue>() else { return Ok(false) };
                    let Some(slot) = inst.slots.get(*index) else { return Ok(false) };
                    let mut cell = slot.borrow_mut();
                    if value.is_none() && cell.is_none() {
                        drop(cell);
                        let name = name.clone();
                        return Err(self.no_attribute(obj, &name));
                    }
                    let old = std::mem::replace(&mut *cell, value.clone());
                    drop(cell);
                    drop(old);
                    Ok(true)
                }
                _ => Ok(false),
            },
            Kind::Instance => {
                let method = if value.is_some() { "__set__" } else { "__delete__" };
                match self.lookup_special(attr, method) {
                    Some(m) => {
                        let mut args = vec![attr.clone(), obj.clone()];
                        args.extend(value.iter().cloned());
                        self.call_object(&m, &args)?;
                        Ok(true)
                    }
                    None if self.is_data_descr(attr) => {
                        let msg = if value.is_some() { "__set__" } else { "__delete__" };
                        Err(self.attribute_error(msg))
                    }
                    None => Ok(false),
                }
            }
            _ => Ok(false),
        }
    }

    #[cold]
    fn property_error(&self, prop: &Obj, obj: &Obj, what: &str) -> crate::object::PyErr {
        let name = match prop.downcast::<DescrValue>() {
            Some(DescrValue::Property { name, .. }) => name.borrow().clone(),
            _ => None,
        };
        let tname = self.type_name(obj);
        match name {
            Some(n) => self.attribute_error(format!("property '{}' of '{tname}' object has no {what}", self.str_lossy(&n))),
            None => self.attribute_error(format!("property of '{tname}' object has no {what}")),
        }
    }

    /// Attributes of the builtin descriptor objects themselves.
    pub(crate) fn descr_special_attr(&mut self, d: &Obj, name: &str) -> Option<Obj> {
        let none = self.none();
        match (d.downcast::<DescrValue>()?, name) {
            (DescrValue::Property { fget, .. }, "fget") => Some(fget.clone().unwrap_or(none)),
            (DescrValue::Property { fset, .. }, "fset") => Some(fset.clone().unwrap_or(none)),
            (DescrValue::Property { fdel, .. }, "fdel") => Some(fdel.clone().unwrap_or(none)),
            (DescrValue::Property { doc, fget, .. }, "__doc__") => match doc.clone() {
                Some(d) => Some(d),
                None => {
                    let g = fget.clone()?;
                    let key = self.intern("__doc__");
                    self.get_attr(&g, &key).ok()
                }
            },
            (DescrValue::StaticMethod(f) | DescrValue::ClassMethod(f), "__func__" | "__wrapped__") => Some(f.clone()),
            // PEP 3119: a wrapper is abstract when what it wraps is.
            (DescrValue::StaticMethod(f) | DescrValue::ClassMethod(f), "__isabstractmethod__") => {
                let f = f.clone();
                let r = self.is_abstract(&f);
                Some(self.bool_obj(r))
            }
            (DescrValue::Property { fget, fset, fdel, .. }, "__isabstractmethod__") => {
                let parts: Vec<Obj> = [fget, fset, fdel].into_iter().flatten().cloned().collect();
                let r = parts.iter().any(|f| self.is_abstract(f));
                Some(self.bool_obj(r))
            }
            (DescrValue::Super { type_, .. }, "__thisclass__") => Some(type_.clone()),
            (DescrValue::Super { obj, .. }, "__self__") => Some(obj.clone().unwrap_or(none)),
            (DescrValue::Super { obj_type, .. }, "__self_class__") => Some(obj_type.clone().unwrap_or(none)),
            (DescrValue::Slot { name, .. }, "__name__") => Some(name.clone()),
            (DescrValue::Slot { owner, .. }, "__objclass__") => Some(owner.clone()),
            _ => None,
        }
    }

    /// `f.__isabstractmethod__` is true; a missing attribute or a failing
    /// truth test count as false, as in CPython's `_PyObject_IsAbstract`
    /// callers.
    fn is_abstract(&mut self, f: &Obj) -> bool {
        let key = self.intern("__isabstractmethod__");
        match self.get_attr(f, &key) {
            Ok(v) => self.truthy(&v).unwrap_or(false),
            Err(_) => false,
        }
    }

    /// `super(...).name`: the MRO of the object's type after `type_`.
    pub(crate) fn super_get_attr(&mut self, s: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
        let Some(DescrValue::Super { type_, obj, obj_type }) = s.downcast::<DescrValue>() else { return Ok(None) };
        let (Some(obj), Some(start)) = (obj.clone(), obj_type.clone()) else { return Ok(None) };
        if name.downcast::<StrValue>().is_some_and(|n| n.text.as_bytes() == b"__class__") {
            return Ok(None);
        }
        if let Some(f) = self.super_lookup(type_, &start, name) {
            let inst = if obj.is(&start) { None } else { Some(&obj) };
            return self.descr_get(f, inst, &start).map(Some);
        }
        Ok(None)
    }

    /// What `super(type_, obj)` finds for `name`, unbound: the attribute of
    /// the first class after `type_` in the MRO of `start` (`obj`'s type,
    /// or `obj` itself for a class) that has it.
    pub(crate) fn super_lookup(&self, type_: &Obj, start: &Obj, name: &Obj) -> Option<Obj> {
        let tv = start.downcast::<TypeValue>()?;
        let mro = tv.mro.borrow();
        let pos = mro.iter().position(|t| t.is(type_))?;
        mro[pos + 1..].iter().find_map(|t| t.downcast::<TypeValue>().and_then(|tv| self.table_get_str(&tv.dict, name)))
    }

    /// Recomputes the flags that cache "this class overrides X".
    pub(crate) fn refresh_type_flags(&mut self, t: &Obj) {
        let Some(tv) = t.downcast::<TypeValue>() else { return };
        let user_defined = |vm: &mut Vm, name: &str| {
            let key = vm.intern(name);
            vm.lookup_type_attr(t, &key).is_some_and(|f| f.kind() != Kind::BuiltinFunction)
        };
        let mut flags = tv.flags.get() & !(type_flags::HAS_DEL | type_flags::CUSTOM_GETATTRIBUTE | type_flags::CUSTOM_SETATTR);
        if user_defined(self, "__del__") {
            flags |= type_flags::HAS_DEL;
        }
        if user_defined(self, "__getattribute__") {
            flags |= type_flags::CUSTOM_GETATTRIBUTE;
        }
        if user_defined(self, "__setattr__") || user_defined(self, "__delattr__") {
            flags |= type_flags::CUSTOM_SETATTR;
        }
        flags &= !type_flags::ABSTRACT;
        let key = self.intern("__abstractmethods__");
        let own = self.find_str_index(&tv.dict, &key).and_then(|i| tv.dict.borrow().entry(i).map(|(_, v)| v.clone()));
        // ABCMeta stores a frozenset; a value whose truth test fails
        // counts as empty.
        if own.is_some_and(|v| self.truthy(&v).unwrap_or(false)) {
            flags |= type_flags::ABSTRACT;
        }
        tv.flags.set(flags);
    }

    /// `obj.__class__ = new`.
    pub(crate) fn set_class(&mut self, obj: &Obj, new: &Obj) -> PyResult<()> {
        let Some(nt) = new.downcast::<TypeValue>() else {
            return Err(self.type_error(format!("__class__ must be set to a class, not '{}' object", self.type_name(new))));
        };
        let old = obj.type_obj();
        let ot = old.downcast::<TypeValue>().expect("a type");
        let heap = |t: &TypeValue| t.flags.get() & type_flags::HEAP_TYPE != 0;
        if !heap(nt) || !heap(ot) {
            return Err(self.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
        }
        let same_layout = nt.instance_kind == ot.instance_kind
            && nt.nslots.get() == ot.nslots.get()
            && (nt.flags.get() & type_flags::NO_DICT) == (ot.flags.get() & type_flags::NO_DICT);
        if !same_layout {
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                nt.name.borrow(),
                ot.name.borrow()
            )));
        }
        if nt.flags.get() & type_flags::HAS_DEL != 0 {
            obj.set_flag(crate::heap::obj_flags::FINALIZE);
        }
        obj.set_type(new);
        Ok(())
    }

    pub(crate) fn descr_repr(&mut self, d: &Obj) -> PyResult<String> {
        match d.downcast::<DescrValue>().expect("descr") {
            DescrValue::Slot { name, owner, .. } => {
                Ok(format!("<member '{}' of '{}' objects>", self.str_lossy(name), self.type_qualname(owner)))
            }
            DescrValue::StaticMethod(f) => {
                let f = f.clone();
                Ok(format!("<staticmethod({})>", self.repr(&f)?))
            }
            DescrValue::ClassMethod(f) => {
                let f = f.clone();
                Ok(format!("<classmethod({})>", self.repr(&f)?))
            }
            DescrValue::Super { type_, obj, .. } => {
                let (t, o) = (type_.clone(), obj.clone());
                let tr = self.repr(&t)?;
                match o {
                    Some(o) if o.kind() == Kind::Type => Ok(format!("<super: {tr}, <{} object>>", self.type_qualname(&o))),
                    Some(o) => Ok(format!("<super: {tr}, <{} object>>", self.type_name(&o))),
                    None => Ok(format!("<super: {tr}, NULL>")),
                }
            }
            DescrValue::Property { .. } => Ok(format!("<property object at {:#x}>", d.addr())),
        }
    }
}
