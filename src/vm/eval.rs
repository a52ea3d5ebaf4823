//! The dispatch loop: one `match` over the instruction, nothing else.
//!
//! `run_frame` pushes a frame and loops until that frame returns. A call
//! to a Python function pushes its frame and continues the same loop (no
//! Rust recursion); a `Return` pops back to the caller. Every fallible
//! step goes through `?`-free error routing: an `Err` jumps to `unwind`,
//! which finds the innermost handler of the current frame or pops frames
//! until one has one, or returns the error past the entry frame.

use super::eval_steps::Operand;
use super::seq::Step;
use super::{Frame, FrameExit, Vm};
use crate::bytecode::Instr;
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{PyErr, PyResult};

/// Where a frame's execution goes after an instruction.
enum Flow {
    /// The frame returned this value.
    Return(Obj),
    /// The (generator) frame yielded this value.
    Yield(Obj),
}

/// How the entry frame of `run_frame_until` left.
pub(crate) enum Exit {
    Return(Obj),
    /// A generator frame yielded; it is still the top frame, for the
    /// caller to move out with `suspend_top_frame` (into the generator's
    /// spare slot vector).
    Yield(Obj),
}

impl Vm {
    /// Runs `frame` to completion and returns its value.
    pub(crate) fn run_frame(&mut self, frame: Frame) -> PyResult<Obj> {
        match self.run_frame_until(frame, None)? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(..) => {
                drop(self.suspend_top_frame(Vec::new()));
                Err(self.err(&self.types.exceptions.runtime_error.clone(), "yield outside a generator"))
            }
        }
    }

    /// Runs `frame` until it returns or (a generator frame) yields. With
    /// `throw`, that exception is raised in the frame at its current
    /// instruction first.
    pub(crate) fn run_frame_until(&mut self, frame: Frame, throw: Option<PyErr>) -> PyResult<Exit> {
        if self.frames.len() >= self.recursion_limit {
            // A resumed generator's frame put its handled exceptions back
            // on `handled` already: they go with the frame.
            self.handled.truncate(frame.handled_base);
            drop(frame);
            return Err(self.err(&self.types.exceptions.recursion_error.clone(), "maximum recursion depth exceeded"));
        }
        let entry = self.frames.len();
        self.frames.push(frame);
        if let Some(err) = throw {
            if let Err(err) = self.unwind(err, entry) {
                self.collect_dead();
                return Err(err);
            }
        }
        loop {
            match self.run_frames(entry) {
                Ok(Flow::Return(value)) => {
                    self.pop_frame();
                    self.collect_dead();
                    return Ok(Exit::Return(value));
                }
                Ok(Flow::Yield(value)) => return Ok(Exit::Yield(value)),
                Err(err) => {
                    if let Err(err) = self.unwind(err, entry) {
                        self.collect_dead();
                        return Err(err);
                    }
                }
            }
        }
    }

    /// Pops the top frame, moving its locals and stack, and the
    /// exceptions it is handling, out.
    /// `slots` is an empty vector whose capacity is reused for the slots.
    pub(crate) fn suspend_top_frame(&mut self, mut slots: Vec<Option<Obj>>) -> SuspendedFrame {
        let frame = self.frames.pop().expect("a frame");
        self.stack.move_slots_into(frame.locals_base, &mut slots);
        self.stack.truncate(frame.call_base);
        let handling = if self.handled.len() > frame.handled_base {
            self.handled.drain(frame.handled_base..).collect()
        } else {
            Vec::new()
        };
        SuspendedFrame {
            slots,
            code: frame.code,
            pc: frame.pc,
            cells: frame.cells.0,
            globals: frame.globals,
            handling,
        }
    }

    /// Routes an error to the innermost handler at or above `entry`, or
    /// pops every frame down to `entry` and gives the error back.
    #[cold]
    fn unwind(&mut self, mut err: PyErr, entry: usize) -> Result<(), PyErr> {
        self.set_implicit_context(&err);
        let mut first = true;
        loop {
            let frame = self.frames.last_mut().expect("a frame");
            let pc = frame.pc.saturating_sub(1);
            let code = frame.code.clone();
            if !(std::mem::take(&mut first) && is_reraise(&code, pc, &err)) {
                self.add_traceback(&err, &code, pc);
            }
            if let Some(h) = code.handler_for(pc) {
                let frame = self.frames.last_mut().expect("a frame");
                let depth = frame.stack_base() + h.depth as usize;
                frame.pc = h.handler as usize;
                self.stack.truncate(depth);
                self.stack.push(err.0);
                return Ok(());
            }
            if let FrameExit::Generator(g) = self.pop_frame() {
                err = self.inline_generator_raised(&g, err);
            }
            if self.frames.len() == entry {
                return Err(err);
            }
        }
    }

    /// Removes the top frame with its stack, locals and handled exceptions
    /// (left when an exception unwinds out of an `except` block); gives
    /// back what its end owes the caller.
    ///
    /// The frame is moved out and taken apart here, its drop inlined: at
    /// 11 words (since `handled` and `Cells`) that is cheaper than dropping
    /// it in place with `Vec::truncate`, which calls the out-of-line drop
    /// of a `Frame` (callgrind, fib: -2.8%). At 15 words it was the other
    /// way round.
    #[inline(always)]
    fn pop_frame(&mut self) -> FrameExit {
        let frame = self.frames.pop().expect("a frame");
        self.stack.truncate(frame.call_base);
        self.handled.truncate(frame.handled_base);
        frame.exit
    }

    /// The result of a test: when the next instruction is the jump of an
    /// `if`/`while` on it, the jump is taken on the Rust bool, and no
    /// bool object is pushed and popped; otherwise the bool is pushed.
    #[inline(always)]
    pub(super) fn push_or_jump(&mut self, r: bool, code: &crate::bytecode::Code, pc: &mut usize) {
        match code.instructions.fetch(*pc) {
            Instr::PopJumpIfFalse(t) => *pc = if r { *pc + 1 } else { t as usize },
            Instr::PopJumpIfTrue(t) => *pc = if r { t as usize } else { *pc + 1 },
            _ => {
                let b = self.bool_obj(r);
                self.stack.push(b);
            }
        }
    }

    #[inline(always)]
    pub(super) fn pop(&mut self) -> Obj {
        self.stack.pop()
    }

    #[inline(always)]
    fn top(&self) -> &Obj {
        self.stack.last()
    }

    /// Executes instructions of the top frame and of the frames it calls,
    /// until the frame at `entry` returns or yields, or an error leaves
    /// one of them. Python-to-Python calls and returns switch frames inside
    /// the loop. The running frame's index, code and program counter live
    /// in locals; the counter is written back to the frame when it calls
    /// and on the way out (tracebacks and handler lookup read it there).
    fn run_frames(&mut self, entry: usize) -> PyResult<Flow> {
        let mut fi = self.frames.len() - 1;
        let mut code = self.frames[fi].code.clone();
        let mut pc = self.frames[fi].pc;
        let mut locals_base = self.frames[fi].locals_base;
        let result = self.run_instructions(entry, &mut fi, &mut code, &mut pc, &mut locals_base);
        self.frames[fi].pc = pc;
        result
    }

    #[inline(always)]
    fn run_instructions(
        &mut self,
        entry: usize,
        fi_ref: &mut usize,
        code_rc: &mut std::rc::Rc<crate::bytecode::Code>,
        pc: &mut usize,
        lb: &mut usize,
    ) -> PyResult<Flow> {
        loop {
            let fi = *fi_ref;
            let code: &crate::bytecode::Code = code_rc;
            let instr = code.instructions.fetch(*pc);
            *pc += 1;
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    self.pop();
                    self.collect_dead();
                }
                Instr::PrintExpr => {
                    let v = self.pop();
                    self.display_value(v)?;
                    self.collect_dead();
                }
                Instr::Dup => {
                    let v = self.top().clone();
                    self.stack.push(v);
                }
                Instr::Dup2 => {
                    let n = self.stack.len();
                    let (a, b) = (self.stack[n - 2].clone(), self.stack[n - 1].clone());
                    self.stack.push(a);
                    self.stack.push(b);
                }
                Instr::Rot2 => {
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - 2);
                }
                Instr::Rot3 => {
                    // `a b c` to `c a b` by two swaps: `insert` is a call
                    // and a memmove.
                    let n = self.stack.len();
                    self.stack.swap(n - 1, n - 2);
                    self.stack.swap(n - 2, n - 3);
                }
                Instr::LoadConst(i) => self.stack.push(code.consts[i as usize].clone()),
                Instr::LoadFast(i) => match self.stack.slot(*lb + i as usize) {
                    Some(v) => {
                        let v = v.clone();
                        self.stack.push(v);
                    }
                    None => return Err(self.unbound_local(&code.varnames[i as usize])),
                },
                Instr::LoadFastLoadFast(a, b) => self.fuse_pair(Operand::Local(a), Operand::Local(b), code, pc, *lb)?,
                Instr::LoadFastLoadConst(a, c) => self.fuse_pair(Operand::Local(a), Operand::Const(c), code, pc, *lb)?,
                Instr::LoadConstLoadFast(c, b) => self.fuse_pair(Operand::Const(c), Operand::Local(b), code, pc, *lb)?,
                // The operator after it is at `pc`, as after a pair.
                Instr::LoadConstOperand(c) => self.fuse_const_operand(c, code, pc),
                Instr::LoadFastLoadAttr(a, i) => self.load_local_attr(a as usize, i as usize, code, pc, *lb)?,
                Instr::StoreFastLoadFast(a, b) => {
                    let v = self.pop();
                    let old = self.stack.slot_mut(*lb + a as usize).replace(v);
                    drop(old);
                    self.collect_dead();
                    *pc += 1;
                    match self.stack.slot(*lb + b as usize) {
                        Some(v) => {
                            let v = v.clone();
                            self.stack.push(v);
                        }
                        None => return Err(self.unbound_local(&code.varnames[b as usize])),
                    }
                }
                Instr::StoreFast(i) => {
                    let v = self.pop();
                    let old = self.stack.slot_mut(*lb + i as usize).replace(v);
                    drop(old);
                    self.collect_dead();
                }
                Instr::DeleteFast(i) => {
                    if self.stack.slot_mut(*lb + i as usize).take().is_none() {
                        return Err(self.unbound_local(&code.varnames[i as usize]));
                    }
                    self.collect_dead();
                }
                Instr::LoadDeref(i) => {
                    let cell = &self.frames[fi].cells[i as usize];
                    let v = cell.downcast::<CellValue>().and_then(|c| c.0.borrow().clone());
                    match v {
                        Some(v) => self.stack.push(v),
                        None => return Err(self.unbound_cell(code, i as usize)),
                    }
                }
                Instr::StoreDeref(i) => {
                    let v = self.pop();
                    let cell = &self.frames[fi].cells[i as usize];
                    let old = cell.downcast::<CellValue>().and_then(|c| c.0.borrow_mut().replace(v));
                    drop(old);
                    self.collect_dead();
                }
                Instr::LoadClosure(i) => {
                    let cell = self.frames[fi].cells[i as usize].clone();
                    self.stack.push(cell);
                }
                Instr::LoadGlobal(i) => {
                    let v = self.load_global_cached(fi, code, i as usize)?;
                    self.stack.push(v);
                }
                Instr::StoreGlobal(i) => {
                    let v = self.pop();
                    let g = self.frames[fi].globals.clone();
                    self.dict_set(&g, code.names[i as usize].clone(), v)?;
                    self.collect_dead();
                }
                Instr::DeleteGlobal(i) => {
                    let g = self.frames[fi].globals.clone();
                    let name = &code.names[i as usize];
                    if self.dict_remove(&g, name)?.is_none() {
                        return Err(self.name_error(&self.str_lossy(name)));
                    }
                    self.collect_dead();
                }
                Instr::LoadName(i) => {
                    let v = self.load_name(fi, &code.names[i as usize])?;
                    self.stack.push(v);
                }
                Instr::StoreName(i) => {
                    let v = self.pop();
                    let ns = self.frames[fi].names.clone().unwrap_or_else(|| self.frames[fi].globals.clone());
                    self.dict_set(&ns, code.names[i as usize].clone(), v)?;
                    self.collect_dead();
                }
                Instr::DeleteName(i) => {
                    let ns = self.frames[fi].names.clone().unwrap_or_else(|| self.frames[fi].globals.clone());
                    let name = &code.names[i as usize];
                    if self.dict_remove(&ns, name)?.is_none() {
                        return Err(self.name_error(&self.str_lossy(name)));
                    }
                    self.collect_dead();
                }
                Instr::LoadAttr(i) => {
                    let obj = self.pop();
                    let v = self.load_attr_instr(&obj, code, i as usize)?;
                    self.stack.push(v);
                }
                Instr::StoreAttr(i) => {
                    let obj = self.pop();
                    let v = self.pop();
                    if let Err(v) = self.store_attr_cached(&obj, code, i as usize, v) {
                        self.set_attr(&obj, code.names[i as usize].clone(), v)?;
                        self.fill_attr_cache(&obj, code, i as usize)?;
                    }
                    self.collect_dead();
                }
                Instr::DeleteAttr(i) => {
                    let obj = self.pop();
                    self.del_attr(&obj, &code.names[i as usize])?;
                    self.collect_dead();
                }
                Instr::Binary(op) | Instr::Inplace(op) => {
                    let b = self.pop();
                    let a = self.pop();
                    match self.binary_fast_fused(a, b, op, code, pc, *lb) {
                        Ok(Some(r)) => self.stack.push(r),
                        Ok(None) => {}
                        Err((a, b)) => {
                            let r = if let Instr::Inplace(_) = instr {
                                self.inplace_op(&a, &b, op)?
                            } else {
                                self.binary_op(&a, &b, op)?
                            };
                            self.stack.push(r);
                        }
                    }
                }
                Instr::Unary(op) => {
                    let a = self.pop();
                    let r = self.unary_op(&a, op)?;
                    self.stack.push(r);
                }
                Instr::Compare(op) => {
                    let b = self.pop();
                    let a = self.pop();
                    match self.compare_fast(&a, &b, op) {
                        Some(r) => self.push_or_jump(r, code, pc),
                        None => {
                            let r = self.compare(&a, &b, op)?;
                            self.stack.push(r);
                        }
                    }
                }
                Instr::Is(invert) => {
                    let b = self.pop();
                    let a = self.pop();
                    self.push_or_jump(a.is(&b) != (invert == 1), code, pc);
                }
                Instr::Contains(invert) => {
                    let container = self.pop();
                    let item = self.pop();
                    let found = self.contains(&container, &item)?;
                    self.push_or_jump(found != (invert == 1), code, pc);
                }
                Instr::Subscr => {
                    let key = self.pop();
                    let obj = self.pop();
                    let r = match self.subscr_fast(&obj, &key) {
                        Some(r) => r,
                        None => self.get_item(&obj, &key)?,
                    };
                    self.stack.push(r);
                }
                Instr::StoreSubscr => {
                    let key = self.pop();
                    let obj = self.pop();
                    let v = self.pop();
                    if let Err(v) = self.store_subscr_fast(&obj, &key, v) {
                        self.set_item(&obj, key, v)?;
                    }
                    self.collect_dead();
                }
                Instr::DeleteSubscr => {
                    let key = self.pop();
                    let obj = self.pop();
                    self.del_item(&obj, &key)?;
                    self.collect_dead();
                }
                Instr::BuildTuple(n) => {
                    let n = n as usize;
                    let items = if n > crate::heap::ObjArray::INLINE {
                        crate::heap::ObjArray::from_vec(self.stack.split_off(self.stack.len() - n))
                    } else {
                        crate::heap::ObjArray::from_popped(n, || self.pop())
                    };
                    let t = self.new_tuple_array(items);
                    self.stack.push(t);
                }
                Instr::BuildList(n) => {
                    let items = self.stack.split_off(self.stack.len() - n as usize);
                    let l = self.new_list(items);
                    self.stack.push(l);
                }
                Instr::BuildMap(n) => {
                    let items = self.stack.split_off(self.stack.len() - 2 * n as usize);
                    let d = self.new_dict();
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        self.dict_set(&d, k, v)?;
                    }
                    self.stack.push(d);
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { self.pop() } else { self.none() };
                    let stop = self.pop();
                    let start = self.pop();
                    let s = Obj::new(SliceValue { start, stop, step }, &self.types.slice);
                    self.stack.push(s);
                }
                Instr::BuildSet(n) => {
                    let s = self.build_set(n as usize)?;
                    self.stack.push(s);
                }
                Instr::SetAdd(depth) => self.set_add_at(depth as usize)?,
                Instr::ListAppend(depth) => {
                    let v = self.pop();
                    let list = &self.stack[self.stack.len() - depth as usize];
                    list.downcast::<ListValue>().expect("a list").0.borrow_mut().push(v);
                }
                Instr::UnpackSequence(n) => {
                    let seq = self.pop();
                    self.push_unpacked(&seq, n as usize)?;
                }
                Instr::UnpackStoreFast(n) => {
                    let seq = self.pop();
                    self.unpack_store(seq, n as usize, code, *pc, *lb)?;
                    *pc += n as usize;
                }
                Instr::Jump(t) => {
                    // Every loop closes with a backward jump: where a
                    // Ctrl-C is noticed.
                    if (t as usize) < *pc && self.interrupt_requested() {
                        return Err(self.take_interrupt());
                    }
                    *pc = t as usize;
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = self.pop();
                    if !self.truthy(&v)? {
                        *pc = t as usize;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = self.pop();
                    if self.truthy(&v)? {
                        *pc = t as usize;
                    }
                }
                Instr::JumpIfFalseOrPop(t) | Instr::JumpIfTrueOrPop(t) => {
                    // `a and b`, `a or b`: the test reads the value where
                    // it lies; only a `__bool__` call needs a counted copy.
                    let truth = match self.truthy_known(self.top()) {
                        Some(b) => b,
                        None => self.truthy_of_top()?,
                    };
                    if truth == matches!(instr, Instr::JumpIfTrueOrPop(_)) {
                        *pc = t as usize;
                    } else {
                        self.pop();
                    }
                }
                Instr::GetIter => {
                    let v = self.pop();
                    let it = self.get_iter(&v)?;
                    self.stack.push(it);
                }
                Instr::ForIter(t) | Instr::ForIterStoreFast(_, t) => {
                    let step = match self.step_simple(self.top()) {
                        Some(step) => step,
                        None => {
                            let it = self.top().clone();
                            if it.kind() == Kind::Generator && self.frames.len() < self.recursion_limit {
                                if let Some(frame) = self.resume_inline_generator(&it) {
                                    // Its item is pushed when it yields; a
                                    // fused store then runs alone.
                                    self.frames.push(frame);
                                    self.enter_top_frame(fi_ref, code_rc, pc, lb);
                                    continue;
                                }
                            }
                            match self.next(&it)? {
                                Some(item) => Step::Item(item),
                                None => Step::End,
                            }
                        }
                    };
                    match (step, instr) {
                        (Step::End, _) => {
                            self.pop();
                            *pc = t as usize;
                        }
                        (Step::Int(n), Instr::ForIterStoreFast(a, _)) => {
                            self.store_int_local(*lb + a as usize, n);
                            *pc += 1;
                        }
                        (Step::Item(item), Instr::ForIterStoreFast(a, _)) => {
                            let old = self.stack.slot_mut(*lb + a as usize).replace(item);
                            drop(old);
                            self.collect_dead();
                            *pc += 1;
                        }
                        (Step::Int(n), _) => {
                            let item = self.new_int(n);
                            self.stack.push(item);
                        }
                        (Step::Item(item), _) => self.stack.push(item),
                    }
                }
                Instr::Call(n) => self.call_on_stack(n as usize, false, fi_ref, code_rc, pc, lb)?,
                Instr::LoadMethod(i) => {
                    let obj = self.pop();
                    match self.method_for_call(obj, code, i as usize) {
                        Ok((method, self_)) => {
                            self.stack.push(method);
                            self.stack.push(self_);
                        }
                        Err(obj) => {
                            let v = self.get_attr(&obj, &code.names[i as usize])?;
                            let none = self.none();
                            self.stack.push(none);
                            self.stack.push(v);
                        }
                    }
                }
                Instr::CallMethod(n) => self.call_on_stack(n as usize, true, fi_ref, code_rc, pc, lb)?,
                Instr::CallKw(n) => {
                    // Out of line: it works on copies of the registers, so
                    // that no reference to them leaves the loop.
                    let (mut f, mut p, mut l) = (*fi_ref, *pc, *lb);
                    let r = self.call_kw_on_stack(n as usize, &mut f, code_rc, &mut p, &mut l);
                    (*fi_ref, *pc, *lb) = (f, p, l);
                    r?
                }
                Instr::MakeFunction(bits) => {
                    let f = self.make_function(fi, bits);
                    self.stack.push(f);
                }
                Instr::PastEnd => return Err(self.past_end(code, *pc - 1)),
                Instr::Return | Instr::ReturnFast(_) | Instr::ReturnConst(_) => {
                    let v = match instr {
                        // The frame ends: its local is moved out, not
                        // counted up here and down when the frame goes.
                        Instr::ReturnFast(a) => match self.stack.slot_mut(*lb + a as usize).take() {
                            Some(v) => v,
                            None => return Err(self.unbound_local(&code.varnames[a as usize])),
                        },
                        Instr::ReturnConst(c) => code.consts[c as usize].clone(),
                        _ => self.pop(),
                    };
                    if fi == entry {
                        return Ok(Flow::Return(v));
                    }
                    let exit = self.pop_frame();
                    self.collect_dead();
                    self.switch_to_frame(fi - 1, fi_ref, code_rc, pc, lb);
                    match exit {
                        FrameExit::Value => self.stack.push(v),
                        FrameExit::Instance(obj) if v.kind() == Kind::None => self.stack.push(obj),
                        FrameExit::Instance(_) => return Err(self.init_returned_value(&v)),
                        FrameExit::Generator(g) => {
                            // The generator is exhausted: its `ForIter`
                            // leaves the loop, dropping the iterator.
                            self.close_inline_generator(&g);
                            if let Instr::ForIter(t) | Instr::ForIterStoreFast(_, t) = code_rc.instructions[*pc - 1] {
                                self.pop();
                                *pc = t as usize;
                            }
                        }
                    }
                }
                Instr::Raise(n) => return Err(self.raise(n)),
                Instr::PushExcInfo => {
                    // The exception the handler was entered with is on
                    // top; remember it as the one being handled.
                    let exc = self.top().clone();
                    self.handled.push(exc);
                }
                Instr::CheckExcMatch => {
                    let t = self.pop();
                    let exc = self.top().clone();
                    let m = self.exception_matches(&exc, &t)?;
                    let r = self.bool_obj(m);
                    self.stack.push(r);
                }
                Instr::CheckEgMatch(target) => {
                    if self.check_eg_match_instr()? {
                        *pc = target as usize;
                    }
                }
                Instr::PrepReraiseStar(target) => {
                    if self.prep_reraise_star_instr()? {
                        *pc = target as usize;
                    }
                }
                Instr::PopExcept => {
                    // Only this frame's own entry: compiled code pairs
                    // it with a `PushExcInfo` of the same frame.
                    if self.handled.len() > self.frames[fi].handled_base {
                        self.handled.pop();
                    }
                    self.collect_dead();
                }
                Instr::ImportName(i) => {
                    // The module's code runs below this frame: its
                    // `sys._getframe` callers see this line.
                    self.frames[fi].pc = *pc;
                    let m = self.import_module(&code.names[i as usize])?;
                    self.stack.push(m);
                }
                Instr::ImportFrom(i) => {
                    self.frames[fi].pc = *pc;
                    let v = self.import_from(&code.names[i as usize])?;
                    self.stack.push(v);
                }
                Instr::ImportStar => {
                    let m = self.pop();
                    let ns = self.frames[fi].names.clone().unwrap_or_else(|| self.frames[fi].globals.clone());
                    self.import_star(&m, &ns)?;
                    self.collect_dead();
                }
                Instr::FormatValue(flags) => self.exec_format_value(flags)?,
                Instr::BuildString(n) => self.exec_build_string(n),
                Instr::YieldValue(_) => {
                    let v = self.pop();
                    let FrameExit::Generator(g) = &self.frames[fi].exit else { return Ok(Flow::Yield(v)) };
                    // Resumed by the caller's `ForIter`: back to it with v.
                    let g = g.clone();
                    self.frames[fi].pc = *pc;
                    self.suspend_inline_generator(&g);
                    self.switch_to_frame(fi - 1, fi_ref, code_rc, pc, lb);
                    self.stack.push(v);
                }
                Instr::GetYieldFromIter => {
                    let v = self.pop();
                    let it = if v.kind() == Kind::Generator { v } else { self.get_iter(&v)? };
                    self.stack.push(it);
                }
                Instr::Send(t) => {
                    let v = self.pop();
                    if let Some(r) = self.send_step(v)? {
                        self.stack.push(r);
                        *pc = t as usize;
                    }
                }
                Instr::MapAdd(depth) => self.map_add(depth)?,
                Instr::ListExtend(depth) => self.list_extend(depth as usize)?,
                Instr::ListToTuple => self.list_to_tuple(),
                Instr::DictUpdate(depth) => self.dict_update(depth as usize)?,
                Instr::DictMerge(depth) => self.dict_merge(depth as usize)?,
                Instr::CallEx(n) => {
                    let (func, args, names) = self.call_ex_args(n == 1)?;
                    if func.kind() == Kind::Function {
                        if self.frames.len() >= self.recursion_limit {
                            return Err(self.recursion_error());
                        }
                        let frame = self.make_frame(&func, &args, &names)?;
                        if frame.code.flags & crate::bytecode::flags::GENERATOR != 0 {
                            let g = self.make_generator(&func, frame);
                            self.stack.push(g);
                            continue;
                        }
                        self.frames.push(frame);
                        self.enter_top_frame(fi_ref, code_rc, pc, lb);
                        continue;
                    }
                    self.frames[fi].pc = *pc;
                    let r = self.call(&func, &args, &names)?;
                    self.stack.push(r);
                    self.collect_dead();
                }
                Instr::UnpackEx(n) => self.unpack_ex(n)?,
                Instr::BeforeWith => self.before_with()?,
                Instr::WithExceptStart => self.with_except_start()?,
                Instr::GetLen => self.get_len_instr()?,
                Instr::MatchSequence => self.match_kind(false),
                Instr::MatchMapping => self.match_kind(true),
                Instr::MatchKeys => self.match_keys()?,
                Instr::CopyDictWithoutKeys => self.copy_dict_without_keys()?,
                Instr::MatchClass(n) => self.match_class(n as usize)?,
                Instr::SetupAnnotations => self.setup_annotations(fi)?,
                Instr::LoadBuildClass => {
                    let b = self.intern("__build_class__");
                    let f = self.dict_get(&self.builtins.clone(), &b)?.ok_or_else(|| self.name_error("__build_class__"))?;
                    self.stack.push(f);
                }
            }
        }
    }

    /// The truth of the value on top of the stack through `__bool__` or
    /// `__len__`, on a counted copy (the call may change the stack).
    #[cold]
    #[inline(never)]
    fn truthy_of_top(&mut self) -> PyResult<bool> {
        let v = self.top().clone();
        self.truthy(&v)
    }

    /// A new exception raised while another is being handled gets it as
    /// `__context__`, as in CPython.
    fn set_implicit_context(&self, err: &PyErr) {
        let Some(e) = err.0.downcast::<ExceptionValue>() else { return };
        if e.context.borrow().is_some() || !e.traceback.borrow().is_empty() {
            return;
        }
        if let Some(handled) = self.handled.last().cloned() {
            if !handled.is(&err.0) {
                *e.context.borrow_mut() = Some(handled);
            }
        }
    }

    #[cold]
    pub(super) fn unbound_local(&self, name: &str) -> PyErr {
        self.err(
            &self.types.exceptions.unbound_local_error,
            format!("cannot access local variable '{name}' where it is not associated with a value"),
        )
    }

    #[cold]
    fn unbound_cell(&self, code: &crate::bytecode::Code, i: usize) -> PyErr {
        if i < code.cellvars.len() {
            return self.unbound_local(&code.cellvars[i]);
        }
        let name = &code.freevars[i - code.cellvars.len()];
        self.err(
            &self.types.exceptions.name_error,
            format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
        )
    }

    #[cold]
    pub(crate) fn recursion_error(&self) -> PyErr {
        self.err(&self.types.exceptions.recursion_error, "maximum recursion depth exceeded")
    }

    /// `LoadGlobal` with its inline cache: a hit reads the entry found
    /// last time, without hashing or comparing.
    #[inline]
    fn load_global_cached(&mut self, fi: usize, code: &crate::bytecode::Code, i: usize) -> PyResult<Obj> {
        let c = code.global_cache[i].get();
        let globals = &self.frames[fi].globals;
        if globals.addr() == c.globals {
            let g = globals.downcast::<DictValue>().expect("a dict").0.borrow();
            if g.version == c.globals_version {
                let hit = if c.in_builtins {
                    let b = self.builtins.downcast::<DictValue>().expect("a dict").0.borrow();
                    if b.version == c.builtins_version { b.entry(c.index as usize).map(|(_, v)| v.clone()) } else { None }
                } else {
                    g.entry(c.index as usize).map(|(_, v)| v.clone())
                };
                if let Some(v) = hit {
                    return Ok(v);
                }
            }
        }
        self.load_global_slow(fi, code, i)
    }

    /// Looks the name up and fills the cache. A builtins hit stays valid
    /// only while globals keeps its key set (a new global could shadow it).
    #[cold]
    fn load_global_slow(&mut self, fi: usize, code: &crate::bytecode::Code, i: usize) -> PyResult<Obj> {
        let name = &code.names[i];
        let globals = self.frames[fi].globals.clone();
        let builtins = self.builtins.clone();
        let g = &globals.downcast::<DictValue>().expect("a dict").0;
        let b = &builtins.downcast::<DictValue>().expect("a dict").0;
        let mut cache = crate::bytecode::GlobalCache {
            globals: globals.addr(),
            globals_version: g.borrow().version,
            in_builtins: false,
            builtins_version: b.borrow().version,
            index: 0,
        };
        let found = match self.find_str_index(g, name) {
            Some(index) => Some((g, index)),
            None => {
                cache.in_builtins = true;
                self.find_str_index(b, name).map(|index| (b, index))
            }
        };
        match found {
            Some((t, index)) => {
                cache.index = index as u32;
                code.global_cache[i].set(cache);
                let v = t.borrow().entry(index).map(|(_, v)| v.clone());
                v.ok_or_else(|| self.name_error(&self.str_lossy(name)))
            }
            None => self.load_global(fi, name),
        }
    }

    fn load_global(&mut self, fi: usize, name: &Obj) -> PyResult<Obj> {
        let g = self.frames[fi].globals.clone();
        if let Some(v) = self.dict_get(&g, name)? {
            return Ok(v);
        }
        let b = self.builtins.clone();
        match self.dict_get(&b, name)? {
            Some(v) => Ok(v),
            None => Err(self.name_error(&self.str_lossy(name))),
        }
    }

    fn load_name(&mut self, fi: usize, name: &Obj) -> PyResult<Obj> {
        if let Some(ns) = self.frames[fi].names.clone() {
            if let Some(v) = self.dict_get(&ns, name)? {
                return Ok(v);
            }
        }
        self.load_global(fi, name)
    }

    /// `MakeFunction`: pops the qualified name and code, then the parts
    /// the operand's bits announce.
    fn make_function(&mut self, fi: usize, bits: u32) -> Obj {
        let qualname = self.pop();
        let code = self.pop();
        let closure = if bits & 8 != 0 { Some(self.pop()) } else { None };
        let annotations = if bits & 4 != 0 { Some(self.pop()) } else { None };
        let kwdefaults = if bits & 2 != 0 { Some(self.pop()) } else { None };
        let defaults = if bits & 1 != 0 { Some(self.pop()) } else { None };
        let (name, doc) = match code.downcast::<CodeValue>() {
            Some(c) => (self.new_str(&c.0.name), c.0.doc.clone().unwrap_or_else(|| self.none())),
            None => (self.new_str(""), self.none()),
        };
        let globals = self.frames[fi].globals.clone();
        let module = self.module_name_of(&globals);
        Obj::new(
            FunctionValue {
                code,
                globals,
                name: std::cell::RefCell::new(name),
                qualname: std::cell::RefCell::new(qualname),
                defaults: std::cell::RefCell::new(defaults),
                kwdefaults: std::cell::RefCell::new(kwdefaults),
                closure,
                dict: std::cell::RefCell::new(None),
                doc: std::cell::RefCell::new(doc),
                annotations: std::cell::RefCell::new(annotations),
                module: std::cell::RefCell::new(module),
            },
            &self.types.function,
        )
    }

    /// `raise`, `raise exc`, `raise exc from cause`.
    fn raise(&mut self, n: u32) -> PyErr {
        if n == 3 {
            return PyErr(self.pop());
        }
        let cause = if n == 2 { Some(self.pop()) } else { None };
        if n == 0 {
            return match self.handled.last().cloned() {
                Some(exc) => PyErr(exc),
                None => self.err(&self.types.exceptions.runtime_error, "No active exception to reraise"),
            };
        }
        let value = self.pop();
        let exc = match self.make_exception(&value) {
            Ok(e) => e,
            Err(e) => return e,
        };
        if let Some(e) = exc.downcast::<ExceptionValue>() {
            if let Some(cause) = cause {
                let cause = if cause.kind() == Kind::None {
                    None
                } else {
                    match self.make_exception(&cause) {
                        Ok(c) => Some(c),
                        Err(_) => return self.type_error("exception causes must derive from BaseException"),
                    }
                };
                *e.cause.borrow_mut() = cause;
                e.suppress_context.set(true);
            }
            // The running frame is the top one: the innermost handled
            // exception of all frames is the last on `handled`.
            let handling = self.handled.last().cloned();
            if let Some(ctx) = handling {
                if !ctx.is(&exc) {
                    *e.context.borrow_mut() = Some(ctx);
                }
            }
        }
        PyErr(exc)
    }

    /// An exception instance from what `raise` was given (a class is
    /// instantiated).
    fn make_exception(&mut self, value: &Obj) -> Result<Obj, PyErr> {
        let base = self.types.exceptions.base_exception.clone();
        if value.kind() == Kind::Type && self.is_subtype(value, &base) {
            return self.call_object(value, &[]);
        }
        if self.isinstance(value, &base) {
            return Ok(value.clone());
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// The program counter left the code (a compiler bug: every code
    /// object ends in a return or a raise).
    #[cold]
    #[inline(never)]
    fn past_end(&self, code: &crate::bytecode::Code, pc: usize) -> PyErr {
        let msg = format!("instruction {pc} is past the end of code object {} ({} instructions)", code.qualname, code.instructions.len());
        self.err(&self.types.exceptions.system_error, msg)
    }

    fn exception_matches(&mut self, exc: &Obj, t: &Obj) -> PyResult<bool> {
        if let Some(types) = t.downcast::<TupleValue>() {
            let items = types.0.to_vec();
            for item in &items {
                if self.exception_matches(exc, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
        let base = self.types.exceptions.base_exception.clone();
        if t.kind() != Kind::Type || !self.is_subtype(t, &base) {
            return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
        }
        Ok(self.isinstance(exc, t))
    }
}

/// A re-raise (`raise` alone, or the end of a handler that did not catch
/// the exception) keeps the traceback: this frame is already in it.
fn is_reraise(code: &crate::bytecode::Code, pc: usize, err: &PyErr) -> bool {
    matches!(code.instructions.get(pc), Some(Instr::Raise(0 | 3)))
        && err.0.downcast::<ExceptionValue>().is_some_and(|e| !e.traceback.borrow().is_empty())
}
