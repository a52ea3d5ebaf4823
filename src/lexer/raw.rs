//! Physical tokens: the logos DFA over the source text.
//!
//! Model: one logos enum. Everything that becomes a `Tok` by itself
//! (keywords, names, numbers, strings, operators) is produced directly as
//! `Raw::Tok` by a per-pattern callback, so the layers above never re-read
//! the text. The only other token is `Raw::Newline`, one per run of line
//! breaks: the run swallows blank and comment-only lines, and the text
//! after its last line break is the next line's indentation (which
//! `indent.rs` measures).
//!
//! Invariants:
//! - Spaces, tabs, form feeds, comments and backslash-newline continuations
//!   are skipped; no other character is silently dropped.
//! - Line breaks are `\n`, `\r\n` and a lone `\r`, everywhere (newline
//!   runs, comment ends, continuations, unterminated-string detection).
//! - Callbacks only `bump` to char boundaries (every stopping point is
//!   just after an ASCII byte or at the end of input), so logos never
//!   panics; the callbacks return errors instead of panicking.
//! - Errors are CPython's messages, as `SyntaxError` with byte offsets.

use super::numbers;
use super::token::Tok;
use crate::error::SyntaxError;
use logos::{FilterResult, Lexer, Logos};

#[derive(Logos, Debug, Clone, PartialEq)]
#[logos(error(LexError, unexpected_char))]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub enum Raw<'src> {
    /// A run of line breaks with the blank / comment-only lines between
    /// them and the indentation of the following line.
    #[regex(r"(\r\n|\r|\n)([ \t\x0C]*(#[^\r\n]*)?(\r\n|\r|\n))*[ \t\x0C]*", allow_greedy = true)]
    Newline,

    /// `\` + line break is skipped (explicit line joining); anything else
    /// after a backslash is an error.
    #[regex(r"\\(\r\n|\r|\n)?", continuation)]
    Continuation,

    // Hard keywords of Python 3.11 (`match`, `case`, `_` stay names).
    #[token("False", |_| Tok::False)]
    #[token("None", |_| Tok::None)]
    #[token("True", |_| Tok::True)]
    #[token("and", |_| Tok::And)]
    #[token("as", |_| Tok::As)]
    #[token("assert", |_| Tok::Assert)]
    #[token("async", |_| Tok::Async)]
    #[token("await", |_| Tok::Await)]
    #[token("break", |_| Tok::Break)]
    #[token("class", |_| Tok::Class)]
    #[token("continue", |_| Tok::Continue)]
    #[token("def", |_| Tok::Def)]
    #[token("del", |_| Tok::Del)]
    #[token("elif", |_| Tok::Elif)]
    #[token("else", |_| Tok::Else)]
    #[token("except", |_| Tok::Except)]
    #[token("finally", |_| Tok::Finally)]
    #[token("for", |_| Tok::For)]
    #[token("from", |_| Tok::From)]
    #[token("global", |_| Tok::Global)]
    #[token("if", |_| Tok::If)]
    #[token("import", |_| Tok::Import)]
    #[token("in", |_| Tok::In)]
    #[token("is", |_| Tok::Is)]
    #[token("lambda", |_| Tok::Lambda)]
    #[token("nonlocal", |_| Tok::Nonlocal)]
    #[token("not", |_| Tok::Not)]
    #[token("or", |_| Tok::Or)]
    #[token("pass", |_| Tok::Pass)]
    #[token("raise", |_| Tok::Raise)]
    #[token("return", |_| Tok::Return)]
    #[token("try", |_| Tok::Try)]
    #[token("while", |_| Tok::While)]
    #[token("with", |_| Tok::With)]
    #[token("yield", |_| Tok::Yield)]
    // Identifiers: ASCII letters/digits/underscore plus any non-ASCII
    // character; non-ASCII ones are validated in the callback.
    #[regex(r"[A-Za-z_\u{80}-\u{10FFFF}][A-Za-z0-9_\u{80}-\u{10FFFF}]*", name)]
    // Numbers: the DFA sees only the first character; `numbers::scan`
    // does the rest by hand.
    #[regex(r"[0-9]|\.[0-9]", number)]
    // Strings: prefix and opening quote; the body is scanned by hand.
    #[regex(r#"([rRuUfFbB]|[rR][fFbB]|[fFbB][rR])?["']"#, string)]
    // Operators and delimiters.
    #[token("(", |_| Tok::LPar)]
    #[token(")", |_| Tok::RPar)]
    #[token("[", |_| Tok::LSqb)]
    #[token("]", |_| Tok::RSqb)]
    #[token("{", |_| Tok::LBrace)]
    #[token("}", |_| Tok::RBrace)]
    #[token(":", |_| Tok::Colon)]
    #[token(",", |_| Tok::Comma)]
    #[token(";", |_| Tok::Semi)]
    #[token("+", |_| Tok::Plus)]
    #[token("-", |_| Tok::Minus)]
    #[token("*", |_| Tok::Star)]
    #[token("/", |_| Tok::Slash)]
    #[token("|", |_| Tok::VBar)]
    #[token("&", |_| Tok::Amper)]
    #[token("<", |_| Tok::Less)]
    #[token(">", |_| Tok::Greater)]
    #[token("=", |_| Tok::Equal)]
    #[token(".", |_| Tok::Dot)]
    #[token("%", |_| Tok::Percent)]
    #[token("==", |_| Tok::EqEqual)]
    #[token("!=", |_| Tok::NotEqual)]
    #[token("<=", |_| Tok::LessEqual)]
    #[token(">=", |_| Tok::GreaterEqual)]
    #[token("~", |_| Tok::Tilde)]
    #[token("^", |_| Tok::CircumFlex)]
    #[token("<<", |_| Tok::LeftShift)]
    #[token(">>", |_| Tok::RightShift)]
    #[token("**", |_| Tok::DoubleStar)]
    #[token("+=", |_| Tok::PlusEqual)]
    #[token("-=", |_| Tok::MinEqual)]
    #[token("*=", |_| Tok::StarEqual)]
    #[token("/=", |_| Tok::SlashEqual)]
    #[token("%=", |_| Tok::PercentEqual)]
    #[token("&=", |_| Tok::AmperEqual)]
    #[token("|=", |_| Tok::VBarEqual)]
    #[token("^=", |_| Tok::CircumflexEqual)]
    #[token("<<=", |_| Tok::LeftShiftEqual)]
    #[token(">>=", |_| Tok::RightShiftEqual)]
    #[token("**=", |_| Tok::DoubleStarEqual)]
    #[token("//", |_| Tok::DoubleSlash)]
    #[token("//=", |_| Tok::DoubleSlashEqual)]
    #[token("@", |_| Tok::At)]
    #[token("@=", |_| Tok::AtEqual)]
    #[token("->", |_| Tok::RArrow)]
    #[token("...", |_| Tok::Ellipsis)]
    #[token(":=", |_| Tok::ColonEqual)]
    #[token("!", |_| Tok::Exclamation)]
    Tok(Tok<'src>),
}

/// The raw layer's error: a `SyntaxError` in a newtype because logos
/// wants the error type to implement `Default` (used only for inputs no
/// pattern matches, which `unexpected_char` handles instead).
#[derive(Debug, Clone, PartialEq)]
pub struct LexError(pub SyntaxError);

impl Default for LexError {
    fn default() -> Self {
        LexError(SyntaxError::new("invalid syntax", 0, 0))
    }
}

impl From<SyntaxError> for LexError {
    fn from(e: SyntaxError) -> Self {
        LexError(e)
    }
}

/// Is `b` the first byte of a line break?
#[inline]
pub fn is_line_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// 1-based line number of byte offset `pos`, counting `\n`, `\r\n` and
/// lone `\r` as one break each. Only used to build error messages.
#[cold]
pub fn line_of(src: &str, pos: usize) -> usize {
    let b = &src.as_bytes()[..pos.min(src.len())];
    let mut line = 1;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => line += 1,
            b'\r' => {
                if b.get(i + 1) != Some(&b'\n') {
                    line += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    line
}

/// The error for a character no pattern accepts.
#[cold]
fn unexpected_char<'src>(lex: &mut Lexer<'src, Raw<'src>>) -> LexError {
    let start = lex.span().start;
    let c = lex.source()[start..].chars().next().unwrap_or('\0');
    let end = start + c.len_utf8().max(1);
    LexError(match c {
        '\0' => SyntaxError::new("source code cannot contain null bytes", start, start),
        '$' | '?' | '`' => SyntaxError::new("invalid syntax", start, end),
        c => invalid_character(c, start),
    })
}

/// CPython's message for a character that cannot appear in source text
/// outside strings and comments.
#[cold]
fn invalid_character(c: char, pos: usize) -> SyntaxError {
    let msg = if is_printable(c) {
        format!("invalid character '{c}' (U+{:04X})", c as u32)
    } else {
        format!("invalid non-printable character U+{:04X}", c as u32)
    };
    SyntaxError::new(msg, pos, pos)
}

/// Python's `str.isprintable` for one character: it chooses between the
/// two messages.
fn is_printable(c: char) -> bool {
    crate::text::unicode::is_printable(c as u32)
}

/// Backslash: skip it with its line break; otherwise report what CPython
/// reports (a continuation must be followed by another line).
fn continuation<'src>(lex: &mut Lexer<'src, Raw<'src>>) -> FilterResult<(), LexError> {
    let span = lex.span();
    if span.len() == 1 {
        if lex.remainder().is_empty() {
            return FilterResult::Error(
                SyntaxError::new("unexpected EOF while parsing", span.start, span.end).incomplete().into(),
            );
        }
        return FilterResult::Error(SyntaxError::new(
            "unexpected character after line continuation character",
            span.end,
            span.end,
        )
        .into());
    }
    if lex.remainder().is_empty() {
        // `x = 1 \` + newline + EOF: the statement continues on a line that
        // does not exist yet.
        return FilterResult::Error(
            SyntaxError::new("unexpected EOF while parsing", span.start, span.start).incomplete().into(),
        );
    }
    FilterResult::Skip
}

/// Identifiers. Pure-ASCII ones are valid by construction of the regex;
/// others are checked against XID_Start / XID_Continue as CPython does
/// (without NFKC normalisation, which is the parser's job).
fn name<'src>(lex: &mut Lexer<'src, Raw<'src>>) -> Result<Tok<'src>, LexError> {
    let s = lex.slice();
    if !s.is_ascii() {
        let base = lex.span().start;
        for (i, c) in s.char_indices() {
            let ok = if i == 0 {
                c == '_' || unicode_ident::is_xid_start(c)
            } else {
                unicode_ident::is_xid_continue(c)
            };
            if !ok {
                return Err(invalid_character(c, base + i).into());
            }
        }
    }
    Ok(Tok::Name(s))
}

fn number<'src>(lex: &mut Lexer<'src, Raw<'src>>) -> Result<Tok<'src>, LexError> {
    let start = lex.span().start;
    let matched = lex.span().len();
    match numbers::scan(&lex.source()[start..]) {
        Ok((len, value)) => {
            // `len >= matched`: the DFA matched a prefix of the literal.
            lex.bump(len.saturating_sub(matched));
            Ok(Tok::Number(value))
        }
        Err(e) => Err(SyntaxError::new(e.msg, start + e.start, start + e.end).into()),
    }
}

/// String literals of every kind. The DFA matched the prefix and the
/// opening quote; this scans the body. A backslash always escapes the next
/// character, in raw strings too (`r"\""` is one string), and
/// `\` + line break continues a single-quoted string on the next line.
/// f-strings are scanned like any string (3.11 semantics).
fn string<'src>(lex: &mut Lexer<'src, Raw<'src>>) -> Result<Tok<'src>, LexError> {
    let start = lex.span().start;
    let src = lex.source();
    let quote = lex.slice().as_bytes()[lex.slice().len() - 1];
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    if triple {
        // Looking for three consecutive unescaped quotes.
        let mut run = 0;
        loop {
            let Some(&c) = rest.get(i) else {
                let end = (lex.span().end + i).min(src.len());
                let line = line_of(src, end) - usize::from(end > 0 && is_line_break(src.as_bytes()[end - 1]));
                return Err(SyntaxError::new(
                    format!("unterminated triple-quoted string literal (detected at line {line})"),
                    start,
                    start,
                )
                .incomplete()
                .into());
            };
            i += 1;
            if c == quote {
                run += 1;
                if run == 3 {
                    break;
                }
            } else {
                run = 0;
                if c == b'\\' {
                    i += 1;
                }
            }
        }
    } else {
        loop {
            let c = rest.get(i).copied();
            match c {
                None | Some(b'\n') | Some(b'\r') => {
                    let at = lex.span().end + i.min(rest.len());
                    let line = line_of(src, at);
                    return Err(SyntaxError::new(
                        format!("unterminated string literal (detected at line {line})"),
                        start,
                        start,
                    )
                    .into());
                }
                Some(b'\\') => {
                    // `\` + `\r\n` must skip both bytes of the break.
                    if rest.get(i + 1) == Some(&b'\r') && rest.get(i + 2) == Some(&b'\n') {
                        i += 3;
                    } else {
                        i += 2;
                    }
                }
                Some(c) => {
                    i += 1;
                    if c == quote {
                        break;
                    }
                }
            }
        }
    }
    // Escapes may skip a byte past the end in the triple case only when
    // the text ends in a backslash, which falls into the EOF branch above;
    // clamp anyway so that `bump` stays in bounds.
    let i = i.min(rest.len());
    lex.bump(i);
    Ok(Tok::String(lex.slice()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(s: &str) -> Vec<Result<Raw<'_>, String>> {
        Raw::lexer(s).map(|r| r.map_err(|e| e.0.msg)).collect()
    }

    #[test]
    fn basic() {
        assert_eq!(
            raw("a = 1 # c\n\n  # x\n  b"),
            vec![
                Ok(Raw::Tok(Tok::Name("a"))),
                Ok(Raw::Tok(Tok::Equal)),
                Ok(Raw::Tok(Tok::Number(crate::ast::Constant::Int(1)))),
                Ok(Raw::Newline),
                Ok(Raw::Tok(Tok::Name("b"))),
            ]
        );
    }

    #[test]
    fn strings() {
        assert_eq!(raw(r#"r"\"" b'x'"#), vec![Ok(Raw::Tok(Tok::String(r#"r"\"""#))), Ok(Raw::Tok(Tok::String("b'x'")))]);
        assert_eq!(raw("'''a\n'b'''"), vec![Ok(Raw::Tok(Tok::String("'''a\n'b'''")))]);
        assert_eq!(raw("'''a''''").len(), 2);
        assert_eq!(raw("\"a\\\r\nb\""), vec![Ok(Raw::Tok(Tok::String("\"a\\\r\nb\"")))]);
        assert_eq!(raw("ur'x'"), vec![Ok(Raw::Tok(Tok::Name("ur"))), Ok(Raw::Tok(Tok::String("'x'")))]);
        assert_eq!(raw("'''\\")[..1], [Err("unterminated triple-quoted string literal (detected at line 1)".into())]);
        assert_eq!(raw("'\\")[..1], [Err("unterminated string literal (detected at line 1)".into())]);
    }
}
