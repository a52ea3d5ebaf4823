//! The container payloads' `Payload` impls: `traverse` and `clear`, the
//! two hooks the cycle collector (`heap::collector`) needs.
//!
//! Contracts:
//! - `traverse` visits every `Obj` the payload owns, each once per owned
//!   count, and nothing else (the header's type is visited by the heap).
//!   Visiting an `Obj` the payload does not own, or missing one, breaks
//!   the collector's arithmetic. A `RefCell` that is mutably borrowed
//!   makes it return `Err(Busy)` before visiting anything.
//! - `traverse` is generic over its visitor, so each collector step gets
//!   its own copy with the visitor inlined: an edge costs a flag test,
//!   not a dynamic call (the collector visits every edge of every young
//!   object at each collection).
//! - `clear` drops the references a cycle can run through: those in
//!   `RefCell`s. Immutable fields cannot close a cycle without a mutable
//!   link elsewhere, which is cleared. It runs only on unreachable
//!   objects, with no borrow held, and drops what it takes after the
//!   borrow ends (dropping only queues objects on the dead list).
//!
//! A new leaf kind needs none of this: one line in `payloads!`.

use super::payloads::*;
use crate::heap::{Busy, Kind, Obj, Payload};
use std::cell::{Ref, RefCell};

fn read<T>(c: &RefCell<T>) -> Result<Ref<'_, T>, Busy> {
    c.try_borrow().map_err(|_| Busy)
}

fn opt<V: FnMut(&Obj)>(o: &Option<Obj>, visit: &mut V) {
    if let Some(o) = o {
        visit(o);
    }
}

fn take<T: Default>(c: &RefCell<T>) {
    if let Ok(mut b) = c.try_borrow_mut() {
        let old = std::mem::take(&mut *b);
        drop(b);
        drop(old);
    }
}

impl Payload for TupleValue {
    const KIND: Kind = Kind::Tuple;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        self.0.iter().for_each(visit);
        Ok(())
    }
}

impl Payload for ListValue {
    const KIND: Kind = Kind::List;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        let (items, dict) = (read(&self.0)?, read(&self.1)?);
        items.iter().for_each(&mut *visit);
        opt(&dict, visit);
        Ok(())
    }
    fn clear(&self) {
        take(&self.0);
        take(&self.1);
    }
}

fn traverse_table<V: FnMut(&Obj)>(t: &crate::object::dict::DictTable, visit: &mut V) {
    for (k, v) in t.iter() {
        visit(&k.key);
        visit(v);
    }
}

fn clear_table(c: &RefCell<crate::object::dict::DictTable>) {
    if let Ok(mut t) = c.try_borrow_mut() {
        let old = t.clear();
        drop(t);
        drop(old);
    }
}

impl Payload for DictValue {
    const KIND: Kind = Kind::Dict;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        let (table, dict) = (read(&self.0)?, read(&self.1)?);
        traverse_table(&table, &mut *visit);
        opt(&dict, visit);
        Ok(())
    }
    fn clear(&self) {
        clear_table(&self.0);
        take(&self.1);
    }
}

impl Payload for TypeValue {
    const KIND: Kind = Kind::Type;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        let (bases, mro, dict) = (read(&self.bases)?, read(&self.mro)?, read(&self.dict)?);
        bases.iter().for_each(&mut *visit);
        mro.iter().for_each(&mut *visit);
        traverse_table(&dict, visit);
        read(&self.subclasses)?.iter().for_each(&mut *visit);
        Ok(())
    }
    fn clear(&self) {
        clear_table(&self.dict);
        take(&self.mro);
        take(&self.bases);
        take(&self.subclasses);
    }
}

impl Payload for FunctionValue {
    const KIND: Kind = Kind::Function;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        let (name, qualname) = (read(&self.name)?, read(&self.qualname)?);
        let (defaults, kwdefaults, dict) = (read(&self.defaults)?, read(&self.kwdefaults)?, read(&self.dict)?);
        visit(&self.code);
        visit(&self.globals);
        visit(&name);
        visit(&qualname);
        opt(&defaults, visit);
        opt(&kwdefaults, visit);
        opt(&self.closure, visit);
        opt(&dict, visit);
        Ok(())
    }
    fn clear(&self) {
        take(&self.defaults);
        take(&self.kwdefaults);
        take(&self.dict);
    }
}

impl Payload for BuiltinFunctionValue {
    const KIND: Kind = Kind::BuiltinFunction;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        opt(&self.bound, visit);
        Ok(())
    }
}

impl Payload for ModuleValue {
    const KIND: Kind = Kind::Module;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        visit(&self.name);
        visit(&self.dict);
        Ok(())
    }
}

impl Payload for InstanceValue {
    const KIND: Kind = Kind::Instance;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        let dict = read(&self.dict)?;
        // Busy is found out before anything is visited (the contract);
        // visiting runs no code, so no member becomes busy meanwhile.
        if self.slots.iter().any(|s| s.try_borrow().is_err()) {
            return Err(Busy);
        }
        opt(&dict, visit);
        for s in self.slots.iter() {
            opt(&*read(s)?, visit);
        }
        Ok(())
    }
    fn clear(&self) {
        take(&self.dict);
        for s in self.slots.iter() {
            take(s);
        }
    }
}

impl Payload for CellValue {
    const KIND: Kind = Kind::Cell;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        opt(&*read(&self.0)?, visit);
        Ok(())
    }
    fn clear(&self) {
        take(&self.0);
    }
}

impl Payload for IteratorValue {
    const KIND: Kind = Kind::Iterator;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        match self {
            IteratorValue::Seq { seq, .. } | IteratorValue::Reversed { seq, .. } => visit(seq),
            IteratorValue::Range { .. } | IteratorValue::BigRange { .. } => {}
            IteratorValue::Table { source, .. } => visit(source),
            IteratorValue::Map { func, iters } => {
                visit(func);
                iters.iter().for_each(visit);
            }
            IteratorValue::Filter { func, it } => {
                visit(func);
                visit(it);
            }
            IteratorValue::Zip { iters, .. } => iters.iter().for_each(visit),
            IteratorValue::Enumerate { it, .. } => visit(it),
            IteratorValue::CallIter { func, sentinel, .. } => {
                visit(func);
                visit(sentinel);
            }
        }
        Ok(())
    }
}

impl Payload for ExceptionValue {
    const KIND: Kind = Kind::Exception;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        let (args, cause, context, dict) = (read(&self.args)?, read(&self.cause)?, read(&self.context)?, read(&self.dict)?);
        visit(&args);
        opt(&cause, visit);
        opt(&context, visit);
        opt(&dict, visit);
        Ok(())
    }
    fn clear(&self) {
        take(&self.cause);
        take(&self.context);
        take(&self.dict);
    }
}

impl Payload for BoundMethodValue {
    const KIND: Kind = Kind::BoundMethod;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        visit(&self.func);
        visit(&self.self_);
        Ok(())
    }
}

impl Payload for SliceValue {
    const KIND: Kind = Kind::Slice;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        visit(&self.start);
        visit(&self.stop);
        visit(&self.step);
        Ok(())
    }
}

impl Payload for SetValue {
    const KIND: Kind = Kind::Set;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        for slot in read(&self.0)?.slots.iter().flatten() {
            opt(&slot.1, visit);
        }
        Ok(())
    }
    fn clear(&self) {
        if let Ok(mut t) = self.0.try_borrow_mut() {
            // An empty table of CPython's minimum size (8 slots).
            let old = std::mem::replace(&mut t.slots, vec![None; 8]);
            (t.fill, t.used, t.finger) = (0, 0, 0);
            drop(t);
            drop(old);
        }
    }
}

impl Payload for DescrValue {
    const KIND: Kind = Kind::Descr;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        match self {
            DescrValue::Property { fget, fset, fdel, doc, name } => {
                let name = read(name)?;
                for o in [fget, fset, fdel, doc, &name] {
                    opt(o, visit);
                }
            }
            DescrValue::StaticMethod(f) | DescrValue::ClassMethod(f) => visit(f),
            DescrValue::Super { type_, obj, obj_type } => {
                visit(type_);
                opt(obj, visit);
                opt(obj_type, visit);
            }
            DescrValue::Slot { name, owner, .. } => {
                visit(name);
                visit(owner);
            }
        }
        Ok(())
    }
}

impl Payload for GeneratorValue {
    const KIND: Kind = Kind::Generator;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        visit(&self.name);
        visit(&self.qualname);
        if let Some(f) = read(&self.frame)?.as_ref() {
            f.slots.iter().for_each(|l| opt(l, visit));
            f.cells.iter().flat_map(|c| c.iter()).for_each(&mut *visit);
            visit(&f.globals);
            f.handling.iter().for_each(visit);
        }
        Ok(())
    }
    fn clear(&self) {
        take(&self.frame);
    }
}

impl Payload for WeakRefValue {
    const KIND: Kind = Kind::WeakRef;
    const GC: bool = true;
    fn traverse<V: FnMut(&Obj)>(&self, visit: &mut V) -> Result<(), Busy> {
        opt(&*read(self.target.callback_cell())?, visit);
        Ok(())
    }
    fn clear(&self) {
        take(self.target.callback_cell());
    }
    fn weak_target(&self) -> Option<&crate::heap::WeakTarget> {
        Some(&self.target)
    }
}
