//! Native modules: `sys`, `gc`, `_weakref`, `_traceback`, `math`, `time`, `random`, `os`. Each is made at
//! start-up and registered in `sys.modules` (only `sys`) or on first
//! import (`Vm::native_module`).

mod gc;
mod math;
pub(crate) mod math_float;
mod math_special;
mod os;
mod random;
mod random_variates;
mod sha512;
mod struct_seq;
mod sys;
mod time;
mod traceback;
pub(crate) mod weakref;

pub(crate) use weakref::WeakrefTypes;

use super::Vm;
use crate::heap::Obj;
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types.module.clone();
    super::builtins_extra::set_type_method(vm, &t, "__new__", module_new);
    let m = sys::make(vm);
    let key = vm.intern("sys");
    let mods = vm.modules.clone();
    let _ = vm.dict_set(&mods, key, m);
    // The module's namespace is the builtins dict itself, as in CPython, so
    // builtins installed later (and assignments to `builtins.x`) are shared.
    let name = vm.new_str("builtins");
    let dict = vm.builtins.clone();
    let k = vm.intern("__name__");
    let _ = vm.dict_set(&dict, k, name.clone());
    let b = Obj::new(ModuleValue { name, dict }, &vm.types.module);
    let key = vm.intern("builtins");
    let _ = vm.dict_set(&mods, key, b);
}

/// `module(name, doc=None)` (`types.ModuleType`), as CPython's
/// `module___init__`: an empty module of class `cls` whose namespace holds
/// `__name__`, `__doc__`, `__package__`, `__loader__` and `__spec__`.
fn module_new(vm: &mut Vm, a: crate::object::CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::args::kwargs(vm, "module", &a, &["name", "doc"])?;
    let (cls, pos) = pos.split_first().ok_or_else(|| vm.type_error("module.__new__(): not enough arguments"))?;
    if pos.len() > 2 {
        return Err(vm.type_error(format!("module() takes at most 2 arguments ({} given)", pos.len())));
    }
    let name = match pos.first().cloned().or_else(|| kw[0].clone()) {
        Some(n) if n.downcast::<StrValue>().is_some() => n,
        Some(n) => return Err(vm.type_error(format!("module() argument 'name' must be str, not {}", vm.type_name(&n)))),
        None => return Err(vm.type_error("module() missing required argument 'name' (pos 1)")),
    };
    let doc = pos.get(1).cloned().or_else(|| kw[1].clone()).unwrap_or_else(|| vm.none());
    let dict = vm.new_dict();
    let none = vm.none();
    for (key, value) in [("__name__", name.clone()), ("__doc__", doc), ("__package__", none.clone()), ("__loader__", none.clone()), ("__spec__", none)] {
        let k = vm.intern(key);
        vm.dict_set(&dict, k, value)?;
    }
    Ok(Obj::new(ModuleValue { name, dict }, cls))
}

impl Vm {
    /// An empty module object with `__name__` set.
    pub(crate) fn new_module(&mut self, name: &str) -> Obj {
        let dict = self.new_dict();
        let n = self.new_str(name);
        let k = self.intern("__name__");
        let _ = self.dict_set(&dict, k, n.clone());
        let (k, none) = (self.intern("__doc__"), self.none());
        let _ = self.dict_set(&dict, k, none);
        Obj::new(ModuleValue { name: n, dict }, &self.types.module)
    }

    pub(crate) fn module_set(&mut self, m: &Obj, name: &str, value: Obj) {
        let d = m.downcast::<ModuleValue>().expect("module").dict.clone();
        let k = self.intern(name);
        let _ = self.dict_set(&d, k, value);
    }

    pub(crate) fn module_fns(&mut self, m: &Obj, fns: &[(&'static str, NativeFn)]) {
        for &(name, f) in fns {
            let func = self.new_builtin_function(name, f);
            self.module_set(m, name, func);
        }
    }

    /// The native module called `name`, made now, if there is one.
    pub(crate) fn native_module(&mut self, name: &str) -> PyResult<Option<Obj>> {
        Ok(match name {
            "math" => Some(math::make(self)),
            "gc" => Some(gc::make(self)),
            "_weakref" => Some(weakref::make(self)),
            "_traceback" => Some(traceback::make(self)),
            "time" => Some(time::make(self)),
            "random" => Some(random::make(self)?),
            "os" => Some(os::make(self)),
            _ => None,
        })
    }

    /// A float argument (int or float), else TypeError.
    pub(crate) fn float_arg(&mut self, o: &Obj) -> PyResult<f64> {
        // `PyFloat_AsDouble`: a float, an int, then `__float__`, then
        // `__index__`.
        match self.float_of(o)? {
            Some(f) => Ok(f),
            None => Err(self.type_error(format!("must be real number, not {}", self.type_name(o)))),
        }
    }
}

/// Refuses keyword arguments, with CPython's message for a function
/// that takes none (`name` as CPython spells it, e.g. `math.sqrt`).
pub(crate) fn no_keywords(vm: &Vm, name: &str, a: &CallArgs<'_>) -> PyResult<()> {
    if a.kwnames.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("{name}() takes no keyword arguments")))
}

/// Checks a native function's positional argument count.
/// The messages are CPython's: `METH_O` functions say "takes exactly one
/// argument", the others `_PyArg_CheckPositional`'s "expected N arguments".
pub(crate) fn arity(vm: &Vm, name: &str, args: &[Obj], min: usize, max: usize) -> PyResult<()> {
    arity_count(vm, name, args.len(), min, max)
}

/// `arity` for a count of `n` positional arguments.
pub(crate) fn arity_count(vm: &Vm, name: &str, n: usize, min: usize, max: usize) -> PyResult<()> {
    if n >= min && n <= max {
        return Ok(());
    }
    Err(vm.type_error(if min == max {
        if min == 1 {
            format!("{name}() takes exactly one argument ({n} given)")
        } else {
            format!("{name} expected {min} arguments, got {n}")
        }
    } else if n < min {
        format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
    } else {
        format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
    }))
}
