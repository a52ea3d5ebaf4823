//! `BaseExceptionGroup` / `ExceptionGroup` (PEP 654) and the runtime of
//! `except*`: CPython 3.11's `exceptions.c` group code and the
//! `CHECK_EG_MATCH` / `PREP_RERAISE_STAR` instructions.
//!
//! Model: a group is an ordinary exception object whose `args` are
//! `(message, exceptions)` as given; `message` and `exceptions` (a tuple)
//! are read from them. Splitting a group makes new groups through
//! `derive` and copies the original's traceback, cause, context and notes
//! onto them, so a part re-raised unchanged from an `except*` clause is
//! recognised by that metadata when the clauses' results are merged.

use super::builtins_extra::set_type_method;
use super::Vm;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};
use std::collections::HashSet;

pub(crate) fn install(vm: &mut Vm) {
    let group = vm.types.exceptions.base_exception_group.clone();
    set_type_method(vm, &group, "__new__", group_new);
    set_type_method(vm, &group, "derive", group_derive);
    set_type_method(vm, &group, "split", group_split);
    set_type_method(vm, &group, "subgroup", group_subgroup);
}

/// How `split`/`subgroup` decide that an exception matches.
enum Matcher {
    /// An exception type or a tuple of them.
    Type(Obj),
    /// A callable predicate.
    Predicate(Obj),
    /// Exactly these objects (by address): `except*` merging.
    Instances(HashSet<usize>),
}

/// What one level of a split produced.
struct SplitResult {
    matched: Option<Obj>,
    rest: Option<Obj>,
}

fn exception_args(exc: &Obj) -> Vec<Obj> {
    exc.downcast::<ExceptionValue>()
        .and_then(|e| e.args.borrow().downcast::<TupleValue>().map(|t| t.0.to_vec()))
        .unwrap_or_default()
}

/// `BaseExceptionGroup.__new__(cls, message, exceptions)`.
fn group_new(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let args = a.positional_args();
    let Some(cls) = args.first() else { return Err(vm.type_error("BaseExceptionGroup.__new__(): not enough arguments")) };
    if !a.kwnames.is_empty() {
        return Err(vm.type_error("BaseExceptionGroup.__new__() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len() - 1
        )));
    }
    let (message, exceptions) = (&args[1], &args[2]);
    if message.kind() != Kind::Str {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(message)
        )));
    }
    let is_sequence = matches!(exceptions.kind(), Kind::List | Kind::Tuple | Kind::Range)
        || (exceptions.kind() == Kind::Instance && vm.lookup_special(exceptions, "__getitem__").is_some());
    if !is_sequence {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let items = vm.iterate_to_vec(exceptions)?;
    if items.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let (base, exception) = (vm.types.exceptions.base_exception.clone(), vm.types.exceptions.exception.clone());
    let mut nested_base_exceptions = false;
    for (i, e) in items.iter().enumerate() {
        if !vm.isinstance(e, &base) {
            return Err(vm.value_error(format!("Item {i} of second argument (exceptions) is not an exception")));
        }
        if !vm.isinstance(e, &exception) {
            nested_base_exceptions = true;
        }
    }
    let mut cls = cls.clone();
    if cls.is(&vm.types.exceptions.base_exception_group) {
        if !nested_base_exceptions {
            cls = vm.types.exceptions.exception_group.clone();
        }
    } else if cls.is(&vm.types.exceptions.exception_group) {
        if nested_base_exceptions {
            return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
        }
    } else if nested_base_exceptions && vm.is_subtype(&cls, &exception) {
        let name = cls.downcast::<TypeValue>().map(|t| t.name.borrow().clone()).unwrap_or_default();
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{name}'")));
    }
    vm.new_instance(&cls, &args[1..])
}

fn group_self<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str) -> PyResult<(&'a Obj, &'a Obj)> {
    let args = vm.positional(name, a, 2, 2)?;
    if !vm.isinstance(&args[0], &vm.types.exceptions.base_exception_group) {
        return Err(vm.type_error(format!("descriptor '{name}' requires a 'BaseExceptionGroup' object")));
    }
    Ok((&args[0], &args[1]))
}

/// `eg.derive(excs)`: a group with the same message.
fn group_derive(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (eg, excs) = group_self(vm, &a, "derive")?;
    let message = exception_args(eg).first().cloned().unwrap_or_else(|| vm.new_str(""));
    let t = vm.types.exceptions.base_exception_group.clone();
    vm.call_object(&t, &[message, excs.clone()])
}

fn group_split(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (eg, condition) = group_self(vm, &a, "split")?;
    let matcher = vm.matcher(condition)?;
    let r = vm.split_recursive(eg, &matcher, true)?;
    let none = vm.none();
    Ok(vm.new_tuple(vec![r.matched.unwrap_or_else(|| none.clone()), r.rest.unwrap_or(none)]))
}

fn group_subgroup(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (eg, condition) = group_self(vm, &a, "subgroup")?;
    let matcher = vm.matcher(condition)?;
    let r = vm.split_recursive(eg, &matcher, false)?;
    Ok(r.matched.unwrap_or_else(|| vm.none()))
}

impl Vm {
    /// `eg.message` and `eg.exceptions`.
    pub(crate) fn exception_group_attr(&mut self, exc: &Obj, name: &str) -> Option<Obj> {
        if !self.isinstance(exc, &self.types.exceptions.base_exception_group) {
            return None;
        }
        match name {
            "message" => exception_args(exc).first().cloned(),
            "exceptions" => self.group_members(exc).map(|m| self.new_tuple(m)),
            _ => None,
        }
    }

    /// The members of an exception group (`None` for other exceptions).
    pub(crate) fn group_members(&mut self, exc: &Obj) -> Option<Vec<Obj>> {
        if !self.isinstance(exc, &self.types.exceptions.base_exception_group) {
            return None;
        }
        let seq = exception_args(exc).get(1).cloned()?;
        match seq.kind() {
            Kind::Tuple => seq.downcast::<TupleValue>().map(|t| t.0.to_vec()),
            Kind::List => seq.downcast::<ListValue>().map(|l| l.0.borrow().clone()),
            _ => self.iterate_to_vec(&seq).ok(),
        }
    }

    /// `str(eg)`: `message (n sub-exceptions)`.
    pub(crate) fn exception_group_str(&mut self, exc: &Obj) -> PyResult<String> {
        let message = exception_args(exc).first().cloned();
        let text = match message {
            Some(m) => self.to_str(&m)?,
            None => String::new(),
        };
        let n = self.group_members(exc).map_or(0, |m| m.len());
        Ok(format!("{text} ({n} sub-exception{})", if n == 1 { "" } else { "s" }))
    }

    fn matcher(&mut self, condition: &Obj) -> PyResult<Matcher> {
        let base = self.types.exceptions.base_exception.clone();
        let is_exc_type = |vm: &Vm, t: &Obj| t.kind() == Kind::Type && vm.is_subtype(t, &base);
        if is_exc_type(self, condition) {
            return Ok(Matcher::Type(condition.clone()));
        }
        if let Some(t) = condition.downcast::<TupleValue>() {
            if t.0.iter().all(|x| is_exc_type(self, x)) {
                return Ok(Matcher::Type(condition.clone()));
            }
        } else if condition.kind() != Kind::Type {
            let callable = matches!(condition.kind(), Kind::Function | Kind::BuiltinFunction | Kind::BoundMethod)
                || self.lookup_special(condition, "__call__").is_some();
            if callable {
                return Ok(Matcher::Predicate(condition.clone()));
            }
        }
        Err(self.type_error("expected a function, exception type or tuple of exception types"))
    }

    fn matches(&mut self, exc: &Obj, matcher: &Matcher) -> PyResult<bool> {
        match matcher {
            Matcher::Type(t) => {
                let types = match t.downcast::<TupleValue>() {
                    Some(tuple) => tuple.0.to_vec(),
                    None => vec![t.clone()],
                };
                Ok(types.iter().any(|t| self.isinstance(exc, t)))
            }
            Matcher::Predicate(f) => {
                let r = self.call_object(f, &[exc.clone()])?;
                self.truthy(&r)
            }
            Matcher::Instances(ids) => Ok(ids.contains(&exc.addr())),
        }
    }

    /// `exceptiongroup_split_recursive`.
    fn split_recursive(&mut self, exc: &Obj, matcher: &Matcher, construct_rest: bool) -> PyResult<SplitResult> {
        if self.matches(exc, matcher)? {
            return Ok(SplitResult { matched: Some(exc.clone()), rest: None });
        }
        let Some(members) = self.group_members(exc) else {
            return Ok(SplitResult { matched: None, rest: if construct_rest { Some(exc.clone()) } else { None } });
        };
        let (mut matched, mut rest) = (Vec::new(), Vec::new());
        for e in &members {
            let r = self.split_recursive(e, matcher, construct_rest)?;
            matched.extend(r.matched);
            rest.extend(r.rest);
        }
        let matched = self.group_subset(exc, matched)?;
        let rest = if construct_rest { self.group_subset(exc, rest)? } else { None };
        Ok(SplitResult { matched, rest })
    }

    /// `exceptiongroup_subset`: `orig.derive(excs)` carrying orig's
    /// traceback, cause, context and (a copy of its) notes.
    fn group_subset(&mut self, orig: &Obj, excs: Vec<Obj>) -> PyResult<Option<Obj>> {
        if excs.is_empty() {
            return Ok(None);
        }
        let derive = self.intern("derive");
        let derive = self.get_attr(orig, &derive)?;
        let list = self.new_list(excs);
        let eg = self.call_object(&derive, &[list])?;
        if !self.isinstance(&eg, &self.types.exceptions.base_exception_group) {
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        self.copy_exception_metadata(orig, &eg)?;
        Ok(Some(eg))
    }

    fn copy_exception_metadata(&mut self, from: &Obj, to: &Obj) -> PyResult<()> {
        if let (Some(f), Some(t)) = (from.downcast::<ExceptionValue>(), to.downcast::<ExceptionValue>()) {
            *t.traceback.borrow_mut() = f.traceback.borrow().clone();
            *t.context.borrow_mut() = f.context.borrow().clone();
            *t.cause.borrow_mut() = f.cause.borrow().clone();
            t.suppress_context.set(true);
        }
        if let Some(notes) = self.exception_notes(from) {
            if matches!(notes.kind(), Kind::List | Kind::Tuple) {
                let copy = self.iterate_to_vec(&notes)?;
                let (key, value) = (self.intern("__notes__"), self.new_list(copy));
                self.set_attr(to, key, value)?;
            }
        }
        Ok(())
    }

    fn exception_notes(&mut self, exc: &Obj) -> Option<Obj> {
        let key = self.intern("__notes__");
        let d = self.instance_dict(exc)?;
        self.dict_get(&d, &key).ok().flatten()
    }

    /// `CHECK_EG_MATCH`: splits `rest` by the `except*` clause's type.
    /// `Some((rest, match))` when something matched (the match becomes
    /// the exception being handled), `None` otherwise.
    pub(crate) fn check_eg_match(&mut self, exc: &Obj, match_type: &Obj) -> PyResult<Option<(Obj, Obj)>> {
        let types = match match_type.downcast::<TupleValue>() {
            Some(t) => t.0.to_vec(),
            None => vec![match_type.clone()],
        };
        let (base, group) = (self.types.exceptions.base_exception.clone(), self.types.exceptions.base_exception_group.clone());
        for t in &types {
            if t.kind() != Kind::Type || !self.is_subtype(t, &base) {
                return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
            if self.is_subtype(t, &group) {
                return Err(self.type_error("catching ExceptionGroup with except* is not allowed. Use except instead."));
            }
        }
        if exc.kind() == Kind::None {
            return Ok(None);
        }
        let matcher = Matcher::Type(match_type.clone());
        if self.matches(exc, &matcher)? {
            let matched = if self.group_members(exc).is_some() {
                exc.clone()
            } else {
                let members = self.new_tuple(vec![exc.clone()]);
                let wrapped = self.new_group("", members)?;
                if let (Some(e), Some(w)) = (exc.downcast::<ExceptionValue>(), wrapped.downcast::<ExceptionValue>()) {
                    *w.traceback.borrow_mut() = e.traceback.borrow().clone();
                }
                wrapped
            };
            return Ok(Some((self.none(), matched)));
        }
        if self.group_members(exc).is_none() {
            return Ok(None);
        }
        let r = self.split_recursive(exc, &matcher, true)?;
        Ok(r.matched.map(|m| (r.rest.unwrap_or_else(|| self.none()), m)))
    }

    /// `BaseExceptionGroup(message, excs)` (an `ExceptionGroup` when all
    /// are `Exception`s).
    fn new_group(&mut self, message: &str, excs: Obj) -> PyResult<Obj> {
        let t = self.types.exceptions.base_exception_group.clone();
        let m = self.new_str(message);
        self.call_object(&t, &[m, excs])
    }

    /// `PREP_RERAISE_STAR`: what leaves a `try`/`except*` statement, given
    /// the original exception and the list of what each clause raised or
    /// left unhandled (None entries are ignored). `None`: nothing.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Obj, excs: &Obj) -> PyResult<Option<Obj>> {
        let items = excs.downcast::<ListValue>().map(|l| l.0.borrow().clone()).unwrap_or_default();
        if items.is_empty() {
            return Ok(None);
        }
        if self.group_members(orig).is_none() {
            // A naked exception was wrapped: at most one clause ran.
            return Ok(Some(items[0].clone()).filter(|e| e.kind() != Kind::None));
        }
        let (mut raised, mut reraised) = (Vec::new(), Vec::new());
        for e in items.into_iter().filter(|e| e.kind() != Kind::None) {
            if self.same_exception_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        let mut leaf_ids = HashSet::new();
        for e in &reraised {
            self.collect_leaf_ids(e, &mut leaf_ids);
        }
        let reraised_group = if leaf_ids.is_empty() {
            None
        } else {
            self.split_recursive(orig, &Matcher::Instances(leaf_ids), false)?.matched
        };
        if raised.is_empty() {
            return Ok(reraised_group);
        }
        raised.extend(reraised_group);
        // A lone exception raised in a clause goes out unwrapped (CPython
        // 3.11.4+, gh-103590).
        if raised.len() == 1 {
            return Ok(raised.pop());
        }
        let list = self.new_list(raised);
        self.new_group("", list).map(Some)
    }

    fn collect_leaf_ids(&mut self, e: &Obj, ids: &mut HashSet<usize>) {
        match self.group_members(e) {
            Some(members) => {
                for m in &members {
                    self.collect_leaf_ids(m, ids);
                }
            }
            None => {
                ids.insert(e.addr());
            }
        }
    }

    /// CPython's `is_same_exception_metadata`: the same notes, traceback,
    /// cause and context.
    fn same_exception_metadata(&mut self, a: &Obj, b: &Obj) -> bool {
        let (Some(x), Some(y)) = (a.downcast::<ExceptionValue>(), b.downcast::<ExceptionValue>()) else { return false };
        let same_obj = |p: &Option<Obj>, q: &Option<Obj>| match (p, q) {
            (Some(p), Some(q)) => p.is(q),
            (None, None) => true,
            _ => false,
        };
        let same_tb = {
            let (p, q) = (x.traceback.borrow(), y.traceback.borrow());
            p.len() == q.len() && p.iter().zip(q.iter()).all(|(m, n)| std::rc::Rc::ptr_eq(&m.code, &n.code) && m.line == n.line)
        };
        let same = same_tb
            && same_obj(&x.cause.borrow(), &y.cause.borrow())
            && same_obj(&x.context.borrow(), &y.context.borrow());
        same && same_obj(&self.exception_notes(a), &self.exception_notes(b))
    }

    /// The `CheckEgMatch` instruction; true when it jumps (no match).
    #[cold]
    pub(crate) fn check_eg_match_instr(&mut self) -> PyResult<bool> {
        let match_type = self.stack.pop();
        let exc = self.stack.pop();
        match self.check_eg_match(&exc, &match_type)? {
            Some((rest, matched)) => {
                self.stack.push(rest);
                self.handled.push(matched.clone());
                self.stack.push(matched);
                Ok(false)
            }
            None => {
                self.stack.push(exc);
                Ok(true)
            }
        }
    }

    /// The `PrepReraiseStar` instruction; true when it jumps (nothing to
    /// raise).
    #[cold]
    pub(crate) fn prep_reraise_star_instr(&mut self) -> PyResult<bool> {
        let excs = self.stack.pop();
        let orig = self.stack.pop();
        match self.prep_reraise_star(&orig, &excs)? {
            Some(exc) => {
                self.stack.push(exc);
                Ok(false)
            }
            None => Ok(true),
        }
    }
}
