//! Token stream → AST, through the LALRPOP grammar in `grammar/`.
//!
//! The grammar has one `pub` entry (`Top`); the lexer's first token picks
//! module, interactive or expression mode. Grammar actions are one-liners
//! that call the builders in `build.rs` (and `args.rs`, `strings.rs`,
//! `targets.rs`). Between lexer and grammar sits one token adapter,
//! `with_parens.rs`. LALRPOP's own errors are translated here into
//! CPython's messages.

mod args;
pub mod build;
mod strings;
mod targets;
mod with_parens;

use crate::ast::{Expr, Mod};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::{self, Mode, Tok};
use lalrpop_util::ParseError;

#[allow(clippy::all, unused_parens, dead_code, unused_imports, unused_variables)]
mod python {
    include!(concat!(env!("OUT_DIR"), "/python.rs"));
}

/// What fallible grammar actions return.
pub type PResult<T> = Result<T, ParseError<usize, Tok<'static>, SyntaxError>>;

/// Parses `source` in the given mode.
pub fn parse(source: &str, mode: Mode) -> Result<Mod, SyntaxError> {
    parse_shifted(source, mode, 0).map_err(|e| convert_error(e, source, mode, 0))
}

/// Parses a whole file.
pub fn parse_module(source: &str) -> Result<Mod, SyntaxError> {
    parse(source, Mode::Module)
}

/// Parses `source` with every offset moved by `base`, so that a fragment
/// reports positions in the text it was cut from.
fn parse_shifted<'src>(source: &'src str, mode: Mode, base: usize) -> Result<Mod, ParseError<usize, Tok<'src>, SyntaxError>> {
    let shift = move |item: Result<lexer::Spanned<'src>, SyntaxError>| match item {
        Ok((s, t, e)) => Ok((s + base, t, e + base)),
        Err(mut err) => {
            err.range.start += base as u32;
            err.range.end += base as u32;
            Err(err)
        }
    };
    let tokens = with_parens::WithParens::new(lexer::lex(source, mode).map(shift));
    python::TopParser::new().parse(tokens)
}

/// Parses the expression of an f-string replacement field. `text` starts
/// at offset `start` of the enclosing source. As CPython does, the text is
/// parsed in parentheses, so it may span lines and hold a bare tuple or
/// `yield`.
fn parse_fstring_expression(text: &str, start: usize) -> PResult<Expr> {
    if start == 0 {
        unreachable!("a replacement field's text follows its brace");
    }
    let wrapped = format!("({text})");
    match parse_shifted(&wrapped, Mode::Expression, start - 1) {
        Ok(Mod::Expression { body }) => Ok(*body),
        Ok(_) => unreachable!("expression mode yields Mod::Expression"),
        Err(e) => {
            let mut error = convert_error(e, &wrapped, Mode::Expression, start - 1);
            if !error.msg.starts_with("f-string") && error.kind != SyntaxErrorKind::RecursionError {
                error.msg.insert_str(0, "f-string: ");
            }
            error.incomplete = false;
            Err(ParseError::User { error })
        }
    }
}

/// Translates LALRPOP's error into CPython's message for the situation.
/// `source` is the text that was parsed (in `mode`) and `base` its offset
/// shift.
#[cold]
fn convert_error(e: ParseError<usize, Tok<'_>, SyntaxError>, source: &str, mode: Mode, base: usize) -> SyntaxError {
    let mut error = match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::new("invalid token", location, location),
        ParseError::ExtraToken { token: (start, _, end) } => generic_error(source, mode, base, start, end),
        ParseError::UnrecognizedEof { location, expected } => {
            // The last token was the final NEWLINE: CPython reports the
            // error where that NEWLINE starts, on the last line.
            let local = location.saturating_sub(base).min(source.len());
            let at = base + source[..local].trim_end_matches(['\n', '\r']).len();
            let err = if expects(&expected, "INDENT") {
                expected_block(source, base, at, at)
            } else if expects_handler(&expected) {
                SyntaxError::new(MISSING_HANDLER, at, at)
            } else {
                SyntaxError::new("invalid syntax", at, at)
            };
            err.incomplete()
        }
        ParseError::UnrecognizedToken { token: (start, tok, end), expected } => match tok {
            // CPython reports it at the last indentation character, so no
            // caret is drawn under the text.
            Tok::Indent => SyntaxError::new("unexpected indent", end.saturating_sub(1), end.saturating_sub(1))
                .with_kind(SyntaxErrorKind::IndentationError),
            _ if expects(&expected, "INDENT") => expected_block(source, base, start, end),
            Tok::Newline if expects(&expected, "\":\"") => SyntaxError::new("expected ':'", start, start),
            _ if expected.len() == 1 && expected[0] == "\"(\"" => SyntaxError::new("expected '('", start, end),
            _ if expects_handler(&expected) => SyntaxError::new(MISSING_HANDLER, start, end),
            _ => generic_error(source, mode, base, start, end),
        },
    };
    if error.at_next_token {
        error.at_next_token = false;
        let (start, end) = next_token(source, base, error.range.end as usize);
        error.range = crate::ast::TextRange::new(start, end);
    }
    error
}

/// "invalid syntax" at a token, unless the rest of the source holds a
/// lexical error, which CPython reports instead (an unclosed bracket, say,
/// explains the stray token better).
#[cold]
fn generic_error(source: &str, mode: Mode, base: usize, start: usize, end: usize) -> SyntaxError {
    match lexer::lex(source, mode).find_map(Result::err) {
        Some(mut lex_error) => {
            // The parser stopped before the end, so more input would not help.
            lex_error.incomplete = false;
            lex_error.range.start += base as u32;
            lex_error.range.end += base as u32;
            lex_error
        }
        None => SyntaxError::new("invalid syntax", start, end),
    }
}

/// The extent of the token that follows offset `pos` (absolute): what
/// CPython's parser had read when it raised the error. A comment before
/// the line break belongs to the NEWLINE token, as in CPython.
fn next_token(source: &str, base: usize, pos: usize) -> (usize, usize) {
    let b = source.as_bytes();
    let mut i = pos.saturating_sub(base).min(b.len());
    while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\x0c') {
        i += 1;
    }
    let start = i;
    let end = match b.get(i) {
        None | Some(b'\n' | b'\r') => i + 1,
        Some(b'#') => b[i..].iter().position(|&c| c == b'\n' || c == b'\r').map_or(b.len(), |n| i + n) + 1,
        Some(c) if c.is_ascii_alphanumeric() || *c == b'_' || *c >= 0x80 => {
            i + source[i..].find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(source.len() - i)
        }
        Some(_) => i + 1,
    };
    // At the very end the NEWLINE is virtual: keep the range in the text.
    (base + start, base + end.min(b.len()))
}

/// A `try` body ended with neither `except` nor `finally` after it.
const MISSING_HANDLER: &str = "expected 'except' or 'finally' block";

fn expects_handler(expected: &[String]) -> bool {
    expects(expected, "\"except\"") && expects(expected, "\"finally\"")
}

fn expects(expected: &[String], token: &str) -> bool {
    expected.iter().any(|t| t == token)
}

/// "expected an indented block after 'if' statement on line 3": finds the
/// header whose block is missing by reading back from `at` to the line
/// that ends with `:`.
#[cold]
fn expected_block(source: &str, base: usize, at: usize, at_end: usize) -> SyntaxError {
    let local = at.saturating_sub(base).min(source.len());
    let before = source[..local].trim_end_matches(|c: char| c.is_whitespace());
    let header_start = before.rfind('\n').map_or(0, |i| i + 1);
    let header = before[header_start..].trim_start();
    let line = source[..header_start].matches('\n').count() + 1;
    let word: String = header.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    let word = if word == "async" {
        header[5..].trim_start().chars().take_while(|c| c.is_alphanumeric()).collect()
    } else {
        word
    };
    let what = match word.as_str() {
        "def" => format!("function definition on line {line}"),
        "class" => format!("class definition on line {line}"),
        w @ ("if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with" | "match" | "case") => {
            format!("'{w}' statement on line {line}")
        }
        _ => return SyntaxError::new("expected an indented block", at, at_end).with_kind(SyntaxErrorKind::IndentationError),
    };
    SyntaxError::new(format!("expected an indented block after {what}"), at, at_end).with_kind(SyntaxErrorKind::IndentationError)
}
