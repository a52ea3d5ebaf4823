//! The builtins that CPython's `site` module adds: `exit` and `quit`.
//!
//! Each is an instance of `Quitter` (`_sitebuiltins.Quitter` in CPython)
//! holding its own name in its `__dict__`: its repr tells a learner how to
//! leave the prompt, and calling it raises `SystemExit(code)`. They exist
//! in scripts too, as in CPython run without `-S`.

use super::Vm;
use super::builtins_extra::set_type_method;
use super::modules::arity;
use crate::heap::{Kind, Obj};
use crate::object::payloads::{InstanceValue, TypeValue};
use crate::object::{CallArgs, PyErr, PyResult};
use std::cell::RefCell;

/// How CPython's `site` names end-of-file on POSIX systems.
const EOF_KEY: &str = "Ctrl-D (i.e. EOF)";

pub(crate) fn install(vm: &mut Vm) {
    let quitter = super::types::new_type(&vm.types.type_, "Quitter", &[vm.types.object.clone()], Kind::Instance);
    set_type_method(vm, &quitter, "__repr__", quitter_repr);
    set_type_method(vm, &quitter, "__call__", quitter_call);
    let module_key = vm.intern("__module__");
    let module_name = vm.new_str("_sitebuiltins");
    vm.table_set_str(&quitter.downcast::<TypeValue>().expect("type").dict, module_key, module_name);
    for name in ["exit", "quit"] {
        let ns = vm.new_dict();
        let k = vm.intern("name");
        let v = vm.new_str(name);
        let _ = vm.dict_set(&ns, k, v);
        let obj = Obj::new(InstanceValue { dict: RefCell::new(Some(ns)), slots: Box::new([]) }, &quitter);
        let key = vm.intern(name);
        let b = vm.builtins.clone();
        let _ = vm.dict_set(&b, key, obj);
    }
}

fn quitter_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "__repr__", a.args, 1, 1)?;
    let k = vm.intern("name");
    let name = vm.get_attr(&a.args[0], &k)?;
    let name = vm.to_str(&name)?;
    Ok(vm.new_str(&format!("Use {name}() or {EOF_KEY} to exit")))
}

/// `exit(code=None)`: `SystemExit(code)`, which the interpreter turns into
/// the process's exit status.
fn quitter_call(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let positional = a.positional_args();
    let mut code: Vec<Obj> = positional.get(1..).unwrap_or_default().to_vec();
    for (name, value) in a.kwnames.iter().zip(&a.args[positional.len()..]) {
        let name = vm.str_lossy(name);
        if name != "code" {
            return Err(vm.type_error(format!("Quitter.__call__() got an unexpected keyword argument '{name}'")));
        }
        if !code.is_empty() {
            return Err(vm.type_error("Quitter.__call__() got multiple values for argument 'code'"));
        }
        code.push(value.clone());
    }
    if code.len() > 1 {
        let given = positional.len();
        return Err(vm.type_error(format!("Quitter.__call__() takes from 1 to 2 positional arguments but {given} were given")));
    }
    // `code` defaults to None, which CPython passes on: `args == (None,)`.
    if code.is_empty() {
        code.push(vm.none());
    }
    let t = vm.types.exceptions.system_exit.clone();
    Err(PyErr(vm.new_exception(&t, code)))
}
