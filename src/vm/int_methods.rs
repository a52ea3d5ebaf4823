//! Methods of `int` that read its bits: `bit_length`, `bit_count`.
//!
//! Each is a native method of the int type (so bools have them too); the
//! receiver is any int, its magnitude as a `BigInt`.

use super::Vm;
use super::builtins_extra::set_type_method;
use crate::heap::Obj;
use crate::object::{CallArgs, PyResult};
use num_bigint::BigInt;

pub(crate) fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    set_type_method(vm, &int, "bit_length", int_bit_length);
    set_type_method(vm, &int, "bit_count", int_bit_count);
}

/// The receiver of an int method called with no arguments.
fn receiver(vm: &Vm, a: &CallArgs<'_>, name: &str) -> PyResult<BigInt> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("int.{name}() takes no keyword arguments")));
    }
    let (Some(this), 1) = (a.args.first(), a.args.len()) else {
        let given = a.args.len().saturating_sub(1);
        return Err(vm.type_error(format!("int.{name}() takes no arguments ({given} given)")));
    };
    vm.big_int(this).ok_or_else(|| {
        vm.type_error(format!("descriptor '{name}' for 'int' objects doesn't apply to a '{}' object", vm.type_name(this)))
    })
}

fn int_bit_length(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let n = receiver(vm, &a, "bit_length")?;
    Ok(vm.new_int(n.magnitude().bits() as i64))
}

fn int_bit_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let n = receiver(vm, &a, "bit_count")?;
    Ok(vm.new_int(n.magnitude().count_ones() as i64))
}
