//! The `sys` module. `sys.stdout`/`sys.stderr` are instances of a small
//! `TextIOWrapper` type whose `write` goes to the VM's stdout or to the
//! process's stderr.

use super::super::Vm;
use super::super::builtins_extra::set_type_method;
use super::arity;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyErr, PyResult};
use std::cell::RefCell;
use std::io::Write;

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("sys");
    vm.module_fns(
        &m,
        &[
            ("exit", sys_exit),
            ("exc_info", sys_exc_info),
            ("getrefcount", sys_getrefcount),
            ("getsizeof", sys_getsizeof),
            ("intern", sys_intern),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("displayhook", super::super::display::sys_displayhook),
            ("get_int_max_str_digits", sys_get_int_max_str_digits),
            ("_getframe", sys_getframe),
            ("set_int_max_str_digits", sys_set_int_max_str_digits),
        ],
    );
    let hook = vm.new_builtin("displayhook", super::super::display::sys_displayhook);
    vm.module_set(&m, "__displayhook__", hook);
    let argv = vm.new_list(vec![]);
    vm.module_set(&m, "argv", argv);
    let path = vm.new_list(vec![]);
    vm.module_set(&m, "path", path);
    let mods = vm.modules.clone();
    vm.module_set(&m, "modules", mods);
    let maxsize = vm.new_int(i64::MAX);
    vm.module_set(&m, "maxsize", maxsize);
    let bo = vm.new_str("little");
    vm.module_set(&m, "byteorder", bo);
    let pl = vm.new_str(std::env::consts::OS);
    vm.module_set(&m, "platform", pl);
    install_struct_seqs(vm, &m);
    let hexversion = vm.new_int(0x030b00f0);
    vm.module_set(&m, "hexversion", hexversion);
    let maxunicode = vm.new_int(0x10ffff);
    vm.module_set(&m, "maxunicode", maxunicode);
    let executable = std::env::current_exe().map(|p| p.to_string_lossy().into_owned()).unwrap_or_default();
    let executable = vm.new_str(&executable);
    vm.module_set(&m, "executable", executable);
    let v = vm.new_str("3.11.0 (ouro)");
    vm.module_set(&m, "version", v);
    let t = super::super::types::new_type(&vm.types.type_, "TextIOWrapper", &[vm.types.object.clone()], Kind::Instance);
    set_type_method(vm, &t, "write", stream_write);
    set_type_method(vm, &t, "flush", stream_flush);
    for (name, fd) in [("stdout", 1), ("stderr", 2)] {
        let ns = vm.new_dict();
        let k = vm.intern("_fd");
        let v = vm.new_int(fd);
        let _ = vm.dict_set(&ns, k, v);
        let stream = Obj::new(InstanceValue { dict: RefCell::new(Some(ns)), slots: Box::new([]) }, &t);
        vm.module_set(&m, name, stream.clone());
        vm.module_set(&m, &format!("__{name}__"), stream);
    }
    m
}

/// `version_info`, `float_info`, `int_info` and `hash_info`, with
/// CPython 3.11's values on x86-64 Linux (`int_info` describes CPython's
/// 30-bit digits, which `sys.getsizeof` of an int also reports).
fn install_struct_seqs(vm: &mut Vm, m: &Obj) {
    let t = super::struct_seq::new_type(vm, "sys", "version_info", &["major", "minor", "micro", "releaselevel", "serial"]);
    let values = vec![vm.new_int(3), vm.new_int(11), vm.new_int(0), vm.new_str("final"), vm.new_int(0)];
    let version_info = super::struct_seq::new(&t, values);
    vm.module_set(m, "version_info", version_info);

    let fields = ["max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp", "dig", "mant_dig", "epsilon", "radix", "rounds"];
    let t = super::struct_seq::new_type(vm, "sys", "float_info", &fields);
    let values = vec![
        vm.new_float(f64::MAX),
        vm.new_int(f64::MAX_EXP as i64),
        vm.new_int(f64::MAX_10_EXP as i64),
        vm.new_float(f64::MIN_POSITIVE),
        vm.new_int(f64::MIN_EXP as i64),
        vm.new_int(f64::MIN_10_EXP as i64),
        vm.new_int(f64::DIGITS as i64),
        vm.new_int(f64::MANTISSA_DIGITS as i64),
        vm.new_float(f64::EPSILON),
        vm.new_int(f64::RADIX as i64),
        vm.new_int(1),
    ];
    let float_info = super::struct_seq::new(&t, values);
    vm.module_set(m, "float_info", float_info);

    let t = super::struct_seq::new_type(vm, "sys", "int_info", &["bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"]);
    let values = vec![vm.new_int(30), vm.new_int(4), vm.new_int(4300), vm.new_int(640)];
    let int_info = super::struct_seq::new(&t, values);
    vm.module_set(m, "int_info", int_info);

    let fields = ["width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"];
    let t = super::struct_seq::new_type(vm, "sys", "hash_info", &fields);
    let values = vec![
        vm.new_int(64),
        vm.new_int((1i64 << 61) - 1),
        vm.new_int(314159),
        vm.new_int(0),
        vm.new_int(1000003),
        vm.new_str("siphash13"),
        vm.new_int(64),
        vm.new_int(128),
        vm.new_int(0),
    ];
    let hash_info = super::struct_seq::new(&t, values);
    vm.module_set(m, "hash_info", hash_info);
}

/// `sys._getframe(depth=0)`: the frame `depth` calls below the caller,
/// as a snapshot (`f_code`, `f_lineno`, `f_globals`, `f_locals` as
/// `locals()` would give, `f_back` the same for its caller, down to the
/// outermost frame). Later changes to the frame's locals or line do not
/// show in it, as they would in CPython's live frame object. The frame
/// that called `_getframe` reports the line of its last call of a Python
/// function, not of this call: the dispatch loop keeps a frame's
/// position in a register and stores it only when it enters a Python
/// call, calls anything but a builtin function with up to three
/// arguments (the receiver of a method counted), e.g. a class or a call
/// with keywords, or imports (storing it for every builtin function
/// call, operator or attribute load would cost the hot path). So the
/// line of a frame whose Python callee runs under a builtin function
/// (`next(gen)`, `getattr`), an operator's dunder or a property can be
/// an earlier one.
fn sys_getframe(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "_getframe", a.args, 0, 1)?;
    let depth = match a.args.first() {
        Some(d) => vm.index_value(d)?,
        None => num_bigint::BigInt::from(0),
    };
    let n = vm.frames.len();
    // A C int, as in CPython; a negative depth counts as 0.
    let Some(depth) = num_traits::ToPrimitive::to_i32(&depth) else {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    };
    let depth = depth.max(0) as usize;
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let mut back = vm.none();
    for fi in 0..n - depth {
        let (code, pc, globals) = {
            let f = &vm.frames[fi];
            (f.code.clone(), f.pc, f.globals.clone())
        };
        // The frame's `pc` is past the instruction it is running.
        let line = code.line_at(pc.saturating_sub(1));
        let frame = vm.frame_object(&code, line)?;
        let locals = vm.frame_locals(fi)?;
        if let Some(ns) = frame.downcast::<InstanceValue>().and_then(|i| i.dict.borrow().clone()) {
            for (key, value) in [("f_globals", globals), ("f_locals", locals), ("f_back", back)] {
                let k = vm.intern(key);
                vm.dict_set(&ns, k, value)?;
            }
        }
        back = frame;
    }
    Ok(back)
}

fn stream_fd(vm: &mut Vm, s: &Obj) -> i64 {
    let k = vm.intern("_fd");
    let d = s.downcast::<InstanceValue>().and_then(|i| i.dict.borrow().clone());
    d.and_then(|d| vm.dict_get(&d, &k).ok().flatten()).and_then(|v| vm.small_int(&v)).unwrap_or(1)
}

fn stream_write(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "write", a.args, 2, 2)?;
    let Some(s) = a.args[1].downcast::<StrValue>() else {
        return Err(vm.type_error(format!("write() argument must be str, not {}", vm.type_name(&a.args[1]))));
    };
    let text = s.text.to_string_lossy();
    let n = s.chars;
    if stream_fd(vm, &a.args[0]) == 2 {
        let _ = vm.stdout.flush();
        let _ = std::io::stderr().write_all(text.as_bytes());
    } else {
        let _ = vm.stdout.write_all(text.as_bytes());
    }
    Ok(vm.new_int(n as i64))
}

fn stream_flush(vm: &mut Vm, _a: CallArgs<'_>) -> PyResult<Obj> {
    let _ = vm.stdout.flush();
    Ok(vm.none())
}

fn sys_exit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "exit", a.args, 0, 1)?;
    let t = vm.types.exceptions.system_exit.clone();
    Err(PyErr(vm.new_exception(&t, a.args.to_vec())))
}

/// `sys.exc_info()`: the exception being handled by the innermost
/// `except` (or `with` exit) among the running frames, as `(type, value,
/// traceback)`; three Nones when there is none.
fn sys_exc_info(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.args.is_empty() || !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("sys.exc_info() takes no arguments ({} given)", a.args.len())));
    }
    let handled = vm.handled.last().cloned();
    let items = match handled {
        Some(e) => {
            let tb = vm.exception_traceback(&e)?;
            vec![e.type_obj(), e, tb]
        }
        None => vec![vm.none(), vm.none(), vm.none()],
    };
    Ok(vm.new_tuple(items))
}

fn sys_getrefcount(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "sys.getrefcount", a.args, 1, 1)?;
    // The argument slice holds one count, as CPython's argument does.
    Ok(vm.new_int(a.args[0].refcount() as i64))
}

fn sys_getsizeof(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "getsizeof", a.args, 1, 2)?;
    let o = &a.args[0];
    let size: i64 = match o.kind() {
        Kind::None => 16,
        Kind::Bool => if vm.small_int(o) == Some(0) { 24 } else { 28 },
        Kind::Int => {
            let b = vm.big_int(o).unwrap_or_default();
            let bits = b.bits();
            if bits == 0 { 24 } else { 24 + 4 * bits.div_ceil(30) as i64 }
        }
        Kind::Float => 24,
        Kind::Str => {
            let s = o.downcast::<StrValue>().expect("str");
            let max = s.text.code_points().max().unwrap_or(0);
            if max < 128 {
                49 + s.chars as i64
            } else if max < 256 {
                73 + s.chars as i64
            } else if max < 65536 {
                74 + 2 * s.chars as i64
            } else {
                76 + 4 * s.chars as i64
            }
        }
        Kind::Tuple => 40 + 8 * o.downcast::<TupleValue>().expect("tuple").0.len() as i64,
        Kind::List => {
            let l = o.downcast::<ListValue>().expect("list").0.borrow();
            56 + 8 * l.capacity().max(l.len()) as i64
        }
        Kind::Dict => {
            let n = o.downcast::<DictValue>().expect("dict").0.borrow().len();
            if n == 0 { 64 } else if n <= 5 { 184 } else if n <= 10 { 272 } else if n <= 21 { 464 } else { 64 + 40 * n as i64 }
        }
        Kind::Set => 216,
        _ => 48,
    };
    Ok(vm.new_int(size))
}

fn sys_intern(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "sys.intern", a.args, 1, 1)?;
    if a.args[0].kind() != Kind::Str {
        return Err(vm.type_error(format!("intern() argument must be str, not {}", vm.type_name(&a.args[0]))));
    }
    let s = vm.str_lossy(&a.args[0]);
    Ok(vm.intern(&s))
}

fn sys_getrecursionlimit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "getrecursionlimit", a.args, 0, 0)?;
    Ok(vm.new_int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "sys.setrecursionlimit", a.args, 1, 1)?;
    let Some(n) = vm.small_int(&a.args[0]) else {
        return Err(vm.type_error("an integer is required"));
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(vm.none())
}

fn sys_get_int_max_str_digits(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "get_int_max_str_digits", a.args, 0, 0)?;
    Ok(vm.new_int(vm.max_str_digits as i64))
}

/// `sys.set_int_max_str_digits(maxdigits)`: 0 (no limit) or at least 640,
/// CPython's threshold below which conversions are always allowed.
fn sys_set_int_max_str_digits(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = super::super::builtins_extra::kwargs(vm, "set_int_max_str_digits", &a, &["maxdigits"])?;
    let n = match (pos, &kw[0]) {
        ([x], None) | ([], Some(x)) => x.clone(),
        ([], None) => {
            return Err(vm.type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)"));
        }
        _ => return Err(vm.type_error("set_int_max_str_digits() takes at most 1 argument")),
    };
    let n = vm.index_value(&n)?;
    match num_traits::ToPrimitive::to_usize(&n) {
        Some(n) if n == 0 || n >= 640 => {
            vm.max_str_digits = n;
            Ok(vm.none())
        }
        _ => Err(vm.value_error("maxdigits must be 0 or larger than 640")),
    }
}
