//! Iteration, subscripts, membership and unpacking.

use super::{SliceRange, Vm};
use crate::bytecode::UnOp;
use crate::heap::{Kind, Obj};
use crate::object::PyResult;
use crate::object::payloads::*;
use num_traits::Signed;
use std::cell::Cell;

/// One step of a builtin iterator (`Vm::step_simple`).
pub(crate) enum Step {
    /// A range's next int, not yet boxed.
    Int(i64),
    Item(Obj),
    /// Exhausted.
    End,
}

impl Vm {
    pub fn unary_op(&mut self, a: &Obj, op: UnOp) -> PyResult<Obj> {
        if op == UnOp::Not {
            let t = self.truthy(a)?;
            return Ok(self.bool_obj(!t));
        }
        if let Some(i) = self.small_int(a) {
            return Ok(match op {
                UnOp::Neg => match i.checked_neg() {
                    Some(n) => self.new_int(n),
                    None => self.new_bigint(-num_bigint::BigInt::from(i)),
                },
                UnOp::Pos => self.new_int(i),
                UnOp::Invert => self.new_int(!i),
                UnOp::Not => unreachable!("handled above"),
            });
        }
        if let Some(IntValue::Big(b)) = a.downcast::<IntValue>() {
            let b = (**b).clone();
            return Ok(match op {
                UnOp::Neg => self.new_bigint(-b),
                UnOp::Pos => self.new_bigint(b),
                _ => self.new_bigint(-b - 1),
            });
        }
        if let Some(f) = a.downcast::<FloatValue>() {
            match op {
                UnOp::Neg => return Ok(self.new_float(-f.0)),
                UnOp::Pos => return Ok(self.new_float(f.0)),
                _ => {}
            }
        }
        if let Some(c) = a.downcast::<ComplexValue>() {
            match op {
                UnOp::Neg => return Ok(self.new_complex(-c.re, -c.im)),
                UnOp::Pos => return Ok(self.new_complex(c.re, c.im)),
                _ => {}
            }
        }
        let (name, sym) = match op {
            UnOp::Neg => ("__neg__", "-"),
            UnOp::Pos => ("__pos__", "+"),
            _ => ("__invert__", "~"),
        };
        match self.lookup_special(a, name) {
            Some(m) => self.call_object(&m, &[a.clone()]),
            None => Err(self.type_error(format!("bad operand type for unary {sym}: '{}'", self.type_name(a)))),
        }
    }

    pub fn get_iter(&mut self, o: &Obj) -> PyResult<Obj> {
        match o.kind() {
            Kind::List | Kind::Tuple | Kind::Str if !self.overrides_iter(o) => Ok(self.items_iter(o)),
            Kind::Dict => Ok(self.table_iter(o, TableYield::DictKeys)),
            Kind::Range => Ok(self.range_iter(o.downcast::<RangeValue>().expect("range"), false)),
            Kind::Iterator | Kind::Generator => Ok(o.clone()),
            _ => match self.lookup_special(o, "__iter__") {
                Some(m) if m.kind() != Kind::None => {
                    let it = self.call_object(&m, &[o.clone()])?;
                    self.check_iterator(it)
                }
                _ => self.sequence_protocol_iter(o),
            },
        }
    }

    /// An iterator over the items of a list, tuple or str (or of an
    /// instance of a subclass, whatever its `__iter__`: what
    /// `list.__iter__` itself does).
    pub(crate) fn items_iter(&self, o: &Obj) -> Obj {
        Obj::new(IteratorValue::Seq { seq: o.clone(), index: Cell::new(0) }, &self.types.iterator)
    }

    /// A list, tuple or str subclass that defines `__iter__` in Python:
    /// iterating it must call that, not walk the items.
    fn overrides_iter(&mut self, o: &Obj) -> bool {
        self.python_override(o, "__iter__").is_some()
    }

    /// The method `name` of an instance of a list, tuple, str or dict
    /// subclass, when the subclass defines it in Python: the protocol
    /// operation must call it rather than act on the builtin layout. (The
    /// builtin types' own methods, `list.__getitem__` and the like, act
    /// on the layout.)
    pub(crate) fn python_override(&mut self, o: &Obj, name: &str) -> Option<Obj> {
        let t = &self.types;
        let exact = o.has_type(&t.list) || o.has_type(&t.tuple) || o.has_type(&t.str_) || o.has_type(&t.dict);
        if exact {
            return None;
        }
        self.lookup_special(o, name).filter(|m| m.kind() == Kind::Function)
    }

    /// What `__iter__` returned, if it is an iterator (has `__next__`).
    fn check_iterator(&mut self, it: Obj) -> PyResult<Obj> {
        if matches!(it.kind(), Kind::Iterator | Kind::Generator) || self.lookup_special(&it, "__next__").is_some() {
            return Ok(it);
        }
        Err(self.type_error(format!("iter() returned non-iterator of type '{}'", self.type_name(&it))))
    }

    /// The next step of a range iterator or of an iterator over a list or
    /// tuple, or `None` for any other iterator. Inlined into `ForIter`,
    /// where these are nearly every loop: the general `next` is a call
    /// with a long prologue (callgrind: about 45 instructions per range
    /// item before this). A range gives its int unboxed, so that a loop
    /// variable's box can take it (`ForIterStoreFast`).
    #[inline(always)]
    pub(crate) fn step_simple(&self, it: &Obj) -> Option<Step> {
        match it.downcast::<IteratorValue>()? {
            IteratorValue::Range { next, stop, step } => {
                let n = next.get();
                Some(if (*step > 0 && n < *stop) || (*step < 0 && n > *stop) {
                    next.set(n + step);
                    Step::Int(n)
                } else {
                    Step::End
                })
            }
            IteratorValue::Seq { seq, index } => {
                let i = index.get();
                let item = match seq.kind() {
                    Kind::List => seq.downcast::<ListValue>()?.0.borrow().get(i).cloned(),
                    Kind::Tuple => seq.downcast::<TupleValue>()?.0.get(i).cloned(),
                    _ => return None,
                };
                Some(match item {
                    Some(item) => {
                        index.set(i + 1);
                        Step::Item(item)
                    }
                    None => Step::End,
                })
            }
            _ => None,
        }
    }

    /// `step_simple` with the range's int boxed: `Some(None)` at the end.
    #[inline(always)]
    pub(crate) fn next_simple(&self, it: &Obj) -> Option<Option<Obj>> {
        Some(match self.step_simple(it)? {
            Step::Int(n) => Some(self.new_int(n)),
            Step::Item(item) => Some(item),
            Step::End => None,
        })
    }

    /// The next item, or `None` when the iterator is exhausted.
    pub fn next(&mut self, it: &Obj) -> PyResult<Option<Obj>> {
        if it.kind() == Kind::Generator {
            return self.gen_next(it);
        }
        if let Some(item) = self.next_simple(it) {
            return Ok(item);
        }
        if let Some(iv) = it.downcast::<IteratorValue>() {
            return Ok(match iv {
                IteratorValue::BigRange { next, remaining, step } => self.next_big_range(next, remaining, step),
                IteratorValue::Seq { seq, index } => {
                    let i = index.get();
                    let item = match seq.kind() {
                        Kind::Str => {
                            // A str iterator's index is a byte offset: strs
                            // are immutable, and stepping by code point
                            // index would rescan the text every time.
                            let s = seq.downcast::<StrValue>().expect("str");
                            let Some((cp, len)) = s.text.code_point_at(i) else { return Ok(None) };
                            index.set(i + len);
                            return Ok(Some(self.char_str(cp)));
                        }
                        Kind::Bytes | Kind::ByteArray | Kind::MemoryView => {
                            self.byte_at(seq, i).map(|b| self.new_int(i64::from(b)))
                        }
                        _ => None,
                    };
                    if item.is_some() {
                        index.set(i + 1);
                    }
                    item
                }
                IteratorValue::Table { source, index, size, yields } => {
                    return self.table_next(source, index, size, *yields);
                }
                _ => return self.next_lazy(it),
            });
        }
        let Some(m) = self.lookup_special(it, "__next__") else {
            return Err(self.type_error(format!("'{}' object is not an iterator", self.type_name(it))));
        };
        match self.call_object(&m, &[it.clone()]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if self.isinstance(&e.0, &self.types.exceptions.stop_iteration.clone()) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every item of an iterable.
    pub fn iterate_to_vec(&mut self, o: &Obj) -> PyResult<Vec<Obj>> {
        if matches!(o.kind(), Kind::List | Kind::Tuple) && !self.overrides_iter(o) {
            if let Some(l) = o.downcast::<ListValue>() {
                return Ok(l.0.borrow().clone());
            }
            if let Some(t) = o.downcast::<TupleValue>() {
                return Ok(t.0.to_vec());
            }
        }
        if let Some(r) = o.downcast::<RangeValue>() {
            // CPython sizes the list from the range's length first (a
            // range of big ints included: OverflowError past sys.maxsize,
            // else MemoryError when the list cannot fit).
            let n = self.range_length(r)?;
            self.check_allocation(n.saturating_mul(std::mem::size_of::<Obj>()))?;
        }
        let it = self.get_iter(o)?;
        let mut out = Vec::new();
        while let Some(v) = self.next(&it)? {
            out.push(v);
        }
        Ok(out)
    }

    /// An exact list of exactly `n` items, for the eval loop's unpacking
    /// shortcut (`for p, v, m in bodies` over lists): its items can be
    /// pushed in place, with no iterator and no intermediate vector.
    #[inline]
    pub(crate) fn exact_list_of_len<'a>(&self, seq: &'a Obj, n: usize) -> Option<&'a ListValue> {
        let l = seq.downcast::<ListValue>().filter(|_| seq.has_type(&self.types.list))?;
        (l.0.borrow().len() == n).then_some(l)
    }

    /// A subscript of an exact list or tuple by an exact machine int in
    /// range, without `get_item`'s dispatch. Exact types only: a subclass
    /// may override `__getitem__` or `__index__`. `None` (take the general
    /// path, which also raises the IndexError) otherwise.
    #[inline]
    pub(crate) fn subscr_fast(&self, obj: &Obj, key: &Obj) -> Option<Obj> {
        let i = self.exact_small_int(key)?;
        if obj.has_type(&self.types.list) {
            let items = obj.downcast::<ListValue>()?.0.borrow();
            Some(items[in_range(i, items.len())?].clone())
        } else if obj.has_type(&self.types.tuple) {
            let items = &obj.downcast::<TupleValue>()?.0;
            Some(items[in_range(i, items.len())?].clone())
        } else {
            None
        }
    }

    /// `l[i] = v` for an exact list and an exact machine int in range; the
    /// value comes back as `Err` when the general `set_item` must run.
    #[inline]
    pub(crate) fn store_subscr_fast(&self, obj: &Obj, key: &Obj, value: Obj) -> Result<(), Obj> {
        let (Some(i), true) = (self.exact_small_int(key), obj.has_type(&self.types.list)) else {
            return Err(value);
        };
        let Some(l) = obj.downcast::<ListValue>() else { return Err(value) };
        let old = {
            let mut items = l.0.borrow_mut();
            let Some(j) = in_range(i, items.len()) else {
                drop(items);
                return Err(value);
            };
            std::mem::replace(&mut items[j], value)
        };
        // Released after the borrow, as in `set_item`.
        drop(old);
        Ok(())
    }

    #[inline(always)]
    pub(super) fn exact_small_int(&self, o: &Obj) -> Option<i64> {
        match o.downcast::<IntValue>() {
            Some(IntValue::Small(i)) if o.has_type(&self.types.int) => Some(*i),
            _ => None,
        }
    }

    pub(crate) fn unpack(&mut self, seq: &Obj, n: usize) -> PyResult<Vec<Obj>> {
        self.check_unpackable(seq)?;
        let items = if seq.has_type(&self.types.list) || seq.has_type(&self.types.tuple) {
            self.iterate_to_vec(seq)?
        } else {
            // At most one item past `n`, as CPython takes them: an endless
            // iterator is "too many values", not a hang.
            let it = self.get_iter(seq)?;
            let mut items = Vec::with_capacity(n);
            while items.len() <= n {
                match self.next(&it)? {
                    Some(v) => items.push(v),
                    None => break,
                }
            }
            items
        };
        if items.len() < n {
            return Err(self.value_error(format!("not enough values to unpack (expected {n}, got {})", items.len())));
        }
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {n})")));
        }
        Ok(items)
    }

    pub(crate) fn dict_keys(&self, d: &Obj) -> Vec<Obj> {
        d.downcast::<DictValue>().map(|t| t.0.borrow().iter().map(|(k, _)| k.key.clone()).collect()).unwrap_or_default()
    }

    /// A sequence index made non-negative, or IndexError.
    fn seq_index(&self, key: &Obj, len: usize, what: &str) -> PyResult<usize> {
        let i = match self.small_int(key) {
            Some(i) => i,
            None if key.kind() == Kind::Int => {
                return Err(self.index_error(format!("cannot fit 'int' into an index-sized integer")));
            }
            None => {
                // "list assignment index out of range", but 3.11 names
                // only the type when the index has the wrong type.
                let type_word = what.split(' ').next().unwrap_or(what);
                // 3.11's `unicode_subscript` words it its own way.
                if type_word == "string" {
                    return Err(self.type_error(format!("string indices must be integers, not '{}'", self.type_name(key))));
                }
                return Err(self.type_error(format!(
                    "{type_word} indices must be integers or slices, not {}",
                    self.type_name(key)
                )));
            }
        };
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(self.index_error(format!("{what} index out of range")));
        }
        Ok(j as usize)
    }

    pub fn get_item(&mut self, obj: &Obj, key: &Obj) -> PyResult<Obj> {
        if matches!(obj.kind(), Kind::List | Kind::Tuple | Kind::Str) {
            if let Some(m) = self.python_override(obj, "__getitem__") {
                return self.call_object(&m, &[obj.clone(), key.clone()]);
            }
        }
        self.layout_get_item(obj, key)
    }

    /// `get_item` on the builtin layout, whatever a subclass overrides
    /// (`list.__getitem__` itself).
    pub(crate) fn layout_get_item(&mut self, obj: &Obj, key: &Obj) -> PyResult<Obj> {
        if key.kind() == Kind::Instance && matches!(obj.kind(), Kind::List | Kind::Tuple | Kind::Str) {
            if let Some(k) = self.index_of(key)? {
                return self.layout_get_item(obj, &k);
            }
        }
        match obj.kind() {
            Kind::List if key.kind() != Kind::Slice => {
                let l = obj.downcast::<ListValue>().expect("list");
                let len = l.0.borrow().len();
                let i = self.seq_index(key, len, "list")?;
                Ok(l.0.borrow()[i].clone())
            }
            Kind::Tuple if key.kind() != Kind::Slice => {
                let t = obj.downcast::<TupleValue>().expect("tuple");
                let i = self.seq_index(key, t.0.len(), "tuple")?;
                Ok(t.0[i].clone())
            }
            Kind::Dict if obj.has_type(&self.types.dict) => match self.dict_get(obj, key)? {
                Some(v) => Ok(v),
                None => match self.lookup_special(obj, "__missing__").filter(|_| !obj.has_type(&self.types.dict)) {
                    Some(m) => self.call_object(&m, &[obj.clone(), key.clone()]),
                    None => Err(self.key_error(key.clone())),
                },
            },
            Kind::Str if key.kind() != Kind::Slice => {
                let s = obj.downcast::<StrValue>().expect("str");
                let i = self.seq_index(key, s.chars, "string")?;
                Ok(self.str_char_at(s, i))
            }
            Kind::List | Kind::Tuple | Kind::Str => self.get_slice(obj, key),
            _ => match self.lookup_special(obj, "__getitem__") {
                Some(m) => self.call_object(&m, &[obj.clone(), key.clone()]),
                None if obj.kind() == Kind::Type => self.class_getitem(obj, key),
                None => Err(self.type_error(format!("'{}' object is not subscriptable", self.type_name(obj)))),
            },
        }
    }

    fn slice_bound(&self, o: &Obj) -> PyResult<Option<i64>> {
        if o.kind() == Kind::None {
            return Ok(None);
        }
        // Machine-size ints (bools too) without making a big int.
        if let Some(i) = self.small_int(o) {
            return Ok(Some(i));
        }
        match self.big_int(o) {
            Some(b) => Ok(Some(num_traits::ToPrimitive::to_i64(&b).unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }))),
            None => Err(self.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    /// The indices a slice selects from a sequence of length `len`
    /// (`slice.indices`).
    pub(crate) fn slice_indices(&self, s: &SliceValue, len: usize) -> PyResult<Vec<usize>> {
        Ok(self.slice_range(s, len)?.iter().collect())
    }

    /// The indices `s` selects from a sequence of `len` items, as
    /// CPython's `PySlice_AdjustIndices` computes them, without listing
    /// them (a slice of a long sequence is read where it lies).
    pub(crate) fn slice_range(&self, s: &SliceValue, len: usize) -> PyResult<SliceRange> {
        let step = self.slice_bound(&s.step)?.unwrap_or(1);
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let len = len as i64;
        let clamp = |v: Option<i64>, default: i64, lo: i64, hi: i64| match v {
            None => default,
            Some(v) if v < 0 => (v.saturating_add(len)).max(lo),
            Some(v) => v.min(hi),
        };
        let (start, stop) = if step > 0 {
            (clamp(self.slice_bound(&s.start)?, 0, 0, len), clamp(self.slice_bound(&s.stop)?, len, 0, len))
        } else {
            (clamp(self.slice_bound(&s.start)?, len - 1, -1, len - 1), clamp(self.slice_bound(&s.stop)?, -1, -1, len - 1))
        };
        // `step` may be i64::MIN; the span and the count fit in i128.
        let (span, step_abs) = if step > 0 { (stop - start, step as i128) } else { (start - stop, -(step as i128)) };
        let count = if span <= 0 { 0 } else { ((span as i128 + step_abs - 1) / step_abs) as usize };
        Ok(SliceRange { start: start.max(0) as usize, step, count })
    }

    /// `key` with bounds that are neither ints nor None replaced by their
    /// `__index__` (the slicing code reads only ints).
    pub(crate) fn resolve_slice(&mut self, key: &Obj) -> PyResult<Obj> {
        let Some(s) = key.downcast::<SliceValue>() else { return Ok(key.clone()) };
        let plain = |o: &Obj| matches!(o.kind(), Kind::None | Kind::Int | Kind::Bool);
        if plain(&s.start) && plain(&s.stop) && plain(&s.step) {
            return Ok(key.clone());
        }
        let mut bounds = Vec::with_capacity(3);
        for b in [&s.start, &s.stop, &s.step] {
            bounds.push(if plain(b) {
                b.clone()
            } else if self.lookup_special(b, "__index__").is_some() {
                let v = self.index_value(b)?;
                self.new_bigint(v)
            } else {
                return Err(self.type_error("slice indices must be integers or None or have an __index__ method"));
            });
        }
        let [start, stop, step]: [Obj; 3] = bounds.try_into().expect("three bounds");
        Ok(Obj::new(SliceValue { start, stop, step }, &self.types.slice))
    }

    fn get_slice(&mut self, obj: &Obj, key: &Obj) -> PyResult<Obj> {
        let key = &self.resolve_slice(key)?;
        let s = key.downcast::<SliceValue>().expect("slice");
        match obj.kind() {
            Kind::List => {
                let len = obj.downcast::<ListValue>().expect("list").0.borrow().len();
                let r = self.slice_range(s, len)?;
                // Reading the bounds ran no Python code (`resolve_slice`
                // made them ints), so the list still has `len` items.
                let items = obj.downcast::<ListValue>().expect("list").0.borrow();
                let picked = r.iter().map(|i| items[i].clone()).collect();
                drop(items);
                Ok(self.new_list(picked))
            }
            Kind::Tuple => {
                let t = obj.downcast::<TupleValue>().expect("tuple");
                let r = self.slice_range(s, t.0.len())?;
                // As CPython: the whole of an exact tuple is itself.
                if r.is_whole(t.0.len()) && obj.has_type(&self.types.tuple) {
                    return Ok(obj.clone());
                }
                Ok(self.new_tuple(r.iter().map(|i| t.0[i].clone()).collect()))
            }
            _ => {
                let st = obj.downcast::<StrValue>().expect("str");
                let r = self.slice_range(s, st.chars)?;
                if r.is_whole(st.chars) && obj.has_type(&self.types.str_) {
                    return Ok(obj.clone());
                }
                Ok(self.str_slice(st, &r))
            }
        }
    }

    pub fn set_item(&mut self, obj: &Obj, key: Obj, value: Obj) -> PyResult<()> {
        if obj.kind() == Kind::List {
            if let Some(m) = self.python_override(obj, "__setitem__") {
                return self.call_object(&m, &[obj.clone(), key, value]).map(drop);
            }
        }
        self.layout_set_item(obj, key, value)
    }

    /// `set_item` on the builtin layout (`list.__setitem__` itself).
    pub(crate) fn layout_set_item(&mut self, obj: &Obj, key: Obj, value: Obj) -> PyResult<()> {
        match obj.kind() {
            Kind::List if key.kind() != Kind::Slice => {
                let l = obj.downcast::<ListValue>().expect("list");
                let len = l.0.borrow().len();
                let i = self.seq_index(&key, len, "list assignment")?;
                let old = std::mem::replace(&mut l.0.borrow_mut()[i], value);
                drop(old);
                Ok(())
            }
            Kind::Dict if obj.has_type(&self.types.dict) => self.dict_set(obj, key, value),
            Kind::List => self.list_set_slice(obj, &key, value),
            _ => match self.lookup_special(obj, "__setitem__") {
                Some(m) => self.call_object(&m, &[obj.clone(), key, value]).map(drop),
                None => Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    self.type_name(obj)
                ))),
            },
        }
    }

    pub fn del_item(&mut self, obj: &Obj, key: &Obj) -> PyResult<()> {
        if obj.kind() == Kind::List {
            if let Some(m) = self.python_override(obj, "__delitem__") {
                return self.call_object(&m, &[obj.clone(), key.clone()]).map(drop);
            }
        }
        self.layout_del_item(obj, key)
    }

    /// `del_item` on the builtin layout (`list.__delitem__` itself).
    pub(crate) fn layout_del_item(&mut self, obj: &Obj, key: &Obj) -> PyResult<()> {
        match obj.kind() {
            Kind::List if key.kind() != Kind::Slice => {
                let l = obj.downcast::<ListValue>().expect("list");
                let len = l.0.borrow().len();
                let i = self.seq_index(key, len, "list assignment")?;
                let old = l.0.borrow_mut().remove(i);
                drop(old);
                Ok(())
            }
            Kind::Dict => match self.dict_remove(obj, key)? {
                Some(_) => Ok(()),
                None => Err(self.key_error(key.clone())),
            },
            Kind::List => self.list_del_slice(obj, key),
            _ => match self.lookup_special(obj, "__delitem__") {
                Some(m) => self.call_object(&m, &[obj.clone(), key.clone()]).map(drop),
                None => Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    self.type_name(obj)
                ))),
            },
        }
    }

    pub fn contains(&mut self, container: &Obj, item: &Obj) -> PyResult<bool> {
        match container.kind() {
            Kind::Dict => Ok(self.dict_get(container, item)?.is_some()),
            Kind::Str => {
                let (Some(h), Some(n)) = (container.downcast::<StrValue>(), item.downcast::<StrValue>()) else {
                    return Err(self.type_error(format!(
                        "'in <string>' requires string as left operand, not {}",
                        self.type_name(item)
                    )));
                };
                let (h, n) = (h.text.as_bytes(), n.text.as_bytes());
                Ok(n.is_empty() || h.windows(n.len()).any(|w| w == n))
            }
            Kind::Range => {
                let r = container.downcast::<RangeValue>().expect("range");
                match (r.big.is_none(), self.small_int(item)) {
                    (true, Some(i)) if r.step > 0 => Ok(i >= r.start && i < r.stop && (i - r.start) % r.step == 0),
                    (true, Some(i)) => Ok(i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0),
                    _ if matches!(item.kind(), Kind::Int | Kind::Bool) => {
                        Ok(self.range_contains_int(r, &self.big_int(item).expect("an int")))
                    }
                    _ => {
                        // Other values: equality with each item, as CPython.
                        let it = self.range_iter(r, false);
                        while let Some(x) = self.next(&it)? {
                            if self.eq(&x, item)? {
                                return Ok(true);
                            }
                        }
                        Ok(false)
                    }
                }
            }
            Kind::List | Kind::Tuple => {
                let items = self.iterate_to_vec(container)?;
                for x in &items {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                if let Some(m) = self.lookup_special(container, "__contains__") {
                    let r = self.call_object(&m, &[container.clone(), item.clone()])?;
                    return self.truthy(&r);
                }
                // `_PySequence_IterSearch` words any TypeError of iter() its way.
                let it = match self.get_iter(container) {
                    Err(e) if self.isinstance(&e.0, &self.types.exceptions.type_error.clone()) => {
                        let msg = format!("argument of type '{}' is not iterable", self.type_name(container));
                        return Err(self.type_error(msg));
                    }
                    it => it?,
                };
                while let Some(x) = self.next(&it)? {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }

    pub fn len(&mut self, o: &Obj) -> PyResult<usize> {
        if matches!(o.kind(), Kind::List | Kind::Tuple | Kind::Str | Kind::Dict) {
            if let Some(m) = self.python_override(o, "__len__") {
                let r = self.call_object(&m, &[o.clone()])?;
                return self.len_result(&r);
            }
        }
        self.layout_len(o)
    }

    /// `len` of the builtin layout, whatever a subclass overrides
    /// (`list.__len__` itself).
    pub(crate) fn layout_len(&mut self, o: &Obj) -> PyResult<usize> {
        Ok(match o.kind() {
            Kind::List => o.downcast::<ListValue>().expect("list").0.borrow().len(),
            Kind::Tuple => o.downcast::<TupleValue>().expect("tuple").0.len(),
            Kind::Str => o.downcast::<StrValue>().expect("str").chars,
            Kind::Dict => o.downcast::<DictValue>().expect("dict").0.borrow().len(),
            Kind::Range => self.range_length(o.downcast::<RangeValue>().expect("range"))?,
            _ => match self.lookup_special(o, "__len__") {
                Some(m) => {
                    let r = self.call_special(&m, o)?;
                    self.len_result(&r)?
                }
                None => return Err(self.type_error(format!("object of type '{}' has no len()", self.type_name(o)))),
            },
        })
    }
}

impl Vm {
    /// What `__len__` returned, checked as CPython's `slot_sq_length` does:
    /// an index-sized int (`__index__`), then not negative.
    #[cold]
    fn len_result(&mut self, r: &Obj) -> PyResult<usize> {
        let n = self.index_value(r)?;
        match num_traits::ToPrimitive::to_i64(&n) {
            Some(n) if n >= 0 => Ok(n as usize),
            Some(_) => Err(self.value_error("__len__() should return >= 0")),
            None => Err(self.overflow_error("cannot fit 'int' into an index-sized integer")),
        }
    }
}

pub(crate) fn range_len(start: i64, stop: i64, step: i64) -> usize {
    if step > 0 && start < stop {
        ((stop - start - 1) / step + 1) as usize
    } else if step < 0 && start > stop {
        ((start - stop - 1) / (-step) + 1) as usize
    } else {
        0
    }
}

/// A Python index into a sequence of `len` items made non-negative, when
/// in range.
#[inline(always)]
pub(super) fn in_range(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i.checked_add(len as i64)? } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}
