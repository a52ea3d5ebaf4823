//! The instructions of `with`, star unpacking (`*`/`**` in calls and
//! displays, starred targets) and `match`, with CPython 3.11's messages.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{PyErr, PyResult};

impl Vm {
    /// Can `o` be iterated (what `iter(o)` would accept)?
    fn is_iterable(&mut self, o: &Obj) -> bool {
        matches!(o.kind(), Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Range | Kind::Iterator)
            || self.lookup_special(o, "__iter__").is_some()
            || self.lookup_special(o, "__getitem__").is_some()
    }

    /// `ListExtend(depth)`.
    pub(crate) fn list_extend(&mut self, depth: usize) -> PyResult<()> {
        let iterable = self.stack.pop();
        if !self.is_iterable(&iterable) {
            return Err(self.type_error(format!("Value after * must be an iterable, not {}", self.type_name(&iterable))));
        }
        let items = self.iterate_to_vec(&iterable)?;
        let list = &self.stack[self.stack.len() - depth];
        list.downcast::<ListValue>().expect("a list").0.borrow_mut().extend(items);
        Ok(())
    }

    /// `ListToTuple`.
    pub(crate) fn list_to_tuple(&mut self) {
        let list = self.stack.pop();
        let items = list.downcast::<ListValue>().map(|l| l.0.borrow().clone()).unwrap_or_default();
        let t = self.new_tuple(items);
        self.stack.push(t);
    }

    /// The items of a mapping (`dict` or anything with `keys()` and
    /// `__getitem__`), or `None` when it is not one.
    fn mapping_items(&mut self, m: &Obj) -> PyResult<Option<Vec<(Obj, Obj)>>> {
        if let Some(d) = m.downcast::<DictValue>() {
            return Ok(Some(d.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect()));
        }
        let keys_name = self.intern("keys");
        let Some(keys) = self.lookup_attr(m, &keys_name)? else { return Ok(None) };
        let keys = self.call_object(&keys, &[])?;
        let keys = self.iterate_to_vec(&keys)?;
        let mut out = Vec::with_capacity(keys.len());
        for k in keys {
            let v = self.get_item(m, &k)?;
            out.push((k, v));
        }
        Ok(Some(out))
    }

    /// `DictUpdate(depth)`.
    pub(crate) fn dict_update(&mut self, depth: usize) -> PyResult<()> {
        let m = self.stack.pop();
        let Some(items) = self.mapping_items(&m)? else {
            return Err(self.type_error(format!("'{}' object is not a mapping", self.type_name(&m))));
        };
        let d = self.stack[self.stack.len() - depth].clone();
        for (k, v) in items {
            self.dict_set(&d, k, v)?;
        }
        Ok(())
    }

    /// `DictMerge(depth)`: `**m` at a call site.
    pub(crate) fn dict_merge(&mut self, depth: usize) -> PyResult<()> {
        let m = self.stack.pop();
        let d = self.stack[self.stack.len() - depth].clone();
        let func = self.stack[self.stack.len() - depth - 2].clone();
        let Some(items) = self.mapping_items(&m)? else {
            let f = self.function_str(&func);
            return Err(self.type_error(format!("{f} argument after ** must be a mapping, not {}", self.type_name(&m))));
        };
        for (k, v) in items {
            if k.kind() != Kind::Str {
                let f = self.function_str(&func);
                return Err(self.type_error(format!("{f} keywords must be strings")));
            }
            if self.dict_get(&d, &k)?.is_some() {
                let f = self.function_str(&func);
                let name = self.str_lossy(&k);
                return Err(self.type_error(format!("{f} got multiple values for keyword argument '{name}'")));
            }
            self.dict_set(&d, k, v)?;
        }
        Ok(())
    }

    /// How CPython names a callable in call errors (`_PyObject_FunctionStr`):
    /// `module.qualname()`, or `qualname()` for builtins.
    pub(crate) fn function_str(&mut self, f: &Obj) -> String {
        let f = match f.downcast::<BoundMethodValue>() {
            Some(m) => m.func.clone(),
            None => f.clone(),
        };
        if let Some(b) = f.downcast::<BuiltinFunctionValue>() {
            return format!("{}()", b.name);
        }
        if let Some(func) = f.downcast::<FunctionValue>() {
            let q = self.str_lossy(&func.qualname.borrow());
            let name = self.intern("__name__");
            let globals = func.globals.clone();
            return match self.dict_get(&globals, &name) {
                Ok(Some(m)) if m.kind() == Kind::Str && self.str_lossy(&m) != "builtins" => format!("{}.{q}()", self.str_lossy(&m)),
                _ => format!("{q}()"),
            };
        }
        let qualname = self.intern("__qualname__");
        let Ok(q) = self.get_attr(&f, &qualname) else {
            return format!("{} object", self.type_name(&f));
        };
        let q = self.str_lossy(&q);
        let module = self.intern("__module__");
        match self.get_attr(&f, &module) {
            Ok(m) if m.kind() == Kind::Str && self.str_lossy(&m) != "builtins" => format!("{}.{q}()", self.str_lossy(&m)),
            _ => format!("{q}()"),
        }
    }

    /// `CallEx(n)`: pops the call's parts and gives the callable, the
    /// arguments (keyword values last) and the keyword names.
    pub(crate) fn call_ex_args(&mut self, has_kwargs: bool) -> PyResult<(Obj, Vec<Obj>, Vec<Obj>)> {
        let kwargs = if has_kwargs { Some(self.stack.pop()) } else { None };
        let args = self.stack.pop();
        let func = self.stack.pop();
        let mut all = match args.downcast::<TupleValue>() {
            Some(t) => t.0.to_vec(),
            None => {
                if !self.is_iterable(&args) {
                    let f = self.function_str(&func);
                    return Err(self.type_error(format!("{f} argument after * must be an iterable, not {}", self.type_name(&args))));
                }
                self.iterate_to_vec(&args)?
            }
        };
        let mut names = Vec::new();
        if let Some(d) = kwargs.as_ref().and_then(|k| k.downcast::<DictValue>()) {
            for (k, v) in d.0.borrow().iter() {
                names.push(k.key.clone());
                all.push(v.clone());
            }
        }
        Ok((func, all, names))
    }

    pub(crate) fn check_unpackable(&mut self, seq: &Obj) -> PyResult<()> {
        if self.is_iterable(seq) {
            return Ok(());
        }
        Err(self.type_error(format!("cannot unpack non-iterable {} object", self.type_name(seq))))
    }

    /// `UnpackEx(before | after << 8)`.
    pub(crate) fn unpack_ex(&mut self, operand: u32) -> PyResult<()> {
        let (before, after) = ((operand & 0xff) as usize, (operand >> 8) as usize);
        let seq = self.stack.pop();
        self.check_unpackable(&seq)?;
        let mut items = self.iterate_to_vec(&seq)?;
        if items.len() < before + after {
            return Err(self.value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        self.stack.extend(tail.into_iter().rev());
        let l = self.new_list(middle);
        self.stack.push(l);
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    /// `BeforeWith`.
    pub(crate) fn before_with(&mut self) -> PyResult<()> {
        let mgr = self.stack.pop();
        let Some(enter) = self.lookup_special(&mgr, "__enter__") else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                self.type_name(&mgr)
            )));
        };
        let Some(exit) = self.lookup_special(&mgr, "__exit__") else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                self.type_name(&mgr)
            )));
        };
        let exit = self.bind_special(exit, &mgr);
        self.stack.push(exit);
        let enter = self.bind_special(enter, &mgr);
        let entered = self.call_object(&enter, &[])?;
        self.stack.push(entered);
        Ok(())
    }

    fn bind_special(&mut self, f: Obj, obj: &Obj) -> Obj {
        match f.kind() {
            Kind::Function | Kind::BuiltinFunction => {
                Obj::new(BoundMethodValue { func: f, self_: obj.clone() }, &self.types.bound_method)
            }
            _ => f,
        }
    }

    /// `__cause__`, `__context__`, `__suppress_context__` and
    /// `__traceback__` of an exception.
    pub(crate) fn exception_chain_attr(&self, exc: &Obj, name: &str) -> Option<Obj> {
        let e = exc.downcast::<ExceptionValue>()?;
        let or_none = |o: Option<Obj>| o.unwrap_or_else(|| self.none());
        match name {
            "__cause__" => Some(or_none(e.cause.borrow().clone())),
            "__context__" => Some(or_none(e.context.borrow().clone())),
            "__suppress_context__" => Some(self.bool_obj(e.suppress_context.get())),
            "__traceback__" => self.exception_traceback(exc).ok(),
            _ => None,
        }
    }

    /// `WithExceptStart`: `exit(type(exc), exc, exc.__traceback__)`.
    pub(crate) fn with_except_start(&mut self) -> PyResult<()> {
        let n = self.stack.len();
        let (exit, exc) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
        let tb_name = self.intern("__traceback__");
        let tb = self.get_attr(&exc, &tb_name).unwrap_or_else(|_| self.none());
        let r = self.call_object(&exit, &[exc.type_obj(), exc, tb])?;
        self.stack.push(r);
        Ok(())
    }

    /// `GetLen`.
    pub(crate) fn get_len_instr(&mut self) -> PyResult<()> {
        let top = self.stack.last().clone();
        let n = self.len(&top)?;
        let n = self.new_int(n as i64);
        self.stack.push(n);
        Ok(())
    }

    /// `MatchSequence` (`is_mapping` false) or `MatchMapping`.
    pub(crate) fn match_kind(&mut self, is_mapping: bool) {
        let top = self.stack.last().clone();
        let r = if is_mapping {
            self.isinstance(&top, &self.types.dict.clone())
        } else {
            top.kind() == Kind::Range
                || self.isinstance(&top, &self.types.list.clone())
                || self.isinstance(&top, &self.types.tuple.clone())
        };
        let r = self.bool_obj(r);
        self.stack.push(r);
    }

    /// `MatchKeys`.
    pub(crate) fn match_keys(&mut self) -> PyResult<()> {
        let n = self.stack.len();
        let (subject, keys) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
        let keys = keys.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
        let mut values = Vec::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            for earlier in &keys[..i] {
                if self.eq(earlier, k)? {
                    let r = self.repr(k)?;
                    return Err(self.value_error(format!("mapping pattern checks duplicate key ({r})")));
                }
            }
            let v = if subject.kind() == Kind::Dict && subject.type_obj().is(&self.types.dict) {
                self.dict_get(&subject, k)?
            } else {
                let get = self.intern("get");
                let get = self.get_attr(&subject, &get)?;
                let dummy = self.new_list(Vec::new());
                let v = self.call_object(&get, &[k.clone(), dummy.clone()])?;
                if v.is(&dummy) { None } else { Some(v) }
            };
            match v {
                Some(v) => values.push(v),
                None => {
                    let none = self.none();
                    self.stack.push(none);
                    return Ok(());
                }
            }
        }
        let t = self.new_tuple(values);
        self.stack.push(t);
        Ok(())
    }

    /// `CopyDictWithoutKeys`.
    pub(crate) fn copy_dict_without_keys(&mut self) -> PyResult<()> {
        let keys = self.stack.pop();
        let subject = self.stack.last().clone();
        let rest = self.new_dict();
        let items = self.mapping_items(&subject)?.unwrap_or_default();
        for (k, v) in items {
            self.dict_set(&rest, k, v)?;
        }
        let keys = keys.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
        for k in &keys {
            self.dict_remove(&rest, k)?;
        }
        self.stack.push(rest);
        Ok(())
    }

    /// `MatchClass(npos)`.
    pub(crate) fn match_class(&mut self, npos: usize) -> PyResult<()> {
        let names = self.stack.pop();
        let cls = self.stack.pop();
        let subject = self.stack.pop();
        let r = self.match_class_attrs(&subject, &cls, npos, &names)?;
        let r = match r {
            Some(items) => self.new_tuple(items),
            None => self.none(),
        };
        self.stack.push(r);
        Ok(())
    }

    fn match_class_attrs(&mut self, subject: &Obj, cls: &Obj, npos: usize, names: &Obj) -> PyResult<Option<Vec<Obj>>> {
        if cls.kind() != Kind::Type {
            return Err(self.type_error("called match pattern must be a type"));
        }
        if !self.isinstance(subject, cls) {
            return Ok(None);
        }
        let cls_name = cls.downcast::<TypeValue>().map(|t| t.name.borrow().clone()).unwrap_or_default();
        let mut attr_names: Vec<Obj> = Vec::new();
        let mut out = Vec::new();
        if npos > 0 {
            let ma_name = self.intern("__match_args__");
            let match_args = self.lookup_attr(cls, &ma_name)?;
            match match_args {
                Some(m) => {
                    let Some(t) = m.downcast::<TupleValue>() else {
                        return Err(self.type_error(format!(
                            "{cls_name}.__match_args__ must be a tuple (got {})",
                            self.type_name(&m)
                        )));
                    };
                    let allowed = t.0.to_vec();
                    if npos > allowed.len() {
                        return Err(self.too_many_subpatterns(&cls_name, allowed.len(), npos));
                    }
                    for a in &allowed[..npos] {
                        if a.kind() != Kind::Str {
                            return Err(self.type_error(format!(
                                "__match_args__ elements must be strings (got {})",
                                self.type_name(a)
                            )));
                        }
                        attr_names.push(a.clone());
                    }
                }
                None if self.matches_self(cls) => {
                    if npos > 1 {
                        return Err(self.too_many_subpatterns(&cls_name, 1, npos));
                    }
                    out.push(subject.clone());
                }
                None => return Err(self.too_many_subpatterns(&cls_name, 0, npos)),
            }
        }
        let kw = names.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
        for k in kw {
            for seen in &attr_names {
                if self.eq(seen, &k)? {
                    let name = self.str_lossy(&k);
                    return Err(self.type_error(format!("{cls_name}() got multiple sub-patterns for attribute '{name}'")));
                }
            }
            attr_names.push(k);
        }
        let attribute_error = self.types.exceptions.attribute_error.clone();
        for name in &attr_names {
            match self.get_attr(subject, name) {
                Ok(v) => out.push(v),
                Err(e) if self.isinstance(&e.0, &attribute_error) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
        Ok(Some(out))
    }

    /// Builtin types whose single positional sub-pattern matches the subject itself.
    fn matches_self(&self, cls: &Obj) -> bool {
        let t = &self.types;
        let selfs = [&t.bool_, &t.int, &t.float, &t.str_, &t.list, &t.tuple, &t.dict];
        cls.downcast::<TypeValue>().is_some_and(|tv| tv.mro.borrow().iter().any(|m| selfs.iter().any(|s| s.is(m))))
    }

    #[cold]
    fn too_many_subpatterns(&self, cls_name: &str, allowed: usize, given: usize) -> PyErr {
        let s = if allowed == 1 { "" } else { "s" };
        self.type_error(format!("{cls_name}() accepts {allowed} positional sub-pattern{s} ({given} given)"))
    }
}

impl Vm {
    /// `list[slice] = iterable`.
    pub(crate) fn list_set_slice(&mut self, list: &Obj, key: &Obj, value: Obj) -> PyResult<()> {
        let s = key.downcast::<SliceValue>().expect("a slice");
        let simple = s.step.kind() == Kind::None || self.small_int(&s.step) == Some(1);
        if !self.is_iterable(&value) {
            let msg = if simple { "can only assign an iterable" } else { "must assign iterable to extended slice" };
            return Err(self.type_error(msg));
        }
        let items = self.iterate_to_vec(&value)?;
        let l = list.downcast::<ListValue>().expect("a list");
        let len = l.0.borrow().len();
        let idx = self.slice_indices(s, len)?;
        if simple {
            let start = match idx.first() {
                Some(&i) => i,
                None => {
                    let none = self.none();
                    let from = SliceValue { start: s.start.clone(), stop: none.clone(), step: none };
                    self.slice_indices(&from, len)?.first().copied().unwrap_or(len)
                }
            };
            let old: Vec<Obj> = l.0.borrow_mut().splice(start..start + idx.len(), items).collect();
            drop(old);
            return Ok(());
        }
        if items.len() != idx.len() {
            return Err(self.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                idx.len()
            )));
        }
        let mut old = Vec::with_capacity(items.len());
        for (i, v) in idx.into_iter().zip(items) {
            old.push(std::mem::replace(&mut l.0.borrow_mut()[i], v));
        }
        drop(old);
        Ok(())
    }

    /// `del list[slice]`.
    pub(crate) fn list_del_slice(&mut self, list: &Obj, key: &Obj) -> PyResult<()> {
        let s = key.downcast::<SliceValue>().expect("a slice");
        let l = list.downcast::<ListValue>().expect("a list");
        let len = l.0.borrow().len();
        let mut idx = self.slice_indices(s, len)?;
        idx.sort_unstable();
        let mut old = Vec::with_capacity(idx.len());
        for i in idx.into_iter().rev() {
            old.push(l.0.borrow_mut().remove(i));
        }
        drop(old);
        Ok(())
    }
}
