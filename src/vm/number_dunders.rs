//! The operator methods of `int` and `float` as Python sees them
//! (`(1).__add__(2)`, `float.__lt__`, `int.__radd__`...).
//!
//! The VM never calls these for its own arithmetic (numbers take the fast
//! paths in `ops.rs`); they exist so that explicit calls, `super()` calls
//! in subclasses and the `NotImplemented` protocol behave as in CPython:
//! an operand of a type the method does not handle gives
//! `NotImplemented`. Each method delegates to the VM's operators.

use super::Vm;
use super::builtins_extra::set_type_method;
use crate::bytecode::{BinOp, CmpOp, UnOp};
use crate::heap::{Kind, Obj};
use crate::object::{CallArgs, NativeFn, PyResult};

/// Whether `o` is an operand the methods of `float` (`accept_float`) or
/// of `int` handle.
fn handled(o: &Obj, accept_float: bool) -> bool {
    matches!(o.kind(), Kind::Int | Kind::Bool) || (accept_float && o.kind() == Kind::Float)
}

fn receiver(vm: &Vm, a: &CallArgs<'_>, owner: &str, name: &str, nargs: usize) -> PyResult<()> {
    super::list_methods::method_nargs(vm, a, owner, name, nargs, nargs, false)?;
    let ok = if owner == "float" { a.args[0].kind() == Kind::Float } else { handled(&a.args[0], false) };
    if ok {
        Ok(())
    } else {
        Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{owner}' object but received a '{}'",
            vm.type_name(&a.args[0])
        )))
    }
}

fn binary(vm: &mut Vm, a: &CallArgs<'_>, owner: &str, name: &str, op: BinOp, reflected: bool) -> PyResult<Obj> {
    if op == BinOp::Pow && a.args.len() == 3 && a.kwnames.is_empty() {
        // `x.__pow__(y, mod)`: the three-argument pow.
        let key = vm.intern("pow");
        let b = vm.builtins.clone();
        let pow = vm.dict_get(&b, &key)?.expect("pow is a builtin");
        return vm.call_object(&pow, a.args);
    }
    receiver(vm, a, owner, name, 1)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    if !handled(y, owner == "float") {
        return Ok(vm.singletons.not_implemented.clone());
    }
    if reflected { vm.binary_op(y, x, op) } else { vm.binary_op(x, y, op) }
}

fn compare(vm: &mut Vm, a: &CallArgs<'_>, owner: &str, name: &str, op: CmpOp) -> PyResult<Obj> {
    receiver(vm, a, owner, name, 1)?;
    let (x, y) = (&a.args[0], &a.args[1]);
    if !handled(y, owner == "float") {
        return Ok(vm.singletons.not_implemented.clone());
    }
    vm.compare(x, y, op)
}

fn unary(vm: &mut Vm, a: &CallArgs<'_>, owner: &str, name: &str, op: UnOp) -> PyResult<Obj> {
    receiver(vm, a, owner, name, 0)?;
    vm.unary_op(&a.args[0], op)
}

fn truth(vm: &mut Vm, a: &CallArgs<'_>, owner: &str) -> PyResult<Obj> {
    receiver(vm, a, owner, "__bool__", 0)?;
    // The payload's truth: `truthy` would come back here for a subclass.
    let t = super::ops::builtin_truth(&a.args[0]).unwrap_or(true);
    Ok(vm.bool_obj(t))
}

macro_rules! methods {
    ($owner:literal; $($name:literal => $kind:ident $arg:expr),* $(,)?) => {
        &[$(($name, |vm: &mut Vm, a: CallArgs<'_>| methods!(@call $kind vm a $owner $name $arg)),)*]
    };
    (@call bin $vm:ident $a:ident $owner:literal $name:literal $arg:expr) => { binary($vm, &$a, $owner, $name, $arg, false) };
    (@call rbin $vm:ident $a:ident $owner:literal $name:literal $arg:expr) => { binary($vm, &$a, $owner, $name, $arg, true) };
    (@call cmp $vm:ident $a:ident $owner:literal $name:literal $arg:expr) => { compare($vm, &$a, $owner, $name, $arg) };
    (@call un $vm:ident $a:ident $owner:literal $name:literal $arg:expr) => { unary($vm, &$a, $owner, $name, $arg) };
    (@call truth $vm:ident $a:ident $owner:literal $name:literal $arg:expr) => { truth($vm, &$a, $owner) };
}

/// The methods both types have; int adds the bitwise ones.
macro_rules! arithmetic {
    ($owner:literal) => {
        methods!($owner;
            "__add__" => bin BinOp::Add, "__radd__" => rbin BinOp::Add,
            "__sub__" => bin BinOp::Sub, "__rsub__" => rbin BinOp::Sub,
            "__mul__" => bin BinOp::Mul, "__rmul__" => rbin BinOp::Mul,
            "__truediv__" => bin BinOp::TrueDiv, "__rtruediv__" => rbin BinOp::TrueDiv,
            "__floordiv__" => bin BinOp::FloorDiv, "__rfloordiv__" => rbin BinOp::FloorDiv,
            "__mod__" => bin BinOp::Mod, "__rmod__" => rbin BinOp::Mod,
            "__pow__" => bin BinOp::Pow, "__rpow__" => rbin BinOp::Pow,
            "__eq__" => cmp CmpOp::Eq, "__ne__" => cmp CmpOp::Ne,
            "__lt__" => cmp CmpOp::Lt, "__le__" => cmp CmpOp::Le,
            "__gt__" => cmp CmpOp::Gt, "__ge__" => cmp CmpOp::Ge,
            "__neg__" => un UnOp::Neg, "__pos__" => un UnOp::Pos,
            "__bool__" => truth (),
        )
    };
}

pub(crate) fn install(vm: &mut Vm) {
    let int_only: &[(&'static str, NativeFn)] = methods!("int";
        "__and__" => bin BinOp::And, "__rand__" => rbin BinOp::And,
        "__or__" => bin BinOp::Or, "__ror__" => rbin BinOp::Or,
        "__xor__" => bin BinOp::Xor, "__rxor__" => rbin BinOp::Xor,
        "__lshift__" => bin BinOp::LShift, "__rlshift__" => rbin BinOp::LShift,
        "__rshift__" => bin BinOp::RShift, "__rrshift__" => rbin BinOp::RShift,
        "__invert__" => un UnOp::Invert,
    );
    let int_common: &[(&'static str, NativeFn)] = arithmetic!("int");
    let float_common: &[(&'static str, NativeFn)] = arithmetic!("float");
    let int = vm.types.int.clone();
    for &(name, f) in int_common.iter().chain(int_only) {
        set_type_method(vm, &int, name, f);
    }
    let float = vm.types.float.clone();
    for &(name, f) in float_common {
        set_type_method(vm, &float, name, f);
    }
}
