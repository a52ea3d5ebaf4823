//! String literals: prefixes, concatenation of adjacent literals, and
//! f-strings, following CPython 3.11's `Parser/string_parser.c`.
//!
//! In 3.11 an f-string is lexed as one ordinary string token; its
//! replacement fields are found here by scanning the raw token text, and
//! each expression is parsed by a nested call of the parser on
//! `(expression)`, with offsets shifted so that they point into the
//! original source. The result mirrors CPython's AST exactly: adjacent
//! literal text merges into one `Constant`, empty text is dropped, an
//! f-string yields a `JoinedStr`, `{x=}` adds its source text, and a
//! format spec is itself a `JoinedStr`.

use super::PResult;
use super::build::{constant, expr, fail};
use crate::ast::{Constant, Expr, ExprKind};
use crate::error::SyntaxError;
use crate::text::Wtf8Buf;
use crate::text::escapes::{decode_bytes, decode_str};
use lalrpop_util::ParseError;

/// The parts of one literal token.
struct Literal<'a> {
    start: usize,
    /// 1 or 3.
    quote: usize,
    /// CPython gives a literal `kind='u'` when the first token's text
    /// starts with a lowercase `u`.
    lowercase_u: bool,
    bytes: bool,
    raw: bool,
    fstring: bool,
    /// The text between the quotes.
    body: &'a str,
    /// Offset of `body` in the source.
    body_start: usize,
    /// Where the run of adjacent literals ends: CPython reports errors in
    /// literals at the token after the run.
    run_end: usize,
}

impl Literal<'_> {
    /// The offset just past the closing quote(s).
    fn end(&self) -> usize {
        self.body_start + self.body.len() + self.quote
    }

    #[cold]
    fn fail<T>(&self, msg: impl Into<String>) -> PResult<T> {
        Err(user(SyntaxError::at_token_after(msg, self.run_end)))
    }

    /// Relocates an escape-decoding error as CPython places it.
    #[cold]
    fn escape_error(&self, e: SyntaxError) -> ParseError<usize, crate::lexer::Tok<'static>, SyntaxError> {
        if e.msg.starts_with("bytes can only contain ASCII") {
            return user(SyntaxError::new(e.msg, self.start, self.end()));
        }
        user(SyntaxError::at_token_after(e.msg, self.run_end))
    }
}

fn split_literal(start: usize, text: &str, run_end: usize) -> Literal<'_> {
    let prefix_len = text.find(['\'', '"']).unwrap_or(0);
    let prefix = &text[..prefix_len];
    let quote = &text[prefix_len..];
    let q = if quote.len() >= 6 && (quote.starts_with("'''") || quote.starts_with("\"\"\"")) { 3 } else { 1 };
    let body = &text[prefix_len + q..text.len() - q];
    let has = |c: char| prefix.chars().any(|p| p.eq_ignore_ascii_case(&c));
    Literal { start, quote: q, run_end, lowercase_u: prefix.starts_with('u'), bytes: has('b'), raw: has('r'), fstring: has('f'), body, body_start: start + prefix_len + q }
}

fn user(error: SyntaxError) -> ParseError<usize, crate::lexer::Tok<'static>, SyntaxError> {
    ParseError::User { error }
}

/// Builds the node for adjacent literals `parts` (each `(offset, text)`).
pub fn strings(l: usize, r: usize, parts: Vec<(usize, &str)>, in_pattern: bool) -> PResult<Expr> {
    let literals: Vec<Literal> = parts.into_iter().map(|(s, t)| split_literal(s, t, r)).collect();
    let bytes = literals[0].bytes;
    if literals.iter().any(|lit| lit.bytes != bytes) {
        return Err(user(SyntaxError::at_token_after("cannot mix bytes and nonbytes literals", r)));
    }
    if bytes {
        let mut value = Vec::new();
        for lit in &literals {
            value.extend(decode_bytes(lit.body, lit.raw, lit.body_start).map_err(|e| lit.escape_error(e))?);
        }
        return Ok(constant(l, r, Constant::Bytes(value)));
    }
    // CPython looks at the first character of the first token only.
    let kind: Option<Box<str>> = if literals[0].lowercase_u { Some("u".into()) } else { None };
    let fmode = literals.iter().any(|lit| lit.fstring);
    if fmode && in_pattern {
        return fail("patterns may only match literals and attribute lookups", l, r);
    }
    let mut joined = Joined { values: Vec::new(), text: Wtf8Buf::new(), kind: kind.clone(), text_start: l };
    for lit in &literals {
        if lit.fstring {
            let mut pos = 0;
            parse_fstring(lit, &mut pos, 0, &mut joined)?;
        } else {
            joined.text.push_wtf8(&decode_str(lit.body, lit.raw, lit.body_start).map_err(|e| lit.escape_error(e))?);
        }
    }
    if !fmode {
        return Ok(expr(l, r, ExprKind::Constant { value: Constant::Str(joined.text), kind }));
    }
    joined.flush(r);
    Ok(expr(l, r, ExprKind::JoinedStr { values: joined.values }))
}

/// The values of a `JoinedStr` being built, and the literal text not yet
/// flushed into a `Constant`.
struct Joined {
    values: Vec<Expr>,
    text: Wtf8Buf,
    kind: Option<Box<str>>,
    text_start: usize,
}

impl Joined {
    fn flush(&mut self, end: usize) {
        if !self.text.is_empty() {
            let value = Constant::Str(std::mem::take(&mut self.text));
            self.values.push(expr(self.text_start, end, ExprKind::Constant { value, kind: self.kind.clone() }));
        }
    }
}

/// Parses f-string text from `*pos` in `lit.body` into `out`, until the end
/// of the body (level 0) or an unmatched `}` (inside a format spec).
fn parse_fstring(lit: &Literal, pos: &mut usize, level: u32, out: &mut Joined) -> PResult<()> {
    let body = lit.body.as_bytes();
    loop {
        let literal_start = *pos;
        let (literal_end, resume, at_brace) = find_literal_end(lit, *pos, level)?;
        if literal_end > literal_start {
            let text = &lit.body[literal_start..literal_end];
            out.text.push_wtf8(&decode_str(text, lit.raw, lit.body_start + literal_start).map_err(|e| lit.escape_error(e))?);
        }
        *pos = resume;
        if !at_brace {
            if *pos >= body.len() {
                return Ok(());
            }
            continue; // a doubled brace: keep scanning literal text
        }
        if body[*pos] == b'}' {
            // The end of a format spec (only reachable at level > 0).
            return Ok(());
        }
        parse_replacement_field(lit, pos, level, out)?;
    }
}

/// Finds where literal text starting at `start` ends. Returns
/// `(end_of_text, resume_position, stopped_at_brace)`; a doubled brace at
/// level 0 ends the text after its first brace and resumes after both.
fn find_literal_end(lit: &Literal, start: usize, level: u32) -> PResult<(usize, usize, bool)> {
    let b = lit.body.as_bytes();
    let mut s = start;
    while s < b.len() {
        let mut ch = b[s];
        s += 1;
        if !lit.raw && ch == b'\\' && s < b.len() {
            ch = b[s];
            s += 1;
            if ch == b'N' {
                // `\N{NAME}`: the braces belong to the escape.
                if s < b.len() && b[s] == b'{' {
                    while s < b.len() && b[s] != b'}' {
                        s += 1;
                    }
                    s = (s + 1).min(b.len());
                }
                continue;
            }
        }
        if ch == b'{' || ch == b'}' {
            if level == 0 {
                if s < b.len() && b[s] == ch {
                    return Ok((s, s + 1, false));
                }
                if ch == b'}' {
                    return lit.fail("f-string: single '}' is not allowed");
                }
            }
            return Ok((s - 1, s - 1, true));
        }
    }
    if level > 0 {
        return lit.fail("f-string: expecting '}'");
    }
    Ok((b.len(), b.len(), false))
}

/// Parses `{expr[=][!c][:spec]}` starting at the `{` at `*pos`.
fn parse_replacement_field(lit: &Literal, pos: &mut usize, level: u32, out: &mut Joined) -> PResult<()> {
    let b = lit.body.as_bytes();
    let field_start = lit.body_start + *pos;
    if level >= 2 {
        return lit.fail("f-string: expressions nested too deeply");
    }
    *pos += 1;
    let expr_start = *pos;
    let expr_end = scan_expression(lit, pos)?;
    let text = &lit.body[expr_start..expr_end];
    if text.trim_matches([' ', '\t', '\n', '\r', '\x0c']).is_empty() {
        return lit.fail("f-string: empty expression not allowed");
    }
    let value = super::parse_fstring_expression(text, lit.body_start + expr_start)?;

    let mut self_documenting = false;
    if *pos < b.len() && b[*pos] == b'=' {
        *pos += 1;
        while *pos < b.len() && b[*pos].is_ascii_whitespace() {
            *pos += 1;
        }
        self_documenting = true;
        out.text.push_str(&lit.body[expr_start..*pos]);
    }
    let mut conversion = -1;
    if *pos < b.len() && b[*pos] == b'!' {
        *pos += 1;
        match b.get(*pos) {
            Some(&c @ (b's' | b'r' | b'a')) => {
                conversion = c as i32;
                *pos += 1;
            }
            None => return lit.fail("f-string: expecting '}'"),
            Some(_) => return lit.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'"),
        }
    }
    let mut format_spec = None;
    if *pos < b.len() && b[*pos] == b':' {
        *pos += 1;
        let spec_start = lit.body_start + *pos;
        let mut spec = Joined { values: Vec::new(), text: Wtf8Buf::new(), kind: out.kind.clone(), text_start: spec_start };
        parse_fstring(lit, pos, level + 1, &mut spec)?;
        let spec_end = lit.body_start + *pos;
        spec.flush(spec_end);
        format_spec = Some(Box::new(expr(spec_start, spec_end, ExprKind::JoinedStr { values: spec.values })));
    }
    if *pos >= b.len() || b[*pos] != b'}' {
        return lit.fail("f-string: expecting '}'");
    }
    *pos += 1;
    if self_documenting && conversion == -1 && format_spec.is_none() {
        conversion = b'r' as i32;
    }
    let field_end = lit.body_start + *pos;
    out.flush(field_start);
    out.text_start = field_end;
    out.values.push(expr(field_start, field_end, ExprKind::FormattedValue { value: Box::new(value), conversion, format_spec }));
    Ok(())
}

/// Scans an expression from `*pos` to the `=`, `!`, `:` or `}` that ends it
/// at bracket depth 0, skipping over nested strings and brackets. Leaves
/// `*pos` at that character and returns it.
fn scan_expression(lit: &Literal, pos: &mut usize) -> PResult<usize> {
    let b = lit.body.as_bytes();
    let mut stack: Vec<u8> = Vec::new();
    let mut quote: Option<(u8, usize)> = None; // (char, 1 or 3)
    while *pos < b.len() {
        let ch = b[*pos];
        if ch == b'\\' {
            return lit.fail("f-string expression part cannot include a backslash");
        }
        if let Some((q, n)) = quote {
            if ch == q && (n == 1 || b[*pos..].starts_with(&[q, q, q])) {
                *pos += n;
                quote = None;
            } else {
                *pos += 1;
            }
            continue;
        }
        match ch {
            b'\'' | b'"' => {
                let n = if b[*pos..].starts_with(&[ch, ch, ch]) { 3 } else { 1 };
                quote = Some((ch, n));
                *pos += n;
                continue;
            }
            b'[' | b'(' | b'{' => {
                if stack.len() >= 200 {
                    return lit.fail("f-string: too many nested parenthesis");
                }
                stack.push(ch);
            }
            b'#' => return lit.fail("f-string expression part cannot include '#'"),
            b']' | b')' | b'}' if !stack.is_empty() => {
                let open = stack.pop().unwrap_or(b'(');
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if ch != expected {
                    let msg = format!(
                        "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                        ch as char, open as char
                    );
                    return lit.fail(msg);
                }
            }
            b']' | b')' => return lit.fail(format!("f-string: unmatched '{}'", ch as char)),
            b'}' => return Ok(*pos),
            b'!' | b':' | b'=' | b'<' | b'>' if stack.is_empty() => {
                let next = b.get(*pos + 1).copied();
                if next == Some(b'=') && ch != b':' {
                    *pos += 2;
                    continue;
                }
                if ch == b'<' || ch == b'>' {
                    *pos += 1;
                    continue;
                }
                return Ok(*pos);
            }
            _ => {}
        }
        *pos += 1;
    }
    if quote.is_some() {
        return lit.fail("f-string: unterminated string");
    }
    if let Some(open) = stack.last() {
        return lit.fail(format!("f-string: unmatched '{}'", *open as char));
    }
    lit.fail("f-string: expecting '}'")
}
