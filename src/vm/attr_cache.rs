//! Inline caches for instance attributes (`LoadAttr`/`StoreAttr`).
//!
//! Reading `obj.name` in general searches the type's MRO for a data
//! descriptor, then the instance `__dict__`, then the class. For the
//! common case, a plain attribute in the instance dict of an ordinary
//! class, each code object remembers per name: the instance's type and
//! the index of the name in the instance dict (`bytecode::AttrCache`).
//!
//! Contract: an entry is filled only after the generic path found that,
//! for that type, neither `__getattribute__` nor `__setattr__` is
//! overridden and no class in the MRO defines the name as a data
//! descriptor. That stays true while no class changes, which the type
//! cache's generation witnesses (every class change bumps it). A hit
//! also checks that the dict entry at the index has the name object as
//! its key; otherwise the generic path runs (and refills). Classes
//! without instance dicts (`__slots__`) and dunder names are never cached.

use super::Vm;
use crate::bytecode::{AttrCache, Code};
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;

impl Vm {
    /// `obj.name` through the cache, or `None` to take the generic path.
    #[inline]
    pub(crate) fn load_attr_cached(&self, obj: &Obj, code: &Code, i: usize) -> Option<Obj> {
        let dict = self.cached_instance_dict(obj, code, i)?;
        let t = dict.downcast::<DictValue>()?.0.borrow();
        let (k, v) = t.entry(code.attr_cache[i].get().index as usize)?;
        if k.key.is(&code.names[i]) { Some(v.clone()) } else { None }
    }

    /// `obj.name = value` through the cache; gives `value` back when the
    /// generic path must run. Under the contract, the generic path would
    /// store into the instance dict, so this does that directly, making
    /// the dict when the instance has none yet.
    #[inline]
    pub(crate) fn store_attr_cached(&self, obj: &Obj, code: &Code, i: usize, value: Obj) -> Result<(), Obj> {
        if !self.cache_applies(obj, code, i) {
            return Err(value);
        }
        let Some(iv) = obj.downcast::<InstanceValue>() else { return Err(value) };
        let existing = iv.dict.borrow().clone();
        let dict = match existing {
            Some(d) => d,
            None => {
                let d = self.new_instance_dict(obj);
                *iv.dict.borrow_mut() = Some(d.clone());
                d
            }
        };
        let Some(dv) = dict.downcast::<DictValue>() else { return Err(value) };
        let name = &code.names[i];
        let cached = code.attr_cache[i].get().index as usize;
        let index = match dv.0.borrow().entry(cached) {
            Some((k, _)) if k.key.is(name) => Some(cached),
            _ => self.find_str_index(&dv.0, name),
        };
        // As `dict_set` does: a dict holding a container joins the
        // collector's lists.
        dict.track_for_contents(name, &value);
        let old = match index {
            Some(index) => dv.0.borrow_mut().replace_value(index, value),
            None => {
                let Some(s) = name.downcast::<StrValue>() else { return Err(value) };
                let hash = self.str_obj_hash(s);
                dv.0.borrow_mut().insert_new(hash, name.clone(), value);
                None
            }
        };
        // The old value may run `__del__`: released after the borrows.
        drop(old);
        Ok(())
    }

    /// The instance dict of `obj` when the cache entry applies to it.
    #[inline(always)]
    fn cached_instance_dict(&self, obj: &Obj, code: &Code, i: usize) -> Option<Obj> {
        if !self.cache_applies(obj, code, i) {
            return None;
        }
        obj.downcast::<InstanceValue>()?.dict.borrow().clone()
    }

    /// True when `obj` is an instance of the type the entry was filled
    /// for, and no class changed since (so the contract holds, and a fill
    /// would find nothing new).
    #[inline(always)]
    pub(crate) fn cache_applies(&self, obj: &Obj, code: &Code, i: usize) -> bool {
        let c = code.attr_cache[i].get();
        obj.kind() == Kind::Instance && c.type_addr == obj.type_addr() && c.generation == self.type_generation.get()
    }

    /// After the generic path read or wrote `obj.name`: fills the cache
    /// when the contract above holds.
    #[cold]
    pub(crate) fn fill_attr_cache(&mut self, obj: &Obj, code: &Code, i: usize) -> PyResult<()> {
        if obj.kind() != Kind::Instance {
            return Ok(());
        }
        let type_ = obj.type_obj();
        let Some(tv) = type_.downcast::<TypeValue>() else { return Ok(()) };
        if tv.flags.get() & (type_flags::CUSTOM_GETATTRIBUTE | type_flags::CUSTOM_SETATTR | type_flags::NO_DICT) != 0 {
            return Ok(());
        }
        let name = &code.names[i];
        // Dunder names (`__class__`, `__dict__`...) may be handled by the
        // generic path itself rather than by a descriptor: never cached.
        if name.downcast::<StrValue>().is_none_or(|s| {
            let b = s.text.as_bytes();
            b.len() >= 4 && b.starts_with(b"__") && b.ends_with(b"__")
        }) {
            return Ok(());
        }
        if let Some(attr) = self.lookup_type_attr(&type_, name) {
            if self.is_data_descr(&attr) {
                return Ok(());
            }
        }
        // Filled even when the name is not (yet) in this instance's dict,
        // with an index no dict has: the contract is about the type.
        let index = obj
            .downcast::<InstanceValue>()
            .and_then(|iv| iv.dict.borrow().clone())
            .and_then(|d| d.downcast::<DictValue>().and_then(|dv| self.find_str_index(&dv.0, name)))
            .map_or(u32::MAX, |i| i as u32);
        code.attr_cache[i].set(AttrCache { type_addr: obj.type_addr(), generation: self.type_generation.get(), index });
        Ok(())
    }

    /// For `LoadMethod`: the function that `obj.name` would bind, when it
    /// is a function found on `obj`'s type and the instance's own dict
    /// does not shadow it; `None` sends the caller to the generic lookup.
    /// Limited to kinds whose attribute lookup is the generic one (not
    /// types, modules or `super` objects).
    #[inline]
    pub(crate) fn method_for_call(&mut self, obj: &Obj, name: &Obj) -> Option<Obj> {
        if !matches!(
            obj.kind(),
            Kind::Instance | Kind::List | Kind::Dict | Kind::Str | Kind::Set | Kind::Tuple | Kind::Int | Kind::Float | Kind::Exception
        ) {
            return None;
        }
        if self.type_flags_of(obj) & type_flags::CUSTOM_GETATTRIBUTE != 0 {
            return None;
        }
        let attr = self.lookup_type_attr(&obj.type_obj(), name)?;
        let binds = match attr.kind() {
            Kind::Function => true,
            // Builtin methods bind; builtin functions stored on a class
            // (`f = len`) and already-bound ones do not.
            Kind::BuiltinFunction => attr.downcast::<BuiltinFunctionValue>().is_some_and(|f| f.bound.is_none() && f.binds),
            _ => false,
        };
        if !binds {
            return None;
        }
        if let Some(d) = self.existing_dict(obj) {
            if d.downcast::<DictValue>().is_none_or(|dv| self.find_str_index(&dv.0, name).is_some()) {
                return None;
            }
        }
        Some(attr)
    }
}
