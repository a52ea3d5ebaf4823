//! Formatting on the object model: `format()` and the `__format__` of int,
//! float, str and object, the f-string instructions (`FormatValue`,
//! `BuildString`), `str % args`, `str.format`/`format_map`, and the
//! builtins `ascii`, `chr`, `ord`, `bin`, `oct`, `hex`.
//!
//! The text work is done by `crate::text` (`format_spec`, `printf`,
//! `int_text`); this file only answers its questions about objects and
//! turns its `FormatError`s into Python exceptions.

use super::Vm;
use crate::bytecode::format_flags as ff;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyErr, PyResult};
use crate::text::format_spec::{self, ErrorKind, FormatError};
use crate::text::int_text;
use crate::text::printf::{self, Conversion, PercentArg, PercentArgs};
use crate::text::Wtf8Buf;
use num_bigint::BigInt;

/// CPython's default `sys.get_int_max_str_digits()`.
pub(crate) const MAX_STR_DIGITS: usize = int_text::DEFAULT_MAX_STR_DIGITS;

/// Installs the formatting builtins and the `__format__` methods.
pub(crate) fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("format", builtin_format),
        ("ascii", builtin_ascii),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("bin", builtin_bin),
        ("oct", builtin_oct),
        ("hex", builtin_hex),
    ];
    let b = vm.builtins.clone();
    for &(name, f) in functions {
        let func = vm.new_builtin_function(name, f);
        let key = vm.intern(name);
        vm.table_set_str(&b.downcast::<DictValue>().expect("dict").0, key, func);
    }
    let methods: [(Obj, NativeFn); 4] = [
        (vm.types.int.clone(), int_format),
        (vm.types.float.clone(), float_format),
        (vm.types.str_.clone(), str_format_method),
        (vm.types.object.clone(), object_format),
    ];
    for (t, f) in methods {
        let func = vm.new_builtin("__format__", f);
        let key = vm.intern("__format__");
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, func);
    }
}

impl Vm {
    /// Raises a formatting error as the Python exception it names.
    pub(crate) fn format_error(&self, e: FormatError) -> PyErr {
        match e.kind {
            ErrorKind::ValueError => self.value_error(e.message),
            ErrorKind::TypeError => self.type_error(e.message),
            ErrorKind::OverflowError => self.overflow_error(e.message),
            ErrorKind::MemoryError => self.err(&self.types.exceptions.memory_error, e.message),
        }
    }

    /// `format(value, spec)`; `spec` is a str object.
    pub fn format_obj(&mut self, value: &Obj, spec: &Obj) -> PyResult<Obj> {
        let f = match self.lookup_special(value, "__format__") {
            Some(f) => f,
            None => return object_format(self, CallArgs::positional(&[value.clone(), spec.clone()])),
        };
        let r = self.call_object(&f, &[value.clone(), spec.clone()])?;
        if r.kind() != Kind::Str {
            return Err(self.type_error(format!("__format__ must return a str, not {}", self.type_name(&r))));
        }
        Ok(r)
    }

    /// `str(o)` as a str object (`o` itself when it is an exact str).
    pub(crate) fn str_obj(&mut self, o: &Obj) -> PyResult<Obj> {
        if o.has_type(&self.types.str_) {
            return Ok(o.clone());
        }
        let s = self.to_str(o)?;
        Ok(self.new_str(&s))
    }

    /// `ascii(o)`: the repr with non-ASCII code points escaped.
    pub fn ascii(&mut self, o: &Obj) -> PyResult<String> {
        let r = self.repr(o)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let cp = c as u32;
            if cp < 0x80 {
                out.push(c);
            } else if cp < 0x100 {
                out.push_str(&format!("\\x{cp:02x}"));
            } else if cp < 0x10000 {
                out.push_str(&format!("\\u{cp:04x}"));
            } else {
                out.push_str(&format!("\\U{cp:08x}"));
            }
        }
        Ok(out)
    }

    /// `FormatValue(flags)`: `[value] -> [str]` or `[value, spec] -> [str]`.
    pub(crate) fn exec_format_value(&mut self, flags: u32) -> PyResult<()> {
        let spec = if flags & ff::HAS_SPEC != 0 { Some(self.stack.pop()) } else { None };
        let value = self.stack.pop();
        let value = match flags & ff::CONVERSION_MASK {
            ff::STR => self.str_obj(&value)?,
            ff::REPR => {
                let s = self.repr(&value)?;
                self.new_str(&s)
            }
            ff::ASCII => {
                let s = self.ascii(&value)?;
                self.new_str(&s)
            }
            _ => value,
        };
        let r = match spec {
            None if value.has_type(&self.types.str_) => value,
            None => {
                let empty = self.new_str("");
                self.format_obj(&value, &empty)?
            }
            Some(spec) => self.format_obj(&value, &spec)?,
        };
        self.stack.push(r);
        Ok(())
    }

    /// `BuildString(n)`: `[s1..sn] -> [s]`.
    pub(crate) fn exec_build_string(&mut self, n: u32) {
        let parts = self.stack.split_off(self.stack.len() - n as usize);
        let mut text = Wtf8Buf::new();
        for p in &parts {
            if let Some(s) = p.downcast::<StrValue>() {
                text.push_wtf8(&s.text);
            }
        }
        let s = self.new_str_wtf8(text);
        self.stack.push(s);
    }

    /// `fmt % args` for a str `fmt`.
    pub(crate) fn percent_format(&mut self, fmt: &Obj, args: &Obj) -> PyResult<Obj> {
        let text = fmt.downcast::<StrValue>().expect("str").text.clone();
        let mut source = Percent { vm: self, args: args.clone() };
        match printf::percent_format(&text, &mut source, MAX_STR_DIGITS) {
            Ok(t) => Ok(self.new_str_wtf8(t)),
            Err(PercentError::Py(e)) => Err(e),
            Err(PercentError::Format(e)) => Err(self.format_error(e)),
        }
    }

    /// `operator.index(o)`.
    pub(crate) fn index_value(&mut self, o: &Obj) -> PyResult<BigInt> {
        if let Some(b) = self.big_int(o) {
            return Ok(b);
        }
        if let Some(m) = self.lookup_special(o, "__index__") {
            let r = self.call_object(&m, &[o.clone()])?;
            return match self.big_int(&r) {
                Some(b) => Ok(b),
                None => Err(self.type_error(format!("__index__ returned non-int (type {})", self.type_name(&r)))),
            };
        }
        Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", self.type_name(o))))
    }

    /// `int(o)` for a non-str `o` (`__int__`, then `__index__`, `__trunc__`).
    pub(crate) fn int_of(&mut self, o: &Obj) -> PyResult<Option<BigInt>> {
        if let Some(b) = self.big_int(o) {
            return Ok(Some(b));
        }
        if let Some(f) = o.downcast::<FloatValue>() {
            if f.0.is_nan() {
                return Err(self.value_error("cannot convert float NaN to integer"));
            }
            if f.0.is_infinite() {
                return Err(self.overflow_error("cannot convert float infinity to integer"));
            }
            use num_traits::FromPrimitive;
            return Ok(Some(BigInt::from_f64(f.0.trunc()).unwrap_or_default()));
        }
        for name in ["__int__", "__index__", "__trunc__"] {
            if let Some(m) = self.lookup_special(o, name) {
                let r = self.call_object(&m, &[o.clone()])?;
                return match self.big_int(&r) {
                    Some(b) => Ok(Some(b)),
                    None => Err(self.type_error(format!("{name} returned non-int (type {})", self.type_name(&r)))),
                };
            }
        }
        Ok(None)
    }

    /// `float(o)` for a non-str `o` (`__float__`, then `__index__`).
    pub(crate) fn float_of(&mut self, o: &Obj) -> PyResult<Option<f64>> {
        if let Some(f) = o.downcast::<FloatValue>() {
            return Ok(Some(f.0));
        }
        if let Some(b) = self.big_int(o) {
            return match num_traits::ToPrimitive::to_f64(&b).filter(|f| f.is_finite()) {
                Some(f) => Ok(Some(f)),
                None => Err(self.overflow_error("int too large to convert to float")),
            };
        }
        if let Some(m) = self.lookup_special(o, "__float__") {
            let r = self.call_object(&m, &[o.clone()])?;
            return match r.downcast::<FloatValue>() {
                Some(f) => Ok(Some(f.0)),
                None => Err(self.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    self.type_name(o),
                    self.type_name(&r)
                ))),
            };
        }
        if self.lookup_special(o, "__index__").is_some() {
            let b = self.index_value(o)?;
            return Ok(num_traits::ToPrimitive::to_f64(&b));
        }
        Ok(None)
    }
}

/// An error out of the `%` engine: a Python exception, or one of its own.
pub(crate) enum PercentError {
    Py(PyErr),
    Format(FormatError),
}

impl From<FormatError> for PercentError {
    fn from(e: FormatError) -> Self {
        PercentError::Format(e)
    }
}

impl From<PyErr> for PercentError {
    fn from(e: PyErr) -> Self {
        PercentError::Py(e)
    }
}

/// The right operand of `%`, as the engine sees it.
pub(crate) struct Percent<'a> {
    pub(crate) vm: &'a mut Vm,
    pub(crate) args: Obj,
}

impl Percent<'_> {
    fn number_like(&mut self, v: &Obj) -> bool {
        ["__index__", "__int__", "__float__"].iter().any(|n| self.vm.lookup_special(v, n).is_some())
    }

    fn wrong(&self, v: &Obj) -> PercentArg {
        PercentArg::Wrong(self.vm.type_name(v))
    }

    /// Runs `f`; a TypeError from it means "wrong type".
    fn or_wrong(&mut self, v: &Obj, r: PyResult<BigInt>) -> Result<PercentArg, PercentError> {
        match r {
            Ok(b) => Ok(PercentArg::Int(b)),
            Err(e) if self.vm.isinstance(&e.0, &self.vm.types.exceptions.type_error.clone()) => Ok(self.wrong(v)),
            Err(e) => Err(e.into()),
        }
    }
}

impl PercentArgs for Percent<'_> {
    type Value = Obj;
    type Error = PercentError;

    fn tuple_len(&self) -> Option<usize> {
        self.args.downcast::<TupleValue>().map(|t| t.0.len())
    }

    fn is_mapping(&self) -> bool {
        match self.args.kind() {
            Kind::Tuple | Kind::Str => false,
            Kind::Dict | Kind::List | Kind::Range => true,
            _ => {
                let key = self.vm.interned.get("__getitem__").cloned();
                key.is_some_and(|k| self.vm.lookup_type_attr(&self.args.type_obj(), &k).is_some())
            }
        }
    }

    fn tuple_item(&mut self, i: usize) -> Obj {
        self.args.downcast::<TupleValue>().expect("tuple").0[i].clone()
    }

    fn whole(&mut self) -> Obj {
        self.args.clone()
    }

    fn get_item(&mut self, key: &Wtf8Buf) -> Result<Obj, PercentError> {
        let k = self.vm.new_str_wtf8(key.clone());
        let args = self.args.clone();
        Ok(self.vm.get_item(&args, &k)?)
    }

    fn convert(&mut self, v: &Obj, how: Conversion) -> Result<PercentArg, PercentError> {
        Ok(match how {
            Conversion::Str => {
                let s = self.vm.str_obj(v)?;
                PercentArg::Str(s.downcast::<StrValue>().expect("str").text.clone())
            }
            Conversion::Repr => PercentArg::Str(Wtf8Buf::from_str(&self.vm.repr(v)?)),
            Conversion::Ascii => PercentArg::Str(Wtf8Buf::from_str(&self.vm.ascii(v)?)),
            Conversion::StarInt => match self.vm.big_int(v) {
                Some(b) => PercentArg::Int(b),
                None => self.wrong(v),
            },
            Conversion::Int => {
                if let Some(b) = self.vm.big_int(v) {
                    return Ok(PercentArg::Int(b));
                }
                if v.kind() != Kind::Float && !self.number_like(v) {
                    return Ok(self.wrong(v));
                }
                let r = self.vm.int_of(v).and_then(|b| b.ok_or_else(|| self.vm.type_error("not a number")));
                return self.or_wrong(v, r);
            }
            Conversion::Index => {
                if let Some(b) = self.vm.big_int(v) {
                    return Ok(PercentArg::Int(b));
                }
                if self.vm.lookup_special(v, "__index__").is_none() {
                    return Ok(self.wrong(v));
                }
                PercentArg::Int(self.vm.index_value(v)?)
            }
            Conversion::Float => {
                if let Some(f) = v.downcast::<FloatValue>() {
                    return Ok(PercentArg::Float(f.0));
                }
                if let Some(b) = self.vm.big_int(v) {
                    return Ok(PercentArg::Int(b));
                }
                if self.vm.lookup_special(v, "__float__").is_some() {
                    return Ok(match self.vm.float_of(v)? {
                        Some(f) => PercentArg::Float(f),
                        None => self.wrong(v),
                    });
                }
                if self.vm.lookup_special(v, "__index__").is_some() {
                    return Ok(PercentArg::Int(self.vm.index_value(v)?));
                }
                self.wrong(v)
            }
            Conversion::Char => {
                if let Some(s) = v.downcast::<StrValue>() {
                    return Ok(PercentArg::Str(s.text.clone()));
                }
                let r = self.vm.index_value(v);
                return self.or_wrong(v, r);
            }
        })
    }
}

/// The `spec` argument of a `__format__` method, which must be a str.
fn spec_arg<'a>(vm: &Vm, a: &CallArgs<'a>) -> PyResult<(&'a Obj, &'a Wtf8Buf)> {
    let args = vm.positional("__format__", a, 2, 2)?;
    match args[1].downcast::<StrValue>() {
        Some(s) => Ok((&args[0], &s.text)),
        None => Err(vm.type_error(format!("__format__() argument must be str, not {}", vm.type_name(&args[1])))),
    }
}

fn int_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (x, spec) = spec_arg(vm, &a)?;
    if spec.is_empty() {
        return vm.str_obj(x);
    }
    let Some(b) = vm.big_int(x) else { return Err(vm.type_error("descriptor '__format__' requires a 'int' object")) };
    let name = vm.type_name(x);
    let r = format_spec::format_int_wtf8(&b, spec, &name, MAX_STR_DIGITS).map_err(|e| vm.format_error(e))?;
    Ok(vm.new_str_wtf8(r))
}

fn float_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (x, spec) = spec_arg(vm, &a)?;
    if spec.is_empty() {
        return vm.str_obj(x);
    }
    let Some(f) = x.downcast::<FloatValue>() else {
        return Err(vm.type_error("descriptor '__format__' requires a 'float' object"));
    };
    let name = vm.type_name(x);
    let r = format_spec::format_float_wtf8(f.0, spec, &name).map_err(|e| vm.format_error(e))?;
    Ok(vm.new_str_wtf8(r))
}

fn str_format_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (x, spec) = spec_arg(vm, &a)?;
    let Some(s) = x.downcast::<StrValue>() else {
        return Err(vm.type_error("descriptor '__format__' requires a 'str' object"));
    };
    if spec.is_empty() {
        return Ok(vm.new_str_wtf8(s.text.clone()));
    }
    let name = vm.type_name(x);
    let r = format_spec::format_str_wtf8(&s.text, spec, &name).map_err(|e| vm.format_error(e))?;
    Ok(vm.new_str_wtf8(r))
}

fn object_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (x, spec) = spec_arg(vm, &a)?;
    if !spec.is_empty() {
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", vm.type_name(x))));
    }
    vm.str_obj(x)
}

fn builtin_format(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("format", &a, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) if s.kind() == Kind::Str => s.clone(),
        Some(s) => {
            return Err(vm.type_error(format!("format() argument 2 must be str, not {}", vm.type_name(s))));
        }
        None => vm.new_str(""),
    };
    vm.format_obj(&args[0], &spec)
}

fn builtin_ascii(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("ascii", &a, 1, 1)?;
    let s = vm.ascii(&args[0])?;
    Ok(vm.new_str(&s))
}

fn builtin_chr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("chr", &a, 1, 1)?;
    if args[0].kind() == Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let b = vm.index_value(&args[0])?;
    match num_traits::ToPrimitive::to_i64(&b) {
        Some(cp @ 0..=0x10FFFF) => Ok(vm.char_str(cp as u32)),
        Some(_) => Err(vm.value_error("chr() arg not in range(0x110000)")),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn builtin_ord(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("ord", &a, 1, 1)?;
    let Some(s) = args[0].downcast::<StrValue>() else {
        return Err(vm.type_error(format!("ord() expected string of length 1, but {} found", vm.type_name(&args[0]))));
    };
    if s.chars != 1 {
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", s.chars)));
    }
    let cp = s.text.code_points().next().unwrap_or(0);
    Ok(vm.new_int(cp as i64))
}

fn int_in_base(vm: &mut Vm, a: CallArgs<'_>, name: &str, base: u32) -> PyResult<Obj> {
    let args = vm.positional(name, &a, 1, 1)?;
    let b = vm.index_value(&args[0])?;
    Ok(vm.new_str(&int_text::int_to_string(&b, base)))
}

fn builtin_bin(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    int_in_base(vm, a, "bin", 2)
}

fn builtin_oct(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    int_in_base(vm, a, "oct", 8)
}

fn builtin_hex(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    int_in_base(vm, a, "hex", 16)
}

/// `str.format(*args, **kwargs)` and `str.format_map(mapping)`: the
/// replacement-field grammar of `Objects/stringlib/unicode_format.h`.
pub(crate) struct FormatCall<'a> {
    pub args: &'a [Obj],
    /// Keyword arguments (`format`) or the mapping (`format_map`).
    pub kwargs: Kwargs<'a>,
    /// `Some(next)` once automatic numbering is in use, `None` before;
    /// `manual` once an explicit index was used.
    auto: Option<usize>,
    manual: bool,
}

pub(crate) enum Kwargs<'a> {
    Pairs(&'a [Obj], &'a [Obj]),
    Mapping(&'a Obj),
}

impl<'a> FormatCall<'a> {
    pub fn new(args: &'a [Obj], kwargs: Kwargs<'a>) -> Self {
        FormatCall { args, kwargs, auto: None, manual: false }
    }
}

impl Vm {
    /// Renders `fmt` (code points) with `call`'s arguments.
    pub(crate) fn str_format(&mut self, fmt: &[u32], call: &mut FormatCall<'_>, depth: u32) -> PyResult<Wtf8Buf> {
        if depth == 0 {
            return Err(self.value_error("Max string recursion exceeded"));
        }
        let mut out = Wtf8Buf::new();
        let mut i = 0;
        let n = fmt.len();
        while i < n {
            let c = fmt[i];
            if c == '}' as u32 {
                if i + 1 < n && fmt[i + 1] == '}' as u32 {
                    out.push_char('}');
                    i += 2;
                    continue;
                }
                return Err(self.value_error("Single '}' encountered in format string"));
            }
            if c != '{' as u32 {
                out.push_code_point(c);
                i += 1;
                continue;
            }
            if i + 1 < n && fmt[i + 1] == '{' as u32 {
                out.push_char('{');
                i += 2;
                continue;
            }
            // Find the matching '}'.
            let start = i + 1;
            let mut level = 1;
            let mut j = start;
            while j < n {
                if fmt[j] == '{' as u32 {
                    level += 1;
                } else if fmt[j] == '}' as u32 {
                    level -= 1;
                    if level == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= n {
                return Err(self.value_error(if level > 1 {
                    "expected '}' before end of string"
                } else {
                    "Single '{' encountered in format string"
                }));
            }
            let field = &fmt[start..j];
            let text = self.format_field(field, call, depth)?;
            out.push_wtf8(&text);
            i = j + 1;
        }
        Ok(out)
    }

    fn format_field(&mut self, field: &[u32], call: &mut FormatCall<'_>, depth: u32) -> PyResult<Wtf8Buf> {
        // The field name ends at ':' or '!' outside brackets.
        let mut k = 0;
        while k < field.len() {
            let c = field[k];
            if c == '[' as u32 {
                while k < field.len() && field[k] != ']' as u32 {
                    k += 1;
                }
                continue;
            }
            if c == '{' as u32 {
                return Err(self.value_error("unexpected '{' in field name"));
            }
            if c == ':' as u32 || c == '!' as u32 {
                break;
            }
            k += 1;
        }
        let name = &field[..k];
        let mut conversion = None;
        let mut spec: &[u32] = &[];
        if k < field.len() && field[k] == '!' as u32 {
            if k + 1 >= field.len() {
                return Err(self.value_error("end of string while looking for conversion specifier"));
            }
            conversion = Some(field[k + 1]);
            let rest = &field[k + 2..];
            if !rest.is_empty() {
                if rest[0] != ':' as u32 {
                    return Err(self.value_error("expected ':' after conversion specifier"));
                }
                spec = &rest[1..];
            }
        } else if k < field.len() {
            spec = &field[k + 1..];
        }
        let value = self.field_value(name, call)?;
        let value = match conversion {
            None => value,
            Some(c) if c == 's' as u32 => self.str_obj(&value)?,
            Some(c) if c == 'r' as u32 => {
                let s = self.repr(&value)?;
                self.new_str(&s)
            }
            Some(c) if c == 'a' as u32 => {
                let s = self.ascii(&value)?;
                self.new_str(&s)
            }
            Some(c) => {
                let ch = char::from_u32(c).unwrap_or('\u{FFFD}');
                return Err(self.value_error(format!("Unknown conversion specifier {ch}")));
            }
        };
        let spec = if spec.contains(&('{' as u32)) { self.str_format(spec, call, depth - 1)? } else { from_cps(spec) };
        let spec = self.new_str_wtf8(spec);
        let r = self.format_obj(&value, &spec)?;
        Ok(r.downcast::<StrValue>().expect("str").text.clone())
    }

    fn field_value(&mut self, name: &[u32], call: &mut FormatCall<'_>) -> PyResult<Obj> {
        let first_end = name.iter().position(|&c| c == '.' as u32 || c == '[' as u32).unwrap_or(name.len());
        let first = &name[..first_end];
        let mut obj = if first.is_empty() || first.iter().all(|&c| (b'0' as u32..=b'9' as u32).contains(&c)) {
            let index = if first.is_empty() {
                if call.manual {
                    return Err(self.value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                let next = call.auto.unwrap_or(0);
                call.auto = Some(next + 1);
                next
            } else {
                if call.auto.is_some() {
                    return Err(self.value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                call.manual = true;
                let digits: String = first.iter().filter_map(|&c| char::from_u32(c)).collect();
                digits.parse::<usize>().unwrap_or(usize::MAX)
            };
            if let Kwargs::Mapping(_) = call.kwargs {
                if call.args.is_empty() {
                    return Err(self.value_error("Format string contains positional fields"));
                }
            }
            match call.args.get(index) {
                Some(v) => v.clone(),
                None => {
                    return Err(self.index_error(format!(
                        "Replacement index {index} out of range for positional args tuple"
                    )));
                }
            }
        } else {
            let key = self.new_str_wtf8(from_cps(first));
            match call.kwargs {
                Kwargs::Pairs(names, values) => {
                    let text = from_cps(first);
                    match names.iter().position(|n| n.downcast::<StrValue>().is_some_and(|s| s.text == text)) {
                        Some(p) => values[p].clone(),
                        None => return Err(self.key_error(key)),
                    }
                }
                Kwargs::Mapping(m) => self.get_item(m, &key)?,
            }
        };
        let mut rest = &name[first_end..];
        while !rest.is_empty() {
            if rest[0] == '.' as u32 {
                let end = rest[1..].iter().position(|&c| c == '.' as u32 || c == '[' as u32).map_or(rest.len(), |p| p + 1);
                let attr = &rest[1..end];
                if attr.is_empty() {
                    return Err(self.value_error("Empty attribute in format string"));
                }
                let attr = self.new_str_wtf8(from_cps(attr));
                obj = self.get_attr(&obj, &attr)?;
                rest = &rest[end..];
            } else if rest[0] == '[' as u32 {
                let Some(close) = rest.iter().position(|&c| c == ']' as u32) else {
                    return Err(self.value_error("Missing ']' in format string"));
                };
                let key = &rest[1..close];
                if key.is_empty() {
                    return Err(self.value_error("Empty attribute in format string"));
                }
                let key = if key.iter().all(|&c| (b'0' as u32..=b'9' as u32).contains(&c)) {
                    let digits: String = key.iter().filter_map(|&c| char::from_u32(c)).collect();
                    match digits.parse::<i64>() {
                        Ok(i) => self.new_int(i),
                        Err(_) => self.new_str(&digits),
                    }
                } else {
                    self.new_str_wtf8(from_cps(key))
                };
                obj = self.get_item(&obj, &key)?;
                rest = &rest[close + 1..];
                if !rest.is_empty() && rest[0] != '.' as u32 && rest[0] != '[' as u32 {
                    return Err(self.value_error("Only '.' or '[' may follow ']' in format field specifier"));
                }
            } else {
                return Err(self.value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        }
        Ok(obj)
    }
}

/// Text from code points.
pub(crate) fn from_cps(cps: &[u32]) -> Wtf8Buf {
    // At least one byte per code point; ASCII text needs no regrowth.
    let mut t = Wtf8Buf::with_capacity(cps.len());
    for &c in cps {
        t.push_code_point(c);
    }
    t
}
