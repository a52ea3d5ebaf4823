//! `open()` and its file objects: `_io.TextIOWrapper` for text modes and
//! `_io.BufferedReader` / `BufferedWriter` / `BufferedRandom` for binary
//! ones, with CPython's mode rules, reprs, attributes and error messages.
//!
//! Model: one payload (`FileValue`) for all four classes; `text` is
//! `Some` for text files. The OS handle and its buffers are in
//! `object::file::FileState`, borrowed only for plain Rust work (decoding
//! is pure), never across a call into Python. A file is closed by
//! `close()`, by `with`, or when its object is freed (the state's `Drop`
//! flushes and closes).

use super::Vm;
use super::builtins_extra::{kwargs, set_builtin, set_type_method};
use crate::heap::{Kind, Obj};
use crate::object::file::{FileState, LineSep, Newline, TextSettings, translate_newlines};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyErr, PyResult};
use crate::text::codecs::Codec;
use std::cell::RefCell;
use std::io::SeekFrom;

pub(crate) fn install(vm: &mut Vm) {
    set_builtin(vm, "open", vm.new_builtin("open", builtin_open));
    let methods: &[(&'static str, NativeFn)] = &[
        ("read", f_read),
        ("readline", f_readline),
        ("readlines", f_readlines),
        ("write", f_write),
        ("writelines", f_writelines),
        ("seek", f_seek),
        ("tell", f_tell),
        ("truncate", f_truncate),
        ("flush", f_flush),
        ("close", f_close),
        ("fileno", f_fileno),
        ("isatty", f_isatty),
        ("readable", f_readable),
        ("writable", f_writable),
        ("seekable", f_seekable),
        ("__enter__", f_enter),
        ("__exit__", f_exit),
        ("__iter__", f_iter),
        ("__next__", f_next),
        ("__repr__", f_repr),
    ];
    let props: &[(&'static str, NativeFn)] = &[("closed", f_closed), ("name", f_name), ("mode", f_mode)];
    let text_props: &[(&'static str, NativeFn)] = &[("encoding", f_encoding), ("errors", f_errors), ("newlines", f_newlines)];
    let t = &vm.types;
    let all = [t.text_io_wrapper.clone(), t.buffered_reader.clone(), t.buffered_writer.clone(), t.buffered_random.clone()];
    for (i, ty) in all.iter().enumerate() {
        for &(name, f) in methods {
            set_type_method(vm, ty, name, f);
        }
        let with_text = if i == 0 { text_props } else { &[] };
        for &(name, f) in props.iter().chain(with_text) {
            let getter = vm.new_builtin(name, f);
            let p = Obj::new(
                DescrValue::Property { fget: Some(getter), fset: None, fdel: None, doc: None, name: RefCell::new(None) },
                &vm.types.property,
            );
            let key = vm.intern(name);
            vm.table_set_str(&ty.downcast::<TypeValue>().expect("type").dict, key, p);
        }
    }
}

/// What a mode string asks for.
struct Mode {
    read: bool,
    write: bool,
    append: bool,
    create: bool,
    plus: bool,
    binary: bool,
}

fn parse_mode(vm: &Vm, mode: &str) -> PyResult<Mode> {
    let mut m = Mode { read: false, write: false, append: false, create: false, plus: false, binary: false };
    let mut text = false;
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwaxbt+".contains(c) || seen.contains(c) {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        seen.push(c);
        match c {
            'r' => m.read = true,
            'w' => m.write = true,
            'a' => m.append = true,
            'x' => m.create = true,
            'b' => m.binary = true,
            't' => text = true,
            _ => m.plus = true,
        }
    }
    if text && m.binary {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let kinds = [m.read, m.write, m.append, m.create].iter().filter(|&&k| k).count();
    if kinds != 1 {
        let msg = if kinds == 0 {
            "Must have exactly one of create/read/write/append mode and at most one plus"
        } else {
            "must have exactly one of create/read/write/append mode"
        };
        return Err(vm.value_error(msg));
    }
    Ok(m)
}

impl Mode {
    /// `FileIO.mode` (what binary files report).
    fn binary_name(&self) -> &'static str {
        match (self.create, self.append, self.read || self.plus, self.plus) {
            (true, _, _, true) => "xb+",
            (true, _, _, false) => "xb",
            (_, true, _, true) => "ab+",
            (_, true, _, false) => "ab",
            (_, _, true, true) => "rb+",
            (_, _, true, false) => "rb",
            _ => "wb",
        }
    }
}

/// An optional str argument of open(): None or a str, else TypeError.
fn opt_str(vm: &Vm, name: &str, o: Option<&Obj>) -> PyResult<Option<String>> {
    match o {
        None => Ok(None),
        Some(o) if o.kind() == Kind::None => Ok(None),
        Some(o) => vm.str_param("open", name, o).map(Some),
    }
}

fn builtin_open(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let names = ["file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"];
    let (pos, kw) = kwargs(vm, "open", &a, &names)?;
    if pos.len() > names.len() {
        return Err(vm.type_error(format!("open() takes at most 8 arguments ({} given)", pos.len())));
    }
    let get = |i: usize| pos.get(i).cloned().or_else(|| kw[i].clone());
    let Some(file) = get(0) else { return Err(vm.type_error("open() missing required argument 'file' (pos 1)")) };
    let mode_text = match get(1) {
        Some(m) => vm.str_param("open", "mode", &m)?,
        None => "r".to_string(),
    };
    let buffering = match get(2) {
        Some(b) => match vm.small_int(&b) {
            Some(b) => b,
            None => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&b)))),
        },
        None => -1,
    };
    let encoding = opt_str(vm, "encoding", get(3).as_ref())?;
    let errors = opt_str(vm, "errors", get(4).as_ref())?;
    let newline = opt_str(vm, "newline", get(5).as_ref())?;
    let closefd = match get(6) {
        Some(c) => vm.truthy(&c)?,
        None => true,
    };
    if get(7).is_some_and(|o| o.kind() != Kind::None) {
        return Err(vm.err(&vm.types.exceptions.not_implemented_error.clone(), "open(): the opener argument is not supported"));
    }
    let path = match file.kind() {
        Kind::Str => vm.str_lossy(&file),
        Kind::Bytes => String::from_utf8_lossy(&vm.bytes_like(&file).expect("bytes")).into_owned(),
        Kind::Int | Kind::Bool => {
            return Err(vm.err(
                &vm.types.exceptions.not_implemented_error.clone(),
                "open(): opening a file descriptor is not supported",
            ));
        }
        _ => match vm.lookup_special(&file, "__fspath__") {
            Some(m) => {
                let p = vm.call_object(&m, &[file.clone()])?;
                match p.kind() {
                    Kind::Str => vm.str_lossy(&p),
                    Kind::Bytes => String::from_utf8_lossy(&vm.bytes_like(&p).expect("bytes")).into_owned(),
                    _ => return Err(vm.type_error("expected __fspath__() to return str or bytes")),
                }
            }
            None => {
                return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", vm.type_name(&file))));
            }
        },
    };
    let m = parse_mode(vm, &mode_text)?;
    if m.binary {
        for (given, what) in [(encoding.is_some(), "an encoding"), (errors.is_some(), "an errors"), (newline.is_some(), "a newline")] {
            if given {
                return Err(vm.value_error(format!("binary mode doesn't take {what} argument")));
            }
        }
    } else if buffering == 0 {
        return Err(vm.value_error("can't have unbuffered text I/O"));
    }
    if !closefd {
        return Err(vm.value_error("Cannot use closefd=False with file name"));
    }
    let newline = match newline.as_deref() {
        None => Newline::Universal,
        Some("") => Newline::UniversalRaw,
        Some("\n") => Newline::Only(LineSep::Lf),
        Some("\r") => Newline::Only(LineSep::Cr),
        Some("\r\n") => Newline::Only(LineSep::CrLf),
        Some(other) => return Err(vm.value_error(format!("illegal newline value: {other}"))),
    };
    let text = if m.binary {
        None
    } else {
        let codec = vm.lookup_codec(encoding.as_deref().unwrap_or("utf-8"))?;
        if !codec.ascii_compatible() {
            return Err(vm.err(
                &vm.types.exceptions.not_implemented_error.clone(),
                format!("open(): text files in {} are not supported", codec.name()),
            ));
        }
        Some(TextSettings {
            codec,
            encoding: encoding.unwrap_or_else(|| "UTF-8".to_string()).into(),
            errors: errors.unwrap_or_else(|| "strict".to_string()).into(),
            newline,
            line_buffering: buffering == 1,
        })
    };
    let mut opts = std::fs::OpenOptions::new();
    opts.read(m.read || m.plus).write(m.write || m.create || m.plus).append(m.append);
    if m.write {
        opts.create(true).truncate(true);
    }
    if m.append {
        opts.create(true);
    }
    if m.create {
        opts.create_new(true);
    }
    let handle = opts.open(&path).map_err(|e| vm.io_error(&e, Some(&file)))?;
    if handle.metadata().is_ok_and(|md| md.is_dir()) {
        return Err(vm.new_os_error(21, "Is a directory", Some(file)));
    }
    let readable = m.read || m.plus;
    let writable = m.write || m.append || m.create || m.plus;
    let ty = match (&text, m.plus, m.read) {
        (Some(_), _, _) => vm.types.text_io_wrapper.clone(),
        (None, true, _) => vm.types.buffered_random.clone(),
        (None, false, true) => vm.types.buffered_reader.clone(),
        (None, false, false) => vm.types.buffered_writer.clone(),
    };
    let mode_attr = if m.binary { m.binary_name().to_string() } else { mode_text };
    let value = FileValue { name: file, mode: mode_attr.into(), text, io: crate::object::file::register(FileState::new(handle, readable, writable)) };
    Ok(Obj::new(value, &ty))
}

/// The file object a method was called on.
fn this<'a>(vm: &Vm, a: &'a CallArgs<'_>, name: &str) -> PyResult<&'a FileValue> {
    a.args
        .first()
        .and_then(|o| o.downcast::<FileValue>())
        .ok_or_else(|| vm.type_error(format!("descriptor '{name}' for '_io._IOBase' objects doesn't apply")))
}

/// CPython's message for an operation on a closed file, which differs
/// between the text and binary classes and between operations.
fn closed_error(vm: &Vm, f: &FileValue, op: &str) -> PyErr {
    let msg = match (f.text.is_some(), op) {
        (_, "fileno" | "isatty" | "readable" | "writable" | "seekable") => "I/O operation on closed file",
        (false, "read") => "read of closed file",
        (false, "readline" | "__next__") => "readline of closed file",
        (false, "write") => "write to closed file",
        (false, "seek") => "seek of closed file",
        (false, "flush") => "flush of closed file",
        (false, "tell" | "truncate") => "I/O operation on closed file",
        _ => "I/O operation on closed file.",
    };
    vm.value_error(msg)
}

fn check_open(vm: &Vm, f: &FileValue, op: &str) -> PyResult<()> {
    if f.io.borrow().is_closed() { Err(closed_error(vm, f, op)) } else { Ok(()) }
}

fn unsupported(vm: &Vm, msg: &str) -> PyErr {
    vm.err(&vm.types.exceptions.unsupported_operation, msg)
}

fn check_readable(vm: &Vm, f: &FileValue, op: &str) -> PyResult<()> {
    if f.text.is_none() && !f.io.borrow().readable {
        return Err(unsupported(vm, "read"));
    }
    check_open(vm, f, op)?;
    if !f.io.borrow().readable {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

fn check_writable(vm: &Vm, f: &FileValue, op: &str) -> PyResult<()> {
    if f.text.is_none() && !f.io.borrow().writable {
        return Err(unsupported(vm, "write"));
    }
    check_open(vm, f, op)?;
    if !f.io.borrow().writable {
        return Err(unsupported(vm, "not writable"));
    }
    Ok(())
}

/// A size argument: None or a negative int mean "everything".
fn size_arg(vm: &mut Vm, o: Option<&Obj>) -> PyResult<Option<usize>> {
    match o {
        None => Ok(None),
        Some(o) if o.kind() == Kind::None => Ok(None),
        Some(o) => {
            let v = vm.index_value(o)?;
            Ok(num_traits::ToPrimitive::to_i64(&v).filter(|&v| v >= 0).map(|v| v as usize))
        }
    }
}

impl Vm {
    /// Raw bytes read from a text file, newline-translated and decoded.
    fn decode_text(&self, f: &FileValue, raw: &[u8]) -> PyResult<Obj> {
        let t = f.text.as_ref().expect("a text file");
        let translated = translate_newlines(raw, t.newline);
        let text = self.decode_with(t.codec, &translated, None, &t.errors)?;
        Ok(self.new_str_wtf8(text))
    }

    /// The next line of a file (empty at the end), text or bytes.
    fn file_readline(&mut self, f: &FileValue, limit: Option<usize>) -> PyResult<Obj> {
        let newline = f.text.as_ref().map(|t| t.newline);
        let raw = f.io.borrow_mut().read_line(newline, limit).map_err(|e| self.io_error(&e, None))?;
        match f.text {
            Some(_) => self.decode_text(f, &raw),
            None => Ok(self.new_bytes(raw)),
        }
    }
}

/// The length in bytes of `n` characters at the start of `buf` (a `\r\n`
/// pair counting as one character in universal-newline mode).
fn text_prefix_len(buf: &[u8], n: usize, codec: Codec, newline: Newline) -> usize {
    let (mut i, mut chars) = (0, 0);
    while chars < n && i < buf.len() {
        let b = buf[i];
        let mut len = match (codec, b) {
            (Codec::Utf8, 0xC2..=0xDF) => 2,
            (Codec::Utf8, 0xE0..=0xEF) => 3,
            (Codec::Utf8, 0xF0..=0xF4) => 4,
            _ => 1,
        };
        if newline == Newline::Universal && b == b'\r' && buf.get(i + 1) == Some(&b'\n') {
            len = 2;
        }
        i = (i + len).min(buf.len());
        chars += 1;
    }
    i
}

fn f_read(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "read")?;
    let args = vm.positional("read", &a, 1, 2)?;
    check_readable(vm, f, "read")?;
    let n = size_arg(vm, args.get(1))?;
    let Some(t) = &f.text else {
        let data = f.io.borrow_mut().read(n).map_err(|e| vm.io_error(&e, None))?;
        return Ok(vm.new_bytes(data));
    };
    let raw = match n {
        None => f.io.borrow_mut().read(None).map_err(|e| vm.io_error(&e, None))?,
        Some(n) => {
            let mut io = f.io.borrow_mut();
            io.fill_to(n.saturating_mul(4).saturating_add(1)).map_err(|e| vm.io_error(&e, None))?;
            let take = text_prefix_len(io.buffered(), n, t.codec, t.newline);
            let raw = io.buffered()[..take].to_vec();
            io.consume(take);
            raw
        }
    };
    vm.decode_text(f, &raw)
}

fn f_readline(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "readline")?;
    let args = vm.positional("readline", &a, 1, 2)?;
    check_readable(vm, f, "readline")?;
    let limit = size_arg(vm, args.get(1))?;
    vm.file_readline(f, limit)
}

fn f_readlines(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "readlines")?;
    let args = vm.positional("readlines", &a, 1, 2)?;
    check_readable(vm, f, "readlines")?;
    let hint = size_arg(vm, args.get(1))?.filter(|&h| h > 0);
    let mut lines = Vec::new();
    let mut total = 0;
    loop {
        let line = vm.file_readline(f, None)?;
        let n = vm.len(&line)?;
        if n == 0 {
            break;
        }
        lines.push(line);
        total += n;
        if hint.is_some_and(|h| total >= h) {
            break;
        }
    }
    Ok(vm.new_list(lines))
}

impl Vm {
    /// Writes one str (text files) or bytes-like object; returns the
    /// count Python reports (characters or bytes).
    fn file_write(&mut self, f: &FileValue, data: &Obj) -> PyResult<usize> {
        let Some(t) = &f.text else {
            let Some(bytes) = self.bytes_like(data) else {
                return Err(self.type_error(format!("a bytes-like object is required, not '{}'", self.type_name(data))));
            };
            f.io.borrow_mut().write(&bytes).map_err(|e| self.io_error(&e, None))?;
            return Ok(bytes.len());
        };
        let Some(s) = data.downcast::<StrValue>() else {
            return Err(self.type_error(format!("write() argument must be str, not {}", self.type_name(data))));
        };
        let mut encoded = self.encode_text(&s.text, data, t.codec.name(), &t.errors)?;
        if let Newline::Only(sep) = t.newline {
            if sep != LineSep::Lf && encoded.contains(&b'\n') {
                let mut out = Vec::with_capacity(encoded.len() + 8);
                for b in encoded {
                    if b == b'\n' { out.extend_from_slice(sep.as_bytes()) } else { out.push(b) }
                }
                encoded = out;
            }
        }
        let mut io = f.io.borrow_mut();
        io.write(&encoded).map_err(|e| self.io_error(&e, None))?;
        if t.line_buffering && (encoded.contains(&b'\n') || encoded.contains(&b'\r')) {
            io.flush().map_err(|e| self.io_error(&e, None))?;
        }
        Ok(s.chars)
    }
}

fn f_write(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "write")?;
    let args = vm.positional("write", &a, 2, 2)?;
    check_writable(vm, f, "write")?;
    let n = vm.file_write(f, &args[1])?;
    Ok(vm.new_int(n as i64))
}

fn f_writelines(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "writelines")?;
    let args = vm.positional("writelines", &a, 2, 2)?;
    check_open(vm, f, "writelines")?;
    let lines = vm.iterate_to_vec(&args[1])?;
    check_writable(vm, f, "writelines")?;
    for line in &lines {
        vm.file_write(f, line)?;
    }
    Ok(vm.none())
}

fn f_seek(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "seek")?;
    let args = vm.positional("seek", &a, 2, 3)?;
    check_open(vm, f, "seek")?;
    let offset = vm.index_value(&args[1])?;
    let offset = num_traits::ToPrimitive::to_i64(&offset).ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))?;
    let whence = match args.get(2) {
        Some(w) => vm.small_int(w).ok_or_else(|| vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(w))))?,
        None => 0,
    };
    if f.text.is_some() {
        match whence {
            1 if offset != 0 => return Err(unsupported(vm, "can't do nonzero cur-relative seeks")),
            2 if offset != 0 => return Err(unsupported(vm, "can't do nonzero end-relative seeks")),
            0 if offset < 0 => return Err(vm.value_error(format!("negative seek position {offset}"))),
            0..=2 => {}
            _ => return Err(vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
        }
    }
    let pos = match whence {
        0 if offset < 0 => return Err(vm.new_os_error(22, "Invalid argument", None)),
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => return Err(vm.value_error(format!("whence value {whence} unsupported"))),
    };
    let p = f.io.borrow_mut().seek(pos).map_err(|e| vm.io_error(&e, None))?;
    Ok(vm.new_int(p as i64))
}

fn f_tell(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "tell")?;
    vm.positional("tell", &a, 1, 1)?;
    check_open(vm, f, "tell")?;
    let p = f.io.borrow_mut().tell().map_err(|e| vm.io_error(&e, None))?;
    Ok(vm.new_int(p as i64))
}

fn f_truncate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "truncate")?;
    let args = vm.positional("truncate", &a, 1, 2)?;
    check_writable(vm, f, "truncate")?;
    let size = match args.get(1).filter(|o| o.kind() != Kind::None) {
        Some(s) => {
            let v = vm.index_value(s)?;
            match num_traits::ToPrimitive::to_u64(&v) {
                Some(v) => Some(v),
                None => return Err(vm.new_os_error(22, "Invalid argument", None)),
            }
        }
        None => None,
    };
    let n = f.io.borrow_mut().truncate(size).map_err(|e| vm.io_error(&e, None))?;
    Ok(vm.new_int(n as i64))
}

fn f_flush(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "flush")?;
    check_open(vm, f, "flush")?;
    f.io.borrow_mut().flush().map_err(|e| vm.io_error(&e, None))?;
    Ok(vm.none())
}

fn f_close(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "close")?;
    if f.io.borrow().is_closed() {
        return Ok(vm.none());
    }
    f.io.borrow_mut().close().map_err(|e| vm.io_error(&e, None))?;
    Ok(vm.none())
}

fn f_fileno(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "fileno")?;
    check_open(vm, f, "fileno")?;
    let fd = f.io.borrow().fileno().unwrap_or(-1);
    Ok(vm.new_int(i64::from(fd)))
}

fn f_isatty(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "isatty")?;
    check_open(vm, f, "isatty")?;
    let tty = f.io.borrow().is_tty();
    Ok(vm.bool_obj(tty))
}

fn f_readable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "readable")?;
    check_open(vm, f, "readable")?;
    let r = f.io.borrow().readable;
    Ok(vm.bool_obj(r))
}

fn f_writable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "writable")?;
    check_open(vm, f, "writable")?;
    let w = f.io.borrow().writable;
    Ok(vm.bool_obj(w))
}

fn f_seekable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "seekable")?;
    check_open(vm, f, "seekable")?;
    Ok(vm.bool_obj(true))
}

fn f_enter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "__enter__")?;
    check_open(vm, f, "__enter__")?;
    Ok(a.args[0].clone())
}

fn f_exit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "__exit__")?;
    if !f.io.borrow().is_closed() {
        f.io.borrow_mut().close().map_err(|e| vm.io_error(&e, None))?;
    }
    Ok(vm.none())
}

fn f_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "__iter__")?;
    check_open(vm, f, "__iter__")?;
    Ok(a.args[0].clone())
}

fn f_next(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "__next__")?;
    check_readable(vm, f, "__next__")?;
    let line = vm.file_readline(f, None)?;
    if vm.len(&line)? == 0 {
        let none = vm.none();
        return Err(vm.stop_iteration(none));
    }
    Ok(line)
}

fn f_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "__repr__")?;
    let name = vm.repr(&f.name)?;
    let ty = vm.type_name(&a.args[0]);
    let s = match &f.text {
        Some(t) => format!("<{ty} name={name} mode='{}' encoding='{}'>", f.mode, t.encoding),
        None => format!("<{ty} name={name}>"),
    };
    Ok(vm.new_str(&s))
}

fn f_closed(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "closed")?;
    let c = f.io.borrow().is_closed();
    Ok(vm.bool_obj(c))
}

fn f_name(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    Ok(this(vm, &a, "name")?.name.clone())
}

fn f_mode(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "mode")?;
    Ok(vm.new_str(&f.mode))
}

fn f_encoding(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "encoding")?;
    let e = f.text.as_ref().map(|t| t.encoding.clone()).unwrap_or_default();
    Ok(vm.new_str(&e))
}

fn f_errors(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let f = this(vm, &a, "errors")?;
    let e = f.text.as_ref().map(|t| t.errors.clone()).unwrap_or_default();
    Ok(vm.new_str(&e))
}

fn f_newlines(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    this(vm, &a, "newlines")?;
    Err(vm.err(&vm.types.exceptions.not_implemented_error.clone(), "file.newlines is not supported"))
}
