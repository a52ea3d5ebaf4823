//! The format-spec mini-language of `format()` / `str.format` / f-strings,
//! as CPython 3.11's `Python/formatter_unicode.c` implements it.
//!
//! Model: a spec is parsed once into a [`FormatSpec`] (the C
//! `InternalFormatSpec`) with the defaults of the receiving type (`'s'`/`'<'`
//! for str, `'d'`/`'>'` for int, no type/`'>'` for float), then rendered by
//! the per-type functions. Numbers are laid out exactly as
//! `calc_number_widths` does:
//! `<lpad><sign><prefix><spad><grouped digits><decimal><remainder><rpad>`,
//! where only one of the three paddings is non-zero, and zero padding
//! (`'0'` fill with `'='` alignment) is done *inside* the grouping so that
//! `format(1234, '08,')` is `'0,001,234'`.
//!
//! Text is Python's: the cores (`*_wtf8`) take and return [`Wtf8Buf`], so
//! lone surrogates survive as fill characters, in strs and from `'c'`; the
//! `&str`/`String` wrappers are for Rust callers (there a surrogate result
//! is reported as an error rather than mangled).
//!
//! Invariants: widths and precisions count code points, never bytes; every
//! error is a [`FormatError`] carrying the Python exception type and
//! CPython's exact message. The `'n'` type behaves as under the C locale
//! (no grouping, `'.'` decimal point), which is what an embedded
//! interpreter that never calls `setlocale` sees.
//!
//! Float digits come from Rust's `{:e}` (shortest round-trip, = dtoa mode
//! 0) and `{:.*e}` / `{:.*}` (correctly rounded, ties-to-even on the exact
//! binary value, = dtoa modes 2 and 3); the layout around them is a
//! transcription of `format_float_short` in `Python/pystrtod.c`.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::int_text::{int_to_decimal, DEFAULT_MAX_STR_DIGITS};
use super::Wtf8Buf;

/// The Python exception a formatting function raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    OverflowError,
    /// An absurd width or precision (CPython fails to allocate too; the
    /// message is empty as in CPython).
    MemoryError,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::MemoryError => "MemoryError",
        }
    }
}

/// An exception to raise: its type and CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatError {
    pub kind: ErrorKind,
    pub message: String,
}

impl FormatError {
    pub fn value(message: impl Into<String>) -> Self {
        FormatError { kind: ErrorKind::ValueError, message: message.into() }
    }
    pub fn type_error(message: impl Into<String>) -> Self {
        FormatError { kind: ErrorKind::TypeError, message: message.into() }
    }
    pub fn overflow(message: impl Into<String>) -> Self {
        FormatError { kind: ErrorKind::OverflowError, message: message.into() }
    }
}

/// `MemoryError()`.
pub(crate) fn memory_error() -> FormatError {
    FormatError { kind: ErrorKind::MemoryError, message: String::new() }
}

/// Checks that `n` bytes can be had before a formatter produces that much
/// output, so that huge widths and precisions raise MemoryError as in
/// CPython instead of aborting the process.
pub(crate) fn probe_alloc(n: usize) -> Result<(), FormatError> {
    let mut v: Vec<u8> = Vec::new();
    v.try_reserve_exact(n.saturating_add(64)).map_err(|_| memory_error())
}

/// Reserves `n` fill characters (plus `extra` bytes) in `out`.
fn reserve_fill(out: &mut Wtf8Buf, fill: u32, n: i64, extra: usize) -> Result<(), FormatError> {
    let fill_len = if fill < 0x80 { 1 } else if fill < 0x800 { 2 } else if fill < 0x10000 { 3 } else { 4 };
    let bytes = (n.max(0) as u64).checked_mul(fill_len).and_then(|b| b.checked_add(extra as u64));
    match bytes.and_then(|b| usize::try_from(b).ok()) {
        Some(b) => out.try_reserve(b).map_err(|_| memory_error()),
        None => Err(memory_error()),
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

/// Thousands separator requested by the spec (`LT_*` in CPython).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal types).
    Underscore,
    /// `_` every four digits (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed format spec; `None` for width/precision means "not given".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// A code point (a lone surrogate is a valid fill).
    pub fill: u32,
    /// One of `<`, `>`, `^`, `=`.
    pub align: char,
    /// `'\0'` when not given, else `+`, `-` or space.
    pub sign: char,
    pub no_neg_0: bool,
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `'\0'` when absent and the default is none.
    pub ty: char,
}

/// CPython's `Py_UNICODE_TODECIMAL` for the width and precision digits
/// (any Unicode decimal digit counts, as `format(1, '٣')` shows).
fn decimal_value(c: u32) -> Option<u32> {
    super::int_text::decimal_digit_value(c)
}

/// `get_integer`: consumes decimal digits; errors when the value would not
/// fit a `Py_ssize_t`.
fn get_integer(chars: &[u32], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let mut acc: i64 = 0;
    let mut consumed = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        if acc > (i64::MAX - d as i64) / 10 {
            return Err(FormatError::value("Too many decimal digits in format string"));
        }
        acc = acc * 10 + d as i64;
        consumed = true;
        *pos += 1;
    }
    Ok(if consumed { Some(acc as usize) } else { None })
}

fn code_name(c: u32) -> String {
    // "'%c'" for printable ASCII, "'\x%x'" otherwise, as CPython does.
    if c > 32 && c < 128 {
        format!("'{}'", c as u8 as char)
    } else {
        format!("'\\x{:x}'", c)
    }
}

fn unknown_presentation_type(ty: u32, type_name: &str) -> FormatError {
    FormatError::value(format!("Unknown format code {} for object of type '{}'", code_name(ty), type_name))
}

impl FormatSpec {
    /// `parse_internal_render_format_spec`. `default_type` is `'\0'` for
    /// float, `'d'` for int, `'s'` for str; `type_name` is used in messages.
    pub fn parse(spec: &str, default_type: char, default_align: char, type_name: &str) -> Result<FormatSpec, FormatError> {
        Self::parse_wtf8(&Wtf8Buf::from_str(spec), default_type, default_align, type_name)
    }

    /// [`FormatSpec::parse`] for a spec that may hold lone surrogates. A
    /// surrogate presentation type gets the error CPython would raise
    /// first for it (a grouping or an unknown-code error).
    pub fn parse_wtf8(spec: &Wtf8Buf, default_type: char, default_align: char, type_name: &str) -> Result<FormatSpec, FormatError> {
        let c: Vec<u32> = spec.code_points().collect();
        let end = c.len();
        let mut pos = 0;
        let mut f = FormatSpec {
            fill: ' ' as u32,
            align: default_align,
            sign: '\0',
            no_neg_0: false,
            alternate: false,
            width: None,
            grouping: Grouping::None,
            precision: None,
            ty: default_type,
        };
        let is_align = |ch: u32| matches!(char::from_u32(ch), Some('<' | '>' | '=' | '^'));
        let is = |i: usize, ch: char| c.get(i) == Some(&(ch as u32));
        let mut fill_specified = false;
        let mut align_specified = false;
        if end >= 2 && is_align(c[1]) {
            f.align = c[1] as u8 as char;
            f.fill = c[0];
            fill_specified = true;
            align_specified = true;
            pos = 2;
        } else if end >= 1 && is_align(c[0]) {
            f.align = c[0] as u8 as char;
            align_specified = true;
            pos = 1;
        }
        if is(pos, '+') || is(pos, '-') || is(pos, ' ') {
            f.sign = c[pos] as u8 as char;
            pos += 1;
        }
        if is(pos, 'z') {
            f.no_neg_0 = true;
            pos += 1;
        }
        if is(pos, '#') {
            f.alternate = true;
            pos += 1;
        }
        // The backwards-compatible '0' flag: zero fill, and '=' alignment
        // for types that right-align by default (numbers).
        if !fill_specified && is(pos, '0') {
            f.fill = '0' as u32;
            if !align_specified && default_align == '>' {
                f.align = '=';
            }
            pos += 1;
        }
        f.width = get_integer(&c, &mut pos)?;
        if is(pos, ',') {
            f.grouping = Grouping::Comma;
            pos += 1;
        }
        if is(pos, '_') {
            if f.grouping != Grouping::None {
                return Err(FormatError::value("Cannot specify both ',' and '_'."));
            }
            f.grouping = Grouping::Underscore;
            pos += 1;
        }
        if is(pos, ',') && f.grouping == Grouping::Underscore {
            return Err(FormatError::value("Cannot specify both ',' and '_'."));
        }
        if is(pos, '.') {
            pos += 1;
            f.precision = get_integer(&c, &mut pos)?;
            if f.precision.is_none() {
                return Err(FormatError::value("Format specifier missing precision"));
            }
        }
        if end - pos > 1 {
            return Err(FormatError::value(format!(
                "Invalid format specifier '{}' for object of type '{}'",
                spec.to_string_lossy(),
                type_name
            )));
        }
        let mut ty = f.ty as u32;
        if end - pos == 1 {
            ty = c[pos];
        }
        if f.grouping != Grouping::None {
            // A surrogate type is no allowed type: map it to a non-type.
            match char::from_u32(ty).unwrap_or('\u{FFFF}') {
                'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => {}
                'b' | 'o' | 'x' | 'X' if f.grouping == Grouping::Underscore => {
                    f.grouping = Grouping::UnderscoreFour;
                }
                _ => {
                    let sep = if f.grouping == Grouping::Comma { ',' } else { '_' };
                    return Err(FormatError::value(format!("Cannot specify '{}' with {}.", sep, code_name(ty))));
                }
            }
        }
        f.ty = char::from_u32(ty).ok_or_else(|| unknown_presentation_type(ty, type_name))?;
        Ok(f)
    }

    fn width_i(&self) -> i64 {
        self.width.map_or(-1, |w| w as i64)
    }
}

fn push_n(out: &mut String, c: char, n: i64) {
    for _ in 0..n.max(0) {
        out.push(c);
    }
}

fn push_fill(out: &mut Wtf8Buf, c: u32, n: i64) {
    for _ in 0..n.max(0) {
        out.push_code_point(c);
    }
}

/// Pads `body` (of `len` code points) to the spec's width and alignment.
pub(crate) fn pad(out: &mut Wtf8Buf, body: impl Iterator<Item = u32>, len: usize, spec: &FormatSpec) -> Result<(), FormatError> {
    let total = spec.width_i().max(len as i64);
    let padding = total - len as i64;
    reserve_fill(out, spec.fill, padding, len * 4)?;
    let left = match spec.align {
        '>' | '=' => padding,
        '^' => padding / 2,
        _ => 0,
    };
    push_fill(out, spec.fill, left);
    for cp in body {
        out.push_code_point(cp);
    }
    push_fill(out, spec.fill, padding - left);
    Ok(())
}

/// `format(s, spec)` for a str.
pub fn format_str(s: &str, spec: &str) -> Result<String, FormatError> {
    to_string(format_str_wtf8(&Wtf8Buf::from_str(s), &Wtf8Buf::from_str(spec), "str")?)
}

/// `format(s, spec)` for any str; `type_name` is used in messages (str
/// subclasses).
pub fn format_str_wtf8(s: &Wtf8Buf, spec: &Wtf8Buf, type_name: &str) -> Result<Wtf8Buf, FormatError> {
    if spec.is_empty() {
        return Ok(s.clone());
    }
    let f = FormatSpec::parse_wtf8(spec, 's', '<', type_name)?;
    if f.ty != 's' {
        return Err(unknown_presentation_type(f.ty as u32, type_name));
    }
    if f.sign != '\0' {
        return Err(FormatError::value(if f.sign == ' ' {
            "Space not allowed in string format specifier"
        } else {
            "Sign not allowed in string format specifier"
        }));
    }
    if f.no_neg_0 {
        return Err(FormatError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if f.alternate {
        return Err(FormatError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == '=' {
        return Err(FormatError::value("'=' alignment not allowed in string format specifier"));
    }
    let total = s.code_points().count();
    let len = f.precision.map_or(total, |p| p.min(total));
    let mut out = Wtf8Buf::new();
    pad(&mut out, s.code_points().take(len), len, &f)?;
    Ok(out)
}

/// The `String` of a result, for the `&str` wrappers.
fn to_string(w: Wtf8Buf) -> Result<String, FormatError> {
    match w.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(FormatError::value("ouro: the result holds a lone surrogate; use the *_wtf8 function")),
    }
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`, for ASCII `digits`:
/// inserts `sep` every `group` digits from the right (`group == 0`: no
/// grouping) and left-pads with zeros (separators included) up to
/// `min_width` characters.
fn group_digits(digits: &str, min_width: i64, group: i64, sep: char) -> String {
    // Built from the right, reversed at the end; the caller has checked
    // that `min_width` bytes can be allocated.
    let d = digits.as_bytes();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    let mut end = d.len();
    let mut rev: Vec<u8> = Vec::with_capacity(d.len().max(min_width.max(0) as usize) + d.len() / 3 + 1);
    let mut use_sep = false;
    let mut emit = |rev: &mut Vec<u8>, l: i64, remaining: i64, use_sep: bool| {
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        if use_sep {
            rev.push(sep as u8);
        }
        rev.extend(d[end - n_chars as usize..end].iter().rev());
        rev.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        end -= n_chars as usize;
        n_chars
    };
    let mut broke = false;
    if group > 0 {
        loop {
            let l = group.min(remaining.max(min_width).max(1));
            let n_chars = emit(&mut rev, l, remaining, use_sep);
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if remaining <= 0 && min_width <= 0 {
                broke = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broke {
        let l = remaining.max(min_width).max(1);
        emit(&mut rev, l, remaining, use_sep);
    }
    rev.reverse();
    String::from_utf8(rev).expect("ASCII digits and separators")
}

/// The pieces of a formatted number, laid out by `calc_number_widths`.
struct NumberParts<'a> {
    /// `'-'` if the number is negative, else `'\0'`.
    sign_char: char,
    prefix: &'a str,
    digits: &'a str,
    /// Decimal point present (written as '.').
    has_decimal: bool,
    /// Everything after the digits and decimal point (fraction, exponent,
    /// or `%`; ASCII).
    remainder: &'a str,
    /// The character of `'c'`, which CPython also counts as remainder.
    c_char: Option<u32>,
}

fn render_number(parts: &NumberParts, spec: &FormatSpec, grouping: Grouping) -> Result<Wtf8Buf, FormatError> {
    let (group, sep) = match grouping {
        Grouping::None => (0, ','),
        Grouping::Comma => (3, ','),
        Grouping::Underscore => (3, '_'),
        Grouping::UnderscoreFour => (4, '_'),
    };
    let sign = match spec.sign {
        '+' => Some(if parts.sign_char == '-' { '-' } else { '+' }),
        ' ' => Some(if parts.sign_char == '-' { '-' } else { ' ' }),
        _ => (parts.sign_char == '-').then_some('-'),
    };
    let n_remainder = parts.remainder.len() as i64 + parts.c_char.is_some() as i64;
    let n_non_digit = sign.is_some() as i64 + parts.prefix.len() as i64 + parts.has_decimal as i64 + n_remainder;
    let min_width = if spec.fill == '0' as u32 && spec.align == '=' { spec.width_i() - n_non_digit } else { 0 };
    let mut out = Wtf8Buf::new();
    reserve_fill(&mut out, spec.fill, spec.width_i(), parts.digits.len() * 2 + parts.remainder.len() + 8)?;
    let grouped = if parts.digits.is_empty() { String::new() } else { group_digits(parts.digits, min_width, group, sep) };
    let n_padding = spec.width_i() - (n_non_digit + grouped.len() as i64);
    let (mut l, mut s, mut r) = (0, 0, 0);
    if n_padding > 0 {
        match spec.align {
            '<' => r = n_padding,
            '^' => {
                l = n_padding / 2;
                r = n_padding - l;
            }
            '=' => s = n_padding,
            _ => l = n_padding,
        }
    }
    push_fill(&mut out, spec.fill, l);
    if let Some(c) = sign {
        out.push_char(c);
    }
    out.push_str(parts.prefix);
    push_fill(&mut out, spec.fill, s);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push_char('.');
    }
    out.push_str(parts.remainder);
    if let Some(c) = parts.c_char {
        out.push_code_point(c);
    }
    push_fill(&mut out, spec.fill, r);
    Ok(out)
}

/// `format(value, spec)` for an int.
pub fn format_int(value: &BigInt, spec: &str) -> Result<String, FormatError> {
    to_string(format_int_wtf8(value, &Wtf8Buf::from_str(spec), "int", DEFAULT_MAX_STR_DIGITS)?)
}

/// [`format_int`] with the type name for messages (`bool`, subclasses) and
/// the `sys.get_int_max_str_digits()` limit (0 = unlimited) that decimal
/// output obeys. (`format(True, '')` is `str(True)`: the caller handles an
/// empty spec for bool.)
pub fn format_int_wtf8(value: &BigInt, spec: &Wtf8Buf, type_name: &str, max_str_digits: usize) -> Result<Wtf8Buf, FormatError> {
    if spec.is_empty() {
        return Ok(Wtf8Buf::from_str(&int_to_decimal(value, max_str_digits)?));
    }
    let f = FormatSpec::parse_wtf8(spec, 'd', '>', type_name)?;
    match f.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_to_f64(value)?;
            return format_float_spec(x, &f);
        }
        other => return Err(unknown_presentation_type(other as u32, type_name)),
    }
    if f.precision.is_some() {
        return Err(FormatError::value("Precision not allowed in integer format specifier"));
    }
    if f.no_neg_0 {
        return Err(FormatError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if f.ty == 'c' {
        if f.sign != '\0' {
            return Err(FormatError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if f.alternate {
            return Err(FormatError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let x = value.to_i64().ok_or_else(|| FormatError::overflow("Python int too large to convert to C long"))?;
        if !(0..=0x10FFFF).contains(&x) {
            return Err(FormatError::overflow("%c arg not in range(0x110000)"));
        }
        // 'c' output counts as "remainder": never grouped or zero-filled.
        let parts = NumberParts {
            sign_char: '\0',
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: "",
            c_char: Some(x as u32),
        };
        return render_number(&parts, &f, f.grouping);
    }
    let (base, prefix) = match f.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        let mut s = int_to_decimal(value, max_str_digits)?;
        if s.starts_with('-') {
            s.remove(0);
        }
        s
    } else {
        let s = value.magnitude().to_str_radix(base);
        if f.ty == 'X' { s.to_ascii_uppercase() } else { s }
    };
    let parts = NumberParts {
        sign_char: if value.sign() == Sign::Minus { '-' } else { '\0' },
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
        c_char: None,
    };
    // 'n' uses the current locale's grouping: none under the C locale.
    let grouping = if f.ty == 'n' { Grouping::None } else { f.grouping };
    render_number(&parts, &f, grouping)
}

/// `PyLong_AsDouble`: correctly rounded (half-even), OverflowError beyond
/// the float range.
pub fn int_to_f64(value: &BigInt) -> Result<f64, FormatError> {
    // num-bigint's to_f64 rounds to nearest-even and gives inf on overflow.
    match value.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(FormatError::overflow("int too large to convert to float")),
    }
}

/// Flags of `PyOS_double_to_string` (`Py_DTSF_*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DtoaFlags {
    /// `Py_DTSF_SIGN`: always write a sign.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integers get `.0` (repr-like output).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: `#`, keep the decimal point and trailing zeros.
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: `z`, a result that rounds to zero loses its `-`.
    pub no_neg_0: bool,
}

/// Digits of `|x|` with no trailing zeros and the decimal point position
/// `decpt` (value = 0.d1d2... × 10^decpt), as `_Py_dg_dtoa` returns them.
/// mode 0: shortest round-trip; 2: `ndigits` significant digits;
/// 3: `ndigits` digits after the point. Zero gives ("0", 1); a nonzero
/// value that rounds to nothing in mode 3 gives ("", -ndigits).
fn dtoa(x: f64, mode: u8, ndigits: usize) -> (String, i64) {
    let a = x.abs();
    if a == 0.0 {
        return ("0".to_string(), 1);
    }
    match mode {
        0 | 2 => {
            let s = if mode == 0 { format!("{:e}", a) } else { format!("{:.*e}", ndigits.max(1) - 1, a) };
            let (m, e) = s.split_once('e').expect("exponent");
            let mut digits: String = m.chars().filter(|&c| c != '.').collect();
            while digits.len() > 1 && digits.ends_with('0') {
                digits.pop();
            }
            (digits, e.parse::<i64>().expect("exponent") + 1)
        }
        _ => {
            let s = format!("{:.*}", ndigits, a);
            let (ip, fp) = s.split_once('.').unwrap_or((&s, ""));
            let all: String = format!("{}{}", ip, fp);
            let mut decpt = ip.len() as i64;
            let trimmed = all.trim_start_matches('0');
            decpt -= (all.len() - trimmed.len()) as i64;
            let digits = trimmed.trim_end_matches('0').to_string();
            if digits.is_empty() {
                return (String::new(), -(ndigits as i64));
            }
            (digits, decpt)
        }
    }
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of
/// `e E f F g G r` (`r` = repr, precision ignored).
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() {
        // CPython never writes a sign for a nan, even when asked.
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let (mode, mut precision) = match code {
        'e' => (2, precision + 1),
        'f' => (3, precision),
        'g' => (2, precision.max(1)),
        _ => (0, 0),
    };
    if code == 'r' {
        precision = 0;
    }
    let (digits, mut decpt) = dtoa(x, mode, precision);
    let digits_len = digits.len() as i64;
    let mut sign = negative;
    if flags.no_neg_0 && sign && (digits.is_empty() || digits == "0") {
        sign = false;
    }
    let precision = precision as i64;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            if decpt <= -4 || decpt > (if flags.add_dot_0 { precision - 1 } else { precision }) {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if sign {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        push_n(&mut out, '0', decpt - vdigits_start);
        out.push('.');
        push_n(&mut out, '0', -decpt);
    } else {
        push_n(&mut out, '0', -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        push_n(&mut out, '0', decpt - digits_len);
        out.push('.');
        push_n(&mut out, '0', vdigits_end - decpt);
    } else {
        push_n(&mut out, '0', vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
    out
}

/// `str(x)` (= `repr(x)`) for a float.
pub fn float_str(x: f64) -> String {
    double_to_string(x, 'r', 0, DtoaFlags { add_dot_0: true, ..DtoaFlags::default() })
}

/// `'%.*g' % (precision, x)` without flags: what `%g` formatting shares.
pub fn format_float_g(x: f64, precision: usize) -> String {
    double_to_string(x, 'g', precision, DtoaFlags::default())
}

/// `format(value, spec)` for a float.
pub fn format_float(value: f64, spec: &str) -> Result<String, FormatError> {
    to_string(format_float_wtf8(value, &Wtf8Buf::from_str(spec), "float")?)
}

/// [`format_float`] for any spec, with the type name for messages.
pub fn format_float_wtf8(value: f64, spec: &Wtf8Buf, type_name: &str) -> Result<Wtf8Buf, FormatError> {
    if spec.is_empty() {
        return Ok(Wtf8Buf::from_str(&float_str(value)));
    }
    let f = FormatSpec::parse_wtf8(spec, '\0', '>', type_name)?;
    match f.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_spec(value, &f),
        other => Err(unknown_presentation_type(other as u32, type_name)),
    }
}

/// `format_float_internal`: a parsed spec applied to a float (also used
/// for ints with a float presentation type).
pub fn format_float_spec(value: f64, f: &FormatSpec) -> Result<Wtf8Buf, FormatError> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(FormatError::value("precision too big"));
    }
    let mut flags = DtoaFlags { alt: f.alternate, no_neg_0: f.no_neg_0, ..DtoaFlags::default() };
    let mut ty = f.ty;
    let mut default_precision = 6;
    if ty == '\0' {
        // No type: like repr without precision, else 'g' with at least
        // one digit after the point.
        flags.add_dot_0 = true;
        ty = 'r';
        default_precision = 0;
    }
    if ty == 'n' {
        ty = 'g';
    }
    let mut val = value;
    let add_pct = ty == '%';
    if add_pct {
        ty = 'f';
        val *= 100.0;
    }
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if ty == 'r' {
                ty = 'g';
            }
            p
        }
    };
    probe_alloc(precision)?;
    let mut buf = double_to_string(val, ty, precision, flags);
    if add_pct {
        buf.push('%');
    }
    let (sign_char, body) = match buf.strip_prefix('-') {
        Some(rest) => ('-', rest),
        None => ('\0', buf.as_str()),
    };
    let n_int = body.bytes().take_while(|b| b.is_ascii_digit()).count();
    let (digits, rest) = body.split_at(n_int);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let parts = NumberParts { sign_char, prefix: "", digits, has_decimal, remainder, c_char: None };
    let grouping = if f.ty == 'n' { Grouping::None } else { f.grouping };
    render_number(&parts, f, grouping)
}

