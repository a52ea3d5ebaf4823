//! The `ouro` command line: the first embedder of the library.
//!
//! ```text
//! ouro                    the interactive prompt (a terminal), else the
//!                         script read from stdin
//! ouro FILE [ARGS]        run a script
//! ouro - [ARGS]           run the script read from stdin
//! ouro -c CODE            run a string
//! ouro --heap=NAME ...    choose the memory strategy (also OURO_HEAP)
//! ouro --heaps            list the strategies
//! ouro --dump-ast FILE    print CPython's ast.dump of the file
//! ouro --dis FILE         print the bytecode
//! ```
//!
//! The work runs on a thread with a large stack: Python recursion never
//! grows the Rust stack, but Rust code calling back into Python (a user
//! `__eq__` inside a dict lookup, say) does, up to the recursion limit.

#[cfg(not(miri))]
#[global_allocator]
static GLOBAL: ouro::heap::Allocator = ouro::heap::Allocator;

use ouro::heap::Strategy;
use std::io::{IsTerminal, Read};
use std::process::ExitCode;

const STACK_SIZE: usize = 512 << 20;

fn usage() -> u8 {
    eprintln!("usage: ouro [--heap=NAME] [FILE [ARGS] | - [ARGS] | -c CODE | --dump-ast FILE | --dis FILE | --heaps]");
    2
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let worker = std::thread::Builder::new().stack_size(STACK_SIZE).spawn(move || run(args));
    match worker.map(|h| h.join()) {
        Ok(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::from(70),
    }
}

fn run(mut args: Vec<String>) -> u8 {
    let mut heap = std::env::var("OURO_HEAP").ok();
    if let Some(flag) = args.first().and_then(|a| a.strip_prefix("--heap=")) {
        heap = Some(flag.to_string());
        args.remove(0);
    }
    // Nothing chosen means the heap's default (`Strategy::DEFAULT`).
    let mut strategy = Strategy::DEFAULT;
    if let Some(name) = heap {
        match Strategy::from_name(&name) {
            Some(s) => {
                let _ = ouro::heap::choose_strategy(s);
                strategy = s;
            }
            None => {
                eprintln!("ouro: unknown heap '{name}'; run `ouro --heaps` for the list");
                return 2;
            }
        }
    }
    match args.first().map(String::as_str) {
        Some("--heaps") => {
            for s in Strategy::ALL {
                println!("{}", s.name());
            }
            0
        }
        Some("--dump-ast") if args.len() == 2 => dump_ast(&args[1]),
        Some("--dump-symtable") if args.len() == 2 => dump_symtable(&args[1], false),
        Some("--dump-symtable") if args.len() == 3 && args[1] == "--vars" => dump_symtable(&args[2], true),
        Some("--dis") if args.len() == 2 => match read_source(&args[1]) {
            Ok(src) => match ouro::Interpreter::new().disassemble(&src, &args[1]) {
                Ok(text) => {
                    print!("{text}");
                    0
                }
                Err(e) => report(e),
            },
            Err(code) => code,
        },
        Some("-c") if args.len() >= 2 => {
            let rest: Vec<&str> = args[2..].iter().map(String::as_str).collect();
            execute(|interp| interp.run_command(&args[1], &rest))
        }
        Some(path) if !path.starts_with('-') => match read_source(path) {
            Ok(src) => {
                let rest: Vec<&str> = args[1..].iter().map(String::as_str).collect();
                execute(|interp| interp.run_file(&src, path, &rest))
            }
            Err(code) => code,
        },
        None if std::io::stdin().is_terminal() => {
            let status = ouro::repl::run_terminal(ouro::Interpreter::new(), strategy.name());
            status as u8
        }
        None => execute_stdin(&[""]),
        Some("-") => {
            let argv: Vec<&str> = args.iter().map(String::as_str).collect();
            execute_stdin(&argv)
        }
        _ => usage(),
    }
}

/// Runs a program through `run` on a new interpreter, then reports its
/// end as CPython does and gives the exit status.
fn execute(run: impl FnOnce(&mut ouro::Interpreter) -> Result<(), ouro::Error>) -> u8 {
    let mut interp = ouro::Interpreter::new();
    let result = run(&mut interp);
    use std::io::Write;
    let _ = std::io::stdout().flush();
    // The traceback comes first, then module teardown (which may run __del__).
    let status = match result {
        Ok(()) => 0,
        Err(e) => report(e),
    };
    interp.finalize();
    let _ = std::io::stdout().flush();
    status
}

/// Runs the script on stdin, as `python3 < FILE` and `python3 -` do.
fn execute_stdin(argv: &[&str]) -> u8 {
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("ouro: can't read <stdin>: {e}");
        return 2;
    }
    let source = match decode_source(bytes, "<stdin>") {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut interp = ouro::Interpreter::new();
    let result = interp.run_stdin(&source, argv);
    interp.flush_stdout();
    match result {
        Ok(()) => 0,
        Err(e) => report(e),
    }
}

fn report(e: ouro::Error) -> u8 {
    match e {
        ouro::Error::Exit(code) => code as u8,
        other => {
            eprintln!("{other}");
            1
        }
    }
}

/// Reads a script as CPython reads a file: UTF-8, a BOM skipped.
fn read_source(path: &str) -> Result<String, u8> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let errno = e.raw_os_error().unwrap_or(0);
            eprintln!("ouro: can't open file '{path}': [Errno {errno}] {}", describe_io_error(&e));
            return Err(2);
        }
    };
    decode_source(bytes, path)
}

/// Source bytes as CPython decodes a script: UTF-8, a BOM skipped.
fn decode_source(bytes: Vec<u8>, path: &str) -> Result<String, u8> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").map(<[u8]>::to_vec).unwrap_or(bytes);
    String::from_utf8(bytes).map_err(|e| {
        let pos = e.utf8_error().valid_up_to();
        let byte = e.as_bytes()[pos];
        let line = e.as_bytes()[..pos].iter().filter(|&&b| b == b'\n').count() + 1;
        eprintln!(
            "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {path} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
        );
        1
    })
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

/// Prints what `ast.dump(ast.parse(open(path).read()))` prints, or the
/// SyntaxError as CPython reports it (exit status 1). The text is read as
/// `open().read()` reads it: a BOM stays (and is an error).
fn dump_ast(path: &str) -> u8 {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("ouro: can't open file '{path}': {e}");
            return 2;
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            eprintln!(
                "UnicodeDecodeError: 'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte",
                e.as_bytes()[pos]
            );
            return 1;
        }
    };
    match ouro::parse_module(&source) {
        Ok(module) => {
            println!("{}", ouro::ast::dump::dump_mod(&module));
            0
        }
        Err(err) => {
            eprintln!("{}", err.locate(&source, path));
            1
        }
    }
}

/// Hidden: prints `ouro::compiler::symtable::dump` (or, with `--vars`,
/// `dump_vars`) of the file's symbol table, or the SyntaxError (exit status
/// 1); see scripts/symtable_diff.py.
fn dump_symtable(path: &str, vars: bool) -> u8 {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ouro: can't read file '{path}': {e}");
            return 2;
        }
    };
    let result = ouro::parse_module(&source).and_then(|module| ouro::compiler::symtable::build(&module, &source));
    match result {
        Ok(table) => {
            if vars {
                print!("{}", ouro::compiler::symtable::dump_vars(&table));
            } else {
                print!("{}", ouro::compiler::symtable::dump(&table, &source));
            }
            0
        }
        Err(err) => {
            eprintln!("{}", err.locate(&source, path));
            1
        }
    }
}
