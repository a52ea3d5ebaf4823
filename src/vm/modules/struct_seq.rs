//! Struct sequences (CPython's `structseq.c`): tuples whose items are
//! also read by name, printed as `sys.version_info(major=3, ...)`. Used
//! for `sys.version_info`, `sys.float_info`, `sys.int_info` and
//! `sys.hash_info`.
//!
//! Model: each is a builtin subclass of `tuple` whose instances are
//! tuples of that type. The field names are the type's
//! `__match_args__`, as in CPython; a name is read through the type's
//! `__getattr__`, which runs only after normal lookup (tuple methods,
//! the type's own attributes) has failed. `n_fields`,
//! `n_sequence_fields` and `n_unnamed_fields` are set as CPython sets
//! them (every field here is a sequence field).

use super::super::Vm;
use super::super::builtins_extra::set_type_method;
use crate::heap::{Kind, Obj};
use crate::object::payloads::{StrValue, TupleValue, TypeValue};
use crate::object::{CallArgs, PyResult};

/// A struct sequence type `module.name` with these fields.
pub(super) fn new_type(vm: &mut Vm, module: &str, name: &str, fields: &[&str]) -> Obj {
    let tuple = vm.types.tuple.clone();
    let t = crate::vm::types::new_type(&vm.types.type_, name, &[tuple], Kind::Tuple);
    set_type_method(vm, &t, "__getattr__", field_by_name);
    set_type_method(vm, &t, "__repr__", struct_seq_repr);
    let names: Vec<Obj> = fields.iter().map(|f| vm.new_str(f)).collect();
    let match_args = vm.new_tuple(names);
    let n = vm.new_int(fields.len() as i64);
    let unnamed = vm.new_int(0);
    let module = vm.new_str(module);
    let tv = t.downcast::<TypeValue>().expect("a type");
    for (key, value) in [
        ("__match_args__", match_args),
        ("n_fields", n.clone()),
        ("n_sequence_fields", n),
        ("n_unnamed_fields", unnamed),
        ("__module__", module),
    ] {
        let k = vm.intern(key);
        vm.table_set_str(&tv.dict, k, value);
    }
    t
}

/// An instance of the struct sequence type `t` holding `values`.
pub(super) fn new(t: &Obj, values: Vec<Obj>) -> Obj {
    Obj::new(TupleValue(values.into()), t)
}

/// The field names of `obj`'s type.
fn field_names(vm: &mut Vm, obj: &Obj) -> Vec<Obj> {
    let key = vm.intern("__match_args__");
    let names = vm.lookup_type_attr(&obj.type_obj(), &key);
    names.and_then(|n| n.downcast::<TupleValue>().map(|t| t.0.to_vec())).unwrap_or_default()
}

/// `__getattr__(self, name)`: the item named `name`.
fn field_by_name(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let [this, name] = a.args else { return Err(vm.type_error("expected 2 arguments")) };
    fn text(o: &Obj) -> Option<&[u8]> {
        o.downcast::<StrValue>().map(|s| s.text.as_bytes())
    }
    let names = field_names(vm, this);
    let at = names.iter().position(|n| text(n).is_some() && text(n) == text(name));
    match (at, this.downcast::<TupleValue>()) {
        (Some(i), Some(t)) if i < t.0.len() => Ok(t.0[i].clone()),
        _ => {
            // CPython names the type by its `tp_name`, `sys.float_info`.
            let n = vm.str_lossy(name);
            let type_name = qualified_name(vm, this);
            Err(vm.attribute_error(format!("'{type_name}' object has no attribute '{n}'")))
        }
    }
}

/// `module.name` of `obj`'s type.
fn qualified_name(vm: &mut Vm, obj: &Obj) -> String {
    let t = obj.type_obj();
    let type_name = t.downcast::<TypeValue>().map(|tv| tv.name.borrow().clone()).unwrap_or_default();
    format!("{}.{type_name}", vm.type_module_name(&t))
}

/// `repr()`: `module.name(field=repr, ...)`.
fn struct_seq_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let [this] = a.args else { return Err(vm.type_error("expected 1 argument")) };
    let names = field_names(vm, this);
    let items = this.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
    let mut parts = Vec::with_capacity(items.len());
    for (name, item) in names.iter().zip(&items) {
        let value = vm.repr(item)?;
        parts.push(format!("{}={value}", vm.str_lossy(name)));
    }
    let name = qualified_name(vm, this);
    Ok(vm.new_str(&format!("{name}({})", parts.join(", "))))
}
