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
use crate::lexer::Mode;
use crate::vm::Vm;
use std::io::Write;
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
        let (doc, none) = (vm.intern("__doc__"), vm.none());
        vm.dict_set(&globals, doc, none).expect("str keys hash");
        let main = Obj::new(ModuleValue { name: main_name.clone(), dict: globals }, &vm.types.module);
        let modules = vm.modules.clone();
        vm.dict_set(&modules, main_name, main.clone()).expect("str keys hash");
        // Start-up allocates more than a young generation holds: the
        // collection that is due runs now, before any user code is
        // compiled, rather than at that code's first instruction (where
        // it would, for one, untrack the code's constant tuples, which
        // CPython's start-up leaves tracked).
        vm.collect_due();
        Interpreter { vm, main }
    }

    /// Runs `source` as the `__main__` module's code.
    pub fn run(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        self.vm.set_script(filename);
        self.execute(source, filename, Mode::Module)
    }

    /// Runs the script file `path` as `python3 path ARGS` does:
    /// `sys.argv` is `[path, ARGS...]` as given, `sys.path[0]` the
    /// script's folder, and `__file__` and tracebacks name the script by
    /// its absolute path (the current folder joined to `path`, not
    /// normalised, as CPython 3.9+ does).
    pub fn run_file(&mut self, source: &str, path: &str, args: &[&str]) -> Result<(), Error> {
        let absolute = match std::env::current_dir() {
            Ok(cwd) if !std::path::Path::new(path).is_absolute() => format!("{}/{path}", cwd.display()),
            _ => path.to_string(),
        };
        let folder = std::path::Path::new(&absolute).parent().map(|d| d.canonicalize().unwrap_or_else(|_| d.to_path_buf()));
        let folder = folder.map_or_else(|| ".".to_string(), |d| d.display().to_string());
        let argv: Vec<&str> = std::iter::once(path).chain(args.iter().copied()).collect();
        self.vm.set_argv(&argv, &folder);
        self.vm.set_main_file(&absolute);
        self.execute(source, &absolute, Mode::Module)
    }

    /// Runs `python3 -c CODE ARGS`: `sys.argv` is `['-c', ARGS...]`, the
    /// current folder (`''`) is on `sys.path`, there is no `__file__`,
    /// and tracebacks name the code `<string>`.
    pub fn run_command(&mut self, source: &str, args: &[&str]) -> Result<(), Error> {
        let argv: Vec<&str> = std::iter::once("-c").chain(args.iter().copied()).collect();
        self.vm.set_argv(&argv, "");
        self.execute(source, "<string>", Mode::Module)
    }

    /// Runs a script read from standard input, as `python3 < file` and
    /// `python3 - ARGS` do: filename `<stdin>`, `sys.argv` as given (its
    /// first item `''` or `'-'`), the current folder (`''`) on `sys.path`.
    pub fn run_stdin(&mut self, source: &str, argv: &[&str]) -> Result<(), Error> {
        self.vm.set_argv(argv, "");
        self.vm.set_main_file("<stdin>");
        self.execute(source, "<stdin>", Mode::Module)
    }

    /// Prepares an interactive session: `sys.argv == ['']`, the current
    /// folder on `sys.path`, no `__file__`.
    pub fn start_interactive(&mut self) {
        self.vm.set_argv(&[""], "");
    }

    /// Runs one complete interactive input (CPython's "single" mode):
    /// every expression statement at the top level goes to
    /// `sys.displayhook`, which prints its repr and sets `builtins._`.
    /// Line numbers count from the input's first line.
    pub fn run_interactive(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        self.execute(source, filename, Mode::Interactive)
    }

    /// Redirects what `print` and the display hook write (the process's
    /// stdout by default); an embedder or a test can capture it.
    pub fn set_stdout(&mut self, out: Box<dyn std::io::Write>) {
        let _ = self.vm.stdout.flush();
        self.vm.stdout = out;
    }

    /// A flag that interrupts the running code when set (from a signal
    /// handler or another thread): it raises `KeyboardInterrupt` at the
    /// next loop iteration, then clears itself.
    pub fn interrupt_flag(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.vm.interrupt_flag()
    }

    /// Flushes what was printed, so a report on stderr comes after it.
    pub fn flush_stdout(&mut self) {
        let _ = self.vm.stdout.flush();
    }

    /// The VM and the `__main__` namespace, for the REPL's completer.
    pub(crate) fn vm_and_globals(&mut self) -> (&mut Vm, Obj) {
        let globals = self.main.downcast::<ModuleValue>().expect("a module").dict.clone();
        (&mut self.vm, globals)
    }

    fn execute(&mut self, source: &str, filename: &str, mode: Mode) -> Result<(), Error> {
        let module = crate::parse(source, mode).map_err(|e| Error::Syntax(e.locate(source, filename)))?;
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
        // The boxes the heap keeps for reuse go back to the allocator.
        crate::heap::Heap::trim_free_lists();
    }

    fn run_code(&mut self, code: Rc<crate::bytecode::Code>) -> Result<(), Error> {
        let globals = self.main.downcast::<ModuleValue>().expect("a module").dict.clone();
        let result = self.vm.run_module_code(code, &globals);
        // Files the program left open keep their data, as at CPython's exit.
        crate::object::file::flush_open_files();
        match result {
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
