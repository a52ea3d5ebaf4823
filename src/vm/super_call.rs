//! `super()` objects: making them from explicit arguments or, for the
//! zero-argument form, from the calling frame's `__class__` cell and first
//! argument. Split from `class_support` (the `super` type's builtins),
//! which stays under the file size limit.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::{CellValue, DescrValue};

/// `super()` with no arguments, as calling the `super` type makes it
/// (`type.__call__` with `super.__new__` and `object.__init__`, which
/// builtin types cannot change): for `Vm::type_call`'s shortcut.
pub(super) fn call_zero_arg_super(vm: &mut Vm) -> PyResult<Obj> {
    let (type_, obj) = zero_arg_super(vm)?;
    make_super(vm, type_, obj)
}

/// The super object for `super(type_, obj)`.
pub(super) fn make_super(vm: &mut Vm, type_: Obj, obj: Obj) -> PyResult<Obj> {
    if type_.kind() != Kind::Type {
        return Err(vm.type_error(format!("super() argument 1 must be a type, not {}", vm.type_name(&type_))));
    }
    let obj_type = if obj.kind() == Kind::Type && vm.is_subtype(&obj, &type_) {
        obj.clone()
    } else if vm.isinstance(&obj, &type_) {
        obj.type_obj()
    } else {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    };
    Ok(Obj::new(DescrValue::Super { type_, obj: Some(obj), obj_type: Some(obj_type) }, &vm.types.super_))
}

/// `super()` in a method: the `__class__` cell and the first argument of
/// the calling frame. Read through borrows of the frame (no clones of the
/// code, cells or error type on the way), as every `super()` call does it.
pub(super) fn zero_arg_super(vm: &mut Vm) -> PyResult<(Obj, Obj)> {
    let found = match vm.frames.last() {
        None => Err("super(): no current frame"),
        Some(frame) if frame.code.argcount == 0 => Err("super(): no arguments"),
        Some(frame) => {
            let code = &frame.code;
            let first = match code.cell_params.iter().find(|(_, local)| *local == 0) {
                Some(&(cell, _)) => frame.cells[cell as usize].downcast::<CellValue>().and_then(|c| c.0.borrow().clone()),
                None => vm.stack.slot(frame.locals_base).clone(),
            };
            match (first, code.freevars.iter().position(|v| v == "__class__")) {
                (None, _) => Err("super(): arg[0] deleted"),
                (_, None) => Err("super(): __class__ cell not found"),
                (Some(first), Some(i)) => match frame.cells[code.cellvars.len() + i].downcast::<CellValue>() {
                    Some(c) => c.0.borrow().clone().map(|cls| (cls, first)).ok_or("super(): empty __class__ cell"),
                    None => Err("super(): empty __class__ cell"),
                },
            }
        }
    };
    let runtime_error = || vm.types.exceptions.runtime_error.clone();
    match found {
        Ok((cls, _)) if cls.kind() != Kind::Type => {
            let msg = format!("super(): __class__ is not a type ({})", vm.type_name(&cls));
            Err(vm.err(&runtime_error(), msg))
        }
        Ok(pair) => Ok(pair),
        Err(msg) => Err(vm.err(&runtime_error(), msg)),
    }
}
