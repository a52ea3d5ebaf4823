//! `type.__subclasses__()`: each type's list of its direct subclasses.
//!
//! Model (CPython's `tp_subclasses`): `TypeValue::subclasses` holds, oldest
//! first, a builtin subclass itself (builtin types live as long as the
//! interpreter; `types::new_type` records them) or a class made at run
//! time through its shared plain weak reference, so that a base never
//! keeps a subclass alive. A dead class's entry stays until the list is
//! pruned, which happens when it reaches a power of two: amortised
//! constant cost per new class, and a short list for a base that sees
//! many short-lived subclasses.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};

impl Vm {
    /// Records a new class in its bases' lists of subclasses, through the
    /// class's (shared, callback-less) weak reference, pruning each list
    /// that has reached a power of two.
    pub(super) fn add_subclass(&mut self, cls: &Obj, bases: &[Obj]) -> PyResult<()> {
        let weak = super::modules::weakref::plain_weakref(self, cls)?;
        for b in bases {
            let Some(bv) = b.downcast::<TypeValue>() else { continue };
            let mut list = bv.subclasses.borrow_mut();
            if list.len() >= 8 && list.len().is_power_of_two() {
                list.retain(|e| live_subclass(e).is_some());
            }
            list.push(weak.clone());
        }
        Ok(())
    }
}

/// `type.__subclasses__()`: the direct subclasses still alive, oldest
/// first.
pub(super) fn type_subclasses(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let Some((cls, rest)) = a.args.split_first() else {
        return Err(vm.type_error("unbound method type.__subclasses__() needs an argument"));
    };
    let Some(tv) = cls.downcast::<TypeValue>() else {
        return Err(vm.descriptor_mismatch("__subclasses__", "type", Some(cls)));
    };
    let name = tv.name.borrow().clone();
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}.__subclasses__() takes no keyword arguments")));
    }
    if !rest.is_empty() {
        return Err(vm.type_error(format!("{name}.__subclasses__() takes no arguments ({} given)", rest.len())));
    }
    let entries = tv.subclasses.borrow().clone();
    let live: Vec<Obj> = entries.iter().filter_map(live_subclass).collect();
    Ok(vm.new_list(live))
}

/// The subclasses of `tv` made at start-up (the builtin types), which its
/// list holds as themselves; classes made at run time are held through
/// weak references and left out.
pub(super) fn builtin_subclasses(tv: &TypeValue) -> Vec<Obj> {
    tv.subclasses.borrow().iter().filter(|s| s.kind() == Kind::Type).cloned().collect()
}

/// An entry of `TypeValue::subclasses`: the class, if it is alive.
fn live_subclass(entry: &Obj) -> Option<Obj> {
    match entry.downcast::<WeakRefValue>() {
        Some(w) => w.target.get(),
        None => Some(entry.clone()),
    }
}
