//! `OSError` and its subclasses: the `errno`/`strerror`/`filename`/
//! `filename2` attributes, CPython's `[Errno N] text: 'name'` message,
//! the errno → subclass mapping of `OSError(errno, ...)`, and the
//! conversion of Rust I/O errors into them.

use super::Vm;
use super::builtins_extra::{set_builtin, set_type_method};
use crate::heap::Obj;
use crate::object::payloads::*;
use crate::object::{CallArgs, PyErr, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let os_error = vm.types.exceptions.os_error.clone();
    set_type_method(vm, &os_error, "__new__", os_error_new);
    set_type_method(vm, &os_error, "__init__", os_error_init);
    set_type_method(vm, &os_error, "__str__", os_error_str);
    // io.UnsupportedOperation is both an OSError and a ValueError: its
    // MRO is C3 of (OSError, ValueError).
    let e = &vm.types.exceptions;
    let uo = e.unsupported_operation.clone();
    let mro = vec![uo.clone(), os_error.clone(), e.value_error.clone(), e.exception.clone(), e.base_exception.clone(), vm.types.object.clone()];
    let tv = uo.downcast::<TypeValue>().expect("type");
    *tv.bases.borrow_mut() = vec![os_error.clone(), e.value_error.clone()];
    *tv.mro.borrow_mut() = mro;
    set_builtin(vm, "IOError", os_error.clone());
    set_builtin(vm, "EnvironmentError", os_error);
}

impl Vm {
    /// The OSError subclass CPython picks for an errno.
    fn os_error_type(&self, errno: i64) -> Obj {
        let e = &self.types.exceptions;
        match errno {
            1 | 13 => &e.permission_error,
            2 => &e.file_not_found_error,
            3 => &e.process_lookup_error,
            4 => &e.interrupted_error,
            10 => &e.child_process_error,
            11 | 114 | 115 => &e.blocking_io_error,
            17 => &e.file_exists_error,
            20 => &e.not_a_directory_error,
            21 => &e.is_a_directory_error,
            32 | 108 => &e.broken_pipe_error,
            103 => &e.connection_aborted_error,
            104 => &e.connection_reset_error,
            110 => &e.timeout_error,
            111 => &e.connection_refused_error,
            _ => &e.os_error,
        }
        .clone()
    }

    /// `OSError(errno, strerror, filename)` of the right subclass.
    pub(crate) fn new_os_error(&self, errno: i64, strerror: &str, filename: Option<Obj>) -> PyErr {
        let t = self.os_error_type(errno);
        let args = vec![self.new_int(errno), self.new_str(strerror)];
        let exc = self.new_exception(&t, args.clone());
        let mut all = args;
        if let Some(f) = filename {
            all.push(f);
        }
        self.set_os_error_attrs(&exc, &all);
        PyErr(exc)
    }

    /// A Rust I/O error as Python's OSError, with the file name if any.
    pub(crate) fn io_error(&self, e: &std::io::Error, filename: Option<&Obj>) -> PyErr {
        let Some(errno) = e.raw_os_error() else {
            return self.err(&self.types.exceptions.os_error, e.to_string());
        };
        let text = e.to_string();
        let strerror = text.strip_suffix(&format!(" (os error {errno})")).unwrap_or(&text).to_string();
        self.new_os_error(i64::from(errno), &strerror, filename.cloned())
    }

    /// Sets `errno`, `strerror`, `filename`, `filename2` from OSError's
    /// constructor arguments (all None unless 2 to 5 were given).
    fn set_os_error_attrs(&self, exc: &Obj, args: &[Obj]) {
        let Some(e) = exc.downcast::<ExceptionValue>() else { return };
        let d = e.dict.borrow().clone().unwrap_or_else(|| self.new_dict());
        let full = (2..=5).contains(&args.len());
        let pick = |i: usize| if full { args.get(i).cloned().unwrap_or_else(|| self.none()) } else { self.none() };
        let table = &d.downcast::<DictValue>().expect("dict").0;
        for (name, i) in [("errno", 0), ("strerror", 1), ("filename", 2), ("filename2", 4)] {
            self.table_set_str(table, self.new_str(name), pick(i));
        }
        *e.dict.borrow_mut() = Some(d);
    }
}

fn os_error_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    let Some(cls) = args.first() else { return Err(vm.type_error("OSError.__new__(): not enough arguments")) };
    let mut cls = cls.clone();
    if cls.is(&vm.types.exceptions.os_error) && (2..=5).contains(&(args.len() - 1)) {
        if let Some(errno) = vm.small_int(&args[1]) {
            cls = vm.os_error_type(errno);
        }
    }
    if !vm.is_subtype(&cls, &vm.types.exceptions.os_error) {
        return Err(vm.type_error("OSError.__new__(X): X is not a subtype of OSError"));
    }
    let exc = vm.new_exception(&cls, args[1..].to_vec());
    vm.set_os_error_attrs(&exc, &args[1..]);
    Ok(exc)
}

fn os_error_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    if !a.kwnames.is_empty() {
        let name = args.first().map(|e| vm.type_name(e)).unwrap_or_default();
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let Some(exc) = args.first() else { return Ok(vm.none()) };
    let rest = &args[1..];
    if let Some(e) = exc.downcast::<ExceptionValue>() {
        // CPython keeps only (errno, strerror) in args when a filename
        // was given.
        let kept = if (3..=5).contains(&rest.len()) { rest[..2].to_vec() } else { rest.to_vec() };
        *e.args.borrow_mut() = vm.new_tuple(kept);
    }
    vm.set_os_error_attrs(exc, rest);
    Ok(vm.none())
}

fn os_error_str(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let exc = vm.positional("__str__", &a, 1, 1)?[0].clone();
    let none = |o: &Option<Obj>| o.as_ref().is_none_or(|o| o.kind() == crate::heap::Kind::None);
    let errno = vm.exception_attr(&exc, "errno");
    let strerror = vm.exception_attr(&exc, "strerror");
    let filename = vm.exception_attr(&exc, "filename");
    let filename2 = vm.exception_attr(&exc, "filename2");
    let s = if !none(&filename) {
        let (e, s) = (vm.to_str(errno.as_ref().expect("set"))?, vm.to_str(strerror.as_ref().expect("set"))?);
        let f = vm.repr(filename.as_ref().expect("checked"))?;
        if !none(&filename2) {
            let f2 = vm.repr(filename2.as_ref().expect("checked"))?;
            format!("[Errno {e}] {s}: {f} -> {f2}")
        } else {
            format!("[Errno {e}] {s}: {f}")
        }
    } else if !none(&errno) && !none(&strerror) {
        let (e, s) = (vm.to_str(errno.as_ref().expect("set"))?, vm.to_str(strerror.as_ref().expect("set"))?);
        format!("[Errno {e}] {s}")
    } else {
        let args = exc.downcast::<ExceptionValue>().expect("exception").args.borrow().clone();
        let items = args.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default();
        match items.as_slice() {
            [] => String::new(),
            [one] => vm.to_str(one)?,
            _ => vm.repr(&args)?,
        }
    };
    Ok(vm.new_str(&s))
}
