//! The exception hierarchy beyond the core types, and what exception
//! objects do according to their type: `add_note`, `with_traceback`,
//! `SystemExit.code`, `ImportError.name`/`path`. (`OSError`'s subclass
//! choice, fields and `str()` are in `os_errors.rs`.)
//!
//! Model: like CPython, type-specific fields are views of `args`
//! (`code`, `errno`, `strerror`, `filename`) computed on access, so an
//! exception the VM makes without running `__init__` still has them.
//! `ImportError`'s keyword-only `name` and `path`, and `__notes__`, live
//! in the exception's `__dict__`. Exception groups are in
//! `exception_groups.rs`, traceback objects in `traceback.rs`.

use super::builtins_extra::{set_builtin, set_type_method};
use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};

/// CPython 3.11's docstrings of the builtin exception types (its
/// `Objects/exceptions.c`), as their `__doc__`.
const DOCS: &[(&str, &str)] = &[
    ("ArithmeticError", "Base class for arithmetic errors."),
    ("AssertionError", "Assertion failed."),
    ("AttributeError", "Attribute not found."),
    ("BaseException", "Common base class for all exceptions"),
    ("BaseExceptionGroup", "A combination of multiple unrelated exceptions."),
    ("BlockingIOError", "I/O operation would block."),
    ("BrokenPipeError", "Broken pipe."),
    ("BufferError", "Buffer error."),
    ("BytesWarning", "Base class for warnings about bytes and buffer related problems, mostly\nrelated to conversion from str or comparing to str."),
    ("ChildProcessError", "Child process error."),
    ("ConnectionAbortedError", "Connection aborted."),
    ("ConnectionError", "Connection error."),
    ("ConnectionRefusedError", "Connection refused."),
    ("ConnectionResetError", "Connection reset."),
    ("DeprecationWarning", "Base class for warnings about deprecated features."),
    ("EOFError", "Read beyond end of file."),
    ("EncodingWarning", "Base class for warnings about encodings."),
    ("Exception", "Common base class for all non-exit exceptions."),
    ("FileExistsError", "File already exists."),
    ("FileNotFoundError", "File not found."),
    ("FloatingPointError", "Floating point operation failed."),
    ("FutureWarning", "Base class for warnings about constructs that will change semantically\nin the future."),
    ("GeneratorExit", "Request that a generator exit."),
    ("ImportError", "Import can't find module, or can't find name in module."),
    ("ImportWarning", "Base class for warnings about probable mistakes in module imports"),
    ("IndentationError", "Improper indentation."),
    ("IndexError", "Sequence index out of range."),
    ("InterruptedError", "Interrupted by signal."),
    ("IsADirectoryError", "Operation doesn't work on directories."),
    ("KeyError", "Mapping key not found."),
    ("KeyboardInterrupt", "Program interrupted by user."),
    ("LookupError", "Base class for lookup errors."),
    ("MemoryError", "Out of memory."),
    ("ModuleNotFoundError", "Module not found."),
    ("NameError", "Name not found globally."),
    ("NotADirectoryError", "Operation only works on directories."),
    ("NotImplementedError", "Method or function hasn't been implemented yet."),
    ("OSError", "Base class for I/O related errors."),
    ("OverflowError", "Result too large to be represented."),
    ("PendingDeprecationWarning", "Base class for warnings about features which will be deprecated\nin the future."),
    ("PermissionError", "Not enough permissions."),
    ("ProcessLookupError", "Process not found."),
    ("RecursionError", "Recursion limit exceeded."),
    ("ReferenceError", "Weak ref proxy used after referent went away."),
    ("ResourceWarning", "Base class for warnings about resource usage."),
    ("RuntimeError", "Unspecified run-time error."),
    ("RuntimeWarning", "Base class for warnings about dubious runtime behavior."),
    ("StopAsyncIteration", "Signal the end from iterator.__anext__()."),
    ("StopIteration", "Signal the end from iterator.__next__()."),
    ("SyntaxError", "Invalid syntax."),
    ("SyntaxWarning", "Base class for warnings about dubious syntax."),
    ("SystemError", "Internal error in the Python interpreter.\n\nPlease report this to the Python maintainer, along with the traceback,\nthe Python version, and the hardware/OS platform and version."),
    ("SystemExit", "Request to exit from the interpreter."),
    ("TabError", "Improper mixture of spaces and tabs."),
    ("TimeoutError", "Timeout expired."),
    ("TypeError", "Inappropriate argument type."),
    ("UnboundLocalError", "Local name referenced but not bound to a value."),
    ("UnicodeDecodeError", "Unicode decoding error."),
    ("UnicodeEncodeError", "Unicode encoding error."),
    ("UnicodeError", "Unicode related error."),
    ("UnicodeTranslateError", "Unicode translation error."),
    ("UnicodeWarning", "Base class for warnings about Unicode related problems, mostly\nrelated to conversion problems."),
    ("UserWarning", "Base class for warnings generated by user code."),
    ("ValueError", "Inappropriate argument value (of correct type)."),
    ("Warning", "Base class for warning categories."),
    ("ZeroDivisionError", "Second argument to a division or modulo operation was zero."),
];

/// The rest of CPython's builtin exception tree: (name, base).
const HIERARCHY: &[(&str, &str)] = &[
    ("StopAsyncIteration", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ReferenceError", "Exception"),
    ("SystemError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("Warning", "Exception"),
    ("UserWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("EncodingWarning", "Warning"),
];

pub(crate) fn install(vm: &mut Vm) {
    for &(name, base) in HIERARCHY {
        // The OSError and Unicode families are made with the core types
        // (`os_errors.rs`, `codecs.rs` raise them); keep those.
        if builtin_type(vm, name).is_some() {
            continue;
        }
        let base = builtin_type(vm, base).expect("bases come first");
        let t = super::types::new_type(&vm.types.type_, name, &[base], Kind::Exception);
        set_builtin(vm, name, t);
    }
    // ExceptionGroup has no docstring of its own in CPython: its
    // `__doc__` is None rather than BaseExceptionGroup's.
    let no_doc = [("ExceptionGroup", None)];
    for (name, doc) in DOCS.iter().map(|&(n, d)| (n, Some(d))).chain(no_doc) {
        if let Some(t) = builtin_type(vm, name) {
            let key = vm.intern("__doc__");
            let doc = doc.map_or_else(|| vm.none(), |d| vm.new_str(d));
            vm.table_set_str(&t.downcast::<TypeValue>().expect("a type").dict, key, doc);
        }
    }
    let base = vm.types.exceptions.base_exception.clone();
    set_type_method(vm, &base, "add_note", exception_add_note);
    set_type_method(vm, &base, "with_traceback", exception_with_traceback);
    let import_error = vm.types.exceptions.import_error.clone();
    set_type_method(vm, &import_error, "__init__", import_error_init);
}

/// A builtin type by name, from the builtins namespace as installed.
fn builtin_type(vm: &mut Vm, name: &str) -> Option<Obj> {
    let key = vm.intern(name);
    let b = vm.builtins.clone();
    vm.table_get_str(&b.downcast::<DictValue>().expect("dict").0, &key).filter(|t| t.kind() == Kind::Type)
}

fn exception_args(exc: &Obj) -> Vec<Obj> {
    exc.downcast::<ExceptionValue>()
        .and_then(|e| e.args.borrow().downcast::<TupleValue>().map(|t| t.0.to_vec()))
        .unwrap_or_default()
}

/// `ImportError.__init__(self, *args, name=None, path=None)`.
fn import_error_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let pos = a.positional_args();
    let Some(exc) = pos.first() else { return Err(vm.type_error("ImportError.__init__ needs an argument")) };
    if let Some(e) = exc.downcast::<ExceptionValue>() {
        *e.args.borrow_mut() = vm.new_tuple(pos[1..].to_vec());
    }
    for (k, v) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        let key = vm.str_lossy(k);
        if key != "name" && key != "path" {
            return Err(vm.type_error(format!("'{key}' is an invalid keyword argument for ImportError()")));
        }
        vm.set_attr(exc, k.clone(), v.clone())?;
    }
    Ok(vm.none())
}

/// `BaseException.add_note(note)`: appends to `__notes__`, made on first use.
fn exception_add_note(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("add_note", &a, 2, 2)?;
    let (exc, note) = (&args[0], &args[1]);
    if note.kind() != Kind::Str {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let key = vm.intern("__notes__");
    let notes = match vm.get_attr(exc, &key) {
        Ok(n) => n,
        Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.attribute_error) => {
            let l = vm.new_list(Vec::new());
            vm.set_attr(exc, key, l.clone())?;
            l
        }
        Err(e) => return Err(e),
    };
    match notes.downcast::<ListValue>() {
        Some(l) => l.0.borrow_mut().push(note.clone()),
        None => return Err(vm.type_error("Cannot add note: __notes__ is not a list")),
    }
    Ok(vm.none())
}

/// `BaseException.with_traceback(tb)`: sets `__traceback__`, returns self.
fn exception_with_traceback(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("with_traceback", &a, 2, 2)?;
    vm.set_exception_traceback(&args[0], &args[1])?;
    Ok(args[0].clone())
}

impl Vm {
    /// `exc.NAME = value` (`value` given) or `del exc.NAME` for the fields
    /// every exception keeps outside its `__dict__` (`args` and the chain),
    /// with CPython's checks; `None` for any other name.
    pub(crate) fn set_exception_field(&mut self, exc: &Obj, name: &str, value: Option<Obj>) -> Option<PyResult<()>> {
        let e = exc.downcast::<ExceptionValue>()?;
        let Some(v) = value else {
            return match name {
                "args" | "__cause__" | "__context__" | "__traceback__" => {
                    Some(Err(self.type_error(format!("{name} may not be deleted"))))
                }
                "__suppress_context__" => Some(Err(self.type_error("can't delete numeric/char attribute"))),
                _ => None,
            };
        };
        let base = self.types.exceptions.base_exception.clone();
        let exception_or_none = |vm: &Vm, v: &Obj| -> Option<Option<Obj>> {
            if v.kind() == Kind::None {
                Some(None)
            } else if vm.isinstance(v, &base) {
                Some(Some(v.clone()))
            } else {
                None
            }
        };
        Some(match name {
            "args" => self.iterate_to_vec(&v).map(|items| {
                let t = self.new_tuple(items);
                *e.args.borrow_mut() = t;
            }),
            "__cause__" => match exception_or_none(self, &v) {
                Some(cause) => {
                    *e.cause.borrow_mut() = cause;
                    e.suppress_context.set(true);
                    Ok(())
                }
                None => Err(self.type_error("exception cause must be None or derive from BaseException")),
            },
            "__context__" => match exception_or_none(self, &v) {
                Some(context) => {
                    *e.context.borrow_mut() = context;
                    Ok(())
                }
                None => Err(self.type_error("exception context must be None or derive from BaseException")),
            },
            "__suppress_context__" => match v.kind() {
                Kind::Bool => {
                    e.suppress_context.set(self.truthy(&v).unwrap_or(false));
                    Ok(())
                }
                _ => Err(self.type_error("attribute value type must be bool")),
            },
            "__traceback__" => self.set_exception_traceback(exc, &v),
            _ => return None,
        })
    }

    /// The fields some exception types derive from their arguments
    /// (`None` when `name` is not one of them for this exception).
    pub(crate) fn exception_type_attr(&mut self, exc: &Obj, name: &str) -> Option<Obj> {
        let ex = &self.types.exceptions;
        let (system_exit, os_error, import_error) = (ex.system_exit.clone(), ex.os_error.clone(), ex.import_error.clone());
        let args = exception_args(exc);
        if name == "code" && self.isinstance(exc, &system_exit) {
            return Some(match args.len() {
                0 => self.none(),
                1 => args[0].clone(),
                _ => self.new_tuple(args),
            });
        }
        if self.isinstance(exc, &os_error) {
            let with_errno = (2..=5).contains(&args.len());
            let index = match name {
                "errno" => 0,
                "strerror" => 1,
                "filename" => 2,
                "filename2" => 4,
                _ => return None,
            };
            return Some(args.get(index).filter(|_| with_errno).cloned().unwrap_or_else(|| self.none()));
        }
        if self.isinstance(exc, &import_error) {
            return match name {
                "name" | "path" => Some(self.none()),
                "msg" => Some(if args.len() == 1 { args[0].clone() } else { self.none() }),
                _ => None,
            };
        }
        None
    }

    /// `str()` of exceptions whose type formats it specially (OSError's
    /// `[Errno n] text`, exception groups); `None` for the common rule.
    pub(crate) fn special_exception_str(&mut self, exc: &Obj) -> Option<PyResult<String>> {
        if self.isinstance(exc, &self.types.exceptions.base_exception_group.clone()) {
            return Some(self.exception_group_str(exc));
        }
        if !self.isinstance(exc, &self.types.exceptions.os_error.clone()) {
            return None;
        }
        let args = exception_args(exc);
        if !(2..=5).contains(&args.len()) {
            return None;
        }
        Some((|| {
            let errno = self.to_str(&args[0])?;
            let strerror = self.to_str(&args[1])?;
            Ok(match (args.get(2), args.get(4)) {
                (Some(f), Some(f2)) => {
                    format!("[Errno {errno}] {strerror}: {} -> {}", self.repr(f)?, self.repr(f2)?)
                }
                (Some(f), None) => format!("[Errno {errno}] {strerror}: {}", self.repr(f)?),
                _ => format!("[Errno {errno}] {strerror}"),
            })
        })())
    }

    /// An `ImportError` (or `ModuleNotFoundError`) carrying the module's
    /// `name`, as the import system raises it.
    pub(crate) fn import_error_named(&mut self, type_: &Obj, msg: String, module: &str) -> crate::object::PyErr {
        let err = self.err(type_, msg);
        let (key, value) = (self.intern("name"), self.new_str(module));
        if let Err(e) = self.set_attr(&err.0, key, value) {
            return e;
        }
        err
    }
}
