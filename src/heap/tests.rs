//! The heap's own tests: counting, freeing through the dead list,
//! worklist freeing of long chains, finalization and resurrection, and
//! the cycle collector (cycles freed, finalizers in cycles, resurrection,
//! long and deep structures walked without recursion). They
//! are what `scripts/heap_check.sh` runs under valgrind and Miri.

use super::{Finalizer, Heap, Kind, Obj, obj_flags};
use super::WeakTarget;
use crate::object::payloads::{TupleValue, WeakRefValue};
use crate::object::dict::DictTable;
use crate::object::payloads::{FloatValue, ListValue, TypeValue};
use std::cell::{Cell, RefCell};

fn a_type() -> Obj {
    Obj::new_self_typed(TypeValue {
        name: RefCell::new("T".into()),
        qualname: RefCell::new(None),
        nslots: Cell::new(0),
        instance_dict_hint: Cell::new(0),
        call_plan: Cell::new(Default::default()),
        bases: RefCell::new(Vec::new()),
        subclasses: RefCell::new(Vec::new()),
        mro: RefCell::new(Vec::new()),
        dict: RefCell::new(DictTable::new()),
        instance_kind: Kind::List,
        flags: Cell::new(0),
    })
}

fn list(t: &Obj, items: Vec<Obj>) -> Obj {
    Obj::new(ListValue(RefCell::new(items), RefCell::new(None)), t)
}

/// Counts finalizer calls; can keep ("resurrect") what it is given.
#[derive(Default)]
struct Recorder {
    calls: usize,
    keep: Option<Obj>,
    resurrect: bool,
}

impl Finalizer for Recorder {
    fn finalize(&mut self, obj: &Obj) {
        self.calls += 1;
        if self.resurrect {
            self.keep = Some(obj.clone());
        }
    }
}

/// Frees a test type (its self-reference is a cycle counting cannot free).
fn free_type(t: Obj) {
    t.clear_type();
    drop(t);
    Heap::collect_dead(&mut Recorder::default());
}

fn live() -> u64 {
    Heap::stats().live_objects
}

#[test]
fn counts_follow_clones_and_drops() {
    let t = a_type();
    let a = list(&t, vec![]);
    assert_eq!(a.refcount(), 1);
    let b = a.clone();
    assert_eq!(a.refcount(), 2);
    drop(b);
    assert_eq!(a.refcount(), 1);
    assert!(a.downcast::<ListValue>().is_some());
    assert!(a.downcast::<TypeValue>().is_none());
    assert!(a.type_obj().is(&t));
    drop((a, t.clone()));
    free_type(t);
}

#[test]
fn overwrite_unique_writes_only_the_sole_reference_of_the_type() {
    let t = a_type();
    let other = a_type();
    let mut f = Obj::new(FloatValue(1.5), &t);
    // Not the given type: unchanged.
    assert!(!f.overwrite_unique(&other, FloatValue(2.0)));
    // A second reference exists: unchanged.
    let g = f.clone();
    assert!(!f.overwrite_unique(&t, FloatValue(2.0)));
    assert_eq!(g.downcast::<FloatValue>().map(|v| v.0), Some(1.5));
    drop(g);
    // The only reference: written in place, same box.
    let addr = f.addr();
    assert!(f.overwrite_unique(&t, FloatValue(2.5)));
    assert_eq!(f.addr(), addr);
    assert_eq!(f.downcast::<FloatValue>().map(|v| v.0), Some(2.5));
    // Another payload's layout: unchanged.
    let mut l = list(&t, vec![]);
    assert!(!l.overwrite_unique(&t, FloatValue(3.0)));
    drop((f, l, other.clone()));
    free_type(other);
    free_type(t);
}

#[test]
fn a_container_that_runs_no_code_is_freed_with_its_last_reference() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![list(&t, vec![])]);
    assert_eq!(live(), before + 2);
    drop(a);
    assert!(!Heap::has_dead());
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn an_object_with_a_finalizer_is_freed_at_the_next_collection() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    a.set_flag(obj_flags::FINALIZE);
    drop(a);
    assert!(Heap::has_dead());
    assert_eq!(live(), before + 1);
    let mut r = Recorder::default();
    Heap::collect_dead(&mut r);
    assert_eq!(r.calls, 1);
    assert!(!Heap::has_dead());
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn a_long_chain_is_freed_without_recursion() {
    let t = a_type();
    let before = live();
    let n = if cfg!(miri) { 200 } else { 1_000_000 };
    let mut head = list(&t, vec![]);
    for _ in 0..n {
        head = list(&t, vec![head]);
    }
    drop(head);
    Heap::collect_dead(&mut Recorder::default());
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn finalizers_run_once_and_can_resurrect() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    a.set_flag(obj_flags::FINALIZE);
    drop(a);
    let mut r = Recorder { resurrect: true, ..Default::default() };
    Heap::collect_dead(&mut r);
    assert_eq!(r.calls, 1);
    // Resurrected: alive again, held by the recorder.
    assert_eq!(live(), before + 1);
    let again = r.keep.take().expect("kept");
    drop(again);
    Heap::collect_dead(&mut r);
    // PEP 442: not finalized a second time, but freed.
    assert_eq!(r.calls, 1);
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn set_type_moves_the_type_reference() {
    let t1 = a_type();
    let t2 = a_type();
    let a = list(&t1, vec![]);
    let t1_count = t1.refcount();
    a.set_type(&t2);
    assert_eq!(t1.refcount(), t1_count - 1);
    assert!(a.type_obj().is(&t2));
    drop(a);
    Heap::collect_dead(&mut Recorder::default());
    free_type(t1);
    free_type(t2);
}

#[test]
fn an_object_without_references_is_freed_at_once() {
    let t = a_type();
    let before = live();
    let f = Obj::new(FloatValue(1.5), &t);
    assert_eq!(live(), before + 1);
    drop(f);
    assert!(!Heap::has_dead());
    assert_eq!(live(), before);
    free_type(t);
}

fn push(l: &Obj, item: Obj) {
    l.downcast::<ListValue>().expect("list").0.borrow_mut().push(item);
}

/// Boxes kept on the float and int free lists are reused, their payloads
/// (a big int's digits too) are dropped when they die, and the statistics
/// count a box going to a list as a free and its reuse as an allocation.
#[test]
fn free_listed_boxes_are_reused_and_counted_exactly() {
    use crate::object::payloads::IntValue;
    let t = a_type();
    let s0 = Heap::stats();
    let f = Obj::new(FloatValue(1.5), &t);
    let addr = f.addr();
    drop(f);
    let g = Obj::new(FloatValue(2.5), &t);
    assert_eq!(g.addr(), addr, "the freed float box is reused");
    assert_eq!(g.downcast::<FloatValue>().map(|v| v.0), Some(2.5));
    assert!(g.type_obj().is(&t));
    let big = Obj::new(IntValue::Big(Box::new(num_bigint::BigInt::from(u64::MAX) * 3u8)), &t);
    let many: Vec<Obj> = (0..300).map(|i| Obj::new(IntValue::Small(i), &t)).collect();
    drop(many);
    drop(big);
    let s1 = Heap::stats();
    assert_eq!(s1.allocations - s0.allocations, 303);
    assert_eq!(s1.frees - s0.frees, 302);
    assert_eq!(s1.live_objects, s0.live_objects + 1);
    assert_eq!(s1.live_by_kind[Kind::Float as usize], s0.live_by_kind[Kind::Float as usize] + 1);
    assert_eq!(s1.live_by_kind[Kind::Int as usize], s0.live_by_kind[Kind::Int as usize]);
    assert!(s1.peak_bytes >= s1.live_bytes);
    drop(g);
    Heap::trim_free_lists();
    assert_eq!(Heap::stats().live_bytes, s0.live_bytes);
    free_type(t);
}

/// Freed exact tuples go to the free list of their size and come back
/// only for new tuples of that size, which the collector does not count,
/// as a tuple kept is not uncounted (CPython 3.11's `tuple_alloc` and
/// `tuple_dealloc`); 20-tuples are kept but never taken back, longer ones
/// and other types' tuples are freed; a full collection empties the
/// lists. The statistics see every reuse as an allocation.
#[test]
fn tuple_free_lists_reuse_boxes_by_size_and_keep_the_gc_count() {
    use super::GcControl;
    let t = a_type();
    let other = a_type();
    Heap::set_exact_tuple_type(&t);
    let was_enabled = GcControl::enabled();
    GcControl::set_enabled(false);
    let f = Obj::new(FloatValue(1.0), &other);
    let tup = |n: usize| Obj::new_tuple_reusing(TupleValue(vec![f.clone(); n].into()), &t);
    let gen0 = || GcControl::counts()[0];
    let settle = || Heap::collect_dead(&mut Recorder::default());
    Heap::collect_cycles(2, &mut Recorder::default());
    let s0 = Heap::stats();
    let c = gen0();

    let a = tup(3);
    let addr = a.addr();
    assert_eq!(gen0(), c + 1);
    drop(a);
    settle();
    assert_eq!(gen0(), c + 1, "a kept tuple is not uncounted");
    assert_eq!(f.refcount(), 1, "its items were released");
    let b = tup(3);
    assert_eq!(b.addr(), addr, "the box is reused for the same size");
    assert_eq!(gen0(), c + 1, "a reused tuple is not counted");
    assert!(b.is_tracked() && b.type_obj().is(&t));
    assert_eq!(b.downcast::<TupleValue>().map(|v| v.0.len()), Some(3));
    let d = tup(2);
    assert_eq!(gen0(), c + 2, "no 2-tuple was kept");

    let x = tup(20);
    let x_addr = x.addr();
    drop(x);
    settle();
    assert_eq!(gen0(), c + 3, "a 20-tuple is kept");
    let y = tup(20);
    assert_ne!(y.addr(), x_addr);
    assert_eq!(gen0(), c + 4, "but never reused");
    let z = tup(21);
    drop(z);
    settle();
    assert_eq!(gen0(), c + 4, "a 21-tuple is freed and uncounted");
    let s = Obj::new(TupleValue(vec![f.clone()].into()), &other);
    assert_eq!(gen0(), c + 5);
    drop(s);
    settle();
    assert_eq!(gen0(), c + 4, "another type's tuple is freed");

    drop((b, d, y));
    settle();
    Heap::collect_cycles(2, &mut Recorder::default());
    let c = gen0();
    let e = tup(3);
    assert_eq!(gen0(), c + 1, "a full collection emptied the lists");
    drop(e);
    settle();
    let s1 = Heap::stats();
    assert_eq!(s1.allocations - s0.allocations, 8);
    assert_eq!(s1.frees - s0.frees, 8);
    assert_eq!(s1.live_bytes, s0.live_bytes);
    Heap::trim_free_lists();
    GcControl::set_enabled(was_enabled);
    drop(f);
    free_type(other);
    free_type(t);
}

#[test]
fn a_cycle_is_freed_by_a_collection() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    let b = list(&t, vec![a.clone()]);
    push(&a, b.clone());
    assert!(a.is_tracked() && b.is_tracked());
    drop((a, b));
    Heap::collect_dead(&mut Recorder::default());
    assert_eq!(live(), before + 2, "counting alone cannot free a cycle");
    assert_eq!(Heap::collect_cycles(2, &mut Recorder::default()), 2);
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn what_is_referenced_from_outside_survives_a_collection() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    let b = list(&t, vec![a.clone()]);
    push(&a, b.clone());
    drop(b);
    assert_eq!(Heap::collect_cycles(2, &mut Recorder::default()), 0);
    assert_eq!(live(), before + 2);
    assert_eq!(a.refcount(), 2, "counts are restored after the collection");
    let inner = a.downcast::<ListValue>().unwrap().0.borrow()[0].clone();
    assert_eq!(inner.downcast::<ListValue>().unwrap().0.borrow().len(), 1);
    drop(inner);
    drop(a);
    assert_eq!(Heap::collect_cycles(2, &mut Recorder::default()), 2);
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn finalizers_in_a_cycle_run_once_and_can_resurrect() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    push(&a, a.clone());
    a.set_flag(obj_flags::FINALIZE);
    drop(a);
    let mut r = Recorder { resurrect: true, ..Default::default() };
    assert_eq!(Heap::collect_cycles(2, &mut r), 0, "a resurrected object is not garbage");
    assert_eq!(r.calls, 1);
    assert_eq!(live(), before + 1);
    drop(r.keep.take());
    assert_eq!(Heap::collect_cycles(2, &mut r), 1);
    assert_eq!(r.calls, 1, "PEP 442: never finalized twice");
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn a_long_cyclic_chain_is_collected_without_recursion() {
    let t = a_type();
    let before = live();
    let n = if cfg!(miri) { 100 } else { 300_000 };
    let first = list(&t, vec![]);
    let mut head = first.clone();
    for _ in 0..n {
        head = list(&t, vec![head]);
    }
    push(&first, head);
    drop(first);
    assert_eq!(Heap::collect_cycles(2, &mut Recorder::default()), n + 1);
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn atomic_tuples_are_untracked_by_a_collection() {
    let t = a_type();
    let f = Obj::new(FloatValue(1.0), &t);
    let atomic = Obj::new(TupleValue(vec![f].into()), &t);
    let holder = Obj::new(TupleValue(vec![list(&t, vec![])].into()), &t);
    assert!(atomic.is_tracked() && holder.is_tracked());
    Heap::collect_cycles(0, &mut Recorder::default());
    assert!(!atomic.is_tracked());
    assert!(holder.is_tracked());
    drop((atomic, holder));
    Heap::collect_dead(&mut Recorder::default());
    free_type(t);
}

#[test]
fn a_mutably_borrowed_container_makes_the_collection_give_up() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    push(&a, a.clone());
    let keep = a.clone();
    drop(a);
    {
        let _busy = keep.downcast::<ListValue>().unwrap().0.borrow_mut();
        assert_eq!(Heap::collect_cycles(2, &mut Recorder::default()), 0);
    }
    drop(keep);
    assert_eq!(Heap::collect_cycles(2, &mut Recorder::default()), 1);
    assert_eq!(live(), before);
    free_type(t);
}

/// Records weak reference callbacks too.
#[derive(Default)]
struct WeakRecorder {
    callbacks: usize,
}

impl Finalizer for WeakRecorder {
    fn finalize(&mut self, _obj: &Obj) {}
    fn weakref_callback(&mut self, weakref: &Obj, _callback: &Obj) {
        let w = weakref.downcast::<WeakRefValue>().expect("a weak reference");
        assert!(w.target.get().is_none(), "cleared before its callback");
        self.callbacks += 1;
    }
}

fn weakref_to(t: &Obj, referent: &Obj, callback: Option<Obj>) -> Obj {
    let plain = callback.is_none();
    let w = Obj::new(WeakRefValue { target: WeakTarget::new(callback), proxy: false, hash: Cell::new(-1) }, t);
    referent.attach_weakref(&w, plain);
    w
}

#[test]
fn weak_references_are_cleared_when_the_referent_dies() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    let plain = weakref_to(&t, &a, None);
    let with_cb = weakref_to(&t, &a, Some(list(&t, vec![])));
    assert_eq!(a.weakrefs().len(), 2);
    assert!(plain.downcast::<WeakRefValue>().unwrap().target.get().is_some_and(|o| o.is(&a)));
    drop(a);
    let mut r = WeakRecorder::default();
    Heap::collect_dead(&mut r);
    assert_eq!(r.callbacks, 1);
    assert!(plain.downcast::<WeakRefValue>().unwrap().target.get().is_none());
    drop((plain, with_cb));
    Heap::collect_dead(&mut r);
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn weak_references_to_garbage_are_cleared_by_the_collector() {
    let t = a_type();
    let before = live();
    let a = list(&t, vec![]);
    push(&a, a.clone());
    let outside = weakref_to(&t, &a, Some(list(&t, vec![])));
    // A weak reference that is itself garbage gets no callback.
    let inside = weakref_to(&t, &a, Some(list(&t, vec![])));
    push(&a, inside);
    drop(a);
    let mut r = WeakRecorder::default();
    assert_eq!(Heap::collect_cycles(2, &mut r), 3);
    assert_eq!(r.callbacks, 1);
    drop(outside);
    Heap::collect_dead(&mut r);
    assert_eq!(live(), before);
    free_type(t);
}

#[test]
fn a_weak_reference_that_dies_first_unregisters_itself() {
    let t = a_type();
    let a = list(&t, vec![]);
    let w = weakref_to(&t, &a, None);
    drop(w);
    Heap::collect_dead(&mut WeakRecorder::default());
    assert!(a.weakrefs().is_empty());
    assert_eq!(a.flags() & obj_flags::WEAKLY_REFERENCED, 0);
    drop(a);
    Heap::collect_dead(&mut WeakRecorder::default());
    free_type(t);
}

#[test]
fn obj_arrays_hold_and_release_their_items_inline_or_boxed() {
    use super::ObjArray;
    let t = a_type();
    let before = live();
    for n in 0..5 {
        let items: Vec<Obj> = (0..n).map(|_| list(&t, vec![])).collect();
        let a = ObjArray::from_vec(items.clone());
        let mut stack = vec![list(&t, vec![])];
        stack.extend(items.iter().cloned());
        let b = ObjArray::from_popped(n, || stack.pop().expect("an item"));
        assert_eq!(stack.len(), 1);
        let c = ObjArray::from_slice(&a);
        let d = c.clone();
        for arr in [&a, &b, &c, &d] {
            assert_eq!(arr.len(), n);
            assert!(arr.iter().zip(&items).all(|(x, y)| x.is(y)));
        }
        for o in &items {
            assert_eq!(o.refcount(), 5);
        }
        drop((a, b, c, d, stack));
        for o in &items {
            assert_eq!(o.refcount(), 1);
        }
        drop(items);
        Heap::collect_dead(&mut Recorder::default());
        assert_eq!(live(), before);
    }
    // A tuple payload keeps its items alive until it is freed.
    let x = list(&t, vec![]);
    let tup = Obj::new(TupleValue(ObjArray::from_vec(vec![x.clone(), x.clone()])), &t);
    assert_eq!(x.refcount(), 3);
    drop(tup);
    Heap::collect_dead(&mut Recorder::default());
    assert_eq!(x.refcount(), 1);
    drop(x);
    Heap::collect_dead(&mut Recorder::default());
    free_type(t);
}

/// `SlotStack`: values and unbound slots above the sentinel; pops, the
/// local slots, truncation and split-offs keep every count right, and
/// popping an empty stack or an unbound slot panics instead of reading
/// what is not there.
#[test]
fn slot_stack_counts_and_guards() {
    use super::SlotStack;
    let t = a_type();
    let before = live();
    {
        let x = Obj::new(FloatValue(1.0), &t);
        let mut s = SlotStack::with_capacity(1);
        assert_eq!(s.len(), 1);
        s.push(x.clone());
        s.push_unbound(2);
        let base = s.len();
        for _ in 0..40 {
            s.push(x.clone()); // grows past the first capacity
        }
        assert_eq!(x.refcount(), 42);
        *s.slot_mut(2) = Some(x.clone());
        assert!(s.slot(2).is_some() && s.slot(3).is_none());
        assert!(s.last().is(&x) && s[base].is(&x));
        let v = s.pop();
        assert!(v.is(&x));
        drop(v);
        s.swap(base, base + 1);
        s.insert(base, x.clone());
        let vals = s.split_off(base + 30);
        assert_eq!(vals.len(), 10);
        drop(vals);
        // A generator's suspend and resume: the slots move into a kept
        // vector and back, counts unchanged; an empty tail moves nothing.
        let before = x.refcount();
        let len = s.len();
        let mut kept: Vec<Option<Obj>> = Vec::new();
        s.move_slots_into(2, &mut kept);
        assert_eq!((s.len(), kept.len()), (2, len - 2));
        assert_eq!(x.refcount(), before);
        s.append_slots(&mut kept);
        assert!(kept.is_empty() && kept.capacity() >= len - 2);
        assert_eq!((s.len(), x.refcount()), (len, before));
        s.move_slots_into(len, &mut kept);
        assert!(kept.is_empty() && s.len() == len);
        assert!(s.split_off(len).is_empty());
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| s.move_slots_into(0, &mut kept))).is_err());
        s.truncate(base);
        assert_eq!(x.refcount(), 3);
        s.extend([x.clone()]);
        // The top slot unbound, or nothing above the sentinel: a panic.
        let mut u = SlotStack::with_capacity(4);
        u.push_unbound(1);
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(u.pop()))).is_err());
        u.truncate(1);
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(u.pop()))).is_err());
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| u.truncate(0))).is_err());
        assert!(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| *u.slot_mut(0) = None)).is_err());
        assert_eq!(u.len(), 1);
        drop(s);
        assert_eq!(x.refcount(), 1);
    }
    Heap::collect_dead(&mut Recorder::default());
    assert_eq!(live(), before);
    free_type(t);
}
