//! Indexing and slicing a `str` by code point, and the one-character
//! strings CPython shares.
//!
//! A str is stored as WTF-8 with its code point count (`StrValue::chars`).
//! When the count equals the byte length every code point is one byte
//! (ASCII), so an index is a byte offset and `s[i]`, `s[a:b]` cost what
//! they cost in CPython: O(1) and O(b - a). Other text is walked from the
//! start up to the last code point needed, never past it and never into a
//! decoded copy of the whole string.
//!
//! CPython keeps one str object for each code point below 256
//! (`get_latin1_char`) and returns it for every one-character result of
//! indexing, slicing, iteration and `chr()`, so `s[0] is s[0]` holds and
//! such results allocate nothing. `Singletons::latin1` mirrors that.

use super::Vm;
use crate::heap::Obj;
use crate::object::payloads::StrValue;
use crate::text::Wtf8Buf;

/// The indices a slice selects: `count` of them, from `start` by `step`
/// (see `Vm::slice_range`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct SliceRange {
    pub start: usize,
    pub step: i64,
    pub count: usize,
}

impl SliceRange {
    pub(crate) fn iter(self) -> impl Iterator<Item = usize> {
        let SliceRange { start, step, count } = self;
        // Every index is within the sequence, so no offset overflows.
        (0..count).map(move |k| (start as i64 + k as i64 * step) as usize)
    }

    /// Every item of a sequence of `len`, in order.
    pub(crate) fn is_whole(&self, len: usize) -> bool {
        self.start == 0 && self.step == 1 && self.count == len
    }
}

/// The byte offset of code point `index` in WTF-8 `bytes`, counting from
/// byte `from`, which is the offset of code point `from_index`. Each code
/// point has exactly one byte that is not a continuation byte
/// (`10xxxxxx`); whole 8-byte words are skipped by counting those bytes
/// with word arithmetic, so the walk costs about a cycle per word.
fn byte_offset(bytes: &[u8], from: usize, from_index: usize, index: usize) -> usize {
    let mut seen = from_index;
    let mut pos = from;
    while let Some(word) = bytes.get(pos..pos + 8) {
        let w = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        // A continuation byte has its top bit set and the next one clear.
        let continuation = (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
        let starts = 8 - continuation;
        // Stop before the word that holds code point `index` (or the
        // start of the one after it, which the byte loop must see).
        if seen + starts > index {
            break;
        }
        seen += starts;
        pos += 8;
    }
    for (k, &b) in bytes[pos..].iter().enumerate() {
        if b & 0xC0 != 0x80 {
            if seen == index {
                return pos + k;
            }
            seen += 1;
        }
    }
    bytes.len()
}

impl Vm {
    /// The str of the one code point `cp`: the shared object below 256.
    pub(crate) fn char_str(&self, cp: u32) -> Obj {
        if let Some(s) = self.singletons.latin1.get(cp as usize) {
            return s.clone();
        }
        let mut t = Wtf8Buf::new();
        t.push_code_point(cp);
        self.new_str_counted(t, 1)
    }

    /// `s[i]` for an index already checked to be in range.
    pub(crate) fn str_char_at(&self, s: &StrValue, i: usize) -> Obj {
        let bytes = s.text.as_bytes();
        if s.chars == bytes.len() {
            return self.char_str(u32::from(bytes[i]));
        }
        let at = byte_offset(bytes, 0, 0, i);
        let (cp, _) = s.text.code_point_at(at).expect("index in range");
        self.char_str(cp)
    }

    /// `s[r]` for a slice range computed for `s.chars` code points.
    pub(crate) fn str_slice(&self, s: &StrValue, r: &super::SliceRange) -> Obj {
        let bytes = s.text.as_bytes();
        let ascii = s.chars == bytes.len();
        if r.count == 1 {
            return self.str_char_at(s, r.start);
        }
        if r.count == 0 {
            return self.new_str_counted(Wtf8Buf::new(), 0);
        }
        if r.step == 1 {
            let (a, b) = if ascii {
                (r.start, r.start + r.count)
            } else {
                let a = byte_offset(bytes, 0, 0, r.start);
                (a, byte_offset(bytes, a, r.start, r.start + r.count))
            };
            return self.new_str_counted(Wtf8Buf::from_wtf8_slice(&bytes[a..b]), r.count);
        }
        if ascii {
            let picked: Vec<u8> = r.iter().map(|i| bytes[i]).collect();
            return self.new_str_counted(Wtf8Buf::from_ascii(picked), r.count);
        }
        // A stepped slice of wider text: decode the span it covers once.
        let (lo, hi) = if r.step > 0 { (r.start, r.start + (r.count - 1) * r.step as usize) } else { (r.iter().last().unwrap_or(r.start), r.start) };
        let mut pos = byte_offset(bytes, 0, 0, lo);
        let mut span = Vec::with_capacity(hi - lo + 1);
        for _ in lo..=hi {
            let (cp, len) = s.text.code_point_at(pos).expect("index in range");
            span.push(cp);
            pos += len;
        }
        let mut t = Wtf8Buf::new();
        for i in r.iter() {
            t.push_code_point(span[i - lo]);
        }
        self.new_str_counted(t, r.count)
    }
}
