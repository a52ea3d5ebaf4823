//! Numeric literals: scanning, validation and conversion to `Constant`.
//!
//! Model: a hand-written scanner that mirrors CPython 3.11's tokenizer
//! (`tok_get`'s number branch, `tok_decimal_tail`, `verify_end_of_number`)
//! step by step, so that the accepted language and the error messages are
//! CPython's. The logos DFA only recognises the first character of a
//! number (`[0-9]` or `.[0-9]`); the callback in `raw.rs` hands the rest of
//! the source to [`scan`], which returns the literal's length and value.
//!
//! Invariants:
//! - [`scan`] never reads past the literal plus one character of
//!   look-ahead (plus the few bytes `verify_end_of_number` peeks at), and
//!   the length it returns always ends on an ASCII byte, hence on a char
//!   boundary.
//! - No allocation for the common case: ints are accumulated with checked
//!   arithmetic while scanning; only literals with underscores that are
//!   floats, or ints that overflow `u64`, build a temporary string.

use crate::ast::Constant;
use num_bigint::BigUint;
use std::borrow::Cow;

/// A scanning failure: CPython's message and the byte range (relative to
/// the literal's start) where CPython puts the caret.
#[derive(Debug, PartialEq)]
pub struct NumberError {
    pub msg: String,
    pub start: usize,
    pub end: usize,
}

fn err(msg: impl Into<String>, start: usize, end: usize) -> NumberError {
    NumberError { msg: msg.into(), start, end }
}

/// Byte at `i`, or 0 past the end (CPython's tokenizer sees EOF as a
/// character that matches nothing; NUL bytes never reach here because the
/// raw lexer rejects them first, and 0 matches no class tested below).
#[inline]
fn at(s: &[u8], i: usize) -> u8 {
    s.get(i).copied().unwrap_or(0)
}

/// A character that glues onto the literal and makes it invalid. CPython
/// 3.11.7 ends the number before a non-ASCII character instead (`1é` is a
/// number then a name, and the parser reports it), so only ASCII counts.
#[inline]
fn is_ident_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// CPython's `verify_end_of_number`: a literal may be directly followed by
/// one of the keywords that can follow a number in valid code (`and`,
/// `else`, `for`, `if`, `in`, `is`, `not`, `or`; 3.11 only warns), but not
/// by any other identifier character. `i` is the index of the character
/// after the literal.
fn verify_end(s: &[u8], i: usize, kind: &str) -> Result<(), NumberError> {
    let rest = &s[i.min(s.len())..];
    let keyword_follows = match at(s, i) {
        b'a' => rest.starts_with(b"and"),
        b'e' => rest.starts_with(b"else"),
        b'f' => rest.starts_with(b"for"),
        b'i' => matches!(at(s, i + 1), b'f' | b'n' | b's'),
        b'o' => rest.starts_with(b"or"),
        b'n' => rest.starts_with(b"not"),
        _ => false,
    };
    if !keyword_follows && is_ident_char(at(s, i)) {
        // CPython backs up over the offending character and reports at the
        // literal's start for decimal literals, or at the current column.
        return Err(invalid(kind, s, i));
    }
    Ok(())
}

/// "invalid <kind> literal", positioned like CPython (which reports the
/// column of the last character it consumed).
fn invalid(kind: &str, _s: &[u8], i: usize) -> NumberError {
    let p = i.saturating_sub(1);
    err(format!("invalid {kind} literal"), p, p)
}

/// `tok_decimal_tail`: digits with single underscores between them,
/// starting at `i` (which must be a digit). Returns the index after.
fn decimal_tail(s: &[u8], mut i: usize) -> Result<usize, NumberError> {
    loop {
        while at(s, i).is_ascii_digit() {
            i += 1;
        }
        if at(s, i) != b'_' {
            return Ok(i);
        }
        i += 1;
        if !at(s, i).is_ascii_digit() {
            return Err(invalid("decimal", s, i));
        }
    }
}

/// Scans the numeric literal at the start of `s` (which starts with a digit,
/// or with `.` followed by a digit). Returns its length in bytes and value.
pub fn scan(s: &str) -> Result<(usize, Constant), NumberError> {
    let b = s.as_bytes();
    if at(b, 0) == b'.' {
        return float_from(b, 1).and_then(|(end, imag)| finish_float(s, end, imag));
    }
    if at(b, 0) == b'0' {
        match at(b, 1) {
            b'x' | b'X' => return radix_int(s, 16, "hexadecimal"),
            b'o' | b'O' => return radix_int(s, 8, "octal"),
            b'b' | b'B' => return radix_int(s, 2, "binary"),
            _ => return zero_prefixed(s),
        }
    }
    let i = decimal_tail(b, 1)?;
    match at(b, i) {
        b'.' | b'e' | b'E' | b'j' | b'J' => {
            let (end, imag) = float_from(b, i)?;
            if end == i {
                // `1else`: the `e` was not an exponent after all.
                return Ok((i, decimal_int(&s[..i])));
            }
            finish_float(s, end, imag)
        }
        _ => {
            verify_end(b, i, "decimal")?;
            Ok((i, decimal_int(&s[..i])))
        }
    }
}

/// A literal starting with `0` that is not hex/octal/binary: `0`, `00`,
/// `0_0` are fine, `0777` is an error (old-style octal), but `0777.5`,
/// `0777e1` and `0777j` are floats/imaginary.
fn zero_prefixed(s: &str) -> Result<(usize, Constant), NumberError> {
    let b = s.as_bytes();
    let mut i = 1;
    // Leading zeros, possibly separated by single underscores.
    loop {
        if at(b, i) == b'_' {
            i += 1;
            if !at(b, i).is_ascii_digit() {
                return Err(invalid("decimal", b, i));
            }
        }
        if at(b, i) != b'0' {
            break;
        }
        i += 1;
    }
    let zeros_end = i;
    let nonzero = at(b, i).is_ascii_digit();
    if nonzero {
        i = decimal_tail(b, i)?;
    }
    match at(b, i) {
        b'.' | b'e' | b'E' | b'j' | b'J' => {
            let (end, imag) = float_from(b, i)?;
            if end != i {
                return finish_float(s, end, imag);
            }
            // `0else`, `0777else`: an integer after all (and checked as one).
            if !nonzero {
                return Ok((i, Constant::Int(0)));
            }
            Err(leading_zeros(zeros_end))
        }
        _ if nonzero => Err(leading_zeros(zeros_end)),
        _ => {
            verify_end(b, i, "decimal")?;
            Ok((i, Constant::Int(0)))
        }
    }
}

fn leading_zeros(zeros_end: usize) -> NumberError {
    err(
        "leading zeros in decimal integer literals are not permitted; \
         use an 0o prefix for octal integers",
        0,
        zeros_end,
    )
}

/// Continues a decimal literal at `i`, which holds `.`, `e`/`E`, `j`/`J`
/// or (after a leading `.`) the first fraction digit. Returns the end of
/// the literal and whether it is imaginary (the `j` is included in the
/// length but not in the float text).
fn float_from(b: &[u8], mut i: usize) -> Result<(usize, bool), NumberError> {
    if at(b, i) == b'.' {
        i += 1;
    }
    // Fraction (the '.' may also be the first char of the whole literal).
    if at(b, i).is_ascii_digit() {
        i = decimal_tail(b, i)?;
    }
    if matches!(at(b, i), b'e' | b'E') {
        let e = i;
        i += 1;
        if matches!(at(b, i), b'+' | b'-') {
            i += 1;
            if !at(b, i).is_ascii_digit() {
                return Err(invalid("decimal", b, i));
            }
        } else if !at(b, i).is_ascii_digit() {
            // `1else`, `1e` followed by a keyword: the number ends before
            // the `e`. Anything else glued on is an error.
            verify_end(b, e, "decimal")?;
            return Ok((e, false));
        }
        i = decimal_tail(b, i)?;
    }
    if matches!(at(b, i), b'j' | b'J') {
        verify_end(b, i + 1, "imaginary")?;
        return Ok((i + 1, true));
    }
    verify_end(b, i, "decimal")?;
    Ok((i, false))
}

fn finish_float(s: &str, end: usize, imag: bool) -> Result<(usize, Constant), NumberError> {
    let text = if imag { &s[..end - 1] } else { &s[..end] };
    let text = strip_underscores(text);
    // The scanner only admits Python float syntax, which is a subset of
    // what Rust's correctly rounded parser accepts; overflow gives inf, as
    // in CPython. The fallback is unreachable but keeps us panic-free.
    let v: f64 = text.parse().map_err(|_| err("invalid decimal literal", 0, 0))?;
    Ok((end, if imag { Constant::Imaginary(v) } else { Constant::Float(v) }))
}

fn strip_underscores(s: &str) -> Cow<'_, str> {
    if s.contains('_') { Cow::Owned(s.replace('_', "")) } else { Cow::Borrowed(s) }
}

/// A decimal integer without a leading zero: accumulate in u64, fall back
/// to BigUint on overflow.
fn decimal_int(text: &str) -> Constant {
    let mut v: u64 = 0;
    for &c in text.as_bytes() {
        if c == b'_' {
            continue;
        }
        match v.checked_mul(10).and_then(|v| v.checked_add(u64::from(c - b'0'))) {
            Some(n) => v = n,
            None => return big(text, 10),
        }
    }
    Constant::Int(v)
}

fn big(digits: &str, radix: u32) -> Constant {
    let clean: Vec<u8> = digits.bytes().filter(|&c| c != b'_').collect();
    match BigUint::parse_bytes(&clean, radix) {
        Some(n) => Constant::BigInt(Box::new(n)),
        // Unreachable: the scanner validated every digit.
        None => Constant::Int(0),
    }
}

/// `0x...`, `0o...`, `0b...`: groups of digits, each group optionally
/// preceded by one underscore (`0x_ff`, `0xf_f`, not `0xf__f` or `0xf_`).
fn radix_int(s: &str, radix: u32, kind: &str) -> Result<(usize, Constant), NumberError> {
    let b = s.as_bytes();
    let mut i = 2;
    let is_digit = |c: u8| (c as char).to_digit(radix).is_some();
    loop {
        if at(b, i) == b'_' {
            i += 1;
        }
        let c = at(b, i);
        if !is_digit(c) {
            if radix < 10 && c.is_ascii_digit() {
                return Err(err(format!("invalid digit '{}' in {kind} literal", c as char), i, i));
            }
            return Err(invalid(kind, b, i));
        }
        while is_digit(at(b, i)) {
            i += 1;
        }
        if at(b, i) != b'_' {
            break;
        }
    }
    let c = at(b, i);
    if radix < 10 && c.is_ascii_digit() {
        return Err(err(format!("invalid digit '{}' in {kind} literal", c as char), i, i));
    }
    verify_end(b, i, kind)?;
    let digits = &s[2..i];
    let mut v: u64 = 0;
    for c in digits.chars() {
        let Some(d) = c.to_digit(radix) else { continue };
        match v.checked_mul(u64::from(radix)).and_then(|v| v.checked_add(u64::from(d))) {
            Some(n) => v = n,
            None => return Ok((i, big(digits, radix))),
        }
    }
    Ok((i, Constant::Int(v)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> (usize, Constant) {
        scan(s).unwrap_or_else(|e| panic!("{s:?}: {e:?}"))
    }
    fn msg(s: &str) -> String {
        scan(s).unwrap_err().msg
    }

    #[test]
    fn ints() {
        assert_eq!(ok("0"), (1, Constant::Int(0)));
        assert_eq!(ok("00"), (2, Constant::Int(0)));
        assert_eq!(ok("0_0"), (3, Constant::Int(0)));
        assert_eq!(ok("1_000 "), (5, Constant::Int(1000)));
        assert_eq!(ok("0x_ff"), (5, Constant::Int(255)));
        assert_eq!(ok("0XfF"), (4, Constant::Int(255)));
        assert_eq!(ok("0o17"), (4, Constant::Int(15)));
        assert_eq!(ok("0b1_01"), (6, Constant::Int(5)));
        assert_eq!(ok("18446744073709551615"), (20, Constant::Int(u64::MAX)));
        let (n, c) = ok("18446744073709551616");
        assert_eq!(n, 20);
        assert_eq!(c, Constant::BigInt(Box::new(BigUint::from(u64::MAX) + 1u32)));
        let (_, c) = ok("0x1_0000_0000_0000_0000");
        assert_eq!(c, Constant::BigInt(Box::new(BigUint::from(u64::MAX) + 1u32)));
    }

    #[test]
    fn floats() {
        assert_eq!(ok("1."), (2, Constant::Float(1.0)));
        assert_eq!(ok(".5"), (2, Constant::Float(0.5)));
        assert_eq!(ok("1e10"), (4, Constant::Float(1e10)));
        assert_eq!(ok("1_0.0_1e+1_0"), (12, Constant::Float(10.01e10)));
        assert_eq!(ok("0777.5"), (6, Constant::Float(777.5)));
        assert_eq!(ok("0777e1"), (6, Constant::Float(7770.0)));
        assert_eq!(ok("1e999"), (5, Constant::Float(f64::INFINITY)));
        assert_eq!(ok("0.1"), (3, Constant::Float(0.1)));
    }

    #[test]
    fn imaginary() {
        assert_eq!(ok("1j"), (2, Constant::Imaginary(1.0)));
        assert_eq!(ok("1.5J"), (4, Constant::Imaginary(1.5)));
        assert_eq!(ok("1e3j"), (4, Constant::Imaginary(1000.0)));
        assert_eq!(ok("0777j"), (5, Constant::Imaginary(777.0)));
        assert_eq!(ok("00j"), (3, Constant::Imaginary(0.0)));
    }

    #[test]
    fn keyword_after_number() {
        assert_eq!(ok("1if x").0, 1);
        assert_eq!(ok("1else"), (1, Constant::Int(1)));
        assert_eq!(ok("0else"), (1, Constant::Int(0)));
        assert_eq!(ok("1or 2").0, 1);
        assert_eq!(ok("1and").0, 1);
        assert_eq!(ok("1in").0, 1);
        assert_eq!(ok("1is").0, 1);
        assert_eq!(ok("1not in").0, 1);
        assert_eq!(ok("1for").0, 1);
        // Like CPython: hex digits swallow the `f` of `for`.
        assert_eq!(ok("0x1for"), (4, Constant::Int(0x1f)));
        assert_eq!(ok("1.5if").0, 3);
        assert_eq!(ok("1jif").0, 2);
    }

    #[test]
    fn errors() {
        for s in ["1_", "1__0", "1a", "1.__class__", "1e+", "1ex", "1_if", "0_", "0a"] {
            assert_eq!(msg(s), "invalid decimal literal", "{s}");
        }
        assert_eq!(msg("0x"), "invalid hexadecimal literal");
        assert_eq!(msg("0xg"), "invalid hexadecimal literal");
        assert_eq!(msg("0x1_"), "invalid hexadecimal literal");
        assert_eq!(msg("0o"), "invalid octal literal");
        assert_eq!(msg("0o8"), "invalid digit '8' in octal literal");
        assert_eq!(msg("0o78"), "invalid digit '8' in octal literal");
        assert_eq!(msg("0b"), "invalid binary literal");
        assert_eq!(msg("0b2"), "invalid digit '2' in binary literal");
        assert_eq!(msg("1jx"), "invalid imaginary literal");
        let lz = "leading zeros in decimal integer literals are not permitted; \
                  use an 0o prefix for octal integers";
        assert_eq!(msg("0777"), lz);
        assert_eq!(msg("0_7"), lz);
    }
}
