//! The methods of `str`, as native functions in the `str` type's namespace.
//!
//! Model: a method reads its receiver's text as code points (`Vec<u32>`),
//! so indices, widths and counts are code points and lone surrogates pass
//! through untouched; results are built back into WTF-8. Character classes
//! come from `crate::text::unicode` (CPython 3.11's tables); case mappings
//! from Rust's `char` (full Unicode mappings, as CPython's).

use super::Vm;
use super::formatting::{FormatCall, Kwargs, from_cps};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use crate::text::unicode;
use num_traits::ToPrimitive;

/// Installs the methods into the `str` type.
pub(crate) fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("join", str_join),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("lower", str_lower),
        ("title", str_title),
        ("capitalize", str_capitalize),
        ("swapcase", str_swapcase),
        ("casefold", str_casefold),
        ("center", str_center),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("zfill", str_zfill),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("splitlines", str_splitlines),
        ("expandtabs", str_expandtabs),
        ("isdigit", str_isdigit),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isidentifier", str_isidentifier),
        ("isprintable", str_isprintable),
        ("isascii", str_isascii),
        ("format", str_format),
        ("format_map", str_format_map),
        ("encode", super::codecs::str_encode),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
    ];
    let t = vm.types.str_.clone();
    for &(name, f) in methods {
        let func = vm.new_builtin(name, f);
        let key = vm.intern(name);
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, func);
    }
}

/// The receiver's code points and the method's arguments (positional, or
/// by the keyword names in `names`), `None` where not given.
struct Args<'a> {
    text: Vec<u32>,
    slots: Vec<Option<&'a Obj>>,
}

/// The `str` methods whose parameters may be given by keyword in 3.11;
/// the others are positional-only.
const TAKE_KEYWORDS: [&str; 5] = ["split", "rsplit", "splitlines", "expandtabs", "encode"];

fn parse<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str, names: &[&str], min: usize) -> PyResult<Args<'a>> {
    let pos = a.positional_args();
    if !a.kwnames.is_empty() && !TAKE_KEYWORDS.contains(&name) {
        return Err(vm.type_error(format!("str.{name}() takes no keyword arguments")));
    }
    let Some(s) = pos.first().and_then(|o| o.downcast::<StrValue>()) else {
        let got = pos.first().map(|o| vm.type_name(o)).unwrap_or_else(|| "nothing".into());
        return Err(vm.type_error(format!("descriptor '{name}' for 'str' objects doesn't apply to a '{got}' object")));
    };
    let given = pos.len() - 1;
    if given > names.len() {
        return Err(vm.type_error(if names.is_empty() {
            format!("str.{name}() takes no arguments ({given} given)")
        } else {
            count_message(name, "most", names.len(), given)
        }));
    }
    let mut slots: Vec<Option<&'a Obj>> = vec![None; names.len()];
    for (i, v) in pos[1..].iter().enumerate() {
        slots[i] = Some(v);
    }
    for (k, v) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        let k = vm.str_lossy(k);
        match names.iter().position(|n| *n == k) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v),
            Some(_) => return Err(vm.type_error(format!("argument for {name}() given by name ('{k}') and position"))),
            None => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    if slots.iter().take(min).any(|s| s.is_none()) {
        return Err(vm.type_error(count_message(name, "least", min, given)));
    }
    Ok(Args { text: s.text.code_points().collect(), slots })
}

/// The `str` methods CPython 3.11 declares `METH_O` (one argument).
const ONE_ARGUMENT: [&str; 7] = ["zfill", "removeprefix", "removesuffix", "partition", "rpartition", "join", "format_map"];

/// The `str` methods whose positional arguments Argument Clinic counts
/// with `_PyArg_CheckPositional`.
const CHECKED_POSITIONAL: [&str; 7] = ["center", "ljust", "rjust", "replace", "strip", "lstrip", "rstrip"];

/// A wrong argument count for `str.name`, worded as CPython words it for
/// that method: "at `bound` `n`", `given` were given.
fn count_message(name: &str, bound: &str, n: usize, given: usize) -> String {
    let plural = if n == 1 { "" } else { "s" };
    if ONE_ARGUMENT.contains(&name) {
        format!("str.{name}() takes exactly one argument ({given} given)")
    } else if CHECKED_POSITIONAL.contains(&name) {
        format!("{name} expected at {bound} {n} argument{plural}, got {given}")
    } else {
        format!("{name}() takes at {bound} {n} argument{plural} ({given} given)")
    }
}

fn mk(vm: &Vm, cps: &[u32]) -> Obj {
    vm.new_str_wtf8(from_cps(cps))
}

fn none_or<'a>(o: Option<&'a Obj>) -> Option<&'a Obj> {
    o.filter(|o| o.kind() != Kind::None)
}

/// A str argument's code points, or a TypeError built by `msg(type name)`.
fn str_arg(vm: &Vm, o: &Obj, msg: impl FnOnce(String) -> String) -> PyResult<Vec<u32>> {
    match o.downcast::<StrValue>() {
        Some(s) => Ok(s.text.code_points().collect()),
        None => Err(vm.type_error(msg(vm.type_name(o)))),
    }
}

/// An index-sized int argument (`__index__`), saturated.
fn int_arg(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    if o.kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = vm.index_value(o)?;
    Ok(b.to_i64().unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN } else { i64::MAX }))
}

/// `start`/`end` arguments adjusted as slice bounds (`ADJUST_INDICES`).
fn bounds(vm: &mut Vm, start: Option<&Obj>, end: Option<&Obj>, len: usize) -> PyResult<(usize, usize, bool)> {
    let len = len as i64;
    let mut s = match none_or(start) {
        Some(o) => slice_int(vm, o)?,
        None => 0,
    };
    let mut e = match none_or(end) {
        Some(o) => slice_int(vm, o)?,
        None => len,
    };
    if e > len {
        e = len;
    } else if e < 0 {
        e = (e + len).max(0);
    }
    if s < 0 {
        s = (s + len).max(0);
    }
    // The third value says whether start is past the end of the text.
    Ok((s.min(len) as usize, e as usize, s > len))
}

fn slice_int(vm: &mut Vm, o: &Obj) -> PyResult<i64> {
    if vm.big_int(o).is_none() && vm.lookup_special(o, "__index__").is_none() {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    int_arg(vm, o)
}

fn find_at(h: &[u32], n: &[u32], from: usize) -> Option<usize> {
    if n.is_empty() {
        return (from <= h.len()).then_some(from);
    }
    if n.len() > h.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()] == *n)
}

fn rfind_in(h: &[u32], n: &[u32]) -> Option<usize> {
    if n.len() > h.len() {
        return None;
    }
    (0..=h.len() - n.len()).rev().find(|&i| h[i..i + n.len()] == *n)
}

fn is_space(c: u32) -> bool {
    unicode::is_space(c)
}

fn list_of(vm: &Vm, parts: Vec<&[u32]>) -> Obj {
    let items = parts.into_iter().map(|p| mk(vm, p)).collect();
    vm.new_list(items)
}

fn sep_arg(vm: &Vm, o: Option<&Obj>) -> PyResult<Option<Vec<u32>>> {
    match none_or(o) {
        None => Ok(None),
        Some(o) => {
            let s = str_arg(vm, o, |t| format!("must be str or None, not {t}"))?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Ok(Some(s))
        }
    }
}

fn maxsplit_arg(vm: &mut Vm, o: Option<&Obj>) -> PyResult<usize> {
    match o {
        None => Ok(usize::MAX),
        Some(o) => {
            let n = int_arg(vm, o)?;
            Ok(if n < 0 { usize::MAX } else { n as usize })
        }
    }
}

fn str_split(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if let Some(r) = super::str_fast::split(vm, &a) {
        return Ok(r);
    }
    let p = parse(vm, &a, "split", &["sep", "maxsplit"], 0)?;
    let sep = sep_arg(vm, p.slots[0])?;
    let mut max = maxsplit_arg(vm, p.slots[1])?;
    let t = &p.text;
    let mut parts: Vec<&[u32]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            loop {
                while i < t.len() && is_space(t[i]) {
                    i += 1;
                }
                if i == t.len() {
                    break;
                }
                if max == 0 {
                    parts.push(&t[i..]);
                    break;
                }
                let start = i;
                while i < t.len() && !is_space(t[i]) {
                    i += 1;
                }
                parts.push(&t[start..i]);
                max -= 1;
            }
        }
        Some(sep) => {
            let mut start = 0;
            while max > 0 {
                match find_at(t, &sep, start) {
                    Some(j) => {
                        parts.push(&t[start..j]);
                        start = j + sep.len();
                        max -= 1;
                    }
                    None => break,
                }
            }
            parts.push(&t[start..]);
        }
    }
    Ok(list_of(vm, parts))
}

fn str_rsplit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "rsplit", &["sep", "maxsplit"], 0)?;
    let sep = sep_arg(vm, p.slots[0])?;
    let mut max = maxsplit_arg(vm, p.slots[1])?;
    let t = &p.text;
    let mut parts: Vec<&[u32]> = Vec::new();
    match sep {
        None => {
            let mut i = t.len();
            loop {
                while i > 0 && is_space(t[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if max == 0 {
                    parts.push(&t[..i]);
                    break;
                }
                let end = i;
                while i > 0 && !is_space(t[i - 1]) {
                    i -= 1;
                }
                parts.push(&t[i..end]);
                max -= 1;
            }
        }
        Some(sep) => {
            let mut end = t.len();
            while max > 0 {
                match rfind_in(&t[..end], &sep) {
                    Some(j) => {
                        parts.push(&t[j + sep.len()..end]);
                        end = j;
                        max -= 1;
                    }
                    None => break,
                }
            }
            parts.push(&t[..end]);
        }
    }
    parts.reverse();
    Ok(list_of(vm, parts))
}

fn str_join(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if let Some(r) = super::str_fast::join(vm, &a) {
        return r;
    }
    let p = parse(vm, &a, "join", &["iterable"], 1)?;
    let iterable = p.slots[0].expect("required");
    let items = match vm.get_iter(iterable) {
        Ok(_) => vm.iterate_to_vec(iterable)?,
        Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.type_error.clone()) => {
            return Err(vm.type_error("can only join an iterable"));
        }
        Err(e) => return Err(e),
    };
    let sep = from_cps(&p.text);
    let mut out = crate::text::Wtf8Buf::new();
    for (i, x) in items.iter().enumerate() {
        let Some(s) = x.downcast::<StrValue>() else {
            return Err(vm.type_error(format!("sequence item {i}: expected str instance, {} found", vm.type_name(x))));
        };
        if i > 0 {
            out.push_wtf8(&sep);
        }
        out.push_wtf8(&s.text);
    }
    Ok(vm.new_str_wtf8(out))
}

fn strip_common(vm: &mut Vm, a: CallArgs<'_>, name: &str, left: bool, right: bool) -> PyResult<Obj> {
    if let Some(r) = super::str_fast::strip(vm, &a, left, right) {
        return Ok(r);
    }
    let p = parse(vm, &a, name, &["chars"], 0)?;
    let chars = match none_or(p.slots[0]) {
        Some(o) => Some(str_arg(vm, o, |_| format!("{name} arg must be None or str"))?),
        None => None,
    };
    let strip = |c: u32| match &chars {
        Some(cs) => cs.contains(&c),
        None => is_space(c),
    };
    let t = &p.text;
    let mut s = 0;
    let mut e = t.len();
    if left {
        while s < e && strip(t[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(t[e - 1]) {
            e -= 1;
        }
    }
    if s == 0 && e == t.len() && a.args[0].has_type(&vm.types.str_) {
        return Ok(a.args[0].clone());
    }
    Ok(mk(vm, &t[s..e]))
}

fn str_strip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    strip_common(vm, a, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    strip_common(vm, a, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    strip_common(vm, a, "rstrip", false, true)
}

fn str_replace(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "replace", &["old", "new", "count"], 2)?;
    let old = str_arg(vm, p.slots[0].expect("required"), |t| format!("replace() argument 1 must be str, not {t}"))?;
    let new = str_arg(vm, p.slots[1].expect("required"), |t| format!("replace() argument 2 must be str, not {t}"))?;
    let mut count = match p.slots[2] {
        Some(o) => {
            let n = int_arg(vm, o)?;
            if n < 0 { usize::MAX } else { n as usize }
        }
        None => usize::MAX,
    };
    let t = &p.text;
    let mut out: Vec<u32> = Vec::with_capacity(t.len());
    if old.is_empty() {
        for (i, &c) in t.iter().enumerate() {
            if count > 0 {
                out.extend_from_slice(&new);
                count -= 1;
            }
            out.push(c);
            if i == t.len() - 1 && count > 0 {
                out.extend_from_slice(&new);
            }
        }
        if t.is_empty() && count > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(mk(vm, &out));
    }
    let mut i = 0;
    while count > 0 {
        match find_at(t, &old, i) {
            Some(j) => {
                out.extend_from_slice(&t[i..j]);
                out.extend_from_slice(&new);
                i = j + old.len();
                count -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&t[i..]);
    Ok(mk(vm, &out))
}

/// The shared part of find/rfind/index/rindex: the match position.
fn find_common(vm: &mut Vm, a: &CallArgs<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let p = parse(vm, a, name, &["sub", "start", "end"], 1)?;
    let sub = str_arg(vm, p.slots[0].expect("required"), |t| format!("must be str, not {t}"))?;
    let (s, e, past) = bounds(vm, p.slots[1], p.slots[2], p.text.len())?;
    if past || e < s || e - s < sub.len() {
        return Ok(None);
    }
    let h = &p.text[s..e];
    let r = if reverse { rfind_in(h, &sub) } else { find_at(h, &sub, 0) };
    Ok(r.map(|i| i + s))
}

fn str_find(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let r = find_common(vm, &a, "find", false)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn str_rfind(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let r = find_common(vm, &a, "rfind", true)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn str_index(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    match find_common(vm, &a, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    match find_common(vm, &a, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "count", &["sub", "start", "end"], 1)?;
    let sub = str_arg(vm, p.slots[0].expect("required"), |t| format!("must be str, not {t}"))?;
    let (s, e, past) = bounds(vm, p.slots[1], p.slots[2], p.text.len())?;
    if past || e < s {
        return Ok(vm.new_int(0));
    }
    let h = &p.text[s..e];
    if sub.is_empty() {
        return Ok(vm.new_int(h.len() as i64 + 1));
    }
    let (mut n, mut i) = (0, 0);
    while let Some(j) = find_at(h, &sub, i) {
        n += 1;
        i = j + sub.len();
    }
    Ok(vm.new_int(n))
}

fn affix_common(vm: &mut Vm, a: CallArgs<'_>, name: &str, end_side: bool) -> PyResult<Obj> {
    let p = parse(vm, &a, name, &["prefix", "start", "end"], 1)?;
    let arg = p.slots[0].expect("required");
    let candidates: Vec<Obj> = match arg.downcast::<TupleValue>() {
        Some(t) => t.0.to_vec(),
        None => vec![arg.clone()],
    };
    let (s, e, _) = bounds(vm, p.slots[1], p.slots[2], p.text.len())?;
    let start_raw = match none_or(p.slots[1]) {
        Some(o) => slice_int(vm, o)?,
        None => 0,
    };
    for c in &candidates {
        let Some(sv) = c.downcast::<StrValue>() else {
            let what = if name == "startswith" { "startswith first arg" } else { "endswith first arg" };
            let msg = if arg.kind() == Kind::Tuple {
                format!("tuple for {name} must only contain str, not {}", vm.type_name(c))
            } else {
                format!("{what} must be str or a tuple of str, not {}", vm.type_name(c))
            };
            return Err(vm.type_error(msg));
        };
        let sub: Vec<u32> = sv.text.code_points().collect();
        // tailmatch: start may exceed the length only by being clamped.
        let s = if start_raw > p.text.len() as i64 { start_raw as usize } else { s };
        if e < s || e - s < sub.len() {
            continue;
        }
        let ok = if end_side { p.text[e - sub.len()..e] == *sub } else { p.text[s..s + sub.len()] == *sub };
        if ok {
            return Ok(vm.bool_obj(true));
        }
    }
    Ok(vm.bool_obj(false))
}

fn str_startswith(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix_common(vm, a, "startswith", false)
}

fn str_endswith(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix_common(vm, a, "endswith", true)
}

fn map_chars(t: &[u32], mut f: impl FnMut(usize, char, &mut Vec<u32>)) -> Vec<u32> {
    let mut out = Vec::with_capacity(t.len());
    for (i, &c) in t.iter().enumerate() {
        match char::from_u32(c) {
            Some(ch) => f(i, ch, &mut out),
            None => out.push(c),
        }
    }
    out
}

fn push_upper(c: char, out: &mut Vec<u32>) {
    out.extend(c.to_uppercase().map(|x| x as u32));
}

/// Lowercase, with the final-sigma rule of `str.lower`.
fn push_lower(t: &[u32], i: usize, c: char, out: &mut Vec<u32>) {
    if c == 'Σ' {
        let cased = |c: u32| unicode::is_cased(c);
        let before = t[..i].iter().rev().find(|&&c| !is_case_ignorable(c)).is_some_and(|&c| cased(c));
        let after = t[i + 1..].iter().find(|&&c| !is_case_ignorable(c)).is_some_and(|&c| cased(c));
        out.push(if before && !after { 'ς' as u32 } else { 'σ' as u32 });
        return;
    }
    out.extend(c.to_lowercase().map(|x| x as u32));
}

fn is_case_ignorable(c: u32) -> bool {
    matches!(c, 0x27 | 0x2E | 0x3A | 0x5E | 0x60 | 0xA8 | 0xAD | 0xAF | 0xB4 | 0xB7 | 0xB8 | 0x2019)
        || (0x300..0x370).contains(&c)
}

/// Titlecase: the uppercase mapping, except for the digraphs and
/// characters whose uppercase expands (the rest of the expansion is lower).
fn push_title(c: char, out: &mut Vec<u32>) {
    let cp = c as u32;
    let digraph = match cp {
        0x1C4..=0x1C6 => Some(0x1C5),
        0x1C7..=0x1C9 => Some(0x1C8),
        0x1CA..=0x1CC => Some(0x1CB),
        0x1F1..=0x1F3 => Some(0x1F2),
        _ => None,
    };
    if let Some(d) = digraph {
        out.push(d);
        return;
    }
    let mut up = c.to_uppercase();
    if let Some(first) = up.next() {
        out.push(first as u32);
        for rest in up {
            out.extend(rest.to_lowercase().map(|x| x as u32));
        }
    }
}

fn is_title_char(c: u32) -> bool {
    matches!(c, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2) || (0x1F88..=0x1FAF).contains(&c) && (c & 0xF) >= 8
        || matches!(c, 0x1FBC | 0x1FCC | 0x1FFC)
}

fn case_method(vm: &mut Vm, a: CallArgs<'_>, name: &str, f: fn(&[u32]) -> Vec<u32>) -> PyResult<Obj> {
    let p = parse(vm, &a, name, &[], 0)?;
    Ok(mk(vm, &f(&p.text)))
}

fn str_upper(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if let Some(r) = super::str_fast::ascii_case(vm, &a, true) {
        return Ok(r);
    }
    case_method(vm, a, "upper", |t| map_chars(t, |_, c, out| push_upper(c, out)))
}

fn str_lower(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if let Some(r) = super::str_fast::ascii_case(vm, &a, false) {
        return Ok(r);
    }
    case_method(vm, a, "lower", |t| map_chars(t, |i, c, out| push_lower(t, i, c, out)))
}

fn str_casefold(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    case_method(vm, a, "casefold", |t| {
        map_chars(t, |_, c, out| match c {
            'ß' | 'ẞ' => out.extend([b's' as u32, b's' as u32]),
            'ſ' => out.push('s' as u32),
            'ς' => out.push('σ' as u32),
            'µ' => out.push('μ' as u32),
            _ => out.extend(c.to_lowercase().map(|x| x as u32)),
        })
    })
}

fn str_swapcase(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    case_method(vm, a, "swapcase", |t| {
        map_chars(t, |i, c, out| {
            if unicode::is_upper(c as u32) {
                push_lower(t, i, c, out)
            } else if unicode::is_lower(c as u32) {
                push_upper(c, out)
            } else {
                out.push(c as u32)
            }
        })
    })
}

fn str_title(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    case_method(vm, a, "title", |t| {
        let mut prev_cased = false;
        map_chars(t, |i, c, out| {
            if prev_cased {
                push_lower(t, i, c, out);
            } else {
                push_title(c, out);
            }
            prev_cased = unicode::is_cased(c as u32);
        })
    })
}

fn str_capitalize(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    case_method(vm, a, "capitalize", |t| {
        map_chars(t, |i, c, out| if i == 0 { push_title(c, out) } else { push_lower(t, i, c, out) })
    })
}

fn pad_args(vm: &mut Vm, a: &CallArgs<'_>, name: &str) -> PyResult<(Vec<u32>, usize, u32)> {
    let p = parse(vm, a, name, &["width", "fillchar"], 1)?;
    let width = int_arg(vm, p.slots[0].expect("required"))?.max(0) as usize;
    let fill = match p.slots[1] {
        Some(o) => {
            let f = str_arg(vm, o, |t| format!("{name}() argument 2 must be str, not {t}"))?;
            if f.len() != 1 {
                return Err(vm.type_error("The fill character must be exactly one character long"));
            }
            f[0]
        }
        None => ' ' as u32,
    };
    Ok((p.text, width, fill))
}

fn padded(vm: &Vm, a: &CallArgs<'_>, t: &[u32], left: usize, right: usize, fill: u32) -> Obj {
    if left == 0 && right == 0 && a.args[0].has_type(&vm.types.str_) {
        return a.args[0].clone();
    }
    let mut out = vec![fill; left];
    out.extend_from_slice(t);
    out.extend(std::iter::repeat_n(fill, right));
    mk(vm, &out)
}

fn str_center(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (t, width, fill) = pad_args(vm, &a, "center")?;
    let marg = width.saturating_sub(t.len());
    let left = marg / 2 + (marg & width & 1);
    Ok(padded(vm, &a, &t, left, marg - left, fill))
}

fn str_ljust(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (t, width, fill) = pad_args(vm, &a, "ljust")?;
    let marg = width.saturating_sub(t.len());
    Ok(padded(vm, &a, &t, 0, marg, fill))
}

fn str_rjust(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (t, width, fill) = pad_args(vm, &a, "rjust")?;
    let marg = width.saturating_sub(t.len());
    Ok(padded(vm, &a, &t, marg, 0, fill))
}

fn str_zfill(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "zfill", &["width"], 1)?;
    let width = int_arg(vm, p.slots[0].expect("required"))?.max(0) as usize;
    let t = p.text;
    let marg = width.saturating_sub(t.len());
    if marg == 0 {
        return Ok(padded(vm, &a, &t, 0, 0, 0));
    }
    let mut out = vec!['0' as u32; marg];
    out.extend_from_slice(&t);
    if !t.is_empty() && (t[0] == '+' as u32 || t[0] == '-' as u32) {
        out[0] = t[0];
        out[marg] = '0' as u32;
    }
    Ok(mk(vm, &out))
}

fn partition_common(vm: &mut Vm, a: CallArgs<'_>, name: &str, reverse: bool) -> PyResult<Obj> {
    let p = parse(vm, &a, name, &["sep"], 1)?;
    let sep = str_arg(vm, p.slots[0].expect("required"), |t| format!("must be str, not {t}"))?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let t = &p.text;
    let found = if reverse { rfind_in(t, &sep) } else { find_at(t, &sep, 0) };
    let parts = match found {
        Some(i) => vec![mk(vm, &t[..i]), mk(vm, &sep), mk(vm, &t[i + sep.len()..])],
        None if reverse => vec![vm.new_str(""), vm.new_str(""), mk(vm, t)],
        None => vec![mk(vm, t), vm.new_str(""), vm.new_str("")],
    };
    Ok(vm.new_tuple(parts))
}

fn str_partition(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    partition_common(vm, a, "partition", false)
}

fn str_rpartition(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    partition_common(vm, a, "rpartition", true)
}

fn is_line_break(c: u32) -> bool {
    matches!(c, 0x0A | 0x0B | 0x0C | 0x0D | 0x1C | 0x1D | 0x1E | 0x85 | 0x2028 | 0x2029)
}

fn str_splitlines(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "splitlines", &["keepends"], 0)?;
    let keep = match p.slots[0] {
        Some(o) => vm.truthy(o)?,
        None => false,
    };
    let t = &p.text;
    let mut parts: Vec<&[u32]> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        let start = i;
        while i < t.len() && !is_line_break(t[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < t.len() {
            if t[i] == 0x0D && i + 1 < t.len() && t[i + 1] == 0x0A {
                i += 2;
            } else {
                i += 1;
            }
            if keep {
                eol = i;
            }
        }
        parts.push(&t[start..eol]);
    }
    Ok(list_of(vm, parts))
}

fn str_expandtabs(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "expandtabs", &["tabsize"], 0)?;
    let tab = match p.slots[0] {
        Some(o) => int_arg(vm, o)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(p.text.len());
    let mut col: i64 = 0;
    for &c in &p.text {
        if c == '\t' as u32 {
            if tab > 0 {
                let n = tab - col % tab;
                out.extend(std::iter::repeat_n(' ' as u32, n as usize));
                col += n;
            }
        } else {
            out.push(c);
            col += 1;
            if c == '\n' as u32 || c == '\r' as u32 {
                col = 0;
            }
        }
    }
    Ok(mk(vm, &out))
}

fn predicate(vm: &mut Vm, a: CallArgs<'_>, name: &str, empty: bool, f: fn(u32) -> bool) -> PyResult<Obj> {
    let p = parse(vm, &a, name, &[], 0)?;
    if p.text.is_empty() {
        return Ok(vm.bool_obj(empty));
    }
    Ok(vm.bool_obj(p.text.iter().all(|&c| f(c))))
}

fn str_isdigit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isdigit", false, unicode::is_digit)
}

fn str_isalpha(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isalpha", false, unicode::is_alpha)
}

fn str_isalnum(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isalnum", false, |c| {
        unicode::is_alpha(c) || unicode::is_decimal(c) || unicode::is_digit(c) || unicode::is_numeric(c)
    })
}

fn str_isspace(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isspace", false, unicode::is_space)
}

fn str_isdecimal(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isdecimal", false, unicode::is_decimal)
}

fn str_isnumeric(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isnumeric", false, unicode::is_numeric)
}

fn str_isprintable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isprintable", true, unicode::is_printable)
}

fn str_isascii(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isascii", true, |c| c < 0x80)
}

/// isupper/islower: at least one cased character, and no cased character
/// of the other case.
fn cased_check(vm: &mut Vm, a: CallArgs<'_>, name: &str, upper: bool) -> PyResult<Obj> {
    let p = parse(vm, &a, name, &[], 0)?;
    let mut any = false;
    for &c in &p.text {
        let (this, other) = if upper {
            (unicode::is_upper(c), unicode::is_lower(c) || is_title_char(c))
        } else {
            (unicode::is_lower(c), unicode::is_upper(c) || is_title_char(c))
        };
        if other {
            return Ok(vm.bool_obj(false));
        }
        any |= this;
    }
    Ok(vm.bool_obj(any))
}

fn str_isupper(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    cased_check(vm, a, "isupper", true)
}

fn str_islower(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    cased_check(vm, a, "islower", false)
}

fn str_istitle(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "istitle", &[], 0)?;
    let (mut cased, mut prev_cased) = (false, false);
    for &c in &p.text {
        if unicode::is_upper(c) || is_title_char(c) {
            if prev_cased {
                return Ok(vm.bool_obj(false));
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
            if !prev_cased {
                return Ok(vm.bool_obj(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(vm.bool_obj(cased))
}

fn str_isidentifier(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "isidentifier", &[], 0)?;
    let ok = match p.text.split_first() {
        Some((&first, rest)) => {
            (first == '_' as u32 || unicode::is_id_start(first)) && rest.iter().all(|&c| unicode::is_id_continue(c))
        }
        None => false,
    };
    Ok(vm.bool_obj(ok))
}

fn str_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let pos = a.positional_args();
    let Some(s) = pos.first().and_then(|o| o.downcast::<StrValue>()) else {
        return Err(vm.type_error("descriptor 'format' for 'str' objects doesn't apply"));
    };
    let fmt: Vec<u32> = s.text.code_points().collect();
    let mut call = FormatCall::new(&pos[1..], Kwargs::Pairs(a.kwnames, &a.args[pos.len()..]));
    let r = vm.str_format(&fmt, &mut call, 2)?;
    Ok(vm.new_str_wtf8(r))
}

fn str_format_map(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let p = parse(vm, &a, "format_map", &["mapping"], 1)?;
    let m = p.slots[0].expect("required");
    let mut call = FormatCall::new(&[], Kwargs::Mapping(m));
    let r = vm.str_format(&p.text, &mut call, 2)?;
    Ok(vm.new_str_wtf8(r))
}

fn affix_remove(vm: &mut Vm, a: CallArgs<'_>, name: &str, suffix: bool) -> PyResult<Obj> {
    let p = parse(vm, &a, name, &[if suffix { "suffix" } else { "prefix" }], 1)?;
    let x = str_arg(vm, p.slots[0].expect("required"), |t| format!("{name}() argument must be str, not {t}"))?;
    let t = &p.text;
    if !x.is_empty() && x.len() <= t.len() {
        if suffix && t.ends_with(&x) {
            return Ok(mk(vm, &t[..t.len() - x.len()]));
        }
        if !suffix && t.starts_with(&x) {
            return Ok(mk(vm, &t[x.len()..]));
        }
    }
    Ok(padded(vm, &a, t, 0, 0, 0))
}

fn str_removeprefix(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix_remove(vm, a, "removeprefix", false)
}

fn str_removesuffix(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix_remove(vm, a, "removesuffix", true)
}
