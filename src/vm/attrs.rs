//! Attribute lookup and assignment (`object.__getattribute__` and
//! `type.__getattribute__`'s rules).
//!
//! For `obj.name`: a class overriding `__getattribute__` is asked first.
//! Otherwise the type's MRO is searched; a data descriptor found there
//! (property, slot member, an object whose type has `__set__` or
//! `__delete__`) wins over the instance's `__dict__`; then the instance
//! `__dict__`; then the class attribute, through its `__get__` (functions
//! become bound methods). An `AttributeError` falls back to `__getattr__`.
//! Attributes of a type object search its own MRO, then its metaclass.
//! The descriptor protocol itself is in `descriptors.rs`.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{PyErr, PyResult};
use std::cell::RefCell;

/// Instance dicts larger than this grow as ordinary dicts do.
const MAX_INSTANCE_DICT_HINT: u32 = 16;

impl Vm {
    /// The unbound special method `name` of `o`'s type, if any (special
    /// methods are looked up on the type, never on the instance).
    pub fn lookup_special(&mut self, o: &Obj, name: &str) -> Option<Obj> {
        let key = self.intern(name);
        self.lookup_type_attr(&o.type_obj(), &key)
    }

    /// True when `sub` is `sup` or inherits from it.
    pub fn is_subtype(&self, sub: &Obj, sup: &Obj) -> bool {
        if sub.is(sup) {
            return true;
        }
        sub.downcast::<TypeValue>().is_some_and(|t| t.mro.borrow().iter().any(|m| m.is(sup)))
    }

    pub fn isinstance(&self, o: &Obj, t: &Obj) -> bool {
        self.is_subtype(&o.type_obj(), t)
    }

    /// The `__dict__` of objects that have one (made on demand for
    /// instances).
    /// The dict in `slot`, made empty there on first use.
    fn dict_made_on_demand(&self, slot: &RefCell<Option<Obj>>) -> Obj {
        let existing = slot.borrow().clone();
        existing.unwrap_or_else(|| {
            let d = self.new_dict();
            *slot.borrow_mut() = Some(d.clone());
            d
        })
    }

    pub(crate) fn instance_dict(&self, o: &Obj) -> Option<Obj> {
        match o.kind() {
            Kind::Instance => {
                if o.type_obj().downcast::<TypeValue>().is_some_and(|t| t.flags.get() & type_flags::NO_DICT != 0) {
                    return None;
                }
                let slot = &o.downcast::<InstanceValue>()?.dict;
                let existing = slot.borrow().clone();
                Some(existing.unwrap_or_else(|| {
                    let d = self.new_instance_dict(o);
                    *slot.borrow_mut() = Some(d.clone());
                    d
                }))
            }
            Kind::Module => Some(o.downcast::<ModuleValue>()?.dict.clone()),
            Kind::Function => Some(self.dict_made_on_demand(&o.downcast::<FunctionValue>()?.dict)),
            Kind::Exception => Some(self.dict_made_on_demand(&o.downcast::<ExceptionValue>()?.dict)),
            Kind::List | Kind::Dict | Kind::Random => {
                let slot = self.dict_slot(o)?;
                let existing = slot.borrow().clone();
                Some(existing.unwrap_or_else(|| {
                    let d = self.new_dict();
                    *slot.borrow_mut() = Some(d.clone());
                    d
                }))
            }
            _ => None,
        }
    }

    /// A new `__dict__` for an instance of a class statement's class:
    /// made as large as its class's instances' dicts have grown, and not
    /// counted by `gc.collect()` (CPython 3.11 keeps these values inline
    /// in the instance).
    pub(crate) fn new_instance_dict(&self, o: &Obj) -> Obj {
        let hint = o.type_obj().downcast::<TypeValue>().map_or(0, |t| t.instance_dict_hint.get() as usize);
        let d = self.new_dict_with_capacity(hint);
        d.set_uncounted();
        d
    }

    /// The existing `__dict__`, without making one.
    pub(crate) fn existing_dict(&self, o: &Obj) -> Option<Obj> {
        match o.kind() {
            Kind::Instance => o.downcast::<InstanceValue>()?.dict.borrow().clone(),
            Kind::Module => Some(o.downcast::<ModuleValue>()?.dict.clone()),
            Kind::Function => o.downcast::<FunctionValue>()?.dict.borrow().clone(),
            Kind::Exception => o.downcast::<ExceptionValue>()?.dict.borrow().clone(),
            Kind::List | Kind::Dict | Kind::Random => self.dict_slot(o)?.borrow().clone(),
            _ => None,
        }
    }

    fn dict_slot<'a>(&self, o: &'a Obj) -> Option<&'a RefCell<Option<Obj>>> {
        match o.kind() {
            Kind::Instance => {
                // Instances of builtin types (`object()`, dict views) take no
                // new attributes; only classes without `__slots__` give a dict.
                let no_dict = |t: &TypeValue| t.flags.get() & (type_flags::NO_DICT | type_flags::HEAP_TYPE) != type_flags::HEAP_TYPE;
                if o.type_obj().downcast::<TypeValue>().is_some_and(no_dict) {
                    return None;
                }
                Some(&o.downcast::<InstanceValue>()?.dict)
            }
            Kind::Function => Some(&o.downcast::<FunctionValue>()?.dict),
            Kind::Exception => Some(&o.downcast::<ExceptionValue>()?.dict),
            // Instances of subclasses of list, dict and random.Random have
            // a `__dict__`; plain ones do not.
            Kind::List | Kind::Dict | Kind::Random => {
                let flags = self.type_flags_of(o);
                if flags & type_flags::HEAP_TYPE == 0 || flags & type_flags::NO_DICT != 0 {
                    return None;
                }
                match o.kind() {
                    Kind::List => Some(&o.downcast::<ListValue>()?.1),
                    Kind::Random => Some(&o.downcast::<RandomValue>()?.dict),
                    _ => Some(&o.downcast::<DictValue>()?.1),
                }
            }
            _ => None,
        }
    }

    pub(crate) fn type_flags_of(&self, o: &Obj) -> u32 {
        o.type_obj().downcast::<TypeValue>().map(|t| t.flags.get()).unwrap_or(0)
    }

    pub fn get_attr(&mut self, obj: &Obj, name: &Obj) -> PyResult<Obj> {
        let r = if self.type_flags_of(obj) & type_flags::CUSTOM_GETATTRIBUTE != 0 {
            let key = self.intern("__getattribute__");
            match self.lookup_type_attr(&obj.type_obj(), &key) {
                Some(ga) => self.call_object(&ga, &[obj.clone(), name.clone()]),
                None => self.generic_get_attr(obj, name),
            }
        } else {
            self.generic_get_attr(obj, name)
        };
        match r {
            Err(e) if e.0.kind() == Kind::Exception && self.isinstance(&e.0, &self.types.exceptions.attribute_error) => {
                match self.lookup_special(obj, "__getattr__") {
                    Some(getattr) if obj.kind() != Kind::Type => self.call_object(&getattr, &[obj.clone(), name.clone()]),
                    _ => Err(e),
                }
            }
            r => r,
        }
    }

    /// `getattr(obj, name)`, `None` when that raises `AttributeError`
    /// (CPython's `_PyObject_LookupAttr`); other errors propagate.
    pub(crate) fn lookup_attr(&mut self, obj: &Obj, name: &Obj) -> PyResult<Option<Obj>> {
        match self.get_attr(obj, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance(&e.0, &self.types.exceptions.attribute_error.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `object.__getattribute__(obj, name)`.
    pub fn generic_get_attr(&mut self, obj: &Obj, name: &Obj) -> PyResult<Obj> {
        match obj.kind() {
            Kind::Type => return self.get_type_attr(obj, name),
            Kind::Descr => {
                if let Some(DescrValue::Super { .. }) = obj.downcast::<DescrValue>() {
                    if let Some(v) = self.super_get_attr(obj, name)? {
                        return Ok(v);
                    }
                }
            }
            _ => {}
        }
        let type_ = obj.type_obj();
        let class_attr = self.lookup_type_attr(&type_, name);
        if let Some(attr) = &class_attr {
            if self.is_data_descr(attr) {
                return self.descr_get(attr.clone(), Some(obj), &type_);
            }
        }
        if let Some(d) = self.existing_dict(obj) {
            if let Some(v) = self.dict_get(&d, name)? {
                return Ok(v);
            }
        }
        if let Some(attr) = class_attr {
            return self.descr_get(attr, Some(obj), &type_);
        }
        if matches!(obj.kind(), Kind::Function | Kind::Code | Kind::Cell) {
            let n = self.str_lossy(name);
            if let Some(v) = self.callable_parts_attr(obj, &n)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.special_attr(obj, name) {
            return Ok(v);
        }
        if let Some(m) = obj.downcast::<BoundMethodValue>() {
            // Any other attribute of a method is its function's, errors
            // included (CPython's `method_getattro`): `__doc__`,
            // `__name__`, attributes set on the function.
            let func = m.func.clone();
            return self.get_attr(&func, name);
        }
        if let Some(m) = obj.downcast::<ModuleValue>() {
            // PEP 562: a module's own `__getattr__` answers for missing names.
            let key = self.intern("__getattr__");
            let dict = m.dict.clone();
            if let Some(getattr) = self.dict_get(&dict, &key)? {
                return self.call_object(&getattr, &[name.clone()]);
            }
        }
        Err(self.no_attribute(obj, name))
    }

    /// Attributes every object of a kind has without a namespace entry.
    fn special_attr(&mut self, obj: &Obj, name: &Obj) -> Option<Obj> {
        let n = self.str_lossy(name);
        let found = self.kind_attr(obj, &n);
        // Builtin types and functions carry no docstrings here; every
        // object has a `__doc__`, as in CPython.
        found.or_else(|| (n == "__doc__" && obj.kind() != Kind::BoundMethod).then(|| self.none()))
    }

    fn kind_attr(&mut self, obj: &Obj, n: &str) -> Option<Obj> {
        match (n, obj.kind()) {
            ("__class__", _) => Some(obj.type_obj()),
            ("__dict__", _) => self.instance_dict(obj),
            ("__name__", Kind::Function) => Some(obj.downcast::<FunctionValue>()?.name.borrow().clone()),
            ("__qualname__", Kind::Function) => Some(obj.downcast::<FunctionValue>()?.qualname.borrow().clone()),
            ("__name__", Kind::BuiltinFunction) => Some(self.new_str(obj.downcast::<BuiltinFunctionValue>()?.name)),
            ("__self__", Kind::BuiltinFunction) => obj.downcast::<BuiltinFunctionValue>()?.bound.clone(),
            ("args", Kind::Exception) => Some(obj.downcast::<ExceptionValue>()?.args.borrow().clone()),
            ("__cause__", Kind::Exception) => Some(obj.downcast::<ExceptionValue>()?.cause.borrow().clone().unwrap_or_else(|| self.none())),
            ("__context__", Kind::Exception) => {
                Some(obj.downcast::<ExceptionValue>()?.context.borrow().clone().unwrap_or_else(|| self.none()))
            }
            ("__self__", Kind::BoundMethod) => Some(obj.downcast::<BoundMethodValue>()?.self_.clone()),
            ("__func__", Kind::BoundMethod) => Some(obj.downcast::<BoundMethodValue>()?.func.clone()),
            (_, Kind::Descr) => self.descr_special_attr(obj, n),
            ("value", Kind::Exception) if self.isinstance(obj, &self.types.exceptions.stop_iteration) => {
                Some(self.stop_iteration_value(obj))
            }
            (n, Kind::Generator) => self.generator_attr(obj, n),
            (n, Kind::Complex) => self.complex_attr(obj, n),
            (n, Kind::Slice) => self.slice_attr(obj, n),
            (n, Kind::Range) => self.range_attr(obj, n),
            (n, Kind::Int | Kind::Bool | Kind::Float) => self.number_attr(obj, n),
            (_, Kind::Exception) => {
                self.exception_chain_attr(obj, n).or_else(|| self.exception_type_attr(obj, n)).or_else(|| self.exception_group_attr(obj, n))
            }
            (_, Kind::Code) => match obj.downcast::<CodeValue>() {
                Some(c) => self.code_attr(&c.0, n),
                None => None,
            },
            _ => None,
        }
    }

    fn get_type_attr(&mut self, t: &Obj, name: &Obj) -> PyResult<Obj> {
        let meta = t.type_obj();
        let meta_attr = self.lookup_type_attr(&meta, name);
        if let Some(m) = &meta_attr {
            if self.is_data_descr(m) {
                return self.descr_get(m.clone(), Some(t), &meta);
            }
        }
        if let Some(v) = self.lookup_type_attr(t, name) {
            return self.descr_get(v, None, t);
        }
        let n = self.str_lossy(name);
        let tv = t.downcast::<TypeValue>().expect("a type");
        match n.as_str() {
            "__name__" => return Ok(self.new_str(&tv.name.borrow())),
            "__qualname__" => {
                let q = tv.qualname.borrow().clone().unwrap_or_else(|| tv.name.borrow().clone());
                return Ok(self.new_str(&q));
            }
            "__mro__" => return Ok(self.new_tuple(tv.mro.borrow().clone())),
            "__bases__" => return Ok(self.new_tuple(tv.bases.borrow().clone())),
            "__base__" => {
                let b = tv.bases.borrow().first().cloned();
                return Ok(b.unwrap_or_else(|| self.none()));
            }
            "__class__" => return Ok(meta),
            // A builtin type without a docstring (classes made by a class
            // statement always have `__doc__` in their namespace).
            "__doc__" => return Ok(self.none()),
            "__dict__" => {
                let entries: Vec<(Obj, Obj)> = tv.dict.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect();
                let d = self.new_dict();
                for (k, v) in entries {
                    self.dict_set(&d, k, v)?;
                }
                return Ok(d);
            }
            "__module__" if tv.flags.get() & type_flags::HEAP_TYPE == 0 => return Ok(self.new_str("builtins")),
            _ => {}
        }
        if let Some(v) = meta_attr {
            return self.descr_get(v, Some(t), &meta);
        }
        Err(self.attribute_error(format!("type object '{}' has no attribute '{}'", tv.name.borrow(), n)))
    }

    #[cold]
    pub(crate) fn no_attribute(&self, obj: &Obj, name: &Obj) -> PyErr {
        let n = self.str_lossy(name);
        if let Some(m) = obj.downcast::<ModuleValue>() {
            let mname = self.str_lossy(&m.name);
            return self.attribute_error(format!("module '{mname}' has no attribute '{n}'"));
        }
        self.attribute_error(format!("'{}' object has no attribute '{}'", self.type_name(obj), n))
    }

    pub fn set_attr(&mut self, obj: &Obj, name: Obj, value: Obj) -> PyResult<()> {
        if self.type_flags_of(obj) & type_flags::CUSTOM_SETATTR != 0 {
            let key = self.intern("__setattr__");
            if let Some(sa) = self.lookup_type_attr(&obj.type_obj(), &key) {
                // A builtin `__setattr__` is `object`'s, except on proxies.
                if sa.kind() != Kind::BuiltinFunction || obj.kind() == Kind::WeakRef {
                    self.call_object(&sa, &[obj.clone(), name, value])?;
                    return Ok(());
                }
            }
        }
        self.generic_set_attr(obj, name, Some(value))
    }

    pub fn del_attr(&mut self, obj: &Obj, name: &Obj) -> PyResult<()> {
        if self.type_flags_of(obj) & type_flags::CUSTOM_SETATTR != 0 {
            let key = self.intern("__delattr__");
            if let Some(da) = self.lookup_type_attr(&obj.type_obj(), &key) {
                if da.kind() != Kind::BuiltinFunction || obj.kind() == Kind::WeakRef {
                    self.call_object(&da, &[obj.clone(), name.clone()])?;
                    return Ok(());
                }
            }
        }
        self.generic_set_attr(obj, name.clone(), None)
    }

    /// `object.__setattr__` (`value` given) and `object.__delattr__`.
    pub fn generic_set_attr(&mut self, obj: &Obj, name: Obj, value: Option<Obj>) -> PyResult<()> {
        let builtin_type = obj.downcast::<TypeValue>().is_some_and(|t| t.flags.get() & type_flags::HEAP_TYPE == 0);
        if value.is_none() && !builtin_type && self.str_lossy(&name) == "__class__" {
            return Err(self.type_error("can't delete __class__ attribute"));
        }
        if let Some(tv) = obj.downcast::<TypeValue>() {
            if tv.flags.get() & type_flags::HEAP_TYPE == 0 {
                let n = self.str_lossy(&name);
                let tname = tv.name.borrow().clone();
                return Err(self.type_error(format!("cannot set '{n}' attribute of immutable type '{tname}'")));
            }
            let n = self.str_lossy(&name);
            // Storing these in the namespace would leave the real bases
            // and MRO unchanged while looking done.
            match (n.as_str(), &value) {
                ("__mro__", _) => return Err(self.attribute_error("readonly attribute")),
                ("__bases__", None) => {
                    let tname = tv.name.borrow().clone();
                    return Err(self.type_error(format!("cannot delete '__bases__' attribute of immutable type '{tname}'")));
                }
                ("__bases__", Some(_)) => {
                    return Err(self.err(
                        &self.types.exceptions.not_implemented_error.clone(),
                        "ouro does not support assigning __bases__ of a class",
                    ));
                }
                _ => {}
            }
            match value {
                Some(v) => self.table_set_str(&tv.dict, name, v),
                None => {
                    let hash = self.str_obj_hash(name.downcast::<StrValue>().expect("str"));
                    let i = tv.dict.borrow().find(hash, |k| k.downcast::<StrValue>().is_some_and(|s| s.text.to_string_lossy() == n));
                    let removed = match i {
                        Some(i) => tv.dict.borrow_mut().remove_index(i),
                        None => None,
                    };
                    self.invalidate_type_cache();
                    if removed.is_none() {
                        let tname = tv.name.borrow().clone();
                        return Err(self.attribute_error(format!("type object '{tname}' has no attribute '{n}'")));
                    }
                }
            }
            self.refresh_type_flags(obj);
            return Ok(());
        }
        let type_ = obj.type_obj();
        if let (Some(v), true) = (&value, name.downcast::<StrValue>().is_some_and(|s| s.text.as_bytes() == b"__class__")) {
            return self.set_class(obj, v);
        }
        if let Some(attr) = self.lookup_type_attr(&type_, &name) {
            if self.descr_set(&attr, obj, &value)? {
                return Ok(());
            }
        }
        if let Some(m) = obj.downcast::<ModuleValue>() {
            let d = m.dict.clone();
            return match value {
                Some(v) => self.dict_set(&d, name, v),
                None => match self.dict_remove(&d, &name)? {
                    Some(_) => Ok(()),
                    // The generic setattr's wording, not the module's own.
                    None => {
                        let n = self.str_lossy(&name);
                        Err(self.attribute_error(format!("'module' object has no attribute '{n}'")))
                    }
                },
            };
        }
        if obj.kind() == Kind::Function {
            let n = self.str_lossy(&name);
            if let Some(r) = self.set_function_attr(obj, &n, value.clone()) {
                return r;
            }
        }
        if obj.kind() == Kind::Exception {
            let n = self.str_lossy(&name);
            if let Some(r) = self.set_exception_field(obj, &n, value.clone()) {
                return r;
            }
        }
        let Some(slot) = self.dict_slot(obj) else {
            let n = self.str_lossy(&name);
            // `__doc__` of a builtin object lives in its type's namespace
            // in CPython (None when it has no docstring); functions' and
            // methods' is a getset, worded below.
            let doc_in_type = n == "__doc__" && !matches!(obj.kind(), Kind::BuiltinFunction | Kind::BoundMethod);
            if doc_in_type || self.lookup_type_attr(&type_, &name).is_some() {
                return Err(self.attribute_error(format!("'{}' object attribute '{n}' is read-only", self.type_name(obj))));
            }
            if obj.kind() != Kind::Instance && (n == "__doc__" || self.special_attr(obj, &name).is_some()) {
                // A computed attribute of a builtin type: CPython's member
                // descriptors (`complex.real`, `range.start`) or getset
                // descriptors (`int.real`), which word it differently.
                if is_member_descriptor(obj.kind(), &n) {
                    return Err(self.attribute_error("readonly attribute"));
                }
                let t = self.type_name(obj);
                return Err(self.attribute_error(format!("attribute '{n}' of '{t}' objects is not writable")));
            }
            return Err(self.no_attribute(obj, &name));
        };
        let existing = slot.borrow().clone();
        match value {
            Some(v) => {
                let tv = type_.downcast::<TypeValue>();
                let d = match existing {
                    Some(d) => d,
                    None => {
                        let d = if obj.kind() == Kind::Instance { self.new_instance_dict(obj) } else { self.new_dict() };
                        *slot.borrow_mut() = Some(d.clone());
                        d
                    }
                };
                self.dict_set(&d, name, v)?;
                if let (Some(tv), Some(dv)) = (tv, d.downcast::<DictValue>()) {
                    let len = dv.0.borrow().len() as u32;
                    if len > tv.instance_dict_hint.get() && len <= MAX_INSTANCE_DICT_HINT {
                        tv.instance_dict_hint.set(len);
                    }
                }
                Ok(())
            }
            None => {
                if let Some(d) = existing {
                    if self.dict_remove(&d, &name)?.is_some() {
                        return Ok(());
                    }
                }
                Err(self.no_attribute(obj, &name))
            }
        }
    }
}

/// Whether builtin attribute `name` of objects of `kind` is a member
/// descriptor in CPython (a struct field, "readonly attribute" when set or
/// deleted) rather than a getset descriptor ("is not writable").
fn is_member_descriptor(kind: Kind, name: &str) -> bool {
    matches!(
        (kind, name),
        (Kind::Complex, "real" | "imag") | (Kind::Range | Kind::Slice, "start" | "stop" | "step")
    )
}
