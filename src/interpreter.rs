//! `ouro::Interpreter`: the library's public face, and what the `ouro`
//! command itself uses.
//!
//! Errors cross the boundary as one type, [`Error`]: a syntax error, an
//! uncaught Python exception (with its formatted traceback), or a request
//! to exit (`SystemExit`). The interpreter stays usable after any of them.

use crate::compiler::{CompileError, compile_module};
use crate::heap::{Kind, Obj};
use crate::object::PyErr;
use crate::object::payloads::{ExceptionValue, ModuleValue, StrValue, TupleValue};
use crate::vm::Vm;
use std::rc::Rc;

/// What can go wrong when running Python source.
#[derive(Debug)]
pub enum Error {
    /// The source did not parse or compile; displays as CPython's report.
    Syntax(crate::error::LocatedSyntaxError),
    /// An exception nobody caught: its type name and the full report
    /// (`Traceback (most recent call last): ...`).
    Exception { type_name: String, report: String },
    /// `SystemExit` (or `sys.exit`) with this status.
    Exit(i32),
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Syntax(e) => write!(f, "{e}"),
            Error::Exception { report, .. } => write!(f, "{}", report.trim_end()),
            Error::Exit(code) => write!(f, "exit status {code}"),
        }
    }
}

impl std::error::Error for Error {}

pub struct Interpreter {
    vm: Vm,
    main: Obj,
}

impl Interpreter {
    pub fn new() -> Interpreter {
        let mut vm = Vm::new();
        let globals = vm.new_dict();
        let name = vm.intern("__name__");
        let main_name = vm.new_str("__main__");
        vm.dict_set(&globals, name, main_name.clone()).expect("str keys hash");
        let main = Obj::new(ModuleValue { name: main_name.clone(), dict: globals }, &vm.types.module);
        let modules = vm.modules.clone();
        vm.dict_set(&modules, main_name, main.clone()).expect("str keys hash");
        Interpreter { vm, main }
    }

    /// Runs `source` as the `__main__` module's code.
    pub fn run(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        self.vm.set_script(filename);
        let module = crate::parse_module(source).map_err(|e| Error::Syntax(e.locate(source, filename)))?;
        let code = match compile_module(&mut self.vm, &module, source, filename) {
            Ok(c) => c,
            Err(CompileError::Syntax(e)) => return Err(Error::Syntax(e.locate(source, filename))),
            Err(CompileError::NotImplemented(what, line)) => {
                let msg = format!("ouro does not support {what} yet (line {line})");
                let t = self.vm.types.exceptions.not_implemented_error.clone();
                let exc = self.vm.err(&t, msg);
                return Err(self.exception_error(exc));
            }
        };
        self.run_code(code)
    }

    /// Interpreter shutdown as CPython 3.11 does it for `__main__`
    /// (`_PyModule_ClearDict`): first the globals named with one leading
    /// underscore, then every other global but `__builtins__`, are set to
    /// None, so the objects they held are finalized (`__del__`) in that
    /// order. Call once, after the script's error (if any) is reported.
    pub fn finalize(&mut self) {
        let globals = self.main.downcast::<ModuleValue>().expect("a module").dict.clone();
        let names: Vec<Obj> = self.vm.dict_keys(&globals);
        let text = |vm: &Vm, k: &Obj| k.downcast::<StrValue>().map(|_| vm.str_lossy(k));
        let single_underscore = |n: &str| n.starts_with('_') && !n.starts_with("__");
        for pass in 0..2 {
            for key in &names {
                let Some(name) = text(&self.vm, key) else { continue };
                let clear = if pass == 0 { single_underscore(&name) } else { name != "__builtins__" };
                if !clear {
                    continue;
                }
                let none = self.vm.none();
                // A failing __del__ is reported by the heap's finalizer; nothing here can raise
                // but a hash of a str key, which cannot fail.
                let _ = self.vm.dict_set(&globals, key.clone(), none);
                self.vm.collect_dead();
            }
        }
    }

    fn run_code(&mut self, code: Rc<crate::bytecode::Code>) -> Result<(), Error> {
        let globals = self.main.downcast::<ModuleValue>().expect("a module").dict.clone();
        match self.vm.run_module_code(code, &globals) {
            Ok(_) => Ok(()),
            Err(e) => Err(self.exception_error(e)),
        }
    }

    fn exception_error(&mut self, err: PyErr) -> Error {
        let exc = err.0;
        let system_exit = self.vm.types.exceptions.system_exit.clone();
        if self.vm.isinstance(&exc, &system_exit) {
            return self.exit_status(&exc);
        }
        let type_name = self.vm.type_name(&exc);
        let report = self.vm.format_exception(&exc);
        Error::Exception { type_name, report }
    }

    /// The exit status `SystemExit(arg)` asks for; a non-int argument is
    /// printed to stderr and gives status 1, as in CPython.
    fn exit_status(&mut self, exc: &Obj) -> Error {
        let args = exc.downcast::<ExceptionValue>().map(|e| e.args.borrow().clone());
        let arg = args.and_then(|a| a.downcast::<TupleValue>().and_then(|t| t.0.first().cloned()));
        match arg {
            None => Error::Exit(0),
            Some(a) if a.kind() == Kind::None => Error::Exit(0),
            Some(a) => match self.vm.small_int(&a) {
                Some(code) => Error::Exit(code as i32),
                None => {
                    eprintln!("{}", self.vm.str_or_fallback(&a));
                    Error::Exit(1)
                }
            },
        }
    }

    /// Compiles `source` and returns the disassembly of its code objects.
    pub fn disassemble(&mut self, source: &str, filename: &str) -> Result<String, Error> {
        let module = crate::parse_module(source).map_err(|e| Error::Syntax(e.locate(source, filename)))?;
        match compile_module(&mut self.vm, &module, source, filename) {
            Ok(code) => Ok(crate::bytecode::disassemble(&code)),
            Err(CompileError::Syntax(e)) => Err(Error::Syntax(e.locate(source, filename))),
            Err(CompileError::NotImplemented(what, line)) => Err(Error::Exception {
                type_name: "NotImplementedError".into(),
                report: format!("NotImplementedError: ouro does not support {what} yet (line {line})\n"),
            }),
        }
    }
}

impl Default for Interpreter {
    fn default() -> Self {
        Interpreter::new()
    }
}
