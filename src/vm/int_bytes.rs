//! `int.to_bytes` and `int.from_bytes` (3.11 signatures: `length=1`,
//! `byteorder='big'`, keyword-only `signed=False`), on two's complement
//! big-endian bytes from `num_bigint`.

use super::Vm;
use super::builtins_extra::{kwargs, set_type_method};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};
use num_bigint::{BigInt, Sign};

pub(crate) fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    set_type_method(vm, &int, "to_bytes", int_to_bytes);
    let from = vm.new_builtin("from_bytes", int_from_bytes);
    let cm = Obj::new(DescrValue::ClassMethod(from), &vm.types.classmethod);
    let key = vm.intern("from_bytes");
    vm.table_set_str(&int.downcast::<TypeValue>().expect("type").dict, key, cm);
}

/// `byteorder` as "little-endian?", with CPython's errors.
fn little_endian(vm: &Vm, o: Option<&Obj>, func: &str) -> PyResult<bool> {
    let Some(o) = o else { return Ok(false) };
    let s = vm.str_param(func, "byteorder", o)?;
    match s.as_str() {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn int_to_bytes(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = kwargs(vm, "to_bytes", &a, &["length", "byteorder", "signed"])?;
    if pos.len() > 3 {
        return Err(vm.type_error(format!("to_bytes() takes at most 2 positional arguments ({} given)", pos.len() - 1)));
    }
    let Some(value) = pos.first().and_then(|o| vm.big_int(o)) else {
        return Err(vm.type_error("descriptor 'to_bytes' requires a 'int' object"));
    };
    let length = match pos.get(1).or(kw[0].as_ref()) {
        Some(l) => vm.index_value(l)?,
        None => BigInt::from(1),
    };
    let little = little_endian(vm, pos.get(2).or(kw[1].as_ref()), "to_bytes")?;
    let signed = match &kw[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let Some(length) = num_traits::ToPrimitive::to_usize(&length) else {
        return Err(vm.value_error("length argument must be non-negative"));
    };
    if !signed && value.sign() == Sign::Minus {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = value.to_signed_bytes_be();
    if !signed && bytes.len() > 1 && bytes[0] == 0 {
        bytes.remove(0);
    }
    if value.sign() == Sign::NoSign {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if value.sign() == Sign::Minus { 0xFF } else { 0 };
    let mut out = vm.filled_bytes(length - bytes.len(), fill)?;
    out.extend_from_slice(&bytes);
    if little {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

fn int_from_bytes(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = kwargs(vm, "from_bytes", &a, &["bytes", "byteorder", "signed"])?;
    let cls = pos.first().cloned().unwrap_or_else(|| vm.types.int.clone());
    let Some(source) = pos.get(1).or(kw[0].as_ref()).cloned() else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = little_endian(vm, pos.get(2).or(kw[1].as_ref()), "from_bytes")?;
    let signed = match &kw[2] {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut data = match vm.bytes_like(&source) {
        Some(d) => d,
        None if source.kind() == Kind::Str => {
            return Err(vm.type_error("cannot convert 'str' object to bytes"));
        }
        None => {
            let b = vm.types.bytes.clone();
            let obj = vm.call_object(&b, &[source])?;
            vm.bytes_like(&obj).unwrap_or_default()
        }
    };
    if little {
        data.reverse();
    }
    let value = if signed { BigInt::from_signed_bytes_be(&data) } else { BigInt::from_bytes_be(Sign::Plus, &data) };
    let r = vm.new_bigint(value);
    if cls.is(&vm.types.int) {
        return Ok(r);
    }
    vm.call_object(&cls, &[r])
}
