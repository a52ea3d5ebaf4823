//! The `gc` module: the cycle collector's controls (`heap::GcControl`)
//! and `gc.collect()` (`heap::Heap::collect_cycles`), which runs
//! finalizers through the VM's `DelCaller`.
//!
//! Under the `refcount` strategy there is no collector: nothing is
//! tracked, `collect()` finds nothing and the counts stay at zero; the
//! settings are still stored and reported, so code that sets them runs.

use super::super::{DelCaller, Vm};
use super::arity;
use crate::heap::{DEBUG_SAVEALL, GENERATIONS, GcControl, Heap, Obj, obj_flags};
use crate::object::{CallArgs, PyResult};

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("gc");
    vm.module_fns(
        &m,
        &[
            ("collect", gc_collect),
            ("enable", gc_enable),
            ("disable", gc_disable),
            ("isenabled", gc_isenabled),
            ("get_count", gc_get_count),
            ("get_threshold", gc_get_threshold),
            ("set_threshold", gc_set_threshold),
            ("is_tracked", gc_is_tracked),
            ("is_finalized", gc_is_finalized),
            ("get_objects", gc_get_objects),
            ("get_stats", gc_get_stats),
            ("get_debug", gc_get_debug),
            ("set_debug", gc_set_debug),
            ("freeze", gc_freeze),
            ("unfreeze", gc_unfreeze),
            ("get_freeze_count", gc_get_freeze_count),
        ],
    );
    let garbage = vm.gc_garbage.clone();
    vm.module_set(&m, "garbage", garbage);
    let callbacks = vm.new_list(vec![]);
    vm.module_set(&m, "callbacks", callbacks);
    for (name, v) in [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL as i64),
        ("DEBUG_LEAK", 38),
    ] {
        let v = vm.new_int(v);
        vm.module_set(&m, name, v);
    }
    m
}

/// A generation number argument, checked as CPython checks it.
fn generation_arg(vm: &Vm, o: &Obj) -> PyResult<usize> {
    if o.kind() == crate::heap::Kind::Float {
        return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
    }
    let Some(g) = vm.small_int(o) else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(o))));
    };
    if !(0..GENERATIONS as i64).contains(&g) {
        return Err(vm.value_error("invalid generation"));
    }
    Ok(g as usize)
}

/// The single optional argument `name`, positional or by keyword.
fn optional_arg<'a>(vm: &Vm, fname: &str, name: &str, a: &CallArgs<'a>) -> PyResult<Option<&'a Obj>> {
    let pos = a.positional_args();
    if pos.len() + a.kwnames.len() > 1 {
        // Argument Clinic's wording for these two functions.
        return Err(vm.type_error(format!("{fname}() takes at most 1 argument ({} given)", pos.len() + a.kwnames.len())));
    }
    let mut found = pos.first();
    for (i, k) in a.kwnames.iter().enumerate() {
        let shown = vm.str_text(k).map(|t| t.to_string_lossy()).unwrap_or_default();
        if shown != name || found.is_some() {
            return Err(vm.type_error(format!("{fname}() got an unexpected keyword argument '{shown}'")));
        }
        found = Some(&a.args[pos.len() + i]);
    }
    Ok(found)
}

fn gc_collect(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let generation = match optional_arg(vm, "collect", "generation", &a)? {
        Some(g) => generation_arg(vm, g)?,
        None => GENERATIONS - 1,
    };
    // The type attribute cache holds its classes strongly (CPython's holds
    // them borrowed): emptied first, a class nothing else reaches is
    // garbage in this collection, as in CPython.
    vm.clear_type_cache();
    let found = Heap::collect_cycles(generation, &mut DelCaller { vm });
    Ok(vm.new_int(found as i64))
}

fn gc_enable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "enable", a.args, 0, 0)?;
    GcControl::set_enabled(true);
    Ok(vm.none())
}

fn gc_disable(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "disable", a.args, 0, 0)?;
    GcControl::set_enabled(false);
    Ok(vm.none())
}

fn gc_isenabled(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "isenabled", a.args, 0, 0)?;
    Ok(vm.bool_obj(GcControl::enabled()))
}

fn int_tuple(vm: &Vm, values: [usize; GENERATIONS]) -> Obj {
    let items = values.iter().map(|&v| vm.new_int(v as i64)).collect();
    vm.new_tuple(items)
}

fn gc_get_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "get_count", a.args, 0, 0)?;
    Ok(int_tuple(vm, GcControl::counts()))
}

fn gc_get_threshold(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "get_threshold", a.args, 0, 0)?;
    Ok(int_tuple(vm, GcControl::thresholds()))
}

fn gc_set_threshold(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "set_threshold", a.args, 1, GENERATIONS)?;
    let mut values = Vec::new();
    for v in a.args {
        if v.kind() == crate::heap::Kind::Float {
            return Err(vm.type_error("'float' object cannot be interpreted as an integer"));
        }
        match vm.small_int(v) {
            Some(n) => values.push(n.clamp(0, i32::MAX as i64) as usize),
            None => return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(v)))),
        }
    }
    for (g, v) in values.into_iter().enumerate() {
        GcControl::set_threshold(g, v);
    }
    Ok(vm.none())
}

fn gc_is_tracked(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "gc.is_tracked", a.args, 1, 1)?;
    Ok(vm.bool_obj(a.args[0].is_tracked()))
}

fn gc_is_finalized(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "gc.is_finalized", a.args, 1, 1)?;
    Ok(vm.bool_obj(a.args[0].flags() & obj_flags::FINALIZED != 0))
}

fn gc_get_objects(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let generation = match optional_arg(vm, "get_objects", "generation", &a)? {
        Some(g) if g.is(&vm.none()) => None,
        Some(g) => Some(generation_arg(vm, g)?),
        None => None,
    };
    let objects = GcControl::objects(generation);
    Ok(vm.new_list(objects))
}

fn gc_get_stats(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "get_stats", a.args, 0, 0)?;
    let mut out = Vec::new();
    for s in GcControl::stats() {
        let d = vm.new_dict();
        for (k, v) in [("collections", s.collections), ("collected", s.collected), ("uncollectable", s.uncollectable)] {
            let k = vm.new_str(k);
            let v = vm.new_int(v as i64);
            vm.dict_set(&d, k, v)?;
        }
        out.push(d);
    }
    Ok(vm.new_list(out))
}

fn gc_get_debug(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "get_debug", a.args, 0, 0)?;
    Ok(vm.new_int(GcControl::debug() as i64))
}

fn gc_set_debug(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "gc.set_debug", a.args, 1, 1)?;
    let Some(flags) = vm.small_int(&a.args[0]) else {
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(&a.args[0]))));
    };
    GcControl::set_debug(flags as u32);
    Ok(vm.none())
}

fn gc_freeze(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "freeze", a.args, 0, 0)?;
    GcControl::freeze();
    Ok(vm.none())
}

fn gc_unfreeze(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "unfreeze", a.args, 0, 0)?;
    GcControl::unfreeze();
    Ok(vm.none())
}

fn gc_get_freeze_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "get_freeze_count", a.args, 0, 0)?;
    Ok(vm.new_int(GcControl::freeze_count() as i64))
}
