//! The text codecs behind `str.encode`, `bytes.decode` and text files:
//! UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with CPython's names,
//! aliases, error handlers and error positions.
//!
//! Model: pure functions over `Wtf8Buf` (text, lone surrogates allowed)
//! and byte slices. An error handler is applied to each maximal run of
//! bad input as CPython's codecs do: encoding gathers consecutive
//! unencodable code points, decoding takes the ill-formed subsequence
//! CPython reports. Positions are code points when encoding and bytes when
//! decoding. An unknown handler name is reported only when a handler is
//! actually needed, as in CPython.

use super::Wtf8Buf;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    Utf8,
    /// UTF-8 with a byte-order mark: written first, skipped when read.
    Utf8Sig,
    Ascii,
    Latin1,
    /// UTF-16 with a byte-order mark (little-endian when writing).
    Utf16,
    Utf16Le,
    Utf16Be,
    Utf32,
    Utf32Le,
    Utf32Be,
}

impl Codec {
    /// The codec for an encoding name (`encodings.normalize_encoding`
    /// rules: case, `-`, `_` and spaces do not matter), with the aliases
    /// of CPython's `encodings.aliases`.
    pub fn lookup(name: &str) -> Option<Codec> {
        let norm: String =
            name.trim().chars().map(|c| if c == '-' || c == ' ' { '_' } else { c.to_ascii_lowercase() }).collect();
        Some(match norm.as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8_ucs2" | "utf8_ucs4" => Codec::Utf8,
            "utf_8_sig" | "utf8_sig" => Codec::Utf8Sig,
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "ansi_x3_4_1968" | "iso646_us" | "cp367" | "ibm367" => {
                Codec::Ascii
            }
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819" | "iso_ir_100" | "ibm819" => {
                Codec::Latin1
            }
            "utf_16" | "utf16" | "u16" => Codec::Utf16,
            "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16Le,
            "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16Be,
            "utf_32" | "utf32" | "u32" => Codec::Utf32,
            "utf_32_le" | "utf_32le" => Codec::Utf32Le,
            "utf_32_be" | "utf_32be" => Codec::Utf32Be,
            _ => return None,
        })
    }

    /// The name CPython's messages use (`codec.name`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Utf8Sig => "utf-8-sig",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
        }
    }

    /// True when `\n` and `\r` are single bytes that never occur inside
    /// another character's encoding (text files rely on it).
    pub fn ascii_compatible(self) -> bool {
        matches!(self, Codec::Utf8 | Codec::Ascii | Codec::Latin1)
    }

    /// The bytes of one code point, or why it cannot be encoded.
    fn encode_one(self, cp: u32, out: &mut Vec<u8>) -> Result<(), &'static str> {
        let surrogate = (0xD800..0xE000).contains(&cp);
        match self {
            Codec::Utf8 | Codec::Utf8Sig if surrogate => return Err("surrogates not allowed"),
            Codec::Utf8 | Codec::Utf8Sig => {
                let c = char::from_u32(cp).expect("not a surrogate");
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
            Codec::Ascii if cp >= 0x80 => return Err("ordinal not in range(128)"),
            Codec::Latin1 if cp >= 0x100 => return Err("ordinal not in range(256)"),
            Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
            Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be | Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be if surrogate => {
                return Err("surrogates not allowed");
            }
            Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
                let c = char::from_u32(cp).expect("not a surrogate");
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let b = if self == Codec::Utf16Be { unit.to_be_bytes() } else { unit.to_le_bytes() };
                    out.extend_from_slice(&b);
                }
            }
            Codec::Utf32 | Codec::Utf32Le => out.extend_from_slice(&cp.to_le_bytes()),
            Codec::Utf32Be => out.extend_from_slice(&cp.to_be_bytes()),
        }
        Ok(())
    }
}

/// Bad input the error handler did not absorb: `start..end` (code points
/// when encoding, bytes when decoding) and CPython's reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    pub start: usize,
    pub end: usize,
    pub reason: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CodecFailure {
    /// The `strict` handler (or one that cannot handle this input).
    Error(CodecError),
    /// `LookupError: unknown error handler name '...'`.
    UnknownHandler(String),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    SurrogateEscape,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogatePass,
}

fn handler(name: &str) -> Result<Handler, CodecFailure> {
    Ok(match name {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "surrogateescape" => Handler::SurrogateEscape,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "surrogatepass" => Handler::SurrogatePass,
        _ => return Err(CodecFailure::UnknownHandler(name.to_string())),
    })
}

/// `\xhh`, `\uhhhh` or `\Uhhhhhhhh`, as `backslashreplace` writes a code point.
fn push_backslashed(cp: u32, out: &mut Vec<u8>) {
    let s = if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    };
    out.extend_from_slice(s.as_bytes());
}

/// `text.encode(codec, errors)`.
pub fn encode(codec: Codec, text: &Wtf8Buf, errors: &str) -> Result<Vec<u8>, CodecFailure> {
    let cps: Vec<u32> = text.code_points().collect();
    let mut out = Vec::with_capacity(cps.len());
    match codec {
        Codec::Utf16 => out.extend_from_slice(&[0xFF, 0xFE]),
        Codec::Utf32 => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
        Codec::Utf8Sig => out.extend_from_slice(&[0xEF, 0xBB, 0xBF]),
        _ => {}
    }
    let mut i = 0;
    while i < cps.len() {
        let Err(reason) = codec.encode_one(cps[i], &mut out) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        let mut scratch = Vec::new();
        while end < cps.len() && codec.encode_one(cps[end], &mut scratch).is_err() {
            end += 1;
        }
        let fail = CodecFailure::Error(CodecError { start: i, end, reason });
        match handler(errors)? {
            Handler::Strict => return Err(fail),
            Handler::Ignore => {}
            Handler::Replace => {
                for _ in i..end {
                    codec.encode_one('?' as u32, &mut out).expect("'?' encodes everywhere");
                }
            }
            Handler::BackslashReplace | Handler::XmlCharRefReplace => {
                let mut ascii = Vec::new();
                for &cp in &cps[i..end] {
                    if errors == "backslashreplace" {
                        push_backslashed(cp, &mut ascii);
                    } else {
                        ascii.extend_from_slice(format!("&#{cp};").as_bytes());
                    }
                }
                for b in ascii {
                    codec.encode_one(b as u32, &mut out).expect("ASCII encodes everywhere");
                }
            }
            Handler::SurrogateEscape => {
                for &cp in &cps[i..end] {
                    match cp {
                        0xDC80..=0xDCFF => out.push((cp - 0xDC00) as u8),
                        _ => return Err(fail),
                    }
                }
            }
            Handler::SurrogatePass => {
                for &cp in &cps[i..end] {
                    if !matches!(codec, Codec::Utf8 | Codec::Utf8Sig) || !(0xD800..0xE000).contains(&cp) {
                        return Err(fail);
                    }
                    out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8]);
                }
            }
        }
        i = end;
    }
    Ok(out)
}

/// One decoding step: the code points of the next well-formed character,
/// or the length and reason of the ill-formed bytes at the start of `data`.
enum Step {
    Char(u32, usize),
    Bad(usize, &'static str),
}

fn utf8_step(data: &[u8]) -> Step {
    let take = data.len().min(4);
    match std::str::from_utf8(&data[..take]) {
        Ok(s) => {
            let c = s.chars().next().expect("non-empty");
            Step::Char(c as u32, c.len_utf8())
        }
        Err(e) if e.valid_up_to() > 0 => {
            let s = std::str::from_utf8(&data[..e.valid_up_to()]).expect("valid prefix");
            let c = s.chars().next().expect("non-empty");
            Step::Char(c as u32, c.len_utf8())
        }
        Err(e) => match e.error_len() {
            // A truncated sequence is only "unexpected end" at the very end.
            None if take == data.len() => Step::Bad(data.len(), "unexpected end of data"),
            None => Step::Bad(1, "invalid continuation byte"),
            Some(n) if (0xC2..=0xF4).contains(&data[0]) => Step::Bad(n, "invalid continuation byte"),
            Some(n) => Step::Bad(n, "invalid start byte"),
        },
    }
}

fn utf16_step(data: &[u8], big: bool) -> Step {
    let unit = |i: usize| {
        let b = [data[i], data[i + 1]];
        u32::from(if big { u16::from_be_bytes(b) } else { u16::from_le_bytes(b) })
    };
    if data.len() < 2 {
        return Step::Bad(data.len(), "truncated data");
    }
    let u = unit(0);
    match u {
        0xD800..=0xDBFF => {
            if data.len() < 4 {
                return Step::Bad(data.len(), "unexpected end of data");
            }
            let lo = unit(2);
            if (0xDC00..=0xDFFF).contains(&lo) {
                Step::Char(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00), 4)
            } else {
                Step::Bad(2, "illegal UTF-16 surrogate")
            }
        }
        0xDC00..=0xDFFF => Step::Bad(2, "illegal encoding"),
        _ => Step::Char(u, 2),
    }
}

fn utf32_step(data: &[u8], big: bool) -> Step {
    if data.len() < 4 {
        return Step::Bad(data.len(), "truncated data");
    }
    let b = [data[0], data[1], data[2], data[3]];
    let cp = if big { u32::from_be_bytes(b) } else { u32::from_le_bytes(b) };
    if cp > 0x10FFFF {
        Step::Bad(4, "code point not in range(0x110000)")
    } else if (0xD800..0xE000).contains(&cp) {
        Step::Bad(4, "code point in surrogate code point range(0xd800, 0xe000)")
    } else {
        Step::Char(cp, 4)
    }
}

/// `data.decode(codec, errors)`.
pub fn decode(codec: Codec, data: &[u8], errors: &str) -> Result<Wtf8Buf, CodecFailure> {
    let mut out = Wtf8Buf::new();
    let (mut i, codec) = match codec {
        Codec::Utf16 if data.starts_with(&[0xFE, 0xFF]) => (2, Codec::Utf16Be),
        Codec::Utf16 if data.starts_with(&[0xFF, 0xFE]) => (2, Codec::Utf16Le),
        Codec::Utf16 => (0, Codec::Utf16Le),
        Codec::Utf32 if data.starts_with(&[0, 0, 0xFE, 0xFF]) => (4, Codec::Utf32Be),
        Codec::Utf32 if data.starts_with(&[0xFF, 0xFE, 0, 0]) => (4, Codec::Utf32Le),
        Codec::Utf32 => (0, Codec::Utf32Le),
        Codec::Utf8Sig if data.starts_with(&[0xEF, 0xBB, 0xBF]) => (3, Codec::Utf8),
        Codec::Utf8Sig => (0, Codec::Utf8),
        c => (0, c),
    };
    if codec == Codec::Utf8 {
        // The common case: all valid, one check.
        if let Ok(s) = std::str::from_utf8(&data[i..]) {
            out.push_str(s);
            return Ok(out);
        }
    }
    while i < data.len() {
        let rest = &data[i..];
        let step = match codec {
            Codec::Utf8 | Codec::Utf8Sig => utf8_step(rest),
            Codec::Ascii if rest[0] >= 0x80 => Step::Bad(1, "ordinal not in range(128)"),
            Codec::Ascii | Codec::Latin1 => Step::Char(u32::from(rest[0]), 1),
            Codec::Utf16Le | Codec::Utf16 => utf16_step(rest, false),
            Codec::Utf16Be => utf16_step(rest, true),
            Codec::Utf32Le | Codec::Utf32 => utf32_step(rest, false),
            Codec::Utf32Be => utf32_step(rest, true),
        };
        let (n, reason) = match step {
            Step::Char(cp, n) => {
                out.push_code_point(cp);
                i += n;
                continue;
            }
            Step::Bad(n, reason) => (n, reason),
        };
        let end = i + n;
        match handler(errors)? {
            Handler::Strict | Handler::XmlCharRefReplace | Handler::SurrogatePass => {
                return Err(CodecFailure::Error(CodecError { start: i, end, reason }));
            }
            Handler::Ignore => {}
            Handler::Replace => out.push_code_point(0xFFFD),
            Handler::SurrogateEscape => {
                for &b in &data[i..end] {
                    if b < 0x80 {
                        return Err(CodecFailure::Error(CodecError { start: i, end, reason }));
                    }
                    out.push_code_point(0xDC00 + u32::from(b));
                }
            }
            Handler::BackslashReplace => {
                for &b in &data[i..end] {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
        }
        i = end;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_match_cpython() {
        let e = |d: &[u8]| match decode(Codec::Utf8, d, "strict") {
            Err(CodecFailure::Error(e)) => (e.start, e.end, e.reason),
            other => panic!("{other:?}"),
        };
        assert_eq!(e(b"\xff"), (0, 1, "invalid start byte"));
        assert_eq!(e(b"a\xe2\x82"), (1, 3, "unexpected end of data"));
        assert_eq!(e(b"\xe2\x82a"), (0, 2, "invalid continuation byte"));
        assert_eq!(e(b"\xed\xa0\x80"), (0, 1, "invalid continuation byte"));
    }

    #[test]
    fn encode_runs() {
        let t = Wtf8Buf::from_str("aéé€b");
        match encode(Codec::Ascii, &t, "strict") {
            Err(CodecFailure::Error(e)) => assert_eq!((e.start, e.end), (1, 4)),
            other => panic!("{other:?}"),
        }
        assert_eq!(encode(Codec::Ascii, &t, "replace").unwrap(), b"a???b");
        assert_eq!(encode(Codec::Latin1, &t, "backslashreplace").unwrap(), b"a\xe9\xe9\\u20acb");
    }
}
