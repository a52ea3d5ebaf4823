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
    /// CPython reports some errors (string literals, call arguments) at the
    /// token the parser read after the construct, not at the construct.
    /// Builders that cannot see that token set this and put `range` at the
    /// construct's end; the parser moves the range onto the next token.
    pub(crate) at_next_token: bool,
}

impl SyntaxError {
    #[cold]
    pub fn new(msg: impl Into<String>, start: usize, end: usize) -> Self {
        SyntaxError {
            kind: SyntaxErrorKind::SyntaxError,
            msg: msg.into(),
            range: TextRange::new(start, end),
            incomplete: false,
            at_next_token: false,
        }
    }

    /// An error CPython reports at the token after offset `end`.
    #[cold]
    pub(crate) fn at_token_after(msg: impl Into<String>, end: usize) -> Self {
        let mut e = SyntaxError::new(msg, end, end);
        e.at_next_token = true;
        e
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
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let (lineno, offset, text) = line_and_column(source, start);
        // The end is just past the last character, on that character's
        // line, as CPython's tokens end (a NEWLINE token ends on its line).
        let (end_lineno, end_offset) = if end > start {
            let (line, col, _) = line_and_column(source, end - 1);
            (line, col + 1)
        } else {
            (lineno, offset)
        };
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
    /// CPython 3.11's `traceback.format_exception_only` for SyntaxError,
    /// step for step (`TracebackException._format_syntax_error`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.lineno)?;
        let rtext = self.text.trim_end_matches('\n');
        let ltext = rtext.trim_start_matches([' ', '\n', '\x0c']);
        let spaces = (rtext.chars().count() - ltext.chars().count()) as i64;
        writeln!(f, "    {ltext}")?;
        let offset = self.offset as i64;
        let mut end_offset = if self.end_offset == 0 { offset } else { self.end_offset as i64 };
        if offset == end_offset {
            end_offset = offset + 1;
        }
        let colno = offset - 1 - spaces;
        let end_colno = end_offset - 1 - spaces;
        if colno >= 0 {
            // Whitespace (tabs) before the caret is kept so it lines up.
            let lead: String = ltext.chars().take(colno as usize).map(|c| if c.is_whitespace() { c } else { ' ' }).collect();
            writeln!(f, "    {lead}{}", "^".repeat((end_colno - colno).max(0) as usize))?;
        }
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}
