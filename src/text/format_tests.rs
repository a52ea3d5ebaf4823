//! Checks format_spec, printf and int_text against the tables CPython 3.11
//! generated (`cases/`, by scripts/gen_format_tests.py). The `%` tests
//! double as the reference implementation of [`PercentArgs`] that the
//! object model has to provide, over a toy value type `V`.

mod cases;

use std::str::FromStr;

use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};

use super::format_spec::*;
use super::int_text::*;
use super::printf::*;
use super::Wtf8Buf;
use super::unicode;

/// Test values: ints (decimal, or hex for huge ones), floats by bits, strs,
/// None, tuples, dicts (str keys) and a list (a mapping to `%`).
#[derive(Clone, Debug)]
pub enum V {
    I(&'static str),
    H(&'static str),
    F(u64),
    S(&'static str),
    N,
    T(Vec<V>),
    D(Vec<(&'static str, V)>),
    L,
}

fn big(text: &str) -> BigInt {
    if let Some(h) = text.strip_prefix("BIG:") {
        return big_hex(h);
    }
    BigInt::from_str(text).unwrap()
}

fn big_hex(h: &str) -> BigInt {
    let (neg, h) = match h.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, h),
    };
    let v = BigInt::from_str_radix(&h[2..], 16).unwrap();
    if neg { -v } else { v }
}

fn check(what: String, got: Result<String, FormatError>, kind: &str, text: &str, failures: &mut Vec<String>) {
    let ok = match &got {
        Ok(s) if kind.is_empty() => {
            if let Some(n) = text.strip_prefix("LONG:") {
                s.chars().count().to_string() == n
            } else {
                s == text
            }
        }
        Err(e) => e.kind.name() == kind && e.message == text,
        _ => false,
    };
    if !ok {
        let got = format!("{got:?}");
        failures.push(format!("{what}: got {:.300}, want {kind} {text:?}", got));
    }
}

fn report(failures: Vec<String>, total: usize) {
    if !failures.is_empty() {
        let shown: Vec<_> = failures.iter().take(40).cloned().collect();
        panic!("{} of {} failed:\n{}", failures.len(), total, shown.join("\n"));
    }
}

#[test]
fn format_str_matches_cpython() {
    let mut f = Vec::new();
    for &(v, spec, kind, text) in cases::FORMAT_STR {
        check(format!("format({v:?}, {spec:?})"), format_str(v, spec), kind, text, &mut f);
    }
    report(f, cases::FORMAT_STR.len());
}

#[test]
fn format_int_matches_cpython() {
    let mut f = Vec::new();
    for &(v, spec, kind, text) in cases::FORMAT_INT {
        check(format!("format({v:.40}, {spec:?})"), format_int(&big(v), spec), kind, text, &mut f);
    }
    report(f, cases::FORMAT_INT.len());
}

#[test]
fn format_float_matches_cpython() {
    let mut f = Vec::new();
    // The table comes in two parts (no generated file passes 2,000 lines).
    let table = cases::FORMAT_FLOAT.iter().chain(cases::FORMAT_FLOAT_2);
    for &(bits, spec, kind, text) in table {
        let x = f64::from_bits(bits);
        check(format!("format({x:e}, {spec:?})"), format_float(x, spec), kind, text, &mut f);
    }
    report(f, cases::FORMAT_FLOAT.len() + cases::FORMAT_FLOAT_2.len());
}

#[test]
fn float_helpers_match_cpython() {
    let mut f = Vec::new();
    for &(bits, p, g, s) in cases::FLOAT_HELPERS {
        let x = f64::from_bits(bits);
        check(format!("'%.{p}g' % {x:e}"), Ok(format_float_g(x, p)), "", g, &mut f);
        check(format!("str({x:e})"), Ok(float_str(x)), "", s, &mut f);
    }
    report(f, cases::FLOAT_HELPERS.len());
}

#[test]
fn parse_int_matches_cpython() {
    let mut f = Vec::new();
    for &(text, base, kind, want) in cases::PARSE_INT {
        let got = parse_int(text, base).map(|v| {
            let s = v.to_string();
            if want.starts_with("LEN:") { format!("LEN:{}", s.len()) } else { s }
        });
        check(format!("int({:.40?}, {base})", text), got, kind, want, &mut f);
    }
    report(f, cases::PARSE_INT.len());
}

#[test]
fn int_to_text_matches_cpython() {
    let mut f = Vec::new();
    for &(v, b, o, h) in cases::INT_TO_STRING {
        let v = big(v);
        check(format!("bin({v})"), Ok(int_to_string(&v, 2)), "", b, &mut f);
        check(format!("oct({v})"), Ok(int_to_string(&v, 8)), "", o, &mut f);
        check(format!("hex({v})"), Ok(int_to_string(&v, 16)), "", h, &mut f);
    }
    for &(nines, limit, kind, msg) in cases::INT_TO_DECIMAL {
        let v = BigInt::from(10).pow(nines as u32) - 1;
        let got = int_to_decimal(&v, limit).map(|s| {
            assert_eq!(s, "9".repeat(nines));
            String::new()
        });
        check(format!("str(10**{nines}-1) limit {limit}"), got, kind, msg, &mut f);
    }
    report(f, cases::INT_TO_STRING.len() + cases::INT_TO_DECIMAL.len());
}

#[test]
fn parse_float_matches_cpython() {
    let mut f = Vec::new();
    for &(text, kind, want) in cases::PARSE_FLOAT {
        check(format!("float({text:?})"), parse_float(text).map(float_str), kind, want, &mut f);
    }
    report(f, cases::PARSE_FLOAT.len());
}

#[test]
fn decimal_digit_values_cover_every_decimal() {
    // Every code point with isdecimal() has a value, and only those.
    for cp in 0..0x110000u32 {
        assert_eq!(unicode::is_decimal(cp), decimal_digit_value(cp).is_some(), "U+{cp:04X}");
    }
    assert_eq!(decimal_digit_value(0x0669), Some(9)); // ARABIC-INDIC DIGIT NINE
    assert_eq!(decimal_digit_value(0x1D7FF), Some(9)); // MATHEMATICAL MONOSPACE DIGIT NINE
    assert_eq!(decimal_digit_value(0x1D7CE), Some(0));
}

#[test]
fn zero_padding_with_grouping() {
    assert_eq!(format_int(&BigInt::from(1234), "08,").unwrap(), "0,001,234");
    assert_eq!(format_int(&BigInt::from(1234), "09,").unwrap(), "0,001,234");
    assert_eq!(format_int(&BigInt::from(-1234), "09,").unwrap(), "-0,001,234");
}

// ---- `%` over the toy values: the reference PercentArgs implementation ----

#[derive(Debug)]
struct Err2(String, String);

impl From<FormatError> for Err2 {
    fn from(e: FormatError) -> Self {
        Err2(e.kind.name().to_string(), e.message)
    }
}

struct Args(V);

fn type_name(v: &V) -> &'static str {
    match v {
        V::I(_) | V::H(_) => "int",
        V::F(_) => "float",
        V::S(_) => "str",
        V::N => "NoneType",
        V::T(_) => "tuple",
        V::D(_) => "dict",
        V::L => "list",
    }
}

fn int_of(v: &V) -> Option<BigInt> {
    match v {
        V::I(s) => Some(BigInt::from_str(s).unwrap()),
        V::H(h) => Some(big_hex(h)),
        _ => None,
    }
}

/// `repr(v)` (= `str(v)` except for strs).
fn repr(v: &V) -> Result<String, Err2> {
    Ok(match v {
        V::I(_) | V::H(_) => int_to_decimal(&int_of(v).unwrap(), DEFAULT_MAX_STR_DIGITS)?,
        V::F(b) => float_str(f64::from_bits(*b)),
        V::S(s) => {
            let mut r = String::new();
            super::repr::repr_str(&super::Wtf8Buf::from_str(s), &mut r);
            r
        }
        V::N => "None".into(),
        V::T(items) if items.len() == 1 => format!("({},)", repr(&items[0])?),
        V::T(items) => format!("({})", items.iter().map(repr).collect::<Result<Vec<_>, _>>()?.join(", ")),
        V::D(items) => {
            let parts: Result<Vec<_>, Err2> =
                items.iter().map(|(k, x)| Ok(format!("{}: {}", repr(&V::S(k))?, repr(x)?))).collect();
            format!("{{{}}}", parts?.join(", "))
        }
        V::L => "[]".into(),
    })
}

/// `ascii()` from `repr()`: non-ASCII escaped as `\\x`, `\\u` or `\\U`.
fn ascii(r: &str) -> String {
    r.chars()
        .map(|c| match c as u32 {
            0..=0x7F => c.to_string(),
            n @ 0x80..=0xFF => format!("\\x{n:02x}"),
            n @ 0x100..=0xFFFF => format!("\\u{n:04x}"),
            n => format!("\\U{n:08x}"),
        })
        .collect()
}

impl PercentArgs for Args {
    type Value = V;
    type Error = Err2;

    fn tuple_len(&self) -> Option<usize> {
        match &self.0 {
            V::T(items) => Some(items.len()),
            _ => None,
        }
    }
    fn is_mapping(&self) -> bool {
        matches!(self.0, V::D(_) | V::L)
    }
    fn tuple_item(&mut self, i: usize) -> V {
        match &self.0 {
            V::T(items) => items[i].clone(),
            _ => unreachable!(),
        }
    }
    fn whole(&mut self) -> V {
        self.0.clone()
    }
    fn get_item(&mut self, key: &Wtf8Buf) -> Result<V, Err2> {
        let key = key.as_str().unwrap();
        match &self.0 {
            V::D(items) => items
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| Err2("KeyError".into(), format!("'{key}'"))),
            _ => Err(Err2("TypeError".into(), "list indices must be integers or slices, not str".into())),
        }
    }
    fn convert(&mut self, v: &V, how: Conversion) -> Result<PercentArg, Err2> {
        Ok(match how {
            Conversion::Str | Conversion::Repr | Conversion::Ascii => PercentArg::Str(match v {
                V::S(s) if how == Conversion::Str => Wtf8Buf::from_str(s),
                _ if how == Conversion::Ascii => Wtf8Buf::from_str(&ascii(&repr(v)?)),
                _ => Wtf8Buf::from_str(&repr(v)?),
            }),
            Conversion::Int => match v {
                V::F(b) => {
                    let x = f64::from_bits(*b).trunc();
                    PercentArg::Int(BigInt::from(x.to_i128().unwrap()))
                }
                _ => int_of(v).map_or_else(|| PercentArg::Wrong(type_name(v).into()), PercentArg::Int),
            },
            Conversion::Index | Conversion::StarInt => {
                int_of(v).map_or_else(|| PercentArg::Wrong(type_name(v).into()), PercentArg::Int)
            }
            Conversion::Float => match v {
                V::F(b) => PercentArg::Float(f64::from_bits(*b)),
                _ => int_of(v).map_or_else(|| PercentArg::Wrong(type_name(v).into()), PercentArg::Int),
            },
            Conversion::Char => match v {
                V::S(s) => PercentArg::Str(Wtf8Buf::from_str(s)),
                _ => int_of(v).map_or_else(|| PercentArg::Wrong(type_name(v).into()), PercentArg::Int),
            },
        })
    }
}

#[test]
fn percent_format_matches_cpython() {
    let mut f = Vec::new();
    for &(fmt, args, kind, want) in cases::PERCENT {
        let got = percent_format(&Wtf8Buf::from_str(fmt), &mut Args(args()), DEFAULT_MAX_STR_DIGITS)
            .map(|w| w.as_str().unwrap().to_string());
        let ok = match &got {
            Ok(s) if kind.is_empty() => match want.strip_prefix("LONG:") {
                Some(n) => s.chars().count().to_string() == n,
                None => s == want,
            },
            Err(Err2(k, m)) => k == kind && m == want,
            _ => false,
        };
        if !ok {
            f.push(format!("{fmt:?} % {:?}: got {got:?}, want {kind} {want:?}", args()));
        }
    }
    report(f, cases::PERCENT.len());
}

#[test]
fn lone_surrogates_survive() {
    let sur = |cps: &[u32]| {
        let mut w = Wtf8Buf::new();
        cps.iter().for_each(|&c| w.push_code_point(c));
        w
    };
    let cps = |w: Wtf8Buf| w.code_points().collect::<Vec<u32>>();
    // format(0xd800, '^5c') == '  \ud800  '
    let got = format_int_wtf8(&BigInt::from(0xD800), &Wtf8Buf::from_str("^5c"), "int", 4300).unwrap();
    assert_eq!(cps(got), [32, 32, 0xD800, 32, 32]);
    // format('\udc00x', '\ud800>4')
    let got = format_str_wtf8(&sur(&[0xDC00, 0x78]), &sur(&[0xD800, '>' as u32, '4' as u32]), "str").unwrap();
    assert_eq!(cps(got), [0xD800, 0xD800, 0xDC00, 0x78]);
    // format(1.5, '\ud800<6')
    let got = format_float_wtf8(1.5, &sur(&[0xD800, '<' as u32, '6' as u32]), "float").unwrap();
    assert_eq!(cps(got), [0x31, 0x2E, 0x35, 0xD800, 0xD800, 0xD800]);
    // format('a', '\ud800') is an unknown format code
    let err = format_str_wtf8(&Wtf8Buf::from_str("a"), &sur(&[0xD800]), "str").unwrap_err();
    assert_eq!(err.message, "Unknown format code '\\xd800' for object of type 'str'");
    let err = format_str_wtf8(&Wtf8Buf::from_str("a"), &sur(&[',' as u32, 0xD800]), "str").unwrap_err();
    assert_eq!(err.message, "Cannot specify ',' with '\\xd800'.");
    // '%c|%s' % (0xd800, '\udfff')
    struct Two;
    impl PercentArgs for Two {
        type Value = u32;
        type Error = FormatError;
        fn tuple_len(&self) -> Option<usize> {
            Some(2)
        }
        fn is_mapping(&self) -> bool {
            false
        }
        fn tuple_item(&mut self, i: usize) -> u32 {
            i as u32
        }
        fn whole(&mut self) -> u32 {
            unreachable!()
        }
        fn get_item(&mut self, _: &Wtf8Buf) -> Result<u32, FormatError> {
            unreachable!()
        }
        fn convert(&mut self, v: &u32, _: Conversion) -> Result<PercentArg, FormatError> {
            Ok(if *v == 0 {
                PercentArg::Int(BigInt::from(0xD800))
            } else {
                let mut w = Wtf8Buf::new();
                w.push_code_point(0xDFFF);
                PercentArg::Str(w)
            })
        }
    }
    let got = percent_format(&Wtf8Buf::from_str("%c|%3s"), &mut Two, 4300).unwrap();
    assert_eq!(cps(got), [0xD800, '|' as u32, 32, 32, 0xDFFF]);
    let err = parse_int_wtf8(&sur(&[0x31, 0xD800]), 10, 4300).unwrap_err();
    assert_eq!(err.message, "invalid literal for int() with base 10: '1\\ud800'");
    let err = parse_float_wtf8(&sur(&[0xD800])).unwrap_err();
    assert_eq!(err.message, "could not convert string to float: '\\ud800'");
    let err = percent_format(&sur(&['%' as u32, 0xD800]), &mut Two, 4300).unwrap_err();
    assert_eq!(err.message, "unsupported format character '?' (0xd800) at index 1");
}

#[test]
fn absurd_widths_raise_memory_error() {
    // CPython: MemoryError() for each (it cannot allocate either).
    let huge = "999999999999999999";
    let kind = |r: Result<String, FormatError>| r.unwrap_err().kind;
    assert_eq!(kind(format_str("a", huge)), ErrorKind::MemoryError);
    assert_eq!(kind(format_int(&BigInt::from(1), huge)), ErrorKind::MemoryError);
    assert_eq!(kind(format_int(&BigInt::from(1), &format!("0{huge},"))), ErrorKind::MemoryError);
    assert_eq!(kind(format_float(1.0, huge)), ErrorKind::MemoryError);
    for fmt in ["%999999999999999999d", "%999999999999999999s", "%-999999999999999999f"] {
        let mut a = Args(V::T(vec![V::I("1")]));
        let got = percent_format(&Wtf8Buf::from_str(fmt), &mut a, DEFAULT_MAX_STR_DIGITS);
        assert!(matches!(got, Err(Err2(ref k, _)) if k == "MemoryError"), "{fmt}: {got:?}");
    }
}
