//! Snapshot tests of the front end: token streams, AST dumps and syntax
//! errors, one input file per case under `tests/cases/`.
//!
//! - `cases/tokens/*.py`: the lexer's token stream, one `start..end Tok`
//!   per line.
//! - `cases/ast/*.py`: `ast::dump::dump_mod` of the parsed module, which
//!   must equal CPython 3.11's `ast.dump(ast.parse(src))`.
//! - `cases/errors/*.py`: the located SyntaxError as CPython prints it,
//!   plus its kind and `incomplete` flag.
//!
//! `scripts/check_snapshots.py` compares the ast and error snapshots with
//! CPython itself. Regenerate with `INSTA_UPDATE=always cargo test --test
//! front_end`.

use std::fmt::Write as _;
use std::path::Path;

fn read_source(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    String::from_utf8(bytes).unwrap_or_else(|e| panic!("{}: not UTF-8: {e}", path.display()))
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn tokens() {
    insta::glob!("cases/tokens/*.py", |path| {
        let source = read_source(path);
        let mut out = String::new();
        for item in ouro::lexer::lex(&source, ouro::Mode::Module) {
            match item {
                Ok((start, tok, end)) => writeln!(out, "{start}..{end} {tok:?}").unwrap(),
                Err(e) => panic!(
                    "{}: unexpected lexer error:\n{}",
                    path.display(),
                    e.locate(&source, &file_name(path))
                ),
            }
        }
        insta::assert_snapshot!(out);
    });
}

#[test]
fn ast() {
    insta::glob!("cases/ast/*.py", |path| {
        let source = read_source(path);
        let module = match ouro::parse_module(&source) {
            Ok(m) => m,
            Err(e) => panic!(
                "{}: does not parse:\n{}",
                path.display(),
                e.locate(&source, &file_name(path))
            ),
        };
        insta::assert_snapshot!(ouro::ast::dump::dump_mod(&module));
    });
}

#[test]
fn errors() {
    insta::glob!("cases/errors/*.py", |path| {
        let source = read_source(path);
        let err = match ouro::parse_module(&source) {
            Ok(_) => panic!("{}: parses, but should be a syntax error", path.display()),
            Err(e) => e,
        };
        let located = err.locate(&source, &file_name(path));
        let out = format!("{located}\n[kind: {}, incomplete: {}]", err.kind.name(), err.incomplete);
        insta::assert_snapshot!(out);
    });
}
