//! Raising exceptions and printing tracebacks as CPython 3.11 does.

use super::Vm;
use crate::heap::Obj;
use crate::object::payloads::{ExceptionValue, TracebackEntry};
use crate::object::{PyErr, PyResult};
use std::cell::{Cell, RefCell};

impl Vm {
    /// A new exception instance of `type_` with these arguments.
    pub fn new_exception(&self, type_: &Obj, args: Vec<Obj>) -> Obj {
        Obj::new(
            ExceptionValue {
                args: RefCell::new(self.new_tuple(args)),
                cause: RefCell::new(None),
                context: RefCell::new(None),
                suppress_context: Cell::new(false),
                traceback: RefCell::new(Vec::new()),
                dict: RefCell::new(None),
            },
            type_,
        )
    }

    /// An error of `type_` with a message, ready to return.
    #[cold]
    pub fn err(&self, type_: &Obj, msg: impl AsRef<str>) -> PyErr {
        PyErr(self.new_exception(type_, vec![self.new_str(msg.as_ref())]))
    }

    #[cold]
    pub fn type_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.type_error, msg)
    }

    /// A method of builtin type `owner` called through the type with a
    /// receiver of another type (`list.append(5, 1)`), or with none.
    #[cold]
    pub(crate) fn descriptor_mismatch(&self, name: &str, owner: &str, receiver: Option<&Obj>) -> PyErr {
        match receiver {
            Some(o) => self.type_error(format!(
                "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
                self.type_name(o)
            )),
            None => self.type_error(format!("descriptor '{name}' of '{owner}' object needs an argument")),
        }
    }

    #[cold]
    pub fn value_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.value_error, msg)
    }

    #[cold]
    pub fn attribute_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.attribute_error, msg)
    }

    /// A `NotImplementedError`: the feature exists in CPython but not
    /// (yet) in ouro.
    #[cold]
    pub fn not_implemented_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.not_implemented_error, msg)
    }

    #[cold]
    pub fn name_error(&self, name: &str) -> PyErr {
        self.err(&self.types.exceptions.name_error, format!("name '{name}' is not defined"))
    }

    #[cold]
    pub fn index_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.index_error, msg)
    }

    #[cold]
    pub fn zero_division(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.zero_division_error, msg)
    }

    #[cold]
    pub fn overflow_error(&self, msg: impl AsRef<str>) -> PyErr {
        self.err(&self.types.exceptions.overflow_error, msg)
    }

    /// A MemoryError when `bytes` is more than this machine could ever
    /// provide (RAM plus swap), as CPython's `malloc` fails under Linux's
    /// default overcommit heuristic; the allocator used here would instead
    /// hand out the address space and the process would die filling it.
    pub(crate) fn check_allocation(&self, bytes: usize) -> PyResult<()> {
        static LIMIT: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        let limit = *LIMIT.get_or_init(|| memory_limit().unwrap_or(1 << 40));
        if bytes > limit { Err(self.err(&self.types.exceptions.memory_error, "")) } else { Ok(()) }
    }

    #[cold]
    pub fn key_error(&self, key: Obj) -> PyErr {
        PyErr(self.new_exception(&self.types.exceptions.key_error, vec![key]))
    }

    /// Records that `err` passed through the current frame's current line.
    /// Frames of the embedded modules that stand in for CPython's C code
    /// are left out (`import::hidden_from_tracebacks`).
    pub(crate) fn add_traceback(&self, err: &PyErr, code: &std::rc::Rc<crate::bytecode::Code>, pc: usize) {
        if super::import::hidden_from_tracebacks(&code.filename) {
            return;
        }
        if let Some(e) = err.0.downcast::<ExceptionValue>() {
            e.traceback.borrow_mut().push(TracebackEntry { code: code.clone(), line: code.line_at(pc), position: code.position_at(pc) });
        }
    }

    /// `TypeError: message` (what `traceback.format_exception_only` gives,
    /// without the newline and the notes).
    pub fn format_exception_only(&mut self, exc: &Obj) -> String {
        if let Some(located) = self.syntax_error_details(exc) {
            return located.to_string();
        }
        let name = self.type_name(exc);
        let detail = self.str_or_fallback(exc);
        if detail.is_empty() { name } else { format!("{name}: {detail}") }
    }
}

/// RAM plus swap in bytes, from `/proc/meminfo`.
fn memory_limit() -> Option<usize> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let kib = |field: &str| -> Option<usize> {
        let line = info.lines().find(|l| l.starts_with(field))?;
        line.split_whitespace().nth(1)?.parse().ok()
    };
    Some((kib("MemTotal:")? + kib("SwapTotal:").unwrap_or(0)).saturating_mul(1024))
}
