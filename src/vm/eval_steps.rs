//! The larger steps of the dispatch loop, inlined into it: switching to
//! a new frame, the call protocol on the stack, attribute loads through
//! the inline caches, and the operators fused into load pairs.
//!
//! They live apart from `eval.rs` so that the loop there reads as
//! dispatch only; `#[inline(always)]` keeps them in the loop's body, where
//! the frame index, code and program counter stay in registers.

use super::{FrameExit, Vm};
use crate::bytecode::{Instr, fused_store_target};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::PyResult;

impl Vm {
    /// Makes the frame just pushed the running one, saving the running
    /// frame's program counter first.
    #[inline(always)]
    pub(super) fn enter_top_frame(&mut self, fi: &mut usize, code_rc: &mut std::rc::Rc<crate::bytecode::Code>, pc: &mut usize, lb: &mut usize) {
        self.frames[*fi].pc = *pc;
        self.switch_to_frame(self.frames.len() - 1, fi, code_rc, pc, lb);
    }

    /// Makes frame `target` the running one, at its own program counter
    /// (0 for a new frame): the registers of the loop take its state.
    #[inline(always)]
    pub(super) fn switch_to_frame(
        &self,
        target: usize,
        fi: &mut usize,
        code_rc: &mut std::rc::Rc<crate::bytecode::Code>,
        pc: &mut usize,
        lb: &mut usize,
    ) {
        let frame = &self.frames[target];
        *fi = target;
        // A recursive call or its return keeps the code: the clone and
        // the drop of the old handle would be two writes to one count,
        // each waiting for the last.
        if !std::rc::Rc::ptr_eq(code_rc, &frame.code) {
            *code_rc = frame.code.clone();
        }
        *pc = frame.pc;
        *lb = frame.locals_base;
    }

    /// `CallKw`: `[f, a1..an, kwnames]`, the last `len(kwnames)`
    /// arguments named. A Python function (bare or bound) gets its frame
    /// pushed, and the loop switches to it as for `call_on_stack`; anything
    /// else is called from Rust.
    #[inline(never)]
    pub(super) fn call_kw_on_stack(
        &mut self,
        n: usize,
        fi_ref: &mut usize,
        code_rc: &mut std::rc::Rc<crate::bytecode::Code>,
        pc: &mut usize,
        lb: &mut usize,
    ) -> PyResult<()> {
        let kwnames = self.pop();
        let mut args = self.stack.split_off(self.stack.len() - n);
        let mut func = self.pop();
        let names = kwnames.downcast::<TupleValue>().map_or(&[][..], |t| &t.0[..]);
        if let Some(m) = func.downcast::<BoundMethodValue>().filter(|m| m.func.kind() == Kind::Function) {
            args.insert(0, m.self_.clone());
            func = m.func.clone();
        }
        if func.kind() == Kind::Function && self.frames.len() < self.recursion_limit {
            let frame = self.make_frame(&func, &args, names)?;
            drop(args);
            if frame.code.flags & crate::bytecode::flags::GENERATOR != 0 {
                let g = self.make_generator(&func, frame);
                self.stack.push(g);
            } else {
                self.frames.push(frame);
                self.enter_top_frame(fi_ref, code_rc, pc, lb);
            }
            return Ok(());
        }
        // Python code that the callee runs sees this frame's line.
        self.frames[*fi_ref].pc = *pc;
        let r = self.call(&func, &args, names)?;
        self.stack.push(r);
        self.collect_dead();
        Ok(())
    }

    /// The call at the top of the stack: `[f, a1..an]`, or with `method`
    /// `[function, self, a1..an]` (after `LoadMethod`). A Python function
    /// gets a frame that becomes the running one; anything else is called
    /// from Rust and its result pushed.
    #[inline(always)]
    pub(super) fn call_on_stack(
        &mut self,
        n: usize,
        method: bool,
        fi_ref: &mut usize,
        code_rc: &mut std::rc::Rc<crate::bytecode::Code>,
        pc: &mut usize,
        lb: &mut usize,
    ) -> PyResult<()> {
        // The layouts: `[f, a1..an]`; after `LoadMethod`, `[function,
        // self, a1..an]` or `[None, f, a1..an]`.
        let top = self.stack.len();
        let mut args_start = top - n;
        let call_base = if method { top - n - 2 } else { top - n - 1 };
        let callee = if method && self.stack[call_base].kind() != Kind::None {
            args_start -= 1;
            call_base
        } else {
            top - n - 1
        };
        if self.stack[callee].kind() == Kind::Function {
            // The common case first, on the function where it lies.
            if self.frames.len() >= self.recursion_limit {
                return Err(self.recursion_error());
            }
            if self.push_positional_frame(callee, call_base, args_start) {
                self.enter_top_frame(fi_ref, code_rc, pc, lb);
                return Ok(());
            }
        }
        let mut func = self.stack[callee].clone();
        if func.kind() == Kind::BoundMethod {
            let m = func.downcast::<BoundMethodValue>().expect("a bound method");
            if m.func.kind() == Kind::Function && args_start == top - n {
                // The layout of a method call, `[function, self, a1..an]`,
                // as CPython's PRECALL makes it: a call of the function
                // with n + 1 arguments and no frame of Rust recursion.
                let (f, self_) = (m.func.clone(), m.self_.clone());
                self.stack[args_start - 1] = f.clone();
                self.stack.insert(args_start, self_);
                func = f;
            }
        }
        if func.kind() == Kind::Type && self.frames.len() < self.recursion_limit {
            if let Some((instance, init)) = self.instance_for_python_init(&func)? {
                // `[cls, a1..an]` becomes the method call `[__init__,
                // instance, a1..an]`, whose return gives the instance back.
                self.stack[args_start - 1] = init.clone();
                self.stack.insert(args_start, instance.clone());
                if self.push_positional_frame(args_start - 1, call_base, args_start) {
                    let top = self.frames.len() - 1;
                    self.frames[top].exit = FrameExit::Instance(instance);
                } else {
                    let mut frame = self.make_frame_from_stack(&init, call_base, args_start)?;
                    frame.exit = FrameExit::Instance(instance);
                    self.frames.push(frame);
                }
                self.enter_top_frame(fi_ref, code_rc, pc, lb);
                return Ok(());
            }
        }
        if func.kind() == Kind::Function {
            // A function that `push_positional_frame` took would have
            // returned above; here it binds defaults or keywords, or came
            // out of a bound method (whose call binds positionally too).
            if self.frames.len() >= self.recursion_limit {
                return Err(self.recursion_error());
            }
            let frame = self.make_frame_from_stack(&func, call_base, args_start)?;
            if frame.code.flags & crate::bytecode::flags::GENERATOR != 0 {
                let g = self.make_generator(&func, frame);
                self.stack.push(g);
                return Ok(());
            }
            self.frames.push(frame);
            self.enter_top_frame(fi_ref, code_rc, pc, lb);
            return Ok(());
        }
        // Tested after the Python function's case, which then pays nothing
        // for it; the callee is the slot below the arguments.
        if func.kind() == Kind::BuiltinFunction && self.stack.len() - args_start <= 3 {
            drop(func);
            return self.call_builtin_on_stack(args_start - 1, call_base);
        }
        // Python code that the callee runs (an `__init__`, a generator
        // resumed by `list`, a `key` function) sees this frame's line in
        // `sys._getframe`. Not stored for the builtin functions above,
        // whose calls are the hot ones.
        self.frames[*fi_ref].pc = *pc;
        // Up to three arguments travel in an array on the Rust stack rather
        // than a new vector: most calls of builtins and their methods.
        let r = match self.stack.len() - args_start {
            0 => {
                self.stack.truncate(call_base);
                self.call(&func, &[], &[])
            }
            1 => {
                let a = self.pop();
                self.stack.truncate(call_base);
                self.call(&func, &[a], &[])
            }
            2 => {
                let b = self.pop();
                let a = self.pop();
                self.stack.truncate(call_base);
                self.call(&func, &[a, b], &[])
            }
            3 => {
                let c = self.pop();
                let b = self.pop();
                let a = self.pop();
                self.stack.truncate(call_base);
                self.call(&func, &[a, b, c], &[])
            }
            _ => {
                let args = self.stack.split_off(args_start);
                self.stack.truncate(call_base);
                self.call(&func, &args, &[])
            }
        }?;
        self.stack.push(r);
        self.collect_dead();
        Ok(())
    }

    /// `call_on_stack` for a builtin function or method with up to three
    /// arguments (the receiver of a method counted), the callee at
    /// `callee`. The arguments move off the stack into an array, and the
    /// callee and the slot below it are popped rather than truncated (a
    /// loop over the slots); the native function is called without
    /// `call`'s dispatch on the kind. Kept out of the loop, whose register
    /// allocation suffers from every addition (loops.py, which calls
    /// nothing, ran 1.4% more instructions with this inlined, and 2.2%
    /// more with a second test for `str(x)` next to this one's).
    #[inline(never)]
    fn call_builtin_on_stack(&mut self, callee: usize, call_base: usize) -> PyResult<()> {
        let r = match self.stack.len() - callee - 1 {
            0 => {
                let f = self.pop_callee(callee, call_base);
                self.call_builtin(&f, &[])
            }
            1 => {
                let a = self.pop();
                let f = self.pop_callee(callee, call_base);
                self.call_builtin(&f, &[a])
            }
            2 => {
                let b = self.pop();
                let a = self.pop();
                let f = self.pop_callee(callee, call_base);
                if f.is(&self.list_append) {
                    if let Some(list) = a.downcast::<ListValue>() {
                        // `l.append(x)`: x moves into the list, with no
                        // argument array, count check or call.
                        list.0.borrow_mut().push(b);
                        let none = self.none();
                        self.stack.push(none);
                        return Ok(());
                    }
                }
                self.call_builtin(&f, &[a, b])
            }
            _ => {
                let c = self.pop();
                let b = self.pop();
                let a = self.pop();
                let f = self.pop_callee(callee, call_base);
                self.call_builtin(&f, &[a, b, c])
            }
        }?;
        self.stack.push(r);
        self.collect_dead();
        Ok(())
    }

    /// The callee, popped once its arguments are, with the `None` that
    /// `LoadMethod` left below it when there is one.
    #[inline(always)]
    fn pop_callee(&mut self, callee: usize, call_base: usize) -> Obj {
        let f = self.pop();
        if callee != call_base {
            drop(self.pop());
        }
        f
    }

    /// `UnpackSequence`: the `n` items of `seq` pushed last first, so that
    /// the first is on top. Exact tuples and lists are read in place, with
    /// pushes rather than `extend` (whose iterator fold is a call).
    #[inline(always)]
    pub(super) fn push_unpacked(&mut self, seq: &Obj, n: usize) -> PyResult<()> {
        if let Some(t) = seq.downcast::<TupleValue>().filter(|t| t.0.len() == n && seq.has_type(&self.types.tuple)) {
            for v in t.0.iter().rev() {
                self.stack.push(v.clone());
            }
        } else if let Some(l) = self.exact_list_of_len(seq, n) {
            for v in l.0.borrow().iter().rev() {
                self.stack.push(v.clone());
            }
        } else {
            let items = self.unpack(seq, n)?;
            self.stack.extend(items.into_iter().rev());
        }
        Ok(())
    }

    /// `UnpackStoreFast`: the `n` items of `seq` go into the locals of
    /// the `n` stores from `at` on, first item first, each old value
    /// released (and its `__del__` run) before the next store, as the
    /// stores would run. An exact tuple is read in place; other
    /// iterables' items are first taken onto the stack, as
    /// `UnpackSequence` takes them, since a `__del__` may change a list.
    #[inline(always)]
    pub(super) fn unpack_store(&mut self, seq: Obj, n: usize, code: &crate::bytecode::Code, at: usize, lb: usize) -> PyResult<()> {
        let target = |i: usize| lb + fused_store_target(code.instructions.fetch(at + i));
        if let Some(t) = seq.downcast::<TupleValue>().filter(|t| t.0.len() == n && seq.has_type(&self.types.tuple)) {
            for (i, v) in t.0.iter().enumerate() {
                drop(self.stack.slot_mut(target(i)).replace(v.clone()));
                self.collect_dead();
            }
            return Ok(());
        }
        if n <= 4 {
            if let Some(l) = self.exact_list_of_len(&seq, n) {
                // All items are taken before the first store, whose
                // release of the old value may run a `__del__` that
                // changes the list (CPython's `UNPACK_SEQUENCE` copies
                // them to the stack first, as `push_unpacked` does).
                let mut items: [Option<Obj>; 4] = Default::default();
                for (slot, v) in items.iter_mut().zip(l.0.borrow().iter()) {
                    *slot = Some(v.clone());
                }
                for (i, v) in items.into_iter().take(n).enumerate() {
                    drop(self.stack.slot_mut(target(i)).replace(v.expect("n items")));
                    self.collect_dead();
                }
                return Ok(());
            }
        }
        self.push_unpacked(&seq, n)?;
        for i in 0..n {
            let v = self.pop();
            drop(self.stack.slot_mut(target(i)).replace(v));
            self.collect_dead();
        }
        Ok(())
    }

    /// `LoadFastLoadAttr`: the attribute `names[i]` of local `a`, read
    /// through the cache on the local where it lies, with no count taken
    /// of it (`self.x; self.y` would otherwise write the instance's count
    /// four times); a miss takes the generic path on a clone.
    #[inline(always)]
    pub(super) fn load_local_attr(&mut self, a: usize, i: usize, code: &crate::bytecode::Code, pc: &mut usize, lb: usize) -> PyResult<()> {
        let Some(obj) = self.stack.slot(lb + a) else {
            return Err(self.unbound_local(&code.varnames[a]));
        };
        *pc += 1;
        let v = match self.load_attr_cached(obj, code, i) {
            Some(v) => v,
            None => {
                let obj = obj.clone();
                self.load_attr_miss(&obj, code, i)?
            }
        };
        self.stack.push(v);
        Ok(())
    }

    /// `load_attr_instr` after the cache missed.
    #[inline(never)]
    fn load_attr_miss(&mut self, obj: &Obj, code: &crate::bytecode::Code, i: usize) -> PyResult<Obj> {
        let v = self.get_attr(obj, &code.names[i])?;
        if !self.cache_applies(obj, code, i) {
            self.fill_attr_cache(obj, code, i)?;
        }
        Ok(v)
    }

    /// `obj.names[i]` for `LoadAttr`: the instance-attribute cache, else
    /// the full lookup (which refills the cache).
    #[inline(always)]
    pub(super) fn load_attr_instr(&mut self, obj: &Obj, code: &crate::bytecode::Code, i: usize) -> PyResult<Obj> {
        if let Some(v) = self.load_attr_cached(obj, code, i) {
            return Ok(v);
        }
        self.load_attr_miss(obj, code, i)
    }

    /// A fused load pair, `x` and `y` its operands; `pc` is at its
    /// second instruction. When the instruction after the pair is an int
    /// or float operator, or a subscript of an exact list or tuple by a
    /// machine int, it runs now on `x` and `y` (and a comparison's
    /// conditional jump with it), as do a cached instance attribute store
    /// and a store into an exact list; otherwise both are pushed and the
    /// instruction runs as usual. Each fusion saves a dispatch and two
    /// pushes and pops.
    ///
    /// The operands are read where they lie, not cloned: a clone and its
    /// drop are two writes to the operand's count, and the same few
    /// objects (a loop's list, the constant `1`, a recursive function's
    /// argument) chain those writes from one step to the next, each
    /// waiting for the last to land.
    #[inline(always)]
    pub(super) fn fuse_pair(&mut self, x: Operand, y: Operand, code: &crate::bytecode::Code, pc: &mut usize, lb: usize) -> PyResult<()> {
        let (Some(xv), Some(yv)) = (self.operand(x, code, lb), self.operand(y, code, lb)) else {
            let (err, at) = self.unbound_operand(x, y, code, lb);
            *pc += at;
            return Err(err);
        };
        let next = *pc + 1;
        let fused = match code.instructions.fetch(next) {
            Instr::Binary(op) | Instr::Inplace(op) => match code.instructions.fetch(next + 1) {
                // `n % 2 == 0`: an int result compared with a constant is
                // tested unboxed, and the jump after it taken.
                Instr::LoadConstOperand(c) => match (self.fast_value(xv, yv, op), code.instructions.fetch(next + 2)) {
                    (Some(super::fast_arith::Fast::Int(r)), Instr::Compare(cmp)) => {
                        match self.exact_small_int(&code.consts[c as usize]) {
                            Some(k) => Some(Fused::TestAfter(super::ops::ordering_matches(r.cmp(&k), cmp), 2)),
                            None => self.binary_fast(xv, yv, op).map(Fused::Value),
                        }
                    }
                    (Some(v), _) => Some(Fused::Value(self.box_fast(v))),
                    (None, _) => None,
                },
                _ => self.binary_fast(xv, yv, op).map(Fused::Value),
            },
            Instr::Subscr => self.subscr_fast(xv, yv).map(Fused::Value),
            Instr::Compare(op) => self.compare_fast(xv, yv, op).map(Fused::Test),
            Instr::Is(invert) => Some(Fused::Test(xv.is(yv) != (invert == 1))),
            // `obj.name = value` from two locals: `x` is the value, `y`
            // the object.
            Instr::StoreAttr(i) => self.store_attr_cached(yv, code, i as usize, xv.clone()).ok().map(|()| Fused::Stored),
            Instr::StoreSubscr => {
                // `a[i] = v`: `x` is the list, `y` the index, and the
                // value was pushed before them.
                let v = self.pop();
                let (Some(xv), Some(yv)) = (self.operand(x, code, lb), self.operand(y, code, lb)) else { unreachable!() };
                match self.store_subscr_fast(xv, yv, v) {
                    Ok(()) => Some(Fused::Stored),
                    Err(v) => {
                        self.stack.push(v);
                        None
                    }
                }
            }
            // `a[i] op= e`: the pair stays for the store at the end, and
            // the item is pushed above it (`Dup2; Subscr` done here).
            Instr::Dup2 if matches!(code.instructions.fetch(next + 1), Instr::Subscr) => {
                self.subscr_fast(xv, yv).map(Fused::AboveOperands)
            }
            _ => None,
        };
        *pc = next;
        match fused {
            Some(Fused::TestAfter(r, skip)) => {
                *pc = next + 1 + skip;
                self.push_or_jump(r, code, pc);
            }
            Some(Fused::AboveOperands(item)) => {
                self.push_operands(x, y, code, lb);
                self.stack.push(item);
                *pc = next + 2;
            }
            Some(f) => {
                *pc = next + 1;
                self.finish_fused(f, code, pc);
            }
            None => self.push_operands(x, y, code, lb),
        }
        Ok(())
    }

    /// A fused pair's operands, pushed as its two loads would.
    #[inline(always)]
    fn push_operands(&mut self, x: Operand, y: Operand, code: &crate::bytecode::Code, lb: usize) {
        let (Some(xv), Some(yv)) = (self.operand(x, code, lb), self.operand(y, code, lb)) else { unreachable!() };
        let (xv, yv) = (xv.clone(), yv.clone());
        self.stack.push(xv);
        self.stack.push(yv);
    }

    /// `LoadConstOperand`: the operator at `pc` runs on the value on top
    /// of the stack and the constant, when its fast path applies; the
    /// popped value's box takes the result when nothing else holds it.
    #[inline(always)]
    pub(super) fn fuse_const_operand(&mut self, c: u32, code: &crate::bytecode::Code, pc: &mut usize) {
        let y = &code.consts[c as usize];
        let fused = match code.instructions.fetch(*pc) {
            Instr::Binary(op) | Instr::Inplace(op) => {
                let x = self.pop();
                match self.binary_fast_reusing(x, y, op) {
                    Ok(r) => Some(Fused::Value(r)),
                    Err(x) => {
                        self.stack.push(x);
                        None
                    }
                }
            }
            Instr::Subscr => self.subscr_fast(self.stack.last(), y).map(|r| {
                drop(self.stack.pop());
                Fused::Value(r)
            }),
            Instr::Compare(op) => self.compare_fast(self.stack.last(), y, op).map(|t| {
                drop(self.stack.pop());
                Fused::Test(t)
            }),
            _ => None,
        };
        match fused {
            Some(f) => {
                *pc += 1;
                self.finish_fused(f, code, pc);
            }
            None => self.stack.push(y.clone()),
        }
    }

    /// A fused operator's result: a value is pushed, a test goes to the
    /// conditional jump after it (`push_or_jump`), a store is done.
    #[inline(always)]
    fn finish_fused(&mut self, f: Fused, code: &crate::bytecode::Code, pc: &mut usize) {
        match f {
            Fused::Value(r) => self.stack.push(r),
            Fused::Test(r) => self.push_or_jump(r, code, pc),
            Fused::Stored => self.collect_dead(),
            Fused::AboveOperands(item) => self.stack.push(item),
            Fused::TestAfter(r, _) => self.push_or_jump(r, code, pc),
        }
    }

    /// A fused pair's operand, or `None` for an unbound local.
    #[inline(always)]
    fn operand<'a>(&'a self, o: Operand, code: &'a crate::bytecode::Code, lb: usize) -> Option<&'a Obj> {
        match o {
            Operand::Local(i) => self.stack.slot(lb + i as usize).as_ref(),
            Operand::Const(c) => Some(&code.consts[c as usize]),
        }
    }

    /// The error of a pair with an unbound local, and where it is raised:
    /// 0 for the pair's first load, 1 for its second. (The counter is not
    /// passed in: a reference to it, taken by a call that is not inlined,
    /// would keep the loop's counter in memory.)
    #[cold]
    #[inline(never)]
    fn unbound_operand(&self, x: Operand, y: Operand, code: &crate::bytecode::Code, lb: usize) -> (crate::object::PyErr, usize) {
        let (unbound, at) = if self.operand(x, code, lb).is_none() { (x, 0) } else { (y, 1) };
        match unbound {
            Operand::Local(i) => (self.unbound_local(&code.varnames[i as usize]), at),
            Operand::Const(_) => unreachable!("a constant is always there"),
        }
    }
}

/// Where an operand of a fused load pair is.
#[derive(Clone, Copy)]
pub(super) enum Operand {
    /// A local, by its index in the frame.
    Local(u16),
    Const(u16),
}

/// What a fused operator made.
enum Fused {
    /// A value to push.
    Value(Obj),
    /// A comparison's outcome.
    Test(bool),
    /// The outcome of a comparison this many instructions further on.
    TestAfter(bool, usize),
    /// A store, done.
    Stored,
    /// A subscript's item, to push above the operands.
    AboveOperands(Obj),
}
