//! Python `repr` of the constant types, byte for byte as CPython 3.11.
//!
//! Every function appends to a caller's `String` so that a large dump (or
//! the interpreter's `repr` of a container) builds one buffer instead of
//! allocating per value.

use super::Wtf8Buf;
use super::unicode::is_printable;
use std::fmt::Write;

const HEX: &[u8; 16] = b"0123456789abcdef";

fn push_hex(out: &mut String, prefix: &str, value: u32, digits: u32) {
    out.push_str(prefix);
    for i in (0..digits).rev() {
        out.push(HEX[((value >> (4 * i)) & 0xF) as usize] as char);
    }
}

/// CPython's quote choice: `'` unless the text has `'` and no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double { '"' } else { '\'' }
}

/// `repr(s)` for a str given as code points (lone surrogates allowed).
/// The iterator is walked twice: once to choose the quote.
pub fn repr_code_points<I: Iterator<Item = u32> + Clone>(cps: I, out: &mut String) {
    let (mut single, mut double) = (false, false);
    for cp in cps.clone() {
        single |= cp == u32::from(b'\'');
        double |= cp == u32::from(b'"');
    }
    let quote = choose_quote(single, double);
    out.push(quote);
    for cp in cps {
        match char::from_u32(cp) {
            Some(c) if c == quote || c == '\\' => {
                out.push('\\');
                out.push(c);
            }
            Some('\t') => out.push_str("\\t"),
            Some('\n') => out.push_str("\\n"),
            Some('\r') => out.push_str("\\r"),
            // ASCII printability is the fast path of `is_printable` too,
            // but checking here keeps plain text out of the table lookup.
            Some(c) if (' '..'\x7f').contains(&c) => out.push(c),
            Some(c) if cp >= 0x80 && is_printable(cp) => out.push(c),
            _ if cp < 0x100 => push_hex(out, "\\x", cp, 2),
            _ if cp < 0x10000 => push_hex(out, "\\u", cp, 4),
            _ => push_hex(out, "\\U", cp, 8),
        }
    }
    out.push(quote);
}

/// `repr(s)` for a str, as CPython's `unicode_repr`.
pub fn repr_str(s: &Wtf8Buf, out: &mut String) {
    repr_code_points(s.code_points(), out);
}

/// `repr(b)` for bytes.
pub fn repr_bytes(b: &[u8], out: &mut String) {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"')) as u8;
    bytes_literal(b, quote, quote, out);
}

/// `b'...'` with `quote` around `b`, escaping backslashes and the quote
/// `escaped` (the chosen quote for bytes; always `'` for `bytearray`'s
/// repr, a CPython quirk).
pub fn bytes_literal(b: &[u8], quote: u8, escaped: u8, out: &mut String) {
    out.push('b');
    out.push(quote as char);
    for &c in b {
        match c {
            _ if c == escaped || c == b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0x20..=0x7E => out.push(c as char),
            _ => push_hex(out, "\\x", u32::from(c), 2),
        }
    }
    out.push(quote as char);
}

/// Shortest round-trip decimal digits of a finite `f`'s
/// magnitude and the exponent of the first digit (`d.ddd × 10^exp`).
fn shortest_digits(f: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest digits that round-trip, which is
    // what CPython's repr ('r' mode of dtoa) selects, but for one case:
    // when `f` lies exactly halfway between two shortest candidates,
    // Rust takes the upper one and dtoa the even one.
    let s = format!("{:e}", f.abs());
    let (mantissa, exp) = s.split_once('e').expect("`{:e}` always has an exponent");
    let digits: String = mantissa.chars().filter(|&c| c != '.').collect();
    let exp: i32 = exp.parse().expect("`{:e}` exponent is an integer");
    match even_of_tie(f.abs(), &digits, exp) {
        Some(even) => (even, exp),
        None => (digits, exp),
    }
}

/// When `f` (positive) is exactly halfway between two `digits.len()`-digit
/// decimals with first-digit exponent `exp`, the one whose last digit is
/// even, if it is not `digits` and reads back as `f`.
///
/// A tie needs `f`'s exact decimal expansion to be one digit longer
/// than `digits` and end in 5, so `f = m·2^-k` with `m` odd, `k > 0` and
/// `m·5^k` (its digits) below 10^18: a few integer operations tell the
/// rare floats that can tie from the rest.
fn even_of_tie(f: f64, digits: &str, exp: i32) -> Option<String> {
    let bits = f.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    let (mut m, mut e) = if biased == 0 { (fraction, -1074) } else { (fraction | 1 << 52, biased - 1075) };
    if m == 0 {
        return None;
    }
    let zeros = m.trailing_zeros();
    m >>= zeros;
    e += zeros as i32;
    if e >= 0 || e < -26 {
        return None;
    }
    // f = m·5^k / 10^k with k = -e: `exact` holds its significant digits.
    let exact = u128::from(m).checked_mul(5u128.checked_pow((-e) as u32)?)?;
    if exact >= 10u128.pow(18) {
        return None;
    }
    let exact = exact.to_string();
    let n = digits.len();
    let exact_exp = exact.len() as i32 - 1 + e;
    if exact.len() != n + 1 || !exact.ends_with('5') || exact_exp != exp {
        return None;
    }
    let lower: u64 = exact[..n].parse().ok()?;
    let even = if lower % 2 == 0 { lower } else { lower + 1 };
    let even = even.to_string();
    if even == digits || even.len() != n {
        return None;
    }
    let reads_back = format!("{}.{}e{}", &even[..1], &even[1..], exp).parse::<f64>().ok()? == f;
    reads_back.then_some(even)
}

/// CPython's `PyOS_double_to_string(f, 'r', 0, flags)` with `add_dot_0`
/// standing for `Py_DTSF_ADD_DOT_0` (set by `float.__repr__`, not by the
/// imaginary part of `complex.__repr__`).
fn format_repr(f: f64, add_dot_0: bool, out: &mut String) {
    if f.is_nan() {
        out.push_str("nan");
        return;
    }
    if f.is_sign_negative() {
        out.push('-');
    }
    if f.is_infinite() {
        out.push_str("inf");
        return;
    }
    let (digits, exp) = shortest_digits(f);
    if exp < -4 || exp >= 16 {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let _ = write!(out, "e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(&digits);
    } else {
        let int_len = exp as usize + 1;
        if digits.len() > int_len {
            out.push_str(&digits[..int_len]);
            out.push('.');
            out.push_str(&digits[int_len..]);
        } else {
            out.push_str(&digits);
            for _ in digits.len()..int_len {
                out.push('0');
            }
            if add_dot_0 {
                out.push_str(".0");
            }
        }
    }
}

/// `repr(f)` for a float: shortest round-trip digits, exponent notation
/// when the decimal exponent is below -4 or at least 16.
pub fn repr_float(f: f64, out: &mut String) {
    format_repr(f, true, out);
}

/// A part of a complex's repr: `repr(f)` without the `.0` that marks an
/// integral float (`1`, `2.5`, `1e+16`, `inf`).
pub fn repr_complex_part(f: f64, out: &mut String) {
    format_repr(f, false, out);
}

/// `repr(complex(0.0, imag))`: with a +0.0 real part CPython prints only
/// the imaginary part, without the `.0` a float repr would add.
pub fn repr_imaginary(imag: f64, out: &mut String) {
    format_repr(imag, false, out);
    out.push('j');
}

#[cfg(test)]
mod tests;
