//! Encoding and decoding from Python: `str.encode`, `bytes.decode`, and
//! the `UnicodeEncodeError` / `UnicodeDecodeError` objects with CPython's
//! attributes (`encoding`, `object`, `start`, `end`, `reason`) and
//! messages. The codecs themselves are pure (`text::codecs`).

use super::Vm;
use super::builtins_extra::set_type_method;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyErr, PyResult};
use crate::text::Wtf8Buf;
use crate::text::codecs::{self, Codec, CodecError, CodecFailure};

pub(crate) fn install(vm: &mut Vm) {
    let dec = vm.types.exceptions.unicode_decode_error.clone();
    let enc = vm.types.exceptions.unicode_encode_error.clone();
    set_type_method(vm, &dec, "__init__", unicode_error_init);
    set_type_method(vm, &enc, "__init__", unicode_error_init);
    set_type_method(vm, &dec, "__str__", unicode_decode_error_str);
    set_type_method(vm, &enc, "__str__", unicode_encode_error_str);
}

impl Vm {
    pub(crate) fn lookup_codec(&self, encoding: &str) -> PyResult<Codec> {
        Codec::lookup(encoding)
            .ok_or_else(|| self.err(&self.types.exceptions.lookup_error, format!("unknown encoding: {encoding}")))
    }

    /// `text.encode(encoding, errors)`; `source` is the str object, kept in
    /// the error as its `object` attribute.
    pub(crate) fn encode_text(&self, text: &Wtf8Buf, source: &Obj, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
        let codec = self.lookup_codec(encoding)?;
        codecs::encode(codec, text, errors).map_err(|f| self.codec_failure(f, codec, source, true))
    }

    /// `data.decode(encoding, errors)`; `source` (the bytes) goes into
    /// the error, or a new bytes object when `None`.
    pub(crate) fn decode_bytes(&self, data: &[u8], source: Option<&Obj>, encoding: &str, errors: &str) -> PyResult<Wtf8Buf> {
        let codec = self.lookup_codec(encoding)?;
        self.decode_with(codec, data, source, errors)
    }

    pub(crate) fn decode_with(&self, codec: Codec, data: &[u8], source: Option<&Obj>, errors: &str) -> PyResult<Wtf8Buf> {
        if codec == Codec::Utf8Sig {
            // CPython's utf-8-sig hands the bytes after the BOM to the
            // utf-8 codec, whose errors then count from there.
            let rest = data.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(data);
            let src = if rest.len() == data.len() { source } else { None };
            return self.decode_with(Codec::Utf8, rest, src, errors);
        }
        codecs::decode(codec, data, errors).map_err(|f| {
            let src = source.cloned().unwrap_or_else(|| self.new_bytes(data.to_vec()));
            self.codec_failure(f, codec, &src, false)
        })
    }

    fn codec_failure(&self, f: CodecFailure, codec: Codec, source: &Obj, encoding: bool) -> PyErr {
        match f {
            CodecFailure::UnknownHandler(name) => {
                self.err(&self.types.exceptions.lookup_error, format!("unknown error handler name '{name}'"))
            }
            CodecFailure::Error(CodecError { start, end, reason }) => {
                let t = if encoding {
                    &self.types.exceptions.unicode_encode_error
                } else {
                    &self.types.exceptions.unicode_decode_error
                };
                let args = vec![
                    self.new_str(codec.name()),
                    source.clone(),
                    self.new_int(start as i64),
                    self.new_int(end as i64),
                    self.new_str(reason),
                ];
                let exc = self.new_exception(t, args.clone());
                self.set_unicode_error_attrs(&exc, &args);
                PyErr(exc)
            }
        }
    }

    fn set_unicode_error_attrs(&self, exc: &Obj, args: &[Obj]) {
        let Some(e) = exc.downcast::<ExceptionValue>() else { return };
        let d = e.dict.borrow().clone().unwrap_or_else(|| self.new_dict());
        for (name, v) in ["encoding", "object", "start", "end", "reason"].iter().zip(args) {
            let key = self.new_str(name);
            self.table_set_str(&d.downcast::<DictValue>().expect("dict").0, key, v.clone());
        }
        *e.dict.borrow_mut() = Some(d);
    }

    /// An attribute from an exception's `__dict__`, if set.
    pub(crate) fn exception_attr(&mut self, exc: &Obj, name: &str) -> Option<Obj> {
        let d = exc.downcast::<ExceptionValue>()?.dict.borrow().clone()?;
        let key = self.intern(name);
        self.dict_get(&d, &key).ok().flatten()
    }
}

fn unicode_error_init(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("UnicodeError", &a, 1, usize::MAX)?;
    let exc = &args[0];
    let is_decode = vm.isinstance(exc, &vm.types.exceptions.unicode_decode_error);
    let name = if is_decode { "UnicodeDecodeError" } else { "UnicodeEncodeError" };
    if args.len() != 6 {
        return Err(vm.type_error(format!("function takes exactly 5 arguments ({} given)", args.len() - 1)));
    }
    let checks: [(usize, Kind, &str); 5] =
        [(1, Kind::Str, "str"), (2, if is_decode { Kind::Bytes } else { Kind::Str }, ""), (3, Kind::Int, "int"), (4, Kind::Int, "int"), (5, Kind::Str, "str")];
    for (i, kind, tname) in checks {
        let ok = args[i].kind() == kind || (i == 2 && is_decode && vm.bytes_like(&args[i]).is_some());
        if !ok {
            let what = if tname.is_empty() { if is_decode { "a bytes-like object" } else { "str" } } else { tname };
            return Err(vm.type_error(format!("{name}() argument {i} must be {what}, not {}", vm.type_name(&args[i]))));
        }
    }
    if let Some(e) = exc.downcast::<ExceptionValue>() {
        *e.args.borrow_mut() = vm.new_tuple(args[1..].to_vec());
    }
    vm.set_unicode_error_attrs(exc, &args[1..]);
    Ok(vm.none())
}

/// The `(encoding, object, start, end, reason)` of a Unicode error.
fn unicode_error_parts(vm: &mut Vm, exc: &Obj) -> Option<(String, Obj, usize, usize, String)> {
    let enc = vm.exception_attr(exc, "encoding")?;
    let obj = vm.exception_attr(exc, "object")?;
    let start = vm.exception_attr(exc, "start")?;
    let end = vm.exception_attr(exc, "end")?;
    let reason = vm.exception_attr(exc, "reason")?;
    let (start, end) = (vm.small_int(&start)?.max(0) as usize, vm.small_int(&end)?.max(0) as usize);
    Some((vm.to_str(&enc).ok()?, obj, start, end, vm.to_str(&reason).ok()?))
}

fn unicode_decode_error_str(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let exc = vm.positional("__str__", &a, 1, 1)?[0].clone();
    let Some((enc, obj, start, end, reason)) = unicode_error_parts(vm, &exc) else { return Ok(vm.new_str("")) };
    let data = vm.bytes_like(&obj).unwrap_or_default();
    let msg = match data.get(start) {
        Some(b) if end == start + 1 => format!("'{enc}' codec can't decode byte 0x{b:02x} in position {start}: {reason}"),
        _ => format!("'{enc}' codec can't decode bytes in position {start}-{}: {reason}", end.saturating_sub(1)),
    };
    Ok(vm.new_str(&msg))
}

fn unicode_encode_error_str(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let exc = vm.positional("__str__", &a, 1, 1)?[0].clone();
    let Some((enc, obj, start, end, reason)) = unicode_error_parts(vm, &exc) else { return Ok(vm.new_str("")) };
    let cp = vm.str_text(&obj).and_then(|t| t.code_points().nth(start));
    let msg = match cp {
        Some(cp) if end == start + 1 => {
            let esc = if cp < 0x100 {
                format!("\\x{cp:02x}")
            } else if cp < 0x10000 {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            format!("'{enc}' codec can't encode character '{esc}' in position {start}: {reason}")
        }
        _ => format!("'{enc}' codec can't encode characters in position {start}-{}: {reason}", end.saturating_sub(1)),
    };
    Ok(vm.new_str(&msg))
}

/// `encoding` and `errors` of `str.encode` / `bytes.decode`, by position
/// or keyword, with CPython's type errors.
pub(crate) fn codec_args(vm: &Vm, a: &CallArgs<'_>, method: &str) -> PyResult<(String, String)> {
    let (pos, kw) = super::builtins_extra::kwargs(vm, method, a, &["encoding", "errors"])?;
    if pos.len() > 3 {
        return Err(vm.type_error(format!("{method}() takes at most 2 arguments ({} given)", pos.len() - 1)));
    }
    let get = |i: usize| pos.get(i + 1).cloned().or_else(|| kw[i].clone());
    let mut out = ["utf-8".to_string(), "strict".to_string()];
    for (i, name) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = get(i) {
            out[i] = match v.downcast::<StrValue>() {
                Some(s) => s.text.to_string_lossy(),
                None => {
                    return Err(vm.type_error(format!("{method}() argument '{name}' must be str, not {}", vm.type_name(&v))));
                }
            };
        }
    }
    let [enc, err] = out;
    Ok((enc, err))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub(crate) fn str_encode(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let Some(s) = a.args.first().filter(|s| s.kind() == Kind::Str) else {
        return Err(vm.descriptor_mismatch("encode", "str", a.args.first()));
    };
    let (enc, err) = codec_args(vm, &a, "encode")?;
    let text = vm.str_text(s).expect("str").clone();
    let data = vm.encode_text(&text, s, &enc, &err)?;
    Ok(vm.new_bytes(data))
}

/// `bytes.decode(encoding='utf-8', errors='strict')`.
pub(crate) fn bytes_decode(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, data) = super::bytes::receiver(vm, &a, "decode")?;
    let (enc, err) = codec_args(vm, &a, "decode")?;
    let src = if o.kind() == Kind::Bytes { Some(&o) } else { None };
    let text = vm.decode_bytes(&data, src, &enc, &err)?;
    Ok(vm.new_str_wtf8(text))
}

/// `str(object, encoding, errors)`: with an encoding or errors given, the
/// object must be bytes-like and is decoded.
pub(crate) fn str_from_encoded(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::builtins_extra::kwargs(vm, "str", &a, &["object", "encoding", "errors"])?;
    if pos.len() > 4 {
        return Err(vm.type_error(format!("str() takes at most 3 arguments ({} given)", pos.len() - 1)));
    }
    let get = |i: usize| pos.get(i + 1).cloned().or_else(|| kw[i].clone());
    let mut params = ["utf-8".to_string(), "strict".to_string()];
    for (i, name) in ["encoding", "errors"].iter().enumerate() {
        if let Some(v) = get(i + 1) {
            params[i] = vm.str_param("str", name, &v)?;
        }
    }
    let Some(object) = get(0) else { return Ok(vm.new_str("")) };
    if get(1).is_none() && get(2).is_none() {
        let s = vm.to_str(&object)?;
        return Ok(vm.new_str(&s));
    }
    let Some(data) = vm.bytes_like(&object) else {
        let msg = match object.kind() {
            Kind::Str => "decoding str is not supported".to_string(),
            _ => format!("decoding to str: need a bytes-like object, {} found", vm.type_name(&object)),
        };
        return Err(vm.type_error(msg));
    };
    let src = if object.kind() == Kind::Bytes { Some(&object) } else { None };
    let text = vm.decode_bytes(&data, src, &params[0], &params[1])?;
    Ok(vm.new_str_wtf8(text))
}
