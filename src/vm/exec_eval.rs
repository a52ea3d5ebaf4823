//! `compile`, `exec`, `eval`, `globals`, `locals`, and `SyntaxError` values for
//! source compiled at run time.
//!
//! Model: the source is parsed and compiled as a module (`exec`) or a lone
//! expression (`eval`), named `<string>`, and run in a frame whose
//! globals and name namespace (`LoadName`/`StoreName`) are the given
//! dicts. Omitted namespaces default to the caller's: its globals, and its
//! namespace dict (module and class bodies) or, in a function, a snapshot
//! of its locals, as `locals()` returns. Like CPython, a globals dict
//! without `__builtins__` gets one.
//!
//! A syntax error becomes a `SyntaxError` (or `IndentationError`,
//! `TabError`) whose args are CPython's `(msg, (filename, lineno, offset,
//! text, end_lineno, end_offset))`; its `str()` and its traceback
//! report are rendered from them as CPython renders them.

use super::builtins_extra::{kwargs, set_builtin};
use super::{Frame, Vm};
use crate::error::{LocatedSyntaxError, SyntaxErrorKind};
use crate::heap::{Kind, Obj};
use crate::object::payloads::*;
use crate::object::{CallArgs, PyErr, PyResult};
use crate::lexer::Mode;

impl Vm {
    /// The frame a builtin was called from.
    fn caller(&self) -> Option<&Frame> {
        self.frames.last()
    }

    /// `locals()`: the namespace of a module or class body, a fresh dict
    /// of the bound locals and cells of a function.
    pub(crate) fn current_locals(&mut self) -> PyResult<Obj> {
        match self.frames.len() {
            0 => Ok(self.new_dict()),
            n => self.frame_locals(n - 1),
        }
    }

    /// `locals()` of the running frame at index `fi`.
    pub(crate) fn frame_locals(&mut self, fi: usize) -> PyResult<Obj> {
        let f = &self.frames[fi];
        if let Some(ns) = &f.names {
            return Ok(ns.clone());
        }
        let code = f.code.clone();
        let base = f.locals_base;
        let cells = f.cells.to_vec();
        let d = self.new_dict();
        for (i, name) in code.varnames.iter().enumerate() {
            if let Some(v) = self.stack.slot(base + i).clone() {
                let key = self.intern(name);
                self.dict_set(&d, key, v)?;
            }
        }
        for (name, cell) in code.cellvars.iter().chain(&code.freevars).zip(&cells) {
            let v = cell.downcast::<CellValue>().and_then(|c| c.0.borrow().clone());
            if let Some(v) = v {
                let key = self.intern(name);
                self.dict_set(&d, key, v)?;
            }
        }
        Ok(d)
    }

    /// A `SyntaxError` (or subclass) carrying CPython's location args.
    pub(crate) fn syntax_error_value(&mut self, e: &LocatedSyntaxError) -> PyErr {
        let exc = &self.types.exceptions;
        let type_ = match e.kind {
            SyntaxErrorKind::SyntaxError => exc.syntax_error.clone(),
            SyntaxErrorKind::IndentationError => exc.indentation_error.clone(),
            SyntaxErrorKind::TabError => exc.tab_error.clone(),
            SyntaxErrorKind::RecursionError => {
                return self.err(&exc.recursion_error.clone(), format!("{} during compilation", e.msg));
            }
        };
        let fields: [(&str, Obj); 6] = [
            ("filename", self.new_str(&e.filename)),
            ("lineno", self.new_int(e.lineno as i64)),
            ("offset", self.new_int(e.offset as i64)),
            // CPython's `text` is the whole line, newline included.
            ("text", self.new_str(&format!("{}\n", e.text))),
            ("end_lineno", self.new_int(e.end_lineno as i64)),
            ("end_offset", self.new_int(e.end_offset as i64)),
        ];
        let details = self.new_tuple(fields.iter().map(|(_, v)| v.clone()).collect());
        let msg = self.new_str(&e.msg);
        let obj = self.new_exception(&type_, vec![msg.clone(), details]);
        let d = self.new_dict();
        let key = self.intern("msg");
        // Keys are strs: these stores cannot fail.
        let _ = self.dict_set(&d, key, msg);
        for (name, v) in fields {
            let key = self.intern(name);
            let _ = self.dict_set(&d, key, v);
        }
        if let Some(ev) = obj.downcast::<ExceptionValue>() {
            *ev.dict.borrow_mut() = Some(d);
        }
        PyErr(obj)
    }

    /// The location of a `SyntaxError` made by `syntax_error_value`.
    pub(crate) fn syntax_error_details(&self, exc: &Obj) -> Option<LocatedSyntaxError> {
        if !self.isinstance(exc, &self.types.exceptions.syntax_error) {
            return None;
        }
        let args = exc.downcast::<ExceptionValue>()?.args.borrow().clone();
        let args = args.downcast::<TupleValue>()?;
        let [msg, details] = &args.0[..] else { return None };
        let d = details.downcast::<TupleValue>()?;
        let [filename, lineno, offset, text, end_lineno, end_offset] = &d.0[..] else { return None };
        let num = |o: &Obj| self.small_int(o).and_then(|i| usize::try_from(i).ok());
        let kind = if self.isinstance(exc, &self.types.exceptions.tab_error) {
            SyntaxErrorKind::TabError
        } else if self.isinstance(exc, &self.types.exceptions.indentation_error) {
            SyntaxErrorKind::IndentationError
        } else {
            SyntaxErrorKind::SyntaxError
        };
        Some(LocatedSyntaxError {
            kind,
            msg: msg.downcast::<StrValue>()?.text.to_string_lossy(),
            filename: filename.downcast::<StrValue>()?.text.to_string_lossy(),
            lineno: num(lineno)?,
            offset: num(offset)?,
            text: text.downcast::<StrValue>()?.text.to_string_lossy(),
            end_lineno: num(end_lineno)?,
            end_offset: num(end_offset)?,
        })
    }

    /// `str(e)` of a located SyntaxError: `msg (file.py, line 3)`.
    pub(crate) fn syntax_error_str(&self, exc: &Obj) -> Option<String> {
        let e = self.syntax_error_details(exc)?;
        let base = e.filename.rsplit('/').next().unwrap_or(&e.filename).to_string();
        Some(format!("{} ({}, line {})", e.msg, base, e.lineno))
    }

    /// Compiles `source` as a module, an expression or interactive input,
    /// raising a `SyntaxError` located in `filename`.
    fn compile_source(&mut self, source: &str, mode: Mode, filename: &str) -> PyResult<std::rc::Rc<crate::bytecode::Code>> {
        use crate::compiler::{CompileError, compile_module};
        let module = crate::parser::parse(source, mode).map_err(|e| {
            let located = e.locate(source, filename);
            self.syntax_error_value(&located)
        })?;
        match compile_module(self, &module, source, filename) {
            Ok(c) => Ok(c),
            Err(CompileError::Syntax(e)) => Err(self.syntax_error_value(&e.locate(source, filename))),
            Err(CompileError::NotImplemented(what, line)) => {
                Err(self.not_implemented_error(format!("ouro does not support {what} yet (line {line})")))
            }
        }
    }

    /// Compiles `source` (`<string>`) and runs it with these namespaces.
    fn run_source(&mut self, source: &str, mode: Mode, globals: &Obj, locals: &Obj) -> PyResult<Obj> {
        let code = self.compile_source(source, mode, "<string>")?;
        self.run_code_in(code, globals, locals)
    }

    fn run_code_in(&mut self, code: std::rc::Rc<crate::bytecode::Code>, globals: &Obj, locals: &Obj) -> PyResult<Obj> {
        if !code.freevars.is_empty() {
            return Err(self.type_error("code object passed to exec() may not contain free variables"));
        }
        self.run_code_with_names(code, globals, locals)
    }

    /// The namespaces and source of an `exec`/`eval` call.
    fn exec_eval(&mut self, fname: &str, a: &CallArgs<'_>, mode: Mode) -> PyResult<Obj> {
        let (pos, kw) = kwargs(self, fname, a, &["globals", "locals"])?;
        if pos.is_empty() || pos.len() > 3 {
            let n = pos.len();
            let msg = if n == 0 {
                format!("{fname} expected at least 1 argument, got 0")
            } else {
                format!("{fname} expected at most 3 arguments, got {n}")
            };
            return Err(self.type_error(msg));
        }
        let none_to_absent = |o: Option<Obj>| o.filter(|v| v.kind() != Kind::None);
        let globals = none_to_absent(pos.get(1).cloned().or_else(|| kw[0].clone()));
        let locals = none_to_absent(pos.get(2).cloned().or_else(|| kw[1].clone()));
        // CPython's checks, in its order (eval: locals first).
        let is_mapping = |vm: &mut Vm, o: &Obj| {
            matches!(o.kind(), Kind::Dict | Kind::List | Kind::Tuple | Kind::Str) || vm.lookup_special(o, "__getitem__").is_some()
        };
        if mode == Mode::Expression {
            if let Some(l) = &locals {
                if !is_mapping(self, l) {
                    return Err(self.type_error("locals must be a mapping"));
                }
            }
            if let Some(g) = &globals {
                if g.kind() != Kind::Dict {
                    let msg = if is_mapping(self, g) {
                        "globals must be a real dict; try eval(expr, {}, mapping)"
                    } else {
                        "globals must be a dict"
                    };
                    return Err(self.type_error(msg));
                }
            }
        } else {
            if let Some(g) = &globals {
                if g.kind() != Kind::Dict {
                    return Err(self.type_error(format!("exec() globals must be a dict, not {}", self.type_name(g))));
                }
            }
            if let Some(l) = &locals {
                if !is_mapping(self, l) {
                    return Err(self.type_error(format!("locals must be a mapping or None, not {}", self.type_name(l))));
                }
            }
        }
        if let Some(l) = &locals {
            if l.kind() != Kind::Dict {
                return Err(self.not_implemented_error(format!("{fname}() with a non-dict locals mapping")));
            }
        }
        let (globals, locals) = match (globals, locals) {
            (Some(g), Some(l)) => (g, l),
            (Some(g), None) => (g.clone(), g),
            (None, l) => {
                let g = match self.caller() {
                    Some(f) => f.globals.clone(),
                    None => self.new_dict(),
                };
                let l = match l {
                    Some(l) => l,
                    None => self.current_locals()?,
                };
                (g, l)
            }
        };
        let key = self.intern("__builtins__");
        if self.dict_get(&globals, &key)?.is_none() {
            let b = self.builtins.clone();
            self.dict_set(&globals, key, b)?;
        }
        let src = &pos[0];
        if let Some(c) = src.downcast::<CodeValue>() {
            let code = c.0.clone();
            return self.run_code_in(code, &globals, &locals);
        }
        let Some(text) = self.source_text(src) else {
            return Err(self.type_error(format!("{fname}() arg 1 must be a string, bytes or code object")));
        };
        let text = text?;
        // `eval` ignores leading spaces and tabs, as CPython does.
        let text = if mode == Mode::Expression { text.trim_start_matches([' ', '\t']).to_string() } else { text };
        self.run_source(&text, mode, &globals, &locals)
    }
}

impl Vm {
    /// The source text of `exec`/`eval`/`compile`: a str, or bytes as
    /// UTF-8. `None` for any other type; a NUL or bad UTF-8 is a
    /// `SyntaxError` (the latter CPython's `(unicode error) ...`).
    fn source_text(&mut self, src: &Obj) -> Option<PyResult<String>> {
        let text = match (src.downcast::<StrValue>(), src.downcast::<BytesValue>()) {
            (Some(s), _) => s.text.to_string_lossy(),
            (None, Some(b)) => match self.decode_bytes(&b.data, Some(src), "utf-8", "strict") {
                Ok(t) => t.to_string_lossy(),
                Err(e) => {
                    let why = match self.to_str(&e.0) {
                        Ok(why) => why,
                        Err(e) => return Some(Err(e)),
                    };
                    let syntax_error = self.types.exceptions.syntax_error.clone();
                    return Some(Err(self.err(&syntax_error, format!("(unicode error) {why}"))));
                }
            },
            (None, None) => return None,
        };
        if text.contains('\0') {
            return Some(Err(self.err(&self.types.exceptions.syntax_error.clone(), "source code string cannot contain null bytes")));
        }
        Some(Ok(text))
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`: a code object for `exec` or `eval`. ASTs (the
/// `PyCF_ONLY_AST` flag, or an AST as source) are not supported.
fn builtin_compile(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    const PARAMS: [&str; 6] = ["source", "filename", "mode", "flags", "dont_inherit", "optimize"];
    let (pos, kw) = kwargs(vm, "compile", &a, &PARAMS)?;
    if pos.len() > PARAMS.len() {
        return Err(vm.type_error(format!("compile() takes at most 6 arguments ({} given)", pos.len())));
    }
    let arg = |i: usize| pos.get(i).cloned().or_else(|| kw[i].clone());
    let required = |vm: &Vm, i: usize| {
        arg(i).ok_or_else(|| vm.type_error(format!("compile() missing required argument '{}' (pos {})", PARAMS[i], i + 1)))
    };
    let (source, filename, mode) = (required(vm, 0)?, required(vm, 1)?, required(vm, 2)?);
    let flags = match arg(3) {
        Some(f) => vm.index_value(&f)?,
        None => num_bigint::BigInt::from(0),
    };
    const PYCF_ONLY_AST: u32 = 0x400;
    if flags.bit(PYCF_ONLY_AST.trailing_zeros() as u64) {
        return Err(vm.not_implemented_error("ouro does not support compile() to an AST (PyCF_ONLY_AST)"));
    }
    let filename = match (filename.downcast::<StrValue>(), filename.downcast::<BytesValue>()) {
        (Some(s), _) => s.text.to_string_lossy(),
        (None, Some(b)) => String::from_utf8_lossy(&b.data).into_owned(),
        (None, None) => {
            let t = vm.type_name(&filename);
            return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {t}")));
        }
    };
    let mode = match mode.downcast::<StrValue>().map(|s| s.text.to_string_lossy()).as_deref() {
        Some("exec") => Mode::Module,
        Some("eval") => Mode::Expression,
        Some("single") => Mode::Interactive,
        Some(_) => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
        None => return Err(vm.type_error(format!("compile() argument 'mode' must be str, not {}", vm.type_name(&mode)))),
    };
    let Some(text) = vm.source_text(&source) else {
        return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object"));
    };
    let text = text?;
    let code = vm.compile_source(&text, mode, &filename)?;
    Ok(Obj::new(CodeValue(code), &vm.types.code))
}

fn builtin_exec(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    vm.exec_eval("exec", &a, Mode::Module)?;
    Ok(vm.none())
}

fn builtin_eval(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    vm.exec_eval("eval", &a, Mode::Expression)
}

/// `name()` takes no arguments, with CPython's message.
fn no_args(vm: &Vm, name: &str, a: &CallArgs<'_>) -> PyResult<()> {
    if !a.kwnames.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if !a.args.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no arguments ({} given)", a.args.len())));
    }
    Ok(())
}

fn builtin_globals(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_args(vm, "globals", &a)?;
    match vm.caller() {
        Some(f) => Ok(f.globals.clone()),
        None => Ok(vm.new_dict()),
    }
}

fn builtin_locals(vm: &mut Vm, a: CallArgs<'_>) -> PyResult<Obj> {
    no_args(vm, "locals", &a)?;
    vm.current_locals()
}

pub(crate) fn install(vm: &mut Vm) {
    let functions: &[(&'static str, crate::object::NativeFn)] =
        &[("compile", builtin_compile), ("exec", builtin_exec), ("eval", builtin_eval), ("globals", builtin_globals), ("locals", builtin_locals)];
    for &(name, f) in functions {
        let func = vm.new_builtin_function(name, f);
        set_builtin(vm, name, func);
    }
}
