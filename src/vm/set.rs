//! `set` and `frozenset`, on a copy of CPython's open-addressing table
//! (Objects/setobject.c): table size 8 at first, 9 linear probes and then
//! perturbation, growth when 3/5 full to 4× the used count (2× above
//! 50,000), so iteration order matches CPython's for ints.
//!
//! Everything is installed as native dunder methods of the two types; the
//! VM's generic paths (len, in, iteration, repr, operators) reach them.

use super::Vm;
use super::builtins_extra::{set_builtin, set_type_method};
use crate::bytecode::CmpOp;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyResult};
use std::cell::RefCell;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

pub(crate) fn install(vm: &mut Vm) {
    let common: &[(&'static str, NativeFn)] = &[
        ("__new__", set_new),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__le__", set_le),
        ("__lt__", set_lt),
        ("__ge__", set_ge),
        ("__gt__", set_gt),
        ("__or__", set_or),
        ("__and__", set_and),
        ("__sub__", set_sub),
        ("__xor__", set_xor),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("copy", set_copy),
    ];
    let mutating: &[(&'static str, NativeFn)] = &[
        ("add", set_add),
        ("remove", set_remove),
        ("discard", set_discard),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        ("symmetric_difference_update", set_symmetric_difference_update),
        ("__ior__", set_ior),
        ("__iand__", set_iand),
        ("__isub__", set_isub),
        ("__ixor__", set_ixor),
    ];
    let (set, frozen) = (vm.types.set.clone(), vm.types.frozenset.clone());
    for t in [&set, &frozen] {
        for &(name, f) in common {
            set_type_method(vm, t, name, f);
        }
    }
    for &(name, f) in mutating {
        set_type_method(vm, &set, name, f);
    }
    set_type_method(vm, &frozen, "__hash__", frozenset_hash);
    let key = vm.intern("__hash__");
    let none = vm.none();
    vm.table_set_str(&set.downcast::<TypeValue>().expect("type").dict, key, none);
    set_builtin(vm, "set", set);
    set_builtin(vm, "frozenset", frozen);
}

fn empty_table() -> SetTable {
    SetTable { slots: vec![None; MINSIZE], fill: 0, used: 0, finger: 0 }
}

/// Where `set_insert_clean` puts a key known to be absent (no dummies).
fn insert_clean(slots: &mut [Option<(i64, Option<Obj>)>], key: Obj, hash: i64) {
    let mask = slots.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if slots[i].is_none() {
            slots[i] = Some((hash, Some(key)));
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if slots[i + j].is_none() {
                    slots[i + j] = Some((hash, Some(key)));
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}

fn resize(t: &mut SetTable, minused: usize) {
    let mut newsize = MINSIZE;
    while newsize <= minused {
        newsize <<= 1;
    }
    let old = std::mem::replace(&mut t.slots, vec![None; newsize]);
    for (h, k) in old.into_iter().flatten() {
        if let Some(k) = k {
            insert_clean(&mut t.slots, k, h);
        }
    }
    t.fill = t.used;
}

fn table(o: &Obj) -> &RefCell<SetTable> {
    &o.downcast::<SetValue>().expect("a set").0
}

/// The active keys in table order.
pub(crate) fn set_items(o: &Obj) -> Vec<Obj> {
    o.downcast::<SetValue>()
        .map(|s| s.0.borrow().slots.iter().flatten().filter_map(|(_, k)| k.clone()).collect())
        .unwrap_or_default()
}

fn is_set(o: &Obj) -> bool {
    o.kind() == Kind::Set
}

impl Vm {
    pub(crate) fn new_set_of(&self, frozen: bool) -> Obj {
        let t = if frozen { &self.types.frozenset } else { &self.types.set };
        Obj::new(SetValue(RefCell::new(empty_table())), t)
    }

    fn set_key_eq(&mut self, a: &Obj, b: &Obj) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.eq(a, b)
    }

    /// The slot holding `key`, if present.
    fn set_find(&mut self, s: &Obj, key: &Obj, hash: i64) -> PyResult<Option<usize>> {
        let t = table(s);
        let mask = t.borrow().slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let slot = t.borrow().slots.get(i + j).cloned().flatten();
                match slot {
                    None => return Ok(None),
                    Some((h, Some(k))) if h == hash => {
                        if self.set_key_eq(&k, key)? {
                            return Ok(Some(i + j));
                        }
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
    }

    pub(crate) fn set_add_key(&mut self, s: &Obj, key: Obj) -> PyResult<()> {
        let hash = self.hash(&key)?;
        self.set_add_hashed(s, key, hash)
    }

    fn set_add_hashed(&mut self, s: &Obj, key: Obj, hash: i64) -> PyResult<()> {
        let t = table(s);
        let mask = t.borrow().slots.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        let found_unused: usize;
        'outer: loop {
            let probes = if i + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
            for j in 0..=probes {
                let slot = t.borrow().slots[i + j].clone();
                match slot {
                    None => {
                        found_unused = i + j;
                        break 'outer;
                    }
                    Some((h, Some(k))) if h == hash => {
                        if self.set_key_eq(&k, &key)? {
                            return Ok(());
                        }
                    }
                    Some((_, None)) => {
                        if freeslot.is_none() {
                            freeslot = Some(i + j);
                        }
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
        }
        let mut tb = t.borrow_mut();
        if tb.slots.len() - 1 != mask {
            // Mutated by an `__eq__` meanwhile: start again.
            drop(tb);
            return self.set_add_hashed(s, key, hash);
        }
        if let Some(f) = freeslot {
            tb.used += 1;
            tb.slots[f] = Some((hash, Some(key)));
            return Ok(());
        }
        tb.fill += 1;
        tb.used += 1;
        tb.slots[found_unused] = Some((hash, Some(key)));
        if tb.fill * 5 < mask * 3 {
            return Ok(());
        }
        let used = tb.used;
        resize(&mut tb, if used > 50000 { used * 2 } else { used * 4 });
        Ok(())
    }

    /// Removes `key`; true if it was there.
    pub(crate) fn set_discard_key(&mut self, s: &Obj, key: &Obj) -> PyResult<bool> {
        let hash = self.hash(key)?;
        match self.set_find(s, key, hash)? {
            Some(i) => {
                let old = {
                    let mut t = table(s).borrow_mut();
                    t.used -= 1;
                    std::mem::replace(&mut t.slots[i], Some((-1, None)))
                };
                drop(old);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    pub(crate) fn set_has(&mut self, s: &Obj, key: &Obj) -> PyResult<bool> {
        let hash = self.hash(key)?;
        Ok(self.set_find(s, key, hash)?.is_some())
    }

    /// `set_update_internal`: adds everything of `other` to `s`.
    pub(crate) fn set_update_from(&mut self, s: &Obj, other: &Obj) -> PyResult<()> {
        if is_set(other) {
            let (entries, other_used, other_len): (Vec<(i64, Obj)>, usize, usize) = {
                let o = table(other).borrow();
                (
                    o.slots.iter().flatten().filter_map(|(h, k)| k.clone().map(|k| (*h, k))).collect(),
                    o.used,
                    o.slots.len(),
                )
            };
            if other_used == 0 {
                return Ok(());
            }
            {
                let mut t = table(s).borrow_mut();
                let mask = t.slots.len() - 1;
                if (t.fill + other_used) * 5 >= mask * 3 {
                    let used = t.used;
                    resize(&mut t, (used + other_used) * 2);
                }
                if t.fill == 0 {
                    if t.slots.len() == other_len && !s.is(other) {
                        let o = table(other).borrow();
                        t.slots = o.slots.iter().map(|x| x.clone().filter(|(_, k)| k.is_some())).collect();
                    } else {
                        for (h, k) in entries {
                            insert_clean(&mut t.slots, k, h);
                        }
                    }
                    t.fill = other_used;
                    t.used = other_used;
                    return Ok(());
                }
            }
            for (h, k) in entries {
                self.set_add_hashed(s, k, h)?;
            }
            return Ok(());
        }
        if other.kind() == Kind::Dict {
            let n = self.len(other)?;
            {
                let mut t = table(s).borrow_mut();
                let mask = t.slots.len() - 1;
                if (t.fill + n) * 5 >= mask * 3 {
                    let used = t.used;
                    resize(&mut t, (used + n) * 2);
                }
            }
            for k in self.dict_keys(other) {
                self.set_add_key(s, k)?;
            }
            return Ok(());
        }
        let it = self.get_iter(other)?;
        while let Some(k) = self.next(&it)? {
            self.set_add_key(s, k)?;
        }
        Ok(())
    }

    /// Builds a set from the top `n` stack items (`BuildSet`).
    pub(crate) fn build_set(&mut self, n: usize) -> PyResult<Obj> {
        let items = self.stack.split_off(self.stack.len() - n);
        let s = self.new_set_of(false);
        for x in items {
            self.set_add_key(&s, x)?;
        }
        Ok(s)
    }

    /// `SetAdd(depth)`: adds the popped value to the set `depth` down.
    pub(crate) fn set_add_at(&mut self, depth: usize) -> PyResult<()> {
        let v = self.stack.pop();
        let s = self.stack[self.stack.len() - depth].clone();
        self.set_add_key(&s, v)
    }

    fn set_copy_of(&mut self, s: &Obj, frozen: bool) -> PyResult<Obj> {
        let n = self.new_set_of(frozen);
        self.set_update_from(&n, s)?;
        Ok(n)
    }

    /// Any iterable as a set (sets themselves as they are).
    fn as_set(&mut self, o: &Obj) -> PyResult<Obj> {
        if is_set(o) {
            return Ok(o.clone());
        }
        let n = self.new_set_of(false);
        self.set_update_from(&n, o)?;
        Ok(n)
    }
}

fn this<'a>(vm: &Vm, a: &'a CallArgs<'_>, name: &str) -> PyResult<&'a Obj> {
    match a.args.first() {
        Some(s) if is_set(s) => Ok(s),
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'set' object"))),
    }
}

fn frozen_like(s: &Obj, vm: &Vm) -> bool {
    vm.is_subtype(&s.type_obj(), &vm.types.frozenset)
}

fn set_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let cls = &a.args[0];
    let frozen = vm.is_subtype(cls, &vm.types.frozenset);
    let name = if frozen { "frozenset" } else { "set" };
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if a.args.len() > 2 {
        return Err(vm.type_error(format!("{name} expected at most 1 argument, got {}", a.args.len() - 1)));
    }
    if frozen && cls.is(&vm.types.frozenset) {
        if let Some(x) = a.args.get(1) {
            if x.has_type(&vm.types.frozenset) {
                return Ok(x.clone());
            }
        }
    }
    let s = Obj::new(SetValue(RefCell::new(empty_table())), cls);
    if let Some(x) = a.args.get(1) {
        vm.set_update_from(&s, x)?;
    }
    Ok(s)
}

fn set_len(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let s = this(vm, &a, "__len__")?;
    let n = table(s).borrow().used;
    Ok(vm.new_int(n as i64))
}

fn set_contains(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let s = this(vm, &a, "__contains__")?;
    let key = &a.args[1];
    let r = match vm.set_has(s, key) {
        Ok(r) => r,
        Err(e) if is_set(key) && vm.isinstance(&e.0, &vm.types.exceptions.type_error.clone()) => {
            let f = vm.set_copy_of(key, true)?;
            vm.set_has(s, &f)?
        }
        Err(e) => return Err(e),
    };
    Ok(vm.bool_obj(r))
}

fn set_iter(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let s = this(vm, &a, "__iter__")?;
    Ok(vm.table_iter(s, TableYield::SetKeys))
}

fn set_repr(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let s = this(vm, &a, "__repr__")?.clone();
    let name = vm.type_name(&s);
    let items = set_items(&s);
    if items.is_empty() {
        return Ok(vm.new_str(&format!("{name}()")));
    }
    if vm.repr_active.contains(&s.addr()) {
        return Ok(vm.new_str(&format!("{name}(...)")));
    }
    vm.repr_active.push(s.addr());
    let parts = vm.with_native_depth(" while getting the repr of an object", |vm| {
        items.iter().map(|x| vm.repr(x)).collect::<PyResult<Vec<String>>>()
    });
    vm.repr_active.retain(|p| *p != s.addr());
    let parts = parts?;
    let body = format!("{{{}}}", parts.join(", "));
    let out = if name == "set" { body } else { format!("{name}({body})") };
    Ok(vm.new_str(&out))
}

fn subset(vm: &mut Vm, a: &Obj, b: &Obj) -> PyResult<bool> {
    if table(a).borrow().used > table(b).borrow().used {
        return Ok(false);
    }
    for x in set_items(a) {
        if !vm.set_has(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn compare_sets(vm: &mut Vm, a: &CallArgs<'_>, op: CmpOp) -> PyResult<Obj> {
    let s = this(vm, a, "__eq__")?.clone();
    let o = a.args[1].clone();
    if !is_set(&o) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    let (ls, lo) = (table(&s).borrow().used, table(&o).borrow().used);
    let r = match op {
        CmpOp::Eq => ls == lo && subset(vm, &s, &o)?,
        CmpOp::Ne => !(ls == lo && subset(vm, &s, &o)?),
        CmpOp::Le => subset(vm, &s, &o)?,
        CmpOp::Lt => ls < lo && subset(vm, &s, &o)?,
        CmpOp::Ge => subset(vm, &o, &s)?,
        CmpOp::Gt => ls > lo && subset(vm, &o, &s)?,
    };
    Ok(vm.bool_obj(r))
}

fn set_eq(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare_sets(vm, &a, CmpOp::Eq)
}
fn set_ne(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare_sets(vm, &a, CmpOp::Ne)
}
fn set_le(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare_sets(vm, &a, CmpOp::Le)
}
fn set_lt(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare_sets(vm, &a, CmpOp::Lt)
}
fn set_ge(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare_sets(vm, &a, CmpOp::Ge)
}
fn set_gt(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    compare_sets(vm, &a, CmpOp::Gt)
}

#[derive(Clone, Copy)]
enum SetOp {
    Union,
    Inter,
    Diff,
    SymDiff,
}

/// `s op other` as a new set of `s`'s kind.
fn combine(vm: &mut Vm, s: &Obj, other: &Obj, op: SetOp) -> PyResult<Obj> {
    let frozen = frozen_like(s, vm);
    match op {
        SetOp::Union => {
            let r = vm.set_copy_of(s, frozen)?;
            vm.set_update_from(&r, other)?;
            Ok(r)
        }
        SetOp::Inter => {
            let r = vm.new_set_of(frozen);
            if is_set(other) {
                let (mut a, mut b) = (s.clone(), other.clone());
                if table(&b).borrow().used > table(&a).borrow().used {
                    std::mem::swap(&mut a, &mut b);
                }
                // Iterate the smaller (b), keep what the larger (a) has.
                for x in set_items(&b) {
                    if vm.set_has(&a, &x)? {
                        vm.set_add_key(&r, x)?;
                    }
                }
            } else {
                let it = vm.get_iter(other)?;
                while let Some(x) = vm.next(&it)? {
                    if vm.set_has(s, &x)? {
                        vm.set_add_key(&r, x)?;
                    }
                }
            }
            Ok(r)
        }
        SetOp::Diff => {
            let o = vm.as_set(other)?;
            let (ls, lo) = (table(s).borrow().used, table(&o).borrow().used);
            if (ls >> 2) > lo {
                let r = vm.set_copy_of(s, frozen)?;
                for x in set_items(&o) {
                    vm.set_discard_key(&r, &x)?;
                }
                return Ok(r);
            }
            let r = vm.new_set_of(frozen);
            for x in set_items(s) {
                if !vm.set_has(&o, &x)? {
                    vm.set_add_key(&r, x)?;
                }
            }
            Ok(r)
        }
        SetOp::SymDiff => {
            let r = vm.set_copy_of(s, frozen)?;
            sym_update(vm, &r, other)?;
            Ok(r)
        }
    }
}

fn sym_update(vm: &mut Vm, r: &Obj, other: &Obj) -> PyResult<()> {
    let o = if is_set(other) && !other.is(r) { other.clone() } else { vm.as_set(other)? };
    let o = if o.is(r) { vm.set_copy_of(&o, false)? } else { o };
    for x in set_items(&o) {
        if !vm.set_discard_key(r, &x)? {
            vm.set_add_key(r, x)?;
        }
    }
    Ok(())
}

fn op_sym(op: SetOp) -> &'static str {
    match op {
        SetOp::Union => "|",
        SetOp::Inter => "&",
        SetOp::Diff => "-",
        SetOp::SymDiff => "^",
    }
}

fn binop(vm: &mut Vm, a: &CallArgs<'_>, op: SetOp) -> PyResult<Obj> {
    let s = this(vm, a, op_sym(op))?.clone();
    if !is_set(&a.args[1]) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    combine(vm, &s, &a.args[1], op)
}

fn set_or(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    binop(vm, &a, SetOp::Union)
}
fn set_and(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    binop(vm, &a, SetOp::Inter)
}
fn set_sub(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    binop(vm, &a, SetOp::Diff)
}
fn set_xor(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    binop(vm, &a, SetOp::SymDiff)
}

fn inplace(vm: &mut Vm, a: &CallArgs<'_>, op: SetOp) -> PyResult<Obj> {
    let s = this(vm, a, op_sym(op))?.clone();
    if !is_set(&a.args[1]) {
        return Ok(vm.singletons.not_implemented.clone());
    }
    update_op(vm, &s, &a.args[1], op)?;
    Ok(s)
}

fn update_op(vm: &mut Vm, s: &Obj, other: &Obj, op: SetOp) -> PyResult<()> {
    match op {
        SetOp::Union => vm.set_update_from(s, other),
        SetOp::SymDiff => sym_update(vm, s, other),
        SetOp::Diff => {
            if other.is(s) {
                *table(s).borrow_mut() = empty_table();
                return Ok(());
            }
            let o = vm.as_set(other)?;
            for x in set_items(&o) {
                vm.set_discard_key(s, &x)?;
            }
            Ok(())
        }
        SetOp::Inter => {
            let r = combine(vm, s, other, SetOp::Inter)?;
            let t = std::mem::replace(&mut *table(&r).borrow_mut(), empty_table());
            let old = std::mem::replace(&mut *table(s).borrow_mut(), t);
            drop(old);
            Ok(())
        }
    }
}

fn set_ior(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    inplace(vm, &a, SetOp::Union)
}
fn set_iand(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    inplace(vm, &a, SetOp::Inter)
}
fn set_isub(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    inplace(vm, &a, SetOp::Diff)
}
fn set_ixor(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    inplace(vm, &a, SetOp::SymDiff)
}

fn no_kw(vm: &Vm, a: &CallArgs<'_>, name: &str) -> PyResult<()> {
    if a.kwnames.is_empty() { Ok(()) } else { Err(vm.type_error(format!("set.{name}() takes no keyword arguments"))) }
}

/// The named methods taking any number of iterables.
fn multi(vm: &mut Vm, a: &CallArgs<'_>, name: &str, op: SetOp) -> PyResult<Obj> {
    no_kw(vm, a, name)?;
    let s = this(vm, a, name)?.clone();
    let mut r = match op {
        SetOp::Union | SetOp::Inter | SetOp::Diff if a.args.len() == 1 => {
            return vm.set_copy_of(&s, frozen_like(&s, vm));
        }
        _ => s.clone(),
    };
    for o in &a.args[1..] {
        r = combine(vm, &r, o, op)?;
    }
    Ok(r)
}

fn set_union(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    multi(vm, &a, "union", SetOp::Union)
}
fn set_intersection(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    multi(vm, &a, "intersection", SetOp::Inter)
}
fn set_difference(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    multi(vm, &a, "difference", SetOp::Diff)
}
fn set_symmetric_difference(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, &a, "symmetric_difference")?;
    if a.args.len() != 2 {
        return Err(vm.type_error(format!(
            "set.symmetric_difference() takes exactly one argument ({} given)",
            a.args.len().saturating_sub(1)
        )));
    }
    let s = this(vm, &a, "symmetric_difference")?.clone();
    combine(vm, &s, &a.args[1], SetOp::SymDiff)
}

fn one_arg(vm: &Vm, a: &CallArgs<'_>, name: &str) -> PyResult<()> {
    no_kw(vm, a, name)?;
    if a.args.len() != 2 {
        return Err(vm.type_error(format!(
            "set.{name}() takes exactly one argument ({} given)",
            a.args.len().saturating_sub(1)
        )));
    }
    Ok(())
}

fn set_issubset(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "issubset")?;
    let s = this(vm, &a, "issubset")?.clone();
    let o = vm.as_set(&a.args[1])?;
    let r = subset(vm, &s, &o)?;
    Ok(vm.bool_obj(r))
}

fn set_issuperset(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "issuperset")?;
    let s = this(vm, &a, "issuperset")?.clone();
    let o = vm.as_set(&a.args[1])?;
    let r = subset(vm, &o, &s)?;
    Ok(vm.bool_obj(r))
}

fn set_isdisjoint(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "isdisjoint")?;
    let s = this(vm, &a, "isdisjoint")?.clone();
    for x in vm.iterate_to_vec(&a.args[1])? {
        if vm.set_has(&s, &x)? {
            return Ok(vm.bool_obj(false));
        }
    }
    Ok(vm.bool_obj(true))
}

fn set_copy(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, &a, "copy")?;
    let s = this(vm, &a, "copy")?.clone();
    if s.has_type(&vm.types.frozenset) {
        return Ok(s);
    }
    let frozen = frozen_like(&s, vm);
    vm.set_copy_of(&s, frozen)
}

fn set_add(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "add")?;
    let s = this(vm, &a, "add")?.clone();
    vm.set_add_key(&s, a.args[1].clone())?;
    Ok(vm.none())
}

fn set_remove(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "remove")?;
    let s = this(vm, &a, "remove")?.clone();
    if !vm.set_discard_key(&s, &a.args[1])? {
        return Err(vm.key_error(a.args[1].clone()));
    }
    Ok(vm.none())
}

fn set_discard(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "discard")?;
    let s = this(vm, &a, "discard")?.clone();
    vm.set_discard_key(&s, &a.args[1])?;
    Ok(vm.none())
}

fn set_pop(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, &a, "pop")?;
    let s = this(vm, &a, "pop")?.clone();
    let mut t = table(&s).borrow_mut();
    if t.used == 0 {
        drop(t);
        return Err(vm.err(&vm.types.exceptions.key_error.clone(), "pop from an empty set"));
    }
    let mask = t.slots.len() - 1;
    let mut i = t.finger & mask;
    while !matches!(t.slots[i], Some((_, Some(_)))) {
        i = (i + 1) & mask;
    }
    let (_, k) = t.slots[i].replace((-1, None)).expect("active");
    t.used -= 1;
    t.finger = i + 1;
    Ok(k.expect("active"))
}

fn set_clear(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, &a, "clear")?;
    let s = this(vm, &a, "clear")?.clone();
    let old = std::mem::replace(&mut *table(&s).borrow_mut(), empty_table());
    drop(old);
    Ok(vm.none())
}

fn set_update(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_kw(vm, &a, "update")?;
    let s = this(vm, &a, "update")?.clone();
    for o in &a.args[1..] {
        vm.set_update_from(&s, o)?;
    }
    Ok(vm.none())
}

fn multi_update(vm: &mut Vm, a: &CallArgs<'_>, name: &str, op: SetOp) -> PyResult<Obj> {
    no_kw(vm, a, name)?;
    let s = this(vm, a, name)?.clone();
    for o in &a.args[1..] {
        update_op(vm, &s, o, op)?;
    }
    Ok(vm.none())
}

fn set_intersection_update(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    multi_update(vm, &a, "intersection_update", SetOp::Inter)
}
fn set_difference_update(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    multi_update(vm, &a, "difference_update", SetOp::Diff)
}
fn set_symmetric_difference_update(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    one_arg(vm, &a, "symmetric_difference_update")?;
    multi_update(vm, &a, "symmetric_difference_update", SetOp::SymDiff)
}

/// CPython's frozenset hash (`frozenset_hash` in setobject.c).
fn frozenset_hash(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let s = this(vm, &a, "__hash__")?.clone();
    let mut hash: u64 = 0;
    let entries: Vec<i64> =
        table(&s).borrow().slots.iter().flatten().filter(|(_, k)| k.is_some()).map(|(h, _)| *h).collect();
    for h in &entries {
        let h = *h as u64;
        hash ^= ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    }
    if table(&s).borrow().slots.iter().any(|x| matches!(x, Some((_, None)))) {
        // Dummies do not change the hash: CPython xors them out too.
    }
    hash ^= ((entries.len() as u64) + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as i64;
    if h == -1 {
        h = 590923713;
    }
    Ok(vm.new_int(h))
}
