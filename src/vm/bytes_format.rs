//! `bytes % args` (PEP 461) on the shared `%` engine (`text::printf`).
//!
//! Model: the format's bytes are read as Latin-1 code points, so every
//! byte is one code point and the engine's layout rules apply unchanged;
//! the result maps back one code point to one byte. Only the conversions
//! differ from `str % args`: `%s`/`%b` take bytes-like objects (or
//! `__bytes__`), `%r`/`%a` give `ascii()`, `%c` takes an int in
//! range(256) or a single byte. A `%b` is handed to the engine as `%s`.

use super::Vm;
use super::formatting::{Percent, PercentError};
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;
use crate::text::Wtf8Buf;
use crate::text::printf::{self, Conversion, PercentArg, PercentArgs};

struct BytesPercent<'a>(Percent<'a>);

fn latin1(data: &[u8]) -> Wtf8Buf {
    let mut t = Wtf8Buf::new();
    for &b in data {
        t.push_code_point(u32::from(b));
    }
    t
}

impl PercentArgs for BytesPercent<'_> {
    type Value = Obj;
    type Error = PercentError;

    fn tuple_len(&self) -> Option<usize> {
        self.0.tuple_len()
    }

    fn is_mapping(&self) -> bool {
        // Unlike str, bytes and bytearray operands are not mappings here.
        !matches!(self.0.args.kind(), Kind::Bytes | Kind::ByteArray) && self.0.is_mapping()
    }

    fn tuple_item(&mut self, i: usize) -> Obj {
        self.0.tuple_item(i)
    }

    fn whole(&mut self) -> Obj {
        self.0.whole()
    }

    fn get_item(&mut self, key: &Wtf8Buf) -> Result<Obj, PercentError> {
        // Keys of a bytes format are bytes.
        let key: Vec<u8> = key.code_points().map(|c| c as u8).collect();
        let k = self.0.vm.new_bytes(key);
        let args = self.0.args.clone();
        Ok(self.0.vm.get_item(&args, &k)?)
    }

    fn convert(&mut self, v: &Obj, how: Conversion) -> Result<PercentArg, PercentError> {
        let vm = &mut *self.0.vm;
        match how {
            Conversion::Str => {
                if let Some(d) = vm.bytes_like(v) {
                    return Ok(PercentArg::Str(latin1(&d)));
                }
                if let Some(m) = vm.lookup_special(v, "__bytes__") {
                    let r = vm.call_object(&m, &[v.clone()])?;
                    if let Some(b) = r.downcast::<BytesValue>() {
                        return Ok(PercentArg::Str(latin1(&b.data)));
                    }
                    return Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", vm.type_name(&r))).into());
                }
                Err(vm
                    .type_error(format!(
                        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                        vm.type_name(v)
                    ))
                    .into())
            }
            Conversion::Repr | Conversion::Ascii => Ok(PercentArg::Str(Wtf8Buf::from_str(&vm.ascii(v)?))),
            Conversion::Char => {
                if let Some(d) = vm.bytes_like(v) {
                    if d.len() == 1 {
                        return Ok(PercentArg::Int(d[0].into()));
                    }
                    return Err(vm.type_error("%c requires an integer in range(256) or a single byte").into());
                }
                match vm.index_value(v) {
                    Ok(i) if i >= 0.into() && i < 256.into() => Ok(PercentArg::Int(i)),
                    Ok(_) => Err(vm.overflow_error("%c arg not in range(256)").into()),
                    Err(_) => Err(vm.type_error("%c requires an integer in range(256) or a single byte").into()),
                }
            }
            how => self.0.convert(v, how),
        }
    }
}

/// The format with each `%b` directive turned into `%s`.
fn b_as_s(format: &[u8]) -> Vec<u8> {
    let mut out = format.to_vec();
    let mut i = 0;
    while i < out.len() {
        if out[i] != b'%' {
            i += 1;
            continue;
        }
        i += 1;
        if out.get(i) == Some(&b'(') {
            let mut depth = 1;
            i += 1;
            while i < out.len() && depth > 0 {
                match out[i] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
        }
        while i < out.len() && b"-+ #0123456789.*".contains(&out[i]) {
            i += 1;
        }
        if i < out.len() && out[i] == b'b' {
            out[i] = b's';
        }
        i += 1;
    }
    out
}

impl Vm {
    pub(crate) fn bytes_percent_format(&mut self, format: &[u8], args: &Obj) -> PyResult<Vec<u8>> {
        let text = latin1(&b_as_s(format));
        let mut source = BytesPercent(Percent { vm: self, args: args.clone() });
        match printf::percent_format(&text, &mut source, super::formatting::MAX_STR_DIGITS) {
            Ok(t) => {
                let mut out = Vec::new();
                for cp in t.code_points() {
                    if cp > 0xFF {
                        return Err(self.overflow_error("%c arg not in range(256)"));
                    }
                    out.push(cp as u8);
                }
                Ok(out)
            }
            Err(PercentError::Py(e)) => Err(e),
            Err(PercentError::Format(e)) => {
                let e = crate::text::format_spec::FormatError {
                    message: e.message.replace("string formatting", "bytes formatting"),
                    ..e
                };
                Err(self.format_error(e))
            }
        }
    }
}
