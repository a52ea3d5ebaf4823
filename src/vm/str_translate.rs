//! `str.maketrans` and `str.translate`, with CPython's rules and messages.
//!
//! A translation table is any object with `__getitem__` taking code
//! points: a `LookupError` keeps the character, `None` deletes it, an int
//! is a code point, a str is inserted.

use super::Vm;
use super::builtins_extra::set_type_method;
use super::list_methods::method_nargs;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};
use crate::text::Wtf8Buf;

fn code_points(o: &Obj) -> Option<Vec<u32>> {
    o.downcast::<StrValue>().map(|s| s.text.code_points().collect())
}

/// `str.maketrans(x[, y[, z]])` (a static method: no receiver).
fn str_maketrans(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("maketrans() takes no keyword arguments"));
    }
    let args = a.args;
    match args.len() {
        0 => return Err(vm.type_error("maketrans expected at least 1 argument, got 0")),
        n if n > 3 => return Err(vm.type_error(format!("maketrans expected at most 3 arguments, got {n}"))),
        _ => {}
    }
    let table = vm.new_dict();
    if args.len() == 1 {
        let Some(d) = args[0].downcast::<DictValue>() else {
            return Err(vm.type_error("if you give only one argument to maketrans it must be a dict"));
        };
        let entries: Vec<(Obj, Obj)> = d.0.borrow().iter().map(|(k, v)| (k.key.clone(), v.clone())).collect();
        for (k, v) in entries {
            let key = match code_points(&k) {
                Some(cps) if cps.len() == 1 => vm.new_int(cps[0] as i64),
                Some(_) => return Err(vm.value_error("string keys in translate table must be of length 1")),
                None if matches!(k.kind(), Kind::Int | Kind::Bool) => k,
                None => return Err(vm.type_error("keys in translate table must be strings or integers")),
            };
            vm.dict_set(&table, key, v)?;
        }
        return Ok(table);
    }
    let arg_str = |vm: &Vm, i: usize| {
        code_points(&args[i]).ok_or_else(|| {
            vm.type_error(format!("maketrans() argument {} must be str, not {}", i + 1, vm.type_name(&args[i])))
        })
    };
    let (from, to) = (arg_str(vm, 0)?, arg_str(vm, 1)?);
    if from.len() != to.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (f, t) in from.into_iter().zip(to) {
        let (k, v) = (vm.new_int(f as i64), vm.new_int(t as i64));
        vm.dict_set(&table, k, v)?;
    }
    if args.len() == 3 {
        for c in arg_str(vm, 2)? {
            let (k, none) = (vm.new_int(c as i64), vm.none());
            vm.dict_set(&table, k, none)?;
        }
    }
    Ok(table)
}

fn str_translate(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    method_nargs(vm, &a, "str", "translate", 1, 1, false)?;
    let Some(text) = code_points(&a.args[0]) else {
        return Err(vm.type_error(format!(
            "descriptor 'translate' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(&a.args[0])
        )));
    };
    let table = &a.args[1];
    let mut out = Wtf8Buf::new();
    for c in text {
        let key = vm.new_int(c as i64);
        let mapped = match vm.get_item(table, &key) {
            Ok(v) => v,
            Err(e) if vm.isinstance(&e.0, &vm.types.exceptions.lookup_error.clone()) => {
                out.push_code_point(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        if mapped.kind() == Kind::None {
            continue;
        }
        if let Some(s) = mapped.downcast::<StrValue>() {
            out.push_wtf8(&s.text);
        } else if let Some(i) = vm.big_int(&mapped) {
            match num_traits::ToPrimitive::to_u32(&i).filter(|&cp| cp < 0x110000) {
                Some(cp) => out.push_code_point(cp),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            }
        } else {
            return Err(vm.type_error("character mapping must return integer, None or str"));
        }
    }
    Ok(vm.new_str_wtf8(out))
}

pub(crate) fn install(vm: &mut Vm) {
    let t = vm.types.str_.clone();
    set_type_method(vm, &t, "translate", str_translate);
    let f = vm.new_builtin("maketrans", str_maketrans);
    let sm = Obj::new(DescrValue::StaticMethod(f), &vm.types.staticmethod);
    let key = vm.intern("maketrans");
    vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, sm);
}
