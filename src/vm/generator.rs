//! Generators: calling a generator function makes a generator object that
//! holds the function's frame, suspended. Each resume (`__next__`, `send`,
//! `throw`, `close`, a `for` loop, `yield from`) moves the frame's locals
//! and stack back onto the VM's shared stacks and runs it with a nested
//! `run_frame_until` until it yields (the frame moves out again), returns
//! (StopIteration) or raises.
//!
//! Delegation (`yield from`) follows CPython 3.11: a frame suspended at a
//! `YieldValue(1)` has its delegate iterator on top of its stack; `send`
//! goes through the `Send` instruction in the frame, while `throw` and
//! `close` are passed to the delegate directly from Rust (`gen_throw`).

use super::{Cells, Frame, FrameExit, Vm};
use super::eval::Exit;
use crate::bytecode::Instr;
use crate::heap::{Kind, Obj, obj_flags};
use crate::object::payloads::*;
use crate::object::{CallArgs, NativeFn, PyErr, PyResult};
use std::cell::{Cell, RefCell};

/// What one resume of a generator (or delegate iterator) produced.
pub(crate) enum GenResult {
    Yield(Obj),
    Return(Obj),
}

/// Installs the generator type's methods.
pub(crate) fn install(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] = &[
        ("__next__", gen_next_method),
        ("send", gen_send_method),
        ("throw", gen_throw_method),
        ("close", gen_close_method),
        ("__iter__", gen_iter_method),
    ];
    let t = vm.types.generator.clone();
    for &(name, f) in methods {
        let func = vm.new_builtin(name, f);
        let key = vm.intern(name);
        vm.table_set_str(&t.downcast::<TypeValue>().expect("type").dict, key, func);
    }
}

fn gen_arg<'a>(vm: &Vm, a: &CallArgs<'a>, name: &str, min: usize, max: usize) -> PyResult<(&'a Obj, &'a [Obj])> {
    let args = a.positional_args();
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("generator.{name}() takes no keyword arguments")));
    }
    match args.first() {
        Some(g) if g.kind() == Kind::Generator => {
            let rest = &args[1..];
            if rest.len() < min || rest.len() > max {
                let msg = if min == max && min == 0 {
                    format!("generator.{name}() takes no arguments ({} given)", rest.len())
                } else if min == max {
                    format!("generator.{name}() takes exactly one argument ({} given)", rest.len())
                } else {
                    format!("{name} expected at least {min} argument, got {}", rest.len())
                };
                return Err(vm.type_error(msg));
            }
            Ok((g, rest))
        }
        _ => Err(vm.type_error(format!("descriptor '{name}' requires a 'generator' object"))),
    }
}

fn gen_next_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (g, _) = gen_arg(vm, &a, "__next__", 0, 0)?;
    let none = vm.none();
    let r = vm.gen_resume(g, none, None)?;
    vm.yielded_or_stop(r)
}

fn gen_send_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (g, rest) = gen_arg(vm, &a, "send", 1, 1)?;
    let r = vm.gen_resume(g, rest[0].clone(), None)?;
    vm.yielded_or_stop(r)
}

fn gen_throw_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (g, rest) = gen_arg(vm, &a, "throw", 1, 3)?;
    let exc = vm.throw_argument(&rest[0], rest.get(1))?;
    let r = vm.gen_throw(g, PyErr(exc))?;
    vm.yielded_or_stop(r)
}

fn gen_close_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (g, _) = gen_arg(vm, &a, "close", 0, 0)?;
    vm.gen_close(g)
}

fn gen_iter_method(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    let (g, _) = gen_arg(vm, &a, "__iter__", 0, 0)?;
    Ok(g.clone())
}

impl Vm {
    /// The generator object for a call of the generator function `func`,
    /// whose frame (arguments bound, not pushed) is `frame`.
    pub(crate) fn make_generator(&mut self, func: &Obj, frame: Frame) -> Obj {
        let mut slots = Vec::new();
        self.stack.move_slots_into(frame.locals_base, &mut slots);
        self.stack.truncate(frame.call_base);
        let (name, qualname) = match func.downcast::<FunctionValue>() {
            Some(f) => (f.name.borrow().clone(), f.qualname.borrow().clone()),
            None => (self.new_str(&frame.code.name), self.new_str(&frame.code.qualname)),
        };
        let g = Obj::new(
            GeneratorValue {
                state: Cell::new(GenState::Created),
                code: frame.code.clone(),
                frame: RefCell::new(Some(SuspendedFrame {
                    code: frame.code,
                    pc: frame.pc,
                    slots,
                    cells: frame.cells.0,
                    globals: frame.globals,
                    // Not started: nothing handled yet.
                    handling: Vec::new(),
                })),
                name,
                qualname,
            },
            &self.types.generator,
        );
        // Closing a suspended generator when it dies runs its `finally`s.
        g.set_flag(obj_flags::FINALIZE);
        g
    }

    /// Resumes `genr`, sending `value` (the result of the `yield` it is
    /// suspended at) or raising `throw` there.
    pub(crate) fn gen_resume(&mut self, genr: &Obj, value: Obj, throw: Option<PyErr>) -> PyResult<GenResult> {
        let g = genr.downcast::<GeneratorValue>().expect("a generator");
        let state = g.state.get();
        match state {
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Closed => {
                return match throw {
                    Some(e) => Err(e),
                    None => Ok(GenResult::Return(self.none())),
                };
            }
            GenState::Created => {
                if let Some(e) = throw {
                    g.state.set(GenState::Closed);
                    let frame = g.frame.borrow_mut().take();
                    drop(frame);
                    return Err(e);
                }
                if value.kind() != Kind::None {
                    return Err(self.type_error("can't send non-None value to a just-started generator"));
                }
            }
            GenState::Suspended => {}
        }
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let sent = if throw.is_none() { Some(value) } else { None };
        let Some(frame) = self.running_frame(g, sent) else {
            return Ok(GenResult::Return(self.none()));
        };
        match self.run_frame_until(frame, throw) {
            Ok(Exit::Yield(v)) => {
                self.suspend_into(g);
                Ok(GenResult::Yield(v))
            }
            Ok(Exit::Return(v)) => {
                self.generator_ended(g);
                Ok(GenResult::Return(v))
            }
            Err(e) => Err(self.generator_raised(g, e)),
        }
    }

    /// The generator's suspended frame, its slots moved back onto the
    /// stack, marked running; `sent` is pushed as the value of the `yield`
    /// it stopped at (not for a frame that has not started). `None` when
    /// the generator has no frame left.
    /// The `SuspendedFrame` stays in the generator while the frame runs,
    /// its slot vector emptied (its capacity kept for the next suspend)
    /// and its cells lent out; the frame gets its own references to the
    /// code and globals. Two reference counts cost less than moving the
    /// whole `SuspendedFrame` out and back in on every resume and yield,
    /// which took about 60 instructions per cycle (callgrind,
    /// generators.py). It is cleared when the frame ends.
    /// Inlined into its two callers: out of line, its prologue and
    /// epilogue (a `Frame` returned through memory) cost about 80 of its
    /// 124 instructions per resume (callgrind, generators.py).
    #[inline(always)]
    fn running_frame(&mut self, g: &GeneratorValue, sent: Option<Obj>) -> Option<Frame> {
        let started = g.state.get() == GenState::Suspended;
        let mut cell = g.frame.borrow_mut();
        let saved = cell.as_mut()?;
        g.state.set(GenState::Running);
        let locals_base = self.stack.len();
        self.stack.append_slots(&mut saved.slots);
        if let Some(v) = sent.filter(|_| started) {
            self.stack.push(v);
        }
        // What it was handling goes back on the shared stack, owned by
        // the frame (pushed next: nothing can come between).
        let handled_base = self.handled.len();
        if !saved.handling.is_empty() {
            self.handled.append(&mut saved.handling);
        }
        let cells = Cells(saved.cells.take());
        let mut frame = Frame::with_cells(saved.code.clone(), saved.globals.clone(), None, locals_base, locals_base, handled_base, cells);
        frame.pc = saved.pc;
        Some(frame)
    }

    /// The generator's frame ended (returned or raised): what it kept
    /// while running goes.
    fn generator_ended(&self, g: &GeneratorValue) {
        g.state.set(GenState::Closed);
        let frame = g.frame.borrow_mut().take();
        drop(frame);
    }

    /// An exception left the generator's frame: the generator is closed,
    /// and a StopIteration becomes a RuntimeError (PEP 479).
    fn generator_raised(&self, g: &GeneratorValue, e: PyErr) -> PyErr {
        self.generator_ended(g);
        let stop = self.types.exceptions.stop_iteration.clone();
        if self.isinstance(&e.0, &stop) {
            return self.chained_runtime_error("generator raised StopIteration", e);
        }
        e
    }

    /// For `ForIter` on a generator: its frame, to run in the dispatch
    /// loop until it yields to the loop again, when the generator can be
    /// resumed (created or suspended, not running or closed).
    pub(crate) fn resume_inline_generator(&mut self, genr: &Obj) -> Option<Frame> {
        let g = genr.downcast::<GeneratorValue>()?;
        if !matches!(g.state.get(), GenState::Created | GenState::Suspended) {
            return None;
        }
        let none = self.none();
        let mut frame = self.running_frame(g, Some(none))?;
        frame.exit = FrameExit::Generator(genr.clone());
        Some(frame)
    }

    /// The top frame, a generator resumed by `ForIter`, yielded: its state
    /// goes back into the generator.
    pub(crate) fn suspend_inline_generator(&mut self, genr: &Obj) {
        let g = genr.downcast::<GeneratorValue>().expect("a generator");
        self.suspend_into(g);
    }

    /// The top frame, `g`'s, yielded: its slots, cells, counter and
    /// handled exceptions go back into the `SuspendedFrame` it kept while
    /// running (see `running_frame`).
    #[inline(always)]
    fn suspend_into(&mut self, g: &GeneratorValue) {
        let frame = self.frames.pop().expect("a frame");
        let mut cell = g.frame.borrow_mut();
        let saved = cell.as_mut().expect("a running generator keeps its frame");
        self.stack.move_slots_into(frame.locals_base, &mut saved.slots);
        self.stack.truncate(frame.call_base);
        if self.handled.len() > frame.handled_base {
            saved.handling.extend(self.handled.drain(frame.handled_base..));
        }
        saved.pc = frame.pc;
        saved.cells = frame.cells.0;
        drop(cell);
        g.state.set(GenState::Suspended);
    }

    /// A generator resumed by `ForIter` returned.
    pub(crate) fn close_inline_generator(&mut self, genr: &Obj) {
        if let Some(g) = genr.downcast::<GeneratorValue>() {
            self.generator_ended(g);
        }
    }

    /// An exception leaves the frame of a generator resumed by `ForIter`.
    pub(crate) fn inline_generator_raised(&mut self, genr: &Obj, e: PyErr) -> PyErr {
        match genr.downcast::<GeneratorValue>() {
            Some(g) => self.generator_raised(g, e),
            None => e,
        }
    }

    /// PEP 479: a RuntimeError caused by the StopIteration that escaped.
    fn chained_runtime_error(&self, msg: &str, cause: PyErr) -> PyErr {
        let err = self.err(&self.types.exceptions.runtime_error, msg);
        if let Some(e) = err.0.downcast::<ExceptionValue>() {
            *e.cause.borrow_mut() = Some(cause.0.clone());
            *e.context.borrow_mut() = Some(cause.0);
            e.suppress_context.set(true);
        }
        err
    }

    /// The value of a `__next__`/`send`/`throw` call: what was yielded, or
    /// StopIteration carrying the return value.
    pub(crate) fn yielded_or_stop(&mut self, r: GenResult) -> PyResult<Obj> {
        match r {
            GenResult::Yield(v) => Ok(v),
            GenResult::Return(v) => Err(self.stop_iteration(v)),
        }
    }

    /// `StopIteration(value)` (no arguments for None, as CPython).
    pub(crate) fn stop_iteration(&mut self, value: Obj) -> PyErr {
        let args = if value.kind() == Kind::None { vec![] } else { vec![value] };
        PyErr(self.new_exception(&self.types.exceptions.stop_iteration.clone(), args))
    }

    /// `StopIteration.value`: its first argument, or None.
    pub(crate) fn stop_iteration_value(&self, exc: &Obj) -> Obj {
        exc.downcast::<ExceptionValue>()
            .and_then(|e| e.args.borrow().downcast::<TupleValue>().and_then(|t| t.0.first().cloned()))
            .unwrap_or_else(|| self.none())
    }

    /// The iterator a generator suspended in `yield from` delegates to.
    fn gen_delegate(&self, genr: &Obj) -> Option<Obj> {
        let g = genr.downcast::<GeneratorValue>()?;
        if g.state.get() != GenState::Suspended {
            return None;
        }
        let f = g.frame.borrow();
        let f = f.as_ref()?;
        match f.code.instructions.get(f.pc.checked_sub(1)?) {
            Some(Instr::YieldValue(1)) => f.slots.last().cloned().flatten(),
            _ => None,
        }
    }

    /// `genr.throw(exc)`, passed on to the delegate of a `yield from` first.
    pub(crate) fn gen_throw(&mut self, genr: &Obj, exc: PyErr) -> PyResult<GenResult> {
        let Some(sub) = self.gen_delegate(genr) else {
            let none = self.none();
            return self.gen_resume(genr, none, Some(exc));
        };
        let g = genr.downcast::<GeneratorValue>().expect("a generator");
        let none = self.none();
        if self.isinstance(&exc.0, &self.types.exceptions.generator_exit.clone()) {
            g.state.set(GenState::Running);
            let r = self.close_iterator(&sub);
            g.state.set(GenState::Suspended);
            return match r {
                Ok(()) => self.gen_resume(genr, none, Some(exc)),
                Err(e) => self.gen_resume(genr, none, Some(e)),
            };
        }
        g.state.set(GenState::Running);
        let r = if sub.kind() == Kind::Generator {
            self.gen_throw(&sub, exc.clone())
        } else {
            match self.get_attr_opt(&sub, "throw") {
                None => {
                    g.state.set(GenState::Suspended);
                    return self.gen_resume(genr, none, Some(exc));
                }
                Some(m) => self.call_catching_stop(&m, &[exc.0.clone()]),
            }
        };
        g.state.set(GenState::Suspended);
        match r {
            Ok(GenResult::Yield(v)) => Ok(GenResult::Yield(v)),
            Ok(GenResult::Return(v)) => {
                // The delegate finished: leave the `yield from` loop (pop
                // the delegate, go to the `Send`'s target) with its value.
                {
                    let mut f = g.frame.borrow_mut();
                    let f = f.as_mut().expect("a suspended frame");
                    f.slots.pop();
                    if let Some(Instr::Send(t)) = f.code.instructions.get(f.pc.wrapping_sub(2)) {
                        f.pc = *t as usize;
                    }
                }
                self.gen_resume(genr, v, None)
            }
            Err(e) => self.gen_resume(genr, none, Some(e)),
        }
    }

    /// `genr.close()`.
    pub(crate) fn gen_close(&mut self, genr: &Obj) -> PyResult<Obj> {
        let g = genr.downcast::<GeneratorValue>().expect("a generator");
        match g.state.get() {
            GenState::Created | GenState::Closed => {
                g.state.set(GenState::Closed);
                let frame = g.frame.borrow_mut().take();
                drop(frame);
                return Ok(self.none());
            }
            GenState::Running => return Err(self.value_error("generator already executing")),
            GenState::Suspended => {}
        }
        let exit = self.new_exception(&self.types.exceptions.generator_exit.clone(), vec![]);
        match self.gen_throw(genr, PyErr(exit)) {
            Ok(GenResult::Yield(_)) => Err(self.err(&self.types.exceptions.runtime_error, "generator ignored GeneratorExit")),
            Ok(GenResult::Return(_)) => Ok(self.none()),
            Err(e)
                if self.isinstance(&e.0, &self.types.exceptions.generator_exit.clone())
                    || self.isinstance(&e.0, &self.types.exceptions.stop_iteration.clone()) =>
            {
                Ok(self.none())
            }
            Err(e) => Err(e),
        }
    }

    /// Closes a `yield from` delegate: `close()` if it has one.
    fn close_iterator(&mut self, it: &Obj) -> PyResult<()> {
        if it.kind() == Kind::Generator {
            return self.gen_close(it).map(drop);
        }
        if let Some(m) = self.get_attr_opt(it, "close") {
            self.call_object(&m, &[])?;
        }
        Ok(())
    }

    /// `obj.name`, or None when it has no such attribute.
    fn get_attr_opt(&mut self, obj: &Obj, name: &str) -> Option<Obj> {
        let key = self.intern(name);
        self.get_attr(obj, &key).ok()
    }

    /// Calls `f(args)`, turning a StopIteration into `Return(its value)`.
    fn call_catching_stop(&mut self, f: &Obj, args: &[Obj]) -> PyResult<GenResult> {
        match self.call_object(f, args) {
            Ok(v) => Ok(GenResult::Yield(v)),
            Err(e) if self.isinstance(&e.0, &self.types.exceptions.stop_iteration.clone()) => {
                Ok(GenResult::Return(self.stop_iteration_value(&e.0)))
            }
            Err(e) => Err(e),
        }
    }

    /// The `Send` instruction: `[iter, v]` with v popped. Sends v into the
    /// delegate on top of the stack; a yielded value is pushed (returns
    /// None), a return pops the delegate and gives its value back.
    pub(crate) fn send_step(&mut self, v: Obj) -> PyResult<Option<Obj>> {
        let it = self.stack.last().clone();
        let r = if it.kind() == Kind::Generator {
            self.gen_resume(&it, v, None)?
        } else if v.kind() == Kind::None {
            match self.lookup_special(&it, "__next__") {
                Some(m) => self.call_catching_stop(&m, &[it.clone()])?,
                None => match self.next(&it)? {
                    Some(y) => GenResult::Yield(y),
                    None => GenResult::Return(self.none()),
                },
            }
        } else {
            match self.get_attr_opt(&it, "send") {
                Some(m) => self.call_catching_stop(&m, &[v])?,
                None => {
                    return Err(self.attribute_error(format!("'{}' object has no attribute 'send'", self.type_name(&it))));
                }
            }
        };
        match r {
            GenResult::Yield(y) => {
                self.stack.push(y);
                Ok(None)
            }
            GenResult::Return(r) => {
                self.stack.pop();
                Ok(Some(r))
            }
        }
    }

    /// The `MapAdd` instruction.
    pub(crate) fn map_add(&mut self, depth: u32) -> PyResult<()> {
        let v = self.stack.pop();
        let k = self.stack.pop();
        let d = self.stack[self.stack.len() - depth as usize].clone();
        self.dict_set(&d, k, v)?;
        self.collect_dead();
        Ok(())
    }

    /// `next(genr[, default])`: StopIteration carries the return value.
    pub(crate) fn builtin_next_generator(&mut self, genr: &Obj, default: Option<&Obj>) -> PyResult<Obj> {
        let none = self.none();
        match (self.gen_resume(genr, none, None)?, default) {
            (GenResult::Return(_), Some(d)) => Ok(d.clone()),
            (r, _) => self.yielded_or_stop(r),
        }
    }

    /// `next()` on a generator for `Vm::next`: None once it returns.
    pub(crate) fn gen_next(&mut self, genr: &Obj) -> PyResult<Option<Obj>> {
        let none = self.none();
        match self.gen_resume(genr, none, None)? {
            GenResult::Yield(v) => Ok(Some(v)),
            GenResult::Return(_) => Ok(None),
        }
    }

    /// The exception `genr.throw(typ[, val])` raises.
    fn throw_argument(&mut self, typ: &Obj, val: Option<&Obj>) -> PyResult<Obj> {
        let base = self.types.exceptions.base_exception.clone();
        let val = val.filter(|v| v.kind() != Kind::None);
        if typ.kind() == Kind::Type && self.is_subtype(typ, &base) {
            return match val {
                Some(v) if self.isinstance(v, typ) => Ok(v.clone()),
                Some(v) => {
                    let args = match v.downcast::<TupleValue>() {
                        Some(t) => t.0.to_vec(),
                        None => vec![v.clone()],
                    };
                    self.call_object(typ, &args)
                }
                None => self.call_object(typ, &[]),
            };
        }
        if self.isinstance(typ, &base) {
            if val.is_some() {
                return Err(self.type_error("instance exception may not have a separate value"));
            }
            return Ok(typ.clone());
        }
        Err(self.type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            self.type_name(typ)
        )))
    }

    /// Attributes of generator objects.
    pub(crate) fn generator_attr(&mut self, genr: &Obj, name: &str) -> Option<Obj> {
        let g = genr.downcast::<GeneratorValue>()?;
        Some(match name {
            "__name__" => g.name.clone(),
            "__qualname__" => g.qualname.clone(),
            "gi_running" => self.bool_obj(g.state.get() == GenState::Running),
            "gi_suspended" => self.bool_obj(g.state.get() == GenState::Suspended),
            "gi_code" => Obj::new(CodeValue(g.code.clone()), &self.types.code),
            "gi_frame" if g.state.get() == GenState::Closed => self.none(),
            "gi_frame" => {
                let line = match (g.state.get(), g.frame.borrow().as_ref()) {
                    (GenState::Suspended, Some(f)) => f.code.line_at(f.pc.saturating_sub(1)),
                    _ => g.code.firstlineno,
                };
                return self.frame_object(&g.code, line).ok();
            }
            "gi_yieldfrom" => self.gen_delegate(genr).unwrap_or_else(|| self.none()),
            _ => return None,
        })
    }

    /// Run when a generator dies: close it if it is suspended, reporting
    /// (not raising) what `close` raises.
    pub(crate) fn finalize_generator(&mut self, genr: &Obj) {
        let Some(g) = genr.downcast::<GeneratorValue>() else { return };
        if g.state.get() != GenState::Suspended {
            return;
        }
        if let Err(PyErr(exc)) = self.gen_close(genr) {
            let text = self.format_exception_only(&exc);
            let q = self.str_lossy(&g.qualname);
            eprintln!("Exception ignored in: <generator object {q} at {:#x}>\n{}", genr.addr(), text.trim_end());
        }
    }
}
