//! Iterators over dicts (and their views) and sets that walk the live
//! table, as CPython's do, so a change of size made by the loop body is
//! caught: "dictionary changed size during iteration" / "Set changed size
//! during iteration" (a RuntimeError, raised again on every later step).
//!
//! Dict tables keep insertion order with no holes, so an index names the
//! next entry; set tables are walked slot by slot, skipping empty slots
//! and dummies.

use super::Vm;
use crate::heap::Obj;
use crate::object::PyResult;
use crate::object::payloads::*;
use std::cell::Cell;

impl Vm {
    /// An iterator over `source` (a dict or a set) giving `yields`.
    pub(crate) fn table_iter(&self, source: &Obj, yields: TableYield) -> Obj {
        let size = table_size(source);
        Obj::new(
            IteratorValue::Table { source: source.clone(), index: Cell::new(0), size: Cell::new(size), yields },
            &self.types.iterator,
        )
    }

    /// One step of a `IteratorValue::Table` walk.
    pub(crate) fn table_next(
        &mut self,
        source: &Obj,
        index: &Cell<usize>,
        size: &Cell<usize>,
        yields: TableYield,
    ) -> PyResult<Option<Obj>> {
        if table_size(source) != size.get() {
            size.set(usize::MAX);
            let msg = match yields {
                TableYield::SetKeys => "Set changed size during iteration",
                _ => "dictionary changed size during iteration",
            };
            return Err(self.err(&self.types.exceptions.runtime_error, msg));
        }
        let i = index.get();
        if let Some(d) = source.downcast::<DictValue>() {
            let entry = d.0.borrow().entry(i).map(|(k, v)| (k.key.clone(), v.clone()));
            let Some((k, v)) = entry else { return Ok(None) };
            index.set(i + 1);
            return Ok(Some(match yields {
                TableYield::DictValues => v,
                TableYield::DictItems => self.new_tuple(vec![k, v]),
                _ => k,
            }));
        }
        let Some(s) = source.downcast::<SetValue>() else { return Ok(None) };
        let table = s.0.borrow();
        for (j, slot) in table.slots.iter().enumerate().skip(i) {
            if let Some((_, Some(key))) = slot {
                index.set(j + 1);
                return Ok(Some(key.clone()));
            }
        }
        index.set(table.slots.len());
        Ok(None)
    }
}

fn table_size(source: &Obj) -> usize {
    if let Some(d) = source.downcast::<DictValue>() {
        return d.0.borrow().len();
    }
    source.downcast::<SetValue>().map_or(0, |s| s.0.borrow().used)
}
