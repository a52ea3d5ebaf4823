//! `str % args`: CPython 3.11's `PyUnicode_Format` as a pure engine over
//! an abstract argument source.
//!
//! Model: the engine owns everything CPython does in `unicodeobject.c` —
//! scanning the format, the argument cursor (`unicode_format_getnextarg`:
//! a tuple is walked item by item, any other object is the single
//! argument, a `%(key)` directive replaces the source by `mapping[key]`),
//! flags/width/precision (incl. `*`), the conversions' layout
//! (`_PyUnicode_FormatLong`, `formatfloat`, `formatchar`,
//! `unicode_format_arg_output`) and every error message. The object model
//! implements [`PercentArgs`], which only answers questions about objects:
//! what the right operand is, item lookup, and the *lazy* conversion the
//! engine asks for ([`Conversion`]) at the moment CPython would perform it.
//! This keeps the order of side effects and of errors identical to CPython
//! (e.g. `'%(a)s %y' % {}` raises KeyError before noticing `%y`).
//!
//! Invariants: the format, str arguments, keys and the result are Python
//! text ([`Wtf8Buf`]), so lone surrogates pass through (`'%c' % 0xd800`);
//! indices in messages count code points of the format.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use super::Wtf8Buf;
use super::format_spec::{DtoaFlags, FormatError, double_to_string, int_to_f64};
use super::int_text::int_to_decimal;

/// What the engine needs an argument converted to. The object model must
/// implement each exactly as described (CPython 3.11 semantics):
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    /// `%s`: `str(v)` → [`PercentArg::Str`].
    Str,
    /// `%r`: `repr(v)` → [`PercentArg::Str`].
    Repr,
    /// `%a`: `ascii(v)` → [`PercentArg::Str`].
    Ascii,
    /// `%d %i %u`: if `v` is an int (subclasses and bool included) → its
    /// value; else if `v` is a number (`PyNumber_Check`: has `__index__`,
    /// `__int__` or `__float__`, or is complex) → `int(v)`
    /// (`PyNumber_Long`; a TypeError from it → [`PercentArg::Wrong`],
    /// other exceptions propagate); otherwise `Wrong(type name)`.
    Int,
    /// `%o %x %X`: like [`Conversion::Int`] but with `operator.index(v)`
    /// (`__index__`) instead of `int(v)`.
    Index,
    /// `%e %E %f %F %g %G`: `PyFloat_AsDouble`: a float → `Float`; an int →
    /// `Int` (the engine converts, raising OverflowError); else `__float__`,
    /// then `__index__`; neither → `Wrong(type name)`.
    Float,
    /// `%c`: a str → `Str` (any length, the engine checks it is one code
    /// point); else `__index__` → `Int`; a TypeError → `Wrong`.
    Char,
    /// `*` width or precision: only an actual int (`PyLong_Check`, bool
    /// included, *no* `__index__`) → `Int`; anything else → `Wrong`.
    StarInt,
}

/// A converted argument, as returned by [`PercentArgs::convert`].
#[derive(Clone, Debug, PartialEq)]
pub enum PercentArg {
    Str(Wtf8Buf),
    Int(BigInt),
    Float(f64),
    /// The conversion is not possible for an object of this type (its
    /// `type(v).__name__`); the engine raises CPython's TypeError.
    Wrong(String),
}

/// What the object model provides to [`percent_format`].
pub trait PercentArgs {
    /// An object reference (cheap to clone or a handle).
    type Value;
    /// Exceptions raised by object code; must be able to carry the
    /// engine's own errors.
    type Error: From<FormatError>;
    /// `Some(len)` when the right operand is a tuple (`PyTuple_Check`,
    /// subclasses included), else `None`.
    fn tuple_len(&self) -> Option<usize>;
    /// `PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`:
    /// true for any object whose type defines `__getitem__` — lists too,
    /// which is why `'abc' % []` is `'abc'`.
    fn is_mapping(&self) -> bool;
    /// Item `i` of the tuple operand.
    fn tuple_item(&mut self, i: usize) -> Self::Value;
    /// The (non-tuple) operand itself.
    fn whole(&mut self) -> Self::Value;
    /// `args[key]` for a `%(key)` directive (the key is a str); KeyError
    /// and friends propagate.
    fn get_item(&mut self, key: &Wtf8Buf) -> Result<Self::Value, Self::Error>;
    /// Converts `v` as `how` describes.
    fn convert(&mut self, v: &Self::Value, how: Conversion) -> Result<PercentArg, Self::Error>;
}

/// `unicode_format_getnextarg`'s state: `arglen` is the tuple length or
/// -1 for a single object; `argidx` starts at 0 (tuple) or -2 (single),
/// so a single object can be taken exactly once.
struct Cursor<V> {
    arglen: isize,
    argidx: isize,
    /// The value of the last `%(key)` lookup, which replaces the source.
    keyed: Option<V>,
}

/// The flag bits (`F_LJUST`, ...).
mod flag {
    pub const LJUST: u8 = 1;
    pub const SIGN: u8 = 2;
    pub const BLANK: u8 = 4;
    pub const ALT: u8 = 8;
    pub const ZERO: u8 = 16;
}
use flag as Flag;

fn next_arg<A: PercentArgs>(cur: &mut Cursor<A::Value>, args: &mut A) -> Result<A::Value, A::Error>
where
    A::Value: Clone,
{
    let idx = cur.argidx;
    if idx < cur.arglen {
        cur.argidx += 1;
        if cur.arglen < 0 {
            return Ok(match &cur.keyed {
                Some(v) => v.clone(),
                None => args.whole(),
            });
        }
        return Ok(args.tuple_item(idx as usize));
    }
    Err(FormatError::type_error("not enough arguments for format string").into())
}

/// `format % args`. `max_str_digits` is `sys.get_int_max_str_digits()`
/// (0 = unlimited), which `%d` and `%s` of ints obey (the latter through
/// the caller's `str()`).
pub fn percent_format<A: PercentArgs>(format: &Wtf8Buf, args: &mut A, max_str_digits: usize) -> Result<Wtf8Buf, A::Error>
where
    A::Value: Clone,
{
    // Code points; every character the grammar looks at is ASCII, so
    // comparisons are against `c as u32`, and '\0' stands for C's
    // terminator past the end.
    let fmt: Vec<u32> = format.code_points().collect();
    let n = fmt.len();
    let mut out = Wtf8Buf::new();
    const PCT: u32 = '%' as u32;
    let mut cur: Cursor<A::Value> = match args.tuple_len() {
        Some(len) => Cursor { arglen: len as isize, argidx: 0, keyed: None },
        None => Cursor { arglen: -1, argidx: -2, keyed: None },
    };
    let has_dict = args.is_mapping() && args.tuple_len().is_none();
    let mut pos = 0;
    while pos < n {
        if fmt[pos] != PCT {
            while pos < n && fmt[pos] != PCT {
                out.push_code_point(fmt[pos]);
                pos += 1;
            }
            continue;
        }
        pos += 1;
        if pos < n && fmt[pos] == PCT {
            pos += 1;
            out.push_char('%');
            continue;
        }
        // The parse (`unicode_format_arg_parse`). `ch` is the character
        // last read, '\0' past the end as C's terminator would be.
        if pos < n && fmt[pos] == '(' as u32 {
            if !has_dict {
                return Err(FormatError::type_error("format requires a mapping").into());
            }
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while depth > 0 && pos < n {
                match char::from_u32(fmt[pos]) {
                    Some(')') => depth -= 1,
                    Some('(') => depth += 1,
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 || pos >= n {
                return Err(FormatError::value("incomplete format key").into());
            }
            let mut key = Wtf8Buf::new();
            for &cp in &fmt[start..pos - 1] {
                key.push_code_point(cp);
            }
            let v = args.get_item(&key)?;
            cur.keyed = Some(v);
            cur.arglen = -1;
            cur.argidx = -2;
        }
        let mut flags = 0u8;
        // Reads the next character; `None` once the format is exhausted.
        let mut ch = '\0';
        let mut exhausted = false;
        let read = |pos: &mut usize, ch: &mut char, exhausted: &mut bool| {
            if *pos < n {
                // A non-ASCII character is never part of the grammar; a
                // surrogate stands in as U+FFFF-like "other" via '\u{FFFF}'.
                *ch = char::from_u32(fmt[*pos]).unwrap_or('\u{FFFF}');
                *pos += 1;
            } else {
                *exhausted = true;
            }
        };
        loop {
            read(&mut pos, &mut ch, &mut exhausted);
            if exhausted {
                break;
            }
            match ch {
                '-' => flags |= Flag::LJUST,
                '+' => flags |= Flag::SIGN,
                ' ' => flags |= Flag::BLANK,
                '#' => flags |= Flag::ALT,
                '0' => flags |= Flag::ZERO,
                _ => break,
            }
        }
        let mut width: i64 = -1;
        let mut prec: i64 = -1;
        if !exhausted && ch == '*' {
            let v = next_arg(&mut cur, args)?;
            let w = star_int(args.convert(&v, Conversion::StarInt)?)?;
            width = w.to_i64().ok_or_else(|| FormatError::overflow("Python int too large to convert to C ssize_t"))?;
            if width < 0 {
                flags |= Flag::LJUST;
                width = width.checked_neg().unwrap_or(i64::MAX);
            }
            read(&mut pos, &mut ch, &mut exhausted);
        } else if !exhausted && ch.is_ascii_digit() {
            width = ch as i64 - '0' as i64;
            loop {
                read(&mut pos, &mut ch, &mut exhausted);
                if exhausted || !ch.is_ascii_digit() {
                    break;
                }
                let d = ch as i64 - '0' as i64;
                if width > (i64::MAX - d) / 10 {
                    return Err(FormatError::value("width too big").into());
                }
                width = width * 10 + d;
            }
        }
        if !exhausted && ch == '.' {
            prec = 0;
            read(&mut pos, &mut ch, &mut exhausted);
            if !exhausted && ch == '*' {
                let v = next_arg(&mut cur, args)?;
                let p = star_int(args.convert(&v, Conversion::StarInt)?)?;
                prec = p.to_i32().ok_or_else(|| FormatError::overflow("Python int too large to convert to C int"))? as i64;
                if prec < 0 {
                    prec = 0;
                }
                read(&mut pos, &mut ch, &mut exhausted);
            } else if !exhausted && ch.is_ascii_digit() {
                prec = ch as i64 - '0' as i64;
                loop {
                    read(&mut pos, &mut ch, &mut exhausted);
                    if exhausted || !ch.is_ascii_digit() {
                        break;
                    }
                    let d = ch as i64 - '0' as i64;
                    if prec > (i32::MAX as i64 - d) / 10 {
                        return Err(FormatError::value("precision too big").into());
                    }
                    prec = prec * 10 + d;
                }
            }
        }
        if !exhausted && matches!(ch, 'h' | 'l' | 'L') {
            read(&mut pos, &mut ch, &mut exhausted);
        }
        if exhausted {
            return Err(FormatError::value("incomplete format").into());
        }
        // The format (`unicode_format_arg_format`): the argument is taken
        // before the conversion character is checked.
        let v = next_arg(&mut cur, args)?;
        let spec = Spec { flags, width, prec, ch };
        let (body, numeric) = match ch {
            's' | 'r' | 'a' => {
                let how = match ch {
                    's' => Conversion::Str,
                    'r' => Conversion::Repr,
                    _ => Conversion::Ascii,
                };
                match args.convert(&v, how)? {
                    PercentArg::Str(s) => (s.code_points().collect(), false),
                    other => return Err(FormatError::type_error(format!("ouro: %{} conversion returned {:?}, not a str", ch, other)).into()),
                }
            }
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let how = if matches!(ch, 'o' | 'x' | 'X') { Conversion::Index } else { Conversion::Int };
                let value = match args.convert(&v, how)? {
                    PercentArg::Int(i) => i,
                    other => {
                        let t = type_name_of(&other);
                        let what = if how == Conversion::Index { "an integer" } else { "a real number" };
                        return Err(FormatError::type_error(format!("%{} format: {} is required, not {}", ch, what, t)).into());
                    }
                };
                (ascii_cps(&format_long(&value, &spec, max_str_digits)?), true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match args.convert(&v, Conversion::Float)? {
                    PercentArg::Float(x) => x,
                    PercentArg::Int(i) => int_to_f64(&i)?,
                    other => {
                        return Err(FormatError::type_error(format!("must be real number, not {}", type_name_of(&other))).into());
                    }
                };
                let p = if prec < 0 { 6 } else { prec as usize };
                let flags = DtoaFlags { alt: flags & Flag::ALT != 0, ..DtoaFlags::default() };
                (ascii_cps(&double_to_string(x, ch, p, flags)), true)
            }
            'c' => {
                let cp = match args.convert(&v, Conversion::Char)? {
                    PercentArg::Str(s) if s.code_points().count() == 1 => s.code_points().next().expect("one char"),
                    PercentArg::Int(i) => match i.to_i64() {
                        Some(x) if (0..=0x10FFFF).contains(&x) => x as u32,
                        _ => return Err(FormatError::overflow("%c arg not in range(0x110000)").into()),
                    },
                    _ => return Err(FormatError::type_error("%c requires int or char").into()),
                };
                (vec![cp], false)
            }
            _ => {
                let other = fmt[pos - 1];
                let shown = if (31..=126).contains(&other) { other as u8 as char } else { '?' };
                return Err(FormatError::value(format!(
                    "unsupported format character '{}' (0x{:x}) at index {}",
                    shown,
                    other,
                    pos - 1
                ))
                .into());
            }
        };
        output(&mut out, &spec, &body, numeric);
        if has_dict && cur.argidx < cur.arglen {
            return Err(FormatError::type_error("not all arguments converted during string formatting").into());
        }
    }
    if cur.argidx < cur.arglen && !has_dict {
        return Err(FormatError::type_error("not all arguments converted during string formatting").into());
    }
    Ok(out)
}

fn ascii_cps(s: &str) -> Vec<u32> {
    s.bytes().map(u32::from).collect()
}

fn star_int(a: PercentArg) -> Result<BigInt, FormatError> {
    match a {
        PercentArg::Int(i) => Ok(i),
        _ => Err(FormatError::type_error("* wants int")),
    }
}

fn type_name_of(a: &PercentArg) -> String {
    match a {
        PercentArg::Wrong(t) => t.clone(),
        PercentArg::Str(_) => "str".into(),
        PercentArg::Int(_) => "int".into(),
        PercentArg::Float(_) => "float".into(),
    }
}

/// A parsed directive: flags, width and precision (-1 = not given) and
/// the conversion character.
struct Spec {
    flags: u8,
    width: i64,
    prec: i64,
    ch: char,
}

/// `_PyUnicode_FormatLong`: `[-][0x]<zeros to precision><digits>`, the
/// `0x`/`0o` kept only with `#`, `X` upper-casing the prefix too.
fn format_long(value: &BigInt, spec: &Spec, max_str_digits: usize) -> Result<String, FormatError> {
    let negative = value.sign() == num_bigint::Sign::Minus;
    let (digits, prefix) = match spec.ch {
        'o' => (value.magnitude().to_str_radix(8), "0o"),
        'x' | 'X' => (value.magnitude().to_str_radix(16), "0x"),
        _ => {
            let s = int_to_decimal(value, max_str_digits)?;
            (s.trim_start_matches('-').to_string(), "")
        }
    };
    let mut s = String::new();
    if negative {
        s.push('-');
    }
    if spec.flags & Flag::ALT != 0 {
        s.push_str(prefix);
    }
    for _ in digits.len() as i64..spec.prec {
        s.push('0');
    }
    s.push_str(&digits);
    if spec.ch == 'X' {
        s = s.to_ascii_uppercase();
    }
    Ok(s)
}

/// `unicode_format_arg_output`: sign, `0x`/`0o` prefix, padding and `%s`
/// truncation. `numeric` is CPython's `arg->sign` (set for numbers).
fn output(out: &mut Wtf8Buf, spec: &Spec, chars: &[u32], numeric: bool) {
    let push = |out: &mut Wtf8Buf, c: char| out.push_char(c);
    let mut len = chars.len() as i64;
    let mut width = spec.width;
    if matches!(spec.ch, 's' | 'r' | 'a') && spec.prec >= 0 && len > spec.prec {
        len = spec.prec;
    }
    let mut idx = 0usize;
    let mut sign = numeric;
    let mut signchar = '\0';
    if sign {
        let c = chars.first().and_then(|&c| char::from_u32(c)).unwrap_or('\0');
        if c == '-' || c == '+' {
            signchar = c;
            len -= 1;
            idx += 1;
        } else if spec.flags & Flag::SIGN != 0 {
            signchar = '+';
        } else if spec.flags & Flag::BLANK != 0 {
            signchar = ' ';
        } else {
            sign = false;
        }
    }
    if width < len {
        width = len;
    }
    let fill = if numeric && spec.flags & Flag::ZERO != 0 { '0' } else { ' ' };
    let alt_prefix = spec.flags & Flag::ALT != 0 && matches!(spec.ch, 'x' | 'X' | 'o');
    if sign {
        if fill != ' ' {
            push(out, signchar);
        }
        if width > len {
            width -= 1;
        }
    }
    if alt_prefix {
        if fill != ' ' {
            chars[idx..idx + 2].iter().for_each(|&c| out.push_code_point(c));
            idx += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && spec.flags & Flag::LJUST == 0 {
        for _ in 0..width - len {
            push(out, fill);
        }
        width = len;
    }
    if fill == ' ' {
        if sign {
            push(out, signchar);
        }
        if alt_prefix {
            chars[idx..idx + 2].iter().for_each(|&c| out.push_code_point(c));
            idx += 2;
        }
    }
    if len > 0 {
        chars[idx..idx + len as usize].iter().for_each(|&c| out.push_code_point(c));
    }
    for _ in len..width {
        push(out, ' ');
    }
}
