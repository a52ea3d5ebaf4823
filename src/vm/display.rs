//! Echoing values at the interactive prompt: the `PrintExpr` instruction
//! and `sys.displayhook`.
//!
//! Model (CPython's `PRINT_EXPR` and `sys_displayhook`): `PrintExpr` looks
//! `sys.displayhook` up at each use, so a user may replace it; the default
//! hook ignores None, else sets `builtins._` to None, writes `repr(value)`
//! and a newline where `print` writes, then sets `builtins._` to the value.
//! Clearing `_` first means a failing repr leaves no stale result behind.
//!
//! `builtins._` lives in the builtins table that name lookup falls back to
//! (`Vm::builtins`), and in the `builtins` module's dict when it is a
//! separate dict, so `import builtins; builtins._` sees it too.

use super::Vm;
use super::modules::arity;
use crate::heap::{Kind, Obj};
use crate::object::payloads::ModuleValue;
use crate::object::{CallArgs, PyResult};
use std::io::Write;

impl Vm {
    /// `PrintExpr`: calls `sys.displayhook(value)`.
    #[cold]
    pub(crate) fn display_value(&mut self, value: Obj) -> PyResult<()> {
        let hook = match self.sys_module()? {
            Some(sys) => {
                let d = sys.downcast::<ModuleValue>().expect("sys is a module").dict.clone();
                let k = self.intern("displayhook");
                self.dict_get(&d, &k)?
            }
            None => None,
        };
        let Some(hook) = hook else {
            return Err(self.err(&self.types.exceptions.runtime_error.clone(), "lost sys.displayhook"));
        };
        self.call_object(&hook, &[value])?;
        Ok(())
    }

    /// Sets `builtins._` in every builtins namespace.
    fn set_last_result(&mut self, value: Obj) -> PyResult<()> {
        let key = self.intern("_");
        let table = self.builtins.clone();
        self.dict_set(&table, key.clone(), value.clone())?;
        let module_key = self.intern("builtins");
        let mods = self.modules.clone();
        if let Some(module) = self.dict_get(&mods, &module_key)? {
            if let Some(m) = module.downcast::<ModuleValue>() {
                let d = m.dict.clone();
                if !d.is(&table) {
                    self.dict_set(&d, key, value)?;
                }
            }
        }
        Ok(())
    }
}

/// `sys.displayhook(value)` (also `sys.__displayhook__`).
pub(crate) fn sys_displayhook(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "displayhook", a.args, 1, 1)?;
    let value = a.args[0].clone();
    if value.kind() == Kind::None {
        return Ok(vm.none());
    }
    let none = vm.none();
    vm.set_last_result(none)?;
    let mut text = vm.repr(&value)?;
    text.push('\n');
    let _ = vm.stdout.write_all(text.as_bytes());
    vm.set_last_result(value)?;
    Ok(vm.none())
}
