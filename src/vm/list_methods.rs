//! Methods of list and tuple, and list slice assignment and deletion
//! (installed as the list type's `__setitem__`/`__delitem__`, which the
//! VM's fast paths reach only for slice keys).

use super::Vm;
use super::builtins_extra::{kwargs, set_type_method};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};

pub(crate) fn install(vm: &mut Vm) {
    let list = vm.types.list.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("extend", list_extend),
        ("insert", list_insert),
        ("remove", list_remove),
        ("index", seq_index),
        ("count", seq_count),
        ("sort", list_sort),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
        ("__setitem__", list_setitem),
        ("__delitem__", list_delitem),
    ];
    for &(name, f) in methods {
        set_type_method(vm, &list, name, f);
    }
    let tuple = vm.types.tuple.clone();
    set_type_method(vm, &tuple, "index", seq_index);
    set_type_method(vm, &tuple, "count", seq_count);
}

fn this_list<'a>(vm: &Vm, a: &'a [Obj], name: &str) -> PyResult<&'a ListValue> {
    a.first()
        .and_then(|o| o.downcast::<ListValue>())
        .ok_or_else(|| vm.descriptor_mismatch(name, "list", a.first()))
}

fn nargs(vm: &Vm, a: &CallArgs<'_>, name: &str, min: usize, max: usize) -> PyResult<()> {
    method_nargs(vm, a, "list", name, min, max, false)
}

/// Checks the argument count of a builtin method `owner.name` (its `self`
/// not counted), with CPython's messages for each kind of method. The
/// check of a right call is inlined into the method: it is most of the
/// cost of a short method such as `append`.
#[inline(always)]
pub(crate) fn method_nargs(
    vm: &Vm,
    a: &CallArgs<'_>,
    owner: &str,
    name: &str,
    min: usize,
    max: usize,
    takes_keywords: bool,
) -> PyResult<()> {
    if a.kwnames.is_empty() && a.args.len() > min && a.args.len() <= max + 1 {
        return Ok(());
    }
    method_nargs_slow(vm, a, owner, name, min, max, takes_keywords)
}

#[cold]
#[inline(never)]
fn method_nargs_slow(
    vm: &Vm,
    a: &CallArgs<'_>,
    owner: &str,
    name: &str,
    min: usize,
    max: usize,
    takes_keywords: bool,
) -> PyResult<()> {
    // Called through the class with no receiver (`list.append()`).
    if a.args.len() == a.kwnames.len() {
        return Err(vm.type_error(format!("unbound method {owner}.{name}() needs an argument")));
    }
    if !a.kwnames.is_empty() && !takes_keywords {
        return Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    let n = a.args.len() - a.kwnames.len() - 1;
    if n < min || n > max {
        let msg = if min == max && min == 0 {
            format!("{owner}.{name}() takes no arguments ({n} given)")
        } else if min == max {
            format!("{owner}.{name}() takes exactly one argument ({n} given)")
        } else if n < min {
            format!("{name} expected at least {min} argument{}, got {n}", if min == 1 { "" } else { "s" })
        } else {
            format!("{name} expected at most {max} argument{}, got {n}", if max == 1 { "" } else { "s" })
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

fn list_extend(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "extend", 1, 1)?;
    let l = this_list(vm, a.args, "extend")?;
    let items = vm.iterate_to_vec(&a.args[1])?;
    l.0.borrow_mut().extend(items);
    Ok(vm.none())
}

fn index_arg(vm: &Vm, o: &Obj) -> PyResult<i64> {
    match vm.big_int(o) {
        Some(b) => Ok(num_traits::ToPrimitive::to_i64(&b).unwrap_or(if num_traits::Signed::is_negative(&b) {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        None => Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", vm.type_name(o)))),
    }
}

fn list_insert(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if a.args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", a.args.len() - 1)));
    }
    let l = this_list(vm, a.args, "insert")?;
    let i = index_arg(vm, &a.args[1])?;
    let len = l.0.borrow().len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.0.borrow_mut().insert(j as usize, a.args[2].clone());
    Ok(vm.none())
}

fn list_remove(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "remove", 1, 1)?;
    let l = this_list(vm, a.args, "remove")?;
    let mut i = 0;
    loop {
        let item = l.0.borrow().get(i).cloned();
        let Some(item) = item else { break };
        if item.is(&a.args[1]) || vm.eq(&item, &a.args[1])? {
            let mut v = l.0.borrow_mut();
            if i < v.len() {
                let old = v.remove(i);
                drop(v);
                drop(old);
            }
            return Ok(vm.none());
        }
        i += 1;
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn items_of(o: &Obj) -> Vec<Obj> {
    match o.kind() {
        Kind::List => o.downcast::<ListValue>().map(|l| l.0.borrow().clone()).unwrap_or_default(),
        _ => o.downcast::<TupleValue>().map(|t| t.0.to_vec()).unwrap_or_default(),
    }
}

fn seq_index(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if !a.kwnames.is_empty() {
        let owner = if a.args[0].kind() == Kind::List { "list" } else { "tuple" };
        return Err(vm.type_error(format!("{owner}.index() takes no keyword arguments")));
    }
    if a.args.len() < 2 || a.args.len() > 4 {
        let n = a.args.len().saturating_sub(1);
        return Err(vm.type_error(if n < 1 {
            format!("index expected at least 1 argument, got {n}")
        } else {
            format!("index expected at most 3 arguments, got {n}")
        }));
    }
    let items = items_of(&a.args[0]);
    let len = items.len() as i64;
    let norm = |i: i64| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let start = match a.args.get(2) {
        Some(s) => norm(index_arg(vm, s)?),
        None => 0,
    };
    let stop = match a.args.get(3) {
        Some(s) => norm(index_arg(vm, s)?),
        None => len,
    };
    let mut i = start;
    while i < stop && (i as usize) < items.len() {
        let x = &items[i as usize];
        if x.is(&a.args[1]) || vm.eq(x, &a.args[1])? {
            return Ok(vm.new_int(i));
        }
        i += 1;
    }
    if a.args[0].kind() == Kind::List {
        let r = vm.repr(&a.args[1])?;
        Err(vm.value_error(format!("{r} is not in list")))
    } else {
        Err(vm.value_error("tuple.index(x): x not in tuple"))
    }
}

fn seq_count(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    if a.args.len() != 2 || !a.kwnames.is_empty() {
        let what = if a.args.first().is_some_and(|o| o.kind() == Kind::List) { "list" } else { "tuple" };
        return Err(vm.type_error(format!("{what}.count() takes exactly one argument ({} given)", a.args.len().saturating_sub(1))));
    }
    let items = items_of(&a.args[0]);
    let mut n = 0;
    for x in &items {
        if x.is(&a.args[1]) || vm.eq(x, &a.args[1])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

/// `list.sort`'s `reverse`: Argument Clinic's `bool(accept={int})`, an
/// int (or `__index__`) that fits a C int, not any truthy value.
pub(crate) fn sort_reverse(vm: &mut Vm, reverse: Option<&Obj>) -> PyResult<bool> {
    let Some(r) = reverse else { return Ok(false) };
    let n = vm.index_value(r)?;
    match i32::try_from(n) {
        Ok(n) => Ok(n != 0),
        Err(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn list_sort(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (pos, kw) = kwargs(vm, "sort", &a, &["key", "reverse"])?;
    if pos.len() != 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = this_list(vm, pos, "sort")?;
    // Read before the items are taken out: a bad `reverse` leaves the
    // list as it was.
    let reverse = sort_reverse(vm, kw[1].as_ref())?;
    let items = std::mem::take(&mut *l.0.borrow_mut());
    let result = vm.sort_objs(items.clone(), kw[0].as_ref(), reverse);
    let modified = !l.0.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *l.0.borrow_mut() = sorted;
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(vm.none())
        }
        Err(e) => {
            *l.0.borrow_mut() = items;
            Err(e)
        }
    }
}

fn list_reverse(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "reverse", 0, 0)?;
    this_list(vm, a.args, "reverse")?.0.borrow_mut().reverse();
    Ok(vm.none())
}

fn list_copy(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "copy", 0, 0)?;
    let items = this_list(vm, a.args, "copy")?.0.borrow().clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    nargs(vm, &a, "clear", 0, 0)?;
    let old = std::mem::take(&mut *this_list(vm, a.args, "clear")?.0.borrow_mut());
    drop(old);
    Ok(vm.none())
}

/// `(start, stop, step)` of a slice over `len`, as `slice.indices`.
fn slice_bounds(vm: &Vm, s: &SliceValue, len: usize) -> PyResult<(i64, i64, i64, usize)> {
    let idx = vm.slice_indices(s, len)?;
    let step = if s.step.kind() == Kind::None { 1 } else { index_arg(vm, &s.step)? };
    let start = match idx.first() {
        Some(&i) => i as i64,
        None => {
            // Where an empty slice would insert.
            let len = len as i64;
            match s.start.kind() {
                Kind::None => if step > 0 { 0 } else { len },
                _ => {
                    let v = index_arg(vm, &s.start)?;
                    if v < 0 { (v + len).max(0) } else { v.min(len) }
                }
            }
        }
    };
    Ok((start, 0, step, idx.len()))
}

fn list_setitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let l = this_list(vm, a.args, "__setitem__")?;
    let key = vm.resolve_slice(&a.args[1])?;
    let Some(s) = key.downcast::<SliceValue>() else {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(&a.args[1])
        )));
    };
    let new = vm.iterate_to_vec(&a.args[2])?;
    let len = l.0.borrow().len();
    let (start, _, step, n) = slice_bounds(vm, s, len)?;
    if step == 1 {
        let end = (start as usize + n).min(len);
        let old: Vec<Obj> = l.0.borrow_mut().splice(start as usize..end, new).collect();
        drop(old);
        return Ok(vm.none());
    }
    if new.len() != n {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {n}",
            new.len()
        )));
    }
    let idx = vm.slice_indices(s, len)?;
    let mut old = Vec::new();
    {
        let mut v = l.0.borrow_mut();
        for (i, x) in idx.into_iter().zip(new) {
            old.push(std::mem::replace(&mut v[i], x));
        }
    }
    drop(old);
    Ok(vm.none())
}

fn list_delitem(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let l = this_list(vm, a.args, "__delitem__")?;
    let key = vm.resolve_slice(&a.args[1])?;
    let Some(s) = key.downcast::<SliceValue>() else {
        return Err(vm.type_error(format!(
            "list indices must be integers or slices, not {}",
            vm.type_name(&a.args[1])
        )));
    };
    let len = l.0.borrow().len();
    let mut idx = vm.slice_indices(s, len)?;
    idx.sort_unstable();
    let mut old = Vec::new();
    {
        let mut v = l.0.borrow_mut();
        for &i in idx.iter().rev() {
            old.push(v.remove(i));
        }
    }
    drop(old);
    Ok(vm.none())
}
