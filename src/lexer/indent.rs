//! Logical lines: physical tokens → NEWLINE / INDENT / DEDENT stream.
//!
//! Model (CPython's tokenizer, `tok_get` and its indentation block):
//! - A bracket stack (opener byte + offset) implements implicit line
//!   joining: `Raw::Newline` inside brackets is dropped, and so is the
//!   indentation of the following line.
//! - At bracket depth 0, a `Raw::Newline` ends the logical line: NEWLINE is
//!   emitted if the line produced a token (blank lines never reach here,
//!   the raw layer folds them into the newline run). The indentation that
//!   follows is remembered and only measured when the next token arrives,
//!   so trailing whitespace at end of input does not open or close blocks.
//! - Indentation is measured twice, as CPython does: `col` with tabs to the
//!   next multiple of 8 and `alt` with tabs counting 1. Both stacks must
//!   agree on every comparison, otherwise the indentation depends on the
//!   tab size: TabError. A form feed resets both columns to 0.
//! - At end of input: `'(' was never closed` if brackets are open
//!   (incomplete input), else NEWLINE if the last line had content, then one
//!   DEDENT per open block.
//! - In expression mode there are no INDENT/DEDENT tokens at all.
//!
//! Invariants: the indentation stack is never empty (its bottom is column
//! 0) and holds at most `MAX_INDENT` entries; the bracket stack holds at
//! most `MAX_PARENS`; after an error the iterator is fused (returns None).
//! Nothing here recurses or allocates per token (the queue and stacks are
//! reused).

use super::raw::{self, Raw};
use super::token::Tok;
use super::{Mode, Spanned};
use crate::error::{SyntaxError, SyntaxErrorKind};
use logos::{Lexer, Logos};
use std::collections::VecDeque;

/// CPython's MAXINDENT: the stack (with its column-0 bottom) may hold this
/// many entries.
const MAX_INDENT: usize = 100;
/// CPython's MAXLEVEL for nested brackets.
const MAX_PARENS: usize = 200;
const TAB_SIZE: u32 = 8;

pub struct IndentLexer<'src> {
    src: &'src str,
    raw: Lexer<'src, Raw<'src>>,
    mode: Mode,
    /// Open brackets: opening byte and its offset.
    brackets: Vec<(u8, usize)>,
    /// Indentation stack: (col, alt col); bottom is (0, 0).
    indents: Vec<(u32, u32)>,
    /// Tokens ready to be returned (DEDENTs before a token, EOF tail).
    queue: VecDeque<Spanned<'src>>,
    /// Did the current logical line produce a token?
    line_has_content: bool,
    /// Byte range of the indentation of the line that starts next, set
    /// after a depth-0 newline and consumed by the next token.
    pending_indent: Option<(usize, usize)>,
    done: bool,
}

impl<'src> IndentLexer<'src> {
    pub fn new(src: &'src str, mode: Mode) -> Self {
        let mut raw = Raw::lexer(src);
        // Skip leading blank and comment-only lines by hand: the raw lexer
        // only folds blank lines that follow a line break, and the first
        // line's indentation must be measured too. A BOM is not skipped:
        // text (as `compile()` gets it) may not hold one, and whoever
        // decodes a file strips it first, as CPython's file reader does.
        let b = src.as_bytes();
        let mut pos = 0;
        let indent_start;
        loop {
            let line_start = pos;
            while matches!(b.get(pos), Some(b' ' | b'\t' | b'\x0C')) {
                pos += 1;
            }
            let ws_end = pos;
            if b.get(pos) == Some(&b'#') {
                while pos < b.len() && !raw::is_line_break(b[pos]) {
                    pos += 1;
                }
            }
            match b.get(pos) {
                Some(b'\r') if b.get(pos + 1) == Some(&b'\n') => pos += 2,
                Some(b'\r' | b'\n') => pos += 1,
                _ => {
                    indent_start = line_start;
                    pos = ws_end;
                    break;
                }
            }
        }
        // `pos` is just after ASCII whitespace or a line break: a char
        // boundary.
        raw.bump(pos);
        IndentLexer {
            src,
            raw,
            mode,
            brackets: Vec::new(),
            indents: vec![(0, 0)],
            queue: VecDeque::new(),
            line_has_content: false,
            pending_indent: Some((indent_start, pos)),
            done: false,
        }
    }

    #[cold]
    fn fail(&mut self, e: SyntaxError) -> Option<Result<Spanned<'src>, SyntaxError>> {
        self.done = true;
        self.queue.clear();
        Some(Err(e))
    }

    /// End of input: close everything.
    fn finish(&mut self) -> Option<Result<Spanned<'src>, SyntaxError>> {
        self.done = true;
        if let Some(&(open, at)) = self.brackets.last() {
            let e = SyntaxError::new(format!("'{}' was never closed", open as char), at, at + 1);
            return self.fail(e.incomplete());
        }
        let end = self.src.len();
        if self.line_has_content {
            self.queue.push_back((end, Tok::Newline, end));
        }
        if self.mode != Mode::Expression {
            for _ in 1..self.indents.len() {
                self.queue.push_back((end, Tok::Dedent, end));
            }
        }
        self.queue.pop_front().map(Ok)
    }

    /// Measures the indentation in `src[start..end]` and queues INDENT or
    /// DEDENTs for a line whose first token starts at `tok_start`.
    fn indent(&mut self, start: usize, end: usize, tok_start: usize) -> Result<(), SyntaxError> {
        let (mut col, mut alt) = (0u32, 0u32);
        for &c in &self.src.as_bytes()[start..end] {
            match c {
                b' ' => {
                    col = col.saturating_add(1);
                    alt = alt.saturating_add(1);
                }
                b'\t' => {
                    col = (col / TAB_SIZE).saturating_add(1).saturating_mul(TAB_SIZE);
                    alt = alt.saturating_add(1);
                }
                b'\x0C' => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
        }
        let tab_error = || {
            SyntaxError::new("inconsistent use of tabs and spaces in indentation", start, start)
                .with_kind(SyntaxErrorKind::TabError)
        };
        let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(SyntaxError::new("too many levels of indentation", start, start)
                    .with_kind(SyntaxErrorKind::IndentationError));
            }
            if alt <= top_alt {
                return Err(tab_error());
            }
            self.indents.push((col, alt));
            self.queue.push_back((start, Tok::Indent, tok_start));
        } else {
            while self.indents.len() > 1 && self.indents.last().is_some_and(|&(c, _)| col < c) {
                self.indents.pop();
                self.queue.push_back((tok_start, Tok::Dedent, tok_start));
            }
            let &(top, top_alt) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                // CPython points at the end of the offending line.
                let b = self.src.as_bytes();
                let mut eol = tok_start;
                while eol < b.len() && !raw::is_line_break(b[eol]) {
                    eol += 1;
                }
                return Err(SyntaxError::new("unindent does not match any outer indentation level", eol, eol)
                    .with_kind(SyntaxErrorKind::IndentationError));
            }
            if alt != top_alt {
                return Err(tab_error());
            }
        }
        Ok(())
    }

    /// Bracket bookkeeping for one token.
    fn bracket(&mut self, tok: &Tok<'_>, start: usize) -> Result<(), SyntaxError> {
        let close = match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if self.brackets.len() >= MAX_PARENS {
                    return Err(SyntaxError::new("too many nested parentheses", start, start + 1));
                }
                self.brackets.push((self.src.as_bytes()[start], start));
                return Ok(());
            }
            Tok::RPar => b')',
            Tok::RSqb => b']',
            Tok::RBrace => b'}',
            _ => return Ok(()),
        };
        let Some((open, at)) = self.brackets.pop() else {
            return Err(SyntaxError::new(format!("unmatched '{}'", close as char), start, start + 1));
        };
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if close != expected {
            let (close, open) = (close as char, open as char);
            let here = raw::line_of(self.src, start);
            let there = raw::line_of(self.src, at);
            let msg = if here == there {
                format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'")
            } else {
                format!("closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {there}")
            };
            return Err(SyntaxError::new(msg, start, start + 1));
        }
        Ok(())
    }
}

impl<'src> Iterator for IndentLexer<'src> {
    type Item = Result<Spanned<'src>, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(t) = self.queue.pop_front() {
            return Some(Ok(t));
        }
        if self.done {
            return None;
        }
        loop {
            let Some(raw) = self.raw.next() else {
                return self.finish();
            };
            let span = self.raw.span();
            match raw {
                Err(e) => return self.fail(e.0),
                Ok(Raw::Newline) => {
                    if !self.brackets.is_empty() {
                        continue; // implicit line joining
                    }
                    let text = self.raw.slice().as_bytes();
                    // The indentation is whatever follows the last break.
                    let last_break = text.iter().rposition(|&c| raw::is_line_break(c)).unwrap_or(0);
                    self.pending_indent = Some((span.start + last_break + 1, span.end));
                    if self.line_has_content {
                        self.line_has_content = false;
                        let nl_end = span.start + if text.starts_with(b"\r\n") { 2 } else { 1 };
                        return Some(Ok((span.start, Tok::Newline, nl_end)));
                    }
                }
                Ok(Raw::Continuation) => {} // never emitted: its callback skips
                Ok(Raw::Tok(tok)) => {
                    if let Some((start, end)) = self.pending_indent.take()
                        && self.mode != Mode::Expression
                    {
                        if let Err(e) = self.indent(start, end, span.start) {
                            return self.fail(e);
                        }
                    }
                    if let Err(e) = self.bracket(&tok, span.start) {
                        return self.fail(e);
                    }
                    self.line_has_content = true;
                    if self.queue.is_empty() {
                        return Some(Ok((span.start, tok, span.end)));
                    }
                    self.queue.push_back((span.start, tok, span.end));
                    return self.queue.pop_front().map(Ok);
                }
            }
        }
    }
}
