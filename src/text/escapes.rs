//! Decoding the bodies of string and bytes literals, as CPython 3.11 does.
//!
//! Model: the lexer hands over a literal's body (between the quotes) and
//! where it starts in the source. First `\r\n` and lone `\r` become `\n`,
//! as CPython's tokenizer translates line endings before anything else;
//! then escapes are decoded unless the literal is raw.
//!
//! Error positions: CPython decodes str escapes with the `unicodeescape`
//! codec on a copy of the body in which every non-ASCII character became a
//! ten-byte `\UXXXXXXXX` escape (and a backslash before one became
//! `\u005c`), so the "position X-Y" in its messages counts that copy.
//! `codec_pos` reproduces the count. Whole-source offsets in the returned
//! `SyntaxError` are only approximate (see each function): CPython reports
//! these errors at the parser's current token, which only the parser knows.

use super::Wtf8Buf;
use super::unicode::{alias_code_point, has_name};
use crate::error::SyntaxError;
use std::borrow::Cow;

/// The body with `\r\n` and lone `\r` turned into `\n`.
fn normalize_newlines(body: &str) -> Cow<'_, str> {
    if !body.contains('\r') {
        return Cow::Borrowed(body);
    }
    Cow::Owned(body.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Decodes a str literal body. With `raw`, only line endings change.
///
/// On a bad escape the error's range is empty and sits at the end of the
/// body (`body_offset + body.len()`); CPython points at the token after the
/// literal, which the parser should substitute.
pub fn decode_str(body: &str, raw: bool, body_offset: usize) -> Result<Wtf8Buf, SyntaxError> {
    let text = normalize_newlines(body);
    if raw || !text.contains('\\') {
        return Ok(Wtf8Buf::from_str(&text));
    }
    let err_at = body_offset + body.len();
    let codec_error = |start: usize, end: usize, what: &str| {
        let msg = format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
            codec_pos(&text, start),
            codec_pos(&text, end) - 1,
        );
        SyntaxError::new(msg, err_at, err_at)
    };
    let bytes = text.as_bytes();
    let mut out = Wtf8Buf::new();
    let mut i = 0;
    while let Some(found) = text[i..].find('\\') {
        let esc = i + found;
        out.push_str(&text[i..esc]);
        let Some(&c) = bytes.get(esc + 1) else {
            // The lexer never ends a body on a lone backslash; keep it.
            out.push_str("\\");
            return Ok(out);
        };
        i = esc + 2;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push_char(c as char),
            b'a' => out.push_char('\x07'),
            b'b' => out.push_char('\x08'),
            b'f' => out.push_char('\x0c'),
            b'n' => out.push_char('\n'),
            b'r' => out.push_char('\r'),
            b't' => out.push_char('\t'),
            b'v' => out.push_char('\x0b'),
            b'0'..=b'7' => {
                let (value, next) = octal(bytes, esc + 1);
                // Up to 0o777 is allowed in str (3.12 starts warning).
                out.push_code_point(value);
                i = next;
            }
            b'x' | b'u' | b'U' => {
                let (count, what) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                for k in 0..count {
                    let pos = esc + 2 + k;
                    match bytes.get(pos).and_then(|&b| (b as char).to_digit(16)) {
                        Some(d) => value = (value << 4) | d,
                        None => return Err(codec_error(esc, pos.min(bytes.len()), what)),
                    }
                }
                i = esc + 2 + count;
                if value > 0x10FFFF {
                    return Err(codec_error(esc, i, "illegal Unicode character"));
                }
                out.push_code_point(value);
            }
            b'N' => {
                const MALFORMED: &str = "malformed \\N character escape";
                if bytes.get(esc + 2) != Some(&b'{') {
                    return Err(codec_error(esc, (esc + 2).min(bytes.len()), MALFORMED));
                }
                let name_start = esc + 3;
                let Some(close) = text[name_start..].find('}') else {
                    return Err(codec_error(esc, bytes.len(), MALFORMED));
                };
                let name_end = name_start + close;
                if close == 0 {
                    return Err(codec_error(esc, name_start, MALFORMED));
                }
                i = name_end + 1;
                match lookup_name(&text[name_start..name_end]) {
                    Some(cp) => out.push_code_point(cp),
                    None => return Err(codec_error(esc, i, "unknown Unicode character name")),
                }
            }
            // Unknown escapes (`\d`, `\8`, a backslash before non-ASCII)
            // stay as written; CPython only warns.
            _ => {
                out.push_str("\\");
                i = esc + 1;
            }
        }
    }
    out.push_str(&text[i..]);
    Ok(out)
}

/// Up to three octal digits starting at `start`: their value and the
/// index after them.
fn octal(bytes: &[u8], start: usize) -> (u32, usize) {
    let mut value = 0;
    let mut i = start;
    while i < start + 3 {
        match bytes.get(i) {
            Some(&d @ b'0'..=b'7') => value = value * 8 + u32::from(d - b'0'),
            _ => break,
        }
        i += 1;
    }
    (value, i)
}

/// Where byte `idx` of `text` lands in the copy CPython hands to the
/// `unicodeescape` codec (see the module comment).
fn codec_pos(text: &str, idx: usize) -> usize {
    let mut pos = 0;
    let mut chars = text[..idx].chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            pos += 1;
            match chars.peek() {
                // The backslash becomes `\u005c`; the char is counted next.
                Some(n) if !n.is_ascii() => pos += 5,
                // The escaped ASCII character is copied with it.
                Some(_) => {
                    chars.next();
                    pos += 1;
                }
                // `idx` falls between the backslash and its character.
                None => {}
            }
        } else if c.is_ascii() {
            pos += 1;
        } else {
            pos += 10;
        }
    }
    pos
}

const HANGUL_PREFIX: &str = "HANGUL SYLLABLE ";
const CJK_PREFIX: &str = "CJK UNIFIED IDEOGRAPH-";

/// The code point `\N{name}` denotes in CPython 3.11: a character name
/// (any case) or formal alias of Unicode 14.0. Hangul syllable and CJK
/// unified ideograph names are computed, not looked up, and CPython
/// matches those case-sensitively, with 4 or 5 hex digits for CJK.
fn lookup_name(name: &str) -> Option<u32> {
    // unicode_names2 matches loosely (ignoring spaces, underscores and
    // medial hyphens), so every hit is checked against the exact name.
    // The character filter also keeps out inputs it cannot handle (a
    // leading hyphen would underflow its index).
    if name.len() > 100
        || name.starts_with('-')
        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b' ' || b == b'-')
    {
        return None;
    }
    let upper = name.to_ascii_uppercase();
    if let Some(hex) = upper.strip_prefix(CJK_PREFIX) {
        let exact = name.strip_prefix(CJK_PREFIX)?;
        if !(4..=5).contains(&exact.len()) || !exact.bytes().all(|b| b.is_ascii_digit() || (b'A'..=b'F').contains(&b)) {
            return None;
        }
        let cp = u32::from_str_radix(hex, 16).ok()?;
        let c = char::from_u32(cp)?;
        let canonical = unicode_names2::name(c)?.to_string();
        return (has_name(cp) && canonical.starts_with(CJK_PREFIX)).then_some(cp);
    }
    if upper.starts_with(HANGUL_PREFIX) && name != upper {
        return None;
    }
    if let Some(cp) = alias_code_point(&upper) {
        return Some(cp);
    }
    let c = unicode_names2::character(&upper)?;
    let cp = u32::from(c);
    (has_name(cp) && unicode_names2::name(c)?.to_string() == upper).then_some(cp)
}

/// Decodes a bytes literal body. With `raw`, only line endings change.
///
/// A non-ASCII character is an error whose range is the body (CPython
/// marks the whole literal token). A bad `\x` escape is an error with an
/// empty range at the body's end (CPython: the token after the literal).
pub fn decode_bytes(body: &str, raw: bool, body_offset: usize) -> Result<Vec<u8>, SyntaxError> {
    if !body.is_ascii() {
        return Err(SyntaxError::new(
            "bytes can only contain ASCII literal characters",
            body_offset,
            body_offset + body.len(),
        ));
    }
    let text = normalize_newlines(body);
    let bytes = text.as_bytes();
    if raw || !bytes.contains(&b'\\') {
        return Ok(bytes.to_vec());
    }
    let err_at = body_offset + body.len();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(found) = bytes[i..].iter().position(|&b| b == b'\\') {
        let esc = i + found;
        out.extend_from_slice(&bytes[i..esc]);
        let Some(&c) = bytes.get(esc + 1) else {
            out.push(b'\\');
            return Ok(out);
        };
        i = esc + 2;
        match c {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(c),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let (value, next) = octal(bytes, esc + 1);
                // CPython stores the value in a byte: `\400` is 0.
                out.push(value as u8);
                i = next;
            }
            b'x' => {
                let digit = |k: usize| bytes.get(k).and_then(|&b| (b as char).to_digit(16));
                match (digit(esc + 2), digit(esc + 3)) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi << 4 | lo) as u8);
                        i = esc + 4;
                    }
                    _ => {
                        let msg = format!("(value error) invalid \\x escape at position {esc}");
                        return Err(SyntaxError::new(msg, err_at, err_at));
                    }
                }
            }
            // Including `\u`, `\U` and `\N`, which bytes do not know.
            _ => {
                out.push(b'\\');
                i = esc + 1;
            }
        }
    }
    out.extend_from_slice(&bytes[i..]);
    Ok(out)
}

#[cfg(test)]
mod tests;
