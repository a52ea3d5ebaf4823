//! Recursion that runs in Rust alone: `repr`, comparison and hashing of
//! containers nested inside containers.
//!
//! A Python call pushes a frame, and `Vm::frames` bounds those at the
//! recursion limit. `repr([[[...]]])` nested a million deep pushes none:
//! each level is a Rust call, so nothing but the thread's stack would stop
//! it, and an embedder's thread may have little. CPython counts such
//! calls in the same budget as Python frames (`Py_EnterRecursiveCall`),
//! so both raise `RecursionError` at `sys.getrecursionlimit()`, with the
//! place in the message. Invariant: `native_depth` is the number of
//! `enter_native` calls whose `leave_native` has not run; every caller
//! pairs them on all paths, errors included (`with_native_depth`).

use super::Vm;
use crate::object::PyResult;

impl Vm {
    /// Runs `body` one level deeper in Rust recursion, or raises
    /// `RecursionError` ("maximum recursion depth exceeded" + `place`)
    /// when Python frames and such levels together reach the limit.
    #[inline]
    pub(crate) fn with_native_depth<T>(&mut self, place: &str, body: impl FnOnce(&mut Vm) -> PyResult<T>) -> PyResult<T> {
        if self.frames.len() + self.native_depth >= self.recursion_limit {
            return Err(self.native_depth_error(place));
        }
        self.native_depth += 1;
        let result = body(self);
        self.native_depth -= 1;
        result
    }

    #[cold]
    fn native_depth_error(&self, place: &str) -> crate::object::PyErr {
        self.err(&self.types.exceptions.recursion_error, &format!("maximum recursion depth exceeded{place}"))
    }
}
