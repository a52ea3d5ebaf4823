//! The `time` module.

use super::super::Vm;
use super::arity;
use crate::heap::Obj;
use crate::object::{CallArgs, PyResult};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static START: Instant = Instant::now();
}

pub(super) fn make(vm: &mut Vm) -> Obj {
    let m = vm.new_module("time");
    vm.module_fns(
        &m,
        &[
            ("time", time_time),
            ("perf_counter", time_perf_counter),
            ("monotonic", time_perf_counter),
            ("process_time", time_perf_counter),
            ("sleep", time_sleep),
            ("time_ns", time_time_ns),
            ("perf_counter_ns", time_perf_counter_ns),
            ("monotonic_ns", time_perf_counter_ns),
        ],
    );
    m
}

fn now() -> f64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs_f64()).unwrap_or(0.0)
}

fn time_time(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "time", a.args, 0, 0)?;
    Ok(vm.new_float(now()))
}

fn time_time_ns(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "time_ns", a.args, 0, 0)?;
    let ns = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    Ok(vm.new_bigint(num_bigint::BigInt::from(ns)))
}

fn time_perf_counter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "perf_counter", a.args, 0, 0)?;
    Ok(vm.new_float(START.with(|s| s.elapsed().as_secs_f64())))
}

fn time_perf_counter_ns(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "perf_counter_ns", a.args, 0, 0)?;
    Ok(vm.new_bigint(num_bigint::BigInt::from(START.with(|s| s.elapsed().as_nanos()))))
}

fn time_sleep(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    arity(vm, "time.sleep", a.args, 1, 1)?;
    let s = vm.float_arg(&a.args[0])?;
    if s < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    std::thread::sleep(std::time::Duration::from_secs_f64(s));
    Ok(vm.none())
}
