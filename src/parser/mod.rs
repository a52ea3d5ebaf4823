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
    parse_shifted(source, mode, 0).map_err(|e| convert_error(e, source, 0))
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
    let wrapped = format!("({text})");
    match parse_shifted(&wrapped, Mode::Expression, start - 1) {
        Ok(Mod::Expression { body }) => Ok(*body),
        Ok(_) => unreachable!("expression mode yields Mod::Expression"),
        Err(e) => {
            let mut error = convert_error(e, &wrapped, start - 1);
            if !error.msg.starts_with("f-string") && error.kind != SyntaxErrorKind::RecursionError {
                error.msg.insert_str(0, "f-string: ");
            }
            error.incomplete = false;
            Err(ParseError::User { error })
        }
    }
}

/// Translates LALRPOP's error into CPython's message for the situation.
/// `source` is the text that was parsed and `base` its offset shift.
#[cold]
fn convert_error(e: ParseError<usize, Tok<'_>, SyntaxError>, source: &str, base: usize) -> SyntaxError {
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::new("invalid token", location, location),
        ParseError::ExtraToken { token: (start, _, end) } => SyntaxError::new("invalid syntax", start, end),
        ParseError::UnrecognizedEof { location, expected } => {
            let err = if expects(&expected, "INDENT") {
                expected_block(source, base, location)
            } else {
                SyntaxError::new("invalid syntax", location, location)
            };
            err.incomplete()
        }
        ParseError::UnrecognizedToken { token: (start, tok, end), expected } => match tok {
            Tok::Indent => SyntaxError::new("unexpected indent", start, end).with_kind(SyntaxErrorKind::IndentationError),
            _ if expects(&expected, "INDENT") => expected_block(source, base, start),
            Tok::Newline if expects(&expected, "\":\"") => SyntaxError::new("expected ':'", start, start),
            Tok::Exclamation => SyntaxError::new("invalid syntax", start, end),
            _ => SyntaxError::new("invalid syntax", start, end),
        },
    }
}

fn expects(expected: &[String], token: &str) -> bool {
    expected.iter().any(|t| t == token)
}

/// "expected an indented block after 'if' statement on line 3": finds the
/// header whose block is missing by reading back from `at` to the line
/// that ends with `:`.
#[cold]
fn expected_block(source: &str, base: usize, at: usize) -> SyntaxError {
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
        _ => return SyntaxError::new("expected an indented block", at, at).with_kind(SyntaxErrorKind::IndentationError),
    };
    SyntaxError::new(format!("expected an indented block after {what}"), at, at).with_kind(SyntaxErrorKind::IndentationError)
}
