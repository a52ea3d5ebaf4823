//! Inline caches for instance attributes (`LoadAttr`/`StoreAttr`).
//!
//! Reading `obj.name` in general searches the type's MRO for a data
//! descriptor, then the instance `__dict__`, then the class. For the
//! common case, a plain attribute in the instance dict of an ordinary
//! class, each code object remembers per name: the instance's type (the
//! last two, so that a base class's methods serve two subclasses) and
//! the index of the name in the instance dict (`bytecode::AttrCache`).
//! `LoadMethod` finds methods on the type, and through `super()` objects,
//! without making bound methods (`method_for_call`).
//!
//! Contract: an entry is filled only after the generic path found that,
//! for that type, neither `__getattribute__` nor `__setattr__` is
//! overridden and no class in the MRO defines the name as a data
//! descriptor. That stays true while no class changes, which the type
//! cache's generation witnesses (every class change bumps it). A hit
//! also checks that the dict entry at the index has the name object as
//! its key; otherwise the dict is searched and the index updated. A
//! `__slots__` member (a data descriptor that reads the instance's slot
//! array) is cached as its slot number instead, off the dict path's way.
//! Dunder names are never cached.

use super::Vm;
use crate::bytecode::{AttrCache, Code, MethodCache, MethodWay};
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;

impl Vm {
    /// `obj.name` through the cache, or `None` to take the generic path.
    /// The instance's dict slot is borrowed, not cloned: a hit then costs
    /// no count traffic on the dict (an increment, a decrement and its
    /// zero test per attribute read).
    #[inline(always)]
    pub(crate) fn load_attr_cached(&self, obj: &Obj, code: &Code, i: usize) -> Option<Obj> {
        if !self.cache_applies(obj, code, i) {
            return None;
        }
        let iv = obj.downcast::<InstanceValue>()?;
        let slot = iv.dict.borrow();
        let Some(dict) = slot.as_ref() else {
            drop(slot);
            return self.load_attr_slot(iv, code, i);
        };
        let t = dict.downcast::<DictValue>()?.0.borrow();
        if let Some((k, v)) = t.entry(code.attr_cache[i].get().index as usize) {
            if k.key.is(&code.names[i]) {
                return Some(v.clone());
            }
        }
        drop(t);
        let dict = dict.clone();
        drop(slot);
        if code.attr_cache[i].get().index & AttrCache::SLOT != 0 {
            return self.load_attr_slot(iv, code, i);
        }
        self.load_attr_reindex(&dict, code, i)
    }

    /// A cached `__slots__` member: the instance's slot, or `None` (to
    /// the generic path, which raises) when it is unset or the entry is
    /// for a dict.
    #[cold]
    #[inline(never)]
    fn load_attr_slot(&self, iv: &InstanceValue, code: &Code, i: usize) -> Option<Obj> {
        let index = code.attr_cache[i].get().index;
        if index & AttrCache::SLOT == 0 {
            return None;
        }
        iv.slots.get((index & !AttrCache::SLOT) as usize)?.borrow().clone()
    }

    /// The index is a hint shared by the recorded types (instances may
    /// order their dicts differently): search, and remember where the
    /// name was found. Under the contract the instance dict's entry is the
    /// answer; without one the generic path looks at the class.
    #[cold]
    #[inline(never)]
    fn load_attr_reindex(&self, dict: &Obj, code: &Code, i: usize) -> Option<Obj> {
        let t = &dict.downcast::<DictValue>()?.0;
        let index = self.find_str_index(t, &code.names[i])?;
        let mut c = code.attr_cache[i].get();
        c.index = index as u32;
        code.attr_cache[i].set(c);
        t.borrow().entry(index).map(|(_, v)| v.clone())
    }

    /// `obj.name = value` through the cache; gives `value` back when the
    /// generic path must run. Under the contract, the generic path would
    /// store into the instance dict, so this does that directly, making
    /// the dict when the instance has none yet. A hit at the cached index
    /// replaces the value under one borrow of the dict, without cloning
    /// the dict object.
    #[inline]
    pub(crate) fn store_attr_cached(&self, obj: &Obj, code: &Code, i: usize, value: Obj) -> Result<(), Obj> {
        if !self.cache_applies(obj, code, i) {
            return Err(value);
        }
        let Some(iv) = obj.downcast::<InstanceValue>() else { return Err(value) };
        let name = &code.names[i];
        let cached = code.attr_cache[i].get().index as usize;
        let old = {
            let slot = iv.dict.borrow();
            let Some(dict) = slot.as_ref() else {
                drop(slot);
                return self.store_attr_slow(iv, obj, name, value, cached as u32);
            };
            let Some(dv) = dict.downcast::<DictValue>() else { return Err(value) };
            let mut t = dv.0.borrow_mut();
            match t.entry(cached) {
                Some((k, _)) if k.key.is(name) => {
                    // As `dict_set` does: a dict holding a container joins
                    // the collector's lists.
                    dict.track_for_contents(name, &value);
                    t.replace_value(cached, value)
                }
                _ => {
                    drop(t);
                    drop(slot);
                    return self.store_attr_slow(iv, obj, name, value, cached as u32);
                }
            }
        };
        // The old value may run `__del__`: released after the borrows.
        drop(old);
        Ok(())
    }

    /// `store_attr_cached` when the cached index missed: the instance has
    /// no dict yet, or the name sits elsewhere in it, or is new (every
    /// attribute an `__init__` sets comes here once per instance).
    #[inline(never)]
    fn store_attr_slow(&self, iv: &InstanceValue, obj: &Obj, name: &Obj, value: Obj, cached: u32) -> Result<(), Obj> {
        if cached & AttrCache::SLOT != 0 {
            // A `__slots__` member (never a dict made for it).
            let Some(cell) = iv.slots.get((cached & !AttrCache::SLOT) as usize) else { return Err(value) };
            let old = cell.borrow_mut().replace(value);
            drop(old);
            return Ok(());
        }
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
        let index = self.find_str_index(&dv.0, name);
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

    /// True when `obj` is an instance of the type the entry was filled
    /// for, and no class changed since (so the contract holds, and a fill
    /// would find nothing new).
    #[inline(always)]
    pub(crate) fn cache_applies(&self, obj: &Obj, code: &Code, i: usize) -> bool {
        let c = code.attr_cache[i].get();
        let t = obj.type_addr();
        obj.kind() == Kind::Instance && (c.type_addr == t || c.type_addr2 == t) && c.generation == self.type_generation.get()
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
        if tv.flags.get() & (type_flags::CUSTOM_GETATTRIBUTE | type_flags::CUSTOM_SETATTR) != 0 {
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
        let attr = self.lookup_type_attr(&type_, name);
        let index = match attr.as_ref().map(|a| (a, a.downcast::<DescrValue>())) {
            // A `__slots__` member reads and writes the instance's slot,
            // whatever its dict holds.
            Some((_, Some(DescrValue::Slot { index, .. }))) if *index < AttrCache::SLOT as usize => AttrCache::SLOT | *index as u32,
            Some((a, _)) if self.is_data_descr(a) => return Ok(()),
            _ if tv.flags.get() & type_flags::NO_DICT != 0 => return Ok(()),
            // Filled even when the name is not (yet) in this instance's
            // dict, with an index no dict has: the contract is about the
            // type.
            _ => obj
                .downcast::<InstanceValue>()
                .and_then(|iv| iv.dict.borrow().clone())
                .and_then(|d| d.downcast::<DictValue>().and_then(|dv| self.find_str_index(&dv.0, name)))
                .map_or(u32::MAX & !AttrCache::SLOT, |i| i as u32),
        };
        // The type that filled the entry before stays as the second one
        // while no class changed (its contract still holds), if the two
        // share the entry's meaning: both find the name in their dicts
        // (the index is only a hint there), or both in the same slot. A
        // dict index read as a slot number would read another member.
        let old = code.attr_cache[i].get();
        let (generation, type_addr) = (self.type_generation.get(), obj.type_addr());
        let same_meaning = if index & AttrCache::SLOT != 0 { old.index == index } else { old.index & AttrCache::SLOT == 0 };
        let type_addr2 = if old.generation != generation || !same_meaning {
            0
        } else if old.type_addr != type_addr {
            old.type_addr
        } else {
            old.type_addr2
        };
        code.attr_cache[i].set(AttrCache { type_addr, type_addr2, generation, index });
        Ok(())
    }

    /// For `LoadMethod`: the function that `obj.name` would bind and the
    /// object it would bind to, when it is a function found on `obj`'s
    /// type and the instance's own dict does not shadow it, or a Python
    /// function found through a `super()` object; `Err(obj)` sends the
    /// caller to the generic lookup. Limited to kinds whose attribute
    /// lookup is the generic one (not types or modules). The site's
    /// method cache answers first.
    #[inline]
    pub(crate) fn method_for_call(&mut self, obj: Obj, code: &Code, i: usize) -> Result<(Obj, Obj), Obj> {
        if let Some(m) = self.cached_method(&obj, code, i) {
            return Ok((m, obj));
        }
        self.method_for_call_uncached(obj, code, i)
    }

    #[inline(never)]
    fn method_for_call_uncached(&mut self, obj: Obj, code: &Code, i: usize) -> Result<(Obj, Obj), Obj> {
        let name = &code.names[i];
        match self.method_on_type(&obj, name) {
            Some(m) => {
                self.fill_method_cache(&obj, code, i);
                Ok((m, obj))
            }
            None if obj.kind() == Kind::Descr => match self.super_method(&obj, name) {
                Some(pair) => Ok(pair),
                None => Err(obj),
            },
            None => Err(obj),
        }
    }

    /// The method a `LoadMethod` site found last time for `obj`'s type,
    /// read from the defining class's table at the recorded place, unless
    /// a class changed since or the instance's dict shadows the name.
    #[inline(always)]
    fn cached_method(&self, obj: &Obj, code: &Code, i: usize) -> Option<Obj> {
        let cache = code.method_cache[i].get();
        let t = obj.type_addr();
        let c = match cache.ways {
            [w, _] if w.type_addr == t => w,
            [_, w] if w.type_addr == t => w,
            _ => return None,
        };
        if cache.generation != self.type_generation.get() {
            return None;
        }
        let type_ = obj.type_obj();
        let tv = type_.downcast::<TypeValue>()?;
        let method = if c.mro_index == 0 {
            tv.dict.borrow().entry(c.index as usize).map(|(_, v)| v.clone())?
        } else {
            let mro = tv.mro.borrow();
            let owner = mro.get(c.mro_index as usize)?.downcast::<TypeValue>()?;
            let m = owner.dict.borrow().entry(c.index as usize).map(|(_, v)| v.clone());
            m?
        };
        if let Some(iv) = obj.downcast::<InstanceValue>() {
            let name = &code.names[i];
            let shadows = |d: &Obj| d.downcast::<DictValue>().is_none_or(|dv| self.find_str_index(&dv.0, name).is_some());
            if iv.dict.borrow().as_ref().is_some_and(shadows) {
                return None;
            }
        }
        Some(method)
    }

    /// After `method_on_type` found the method for `obj`: records where,
    /// for instances (whose dict is checked on every hit) and for exact
    /// builtin containers and numbers (which have no instance dict).
    #[cold]
    fn fill_method_cache(&self, obj: &Obj, code: &Code, i: usize) {
        let t = &self.types;
        let dictless = [&t.list, &t.dict, &t.str_, &t.set, &t.tuple, &t.int, &t.float].iter().any(|ty| obj.has_type(ty));
        if obj.kind() != Kind::Instance && !dictless {
            return;
        }
        let type_ = obj.type_obj();
        let Some(tv) = type_.downcast::<TypeValue>() else { return };
        let name = &code.names[i];
        let mro = tv.mro.borrow();
        for (mro_index, class) in mro.iter().enumerate() {
            let Some(cv) = class.downcast::<TypeValue>() else { return };
            if let Some(index) = self.find_str_index(&cv.dict, name) {
                if mro_index == 0 && !class.is(&type_) {
                    return;
                }
                let generation = self.type_generation.get();
                let way = MethodWay { type_addr: obj.type_addr(), mro_index: mro_index as u32, index: index as u32 };
                // The most recent other type stays as the second way while
                // no class changed (its entry is still right).
                let old = code.method_cache[i].get();
                let second = match old.ways {
                    _ if old.generation != generation => MethodWay::default(),
                    [w, _] if w.type_addr != way.type_addr => w,
                    [_, w] => w,
                };
                code.method_cache[i].set(MethodCache { generation, ways: [way, second] });
                return;
            }
        }
    }

    /// `super().name(...)` where `name` is a Python function: the function
    /// and the instance, which is what binding it would pair (as
    /// `super_get_attr` followed by `descr_get` does), without making the
    /// bound method. `super()`'s own attributes are never functions found
    /// on the MRO, and `__class__` is the super object's own.
    fn super_method(&self, s: &Obj, name: &Obj) -> Option<(Obj, Obj)> {
        let Some(DescrValue::Super { type_, obj: Some(obj), obj_type: Some(start) }) = s.downcast::<DescrValue>() else {
            return None;
        };
        // A super bound to a class (`super(C, C)`) gives plain functions.
        if obj.is(start) || name.downcast::<StrValue>()?.text.as_bytes() == b"__class__" {
            return None;
        }
        if self.type_flags_of(s) & type_flags::CUSTOM_GETATTRIBUTE != 0 {
            return None;
        }
        let found = self.super_lookup(type_, start, name)?;
        if found.kind() != Kind::Function {
            return None;
        }
        crate::heap::Heap::note_elided_container();
        Some((found, obj.clone()))
    }

    /// The function `obj.name` would bind, found on `obj`'s type.
    #[inline]
    fn method_on_type(&mut self, obj: &Obj, name: &Obj) -> Option<Obj> {
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
        // An instance attribute of that name shadows the method. The
        // check borrows a plain instance's dict slot rather than cloning
        // the dict (a count increment and decrement per method call).
        let shadows = |d: &Obj| d.downcast::<DictValue>().is_none_or(|dv| self.find_str_index(&dv.0, name).is_some());
        let shadowed = match obj.downcast::<InstanceValue>() {
            Some(iv) => iv.dict.borrow().as_ref().is_some_and(shadows),
            None => self.existing_dict(obj).is_some_and(|d| shadows(&d)),
        };
        if shadowed {
            return None;
        }
        Some(attr)
    }
}
