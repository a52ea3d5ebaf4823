//! `_traceback`: the native half of the `traceback` module
//! (`stdlib/traceback.py`). It lends that module the interpreter's own
//! report writer (`vm/traceback.rs`), in the `traceback` module's style of
//! source lines, so that `traceback.print_exc()` prints what an uncaught
//! exception would.

use super::super::Vm;
use super::super::traceback::SourceStyle;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::{CallArgs, PyResult};
use num_bigint::Sign;
use num_traits::ToPrimitive;

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("_traceback");
    vm.module_fns(&m, &[("format_exception", format_exception), ("format_exception_only", format_exception_only)]);
    m
}

/// `format_exception(exc, chain, limit)`: the whole report as one str.
fn format_exception(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "format_exception", a.args, 3, 3)?;
    let exc = exception_arg(vm, &a.args[0])?;
    let chain = vm.truthy(&a.args[1])?;
    let limit = match a.args[2].kind() {
        Kind::None => None,
        _ => {
            // CPython slices with `islice` (a positive limit) or a bounded
            // `deque` of length `-limit` (a negative one), whose errors
            // these are; `-limit` must fit too.
            let n = vm.index_value(&a.args[2])?;
            match n.to_i64() {
                Some(n) if n > i64::MIN => Some(n),
                _ if n.sign() == Sign::Minus => {
                    return Err(vm.err(&vm.types.exceptions.overflow_error.clone(), "Python int too large to convert to C ssize_t"));
                }
                _ => {
                    let msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
                    return Err(vm.err(&vm.types.exceptions.value_error.clone(), msg));
                }
            }
        }
    };
    let text = vm.format_exception_as(&exc, chain, SourceStyle::TracebackModule, limit);
    Ok(vm.new_str(&text))
}

/// `format_exception_only(exc)`: the `Type: message` line and the notes.
fn format_exception_only(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "format_exception_only", a.args, 1, 1)?;
    let exc = exception_arg(vm, &a.args[0])?;
    let text = vm.format_exception_only_with_notes(&exc);
    Ok(vm.new_str(&text))
}

fn exception_arg(vm: &Vm, o: &Obj) -> PyResult<Obj> {
    if o.kind() == Kind::Exception {
        Ok(o.clone())
    } else {
        Err(vm.type_error(format!("an exception is required, not '{}'", vm.type_name(o))))
    }
}
