//! Conversions between text and numbers: `int(str, base)`, `float(str)`,
//! `str(int)`, `bin`/`oct`/`hex`, with CPython 3.11's rules and messages.
//!
//! Model: like CPython, parsing first maps the text to ASCII
//! (`_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace
//! becomes a space, non-ASCII decimal digits become their ASCII digit, and
//! anything else non-ASCII ends the text with an invalid `?`), then runs
//! the ASCII grammar (`PyLong_FromString`, `_Py_string_to_number_with_underscores`).
//! ASCII characters are kept as they are, so `'\x1c'` — whitespace to
//! `str.isspace` — is *not* stripped by `int()`, exactly as in CPython.
//!
//! Invariants: error messages quote the *original* text through
//! `repr` (truncated to 200 code points for `int`, as `%.200R` does);
//! the integer-string-conversion limit (`sys.set_int_max_str_digits`,
//! default 4300, 0 = unlimited) is an explicit parameter, applied only to
//! bases that are not powers of two, as CPython does.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use super::format_spec::FormatError;
use super::unicode;
use super::unicode_tables::DECIMAL;
use super::Wtf8Buf;

/// `sys.int_info.default_max_str_digits`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// Below this many digits the limit is never checked
/// (`_PY_LONG_MAX_STR_DIGITS_THRESHOLD`).
const MAX_STR_DIGITS_THRESHOLD: usize = 640;

/// `unicodedata.decimal(chr(cp))`, or `None` when `cp` is not a decimal
/// digit. Every run of Nd code points in Unicode 14 is made of whole
/// blocks of ten starting at a zero (checked against CPython when the
/// tables were generated, and by a test here), so the value is the offset
/// from the start of the run modulo 10; no separate table is needed.
pub fn decimal_digit_value(cp: u32) -> Option<u32> {
    if cp < 0x80 {
        return (cp as u8).is_ascii_digit().then(|| cp - '0' as u32);
    }
    let i = DECIMAL.partition_point(|&(_, hi)| hi < cp);
    match DECIMAL.get(i) {
        Some(&(lo, _)) if lo <= cp => Some((cp - lo) % 10),
        _ => None,
    }
}

/// `repr(s)`, cut to `limit` code points when given (`%.200R`).
fn quoted(s: &str, limit: Option<usize>) -> String {
    let mut r = String::new();
    super::repr::repr_str(&Wtf8Buf::from_str(s), &mut r);
    match limit.and_then(|n| r.char_indices().nth(n)) {
        Some((i, _)) => r[..i].to_string(),
        None => r,
    }
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`.
fn to_ascii(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let cp = c as u32;
        if cp < 127 {
            out.push(cp as u8);
        } else if unicode::is_space(cp) {
            out.push(b' ');
        } else if let Some(d) = decimal_digit_value(cp) {
            out.push(b'0' + d as u8);
        } else {
            out.push(b'?');
            break;
        }
    }
    out
}

/// `Py_ISSPACE`: the ASCII whitespace of C's `isspace`.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'a'..=b'z' => (b - b'a') as u32 + 10,
        b'A'..=b'Z' => (b - b'A') as u32 + 10,
        _ => 99,
    }
}

/// `int(text, base)` for a str `text`; `base` 0 or 2..=36;
/// `max_str_digits` as `sys.get_int_max_str_digits()` (0 = no limit).
pub fn parse_int(text: &str, base: u32) -> Result<BigInt, FormatError> {
    parse_int_limited(text, base, DEFAULT_MAX_STR_DIGITS)
}

/// [`parse_int`] with an explicit digit limit.
pub fn parse_int_limited(text: &str, base: u32, max_str_digits: usize) -> Result<BigInt, FormatError> {
    if (base != 0 && base < 2) || base > 36 {
        return Err(FormatError::value("int() base must be >= 2 and <= 36, or 0"));
    }
    let invalid = || FormatError::value(format!("invalid literal for int() with base {}: {}", base, quoted(text, Some(200))));
    let s = to_ascii(text);
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    let mut negative = false;
    if at(i) == b'+' {
        i += 1;
    } else if at(i) == b'-' {
        negative = true;
        i += 1;
    }
    let mut b = base;
    let mut error_if_nonzero = false;
    if b == 0 {
        b = if at(i) != b'0' {
            10
        } else {
            match at(i + 1) {
                b'x' | b'X' => 16,
                b'o' | b'O' => 8,
                b'b' | b'B' => 2,
                _ => {
                    // A C-style octal literal ("010") is invalid, but
                    // "0", "00" and "0_0" are zero.
                    error_if_nonzero = true;
                    10
                }
            }
        };
    }
    if at(i) == b'0' {
        let p = at(i + 1).to_ascii_lowercase();
        if (b == 16 && p == b'x') || (b == 8 && p == b'o') || (b == 2 && p == b'b') {
            i += 2;
            // One underscore may follow the prefix.
            if at(i) == b'_' {
                i += 1;
            }
        }
    }
    if at(i) == b'_' {
        return Err(invalid());
    }
    let start = i;
    let mut digits = 0usize;
    let mut prev = 0u8;
    while i < s.len() && (digit_value(s[i]) < b || s[i] == b'_') {
        if s[i] == b'_' {
            if prev == b'_' {
                return Err(invalid());
            }
        } else {
            digits += 1;
        }
        prev = s[i];
        i += 1;
    }
    if prev == b'_' {
        return Err(invalid());
    }
    if !b.is_power_of_two() && digits > MAX_STR_DIGITS_THRESHOLD && max_str_digits > 0 && digits > max_str_digits {
        return Err(FormatError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits, digits
        )));
    }
    if digits == 0 {
        return Err(invalid());
    }
    let body: Vec<u8> = s[start..i].iter().copied().filter(|&c| c != b'_').collect();
    let mag = BigUint::parse_bytes(&body, b).ok_or_else(invalid)?;
    if error_if_nonzero && !mag.is_zero() {
        return Err(invalid());
    }
    while i < s.len() && is_c_space(s[i]) {
        i += 1;
    }
    if i != s.len() {
        return Err(invalid());
    }
    Ok(BigInt::from_biguint(if negative { Sign::Minus } else { Sign::Plus }, mag))
}

/// `bin()`, `oct()`, `hex()` (base 2, 8, 16): `-0x1f`. Other bases print
/// the bare digits with a sign. Powers of two are never limited.
pub fn int_to_string(value: &BigInt, base: u32) -> String {
    let prefix = match base {
        2 => "0b",
        8 => "0o",
        16 => "0x",
        _ => "",
    };
    let sign = if value.sign() == Sign::Minus { "-" } else { "" };
    format!("{}{}{}", sign, prefix, value.magnitude().to_str_radix(base))
}

/// `str(value)` for an int, refusing more than `max_str_digits` digits
/// (0 = no limit) as CPython 3.11 does.
pub fn int_to_decimal(value: &BigInt, max_str_digits: usize) -> Result<String, FormatError> {
    let too_big = || {
        FormatError::value(format!(
            "Exceeds the limit ({} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            max_str_digits
        ))
    };
    if max_str_digits > 0 {
        // Quick reject before the quadratic conversion: a value of `bits`
        // bits has at least floor((bits - 1) * log10(2)) + 1 digits.
        let bits = value.magnitude().bits();
        if bits > 0 && ((bits - 1) as f64 * std::f64::consts::LOG10_2) as u64 + 1 > max_str_digits as u64 + 1 {
            return Err(too_big());
        }
    }
    let s = value.to_str_radix(10);
    let n_digits = s.len() - (value.sign() == Sign::Minus) as usize;
    if max_str_digits > 0 && n_digits > max_str_digits {
        return Err(too_big());
    }
    Ok(s)
}

/// `float(text)` for a str `text`.
pub fn parse_float(text: &str) -> Result<f64, FormatError> {
    let invalid = || FormatError::value(format!("could not convert string to float: {}", quoted(text, None)));
    let s = to_ascii(text);
    let mut lo = 0;
    let mut hi = s.len();
    while lo < hi && is_c_space(s[lo]) {
        lo += 1;
    }
    while hi > lo && is_c_space(s[hi - 1]) {
        hi -= 1;
    }
    let s = &s[lo..hi];
    // PEP 515: an underscore is allowed only between two digits.
    let mut clean = Vec::with_capacity(s.len());
    for (k, &c) in s.iter().enumerate() {
        if c == b'_' {
            let before = k > 0 && s[k - 1].is_ascii_digit();
            let after = s.get(k + 1).is_some_and(|d| d.is_ascii_digit());
            if !(before && after) {
                return Err(invalid());
            }
        } else {
            clean.push(c);
        }
    }
    let (negative, rest) = match clean.first() {
        Some(b'-') => (true, &clean[1..]),
        Some(b'+') => (false, &clean[1..]),
        _ => (false, &clean[..]),
    };
    let lower = rest.to_ascii_lowercase();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(v) = special {
        return Ok(if negative { -v } else { v });
    }
    // digits [. digits] [e [sign] digits], at least one mantissa digit.
    let mut k = 0;
    let n_int = rest.iter().take_while(|c| c.is_ascii_digit()).count();
    k += n_int;
    let mut n_frac = 0;
    if rest.get(k) == Some(&b'.') {
        k += 1;
        n_frac = rest[k..].iter().take_while(|c| c.is_ascii_digit()).count();
        k += n_frac;
    }
    if n_int + n_frac == 0 {
        return Err(invalid());
    }
    if matches!(rest.get(k), Some(b'e' | b'E')) {
        let mut j = k + 1;
        if matches!(rest.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let n_exp = rest[j.min(rest.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n_exp == 0 {
            return Err(invalid());
        }
        k = j + n_exp;
    }
    if k != rest.len() {
        return Err(invalid());
    }
    let num = std::str::from_utf8(&clean).map_err(|_| invalid())?;
    // Rust's parser is correctly rounded, overflows to inf and underflows
    // to 0 like `_Py_dg_strtod`.
    num.parse::<f64>().map_err(|_| invalid())
}
