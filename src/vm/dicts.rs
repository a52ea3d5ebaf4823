//! Dict operations with Python's key semantics.
//!
//! Keys of builtin types (str, int, float, tuple of those...) compare
//! without running Python code, so their lookups match inside the table.
//! Other keys may have a Python `__eq__`: their lookups take the
//! candidates with an equal hash, release the table, compare in Python,
//! and then act by identity of the matching key (see `object::dict`).

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::dict::DictTable;
use crate::object::payloads::{DictValue, FloatValue, IntValue, StrValue, TypeValue};
use super::type_cache::Probe;
use std::cell::RefCell;

/// Equality of two keys when neither runs Python code: `Some(answer)`, or
/// `None` when Python's `__eq__` must decide.
#[inline]
fn builtin_key_eq(a: &Obj, b: &Obj) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a.kind(), b.kind()) {
        (Kind::Str, Kind::Str) => {
            let (x, y) = (a.downcast::<StrValue>()?, b.downcast::<StrValue>()?);
            Some(x.text.as_bytes() == y.text.as_bytes())
        }
        (Kind::Int, Kind::Int) => match (a.downcast::<IntValue>()?, b.downcast::<IntValue>()?) {
            (IntValue::Small(x), IntValue::Small(y)) => Some(x == y),
            (IntValue::Big(x), IntValue::Big(y)) => Some(x == y),
            _ => Some(false),
        },
        (Kind::Float, Kind::Float) => Some(a.downcast::<FloatValue>()?.0 == b.downcast::<FloatValue>()?.0),
        (Kind::Str, Kind::Int | Kind::Float | Kind::None) | (Kind::Int | Kind::Float | Kind::None, Kind::Str) => {
            Some(false)
        }
        _ => None,
    }
}

/// The lookup done inside the table: `Some(index or None)` when every
/// key compared decided without Python, `None` when one needs Python's
/// `__eq__` (then `find_key_python` decides).
#[inline]
fn find_builtin(t: &DictTable, key: &Obj, hash: i64) -> Option<Option<usize>> {
    let mut needs_python = false;
    let found = t.find(hash, |k| match builtin_key_eq(k, key) {
        Some(eq) => eq,
        None => {
            needs_python = true;
            false
        }
    });
    if found.is_some() || !needs_python { Some(found) } else { None }
}

#[inline]
fn table(d: &Obj) -> &RefCell<DictTable> {
    &d.downcast::<DictValue>().expect("a dict").0
}

impl Vm {
    /// The hash of a dict key: a str's cached hash read inline (the
    /// common case: attribute names, literal keys), anything else through
    /// `hash`. A `StrValue` payload means `hash` takes its str arm too.
    #[inline]
    fn key_hash(&mut self, key: &Obj) -> PyResult<i64> {
        if let Some(s) = key.downcast::<StrValue>() {
            let h = s.hash.get();
            if h != -1 {
                return Ok(h);
            }
        }
        self.hash(key)
    }

    /// The index of `key` in `t`, comparing in Python where needed.
    fn find_key(&mut self, t: &RefCell<DictTable>, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
        let quick = find_builtin(&t.borrow(), key, hash);
        match quick {
            Some(found) => Ok(found),
            None => self.find_key_python(t, key, hash),
        }
    }

    /// The lookup when some key with `key`'s hash compares in Python:
    /// the candidates are taken out, and compared with no borrow held.
    #[cold]
    #[inline(never)]
    fn find_key_python(&mut self, t: &RefCell<DictTable>, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
        let candidates = t.borrow().candidates(hash);
        for cand in candidates {
            if self.eq(&cand, key)? {
                return Ok(t.borrow().find(hash, |k| k.is(&cand)));
            }
        }
        Ok(None)
    }

    pub fn dict_get(&mut self, d: &Obj, key: &Obj) -> PyResult<Option<Obj>> {
        let hash = self.key_hash(key)?;
        let t = table(d);
        {
            // One borrow for the lookup and the read, when no Python
            // comparison is needed.
            let tb = t.borrow();
            if let Some(found) = find_builtin(&tb, key, hash) {
                return Ok(found.and_then(|i| tb.entry(i).map(|(_, v)| v.clone())));
            }
        }
        let index = self.find_key_python(t, key, hash)?;
        Ok(index.and_then(|i| t.borrow().entry(i).map(|(_, v)| v.clone())))
    }

    pub fn dict_set(&mut self, d: &Obj, key: Obj, value: Obj) -> PyResult<()> {
        let hash = self.key_hash(&key)?;
        let t = table(d);
        d.track_for_contents(&key, &value);
        // One probe when no comparison needs Python (new keys above all:
        // no second search to insert). The old value may run `__del__`:
        // dropped once the borrow has ended.
        let set = t.borrow_mut().set_builtin(hash, key, value, builtin_key_eq);
        let (key, value) = match set {
            Ok(old) => {
                drop(old);
                return Ok(());
            }
            Err(kv) => kv,
        };
        // `set_builtin` found that some key compares in Python.
        let old = match self.find_key_python(t, &key, hash)? {
            Some(i) => t.borrow_mut().replace_value(i, value),
            None => {
                t.borrow_mut().insert_new(hash, key, value);
                None
            }
        };
        // The old value may run `__del__`: dropped after the borrow ends.
        drop(old);
        Ok(())
    }

    /// Removes `key`; `Ok(None)` when it is absent.
    pub fn dict_remove(&mut self, d: &Obj, key: &Obj) -> PyResult<Option<Obj>> {
        let hash = self.key_hash(key)?;
        let t = table(d);
        let removed = match self.find_key(t, key, hash)? {
            Some(i) => t.borrow_mut().remove_index(i),
            None => None,
        };
        Ok(removed.map(|(_, v)| v))
    }

    /// Looks up a str key by its text, without running Python code.
    pub fn table_get_str(&self, t: &RefCell<DictTable>, name: &Obj) -> Option<Obj> {
        let s = name.downcast::<StrValue>()?;
        let hash = self.str_obj_hash(s);
        let t = t.borrow();
        let i = t.find(hash, |k| builtin_key_eq(k, name).unwrap_or(false))?;
        t.entry(i).map(|(_, v)| v.clone())
    }

    /// The index of a str key, without running Python code.
    pub fn find_str_index(&self, t: &RefCell<DictTable>, name: &Obj) -> Option<usize> {
        let s = name.downcast::<StrValue>()?;
        let hash = self.str_obj_hash(s);
        t.borrow().find(hash, |k| builtin_key_eq(k, name).unwrap_or(false))
    }

    /// Sets a str key without running Python code.
    /// Empties the type cache, since `t` may be a class's namespace.
    pub fn table_set_str(&self, t: &RefCell<DictTable>, name: Obj, value: Obj) {
        self.invalidate_type_cache();
        let s = name.downcast::<StrValue>().expect("a str key");
        let hash = self.str_obj_hash(s);
        let index = t.borrow().find(hash, |k| builtin_key_eq(k, &name).unwrap_or(false));
        let old = match index {
            Some(i) => t.borrow_mut().replace_value(i, value),
            None => {
                t.borrow_mut().insert_new(hash, name, value);
                None
            }
        };
        drop(old);
    }

    /// Looks `name` up along `type_`'s MRO, through the type cache.
    pub fn lookup_type_attr(&self, type_: &Obj, name: &Obj) -> Option<Obj> {
        {
            // The value is read with the cache borrowed: cloning it runs
            // no Python code.
            let cache = self.type_cache.borrow();
            match cache.probe(type_, name) {
                Probe::Found(owner, i) => {
                    let tv = owner.downcast::<TypeValue>()?;
                    return tv.dict.borrow().entry(i).map(|(_, v)| v.clone());
                }
                Probe::Absent => return None,
                Probe::Miss => {}
            }
        }
        let tv = type_.downcast::<TypeValue>()?;
        if name.kind() != Kind::Str {
            return None;
        }
        let mut found = None;
        for t in tv.mro.borrow().iter() {
            if let Some(i) = self.find_str_index(&t.downcast::<TypeValue>()?.dict, name) {
                found = Some((t.clone(), i));
                break;
            }
        }
        let value = found.as_ref().and_then(|(owner, i)| {
            owner.downcast::<TypeValue>().and_then(|tv| tv.dict.borrow().entry(*i).map(|(_, v)| v.clone()))
        });
        self.type_cache.borrow_mut().fill(type_, name, found);
        value
    }

    /// Empties the type attribute cache without a class having changed (no
    /// new type generation: the inline caches stay valid).
    pub(crate) fn clear_type_cache(&self) {
        let dropped = self.type_cache.borrow_mut().take_all();
        drop(dropped);
    }

    /// Empties the type attribute cache: required after any change to a
    /// class's namespace, bases or MRO (see `type_cache`).
    pub(crate) fn invalidate_type_cache(&self) {
        let dropped = self.type_cache.borrow_mut().take_all();
        self.type_generation.set(self.type_generation.get() + 1);
        drop(dropped);
    }
}
