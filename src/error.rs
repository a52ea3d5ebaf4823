//! Syntax errors: values, never panics.
//!
//! The lexer and parser report a `SyntaxError` holding byte offsets into
//! the source. `locate` turns it into CPython's shape (line, 1-based column
//! in characters, the offending line) and `Display` prints it as CPython's
//! traceback does:
//!
//! ```text
//!   File "x.py", line 1
//!     x = (1,
//!         ^
//! SyntaxError: '(' was never closed
//! ```

use crate::ast::TextRange;
use std::fmt;

/// Which Python exception class a front-end error becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// The tree is too deep to build ("during ast construction").
    RecursionError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
            SyntaxErrorKind::RecursionError => "RecursionError",
        }
    }
}

/// An error found while lexing or parsing, located by byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    /// Where the error points; `end == start` for a single caret.
    pub range: TextRange,
    /// True when the source is merely unfinished (open bracket, open block,
    /// open triple-quoted string): more input could make it valid. The REPL
    /// asks for another line instead of reporting it.
    pub incomplete: bool,
}

impl SyntaxError {
    #[cold]
    pub fn new(msg: impl Into<String>, start: usize, end: usize) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            range: TextRange::new(start, end),
            incomplete: false,
        }
    }

    #[cold]
    pub fn with_kind(mut self, kind: SyntaxErrorKind) -> Self {
        self.kind = kind;
        self
    }

    #[cold]
    pub fn incomplete(mut self) -> Self {
        self.incomplete = true;
        self
    }

    /// Resolves the byte offsets against the source the error came from.
    pub fn locate(&self, source: &str, filename: &str) -> LocatedSyntaxError {
        let (lineno, offset, text) = line_and_column(source, self.range.start as usize);
        let (end_lineno, end_offset, _) = line_and_column(source, self.range.end as usize);
        LocatedSyntaxError {
            kind: self.kind,
            msg: self.msg.clone(),
            filename: filename.to_string(),
            lineno,
            offset,
            end_lineno,
            end_offset,
            text,
        }
    }
}

/// 1-based line, 1-based column in characters, and the line's text
/// (without its newline) for a byte offset.
fn line_and_column(source: &str, pos: usize) -> (usize, usize, String) {
    let pos = floor_char_boundary(source, pos.min(source.len()));
    let line_start = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[pos..].find('\n').map_or(source.len(), |i| pos + i);
    let lineno = source[..line_start].bytes().filter(|&b| b == b'\n').count() + 1;
    let column = source[line_start..pos].chars().count() + 1;
    let text = source[line_start..line_end].trim_end_matches('\r').to_string();
    (lineno, column, text)
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A syntax error with CPython's attributes: `lineno`, `offset` (1-based,
/// in characters), `end_lineno`, `end_offset` and `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocatedSyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub filename: String,
    pub lineno: usize,
    pub offset: usize,
    pub end_lineno: usize,
    pub end_offset: usize,
    pub text: String,
}

impl fmt::Display for LocatedSyntaxError {
    /// CPython's `traceback.format_exception_only` layout for SyntaxError.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.lineno)?;
        if !self.text.trim().is_empty() {
            let stripped = self.text.trim_start_matches([' ', '\t', '\x0c']);
            let indent = self.text.chars().count() - stripped.chars().count();
            let line = stripped.trim_end();
            writeln!(f, "    {line}")?;
            let start = self.offset.saturating_sub(1).saturating_sub(indent);
            let start = start.min(line.chars().count());
            let width = if self.end_lineno == self.lineno && self.end_offset > self.offset {
                (self.end_offset - self.offset).min(line.chars().count().saturating_sub(start)).max(1)
            } else {
                1
            };
            writeln!(f, "    {}{}", " ".repeat(start), "^".repeat(width))?;
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}
