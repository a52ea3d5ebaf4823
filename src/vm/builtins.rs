//! The `builtins` namespace: builtin functions, and the constructors of
//! the builtin types (installed as each type's `__new__`).
//!
//! Each builtin is a plain `fn(&mut Vm, CallArgs) -> PyResult<Obj>`; the
//! `args` helpers below check counts and give CPython's messages.

use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::cell::{Cell, RefCell};
use std::io::Write;

/// Installs the builtins into `vm.builtins` and the type constructors.
pub(crate) fn install(vm: &mut Vm) {
    let functions: &[(&'static str, NativeFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("isinstance", builtin_isinstance),
        ("abs", builtin_abs),
        ("hash", builtin_hash),
        ("id", builtin_id),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("__build_class__", builtin_build_class),
    ];
    for &(name, f) in functions {
        let func = vm.new_builtin(name, f);
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
        ("range", |vm| vm.types.range.clone(), new_range),
        ("type", |vm| vm.types.type_.clone(), new_type_call),
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
        let key = vm.intern(name);
        vm.table_set_str(&list_type.downcast::<TypeValue>().expect("type").dict, key, func);
    }
    for (name, value) in [("None", vm.none()), ("True", vm.bool_obj(true)), ("False", vm.bool_obj(false))] {
        let key = vm.intern(name);
        vm.table_set_builtin(&b, key, value);
    }
}

impl Vm {
    pub fn new_builtin(&self, name: &'static str, call: NativeFn) -> Obj {
        Obj::new(BuiltinFunctionValue { name, call, bound: None }, &self.types.builtin_function)
    }

    fn table_set_builtin(&self, d: &Obj, key: Obj, value: Obj) {
        self.table_set_str(&d.downcast::<DictValue>().expect("dict").0, key, value);
    }

    /// Checks that a builtin got between `min` and `max` positional
    /// arguments and no keywords.
    fn positional<'a>(&self, name: &str, a: &CallArgs<'a>, min: usize, max: usize) -> PyResult<&'a [Obj]> {
        if !a.kwnames.is_empty() {
            return Err(self.type_error(format!("{name}() takes no keyword arguments")));
        }
        let n = a.args.len();
        if n < min || n > max {
            let msg = if min == max {
                format!("{name}() takes exactly {} argument{} ({n} given)", min, if min == 1 { "" } else { "s" })
            } else if n < min {
                format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
            } else {
                format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
            };
            return Err(self.type_error(msg));
        }
        Ok(a.args)
    }

    /// Imports a module by name. Only `builtins` and modules already in
    /// `sys.modules` exist so far.
    pub(crate) fn import_module(&mut self, name: &Obj) -> PyResult<Obj> {
        let modules = self.modules.clone();
        if let Some(m) = self.dict_get(&modules, name)? {
            return Ok(m);
        }
        let n = self.str_lossy(name);
        Err(self.err(&self.types.exceptions.module_not_found_error.clone(), format!("No module named '{n}'")))
    }
}

fn builtin_print(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let pos = a.positional_args();
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    for (name, value) in a.kwnames.iter().zip(&a.args[pos.len()..]) {
        let n = vm.str_lossy(name);
        let text = if value.kind() == Kind::None { None } else { Some(vm.to_str(value)?) };
        match n.as_str() {
            "sep" => sep = text.unwrap_or_else(|| " ".into()),
            "end" => end = text.unwrap_or_else(|| "\n".into()),
            "flush" | "file" => {}
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
    let _ = vm.stdout.write_all(line.as_bytes());
    Ok(vm.none())
}

fn builtin_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("len", &a, 1, 1)?;
    let n = vm.len(&args[0])?;
    Ok(vm.new_int(n as i64))
}

fn builtin_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("repr", &a, 1, 1)?;
    let s = vm.repr(&args[0])?;
    Ok(vm.new_str(&s))
}

fn builtin_isinstance(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("isinstance", &a, 2, 2)?;
    let types = match args[1].downcast::<TupleValue>() {
        Some(t) => t.0.to_vec(),
        None => vec![args[1].clone()],
    };
    for t in &types {
        if t.kind() != Kind::Type {
            return Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
        }
        if vm.isinstance(&args[0], t) {
            return Ok(vm.bool_obj(true));
        }
    }
    Ok(vm.bool_obj(false))
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

fn builtin_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("iter", &a, 1, 1)?;
    vm.get_iter(&args[0])
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

/// `__build_class__(body_function, name, *bases)`: runs the class body
/// in a fresh namespace and makes the class from it.
fn builtin_build_class(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (body, name) = (&args[0], &args[1]);
    let mut bases: Vec<Obj> = args[2..].to_vec();
    if bases.is_empty() {
        bases.push(vm.types.object.clone());
    }
    let ns = vm.new_dict();
    let mut frame = vm.make_frame(body, &[], &[])?;
    frame.names = Some(ns.clone());
    vm.run_frame(frame)?;
    let name = vm.str_lossy(name);
    vm.new_class(&name, bases, &ns)
}

impl Vm {
    /// A class from a namespace dict, with C3 method resolution order.
    pub fn new_class(&mut self, name: &str, bases: Vec<Obj>, ns: &Obj) -> PyResult<Obj> {
        let instance_kind = bases
            .iter()
            .filter_map(|b| b.downcast::<TypeValue>().map(|t| t.instance_kind))
            .find(|k| *k != Kind::Instance)
            .unwrap_or(Kind::Instance);
        let cls = Obj::new(
            TypeValue {
                name: RefCell::new(name.to_string()),
                bases: RefCell::new(bases.clone()),
                mro: RefCell::new(Vec::new()),
                dict: RefCell::new(crate::object::dict::DictTable::new()),
                instance_kind,
                flags: Cell::new(type_flags::HEAP_TYPE),
            },
            &self.types.type_,
        );
        let mro = self.c3_mro(&cls, &bases)?;
        let tv = cls.downcast::<TypeValue>().expect("type");
        *tv.mro.borrow_mut() = mro;
        let entries: Vec<(Obj, Obj)> =
            ns.downcast::<DictValue>().expect("dict").0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect();
        for (k, v) in entries {
            if k.kind() == Kind::Str {
                self.table_set_str(&tv.dict, k, v);
            }
        }
        let del = self.intern("__del__");
        if self.lookup_type_attr(&cls, &del).is_some() {
            tv.flags.set(tv.flags.get() | type_flags::HAS_DEL);
        }
        Ok(cls)
    }

    /// C3 linearisation of `cls` over `bases`.
    fn c3_mro(&self, cls: &Obj, bases: &[Obj]) -> PyResult<Vec<Obj>> {
        let mut seqs: Vec<Vec<Obj>> =
            bases.iter().map(|b| b.downcast::<TypeValue>().map(|t| t.mro.borrow().clone()).unwrap_or_default()).collect();
        seqs.push(bases.to_vec());
        let mut out = vec![cls.clone()];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Ok(out);
            }
            let head = seqs
                .iter()
                .map(|s| s[0].clone())
                .find(|h| !seqs.iter().any(|s| s[1..].iter().any(|x| x.is(h))));
            let Some(head) = head else {
                let names: Vec<String> = bases
                    .iter()
                    .filter_map(|b| b.downcast::<TypeValue>().map(|t| t.name.borrow().clone()))
                    .collect();
                return Err(self.type_error(format!(
                    "Cannot create a consistent method resolution order (MRO) for bases {}",
                    names.join(", ")
                )));
            };
            for s in seqs.iter_mut() {
                if s[0].is(&head) {
                    s.remove(0);
                }
            }
            out.push(head);
        }
    }
}

fn new_int(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("int", &a, 1, 3)?;
    let Some(x) = args.get(1) else { return Ok(vm.new_int(0)) };
    if let Some(i) = x.downcast::<IntValue>() {
        return Ok(match i {
            IntValue::Small(n) => vm.new_int(*n),
            IntValue::Big(b) => vm.new_bigint((**b).clone()),
        });
    }
    if let Some(b) = x.downcast::<BoolValue>() {
        return Ok(vm.new_int(b.0 as i64));
    }
    if let Some(f) = x.downcast::<FloatValue>() {
        if f.0.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.0.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        use num_traits::FromPrimitive;
        return Ok(vm.new_bigint(num_bigint::BigInt::from_f64(f.0.trunc()).unwrap_or_default()));
    }
    if let Some(s) = x.downcast::<StrValue>() {
        let text = s.text.to_string_lossy();
        let cleaned: String = text.trim().chars().filter(|c| *c != '_').collect();
        return match cleaned.parse::<num_bigint::BigInt>() {
            Ok(v) if !cleaned.is_empty() => Ok(vm.new_bigint(v)),
            _ => {
                let r = vm.repr(x)?;
                Err(vm.value_error(format!("invalid literal for int() with base 10: {r}")))
            }
        };
    }
    Err(vm.type_error(format!(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
        vm.type_name(x)
    )))
}

fn new_float(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("float", &a, 1, 2)?;
    let Some(x) = args.get(1) else { return Ok(vm.new_float(0.0)) };
    if let Some(f) = x.downcast::<FloatValue>() {
        return Ok(vm.new_float(f.0));
    }
    if let Some(b) = vm.big_int(x) {
        return Ok(vm.new_float(num_traits::ToPrimitive::to_f64(&b).unwrap_or(f64::INFINITY)));
    }
    if let Some(s) = x.downcast::<StrValue>() {
        let t = s.text.to_string_lossy();
        return match t.trim().to_ascii_lowercase().as_str() {
            "inf" | "+inf" | "infinity" | "+infinity" => Ok(vm.new_float(f64::INFINITY)),
            "-inf" | "-infinity" => Ok(vm.new_float(f64::NEG_INFINITY)),
            "nan" | "+nan" | "-nan" => Ok(vm.new_float(f64::NAN)),
            other => match other.parse::<f64>() {
                Ok(v) => Ok(vm.new_float(v)),
                Err(_) => {
                    let r = vm.repr(x)?;
                    Err(vm.value_error(format!("could not convert string to float: {r}")))
                }
            },
        };
    }
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", vm.type_name(x))))
}

fn new_str(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("str", &a, 1, 2)?;
    match args.get(1) {
        None => Ok(vm.new_str("")),
        Some(x) if x.has_type(&vm.types.str_) => Ok(x.clone()),
        Some(x) => {
            let s = vm.to_str(x)?;
            Ok(vm.new_str(&s))
        }
    }
}

fn new_bool(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("bool", &a, 1, 2)?;
    let t = match args.get(1) {
        Some(x) => vm.truthy(x)?,
        None => false,
    };
    Ok(vm.bool_obj(t))
}

fn new_list(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("list", &a, 1, 2)?;
    let items = match args.get(1) {
        Some(x) => vm.iterate_to_vec(x)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn new_tuple(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("tuple", &a, 1, 2)?;
    let items = match args.get(1) {
        Some(x) => vm.iterate_to_vec(x)?,
        None => Vec::new(),
    };
    Ok(vm.new_tuple(items))
}

fn new_dict(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    let d = vm.new_dict();
    if let Some(src) = args.get(1) {
        if let Some(sd) = src.downcast::<DictValue>() {
            let entries: Vec<(Obj, Obj)> = sd.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect();
            for (k, v) in entries {
                vm.dict_set(&d, k, v)?;
            }
        } else {
            for pair in vm.iterate_to_vec(src)? {
                let kv = vm.unpack(&pair, 2)?;
                vm.dict_set(&d, kv[0].clone(), kv[1].clone())?;
            }
        }
    }
    for (name, value) in a.kwnames.iter().zip(&a.args[args.len()..]) {
        vm.dict_set(&d, name.clone(), value.clone())?;
    }
    Ok(d)
}

fn new_range(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("range", &a, 2, 4)?;
    let mut ints = Vec::new();
    for x in &args[1..] {
        match vm.small_int(x) {
            Some(i) => ints.push(i),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(x)
                )));
            }
        }
    }
    let (start, stop, step) = match ints.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => unreachable!("checked above"),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Obj::new(RangeValue { start, stop, step }, &vm.types.range))
}

/// `type(x)` gives x's type; `type(name, bases, ns)` makes a class.
fn new_type_call(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    match args.len() {
        2 => Ok(args[1].type_obj()),
        4 => {
            let name = vm.str_lossy(&args[1]);
            let bases = vm.iterate_to_vec(&args[2])?;
            let bases = if bases.is_empty() { vec![vm.types.object.clone()] } else { bases };
            let ns = args[3].clone();
            vm.new_class(&name, bases, &ns)
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

fn list_append(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("append", &a, 2, 2)?;
    let Some(l) = args[0].downcast::<ListValue>() else {
        return Err(vm.type_error("descriptor 'append' for 'list' objects doesn't apply"));
    };
    l.0.borrow_mut().push(args[1].clone());
    Ok(vm.none())
}

fn list_pop(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = vm.positional("pop", &a, 1, 2)?;
    let Some(l) = args[0].downcast::<ListValue>() else {
        return Err(vm.type_error("descriptor 'pop' for 'list' objects doesn't apply"));
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
