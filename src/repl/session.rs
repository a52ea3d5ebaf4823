//! The REPL's line logic, without a terminal: lines go in, each input is
//! run once it is complete, and what CPython's prompt would show comes out
//! (the interpreter's stdout for echoed values and prints, an error sink
//! for tracebacks and syntax errors).
//!
//! Model (CPython 3.11's interactive loop, one statement per input):
//! - The lines typed since the last `>>> ` form the input; it is parsed in
//!   interactive mode after every line.
//! - A parse error flagged `incomplete` (an open bracket, an open
//!   triple-quoted string, a block header with no body yet) asks for
//!   another line (`... `). After an empty line only the lexical cases go
//!   on: an empty line cannot open a block's body, so `if x:` followed by
//!   an empty line is reported, as CPython reports it.
//! - An input that parses is complete when it is one simple statement
//!   line, or a compound statement followed by an empty line (more
//!   `elif`/`else`/`except` lines could follow until then). A statement
//!   after a compound one without the empty line is a SyntaxError at that
//!   statement, as in CPython, whose interactive grammar takes one
//!   statement per input.
//! - Each input is its own `<stdin>` source: line numbers start at 1.
//!
//! Invariant: after `push_line` returns anything but `More`, the buffer is
//! empty and the next prompt is `>>> `.

use crate::ast::{Mod, Stmt, StmtKind};
use crate::error::SyntaxError;
use crate::lexer::{self, Mode};
use crate::{Error, Interpreter};
use std::io::Write;

/// The name tracebacks and syntax errors give interactive input.
pub const FILENAME: &str = "<stdin>";
pub const PS1: &str = ">>> ";
pub const PS2: &str = "... ";

/// What the session wants after a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Ready for a new input (`>>> `).
    Ready,
    /// The input goes on (`... `).
    More,
    /// `SystemExit` was raised: end the session with this status.
    Exit(i32),
}

/// What the buffered lines amount to so far.
enum Input {
    Nothing,
    More,
    Complete,
    Invalid(SyntaxError),
}

pub struct Session {
    interp: Interpreter,
    lines: Vec<String>,
}

impl Session {
    pub fn new(mut interp: Interpreter) -> Session {
        interp.start_interactive();
        Session { interp, lines: Vec::new() }
    }

    pub fn prompt(&self) -> &'static str {
        if self.lines.is_empty() { PS1 } else { PS2 }
    }

    pub fn interpreter(&mut self) -> &mut Interpreter {
        &mut self.interp
    }

    pub fn interrupt_flag(&self) -> std::sync::Arc<std::sync::atomic::AtomicBool> {
        self.interp.interrupt_flag()
    }

    /// Drops a half-typed input (Ctrl-C at the prompt).
    pub fn discard_input(&mut self) {
        self.lines.clear();
    }

    /// Takes one line (without its line break). Echoed values and prints
    /// go to the interpreter's stdout, error reports to `err`.
    pub fn push_line(&mut self, line: &str, err: &mut dyn Write) -> Status {
        self.lines.push(line.trim_end_matches(['\r', '\n']).to_string());
        let source = self.lines.join("\n") + "\n";
        let input = self.classify(&source);
        if matches!(input, Input::More) {
            return Status::More;
        }
        self.lines.clear();
        match input {
            Input::Nothing | Input::More => Status::Ready,
            Input::Invalid(e) => {
                self.interp.flush_stdout();
                let _ = writeln!(err, "{}", e.locate(&source, FILENAME));
                Status::Ready
            }
            Input::Complete => {
                let result = self.interp.run_interactive(&source, FILENAME);
                self.interp.flush_stdout();
                match result {
                    Ok(()) => Status::Ready,
                    Err(Error::Exit(code)) => Status::Exit(code),
                    Err(e) => {
                        let _ = writeln!(err, "{e}");
                        Status::Ready
                    }
                }
            }
        }
    }

    fn classify(&self, source: &str) -> Input {
        let ended_by_empty_line = self.lines.len() > 1 && self.lines.last().is_some_and(String::is_empty);
        match crate::parse(source, Mode::Interactive) {
            Ok(Mod::Interactive { body }) => match body.as_slice() {
                [] => Input::Nothing,
                [first, second, ..] if is_compound(first) => Input::Invalid(invalid_at(source, second)),
                [first] if is_compound(first) && !ended_by_empty_line => Input::More,
                _ => Input::Complete,
            },
            Ok(_) => unreachable!("interactive mode yields Mod::Interactive"),
            Err(e) if e.incomplete && (!ended_by_empty_line || lexically_open(source)) => Input::More,
            Err(mut e) => {
                if e.incomplete {
                    // The empty line ended a block header's hope of a body:
                    // CPython reports the error on that line.
                    let at = source.len() - 1;
                    e.range = crate::ast::TextRange::new(at, at);
                    e.incomplete = false;
                }
                Input::Invalid(e)
            }
        }
    }
}

/// Statements with a block: the input may go on with `else:` and the like
/// until an empty line.
fn is_compound(stmt: &Stmt) -> bool {
    matches!(
        stmt.kind,
        StmtKind::FunctionDef(_)
            | StmtKind::AsyncFunctionDef(_)
            | StmtKind::ClassDef { .. }
            | StmtKind::For(_)
            | StmtKind::AsyncFor(_)
            | StmtKind::While { .. }
            | StmtKind::If { .. }
            | StmtKind::With(_)
            | StmtKind::AsyncWith(_)
            | StmtKind::Match { .. }
            | StmtKind::Try(_)
            | StmtKind::TryStar(_)
    )
}

/// Does the source end inside a bracket or a triple-quoted string? Only
/// the lexer knows: those are its `incomplete` errors.
fn lexically_open(source: &str) -> bool {
    lexer::lex(source, Mode::Interactive).any(|t| t.is_err_and(|e| e.incomplete))
}

/// CPython's "invalid syntax" at the first token of a statement that
/// follows a compound statement in one input.
fn invalid_at(source: &str, stmt: &Stmt) -> SyntaxError {
    let start = stmt.range.start as usize;
    let end = lexer::lex(source, Mode::Interactive)
        .filter_map(Result::ok)
        .find(|&(s, _, _)| s == start)
        .map_or(start, |(_, _, e)| e);
    SyntaxError::new("invalid syntax", start, end)
}
