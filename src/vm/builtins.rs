//! The `builtins` namespace: builtin functions, and the constructors of
//! the builtin types (installed as each type's `__new__`).
//!
//! Each builtin is a plain `fn(&mut Vm, CallArgs) -> PyResult<Obj>`; the
//! `args` helpers below check counts and give CPython's messages.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::io::Write;

/// Installs the builtins into `vm.builtins` and the type constructors.
pub(crate) fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("__import__", super::import::builtin_import),
        ("repr", builtin_repr),
        ("abs", builtin_abs),
        ("hash", builtin_hash),
        ("id", builtin_id),
        ("next", builtin_next),
    ];
    for &(name, f) in functions {
        let func = vm.new_builtin_function(name, f);
        let key = vm.intern(name);
        let b = vm.builtins.clone();
        vm.table_set_builtin(&b, key, func);
    }
    let constructors: &[(&'static str, fn(&Vm) -> Obj, NativeFn)] = &[
        ("int", |vm| vm.types.int.clone(), new_int),
        ("str", |vm| vm.types.str_.clone(), new_str),
        ("bool", |vm| vm.types.bool_.clone(), new_bool),
        ("list", |vm| vm.types.list.clone(), new_list),
        ("tuple", |vm| vm.types.tuple.clone(), new_tuple),
        ("range", |vm| vm.types.range.clone(), super::range_type::new_range),
        ("type", |vm| vm.types.type_.clone(), super::class_support::type_new),
        ("float", |vm| vm.types.float.clone(), new_float),
        ("dict", |vm| vm.types.dict.clone(), new_dict),
    ];
    for &(name, get_type, new) in constructors {
        let t = get_type(vm);
        let func = vm.new_builtin("__new__", new);
        let key = vm.intern("__new__");
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, func);
        let key = vm.intern(name);
        let b = vm.builtins.clone();
        vm.table_set_builtin(&b, key, t);
    }
    let object = vm.types.object.clone();
    let key = vm.intern("object");
    let b = vm.builtins.clone();
    vm.table_set_builtin(&b, key, object);
    for t in vm.types.exceptions.all().into_iter().cloned().collect::<Vec<_>>() {
        let name = t.downcast::<TypeValue>().expect("type").name.borrow().clone();
        let key = vm.intern(&name);
        vm.table_set_builtin(&b, key, t);
    }
    let list_methods: &[(&'static str, NativeFn)] = &[("append", list_append), ("pop", list_pop)];
    let list_type = vm.types.list.clone();
    for &(name, f) in list_methods {
        let func = vm.new_builtin(name, f);
        if name == "append" {
            vm.list_append = func.clone();
        }
        let key = vm.intern(name);
        vm.table_set_str(&list_type.downcast::<TypeValue>().expect("type").dict, key, func);
    }
    super::formatting::install(vm);
    super::str_methods::install(vm);
    let singletons = [
        ("None", vm.none()),
        ("True", vm.bool_obj(true)),
        ("False", vm.bool_obj(false)),
        ("Ellipsis", vm.singletons.ellipsis.clone()),
        ("NotImplemented", vm.singletons.not_implemented.clone()),
        // The compiler folds the name `__debug__` itself (no `-O`); the
        // builtin is for `builtins.__debug__` and `getattr`.
        ("__debug__", vm.bool_obj(true)),
    ];
    for (name, value) in singletons {
        let key = vm.intern(name);
        vm.table_set_builtin(&b, key, value);
    }
    super::builtins_extra::install(vm);
    super::list_methods::install(vm);
    super::dict_methods::install(vm);
    super::dict_views::install(vm);
    super::set::install(vm);
    super::site::install(vm);
    super::bytes::install(vm);
    super::memoryview::install(vm);
    super::codecs::install(vm);
    super::os_errors::install(vm);
    super::file_io::install(vm);
    super::int_bytes::install(vm);
    super::int_methods::install(vm);
    super::modules::install(vm);
    super::complex::install(vm);
    super::exec_eval::install(vm);
    super::slice_type::install(vm);
    super::number_methods::install(vm);
    super::number_dunders::install(vm);
    super::str_translate::install(vm);
    super::range_type::install(vm);
    super::slot_wrappers::install(vm);
    super::descriptors::install(vm);
    super::exceptions::install(vm);
    super::exception_groups::install(vm);
}

impl Vm {
    /// A builtin method, to install in a type's namespace.
    pub fn new_builtin(&self, name: &'static str, call: NativeFn) -> Obj {
        Obj::new(BuiltinFunctionValue { name, call, bound: None, binds: true }, &self.types.builtin_function)
    }

    /// A builtin function (of `builtins` or a native module): it does not
    /// bind as a method.
    pub fn new_builtin_function(&self, name: &'static str, call: NativeFn) -> Obj {
        Obj::new(BuiltinFunctionValue { name, call, bound: None, binds: false }, &self.types.builtin_function)
    }

    fn table_set_builtin(&self, d: &Obj, key: Obj, value: Obj) {
        self.table_set_str(&d.downcast::<DictValue>().expect("dict").0, key, value);
    }

    /// Checks that a builtin got between `min` and `max` positional
    /// arguments and no keywords.
    pub(crate) fn positional<'a>(&self, name: &str, a: &CallArgs<'a>, min: usize, max: usize) -> PyResult<&'a [Obj]> {
        if !a.kwnames.is_empty() {
            return Err(self.type_error(format!("{name}() takes no keyword arguments")));
        }
        super::modules::arity(self, name, a.args, min, max)?;
        Ok(a.args)
    }

    /// A builtin type's constructor arguments after the class itself:
    /// between `min` and `max` of them, no keywords; the whole slice back.
    pub(crate) fn constructor_args<'a>(&self, name: &str, a: &CallArgs<'a>, min: usize, max: usize) -> PyResult<&'a [Obj]> {
        if !a.kwnames.is_empty() {
            return Err(self.type_error(format!("{name}() takes no keyword arguments")));
        }
        let n = a.args.len().saturating_sub(1);
        if n < min || n > max {
            let s = |k: usize| if k == 1 { "" } else { "s" };
            return Err(self.type_error(if min == max {
                format!("{name} expected {min} argument{}, got {n}", s(min))
            } else if n < min {
                format!("{name} expected at least {min} argument{}, got {n}", s(min))
            } else {
                format!("{name} expected at most {max} argument{}, got {n}", s(max))
            }));
        }
        Ok(a.args)
    }

}

fn builtin_print(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let pos = a.positional_args();
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file: Option<Obj> = None;
    for (name, value) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        let n = vm.str_lossy(name);
        let text = match value.kind() {
            Kind::None => None,
            Kind::Str => Some(vm.to_str(value)?),
            _ if n == "sep" || n == "end" => {
                return Err(vm.type_error(format!("{n} must be None or a string, not {}", vm.type_name(value))));
            }
            _ => None,
        };
        match n.as_str() {
            "sep" => sep = text.unwrap_or_else(|| " ".into()),
            "end" => end = text.unwrap_or_else(|| "\n".into()),
            "flush" => {}
            "file" => file = Some(value.clone()).filter(|f| f.kind() != Kind::None),
            _ => return Err(vm.type_error(format!("'{n}' is an invalid keyword argument for print()"))),
        }
    }
    let mut line = String::new();
    for (i, x) in pos.iter().enumerate() {
        if i > 0 {
            line.push_str(&sep);
        }
        line.push_str(&vm.to_str(x)?);
    }
    line.push_str(&end);
    if let Some(f) = file {
        let w = vm.intern("write");
        let write = vm.get_attr(&f, &w)?;
        let s = vm.new_str(&line);
        vm.call_object(&write, &[s])?;
        return Ok(vm.none());
    }
    let _ = vm.stdout.write_all(line.as_bytes());
    Ok(vm.none())
}

fn builtin_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    // The exact builtin containers, which no `__len__` can override, are
    // read without the search for one.
    if let ([x], []) = (a.args, a.kwnames) {
        let t = &vm.types;
        let n = match x.kind() {
            Kind::Str if x.has_type(&t.str_) => Some(x.downcast::<StrValue>().expect("str").chars),
            Kind::List if x.has_type(&t.list) => Some(x.downcast::<ListValue>().expect("list").0.borrow().len()),
            Kind::Tuple if x.has_type(&t.tuple) => Some(x.downcast::<TupleValue>().expect("tuple").0.len()),
            Kind::Dict if x.has_type(&t.dict) => Some(x.downcast::<DictValue>().expect("dict").0.borrow().len()),
            _ => None,
        };
        if let Some(n) = n {
            return Ok(vm.new_int(n as i64));
        }
    }
    let args = vm.positional("len", &a, 1, 1)?;
    let n = vm.len(&args[0])?;
    Ok(vm.new_int(n as i64))
}

fn builtin_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("repr", &a, 1, 1)?;
    let s = vm.repr(&args[0])?;
    Ok(vm.new_str(&s))
}

fn builtin_abs(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("abs", &a, 1, 1)?;
    let x = &args[0];
    if let Some(i) = vm.small_int(x) {
        return Ok(match i.checked_abs() {
            Some(v) => vm.new_int(v),
            None => vm.new_bigint(-num_bigint::BigInt::from(i)),
        });
    }
    if let Some(IntValue::Big(b)) = x.downcast::<IntValue>() {
        return Ok(vm.new_bigint(num_traits::Signed::abs(&**b)));
    }
    if let Some(f) = x.downcast::<FloatValue>() {
        return Ok(vm.new_float(f.0.abs()));
    }
    if x.kind() == Kind::Complex {
        return vm.complex_abs(x);
    }
    match vm.lookup_special(x, "__abs__") {
        Some(m) => vm.call_object(&m, &[x.clone()]),
        None => Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(x)))),
    }
}

fn builtin_hash(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("hash", &a, 1, 1)?;
    let h = vm.hash(&args[0])?;
    Ok(vm.new_int(h))
}

fn builtin_id(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("id", &a, 1, 1)?;
    Ok(vm.new_int(args[0].addr() as i64))
}

fn builtin_next(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("next", &a, 1, 2)?;
    if args[0].kind() == Kind::Generator {
        return vm.builtin_next_generator(&args[0], args.get(1));
    }
    match vm.next(&args[0])? {
        Some(v) => Ok(v),
        None if args.len() == 2 => Ok(args[1].clone()),
        None => Err(crate::object::PyErr(vm.new_exception(&vm.types.exceptions.stop_iteration.clone(), vec![]))),
    }
}

fn new_int(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let base = vm.types.int.clone();
    construct(vm, &a, &base, "int", int_value)
}

fn int_value(vm: &mut Vm, a: &CallArgs<'_>) -> PyResult<Obj> {
    // int(x=0, /, base=10): `base` may be given by keyword.
    // `int(x)` of an exact int is `x` itself, as in CPython's
    // `PyNumber_Long` (for a subclass `cls`, `new_int` reboxes it).
    if let ([_, x], []) = (a.args, a.kwnames) {
        if x.has_type(&vm.types.int) {
            return Ok(x.clone());
        }
    }
    let pos = a.positional_args();
    let mut base_arg = pos.get(2).cloned();
    for (k, v) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        if vm.str_lossy(k) != "base" || base_arg.is_some() {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for int()", vm.str_lossy(k))));
        }
        base_arg = Some(v.clone());
    }
    if pos.len() > 3 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", pos.len() - 1)));
    }
    let Some(x) = pos.get(1) else {
        if base_arg.is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(vm.new_int(0));
    };
    if let Some(base) = base_arg {
        let base = vm.index_value(&base)?;
        let base = num_traits::ToPrimitive::to_u32(&base).unwrap_or(u32::MAX);
        if let Some(r) = vm.int_from_bytes_literal(x, base) {
            return r;
        }
        let Some(s) = x.downcast::<StrValue>() else {
            return Err(vm.type_error("int() can't convert non-string with explicit base"));
        };
        let base = num_traits::ToPrimitive::to_u32(&base).unwrap_or(u32::MAX);
        return crate::text::int_text::parse_int_wtf8(&s.text, base, vm.max_str_digits)
            .map(|v| vm.new_bigint(v))
            .map_err(|e| vm.format_error(e));
    }
    if let Some(r) = vm.int_from_bytes_literal(x, 10) {
        return r;
    }
    if let Some(s) = x.downcast::<StrValue>() {
        return crate::text::int_text::parse_int_wtf8(&s.text, 10, vm.max_str_digits)
            .map(|v| vm.new_bigint(v))
            .map_err(|e| vm.format_error(e));
    }
    match vm.int_of(x)? {
        Some(v) => Ok(vm.new_bigint(v)),
        None => Err(vm.type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            vm.type_name(x)
        ))),
    }
}

fn new_float(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let base = vm.types.float.clone();
    construct(vm, &a, &base, "float", float_value)
}

fn float_value(vm: &mut Vm, a: &CallArgs<'_>) -> PyResult<Obj> {
    // `float(i)` of an exact machine int: `as` rounds half to even, as
    // `PyLong_AsDouble` does.
    if let ([_, x], []) = (a.args, a.kwnames) {
        if let (Some(IntValue::Small(i)), true) = (x.downcast::<IntValue>(), x.has_type(&vm.types.int)) {
            return Ok(vm.new_float(*i as f64));
        }
    }
    let args = vm.constructor_args("float", &a, 0, 1)?;
    let Some(x) = args.get(1) else { return Ok(vm.new_float(0.0)) };
    if let Some(s) = x.downcast::<StrValue>() {
        return crate::text::int_text::parse_float(&s.text.to_string_lossy())
            .map(|v| vm.new_float(v))
            .map_err(|e| vm.format_error(e));
    }
    match vm.float_of(x)? {
        Some(f) => Ok(vm.new_float(f)),
        None => Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x)))),
    }
}

fn new_str(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let base = vm.types.str_.clone();
    construct(vm, &a, &base, "str", str_value)
}

fn str_value(vm: &mut Vm, a: &CallArgs<'_>) -> PyResult<Obj> {
    // `str(x)` of an exact str or machine int, the common cases, without
    // argument parsing or a `__str__` lookup (exact types cannot override
    // it). `a.args[0]` is the class; `new_str` reboxes a subclass's
    // result.
    if let ([_, x], []) = (a.args, a.kwnames) {
        if let Some(s) = str_of_exact(vm, x) {
            return Ok(s);
        }
    }
    let params = super::args::Params { names: &["object", "encoding", "errors"], posonly: 0, required: 0 };
    let rest = CallArgs { args: &a.args[1..], kwnames: a.kwnames };
    let args = super::args::clinic_args(vm, "str", &rest, &params)?;
    if args[1].is_some() || args[2].is_some() {
        return super::codecs::str_from_encoded(vm, CallArgs { args: a.args, kwnames: a.kwnames });
    }
    match args[0].as_ref() {
        None => Ok(vm.new_str("")),
        Some(x) if x.has_type(&vm.types.str_) => Ok(x.clone()),
        Some(x) => {
            let s = vm.to_str(x)?;
            Ok(vm.new_str(&s))
        }
    }
}

/// `str(x)` of an exact str or machine int, which no `__str__` can
/// override; `None` for anything else.
#[inline]
pub(crate) fn str_of_exact(vm: &Vm, x: &Obj) -> Option<Obj> {
    if x.has_type(&vm.types.str_) {
        return Some(x.clone());
    }
    if let (Some(IntValue::Small(i)), true) = (x.downcast::<IntValue>(), x.has_type(&vm.types.int)) {
        return Some(vm.new_ascii_str(&small_int_decimal(*i, &mut [0; 20])));
    }
    None
}

/// The decimal digits of `i`, written from the end of `buf` (20 bytes
/// hold any i64), without `fmt`'s machinery and its intermediate String.
fn small_int_decimal(i: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut n = i.unsigned_abs();
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        at -= 1;
        buf[at] = b'-';
    }
    &buf[at..]
}

fn new_bool(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.constructor_args("bool", &a, 0, 1)?;
    let t = match args.get(1) {
        Some(x) => vm.truthy(x)?,
        None => false,
    };
    Ok(vm.bool_obj(t))
}

fn new_list(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let base = vm.types.list.clone();
    construct(vm, &a, &base, "list", list_value)
}

fn list_value(vm: &mut Vm, a: &CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.constructor_args("list", &a, 0, 1)?;
    let items = match args.get(1) {
        Some(x) => items_of(vm, x)?,
        None => Vec::new(),
    };
    // `list(...)` allocates with `tp_alloc`, never from the free list.
    Ok(Obj::new(ListValue(std::cell::RefCell::new(items), std::cell::RefCell::new(None)), &vm.types.list))
}

fn new_tuple(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let base = vm.types.tuple.clone();
    construct(vm, &a, &base, "tuple", tuple_value)
}

fn tuple_value(vm: &mut Vm, a: &CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.constructor_args("tuple", a, 0, 1)?;
    let items = match args.get(1) {
        Some(x) => items_of(vm, x)?,
        None => Vec::new(),
    };
    Ok(vm.new_tuple(items))
}

/// The items of `list(x)` / `tuple(x)`. A machine-int range (`range`
/// cannot be subclassed) makes its ints directly, as its iterator would
/// one by one, sized and checked against the memory limit first as
/// CPython does.
fn items_of(vm: &mut Vm, x: &Obj) -> PyResult<Vec<Obj>> {
    if let Some(r) = x.downcast::<RangeValue>().filter(|r| r.big.is_none()) {
        let n = super::seq::range_len(r.start, r.stop, r.step);
        vm.check_allocation(n.saturating_mul(std::mem::size_of::<Obj>()))?;
        let (mut v, step) = (r.start, r.step);
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push(vm.new_int(v));
            // Past the last item this may leave the i64 range: not used then.
            v = v.wrapping_add(step);
        }
        return Ok(items);
    }
    vm.iterate_to_vec(x)
}

/// `dict.__new__(cls, ...)`: an empty dict of `cls`; `dict.__init__`
/// fills it, so a subclass's `__init__` sees its own arguments.
fn new_dict(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let d = vm.new_dict();
    Ok(rebox_to(vm, d, a.args.first()))
}

/// `NAME.__new__(cls, ...)` of the builtin type `base`: `cls` checked as
/// `tp_new` checks it, the value made by `make`, and given as an instance
/// of `cls` when that is a subclass (as when a subclass's own `__new__`
/// calls `int.__new__(cls, v)` or `super().__new__(cls, v)`).
#[inline(always)]
fn construct(
    vm: &mut Vm,
    a: &CallArgs<'_>,
    base: &Obj,
    name: &str,
    make: fn(&mut Vm, &CallArgs<'_>) -> PyResult<Obj>,
) -> PyResult<Obj> {
    check_new_cls(vm, a, base, name)?;
    let v = make(vm, a)?;
    Ok(rebox_to(vm, v, a.args.first()))
}

/// `tp_new`'s check of its first argument, for `NAME.__new__(cls, ...)`
/// called directly: `cls` must be `base` or a subclass of it.
fn check_new_cls(vm: &Vm, a: &CallArgs<'_>, base: &Obj, name: &str) -> PyResult<()> {
    let Some(cls) = a.args.first() else {
        return Err(vm.type_error(format!("{name}.__new__(): not enough arguments")));
    };
    if cls.is(base) {
        return Ok(());
    }
    if cls.kind() != Kind::Type {
        return Err(vm.type_error(format!("{name}.__new__(X): X is not a type object ({})", vm.type_name(cls))));
    }
    if !vm.is_subtype(cls, base) {
        let c = cls.downcast::<TypeValue>().map(|t| t.name.borrow().clone()).unwrap_or_default();
        return Err(vm.type_error(format!("{name}.__new__({c}): {c} is not a subtype of {name}")));
    }
    Ok(())
}

/// A builtin constructor's result, as an instance of `cls` when `cls` is a
/// subclass (`tuple.__new__(Point, ...)` makes a `Point`).
fn rebox_to(vm: &mut Vm, obj: Obj, cls: Option<&Obj>) -> Obj {
    match cls {
        Some(c) if c.kind() == Kind::Type && !obj.has_type(c) => vm.rebox(obj, c),
        _ => obj,
    }
}

fn list_append(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "list", "append", 1, 1, false)?;
    let args = a.args;
    let Some(l) = args[0].downcast::<ListValue>() else {
        return Err(vm.descriptor_mismatch("append", "list", Some(&args[0])));
    };
    l.0.borrow_mut().push(args[1].clone());
    Ok(vm.none())
}

fn list_pop(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    super::list_methods::method_nargs(vm, &a, "list", "pop", 0, 1, false)?;
    let args = a.args;
    let Some(l) = args[0].downcast::<ListValue>() else {
        return Err(vm.descriptor_mismatch("pop", "list", Some(&args[0])));
    };
    let len = l.0.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(x) => {
            let i = vm.small_int(x).unwrap_or(i64::MAX);
            let j = if i < 0 { i + len as i64 } else { i };
            if j < 0 || j >= len as i64 {
                return Err(vm.index_error("pop index out of range"));
            }
            j as usize
        }
        None => len - 1,
    };
    Ok(l.0.borrow_mut().remove(i))
}
