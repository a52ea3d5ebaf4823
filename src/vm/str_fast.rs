//! Byte-level fast paths for the hottest `str` methods (`split`, `strip`,
//! `upper`, `lower`, `join`).
//!
//! The general methods in `str_methods` decode the receiver into code
//! points and build the result back one code point at a time, which is
//! most of their cost on short words. Here the common calls work on the
//! WTF-8 bytes directly: separators are searched for as byte strings
//! (WTF-8 is self-synchronising, so a byte match of whole code points is a
//! code point match), and case and whitespace rules are applied only where
//! the text is ASCII, where bytes and code points agree. Each function
//! returns `None` for anything else (keywords, `maxsplit`, non-ASCII text
//! where Unicode rules matter, bad arguments), and the caller then takes
//! the general path, which also raises the errors.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};
use crate::text::Wtf8Buf;

/// Python's whitespace among ASCII characters (`str.isspace`): `\t` to
/// `\r`, the four information separators `\x1c`-`\x1f`, and space.
fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

/// The receiver, when the call has only positional arguments and at most
/// `max` of them after the receiver.
fn receiver<'a>(a: &CallArgs<'a>, max: usize) -> Option<&'a StrValue> {
    if !a.kwnames.is_empty() || a.args.len() > max + 1 {
        return None;
    }
    a.args.first()?.downcast::<StrValue>()
}

/// The optional argument after the receiver, `None` when absent or None.
fn opt_arg<'a>(a: &CallArgs<'a>) -> Option<&'a Obj> {
    a.args.get(1).filter(|o| o.kind() != Kind::None)
}

fn piece(vm: &Vm, bytes: &[u8]) -> Obj {
    vm.new_str_wtf8(Wtf8Buf::from_wtf8_slice(bytes))
}

/// `s.split()` and `s.split(sep)` without `maxsplit`.
pub(super) fn split(vm: &Vm, a: &CallArgs<'_>) -> Option<Obj> {
    let t = receiver(a, 1)?.text.as_bytes();
    let mut parts = Vec::new();
    match opt_arg(a) {
        None => {
            // Unicode whitespace outside ASCII (U+0085, U+00A0, ...) would
            // need decoding; such text takes the general path.
            if !t.is_ascii() {
                return None;
            }
            for w in t.split(|&b| ascii_space(b)).filter(|w| !w.is_empty()) {
                parts.push(piece(vm, w));
            }
        }
        Some(sep) => {
            let sep = sep.downcast::<StrValue>()?.text.as_bytes();
            if sep.is_empty() {
                return None;
            }
            let mut start = 0;
            while let Some(j) = find(&t[start..], sep) {
                parts.push(piece(vm, &t[start..start + j]));
                start += j + sep.len();
            }
            parts.push(piece(vm, &t[start..]));
        }
    }
    Some(vm.new_list(parts))
}

/// The first occurrence of a non-empty `needle` in `hay`, in bytes.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if let [b] = needle {
        return hay.iter().position(|c| c == b);
    }
    if needle.len() > hay.len() {
        return None;
    }
    let first = needle[0];
    (0..=hay.len() - needle.len()).find(|&i| hay[i] == first && hay[i..i + needle.len()] == *needle)
}

/// `s.strip()`, `s.lstrip()`, `s.rstrip()`, with no argument, None, or an
/// ASCII `chars`. Stripping stops at the first byte that is kept; when that
/// byte is non-ASCII and the rule is whitespace (which has non-ASCII
/// members) the general path decides instead.
pub(super) fn strip(vm: &Vm, a: &CallArgs<'_>, left: bool, right: bool) -> Option<Obj> {
    let t = receiver(a, 1)?.text.as_bytes();
    // A bit per ASCII character to strip.
    let set: u128 = match opt_arg(a) {
        None => (0u8..128).filter(|&b| ascii_space(b)).fold(0, |m, b| m | 1 << b),
        Some(chars) => {
            let cs = chars.downcast::<StrValue>()?.text.as_bytes();
            if !cs.is_ascii() {
                return None;
            }
            cs.iter().fold(0, |m, &b| m | 1 << b)
        }
    };
    let whitespace = opt_arg(a).is_none();
    let strips = |b: u8| b < 128 && set & (1 << b) != 0;
    let (mut s, mut e) = (0, t.len());
    if left {
        while s < e && strips(t[s]) {
            s += 1;
        }
        if whitespace && s < e && !t[s].is_ascii() {
            return None;
        }
    }
    if right {
        while e > s && strips(t[e - 1]) {
            e -= 1;
        }
        // A non-ASCII character ends with a continuation byte.
        if whitespace && e > s && !t[e - 1].is_ascii() {
            return None;
        }
    }
    if s == 0 && e == t.len() && a.args[0].has_type(&vm.types.str_) {
        return Some(a.args[0].clone());
    }
    // Only ASCII bytes were cut, so both ends are code point boundaries.
    Some(piece(vm, &t[s..e]))
}

/// `s.upper()` / `s.lower()` of ASCII text.
pub(super) fn ascii_case(vm: &Vm, a: &CallArgs<'_>, upper: bool) -> Option<Obj> {
    let t = receiver(a, 0)?.text.as_bytes();
    if !t.is_ascii() {
        return None;
    }
    let out = if upper { t.to_ascii_uppercase() } else { t.to_ascii_lowercase() };
    Some(vm.new_str_wtf8(Wtf8Buf::from_ascii(out)))
}

/// `sep.join(x)` for an exact list or tuple `x`: the items are read in
/// place, with no iterator and no copy of the item vector.
pub(super) fn join(vm: &Vm, a: &CallArgs<'_>) -> Option<PyResult<Obj>> {
    let sep = receiver(a, 1)?.text.as_bytes();
    let x = a.args.get(1)?;
    if x.has_type(&vm.types.list) {
        let l = x.downcast::<ListValue>()?;
        Some(join_items(vm, sep, &l.0.borrow()))
    } else if x.has_type(&vm.types.tuple) {
        Some(join_items(vm, sep, &x.downcast::<TupleValue>()?.0))
    } else {
        None
    }
}

fn join_items(vm: &Vm, sep: &[u8], items: &[Obj]) -> PyResult<Obj> {
    let mut total = sep.len() * items.len().saturating_sub(1);
    for (i, x) in items.iter().enumerate() {
        match x.downcast::<StrValue>() {
            Some(s) => total += s.text.as_bytes().len(),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(x)
                )));
            }
        }
    }
    let mut out = Wtf8Buf::with_capacity(total);
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push_wtf8_bytes(sep);
        }
        out.push_wtf8_bytes(x.downcast::<StrValue>().expect("checked above").text.as_bytes());
    }
    Ok(vm.new_str_wtf8(out))
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_space_matches_the_unicode_table() {
        for b in 0u8..128 {
            assert_eq!(super::ascii_space(b), crate::text::unicode::is_space(b as u32), "{b:#x}");
        }
    }
}
