//! The attributes of functions, code objects and cells (`f.__defaults__`,
//! `f.__code__.co_varnames`, `cell.cell_contents`...), and the
//! `SetupAnnotations` instruction that gives namespaces `__annotations__`.
//!
//! A function's writable attributes live in its payload (not in its
//! `__dict__`), so that assigning `f.__defaults__` changes how the next
//! call binds its arguments, as in CPython. Assignments are type-checked
//! with CPython's messages.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::PyResult;

impl Vm {
    /// `obj.name` for the attributes functions, code objects and cells
    /// have without a namespace entry; `None` when `name` is not one.
    pub(crate) fn callable_parts_attr(&mut self, obj: &Obj, name: &str) -> PyResult<Option<Obj>> {
        if let Some(f) = obj.downcast::<FunctionValue>() {
            let v = match name {
                "__doc__" => f.doc.borrow().clone(),
                "__defaults__" => f.defaults.borrow().clone().unwrap_or_else(|| self.none()),
                "__kwdefaults__" => f.kwdefaults.borrow().clone().unwrap_or_else(|| self.none()),
                "__annotations__" => {
                    let existing = f.annotations.borrow().clone();
                    existing.unwrap_or_else(|| {
                        let d = self.new_dict();
                        *f.annotations.borrow_mut() = Some(d.clone());
                        d
                    })
                }
                "__code__" => f.code.clone(),
                "__globals__" => f.globals.clone(),
                "__module__" => f.module.borrow().clone(),
                "__closure__" => f.closure.clone().unwrap_or_else(|| self.none()),
                "__builtins__" => self.builtins.clone(),
                _ => return Ok(None),
            };
            return Ok(Some(v));
        }
        if let Some(c) = obj.downcast::<CodeValue>() {
            return Ok(self.code_attr(&c.0, name));
        }
        if let Some(cell) = obj.downcast::<CellValue>() {
            if name == "cell_contents" {
                let v = cell.0.borrow().clone();
                return v.map(Some).ok_or_else(|| self.value_error("Cell is empty"));
            }
        }
        Ok(None)
    }

    pub(crate) fn code_attr(&mut self, code: &crate::bytecode::Code, name: &str) -> Option<Obj> {
        let strs = |vm: &Vm, names: &[String]| vm.new_tuple(names.iter().map(|n| vm.new_str(n)).collect());
        Some(match name {
            "co_name" => self.new_str(&code.name),
            "co_qualname" => self.new_str(&code.qualname),
            "co_filename" => self.new_str(&code.filename),
            "co_firstlineno" => self.new_int(code.firstlineno as i64),
            "co_argcount" => self.new_int(code.argcount as i64),
            "co_posonlyargcount" => self.new_int(code.posonlyargcount as i64),
            "co_kwonlyargcount" => self.new_int(code.kwonlyargcount as i64),
            "co_nlocals" => self.new_int(code.varnames.len() as i64),
            "co_flags" => self.new_int(code.flags as i64),
            "co_varnames" => strs(self, &code.varnames),
            "co_cellvars" => strs(self, &code.cellvars),
            "co_freevars" => strs(self, &code.freevars),
            "co_names" => self.new_tuple(code.names.clone()),
            _ => return None,
        })
    }

    /// `f.name = value` (or `del f.name` when `value` is `None`) for the
    /// attributes a function keeps in its payload; `None` when `name` is
    /// not one of them.
    pub(crate) fn set_function_attr(&mut self, obj: &Obj, name: &str, value: Option<Obj>) -> Option<PyResult<()>> {
        let f = obj.downcast::<FunctionValue>()?;
        let value = value.filter(|v| v.kind() != Kind::None || name == "__doc__");
        let r = match name {
            "__doc__" => {
                *f.doc.borrow_mut() = value.unwrap_or_else(|| self.none());
                Ok(())
            }
            "__name__" | "__qualname__" => match value {
                Some(v) if v.downcast::<StrValue>().is_some() => {
                    let slot = if name == "__name__" { &f.name } else { &f.qualname };
                    *slot.borrow_mut() = v;
                    Ok(())
                }
                _ => Err(self.type_error(format!("{name} must be set to a string object"))),
            },
            "__defaults__" => match value {
                Some(v) if v.kind() != Kind::Tuple => Err(self.type_error("__defaults__ must be set to a tuple object")),
                v => {
                    *f.defaults.borrow_mut() = v;
                    Ok(())
                }
            },
            "__kwdefaults__" => match value {
                Some(v) if v.kind() != Kind::Dict => Err(self.type_error("__kwdefaults__ must be set to a dict object")),
                v => {
                    *f.kwdefaults.borrow_mut() = v;
                    Ok(())
                }
            },
            "__annotations__" => match value {
                Some(v) if v.kind() != Kind::Dict => Err(self.type_error("__annotations__ must be set to a dict object")),
                v => {
                    *f.annotations.borrow_mut() = v;
                    Ok(())
                }
            },
            "__module__" => {
                *f.module.borrow_mut() = value.unwrap_or_else(|| self.none());
                Ok(())
            }
            "__closure__" | "__globals__" | "__builtins__" => Err(self.attribute_error("readonly attribute")),
            "__code__" => match value {
                Some(v) if v.kind() == Kind::Code => {
                    Err(self.not_implemented_error("assigning a function's __code__ is not supported"))
                }
                _ => Err(self.type_error("__code__ must be set to a code object")),
            },
            _ => return None,
        };
        Some(r)
    }

    /// `globals["__name__"]` (None when absent), a new function's
    /// `__module__`. A plain read: the key is a str, so no Python code runs.
    pub(crate) fn module_name_of(&mut self, globals: &Obj) -> Obj {
        let key = self.intern("__name__");
        self.dict_get(globals, &key).ok().flatten().unwrap_or_else(|| self.none())
    }

    /// `SetupAnnotations`: a module or class namespace gets an empty
    /// `__annotations__` unless it has one.
    #[cold]
    pub(crate) fn setup_annotations(&mut self, fi: usize) -> PyResult<()> {
        let ns = self.frames[fi].names.clone().unwrap_or_else(|| self.frames[fi].globals.clone());
        let key = self.intern("__annotations__");
        if self.dict_get(&ns, &key)?.is_none() {
            let d = self.new_dict();
            self.dict_set(&ns, key, d)?;
        }
        Ok(())
    }
}
