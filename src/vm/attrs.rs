//! Attribute lookup and assignment (`object.__getattribute__` and
//! `type.__getattribute__`'s rules).
//!
//! For `obj.name`: the type's MRO is searched first; a data descriptor
//! found there wins over the instance's `__dict__`; then the instance
//! `__dict__`; then the class attribute (functions become bound methods);
//! then `__getattr__`. Attributes of a type object search its own MRO.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{PyErr, PyResult};
use std::cell::RefCell;

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

    /// The `__dict__` of objects that have one.
    fn instance_dict(&self, o: &Obj) -> Option<Obj> {
        match o.kind() {
            Kind::Instance => o.downcast::<InstanceValue>()?.dict.borrow().clone(),
            Kind::Module => Some(o.downcast::<ModuleValue>()?.dict.clone()),
            Kind::Function => o.downcast::<FunctionValue>()?.dict.borrow().clone(),
            Kind::Exception => o.downcast::<ExceptionValue>()?.dict.borrow().clone(),
            _ => None,
        }
    }

    fn dict_slot<'a>(&self, o: &'a Obj) -> Option<&'a RefCell<Option<Obj>>> {
        match o.kind() {
            Kind::Instance => Some(&o.downcast::<InstanceValue>()?.dict),
            Kind::Function => Some(&o.downcast::<FunctionValue>()?.dict),
            Kind::Exception => Some(&o.downcast::<ExceptionValue>()?.dict),
            _ => None,
        }
    }

    /// Binds what a class attribute lookup found to `obj`.
    fn bind(&mut self, found: Obj, obj: &Obj) -> PyResult<Obj> {
        match found.kind() {
            Kind::Function | Kind::BuiltinFunction => Ok(Obj::new(
                BoundMethodValue { func: found, self_: obj.clone() },
                &self.types.bound_method,
            )),
            Kind::Instance => {
                // A user-defined descriptor.
                let Some(get) = self.lookup_special(&found, "__get__") else { return Ok(found) };
                let owner = obj.type_obj();
                self.call_object(&get, &[found, obj.clone(), owner])
            }
            _ => Ok(found),
        }
    }

    pub fn get_attr(&mut self, obj: &Obj, name: &Obj) -> PyResult<Obj> {
        if obj.kind() == Kind::Type {
            return self.get_type_attr(obj, name);
        }
        let type_ = obj.type_obj();
        let class_attr = self.lookup_type_attr(&type_, name);
        if let Some(attr) = &class_attr {
            if attr.kind() == Kind::Instance && self.lookup_special(attr, "__set__").is_some() {
                return self.bind(attr.clone(), obj);
            }
        }
        if let Some(d) = self.instance_dict(obj) {
            if let Some(v) = self.dict_get(&d, name)? {
                return Ok(v);
            }
        }
        if let Some(attr) = class_attr {
            return self.bind(attr, obj);
        }
        if let Some(v) = self.special_attr(obj, name) {
            return Ok(v);
        }
        if let Some(getattr) = self.lookup_special(obj, "__getattr__") {
            return self.call_object(&getattr, &[obj.clone(), name.clone()]);
        }
        Err(self.no_attribute(obj, name))
    }

    /// Attributes every object of a kind has without a namespace entry.
    fn special_attr(&mut self, obj: &Obj, name: &Obj) -> Option<Obj> {
        let n = self.str_lossy(name);
        match (n.as_str(), obj.kind()) {
            ("__class__", _) => Some(obj.type_obj()),
            ("__dict__", _) => self.instance_dict(obj),
            ("__name__", Kind::Function) => Some(obj.downcast::<FunctionValue>()?.name.borrow().clone()),
            ("__qualname__", Kind::Function) => Some(obj.downcast::<FunctionValue>()?.qualname.borrow().clone()),
            ("__name__", Kind::BuiltinFunction) => Some(self.new_str(obj.downcast::<BuiltinFunctionValue>()?.name)),
            ("args", Kind::Exception) => Some(obj.downcast::<ExceptionValue>()?.args.borrow().clone()),
            ("__self__", Kind::BoundMethod) => Some(obj.downcast::<BoundMethodValue>()?.self_.clone()),
            ("__func__", Kind::BoundMethod) => Some(obj.downcast::<BoundMethodValue>()?.func.clone()),
            (_, Kind::Exception) => self.exception_chain_attr(obj, &n),
            _ => None,
        }
    }

    fn get_type_attr(&mut self, t: &Obj, name: &Obj) -> PyResult<Obj> {
        if let Some(v) = self.lookup_type_attr(t, name) {
            if v.kind() == Kind::Instance {
                if let Some(get) = self.lookup_special(&v, "__get__") {
                    let none = self.none();
                    return self.call_object(&get, &[v, none, t.clone()]);
                }
            }
            return Ok(v);
        }
        let n = self.str_lossy(name);
        let tv = t.downcast::<TypeValue>().expect("a type");
        match n.as_str() {
            "__name__" | "__qualname__" => return Ok(self.new_str(&tv.name.borrow())),
            "__mro__" => return Ok(self.new_tuple(tv.mro.borrow().clone())),
            "__bases__" => return Ok(self.new_tuple(tv.bases.borrow().clone())),
            "__class__" => return Ok(t.type_obj()),
            _ => {}
        }
        let meta = t.type_obj();
        if let Some(v) = self.lookup_type_attr(&meta, name) {
            return self.bind(v, t);
        }
        Err(self.attribute_error(format!("type object '{}' has no attribute '{}'", tv.name.borrow(), n)))
    }

    #[cold]
    fn no_attribute(&self, obj: &Obj, name: &Obj) -> PyErr {
        let n = self.str_lossy(name);
        if let Some(m) = obj.downcast::<ModuleValue>() {
            let mname = self.str_lossy(&m.name);
            return self.attribute_error(format!("module '{mname}' has no attribute '{n}'"));
        }
        self.attribute_error(format!("'{}' object has no attribute '{}'", self.type_name(obj), n))
    }

    pub fn set_attr(&mut self, obj: &Obj, name: Obj, value: Obj) -> PyResult<()> {
        if let Some(tv) = obj.downcast::<TypeValue>() {
            if tv.flags.get() & type_flags::HEAP_TYPE == 0 {
                let n = self.str_lossy(&name);
                let tname = tv.name.borrow().clone();
                return Err(self.type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{tname}'"
                )));
            }
            self.table_set_str(&tv.dict, name, value);
            return Ok(());
        }
        let type_ = obj.type_obj();
        if let Some(attr) = self.lookup_type_attr(&type_, &name) {
            if attr.kind() == Kind::Instance {
                if let Some(set) = self.lookup_special(&attr, "__set__") {
                    self.call_object(&set, &[attr, obj.clone(), value])?;
                    return Ok(());
                }
            }
        }
        if let Some(m) = obj.downcast::<ModuleValue>() {
            let d = m.dict.clone();
            return self.dict_set(&d, name, value);
        }
        let Some(slot) = self.dict_slot(obj) else {
            return Err(self.no_attribute(obj, &name));
        };
        let existing = slot.borrow().clone();
        let d = match existing {
            Some(d) => d,
            None => {
                let d = self.new_dict();
                *slot.borrow_mut() = Some(d.clone());
                d
            }
        };
        self.dict_set(&d, name, value)
    }

    pub fn del_attr(&mut self, obj: &Obj, name: &Obj) -> PyResult<()> {
        if let Some(d) = self.instance_dict(obj) {
            if self.dict_remove(&d, name)?.is_some() {
                return Ok(());
            }
        }
        Err(self.no_attribute(obj, name))
    }
}
