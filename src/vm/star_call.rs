//! `CallEx`: calls with `*iterable` / `**mapping` arguments.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;

impl Vm {
    /// Calls `func` with the argument parts of a `CallEx`: `npos` iterables
    /// of positional arguments, then mappings of keyword arguments.
    pub(crate) fn call_ex(&mut self, func: &Obj, parts: Vec<Obj>, npos: usize) -> PyResult<Obj> {
        let mut args = Vec::new();
        for p in &parts[..npos] {
            match p.downcast::<TupleValue>() {
                Some(t) => args.extend(t.0.iter().cloned()),
                None => match self.iterate_to_vec(p) {
                    Ok(items) => args.extend(items),
                    Err(e) if self.isinstance(&e.0, &self.types.exceptions.type_error) && !self.is_iterable(p) => {
                        return Err(self.type_error(format!(
                            "{} argument after * must be an iterable, not {}",
                            self.callable_name(func),
                            self.type_name(p)
                        )));
                    }
                    Err(e) => return Err(e),
                },
            }
        }
        let mut kwnames: Vec<Obj> = Vec::new();
        let mut kwvalues = Vec::new();
        for m in &parts[npos..] {
            let entries: Vec<(Obj, Obj)> = if let Some(d) = m.downcast::<DictValue>() {
                d.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect()
            } else {
                let keys_name = self.intern("keys");
                let keys = match self.get_attr(m, &keys_name) {
                    Ok(k) => k,
                    Err(_) => {
                        return Err(self.type_error(format!(
                            "{} argument after ** must be a mapping, not {}",
                            self.callable_name(func),
                            self.type_name(m)
                        )));
                    }
                };
                let keys = self.call_object(&keys, &[])?;
                let mut out = Vec::new();
                for k in self.iterate_to_vec(&keys)? {
                    let v = self.get_item(m, &k)?;
                    out.push((k, v));
                }
                out
            };
            for (k, v) in entries {
                if k.kind() != Kind::Str {
                    return Err(self.type_error("keywords must be strings"));
                }
                let name = self.str_lossy(&k);
                if kwnames.iter().any(|n| self.str_lossy(n) == name) {
                    return Err(self.type_error(format!(
                        "{} got multiple values for keyword argument '{name}'",
                        self.callable_name(func)
                    )));
                }
                kwnames.push(k);
                kwvalues.push(v);
            }
        }
        args.extend(kwvalues);
        self.call(func, &args, &kwnames)
    }

    fn is_iterable(&mut self, o: &Obj) -> bool {
        matches!(o.kind(), Kind::List | Kind::Tuple | Kind::Str | Kind::Dict | Kind::Range | Kind::Iterator)
            || self.lookup_special(o, "__iter__").is_some()
            || self.lookup_special(o, "__getitem__").is_some()
    }

    /// How CPython names a callable in argument errors: `f()`, `C.m()`.
    fn callable_name(&self, f: &Obj) -> String {
        match f.kind() {
            Kind::Function => {
                let fv = f.downcast::<FunctionValue>().expect("function");
                let q = self.str_lossy(&fv.qualname.borrow());
                let key = self.new_str("__name__");
                let module = fv.globals.downcast::<DictValue>().and_then(|d| self.table_get_str(&d.0, &key));
                match module {
                    Some(m) if m.kind() == Kind::Str && self.str_lossy(&m) != "builtins" => {
                        format!("{}.{q}()", self.str_lossy(&m))
                    }
                    _ => format!("{q}()"),
                }
            }
            Kind::BoundMethod => {
                let inner = f.downcast::<BoundMethodValue>().expect("method").func.clone();
                self.callable_name(&inner)
            }
            Kind::BuiltinFunction => format!("{}()", f.downcast::<BuiltinFunctionValue>().expect("builtin").name),
            Kind::Type => {
                let tv = f.downcast::<TypeValue>().expect("type");
                let q = tv.qualname.borrow().clone().unwrap_or_else(|| tv.name.borrow().clone());
                let key = self.new_str("__module__");
                match self.table_get_str(&tv.dict, &key) {
                    Some(m) if m.kind() == Kind::Str && self.str_lossy(&m) != "builtins" => {
                        format!("{}.{q}()", self.str_lossy(&m))
                    }
                    _ => format!("{q}()"),
                }
            }
            _ => format!("{} object", self.type_name(f)),
        }
    }
}
