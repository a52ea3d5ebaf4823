//! The `ouro` command line: the first embedder of the library.

use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: ouro [--dump-ast] FILE");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [flag, file] if flag == "--dump-ast" => dump_ast(file),
        [flag, file] if flag == "--dump-symtable" => dump_symtable(file, false),
        [flag, vars, file] if flag == "--dump-symtable" && vars == "--vars" => dump_symtable(file, true),
        _ => usage(),
    }
}

/// Prints what `ast.dump(ast.parse(source))` prints, or the SyntaxError
/// as CPython reports it (exit status 1).
fn dump_ast(path: &str) -> ExitCode {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("ouro: can't open file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    let source = match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let pos = e.utf8_error().valid_up_to();
            let err = ouro::SyntaxError::new(
                format!("(unicode error) 'utf-8' codec can't decode byte 0x{:02x} in position {pos}: invalid start byte", e.as_bytes()[pos]),
                0,
                0,
            );
            eprintln!("{}", err.locate("", path));
            return ExitCode::from(1);
        }
    };
    match ouro::parse_module(&source) {
        Ok(module) => {
            println!("{}", ouro::ast::dump::dump_mod(&module));
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}", err.locate(&source, path));
            ExitCode::from(1)
        }
    }
}

/// Hidden: prints `ouro::compiler::symtable::dump` (or, with `--vars`,
/// `dump_vars`) of the file's symbol table, or the SyntaxError (exit status
/// 1); see scripts/symtable_diff.py.
fn dump_symtable(path: &str, vars: bool) -> ExitCode {
    let source = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("ouro: can't read file '{path}': {e}");
            return ExitCode::from(2);
        }
    };
    let result = ouro::parse_module(&source)
        .and_then(|module| ouro::compiler::symtable::build(&module, &source));
    match result {
        Ok(table) => {
            if vars {
                print!("{}", ouro::compiler::symtable::dump_vars(&table));
            } else {
                print!("{}", ouro::compiler::symtable::dump(&table, &source));
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("{}", err.locate(&source, path));
            ExitCode::from(1)
        }
    }
}
