//! The object model: Python values as heap objects.
//!
//! Every value is an `heap::Obj` whose payload (`payloads.rs`) is one of a
//! fixed set of Rust layouts. Behaviour (arithmetic, attribute lookup,
//! calls) lives in the VM's protocol functions, which dispatch on the
//! payload kind for builtin types and on the class's attributes for user
//! types. Errors are Python exceptions carried as `PyErr`.

pub mod dict;
pub mod file;
pub mod payloads;
mod traverse;

use crate::heap::Obj;

/// A raised Python exception: the exception object.
#[derive(Clone, Debug)]
pub struct PyErr(pub Obj);

/// What every fallible operation inside the interpreter returns.
pub type PyResult<T> = Result<T, PyErr>;

/// The arguments of a call to a native function: positional values, then
/// the values of keyword arguments named by `kwnames` (in order).
pub struct CallArgs<'a> {
    pub args: &'a [Obj],
    pub kwnames: &'a [Obj],
}

impl<'a> CallArgs<'a> {
    pub fn positional(args: &'a [Obj]) -> Self {
        CallArgs { args, kwnames: &[] }
    }

    /// The positional arguments (those before the keyword values).
    pub fn positional_args(&self) -> &'a [Obj] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }
}

/// A function implemented in Rust.
pub type NativeFn = fn(&mut crate::vm::Vm, CallArgs<'_>) -> PyResult<Obj>;
