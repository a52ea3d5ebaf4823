//! Instantiation: `cls(*args)`, i.e. `type.__call__` (`__new__`, then
//! `__init__`), and `object.__new__`.
//!
//! Calling a class is one of the commonest calls, and most classes use
//! `object.__new__` (or a builtin's own, as `super` does) and a Python
//! `__init__`. Finding that out means two MRO searches plus two of
//! `object`'s own table; a class remembers the outcome in its `CallPlan`, valid until any class changes (the type
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
        // `str(x)` of an exact str or machine int: `str` cannot be changed,
        // so its plan and `str.__new__` would find nothing else to do. At
        // the recursion limit the call of `str.__new__` raises.
        if let ([x], []) = (args, kwnames) {
            if cls.is(&self.types.str_) && self.frames.len() < self.recursion_limit {
                if let Some(s) = super::builtins::str_of_exact(self, x) {
                    return Ok(s);
                }
            }
        }
        if !cls.has_type(&self.types.type_) {
            let meta = cls.type_obj();
            let key = self.intern("__call__");
            if let Some(c) = self.lookup_type_attr(&meta, &key).filter(|c| c.kind() != Kind::BuiltinFunction) {
                return self.call_dunder(&c, cls, &meta, args, kwnames);
            }
        }
        self.type_call(cls, args, kwnames)
    }

    /// `type.__call__(cls, *args)`.
    pub(crate) fn type_call(&mut self, cls: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        if cls.is(&self.types.type_) && args.len() == 1 && kwnames.is_empty() {
            return Ok(args[0].type_obj());
        }
        // `super()` in a method, made directly: what `super.__new__` (a
        // builtin call, hence the same recursion check as `call`'s) and
        // `object.__init__` would do, without the plan and argument vector.
        if cls.is(&self.types.super_) && args.is_empty() && kwnames.is_empty() && self.frames.len() < self.recursion_limit {
            return super::super_call::call_zero_arg_super(self);
        }
        if let Some((new, init)) = self.planned(cls, args) {
            // The same steps as below, with the lookups done.
            let obj = match new {
                None => self.new_instance(cls, args)?,
                Some(new) => self.call_builtin_new(&new, cls, args, kwnames)?,
            };
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
        let generation = self.type_generation.get();
        let obj = if is_object_new {
            self.remember_plan(cls, generation, None, &init_name, is_object_init);
            if !args.is_empty() && is_object_init {
                return Err(self.type_error(format!("{}() takes no arguments", type_name_of(cls))));
            }
            self.new_instance(cls, args)?
        } else {
            let found = new.expect("checked");
            let new = self.descr_get(found.clone(), None, cls)?;
            if new.kind() == Kind::BuiltinFunction {
                if new.is(&found) {
                    // A builtin `__new__` used as found: it can be planned.
                    self.remember_plan(cls, generation, Some(&new_name), &init_name, is_object_init);
                }
                self.call_builtin_new(&new, cls, args, kwnames)?
            } else {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(cls.clone());
                all.extend_from_slice(args);
                self.call(&new, &all, kwnames)?
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
    /// arguments: the builtin `__new__` to call (`None`: `object.__new__`)
    /// and the `__init__` to run (`None`: `object.__init__`, nothing to
    /// run). `None`: take the full path (no plan, a changed class, or
    /// arguments that `object.__init__` rejects, whose error the full path
    /// reports).
    #[inline]
    fn planned(&self, cls: &Obj, args: &[Obj]) -> Option<(Option<Obj>, Option<Obj>)> {
        let tv = cls.downcast::<TypeValue>()?;
        let plan = tv.call_plan.get();
        if plan.generation != self.type_generation.get() {
            return None;
        }
        if plan.new.is_none() && plan.init.is_none() && !args.is_empty() {
            return None;
        }
        let at = |(m, i): (u32, u32)| -> Option<Obj> {
            let mro = tv.mro.borrow();
            let owner = mro.get(m as usize)?.downcast::<TypeValue>()?;
            let v = owner.dict.borrow().entry(i as usize).map(|(_, v)| v.clone());
            v
        };
        let new = match plan.new {
            Some(loc) => Some(at(loc)?),
            None => None,
        };
        let init = match plan.init {
            Some(loc) => Some(at(loc)?),
            None => None,
        };
        Some((new, init))
    }

    /// Where `name` is found along `tv`'s MRO: the class's index in the
    /// MRO and the entry's index in that class's table.
    fn locate(&self, tv: &TypeValue, name: &Obj) -> Option<(u32, u32)> {
        let mro = tv.mro.borrow();
        mro.iter().enumerate().find_map(|(m, t)| {
            let i = self.find_str_index(&t.downcast::<TypeValue>()?.dict, name)?;
            Some((u32::try_from(m).ok()?, u32::try_from(i).ok()?))
        })
    }

    /// Records how calling `cls` goes, as found at type generation
    /// `generation`: its builtin `__new__` (looked up by `new_name`;
    /// `None`: `object.__new__`) and its `__init__` (nothing when it is
    /// `object.__init__`).
    fn remember_plan(&self, cls: &Obj, generation: u64, new_name: Option<&Obj>, init_name: &Obj, is_object_init: bool) {
        let Some(tv) = cls.downcast::<TypeValue>() else { return };
        let new = match new_name {
            // Not in the MRO's tables (a class without an MRO yet):
            // nothing to remember.
            Some(name) => match self.locate(tv, name) {
                Some(at) => Some(at),
                None => return,
            },
            None => None,
        };
        let init = if is_object_init {
            None
        } else {
            match self.locate(tv, init_name) {
                Some(at) => Some(at),
                None => return,
            }
        };
        tv.call_plan.set(CallPlan { generation, new, init });
    }

    /// Calls a builtin `__new__` as `new(cls, *args)`; a class statement's
    /// class gets the result reboxed as its own instance.
    fn call_builtin_new(&mut self, new: &Obj, cls: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        // `str(x)`, `int(x)`, `list(x)`... with up to two arguments: the
        // native function is called with `cls` prepended in an array
        // rather than a new vector.
        let obj = match (new.kind(), args) {
            (Kind::BuiltinFunction, []) => self.call_native(new, &[cls.clone()], kwnames)?,
            (Kind::BuiltinFunction, [a]) => self.call_native(new, &[cls.clone(), a.clone()], kwnames)?,
            (Kind::BuiltinFunction, [a, b]) => self.call_native(new, &[cls.clone(), a.clone(), b.clone()], kwnames)?,
            _ => {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(cls.clone());
                all.extend_from_slice(args);
                self.call(new, &all, kwnames)?
            }
        };
        if cls.downcast::<TypeValue>().is_some_and(|t| t.flags.get() & type_flags::HEAP_TYPE != 0) {
            Ok(self.rebox(obj, cls))
        } else {
            Ok(obj)
        }
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
            return Err(self.init_returned_value(&r));
        }
        Ok(obj)
    }

    /// For a call of `cls` that `type.__call__` completes by running a
    /// Python `__init__` on a plain instance (the metaclass is `type`,
    /// `__new__` is `object.__new__`, and the class's plan is current): a
    /// new instance and that function, for the dispatch loop to run as a
    /// frame. `None` for every other class, which goes through `type_call`
    /// (the first call of a class makes its plan there).
    pub(crate) fn instance_for_python_init(&mut self, cls: &Obj) -> PyResult<Option<(Obj, Obj)>> {
        if !cls.has_type(&self.types.type_) || cls.downcast::<TypeValue>().is_none_or(|t| t.instance_kind != Kind::Instance) {
            return Ok(None);
        }
        let Some((None, Some(init))) = self.planned(cls, &[]) else { return Ok(None) };
        let is_plain_function = init
            .downcast::<FunctionValue>()
            .and_then(|f| f.code.downcast::<CodeValue>().map(|c| c.0.flags))
            .is_some_and(|flags| flags & crate::bytecode::flags::GENERATOR == 0);
        if !is_plain_function {
            return Ok(None);
        }
        Ok(Some((self.new_instance(cls, &[])?, init)))
    }

    /// The error of an `__init__` that returned something other than None.
    #[cold]
    pub(crate) fn init_returned_value(&self, v: &Obj) -> crate::object::PyErr {
        self.type_error(format!("__init__() should return None, not '{}'", self.type_name(v)))
    }

    /// "Can't instantiate abstract class ...", naming the methods of
    /// `cls.__abstractmethods__` in sorted order, as `object_new` does.
    #[cold]
    fn abstract_instantiation(&mut self, cls: &Obj) -> crate::object::PyErr {
        let key = self.intern("__abstractmethods__");
        let mut names: Vec<String> = match self.get_attr(cls, &key).and_then(|m| self.iterate_to_vec(&m)) {
            Ok(items) => items.iter().map(|n| self.str_lossy(n)).collect(),
            Err(e) => return e,
        };
        names.sort();
        let name = cls.downcast::<TypeValue>().map(|t| t.name.borrow().clone()).unwrap_or_default();
        let s = if names.len() > 1 { "s" } else { "" };
        self.type_error(format!("Can't instantiate abstract class {name} with abstract method{s} {}", names.join(", ")))
    }

    /// `object.__new__(cls)`.
    pub(crate) fn new_instance(&mut self, cls: &Obj, args: &[Obj]) -> PyResult<Obj> {
        let Some(tv) = cls.downcast::<TypeValue>() else {
            return Err(self.type_error(format!("object.__new__(X): X is not a type object ({})", self.type_name(cls))));
        };
        let obj = match tv.instance_kind {
            Kind::Instance if tv.flags.get() & type_flags::ABSTRACT != 0 => return Err(self.abstract_instantiation(cls)),
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
