//! The builtin hooks of annotations: `list[int]` (the builtin generic
//! classes' `__class_getitem__`) and `int | None` (`type.__or__`). Both
//! build objects of the embedded `_generic_alias` module (re-exported by
//! `types`), written in Python: they are plain data with a repr, and
//! nothing in the VM reads them. Also PEP 560's `__mro_entries__`, which
//! lets such an alias stand as a base class.

use super::builtins_extra::set_type_method;
use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};

/// Gives the builtin generic classes `__class_getitem__` and `type` its
/// `|`, as CPython 3.11 does.
pub(super) fn install(vm: &mut Vm) {
    let t = &vm.types;
    let generic = [t.list.clone(), t.dict.clone(), t.tuple.clone(), t.set.clone(), t.frozenset.clone(), t.type_.clone()];
    for cls in generic {
        let f = vm.new_builtin("__class_getitem__", class_getitem);
        let cm = Obj::new(DescrValue::ClassMethod(f), &vm.types.classmethod);
        let key = vm.intern("__class_getitem__");
        vm.table_set_str(&cls.downcast::<TypeValue>().expect("type").dict, key, cm);
    }
    let type_ = vm.types.type_.clone();
    set_type_method(vm, &type_, "__or__", type_or);
    set_type_method(vm, &type_, "__ror__", type_ror);
}

/// `cls[key]`: `types.GenericAlias(cls, key)`.
fn class_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("__class_getitem__", &a, 2, 2)?;
    call_helper(vm, "GenericAlias", args)
}

fn type_or(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("__or__", &a, 2, 2)?;
    call_helper(vm, "_union", args)
}

fn type_ror(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    // `self` is the right operand.
    let args = vm.positional("__ror__", &a, 2, 2)?;
    call_helper(vm, "_union", &[args[1].clone(), args[0].clone()])
}

fn call_helper(vm: &mut Vm, name: &str, args: &[Obj]) -> PyResult<Obj> {
    let module = vm.import_embedded("_generic_alias")?;
    let key = vm.intern(name);
    let f = vm.get_attr(&module, &key)?;
    vm.call_object(&f, args)
}

/// PEP 560's `update_bases`: a base that is not a class but has
/// `__mro_entries__` (`list[int]`, say) stands for the classes it returns.
pub(super) fn update_bases(vm: &mut Vm, orig_bases: &[Obj]) -> PyResult<Vec<Obj>> {
    let mut bases = Vec::with_capacity(orig_bases.len());
    let key = vm.intern("__mro_entries__");
    for base in orig_bases {
        if base.kind() == Kind::Type {
            bases.push(base.clone());
            continue;
        }
        // Looked up on the object itself, as `_PyObject_LookupAttr` does
        // (typing's `NamedTuple` is a function with the attribute).
        let entries = match vm.get_attr(base, &key) {
            Ok(f) => f,
            Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.attribute_error) => {
                bases.push(base.clone());
                continue;
            }
            Err(e) => return Err(e),
        };
        let all = vm.new_tuple(orig_bases.to_vec());
        let r = vm.call_object(&entries, &[all])?;
        let Some(t) = r.downcast::<TupleValue>() else {
            return Err(vm.type_error("__mro_entries__ must return a tuple"));
        };
        bases.extend(t.0.iter().cloned());
    }
    Ok(bases)
}
