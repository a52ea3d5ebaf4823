//! `bytes` and `bytearray`: construction, repr, and the sequence and
//! comparison protocols, as native dunders in each type's namespace.
//!
//! Model: both types share every read-only operation; a result takes the
//! receiver's kind (`bytes + bytearray` is bytes, `bytearray * 2` a
//! bytearray). Operands are read as "bytes-like": bytes, bytearray or a
//! memoryview (`Vm::bytes_like`), copied out before any call back into
//! Python, so a bytearray is never borrowed while Python code runs.
//! bytes objects are hashable (the str hash over the bytes, so ASCII
//! bytes hash like the equal str, as in CPython); bytearrays are not.

use super::Vm;
use super::builtins_extra::{kwargs, set_builtin, set_type_method};
use crate::bytecode::CmpOp;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyErr, PyResult};
use std::cell::{Cell, RefCell};

pub(crate) fn install(vm: &mut Vm) {
    let shared: &[(&'static str, NativeFn)] = &[
        ("__len__", bytes_len),
        ("__getitem__", bytes_getitem),
        ("__contains__", bytes_contains),
        ("__iter__", bytes_iter),
        ("__add__", bytes_add),
        ("__mul__", bytes_mul),
        ("__rmul__", bytes_mul),
        ("__mod__", bytes_mod),
        ("__eq__", bytes_eq),
        ("__ne__", bytes_ne),
        ("__lt__", bytes_lt),
        ("__le__", bytes_le),
        ("__gt__", bytes_gt),
        ("__ge__", bytes_ge),
        ("__repr__", bytes_repr),
    ];
    let bytes = vm.types.bytes.clone();
    let bytearray = vm.types.bytearray.clone();
    for t in [&bytes, &bytearray] {
        for &(name, f) in shared {
            set_type_method(vm, t, name, f);
        }
    }
    set_type_method(vm, &bytes, "__new__", bytes_new);
    set_type_method(vm, &bytes, "__hash__", bytes_hash);
    set_type_method(vm, &bytearray, "__new__", bytearray_new);
    let none = vm.none();
    let key = vm.intern("__hash__");
    vm.table_set_str(&bytearray.downcast::<TypeValue>().expect("type").dict, key, none);
    set_builtin(vm, "bytes", bytes);
    set_builtin(vm, "bytearray", bytearray);
    super::bytes_methods::install(vm);
    super::bytearray_methods::install(vm);
}

impl Vm {
    pub fn new_bytes(&self, data: Vec<u8>) -> Obj {
        Obj::new(BytesValue { data: data.into_boxed_slice(), hash: Cell::new(-1) }, &self.types.bytes)
    }

    pub fn new_bytearray(&self, data: Vec<u8>) -> Obj {
        Obj::new(ByteArrayValue(RefCell::new(data)), &self.types.bytearray)
    }

    /// A bytes or bytearray like `like` (its kind, not its subclass).
    pub(crate) fn bytes_result(&self, like: &Obj, data: Vec<u8>) -> Obj {
        if like.kind() == Kind::ByteArray { self.new_bytearray(data) } else { self.new_bytes(data) }
    }

    /// The contents of a bytes-like object (bytes, bytearray, memoryview).
    pub(crate) fn bytes_like(&self, o: &Obj) -> Option<Vec<u8>> {
        match o.kind() {
            Kind::Bytes => Some(o.downcast::<BytesValue>()?.data.to_vec()),
            Kind::ByteArray => Some(o.downcast::<ByteArrayValue>()?.0.borrow().clone()),
            Kind::MemoryView => self.memoryview_bytes(o),
            _ => None,
        }
    }

    /// `int(b"42", base)`: the bytes read as ASCII text; errors show the
    /// bytes' repr. `None` when `x` is not bytes or bytearray.
    pub(crate) fn int_from_bytes_literal(&self, x: &Obj, base: u32) -> Option<PyResult<Obj>> {
        if !matches!(x.kind(), Kind::Bytes | Kind::ByteArray) {
            return None;
        }
        let data = self.bytes_like(x)?;
        let text: String = data.iter().map(|&b| b as char).collect();
        Some(match crate::text::int_text::parse_int(&text, base) {
            Ok(v) if data.is_ascii() => Ok(self.new_bigint(v)),
            Err(e) if !e.message.starts_with("invalid literal") => Err(self.format_error(e)),
            _ => {
                let mut shown = String::new();
                crate::text::repr::repr_bytes(&data, &mut shown);
                Err(self.value_error(format!("invalid literal for int() with base {base}: {shown}")))
            }
        })
    }

    /// Room for `n` more bytes, or MemoryError (never an abort).
    pub(crate) fn reserve_bytes(&self, v: &mut Vec<u8>, n: usize) -> PyResult<()> {
        v.try_reserve_exact(n).map_err(|_| self.err(&self.types.exceptions.memory_error, ""))
    }

    /// `n` bytes of `fill`, or MemoryError.
    pub(crate) fn filled_bytes(&self, n: usize, fill: u8) -> PyResult<Vec<u8>> {
        let mut v = Vec::new();
        self.reserve_bytes(&mut v, n)?;
        v.resize(n, fill);
        Ok(v)
    }

    /// Byte `i` of a bytes, bytearray or memoryview (for iteration).
    pub(crate) fn byte_at(&self, o: &Obj, i: usize) -> Option<u8> {
        match o.kind() {
            Kind::Bytes => o.downcast::<BytesValue>()?.data.get(i).copied(),
            Kind::ByteArray => o.downcast::<ByteArrayValue>()?.0.borrow().get(i).copied(),
            Kind::MemoryView => {
                let m = o.downcast::<MemoryViewValue>()?;
                if i >= m.len || m.released.get() {
                    return None;
                }
                let pos = (m.start as isize + i as isize * m.step) as usize;
                self.byte_at(&m.base, pos)
            }
            _ => None,
        }
    }

    /// The contents of a bytes-like argument, else CPython's TypeError.
    pub(crate) fn bytes_arg(&self, o: &Obj) -> PyResult<Vec<u8>> {
        self.bytes_like(o)
            .ok_or_else(|| self.type_error(format!("a bytes-like object is required, not '{}'", self.type_name(o))))
    }

    pub(crate) fn bytes_repr_text(&self, o: &Obj) -> String {
        let data = self.bytes_like(o).unwrap_or_default();
        let mut out = String::new();
        if o.kind() == Kind::ByteArray {
            out.push_str(&self.type_name(o));
            out.push('(');
            bytearray_repr(&data, &mut out);
            out.push(')');
        } else {
            crate::text::repr::repr_bytes(&data, &mut out);
        }
        out
    }

    /// A byte value from an int-like object: CPython's messages for
    /// non-ints and out-of-range values.
    pub(crate) fn byte_value(&mut self, o: &Obj) -> PyResult<u8> {
        let v = match self.small_int(o) {
            Some(v) => Some(v),
            None if o.kind() == Kind::Int => None,
            None => match self.index_of(o)? {
                Some(i) => self.small_int(&i),
                None => {
                    return Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(o))));
                }
            },
        };
        match v {
            Some(v) if (0..256).contains(&v) => Ok(v as u8),
            _ => Err(self.value_error("byte must be in range(0, 256)")),
        }
    }

    /// The bytes `bytes(x)` / `bytearray(x)` make from one argument.
    fn bytes_from_object(&mut self, x: &Obj, what: &str) -> PyResult<Vec<u8>> {
        if let Some(d) = self.bytes_like(x) {
            return Ok(d);
        }
        if x.kind() == Kind::Str {
            return Err(self.type_error("string argument without an encoding"));
        }
        if what == "bytes" && x.kind() == Kind::Instance {
            if let Some(m) = self.lookup_special(x, "__bytes__") {
                let r = self.call_object(&m, &[x.clone()])?;
                return match r.downcast::<BytesValue>() {
                    Some(b) => Ok(b.data.to_vec()),
                    None => Err(self.type_error(format!("__bytes__ returned non-bytes (type {})", self.type_name(&r)))),
                };
            }
        }
        let count = match x.kind() {
            Kind::Int | Kind::Bool => Some(x.clone()),
            Kind::Instance => self.index_of(x)?,
            _ => None,
        };
        if let Some(n) = count {
            return match self.small_int(&n) {
                Some(n) if n < 0 => Err(self.value_error("negative count")),
                Some(n) if n <= isize::MAX as i64 / 2 => self.filled_bytes(n as usize, 0),
                _ => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
            };
        }
        let it = match self.get_iter(x) {
            Ok(it) => it,
            Err(e) if self.isinstance(&e.0, &self.types.exceptions.type_error) => {
                return Err(self.type_error(format!("cannot convert '{}' object to {what}", self.type_name(x))));
            }
            Err(e) => return Err(e),
        };
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(self.byte_value(&v).map_err(|e| self.bytes_range_error(e))?);
        }
        Ok(out)
    }

    /// `bytes([300])` says "bytes must be in range(0, 256)".
    fn bytes_range_error(&self, e: PyErr) -> PyErr {
        if self.isinstance(&e.0, &self.types.exceptions.value_error) {
            return self.value_error("bytes must be in range(0, 256)");
        }
        e
    }

    /// The arguments of `bytes(...)` / `bytearray(...)` turned into bytes.
    fn construct_bytes(&mut self, a: &CallArgs<'_>, what: &str) -> PyResult<Vec<u8>> {
        let (pos, kw) = kwargs(self, what, a, &["source", "encoding", "errors"])?;
        let pos = &pos[1..];
        if pos.len() > 3 {
            return Err(self.type_error(format!("{what}() takes at most 3 arguments ({} given)", pos.len())));
        }
        let source = pos.first().cloned().or(kw[0].clone());
        let encoding = pos.get(1).cloned().or(kw[1].clone());
        let errors = pos.get(2).cloned().or(kw[2].clone());
        for (name, v) in [("encoding", &encoding), ("errors", &errors)] {
            if let Some(v) = v.as_ref().filter(|v| v.kind() != Kind::Str) {
                let t = if v.kind() == Kind::None { "None".to_string() } else { self.type_name(v) };
                return Err(self.type_error(format!("{what}() argument '{name}' must be str, not {t}")));
            }
        }
        let Some(source) = source else {
            if encoding.is_some() || errors.is_some() {
                let which = if encoding.is_some() { "encoding" } else { "errors" };
                return Err(self.type_error(format!("{which} without a string argument")));
            }
            return Ok(Vec::new());
        };
        if source.kind() == Kind::Str {
            let Some(encoding) = encoding else {
                return Err(self.type_error("string argument without an encoding"));
            };
            let text = self.str_text(&source).expect("str").clone();
            let enc = self.str_param(what, "encoding", &encoding)?;
            let err = match errors {
                Some(e) => self.str_param(what, "errors", &e)?,
                None => "strict".to_string(),
            };
            return self.encode_text(&text, &source, &enc, &err);
        }
        if encoding.is_some() || errors.is_some() {
            let which = if encoding.is_some() { "encoding" } else { "errors" };
            return Err(self.type_error(format!("{which} without a string argument")));
        }
        self.bytes_from_object(&source, what)
    }

    /// A str argument of a builtin, else CPython's TypeError.
    pub(crate) fn str_param(&self, func: &str, name: &str, o: &Obj) -> PyResult<String> {
        match o.downcast::<StrValue>() {
            Some(s) => Ok(s.text.to_string_lossy()),
            None => Err(self.type_error(format!("{func}() argument '{name}' must be str, not {}", self.type_name(o)))),
        }
    }
}

/// CPython's `bytearray_repr` quirk: `'` and `\\` are always escaped,
/// `"` never, whichever quote is chosen.
fn bytearray_repr(data: &[u8], out: &mut String) {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') { b'"' } else { b'\'' };
    crate::text::repr::bytes_literal(data, quote, b'\'', out);
}

fn new_of_kind(vm: &Vm, a: &CallArgs<'_>, kind: Kind, data: Vec<u8>) -> Obj {
    let cls = a.args.first().filter(|c| c.downcast::<TypeValue>().is_some_and(|t| t.instance_kind == kind));
    let default = if kind == Kind::Bytes { &vm.types.bytes } else { &vm.types.bytearray };
    let cls = cls.unwrap_or(default);
    if kind == Kind::Bytes {
        Obj::new(BytesValue { data: data.into_boxed_slice(), hash: Cell::new(-1) }, cls)
    } else {
        Obj::new(ByteArrayValue(RefCell::new(data)), cls)
    }
}

fn bytes_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let data = vm.construct_bytes(&a, "bytes")?;
    Ok(new_of_kind(vm, &a, Kind::Bytes, data))
}

fn bytearray_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let data = vm.construct_bytes(&a, "bytearray")?;
    Ok(new_of_kind(vm, &a, Kind::ByteArray, data))
}

/// The receiver of a bytes/bytearray dunder, copied.
pub(crate) fn receiver(vm: &Vm, a: &CallArgs<'_>, name: &str) -> PyResult<(Obj, Vec<u8>)> {
    let Some(o) = a.args.first().filter(|o| matches!(o.kind(), Kind::Bytes | Kind::ByteArray)) else {
        let got = a.args.first().map(|o| vm.type_name(o)).unwrap_or_else(|| "nothing".into());
        return Err(vm.type_error(format!("descriptor '{name}' for 'bytes' objects doesn't apply to a '{got}' object")));
    };
    Ok((o.clone(), vm.bytes_like(o).expect("bytes kind")))
}

fn one_arg<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str) -> PyResult<&'a Obj> {
    if !a.kwnames.is_empty() || a.args.len() != 2 {
        return Err(vm.type_error(format!("expected 1 argument, got {}", a.args.len().saturating_sub(1))));
    }
    let _ = name;
    Ok(&a.args[1])
}

/// The length of a bytes or bytearray without copying it (`__len__` and
/// indexing run in loops).
fn byte_len(o: &Obj) -> Option<usize> {
    match o.kind() {
        Kind::Bytes => Some(o.downcast::<BytesValue>()?.data.len()),
        Kind::ByteArray => Some(o.downcast::<ByteArrayValue>()?.0.borrow().len()),
        _ => None,
    }
}

fn bytes_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    match a.args.first().and_then(byte_len) {
        Some(n) => Ok(vm.new_int(n as i64)),
        None => Err(receiver(vm, &a, "__len__").err().unwrap_or_else(|| vm.type_error("__len__"))),
    }
}

fn bytes_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, _) = receiver(vm, &a, "__repr__")?;
    let s = vm.bytes_repr_text(&o);
    Ok(vm.new_str(&s))
}

fn bytes_hash(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, _) = receiver(vm, &a, "__hash__")?;
    let b = o.downcast::<BytesValue>().ok_or_else(|| vm.type_error("unhashable type: 'bytearray'"))?;
    if b.hash.get() == -1 {
        b.hash.set(super::values::bytes_hash(&b.data));
    }
    Ok(vm.new_int(b.hash.get()))
}

fn bytes_getitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let key = one_arg(vm, &a, "__getitem__")?;
    if key.kind() == Kind::Slice {
        let (o, d) = receiver(vm, &a, "__getitem__")?;
        let s = key.downcast::<SliceValue>().expect("slice");
        let idx = vm.slice_indices(s, d.len())?;
        return Ok(vm.bytes_result(&o, idx.into_iter().map(|i| d[i]).collect()));
    }
    let o = &a.args[0];
    let Some(len) = byte_len(o) else { return Err(receiver(vm, &a, "__getitem__").err().expect("not bytes")) };
    let what = if o.kind() == Kind::ByteArray { "bytearray" } else { "byte" };
    let i = vm.byte_index(key, len, what)?;
    match vm.byte_at(o, i) {
        Some(b) => Ok(vm.new_int(i64::from(b))),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

impl Vm {
    /// A non-negative index into a byte sequence of `len` items, with the
    /// messages of bytes (`what` = "byte") or bytearray.
    pub(crate) fn byte_index(&mut self, key: &Obj, len: usize, what: &str) -> PyResult<usize> {
        let k = match key.kind() {
            Kind::Int | Kind::Bool => Some(key.clone()),
            Kind::Instance => self.index_of(key)?,
            _ => None,
        };
        let Some(k) = k else {
            return Err(self.type_error(format!("{what} indices must be integers or slices, not {}", self.type_name(key))));
        };
        let Some(i) = self.small_int(&k) else {
            return Err(self.index_error("cannot fit 'int' into an index-sized integer"));
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.index_error(match what {
                "bytearray" => "bytearray index out of range",
                "memoryview" => "index out of bounds on dimension 1",
                _ => "index out of range",
            }));
        }
        Ok(j as usize)
    }
}

fn bytes_contains(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (_, d) = receiver(vm, &a, "__contains__")?;
    let x = one_arg(vm, &a, "__contains__")?;
    let found = match vm.bytes_like(x) {
        Some(n) => find(&d, &n, 0, d.len()).is_some(),
        None if !matches!(x.kind(), Kind::Int | Kind::Bool | Kind::Instance) => {
            return Err(vm.type_error(format!("a bytes-like object is required, not '{}'", vm.type_name(x))));
        }
        None => {
            let b = vm.byte_value(x)?;
            d.contains(&b)
        }
    };
    Ok(vm.bool_obj(found))
}

/// The first index of `needle` in `hay[start..end]`.
pub(crate) fn find(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() || needle.len() > end - start {
        return None;
    }
    (start..=end - needle.len()).find(|&i| &hay[i..i + needle.len()] == needle)
}

/// The last index of `needle` in `hay[start..end]`.
pub(crate) fn rfind(hay: &[u8], needle: &[u8], start: usize, end: usize) -> Option<usize> {
    if start > end || end > hay.len() || needle.len() > end - start {
        return None;
    }
    (start..=end - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

fn bytes_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, _) = receiver(vm, &a, "__iter__")?;
    Ok(Obj::new(IteratorValue::Seq { seq: o, index: Cell::new(0) }, &vm.types.iterator))
}

fn bytes_add(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, mut d) = receiver(vm, &a, "__add__")?;
    let x = one_arg(vm, &a, "__add__")?;
    match vm.bytes_like(x) {
        Some(more) => {
            d.extend_from_slice(&more);
            Ok(vm.bytes_result(&o, d))
        }
        None if vm.lookup_special(x, "__radd__").is_some() => Ok(vm.singletons.not_implemented.clone()),
        None => Err(vm.type_error(format!("can't concat {} to {}", vm.type_name(x), vm.type_name(&o)))),
    }
}

/// `data * n` with CPython's limits.
pub(crate) fn repeat_bytes(vm: &mut Vm, data: &[u8], n: &Obj) -> PyResult<Option<Vec<u8>>> {
    let n = match n.kind() {
        Kind::Int | Kind::Bool => n.clone(),
        Kind::Instance => match vm.index_of(n)? {
            Some(i) => i,
            None => return Ok(None),
        },
        _ => return Ok(None),
    };
    let count = match vm.small_int(&n) {
        Some(c) => c.max(0) as usize,
        None => return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    };
    if data.len().checked_mul(count).is_none_or(|t| t > isize::MAX as usize / 4) {
        return Err(vm.err(&vm.types.exceptions.memory_error.clone(), ""));
    }
    let mut out = vm.filled_bytes(0, 0)?;
    vm.reserve_bytes(&mut out, data.len() * count)?;
    for _ in 0..count {
        out.extend_from_slice(data);
    }
    Ok(Some(out))
}

fn bytes_mul(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, d) = receiver(vm, &a, "__mul__")?;
    let n = one_arg(vm, &a, "__mul__")?;
    match repeat_bytes(vm, &d, n)? {
        Some(r) => Ok(vm.bytes_result(&o, r)),
        None if vm.lookup_special(n, "__rmul__").is_some() && n.kind() != Kind::Float => {
            Ok(vm.singletons.not_implemented.clone())
        }
        None => Err(vm.type_error(format!("can't multiply sequence by non-int of type '{}'", vm.type_name(n)))),
    }
}

fn bytes_mod(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (o, d) = receiver(vm, &a, "__mod__")?;
    let args = one_arg(vm, &a, "__mod__")?.clone();
    let out = vm.bytes_percent_format(&d, &args)?;
    Ok(vm.bytes_result(&o, out))
}

fn compare(vm: &mut Vm, a: CallArgs<'_>, op: CmpOp) -> PyResult<Obj> {
    let (_, d) = receiver(vm, &a, "__eq__")?;
    let x = one_arg(vm, &a, "__eq__")?;
    if x.kind() == Kind::MemoryView && !matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let Some(other) = vm.bytes_like(x) else { return Ok(vm.singletons.not_implemented.clone()) };
    let ord = d.cmp(&other);
    let r = match op {
        CmpOp::Eq => ord.is_eq(),
        CmpOp::Ne => ord.is_ne(),
        CmpOp::Lt => ord.is_lt(),
        CmpOp::Le => ord.is_le(),
        CmpOp::Gt => ord.is_gt(),
        CmpOp::Ge => ord.is_ge(),
    };
    Ok(vm.bool_obj(r))
}

fn bytes_eq(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Eq)
}
fn bytes_ne(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Ne)
}
fn bytes_lt(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Lt)
}
fn bytes_le(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Le)
}
fn bytes_gt(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Gt)
}
fn bytes_ge(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare(vm, a, CmpOp::Ge)
}
