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
        *code_rc = frame.code.clone();
        *pc = frame.pc;
        *lb = frame.locals_base;
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
        let mut func = if method && self.stack[call_base].kind() != Kind::None {
            args_start -= 1;
            self.stack[call_base].clone()
        } else {
            self.stack[top - n - 1].clone()
        };
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
                if self.push_positional_frame(&init, call_base, args_start) {
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
            if self.frames.len() >= self.recursion_limit {
                return Err(self.recursion_error());
            }
            if self.push_positional_frame(&func, call_base, args_start) {
                self.enter_top_frame(fi_ref, code_rc, pc, lb);
                return Ok(());
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
        let target = |i: usize| lb + fused_store_target(&code.instructions, at + i);
        if let Some(t) = seq.downcast::<TupleValue>().filter(|t| t.0.len() == n && seq.has_type(&self.types.tuple)) {
            for (i, v) in t.0.iter().enumerate() {
                drop(self.stack.slot_mut(target(i)).replace(v.clone()));
                self.collect_dead();
            }
            return Ok(());
        }
        self.push_unpacked(&seq, n)?;
        for i in 0..n {
            let v = self.pop();
            drop(self.stack.slot_mut(target(i)).replace(v));
            self.collect_dead();
        }
        Ok(())
    }

    /// `obj.names[i]` for `LoadAttr`: the instance-attribute cache, else
    /// the full lookup (which refills the cache).
    #[inline(always)]
    pub(super) fn load_attr_instr(&mut self, obj: &Obj, code: &crate::bytecode::Code, i: usize) -> PyResult<Obj> {
        if let Some(v) = self.load_attr_cached(obj, code, i) {
            return Ok(v);
        }
        let v = self.get_attr(obj, &code.names[i])?;
        if !self.cache_applies(obj, code, i) {
            self.fill_attr_cache(obj, code, i)?;
        }
        Ok(v)
    }

    /// The end of a fused load pair; `pc` is the instruction after it.
    /// When that is an int or float operator, or a subscript of an exact
    /// list or tuple by a machine int, it runs now on `x` and `y` (and a
    /// comparison's conditional jump with it), as do a cached instance
    /// attribute store and a store into an exact list; otherwise both are
    /// pushed and the instruction runs as usual. Each fusion saves a
    /// dispatch and two pushes and pops.
    #[inline(always)]
    pub(super) fn push_or_fuse(&mut self, x: Obj, y: Obj, code: &crate::bytecode::Code, pc: &mut usize) {
        let next = *pc;
        match code.instructions.fetch(next) {
            Instr::Binary(op) | Instr::Inplace(op) => {
                if let Some(r) = self.binary_fast(&x, &y, op) {
                    self.stack.push(r);
                    *pc = next + 1;
                    return;
                }
            }
            Instr::Subscr => {
                // `p[0]`, `a[i]`: an exact list or tuple and a machine int.
                if let Some(r) = self.subscr_fast(&x, &y) {
                    self.stack.push(r);
                    *pc = next + 1;
                    return;
                }
            }
            Instr::StoreAttr(i) => {
                // `obj.name = value` from two locals: `x` is the value,
                // `y` the object. A cache miss pushes both back for the
                // generic `StoreAttr`.
                match self.store_attr_cached(&y, code, i as usize, x) {
                    Ok(()) => {
                        drop(y);
                        self.collect_dead();
                        *pc = next + 1;
                        return;
                    }
                    Err(x) => {
                        self.stack.push(x);
                        self.stack.push(y);
                        return;
                    }
                }
            }
            Instr::StoreSubscr => {
                // `a[i] = v`: `x` is the list, `y` the index, and the
                // value was pushed before them.
                let v = self.pop();
                match self.store_subscr_fast(&x, &y, v) {
                    Ok(()) => {
                        drop((x, y));
                        self.collect_dead();
                        *pc = next + 1;
                    }
                    Err(v) => {
                        self.stack.push(v);
                        self.stack.push(x);
                        self.stack.push(y);
                    }
                }
                return;
            }
            Instr::Compare(op) => {
                if let Some(r) = self.compare_fast(&x, &y, op) {
                    *pc = next + 1;
                    self.push_or_jump(r, code, pc);
                    return;
                }
            }
            _ => {}
        }
        self.stack.push(x);
        self.stack.push(y);
    }
}
