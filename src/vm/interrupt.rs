//! Interrupting running code from outside: Ctrl-C at the REPL, or an
//! embedder's watchdog.
//!
//! Model: a shared flag that anyone may set (a signal handler, another
//! thread). The dispatch loop reads it at every backward jump, which
//! closes every loop, so a running loop stops within one iteration;
//! recursion without loops ends at the recursion limit anyway. Taking the
//! request clears the flag and raises `KeyboardInterrupt` where the code
//! was, as CPython's eval breaker does. A long native call (one huge
//! `sum`) finishes first.

use super::Vm;
use crate::object::PyErr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

impl Vm {
    /// The flag that, once set, makes the running code raise
    /// `KeyboardInterrupt`.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        self.interrupt.clone()
    }

    #[inline(always)]
    pub(crate) fn interrupt_requested(&self) -> bool {
        self.interrupt.load(Ordering::Relaxed)
    }

    /// Clears the request and makes the `KeyboardInterrupt` to raise.
    #[cold]
    pub(crate) fn take_interrupt(&mut self) -> PyErr {
        self.interrupt.store(false, Ordering::Relaxed);
        let t = self.types.exceptions.keyboard_interrupt.clone();
        PyErr(self.new_exception(&t, Vec::new()))
    }
}
