//! The read-only methods shared by `bytes` and `bytearray` (installed in
//! both types): searching, splitting, stripping, case mapping, padding,
//! `hex`/`fromhex`, `translate`/`maketrans` and `decode`.
//!
//! Model: a method copies its receiver's bytes (`Call::data`) and builds
//! its result with the receiver's kind (`Vm::bytes_result`), so bytearray
//! methods return bytearrays. Character classes and case mappings are
//! ASCII only, as in CPython's `bytes_methods.c`.

use super::Vm;
use super::builtins_extra::set_type_method;
use super::bytes::{find, receiver, rfind};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("decode", super::codecs::bytes_decode),
        ("hex", m_hex),
        ("count", m_count),
        ("find", m_find),
        ("rfind", m_rfind),
        ("index", m_index),
        ("rindex", m_rindex),
        ("startswith", m_startswith),
        ("endswith", m_endswith),
        ("join", m_join),
        ("split", m_split),
        ("rsplit", m_rsplit),
        ("splitlines", m_splitlines),
        ("strip", m_strip),
        ("lstrip", m_lstrip),
        ("rstrip", m_rstrip),
        ("replace", m_replace),
        ("partition", m_partition),
        ("rpartition", m_rpartition),
        ("upper", m_upper),
        ("lower", m_lower),
        ("title", m_title),
        ("capitalize", m_capitalize),
        ("swapcase", m_swapcase),
        ("isalpha", m_isalpha),
        ("isdigit", m_isdigit),
        ("isalnum", m_isalnum),
        ("isspace", m_isspace),
        ("isupper", m_isupper),
        ("islower", m_islower),
        ("istitle", m_istitle),
        ("isascii", m_isascii),
        ("center", m_center),
        ("ljust", m_ljust),
        ("rjust", m_rjust),
        ("zfill", m_zfill),
        ("expandtabs", m_expandtabs),
        ("translate", m_translate),
        ("removeprefix", m_removeprefix),
        ("removesuffix", m_removesuffix),
    ];
    for t in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        for &(name, f) in methods {
            set_type_method(vm, &t, name, f);
        }
        let fromhex = vm.new_builtin("fromhex", m_fromhex);
        let cm = Obj::new(DescrValue::ClassMethod(fromhex), &vm.types.classmethod);
        let key = vm.intern("fromhex");
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, cm);
        let maketrans = vm.new_builtin("maketrans", m_maketrans);
        let sm = Obj::new(DescrValue::StaticMethod(maketrans), &vm.types.staticmethod);
        let key = vm.intern("maketrans");
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, sm);
    }
}

/// A method call: the receiver, its bytes, and the arguments by slot.
struct Call {
    recv: Obj,
    data: Vec<u8>,
    slots: Vec<Option<Obj>>,
}

fn parse(vm: &Vm, a: &CallArgs<'_>, name: &str, names: &[&str], min: usize, keywords: bool) -> PyResult<Call> {
    let (recv, data) = receiver(vm, a, name)?;
    let pos = &a.positional_args()[1..];
    if !keywords && !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{}.{name}() takes no keyword arguments", vm.type_name(&recv))));
    }
    if pos.len() > names.len() {
        return Err(vm.type_error(if names.is_empty() {
            format!("{}.{name}() takes no arguments ({} given)", vm.type_name(&recv), pos.len())
        } else {
            format!("{name}() takes at most {} argument{} ({} given)", names.len(), if names.len() == 1 { "" } else { "s" }, pos.len())
        }));
    }
    let mut slots: Vec<Option<Obj>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        slots[i] = Some(v.clone());
    }
    for (k, v) in a.kwnames.iter().zip(&a.args[a.args.len() - a.kwnames.len()..]) {
        let k = vm.str_lossy(k);
        match names.iter().position(|n| *n == k) {
            Some(i) if slots[i].is_none() => slots[i] = Some(v.clone()),
            Some(_) => return Err(vm.type_error(format!("argument for {name}() given by name ('{k}') and position"))),
            None => return Err(vm.type_error(format!("'{k}' is an invalid keyword argument for {name}()"))),
        }
    }
    if slots.iter().take(min).any(|s| s.is_none()) {
        let n = pos.len();
        return Err(vm.type_error(if min == 1 && names.len() == 1 {
            format!("{}.{name}() takes exactly one argument ({n} given)", vm.type_name(&recv))
        } else {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        }));
    }
    Ok(Call { recv, data, slots })
}

fn arg(c: &Call, i: usize) -> Option<&Obj> {
    c.slots[i].as_ref().filter(|o| o.kind() != Kind::None)
}

/// A search argument: a bytes-like object or a byte value.
fn needle(vm: &mut Vm, o: &Obj) -> PyResult<Vec<u8>> {
    if let Some(d) = vm.bytes_like(o) {
        return Ok(d);
    }
    if matches!(o.kind(), Kind::Int | Kind::Bool | Kind::Instance) {
        return Ok(vec![vm.byte_value(o)?]);
    }
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", vm.type_name(o))))
}

/// `start`/`end` arguments clamped as slice bounds of a length `len`.
fn bounds(vm: &mut Vm, c: &Call, i: usize, len: usize) -> PyResult<(usize, usize)> {
    // A start past the end stays there (CPython's ADJUST_INDICES), so
    // `b"abc".find(b"", 10)` finds nothing.
    let mut get = |o: Option<&Obj>, default: usize, cap: usize| -> PyResult<usize> {
        let Some(o) = o else { return Ok(default) };
        let v = vm.index_value(o)?;
        let v = num_traits::ToPrimitive::to_i64(&v).unwrap_or(if num_traits::Signed::is_negative(&v) { i64::MIN / 2 } else { i64::MAX / 2 });
        let len = len as i64;
        Ok((if v < 0 { (v + len).max(0) } else { v.min(cap as i64) }) as usize)
    };
    let start = get(arg(c, i), 0, len + 1)?;
    let end = get(arg(c, i + 1), len, len)?;
    Ok((start, end))
}

fn search(vm: &mut Vm, a: CallArgs<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let c = parse(vm, &a, name, &["sub", "start", "end"], 1, false)?;
    let n = needle(vm, c.slots[0].as_ref().expect("required"))?;
    let (s, e) = bounds(vm, &c, 1, c.data.len())?;
    Ok(if reverse { rfind(&c.data, &n, s, e) } else { find(&c.data, &n, s, e) })
}

fn m_find(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let r = search(vm, a, "find", false)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn m_rfind(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let r = search(vm, a, "rfind", true)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn m_index(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    match search(vm, a, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn m_rindex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    match search(vm, a, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn m_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "count", &["sub", "start", "end"], 1, false)?;
    let n = needle(vm, c.slots[0].as_ref().expect("required"))?;
    let (s, e) = bounds(vm, &c, 1, c.data.len())?;
    Ok(vm.new_int(count(&c.data, &n, s, e) as i64))
}

fn count(hay: &[u8], n: &[u8], start: usize, end: usize) -> usize {
    if start > end {
        return 0;
    }
    if n.is_empty() {
        return end - start + 1;
    }
    let (mut i, mut k) = (start, 0);
    while let Some(j) = find(hay, n, i, end) {
        k += 1;
        i = j + n.len();
    }
    k
}

fn affix(vm: &mut Vm, a: CallArgs<'_>, name: &str, ends: bool) -> PyResult<Obj> {
    let c = parse(vm, &a, name, &["prefix", "start", "end"], 1, false)?;
    let (s, e) = bounds(vm, &c, 1, c.data.len())?;
    let p = c.slots[0].clone().expect("required");
    let options = match p.downcast::<TupleValue>() {
        Some(t) => t.0.to_vec(),
        None => vec![p.clone()],
    };
    for o in options {
        let Some(x) = vm.bytes_like(&o) else {
            let what = if ends { "endswith" } else { "startswith" };
            return Err(vm.type_error(format!(
                "{what} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(&o)
            )));
        };
        if s > e || s > c.data.len() || e - s < x.len() {
            continue;
        }
        let part = &c.data[s..e];
        if (ends && part.ends_with(&x)) || (!ends && part.starts_with(&x)) {
            return Ok(vm.bool_obj(true));
        }
    }
    Ok(vm.bool_obj(false))
}

fn m_startswith(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix(vm, a, "startswith", false)
}

fn m_endswith(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix(vm, a, "endswith", true)
}

fn m_join(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "join", &["iterable_of_bytes"], 1, false)?;
    let items = vm.iterate_to_vec(c.slots[0].as_ref().expect("required"))?;
    let mut out = Vec::new();
    for (i, x) in items.iter().enumerate() {
        let Some(d) = vm.bytes_like(x) else {
            return Err(vm.type_error(format!("sequence item {i}: expected a bytes-like object, {} found", vm.type_name(x))));
        };
        if i > 0 {
            out.extend_from_slice(&c.data);
        }
        out.extend_from_slice(&d);
    }
    Ok(vm.bytes_result(&c.recv, out))
}

pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

fn split_args(vm: &mut Vm, a: &CallArgs<'_>, name: &str) -> PyResult<(Call, Option<Vec<u8>>, usize)> {
    let c = parse(vm, a, name, &["sep", "maxsplit"], 0, true)?;
    let sep = match arg(&c, 0) {
        Some(s) => {
            let s = vm.bytes_arg(s)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
        None => None,
    };
    let max = match c.slots[1].as_ref() {
        Some(m) => {
            let m = vm.index_value(m)?;
            num_traits::ToPrimitive::to_i64(&m).filter(|&m| m >= 0).map_or(usize::MAX, |m| m as usize)
        }
        None => usize::MAX,
    };
    Ok((c, sep, max))
}

/// `data.split(sep, max)`; `rsplit` is `split` of the reversed bytes
/// (the whitespace set and a reversed separator match the same places).
fn split_parts(data: &[u8], sep: Option<&[u8]>, max: usize) -> Vec<Vec<u8>> {
    let mut parts = Vec::new();
    match sep {
        Some(sep) => {
            let mut start = 0;
            while parts.len() < max {
                let Some(i) = find(data, sep, start, data.len()) else { break };
                parts.push(data[start..i].to_vec());
                start = i + sep.len();
            }
            parts.push(data[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < data.len() && is_space(data[i]) {
                    i += 1;
                }
                if i == data.len() {
                    break;
                }
                if parts.len() == max {
                    // The last part keeps its inner and trailing spaces.
                    parts.push(data[i..].to_vec());
                    break;
                }
                let s = i;
                while i < data.len() && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(data[s..i].to_vec());
            }
        }
    }
    parts
}

fn split_impl(vm: &mut Vm, a: CallArgs<'_>, name: &str, reverse: bool) -> PyResult<Obj> {
    let (c, sep, max) = split_args(vm, &a, name)?;
    let parts = if reverse {
        let data: Vec<u8> = c.data.iter().rev().copied().collect();
        let sep: Option<Vec<u8>> = sep.map(|s| s.into_iter().rev().collect());
        let mut parts = split_parts(&data, sep.as_deref(), max);
        parts.reverse();
        parts.into_iter().map(|p| p.into_iter().rev().collect()).collect()
    } else {
        split_parts(&c.data, sep.as_deref(), max)
    };
    let items = parts.into_iter().map(|p| vm.bytes_result(&c.recv, p)).collect();
    Ok(vm.new_list(items))
}

fn m_split(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    split_impl(vm, a, "split", false)
}

fn m_rsplit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    split_impl(vm, a, "rsplit", true)
}

fn m_splitlines(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "splitlines", &["keepends"], 0, true)?;
    let keep = match c.slots[0].as_ref() {
        Some(k) => vm.truthy(k)?,
        None => false,
    };
    let d = &c.data;
    let mut items = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        let term = match d[i] {
            b'\r' if d.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => {
                i += 1;
                continue;
            }
        };
        let end = if keep { i + term } else { i };
        items.push(vm.bytes_result(&c.recv, d[start..end].to_vec()));
        i += term;
        start = i;
    }
    if start < d.len() {
        items.push(vm.bytes_result(&c.recv, d[start..].to_vec()));
    }
    Ok(vm.new_list(items))
}

fn trim<'a>(d: &'a [u8], left: bool, right: bool, chars: Option<&[u8]>) -> &'a [u8] {
    let strip = |b: &u8| match chars {
        Some(cs) => cs.contains(b),
        None => is_space(*b),
    };
    let mut s = 0;
    let mut e = d.len();
    if left {
        while s < e && strip(&d[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(&d[e - 1]) {
            e -= 1;
        }
    }
    &d[s..e]
}

fn strip_impl(vm: &mut Vm, a: CallArgs<'_>, name: &str, left: bool, right: bool) -> PyResult<Obj> {
    let c = parse(vm, &a, name, &["bytes"], 0, false)?;
    let chars = match arg(&c, 0) {
        Some(o) => Some(vm.bytes_arg(o)?),
        None => None,
    };
    let r = trim(&c.data, left, right, chars.as_deref()).to_vec();
    Ok(vm.bytes_result(&c.recv, r))
}

fn m_strip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    strip_impl(vm, a, "strip", true, true)
}

fn m_lstrip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    strip_impl(vm, a, "lstrip", true, false)
}

fn m_rstrip(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    strip_impl(vm, a, "rstrip", false, true)
}

fn m_replace(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "replace", &["old", "new", "count"], 2, false)?;
    let old = vm.bytes_arg(c.slots[0].as_ref().expect("required"))?;
    let new = vm.bytes_arg(c.slots[1].as_ref().expect("required"))?;
    let max = match c.slots[2].as_ref() {
        Some(m) => {
            let m = vm.index_value(m)?;
            num_traits::ToPrimitive::to_i64(&m).filter(|&m| m >= 0).map_or(usize::MAX, |m| m as usize)
        }
        None => usize::MAX,
    };
    let d = &c.data;
    let mut out = Vec::with_capacity(d.len());
    let mut done = 0;
    if old.is_empty() {
        for (i, &b) in d.iter().enumerate() {
            if done < max {
                out.extend_from_slice(&new);
                done += 1;
            }
            out.push(b);
            let _ = i;
        }
        if done < max {
            out.extend_from_slice(&new);
        }
        return Ok(vm.bytes_result(&c.recv, out));
    }
    let mut i = 0;
    while done < max {
        let Some(j) = find(d, &old, i, d.len()) else { break };
        out.extend_from_slice(&d[i..j]);
        out.extend_from_slice(&new);
        i = j + old.len();
        done += 1;
    }
    out.extend_from_slice(&d[i..]);
    Ok(vm.bytes_result(&c.recv, out))
}

fn partition_impl(vm: &mut Vm, a: CallArgs<'_>, name: &str, reverse: bool) -> PyResult<Obj> {
    let c = parse(vm, &a, name, &["sep"], 1, false)?;
    let sep = vm.bytes_arg(c.slots[0].as_ref().expect("required"))?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let d = &c.data;
    let hit = if reverse { rfind(d, &sep, 0, d.len()) } else { find(d, &sep, 0, d.len()) };
    let parts = match hit {
        Some(i) => [d[..i].to_vec(), sep.clone(), d[i + sep.len()..].to_vec()],
        None if reverse => [Vec::new(), Vec::new(), d.clone()],
        None => [d.clone(), Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| vm.bytes_result(&c.recv, p)).collect();
    Ok(vm.new_tuple(items))
}

fn m_partition(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    partition_impl(vm, a, "partition", false)
}

fn m_rpartition(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    partition_impl(vm, a, "rpartition", true)
}

fn map_bytes(vm: &mut Vm, a: CallArgs<'_>, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Obj> {
    let c = parse(vm, &a, name, &[], 0, false)?;
    let r = f(&c.data);
    Ok(vm.bytes_result(&c.recv, r))
}

fn m_upper(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    map_bytes(vm, a, "upper", |d| d.to_ascii_uppercase())
}

fn m_lower(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    map_bytes(vm, a, "lower", |d| d.to_ascii_lowercase())
}

fn m_swapcase(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    map_bytes(vm, a, "swapcase", |d| {
        d.iter().map(|&b| if b.is_ascii_uppercase() { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() }).collect()
    })
}

fn m_capitalize(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    map_bytes(vm, a, "capitalize", |d| {
        d.iter().enumerate().map(|(i, &b)| if i == 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() }).collect()
    })
}

fn m_title(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    map_bytes(vm, a, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let r = if prev_cased { b.to_ascii_lowercase() } else { b.to_ascii_uppercase() };
                prev_cased = b.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn predicate(vm: &mut Vm, a: CallArgs<'_>, name: &str, f: impl Fn(&[u8]) -> bool) -> PyResult<Obj> {
    let c = parse(vm, &a, name, &[], 0, false)?;
    Ok(vm.bool_obj(f(&c.data)))
}

fn m_isalpha(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isalpha", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic))
}

fn m_isdigit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isdigit", |d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
}

fn m_isalnum(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isalnum", |d| !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric))
}

fn m_isspace(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isspace", |d| !d.is_empty() && d.iter().all(|&b| is_space(b)))
}

fn m_isascii(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isascii", |d| d.is_ascii())
}

fn m_isupper(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "isupper", |d| d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase))
}

fn m_islower(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "islower", |d| d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase))
}

fn m_istitle(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    predicate(vm, a, "istitle", |d| {
        let (mut cased, mut prev_cased) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn pad_args(vm: &mut Vm, a: &CallArgs<'_>, name: &str) -> PyResult<(Call, usize, u8)> {
    let c = parse(vm, a, name, &["width", "fillchar"], 1, false)?;
    let w = vm.index_value(c.slots[0].as_ref().expect("required"))?;
    let w = num_traits::ToPrimitive::to_i64(&w).unwrap_or(0).max(0) as usize;
    let fill = match c.slots[1].as_ref() {
        Some(f) => match vm.bytes_like(f) {
            Some(d) if d.len() == 1 && f.kind() != Kind::MemoryView => d[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )));
            }
        },
        None => b' ',
    };
    Ok((c, w, fill))
}

fn padded(vm: &Vm, c: &Call, width: usize, fill: u8, left: usize) -> PyResult<Obj> {
    let marg = width.saturating_sub(c.data.len());
    let mut out = vm.filled_bytes(left.min(marg), fill)?;
    let more = c.data.len().max(width) - out.len();
    vm.reserve_bytes(&mut out, more)?;
    out.extend_from_slice(&c.data);
    out.resize(c.data.len().max(width), fill);
    Ok(vm.bytes_result(&c.recv, out))
}

fn m_center(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (c, w, fill) = pad_args(vm, &a, "center")?;
    let marg = w.saturating_sub(c.data.len());
    let left = marg / 2 + (marg & w & 1);
    padded(vm, &c, w, fill, left)
}

fn m_ljust(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (c, w, fill) = pad_args(vm, &a, "ljust")?;
    padded(vm, &c, w, fill, 0)
}

fn m_rjust(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (c, w, fill) = pad_args(vm, &a, "rjust")?;
    let left = w.saturating_sub(c.data.len());
    padded(vm, &c, w, fill, left)
}

fn m_zfill(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "zfill", &["width"], 1, false)?;
    let w = vm.index_value(c.slots[0].as_ref().expect("required"))?;
    let w = num_traits::ToPrimitive::to_i64(&w).unwrap_or(0).max(0) as usize;
    let d = &c.data;
    if w <= d.len() {
        return Ok(vm.bytes_result(&c.recv, d.clone()));
    }
    let fill = w - d.len();
    let mut out = vm.filled_bytes(fill, b'0')?;
    vm.reserve_bytes(&mut out, d.len())?;
    out.extend_from_slice(d);
    if matches!(d.first(), Some(b'+' | b'-')) {
        out[0] = d[0];
        out[fill] = b'0';
    }
    Ok(vm.bytes_result(&c.recv, out))
}

fn m_expandtabs(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "expandtabs", &["tabsize"], 0, true)?;
    let tab = match c.slots[0].as_ref() {
        Some(t) => match num_traits::ToPrimitive::to_i32(&vm.index_value(t)?) {
            Some(t) => i64::from(t),
            None => return Err(vm.overflow_error("Python int too large to convert to C int")),
        },
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0usize;
    for &b in &c.data {
        match b {
            b'\t' => {
                if tab > 0 {
                    let n = tab as usize - col % tab as usize;
                    vm.reserve_bytes(&mut out, n)?;
                    out.extend(std::iter::repeat_n(b' ', n));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(vm.bytes_result(&c.recv, out))
}

fn m_translate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "translate", &["table", "delete"], 1, true)?;
    let table = match arg(&c, 0) {
        Some(t) => {
            let t = vm.bytes_arg(t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
        None => None,
    };
    let delete = match c.slots[1].as_ref() {
        Some(d) => vm.bytes_arg(d)?,
        None => Vec::new(),
    };
    let out = c
        .data
        .iter()
        .filter(|b| !delete.contains(b))
        .map(|&b| table.as_ref().map_or(b, |t| t[b as usize]))
        .collect();
    Ok(vm.bytes_result(&c.recv, out))
}

fn m_maketrans(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("maketrans", &a, 2, 2)?;
    let from = vm.bytes_arg(&args[0])?;
    let to = vm.bytes_arg(&args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in from.into_iter().zip(to) {
        table[f as usize] = t;
    }
    Ok(vm.new_bytes(table))
}

fn affix_remove(vm: &mut Vm, a: CallArgs<'_>, name: &str, suffix: bool) -> PyResult<Obj> {
    let c = parse(vm, &a, name, &["prefix"], 1, false)?;
    let x = vm.bytes_arg(c.slots[0].as_ref().expect("required"))?;
    let d = &c.data;
    let r = if suffix && d.ends_with(&x) {
        d[..d.len() - x.len()].to_vec()
    } else if !suffix && d.starts_with(&x) {
        d[x.len()..].to_vec()
    } else {
        d.clone()
    };
    Ok(vm.bytes_result(&c.recv, r))
}

fn m_removeprefix(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix_remove(vm, a, "removeprefix", false)
}

fn m_removesuffix(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    affix_remove(vm, a, "removesuffix", true)
}

fn m_hex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let c = parse(vm, &a, "hex", &["sep", "bytes_per_sep"], 0, true)?;
    let hex: Vec<String> = c.data.iter().map(|b| format!("{b:02x}")).collect();
    let Some(sep) = c.slots[0].as_ref() else { return Ok(vm.new_str(&hex.concat())) };
    let sep = match vm.str_text(sep).map(|t| t.to_string_lossy()).or_else(|| vm.bytes_like(sep).map(|d| String::from_utf8_lossy(&d).into_owned())) {
        Some(s) if s.chars().count() == 1 && s.is_ascii() => s,
        Some(_) => return Err(vm.value_error("sep must be length 1.")),
        None => return Err(vm.type_error("sep must be str or bytes.")),
    };
    let per = match c.slots[1].as_ref() {
        Some(p) => num_traits::ToPrimitive::to_i64(&vm.index_value(p)?).unwrap_or(1),
        None => 1,
    };
    let group = per.unsigned_abs().max(1) as usize;
    let n = hex.len();
    let mut out = String::new();
    for (i, h) in hex.iter().enumerate() {
        // Positive counts group from the right, negative from the left.
        let boundary = if per >= 0 { (n - i) % group == 0 } else { i % group == 0 };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(h);
    }
    Ok(vm.new_str(&out))
}

fn m_fromhex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("fromhex", &a, 2, 2)?;
    let cls = args[0].clone();
    let Some(text) = vm.str_text(&args[1]).map(|t| t.to_string_lossy()) else {
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", vm.type_name(&args[1]))));
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16);
        let lo = chars.get(i + 1).and_then(|c| c.to_digit(16));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            (None, _) => return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {i}"))),
            (Some(_), None) => {
                return Err(vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i + 1)));
            }
        }
        i += 2;
    }
    let is_array = cls.downcast::<TypeValue>().is_some_and(|t| t.instance_kind == Kind::ByteArray);
    let r = if is_array { vm.new_bytearray(out) } else { vm.new_bytes(out) };
    if cls.is(&vm.types.bytes) || cls.is(&vm.types.bytearray) {
        return Ok(r);
    }
    vm.call_object(&cls, &[r])
}
