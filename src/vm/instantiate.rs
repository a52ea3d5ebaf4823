//! Instantiation: `cls(*args)`, i.e. `type.__call__` (`__new__`, then
//! `__init__`), and `object.__new__`.
//!
//! Calling a class is one of the commonest calls, and most classes use
//! `object.__new__` and a Python `__init__`. Finding that out means two
//! MRO searches plus two of `object`'s own table; a class remembers the
//! outcome in its `CallPlan`, valid until any class changes (the type
//! generation moves on), so later calls go straight to making the
//! instance and running `__init__`. Every step that can be observed
//! (errors, the `isinstance` check on what `__new__` made, the `None`
//! check on `__init__`'s result) is the same on both paths.

use super::Vm;
use super::class_support::type_name_of;
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;
use std::cell::RefCell;

impl Vm {
    /// `cls(*args)`: the metaclass's `__call__` if it has its own, else
    /// `__new__` then `__init__` (`type.__call__`).
    pub(crate) fn call_type(&mut self, cls: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        if !cls.has_type(&self.types.type_) {
            let meta = cls.type_obj();
            let key = self.intern("__call__");
            if let Some(c) = self.lookup_type_attr(&meta, &key).filter(|c| c.kind() != Kind::BuiltinFunction) {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(cls.clone());
                all.extend_from_slice(args);
                return self.call(&c, &all, kwnames);
            }
        }
        self.type_call(cls, args, kwnames)
    }

    /// `type.__call__(cls, *args)`.
    pub(crate) fn type_call(&mut self, cls: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        if cls.is(&self.types.type_) && args.len() == 1 && kwnames.is_empty() {
            return Ok(args[0].type_obj());
        }
        if let Some(init) = self.planned_init(cls, args) {
            // `__new__` is `object.__new__`: the same steps as below.
            let obj = self.new_instance(cls, args)?;
            return match init {
                Some(init) if self.isinstance(&obj, cls) => self.run_init(obj, &init, args, kwnames),
                _ => Ok(obj),
            };
        }
        let new_name = self.intern("__new__");
        let init_name = self.intern("__init__");
        let object = self.types.object.clone();
        let object_new = self.table_get_str(&object.downcast::<TypeValue>().expect("type").dict, &new_name);
        let object_init = self.table_get_str(&object.downcast::<TypeValue>().expect("type").dict, &init_name);
        let new = self.lookup_type_attr(cls, &new_name);
        let init = self.lookup_type_attr(cls, &init_name);
        let is_object_new = match (&new, &object_new) {
            (Some(a), Some(b)) => a.is(b),
            _ => new.is_none(),
        };
        let is_object_init = match (&init, &object_init) {
            (Some(a), Some(b)) => a.is(b),
            _ => init.is_none(),
        };
        if is_object_new {
            self.remember_plan(cls, &init_name, is_object_init);
        }
        let obj = if is_object_new {
            if !args.is_empty() && is_object_init {
                return Err(self.type_error(format!("{}() takes no arguments", type_name_of(cls))));
            }
            self.new_instance(cls, args)?
        } else {
            let new = self.descr_get(new.expect("checked"), None, cls)?;
            let builtin_new = new.kind() == Kind::BuiltinFunction;
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(cls.clone());
            all.extend_from_slice(args);
            let obj = self.call(&new, &all, kwnames)?;
            if builtin_new && cls.downcast::<TypeValue>().is_some_and(|t| t.flags.get() & type_flags::HEAP_TYPE != 0) {
                self.rebox(obj, cls)
            } else {
                obj
            }
        };
        if !self.isinstance(&obj, cls) {
            return Ok(obj);
        }
        if is_object_init {
            return Ok(obj);
        }
        let init = self.lookup_type_attr(&obj.type_obj(), &init_name).expect("found above");
        self.run_init(obj, &init, args, kwnames)
    }

    /// `cls`'s remembered plan, if it is current and applies to these
    /// arguments: `Some(None)` to make the instance and stop, `Some(init)`
    /// to run `init` on it too. `None`: take the full path (no plan, a
    /// changed class, or arguments that `object.__init__` rejects, whose
    /// error the full path reports).
    #[inline]
    fn planned_init(&self, cls: &Obj, args: &[Obj]) -> Option<Option<Obj>> {
        let tv = cls.downcast::<TypeValue>()?;
        let plan = tv.call_plan.get();
        if plan.generation != self.type_generation.get() {
            return None;
        }
        match plan.init {
            None => args.is_empty().then_some(None),
            Some((m, i)) => {
                let mro = tv.mro.borrow();
                let owner = mro.get(m as usize)?.downcast::<TypeValue>()?;
                let init = owner.dict.borrow().entry(i as usize).map(|(_, v)| v.clone())?;
                Some(Some(init))
            }
        }
    }

    /// Records, for a class whose `__new__` is `object.__new__`, where its
    /// `__init__` is (nothing when it is `object.__init__`).
    fn remember_plan(&self, cls: &Obj, init_name: &Obj, is_object_init: bool) {
        let Some(tv) = cls.downcast::<TypeValue>() else { return };
        let init = if is_object_init {
            None
        } else {
            let mro = tv.mro.borrow();
            let found = mro.iter().enumerate().find_map(|(m, t)| {
                let i = self.find_str_index(&t.downcast::<TypeValue>()?.dict, init_name)?;
                Some((u32::try_from(m).ok()?, u32::try_from(i).ok()?))
            });
            match found {
                Some(at) => Some(at),
                // Not in the MRO's tables (a class without an MRO yet):
                // nothing to remember.
                None => return,
            }
        };
        tv.call_plan.set(CallPlan { generation: self.type_generation.get(), init });
    }

    /// Calls `init(obj, *args)` and checks that it returned `None`.
    fn run_init(&mut self, obj: Obj, init: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        let r = if init.kind() == Kind::Function {
            self.call_function_with_self(init, &obj, args, kwnames)?
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args);
            self.call(init, &all, kwnames)?
        };
        if r.kind() != Kind::None {
            return Err(self.type_error(format!("__init__() should return None, not '{}'", self.type_name(&r))));
        }
        Ok(obj)
    }

    /// `object.__new__(cls)`.
    pub(crate) fn new_instance(&mut self, cls: &Obj, args: &[Obj]) -> PyResult<Obj> {
        let Some(tv) = cls.downcast::<TypeValue>() else {
            return Err(self.type_error(format!("object.__new__(X): X is not a type object ({})", self.type_name(cls))));
        };
        let obj = match tv.instance_kind {
            Kind::Instance => {
                let n = tv.nslots.get();
                // An empty boxed slice allocates nothing; skip building one.
                let slots = if n == 0 { Box::default() } else { (0..n).map(|_| RefCell::new(None)).collect() };
                Obj::new(InstanceValue { dict: RefCell::new(None), slots }, cls)
            }
            Kind::Exception => {
                let e = self.new_exception(cls, args.to_vec());
                return Ok(e);
            }
            _ => {
                let name = tv.name.borrow().clone();
                return Err(self.type_error(format!("object.__new__({name}) is not safe, use {name}.__new__()")));
            }
        };
        if tv.flags.get() & type_flags::HAS_DEL != 0 {
            obj.set_flag(crate::heap::obj_flags::FINALIZE);
        }
        Ok(obj)
    }
}
