//! The VM's one stack of slots: every running frame's fast locals and,
//! above them, its value stack (CPython's "localsplus" layout).
//!
//! ```text
//!   [ sentinel | caller's slots | callable | local 0 .. local n-1 | values ... ]
//!                                 ^call_base ^locals_base          ^stack_base
//! ```
//!
//! A call of a Python function leaves its arguments where the caller
//! pushed them: they are already the callee's first locals, so a call
//! moves nothing, and a return truncates everything above `call_base`.
//!
//! Invariants:
//! - A local slot is `None` while the variable is unbound; a value slot is
//!   never `None` (the compiler balances the stack), which is why the
//!   value methods hand out `Obj`, not `Option<Obj>`.
//! - Only frames write below their `stack_base`, through `slot`/`slot_mut`.
//! - Slot 0 is a permanent `None` (see `heap/slot_stack.rs`): a value pop
//!   checks the top slot once for both "empty stack" and "unbound slot".
//!   Every base the VM keeps came from `len()`, so it is at least 1.
//!
//! The type itself is `heap::SlotStack`: its unchecked reads belong
//! with the heap's other raw-memory code.

pub(crate) use crate::heap::SlotStack as ValueStack;
