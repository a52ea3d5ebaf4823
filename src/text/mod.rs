//! Text helpers shared by the front end and the object model.
//!
//! Python's `str` is a sequence of code points, lone surrogates included
//! (`"\ud800"` is a valid literal). Rust's `String` cannot hold those, so
//! string literals are kept as WTF-8: UTF-8 extended to encode surrogate
//! code points as ordinary three-byte sequences. Text without surrogates is
//! byte-for-byte UTF-8.

pub mod codecs;
pub mod escapes;
pub mod format_complex;
pub mod format_spec;
pub mod int_text;
pub mod printf;
pub mod repr;
pub mod unicode;
mod unicode_tables;

#[cfg(test)]
mod format_tests;

/// An owned WTF-8 string. Invariant: `bytes` is generalised UTF-8 in which
/// every surrogate code point is encoded on its own. Unlike strict WTF-8, a
/// high surrogate followed by a low one stays two code points, because
/// Python's `"\ud83d\ude00"` has length 2.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Wtf8Buf {
    bytes: Vec<u8>,
}

impl Wtf8Buf {
    pub fn new() -> Self {
        Wtf8Buf { bytes: Vec::new() }
    }

    pub fn from_str(s: &str) -> Self {
        Wtf8Buf { bytes: s.as_bytes().to_vec() }
    }

    pub fn with_capacity(bytes: usize) -> Self {
        Wtf8Buf { bytes: Vec::with_capacity(bytes) }
    }

    /// A copy of a run of another string's bytes. The caller cuts at code
    /// point boundaries (both ends at a byte that is not a continuation
    /// byte, or at the end), so the invariant carries over.
    pub fn from_wtf8_slice(bytes: &[u8]) -> Self {
        debug_assert!(bytes.first().is_none_or(|&b| b & 0xC0 != 0x80));
        Wtf8Buf { bytes: bytes.to_vec() }
    }

    /// Bytes that are all ASCII (for the ASCII fast paths of str methods).
    pub fn from_ascii(bytes: Vec<u8>) -> Self {
        debug_assert!(bytes.is_ascii());
        Wtf8Buf { bytes }
    }

    /// Whether every code point is ASCII, so bytes and code points agree.
    pub fn is_ascii(&self) -> bool {
        self.bytes.is_ascii()
    }

    /// Appends raw WTF-8 bytes cut at code point boundaries (see
    /// `from_wtf8_slice`).
    pub fn push_wtf8_bytes(&mut self, bytes: &[u8]) {
        self.bytes.extend_from_slice(bytes);
    }

    pub fn push_str(&mut self, s: &str) {
        self.bytes.extend_from_slice(s.as_bytes());
    }

    pub fn push_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }

    /// Appends another string; surrogates stay separate code points.
    pub fn push_wtf8(&mut self, other: &Wtf8Buf) {
        self.bytes.extend_from_slice(&other.bytes);
    }

    /// Appends `n` copies of `other`, doubling what is already copied (so
    /// a long repeat costs a few large copies, not `n` small ones).
    pub fn push_repeated(&mut self, other: &Wtf8Buf, n: usize) {
        let start = self.bytes.len();
        let total = other.bytes.len() * n;
        if total == 0 {
            return;
        }
        self.bytes.extend_from_slice(&other.bytes);
        while self.bytes.len() - start < total {
            let done = self.bytes.len() - start;
            let chunk = done.min(total - done);
            self.bytes.extend_from_within(start..start + chunk);
        }
    }

    /// Appends any code point up to U+10FFFF, surrogates included.
    pub fn push_code_point(&mut self, cp: u32) {
        if cp < 0x80 {
            self.bytes.push(cp as u8);
            return;
        }
        match char::from_u32(cp) {
            Some(c) => self.push_char(c),
            None => {
                debug_assert!((0xD800..0xE000).contains(&cp));
                self.bytes.push(0xE0 | (cp >> 12) as u8);
                self.bytes.push(0x80 | ((cp >> 6) & 0x3F) as u8);
                self.bytes.push(0x80 | (cp & 0x3F) as u8);
            }
        }
    }

    /// Reserves room for `additional` more bytes, reporting failure
    /// instead of aborting (for `MemoryError` on absurd widths).
    pub fn try_reserve(&mut self, additional: usize) -> Result<(), std::collections::TryReserveError> {
        self.bytes.try_reserve(additional)
    }

    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The text as `&str` when it holds no surrogate.
    pub fn as_str(&self) -> Option<&str> {
        std::str::from_utf8(&self.bytes).ok()
    }

    /// Every code point, surrogates included.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints { bytes: &self.bytes, pos: 0 }
    }

    /// The code point starting at byte `pos` and the byte length of its
    /// encoding; `None` at the end.
    pub fn code_point_at(&self, pos: usize) -> Option<(u32, usize)> {
        let mut it = CodePoints { bytes: &self.bytes, pos };
        let cp = it.next()?;
        Some((cp, it.pos - pos))
    }

    /// The text with each surrogate replaced by U+FFFD.
    pub fn to_string_lossy(&self) -> String {
        self.code_points().map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}')).collect()
    }
}

impl std::fmt::Debug for Wtf8Buf {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.to_string_lossy())
    }
}

/// Iterator over the code points of a WTF-8 byte string.
#[derive(Clone)]
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let b = self.bytes;
        let i = self.pos;
        let first = *b.get(i)? as u32;
        let (len, init) = match first {
            0x00..=0x7F => (1, first),
            0xC0..=0xDF => (2, first & 0x1F),
            0xE0..=0xEF => (3, first & 0x0F),
            _ => (4, first & 0x07),
        };
        let cp = b[i + 1..i + len].iter().fold(init, |acc, &c| (acc << 6) | (c as u32 & 0x3F));
        self.pos += len;
        Some(cp)
    }

    /// Counting needs no decoding: each code point has exactly one byte
    /// that is not a continuation byte (`10xxxxxx`), surrogates included.
    fn count(self) -> usize {
        self.bytes[self.pos..].iter().filter(|&&b| b & 0xC0 != 0x80).count()
    }
}
