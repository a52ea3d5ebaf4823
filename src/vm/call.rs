//! Calls: binding arguments to parameters (CPython's rules and messages),
//! calling Rust functions, bound methods and classes.

use super::{Cells, Frame, Vm};
use crate::bytecode::{Code, flags};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// `callable(*args)`, for Rust callers.
    pub fn call_object(&mut self, callable: &Obj, args: &[Obj]) -> PyResult<Obj> {
        self.call(callable, args, &[])
    }

    /// Calls with positional `args`; the last `kwnames.len()` of them are
    /// keyword arguments named by `kwnames` (str objects).
    pub fn call(&mut self, callable: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        match callable.kind() {
            Kind::Function => {
                let frame = self.make_frame(callable, args, kwnames)?;
                if frame.code.flags & flags::GENERATOR != 0 {
                    return Ok(self.make_generator(callable, frame));
                }
                self.run_frame(frame)
            }
            Kind::BuiltinFunction => self.call_native(callable, args, kwnames),
            Kind::BoundMethod => {
                let m = callable.downcast::<BoundMethodValue>().expect("method");
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(m.self_.clone());
                all.extend_from_slice(args);
                let func = m.func.clone();
                self.call(&func, &all, kwnames)
            }
            Kind::Type => self.call_type(callable, args, kwnames),
            _ => match self.lookup_special(callable, "__call__") {
                Some(c) => {
                    let t = callable.type_obj();
                    self.call_dunder(&c, callable, &t, args, kwnames)
                }
                None => Err(self.type_error(format!("'{}' object is not callable", self.type_name(callable)))),
            },
        }
    }

    /// `call` of a builtin function (`callable`'s kind says it is one), as
    /// the dispatch loop makes it for positional arguments.
    #[inline(always)]
    pub(crate) fn call_builtin(&mut self, callable: &Obj, args: &[Obj]) -> PyResult<Obj> {
        self.call_native(callable, args, &[])
    }

    /// Calls `method`, found on `owner` (the type of `obj`), for `obj`: a
    /// Python function gets `obj` as its first argument, without a bound
    /// method being made; anything else is bound as the descriptor
    /// protocol says (a class attribute that is a class stays unbound).
    pub(crate) fn call_dunder(&mut self, method: &Obj, obj: &Obj, owner: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        if method.kind() == Kind::Function {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(obj.clone());
            all.extend_from_slice(args);
            return self.call(method, &all, kwnames);
        }
        let bound = self.descr_get(method.clone(), Some(obj), owner)?;
        self.call(&bound, args, kwnames)
    }

    /// Calls the special method `m` that `lookup_special` found on the
    /// type of `o`, for `o` and no other argument, bound as `call_dunder`
    /// binds: a class attribute that is not a method stays unbound, as in
    /// CPython (`__len__ = len` calls `len()`, a `TypeError`, rather than
    /// `len(o)`, which would come back here without end).
    pub(crate) fn call_special(&mut self, m: &Obj, o: &Obj) -> PyResult<Obj> {
        let t = o.type_obj();
        self.call_dunder(m, o, &t, &[], &[])
    }

    /// `call` of a builtin function, with its recursion check.
    #[inline(always)]
    pub(crate) fn call_native(&mut self, callable: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        // CPython checks the depth on every call of a C function too.
        if self.frames.len() >= self.recursion_limit {
            return Err(self.native_recursion_error());
        }
        let f = callable.downcast::<BuiltinFunctionValue>().expect("builtin");
        let call = f.call;
        match &f.bound {
            Some(bound) => self.call_bound_native(call, bound, args, kwnames),
            None => call(self, CallArgs { args, kwnames }),
        }
    }

    /// A builtin bound to its first argument (a module's function bound
    /// to the module, say): the arguments gathered behind it.
    #[inline(never)]
    fn call_bound_native(&mut self, call: crate::object::NativeFn, bound: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(bound.clone());
        all.extend_from_slice(args);
        call(self, CallArgs { args: &all, kwnames })
    }

    #[cold]
    fn native_recursion_error(&self) -> crate::object::PyErr {
        self.err(&self.types.exceptions.recursion_error, "maximum recursion depth exceeded while calling a Python object")
    }

    /// `func(self_, *args)` for a Python function (an `__init__`, say).
    /// When the arguments bind positionally they go straight into the new
    /// frame's locals, so nothing gathers them into a vector first.
    pub(crate) fn call_function_with_self(&mut self, func: &Obj, self_: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Obj> {
        let f = func.downcast::<FunctionValue>().expect("a function");
        let code = &f.code.downcast::<CodeValue>().expect("code").0;
        if !kwnames.is_empty() || code.flags & flags::GENERATOR != 0 || !binds_positionally(code, args.len() + 1) {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(self_.clone());
            all.extend_from_slice(args);
            return self.call(func, &all, kwnames);
        }
        let locals_base = self.stack.len();
        self.stack.push(self_.clone());
        self.stack.extend(args.iter().cloned());
        let frame = self.positional_frame(f, code, locals_base, locals_base);
        self.run_frame(frame)
    }

    /// A frame for calling `func` with the arguments on the stack from
    /// `args_start` up; the slots from `call_base` to `args_start` (the
    /// callable, or a method's marker) go when the frame returns. The
    /// common case, exactly the declared positional arguments and no
    /// cells, leaves the arguments where they are: they are the first
    /// locals of the new frame.
    #[inline(always)]
    pub(crate) fn make_frame_from_stack(&mut self, func: &Obj, call_base: usize, args_start: usize) -> PyResult<Frame> {
        let f = func.downcast::<FunctionValue>().expect("a function");
        let code = &f.code.downcast::<CodeValue>().expect("code").0;
        let nargs = self.stack.len() - args_start;
        if !binds_positionally(code, nargs) {
            if let Some((defaults, from)) = defaults_completing(f, code, nargs) {
                // The defaults of the parameters not given join the
                // arguments where they lie.
                self.push_defaults(&defaults, from);
                return Ok(self.positional_frame(f, code, call_base, args_start));
            }
            let args = self.stack.split_off(args_start);
            self.stack.truncate(call_base);
            return self.make_frame(func, &args, &[]);
        }
        Ok(self.positional_frame(f, code, call_base, args_start))
    }

    /// The common call of a Python function from the stack: exactly its
    /// positional parameters, no generator. Pushes its frame and says so;
    /// false, with nothing done, for any other call (`make_frame_from_stack`
    /// has the rest). The function is read where it lies, at `callee`,
    /// and not cloned: a clone and its drop are two writes to the
    /// function's count, and recursive calls chain those writes, each
    /// waiting for the last (fib.py). The frame goes straight into
    /// `frames` rather than through a `PyResult<Frame>` that is checked
    /// and then moved.
    #[inline(always)]
    pub(crate) fn push_positional_frame(&mut self, callee: usize, call_base: usize, args_start: usize) -> bool {
        let f = self.stack[callee].downcast::<FunctionValue>().expect("a function");
        let code = &f.code.downcast::<CodeValue>().expect("code").0;
        let nargs = self.stack.len() - args_start;
        if code.flags & flags::GENERATOR != 0 || !binds_positionally(code, nargs) {
            return false;
        }
        let unbound = code.varnames.len() - nargs;
        let frame = Frame::with_cells(code.clone(), f.globals.clone(), None, call_base, args_start, self.handled.len(), closure_cells(f));
        self.stack.push_unbound(unbound);
        self.frames.push(frame);
        true
    }

    /// The frame of `f` whose arguments, exactly its positional
    /// parameters (`binds_positionally`), are the stack's slots from
    /// `args_start` up: they are its first locals as they lie, and its
    /// other locals are pushed unbound above them.
    #[inline(always)]
    fn positional_frame(&mut self, f: &FunctionValue, code: &Rc<Code>, call_base: usize, args_start: usize) -> Frame {
        let nargs = self.stack.len() - args_start;
        self.stack.push_unbound(code.varnames.len() - nargs);
        Frame::with_cells(code.clone(), f.globals.clone(), None, call_base, args_start, self.handled.len(), closure_cells(f))
    }

    /// A frame for calling the Python function `func`, arguments bound.
    pub(crate) fn make_frame(&mut self, func: &Obj, args: &[Obj], kwnames: &[Obj]) -> PyResult<Frame> {
        let f = func.downcast::<FunctionValue>().expect("a function");
        let code = f.code.downcast::<CodeValue>().expect("code").0.clone();
        let argcount = code.argcount as usize;
        if kwnames.is_empty() && binds_positionally(&code, args.len()) {
            // Exactly the declared positional parameters: nothing to bind.
            let locals_base = self.stack.len();
            self.stack.extend(args.iter().cloned());
            return Ok(self.positional_frame(f, &code, locals_base, locals_base));
        }
        if let Some((defaults, from)) = kwnames.is_empty().then(|| defaults_completing(f, &code, args.len())).flatten() {
            let locals_base = self.stack.len();
            self.stack.extend(args.iter().cloned());
            self.push_defaults(&defaults, from);
            return Ok(self.positional_frame(f, &code, locals_base, locals_base));
        }
        let mut locals: Vec<Option<Obj>> = vec![None; code.varnames.len()];
        let npos_given = args.len() - kwnames.len();
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        // Only errors need the name: made when one is raised.
        let fname = |vm: &Vm| vm.str_lossy(&f.qualname.borrow());

        // Positional arguments.
        for (i, a) in args[..npos_given.min(argcount)].iter().enumerate() {
            locals[i] = Some(a.clone());
        }
        let mut slot = argcount + kwonly;
        if has_varargs {
            let extra = if npos_given > argcount { args[argcount..npos_given].to_vec() } else { Vec::new() };
            locals[slot] = Some(self.new_tuple(extra));
            slot += 1;
        } else if npos_given > argcount {
            return Err(self.too_many_positional(&fname(self), argcount, npos_given, f));
        }
        let kwargs = if has_varkw {
            let d = self.new_dict();
            locals[slot] = Some(d.clone());
            Some(d)
        } else {
            None
        };

        // Keyword arguments.
        for (name, value) in kwnames.iter().zip(&args[npos_given..]) {
            // Compared as bytes: the name is made as a String only for a
            // message.
            let wanted = name.downcast::<StrValue>().map_or(&[][..], |s| s.text.as_bytes());
            let pos = code.varnames[code.posonlyargcount as usize..argcount + kwonly].iter().position(|v| v.as_bytes() == wanted);
            match pos {
                Some(p) => {
                    let i = p + code.posonlyargcount as usize;
                    if locals[i].is_some() {
                        let n = self.str_lossy(name);
                        return Err(self.type_error(format!("{}() got multiple values for argument '{n}'", fname(self))));
                    }
                    locals[i] = Some(value.clone());
                }
                None => match &kwargs {
                    Some(d) => self.dict_set(d, name.clone(), value.clone())?,
                    None => {
                        let posonly = &code.varnames[..code.posonlyargcount as usize];
                        let misplaced: Vec<String> =
                            kwnames.iter().map(|k| self.str_lossy(k)).filter(|k| posonly.contains(k)).collect();
                        if !misplaced.is_empty() {
                            return Err(self.type_error(format!(
                                "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                                fname(self),
                                misplaced.join(", ")
                            )));
                        }
                        let n = self.str_lossy(name);
                        return Err(self.type_error(format!("{}() got an unexpected keyword argument '{n}'", fname(self))));
                    }
                },
            }
        }

        // Defaults for what is still missing.
        let defaults_tuple = f.defaults.borrow().clone();
        let defaults: &[Obj] = defaults_tuple.as_ref().and_then(|d| d.downcast::<TupleValue>()).map_or(&[], |t| &t.0[..]);
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in 0..argcount {
            if locals[i].is_none() {
                if i >= first_default {
                    locals[i] = Some(defaults[i - first_default].clone());
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(&fname(self), "positional", &missing));
        }
        let kwdefaults = f.kwdefaults.borrow().clone();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if locals[i].is_none() {
                let key = self.new_str(&code.varnames[i]);
                match &kwdefaults {
                    Some(d) => match self.dict_get(d, &key)? {
                        Some(v) => locals[i] = Some(v),
                        None => missing.push(code.varnames[i].clone()),
                    },
                    None => missing.push(code.varnames[i].clone()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_arguments(&fname(self), "keyword-only", &missing));
        }

        // Cells: new ones for cell variables (filled from parameters that
        // are cells), then the closure's for free variables.
        let mut cells = Vec::with_capacity(code.cellvars.len() + code.freevars.len());
        for _ in &code.cellvars {
            cells.push(Obj::new(CellValue(RefCell::new(None)), &self.types.cell));
        }
        for &(cell, local) in &code.cell_params {
            let v = locals[local as usize].take();
            *cells[cell as usize].downcast::<CellValue>().expect("cell").0.borrow_mut() = v;
        }
        if let Some(closure) = &f.closure {
            if let Some(t) = closure.downcast::<TupleValue>() {
                cells.extend(t.0.iter().cloned());
            }
        }
        let locals_base = self.stack.len();
        self.stack.append_slots(&mut locals);
        Ok(Frame::with_cells(code, f.globals.clone(), None, locals_base, locals_base, self.handled.len(), cells.into_boxed_slice().into()))
    }

    /// Pushes the items of the defaults tuple from index `from` on.
    fn push_defaults(&mut self, defaults: &Obj, from: usize) {
        let t = defaults.downcast::<TupleValue>().expect("a tuple");
        self.stack.extend(t.0[from..].iter().cloned());
    }

    #[cold]
    fn too_many_positional(&self, fname: &str, argcount: usize, given: usize, f: &FunctionValue) -> crate::object::PyErr {
        let ndefaults = f.defaults.borrow().as_ref().and_then(|d| d.downcast::<TupleValue>().map(|t| t.0.len())).unwrap_or(0);
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let were = if given == 1 { "was" } else { "were" };
        self.type_error(format!("{fname}() takes {takes} but {given} {were} given"))
    }

    #[cold]
    fn missing_arguments(&self, fname: &str, what: &str, names: &[String]) -> crate::object::PyErr {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] if rest.len() == 1 => format!("{} and {}", rest[0], last),
            [rest @ .., last] => format!("{}, and {}", rest.join(", "), last),
            [] => String::new(),
        };
        let s = if names.len() == 1 { "" } else { "s" };
        self.type_error(format!("{fname}() missing {} required {what} argument{s}: {list}", names.len()))
    }
}

/// True when `n` positional arguments fill exactly `code`'s parameters
/// and nothing else needs binding (no defaults, `*args`, `**kwargs`,
/// keyword-only parameters or cell variables): the arguments become the
/// first locals as they are (free variables come from the closure).
#[inline(always)]
fn binds_positionally(code: &crate::bytecode::Code, n: usize) -> bool {
    n == code.argcount as usize
        && code.flags & (flags::VARARGS | flags::VARKEYWORDS) == 0
        && code.kwonlyargcount == 0
        && code.cellvars.is_empty()
}

/// When `n` positional arguments and the trailing defaults of `f` fill
/// exactly its positional parameters (nothing else to bind, as for
/// `binds_positionally`): the `__defaults__` tuple and where in it the
/// missing ones start. The tuple is the one `__defaults__` holds now, as
/// `make_frame` would read it.
#[inline]
fn defaults_completing(f: &FunctionValue, code: &crate::bytecode::Code, n: usize) -> Option<(Obj, usize)> {
    let argcount = code.argcount as usize;
    if n >= argcount || !binds_positionally(code, argcount) {
        return None;
    }
    let defaults = f.defaults.borrow();
    let tuple = defaults.as_ref()?;
    let first_default = argcount.checked_sub(tuple.downcast::<TupleValue>()?.0.len())?;
    if n < first_default {
        return None;
    }
    Some((tuple.clone(), n - first_default))
}

/// The cells of a frame of `f` when its code has no cell variables of its
/// own: the closure's (its free variables), or none.
#[inline(always)]
fn closure_cells(f: &FunctionValue) -> Cells {
    match f.closure.as_ref().and_then(|c| c.downcast::<TupleValue>()) {
        Some(t) => t.0.iter().cloned().collect::<Box<[Obj]>>().into(),
        None => Cells::default(),
    }
}
