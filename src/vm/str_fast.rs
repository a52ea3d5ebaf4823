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
const fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

/// `ascii_space` as a bit set; every member is below 64.
const WHITESPACE_BITS: u64 = {
    let mut bits = 0u64;
    let mut b = 0;
    while b < 64 {
        if ascii_space(b) {
            bits |= 1 << b;
        }
        b += 1;
    }
    bits
};

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

/// A str of a run of the receiver's bytes; `ascii` when the receiver is
/// all ASCII, so that the run's length is its code point count.
fn piece(vm: &Vm, bytes: &[u8], ascii: bool) -> Obj {
    if ascii {
        vm.new_str_counted(Wtf8Buf::from_wtf8_slice(bytes), bytes.len())
    } else {
        vm.new_str_wtf8(Wtf8Buf::from_wtf8_slice(bytes))
    }
}

/// `s.split()` and `s.split(sep)` without `maxsplit`.
pub(super) fn split(vm: &Vm, a: &CallArgs<'_>) -> Option<Obj> {
    let r = receiver(a, 1)?;
    let t = r.text.as_bytes();
    let ascii = r.chars == t.len();
    let mut parts = Vec::new();
    match opt_arg(a) {
        None => {
            // Unicode whitespace outside ASCII (U+0085, U+00A0, ...) would
            // need decoding; such text takes the general path.
            if !ascii {
                return None;
            }
            for w in t.split(|&b| ascii_space(b)).filter(|w| !w.is_empty()) {
                parts.push(piece(vm, w, true));
            }
        }
        Some(sep) => {
            let sep = sep.downcast::<StrValue>()?.text.as_bytes();
            if sep.is_empty() {
                return None;
            }
            let mut start = 0;
            while let Some(j) = find(&t[start..], sep) {
                parts.push(piece(vm, &t[start..start + j], ascii));
                start += j + sep.len();
            }
            parts.push(piece(vm, &t[start..], ascii));
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
    let r = receiver(a, 1)?;
    let t = r.text.as_bytes();
    // A bit per ASCII character to strip, in two words: shifts of a
    // u128 by a variable amount are a branchy sequence per byte.
    let mut set = [0u64; 2];
    let whitespace = match opt_arg(a) {
        None => {
            set[0] = WHITESPACE_BITS;
            true
        }
        Some(chars) => {
            let cs = chars.downcast::<StrValue>()?.text.as_bytes();
            for &b in cs {
                if !b.is_ascii() {
                    return None;
                }
                set[usize::from(b >> 6)] |= 1 << (b & 63);
            }
            false
        }
    };
    let strips = |b: u8| b < 128 && set[usize::from(b >> 6) & 1] >> (b & 63) & 1 != 0;
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
    // Only ASCII bytes were cut, so both ends are code point boundaries,
    // and each byte cut was one code point.
    let chars = r.chars - (s + t.len() - e);
    Some(vm.new_str_counted(Wtf8Buf::from_wtf8_slice(&t[s..e]), chars))
}

/// `s.upper()` / `s.lower()` of ASCII text.
pub(super) fn ascii_case(vm: &Vm, a: &CallArgs<'_>, upper: bool) -> Option<Obj> {
    let r = receiver(a, 0)?;
    let t = r.text.as_bytes();
    // A str's code points are its bytes exactly when it is ASCII.
    if r.chars != t.len() {
        return None;
    }
    let out = if upper { t.to_ascii_uppercase() } else { t.to_ascii_lowercase() };
    let chars = out.len();
    Some(vm.new_str_counted(Wtf8Buf::from_ascii(out), chars))
}

/// `sep.join(x)` for an exact list or tuple `x`: the items are read in
/// place, with no iterator and no copy of the item vector.
pub(super) fn join(vm: &Vm, a: &CallArgs<'_>) -> Option<PyResult<Obj>> {
    let sep = receiver(a, 1)?;
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

/// The bytes are concatenated as they are (no surrogate halves are
/// paired), so the code points of the result are those of the parts.
fn join_items(vm: &Vm, sep_str: &StrValue, items: &[Obj]) -> PyResult<Obj> {
    let sep = sep_str.text.as_bytes();
    let gaps = items.len().saturating_sub(1);
    let mut total = sep.len() * gaps;
    let mut chars = sep_str.chars * gaps;
    for (i, x) in items.iter().enumerate() {
        match x.downcast::<StrValue>() {
            Some(s) => {
                total += s.text.as_bytes().len();
                chars += s.chars;
            }
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
    Ok(vm.new_str_counted(out, chars))
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
