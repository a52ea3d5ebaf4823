//! AST → bytecode, one code object per scope.
//!
//! Name resolution comes from the symbol table (`symtable.rs`): each name
//! becomes a fast-local, cell, global or namespace instruction by its
//! resolved scope. Jumps are emitted with placeholder targets and patched
//! when the target is known. `try` blocks become entries of the code's
//! exception table; `finally` bodies are emitted once on the normal path
//! and once in the exception handler, and before every `return`, `break`
//! or `continue` that leaves them (as CPython does).
//!
//! What is not compiled yet (`async`, `except*`...) is reported as
//! `CompileError::NotImplemented`, which the VM raises as
//! `NotImplementedError` with the construct's name.


use super::symtable::{Scope, ScopeId, SymbolScope, SymbolTable, mangle};
use crate::ast::{self, Constant, Expr, ExprContext, ExprKind, Stmt, StmtKind};
use crate::bytecode::{BinOp, CmpOp, Code, Handler, Instr, Position, UnOp, flags};
use crate::error::SyntaxError;
use crate::heap::{Obj, WrapBuf};
use crate::object::payloads::CodeValue;
use crate::vm::Vm;
use std::rc::Rc;

mod annotations;
mod control;
mod fold;
mod try_star;
use control::Cleanup;

/// Why a module could not be compiled.
#[derive(Debug)]
pub enum CompileError {
    Syntax(SyntaxError),
    /// A construct this version of ouro does not compile yet.
    NotImplemented(String, u32),
}

type CResult<T> = Result<T, CompileError>;

/// A loop being compiled: where `continue` goes, and the `break` jumps to
/// patch, plus how many `finally` bodies were open when it started.
struct Loop {
    continue_to: u32,
    breaks: Vec<usize>,
    finally_depth: usize,
    /// `for` loops keep their iterator on the stack: `break` pops it.
    has_iterator: bool,
}

/// The state of one code object being built.
struct Unit {
    scope: ScopeId,
    code: Code,
    /// The code's instructions while they are being written; `leave`
    /// moves them into `code` (padded, see `Code::instructions`).
    instructions: Vec<Instr>,
    loops: Vec<Loop>,
    /// `finally` bodies that a `return`/`break` must run, innermost last.
    finally_bodies: Vec<Cleanup>,
    /// Current stack depth, for exception-table entries.
    depth: u32,
    /// The span the next instruction is compiled for: the innermost
    /// expression or statement being compiled, as CPython's `SET_LOC`.
    loc: Position,
    /// Class scopes: the name used for private-name mangling.
    private: Option<String>,
    /// Inside an `except*` clause body: how many loops were open when it
    /// began (`break`/`continue` may not leave it, nor `return`).
    except_star_loops: Option<usize>,
}

pub struct Compiler<'a> {
    vm: &'a mut Vm,
    /// The module's text, for the source line a warning shows.
    source: &'a str,
    table: SymbolTable,
    filename: String,
    units: Vec<Unit>,
    line_starts: Vec<u32>,
    /// Interactive input: expression statements are echoed (`PrintExpr`).
    interactive: bool,
    folds: fold::FoldState,
}

/// Compiles a parsed module into its code object.
pub fn compile_module(vm: &mut Vm, module: &ast::Mod, source: &str, filename: &str) -> CResult<Rc<Code>> {
    let table = super::symtable::build(module, source).map_err(CompileError::Syntax)?;
    let line_starts = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i as u32 + 1))
        .collect();
    let interactive = matches!(module, ast::Mod::Interactive { .. });
    let mut c = Compiler { vm, source, table, filename: filename.to_string(), units: Vec::new(), line_starts, interactive, folds: Default::default() };
    c.enter(ScopeId(0), "<module>", "<module>", 1, None);
    let body: &[Stmt] = match module {
        ast::Mod::Module { body, .. } => c.store_docstring(body)?,
        ast::Mod::Interactive { body } => body,
        ast::Mod::Expression { body } => {
            c.expr(body)?;
            c.emit(Instr::Return);
            return Ok(c.leave());
        }
    };
    c.setup_annotations(body);
    c.body(body)?;
    let none = c.const_none();
    c.emit(Instr::LoadConst(none));
    c.emit(Instr::Return);
    Ok(c.leave())
}

fn not_implemented<T>(what: &str, line: u32) -> CResult<T> {
    Err(CompileError::NotImplemented(what.to_string(), line))
}

impl Compiler<'_> {
    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("a unit")
    }

    fn scope(&self) -> &Scope {
        self.table.scope(self.units.last().expect("a unit").scope)
    }

    /// CPython's `check_compare`: `is` or `is not` with an operand that
    /// is a constant (after folding) other than None, True, False or
    /// `...` draws a `SyntaxWarning`, for the first such test of a chain
    /// only. The warning, made an error by a filter, is a `SyntaxError`.
    fn warn_is_literal(&mut self, left: &Expr, ops: &[ast::CmpOp], comparators: &[Expr]) -> CResult<()> {
        let mut left_ok = self.identity_operand(left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = self.identity_operand(right);
            if matches!(op, ast::CmpOp::Is | ast::CmpOp::IsNot) && !(left_ok && right_ok) {
                let msg = if matches!(op, ast::CmpOp::Is) {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                let line = self.units.last().expect("a unit").loc.line;
                let start = self.line_starts.get(line as usize - 1).copied().unwrap_or(0) as usize;
                let text = self.source.get(start..).and_then(|t| t.lines().next()).unwrap_or("");
                if !self.vm.syntax_warning(&self.filename, line, msg, text) {
                    let end = comparators.last().map_or(left.range.end, |c| c.range.end);
                    return Err(CompileError::Syntax(SyntaxError::new(msg, left.range.start as usize, end as usize)));
                }
                return Ok(());
            }
            left_ok = right_ok;
        }
        Ok(())
    }

    /// `check_is_arg`: whether `e` may be an operand of `is` without a
    /// warning (it is no constant, or a singleton one).
    fn identity_operand(&mut self, e: &Expr) -> bool {
        self.folded(e).map_or(true, |o| matches!(o.kind(), crate::heap::Kind::None | crate::heap::Kind::Bool | crate::heap::Kind::Ellipsis))
    }

    fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    fn enter(&mut self, scope: ScopeId, name: &str, qualname: &str, firstlineno: u32, private: Option<String>) {
        let s = self.table.scope(scope);
        let varnames: Vec<String> = s.varnames().iter().map(|v| v.to_string()).collect();
        let cellvars: Vec<String> = s.cellvars().iter().map(|v| v.to_string()).collect();
        let freevars: Vec<String> = s.freevars().iter().map(|v| v.to_string()).collect();
        let cell_params = cellvars
            .iter()
            .enumerate()
            .filter_map(|(ci, c)| s.params.iter().position(|p| &**p == c).map(|pi| (ci as u32, pi as u32)))
            .collect();
        let mut code_flags = 0;
        if s.kind.is_function() {
            code_flags |= flags::OPTIMIZED | flags::NEWLOCALS;
        }
        if s.has_varargs {
            code_flags |= flags::VARARGS;
        }
        if s.has_varkeywords {
            code_flags |= flags::VARKEYWORDS;
        }
        if s.is_nested {
            code_flags |= flags::NESTED;
        }
        if s.is_generator && s.kind.is_function() {
            code_flags |= flags::GENERATOR;
        }
        let code = Code {
            name: name.to_string(),
            qualname: qualname.to_string(),
            filename: self.filename.clone(),
            firstlineno,
            instructions: WrapBuf::new(Vec::new(), Instr::PastEnd),
            positions: Vec::new(),
            handlers: Vec::new(),
            consts: Vec::new(),
            names: Vec::new(),
            varnames,
            cellvars,
            freevars,
            cell_params,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: code_flags,
            stacksize: 0,
            global_cache: Vec::new(),
            attr_cache: Vec::new(),
            method_cache: Vec::new(),
            doc: None,
        };
        self.units.push(Unit {
            scope,
            code,
            instructions: Vec::new(),
            loops: Vec::new(),
            finally_bodies: Vec::new(),
            depth: 0,
            // A comprehension's or lambda's set-up code belongs to the
            // expression it was made for.
            loc: self.units.last().map_or(Position::line_only(firstlineno), |u| u.loc),
            private,
            except_star_loops: None,
        });
    }

    fn leave(&mut self) -> Rc<Code> {
        let mut unit = self.units.pop().expect("a unit");
        unit.code.global_cache = vec![Default::default(); unit.code.names.len()];
        unit.code.attr_cache = vec![Default::default(); unit.code.names.len()];
        unit.code.method_cache = vec![Default::default(); unit.code.names.len()];
        super::superinstructions::fuse(&mut unit.instructions);
        unit.code.instructions = WrapBuf::new(unit.instructions, Instr::PastEnd);
        Rc::new(unit.code)
    }

    fn emit(&mut self, i: Instr) -> usize {
        let u = self.unit();
        u.instructions.push(i);
        u.code.positions.push(u.loc);
        u.depth = (u.depth as i32 + stack_effect(&i)).max(0) as u32;
        u.code.stacksize = u.code.stacksize.max(u.depth);
        u.instructions.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().instructions.len() as u32
    }

    /// Points the jump at `at` to `target`.
    fn patch(&mut self, at: usize, target: u32) {
        let i = &mut self.unit().instructions[at];
        *i = match *i {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::Send(_) => Instr::Send(target),
            Instr::CheckEgMatch(_) => Instr::CheckEgMatch(target),
            Instr::PrepReraiseStar(_) => Instr::PrepReraiseStar(target),
            other => other,
        };
    }

    fn add_const(&mut self, o: Obj) -> u32 {
        let consts = &mut self.unit().code.consts;
        if let Some(i) = consts.iter().position(|c| c.is(&o)) {
            return i as u32;
        }
        consts.push(o);
        consts.len() as u32 - 1
    }

    fn const_none(&mut self) -> u32 {
        let none = self.vm.none();
        self.add_const(none)
    }

    fn name_index(&mut self, name: &str) -> u32 {
        let o = self.vm.intern(name);
        let names = &mut self.unit().code.names;
        if let Some(i) = names.iter().position(|n| n.is(&o)) {
            return i as u32;
        }
        names.push(o);
        names.len() as u32 - 1
    }

    fn mangled(&self, name: &str) -> String {
        let private = self.units.last().and_then(|u| u.private.clone());
        mangle(private.as_deref(), name).into_owned()
    }

    /// The position of the source span `r`.
    fn span(&self, r: ast::TextRange) -> Position {
        let (line, end_line) = (self.line_of(r.start), self.line_of(r.end));
        let line_start = |l: u32| self.line_starts.get(l as usize - 1).copied().unwrap_or(0);
        Position { line, end_line, col: r.start - line_start(line), end_col: r.end - line_start(end_line) }
    }

    fn set_loc(&mut self, r: ast::TextRange) {
        let p = self.span(r);
        self.unit().loc = p;
    }

    /// CPython's `update_start_location_to_match_attr`: when the name of
    /// attribute `a` ends on another line than `p` starts on (a method
    /// chain over several lines), `p` starts at the name instead, so
    /// that the traceback shows the line of the failing attribute.
    fn start_at_attr_name(&self, mut p: Position, a: &Expr) -> Position {
        let ExprKind::Attribute { attr, .. } = &a.kind else { return p };
        let end = self.span(a.range);
        if p.line != end.end_line {
            p.line = end.end_line;
            p.end_line = p.end_line.max(p.line);
            // CPython subtracts the name's length in characters from a
            // byte column, and gives up on columns past the start.
            match end.end_col.checked_sub(attr.chars().count() as u32) {
                Some(col) => p.col = col,
                None => (p.col, p.end_col) = (Position::NO_COLUMN, Position::NO_COLUMN),
            }
        }
        p
    }

    /// Runs `f` (which compiles something) at location `p`, then puts
    /// the current location back.
    fn at<T>(&mut self, p: Position, f: impl FnOnce(&mut Self) -> CResult<T>) -> CResult<T> {
        let saved = std::mem::replace(&mut self.unit().loc, p);
        let r = f(self);
        self.unit().loc = saved;
        r
    }

    // ---------------------------------------------------------------- names

    fn load_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Load)
    }

    fn store_name(&mut self, name: &str) {
        self.name_op(name, ExprContext::Store)
    }

    fn name_op(&mut self, raw: &str, ctx: ExprContext) {
        let name = self.mangled(raw);
        let scope = self.scope();
        let resolved = scope.lookup(&name).map(|s| s.scope);
        let is_function = scope.kind.is_function();
        let u = self.units.last().expect("a unit");
        let local_index = u.code.varnames.iter().position(|v| *v == name);
        let cell_index = u
            .code
            .cellvars
            .iter()
            .position(|v| *v == name)
            .or_else(|| u.code.freevars.iter().position(|v| *v == name).map(|i| i + u.code.cellvars.len()));
        let instr = match (resolved, is_function) {
            (Some(SymbolScope::Cell | SymbolScope::Free), _) if cell_index.is_some() => {
                let i = cell_index.expect("checked") as u32;
                match ctx {
                    ExprContext::Load => Instr::LoadDeref(i),
                    ExprContext::Store => Instr::StoreDeref(i),
                    ExprContext::Del => Instr::StoreDeref(i),
                }
            }
            (Some(SymbolScope::Local), true) if local_index.is_some() => {
                let i = local_index.expect("checked") as u32;
                match ctx {
                    ExprContext::Load => Instr::LoadFast(i),
                    ExprContext::Store => Instr::StoreFast(i),
                    ExprContext::Del => Instr::DeleteFast(i),
                }
            }
            (Some(SymbolScope::GlobalExplicit), _) | (Some(SymbolScope::GlobalImplicit), true) => {
                let i = self.name_index(&name);
                match ctx {
                    ExprContext::Load => Instr::LoadGlobal(i),
                    ExprContext::Store => Instr::StoreGlobal(i),
                    ExprContext::Del => Instr::DeleteGlobal(i),
                }
            }
            _ => {
                let i = self.name_index(&name);
                match ctx {
                    ExprContext::Load => Instr::LoadName(i),
                    ExprContext::Store => Instr::StoreName(i),
                    ExprContext::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
    }

    // ----------------------------------------------------------- statements

    fn body(&mut self, stmts: &[Stmt]) -> CResult<()> {
        for s in stmts {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.set_loc(s.range);
        let line = self.line_of(s.range.start);
        match &s.kind {
            StmtKind::Expr { value } => {
                self.expr(value)?;
                // CPython echoes only in the module's own scope: a
                // function body called from the prompt stays silent.
                let echo = self.interactive && self.units.len() == 1;
                self.emit(if echo { Instr::PrintExpr } else { Instr::Pop });
            }
            StmtKind::Pass => {}
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.ann_assign(target, annotation, value.as_deref(), *simple, line)?
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let to_else = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    let end = self.here();
                    self.patch(to_else, end);
                } else {
                    let to_end = self.emit(Instr::Jump(0));
                    let else_start = self.here();
                    self.patch(to_else, else_start);
                    self.body(orelse)?;
                    let end = self.here();
                    self.patch(to_end, end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                self.expr(test)?;
                let exit = self.emit(Instr::PopJumpIfFalse(0));
                self.push_loop(start, false);
                self.body(body)?;
                // CPython re-tests at the bottom, on the test's line: an
                // interrupt noticed at the jump back is reported there.
                self.set_loc(test.range);
                self.emit(Instr::Jump(start));
                let lp = self.unit().loops.pop().expect("the loop");
                let else_start = self.here();
                self.patch(exit, else_start);
                self.body(orelse)?;
                let end = self.here();
                for b in lp.breaks {
                    self.patch(b, end);
                }
            }
            StmtKind::For(f) => {
                self.iterable(&f.iter)?;
                self.emit(Instr::GetIter);
                let start = self.here();
                let for_iter = self.emit(Instr::ForIter(0));
                self.assign(&f.target)?;
                self.push_loop(start, true);
                self.body(&f.body)?;
                self.emit(Instr::Jump(start));
                let lp = self.unit().loops.pop().expect("the loop");
                let else_start = self.here();
                self.patch(for_iter, else_start);
                // ForIter popped the iterator when it ran out.
                self.unit().depth = self.unit().depth.saturating_sub(1);
                self.body(&f.orelse)?;
                let end = self.here();
                for b in lp.breaks {
                    self.patch(b, end);
                }
            }
            StmtKind::Break | StmtKind::Continue
                if self.loop_exit_leaves_except_star() =>
            {
                return Err(self.exits_except_star(s));
            }
            StmtKind::Break => self.break_or_continue(true, s.range.start as usize)?,
            StmtKind::Continue => self.break_or_continue(false, s.range.start as usize)?,
            StmtKind::Return { value } => {
                if !self.scope().kind.is_function() {
                    let (s, e) = (s.range.start as usize, s.range.end as usize);
                    return Err(CompileError::Syntax(SyntaxError::new("'return' outside function", s, e)));
                }
                if self.unit().except_star_loops.is_some() {
                    return Err(self.exits_except_star(s));
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => {
                        let none = self.const_none();
                        self.emit(Instr::LoadConst(none));
                    }
                }
                let d = self.unit().depth;
                self.run_finally_bodies(0, true)?;
                self.emit(Instr::Return);
                self.unit().depth = d - 1;
            }
            StmtKind::FunctionDef(f) => self.function_def(s, f)?,
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                if keywords.iter().any(|k| k.arg.is_none()) {
                    return not_implemented("** in class arguments", line);
                }
                self.class_def(s, name, bases, keywords, body, decorator_list)?;
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => {}
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Raise { exc, cause } => match (exc, cause) {
                (None, _) => {
                    self.emit(Instr::Raise(0));
                }
                (Some(e), None) => {
                    self.expr(e)?;
                    self.emit(Instr::Raise(1));
                }
                (Some(e), Some(c)) => {
                    self.expr(e)?;
                    self.expr(c)?;
                    self.emit(Instr::Raise(2));
                }
            },
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let ok = self.emit(Instr::PopJumpIfTrue(0));
                // CPython 3.11's conditional jump on a comparison leaves
                // the comparison's location set, so the raise is located
                // there (`assert x == 2` marks `x == 2`).
                if let Some(cmp) = tested_comparison(test) {
                    self.set_loc(cmp.range);
                }
                let i = self.name_index("AssertionError");
                self.emit(Instr::LoadGlobal(i));
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                let end = self.here();
                self.patch(ok, end);
            }
            StmtKind::Try(t) => self.try_stmt(t, false)?,
            StmtKind::Import { names } => {
                for alias in names {
                    let i = self.name_index(&alias.name);
                    self.emit(Instr::ImportName(i));
                    match (&alias.asname, alias.name.split_once('.')) {
                        (None, Some((top, _))) => {
                            // `import a.b` binds `a` (imported by now).
                            self.emit(Instr::Pop);
                            let t = self.name_index(top);
                            self.emit(Instr::ImportName(t));
                            self.store_name(top);
                        }
                        _ => self.store_name(alias.asname.as_deref().unwrap_or(&alias.name)),
                    }
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                // A relative import's level travels as leading dots.
                let m = ".".repeat(*level as usize) + module.as_deref().unwrap_or_default();
                let i = self.name_index(&m);
                self.emit(Instr::ImportName(i));
                // The symbol table allowed `*` at module level only, alone.
                if names.iter().any(|a| &*a.name == "*") {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for alias in names {
                    let n = self.name_index(&alias.name);
                    self.emit(Instr::ImportFrom(n));
                    self.store_name(alias.asname.as_deref().unwrap_or(&alias.name));
                }
                self.emit(Instr::Pop);
            }
            StmtKind::AsyncFunctionDef(_) | StmtKind::AsyncFor(_) | StmtKind::AsyncWith(_) => {
                return not_implemented("async", line);
            }
            StmtKind::With(w) => self.with_stmt(&w.items, &w.body)?,
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
            StmtKind::TryStar(t) => self.try_stmt(t, true)?,
        }
        Ok(())
    }

    fn push_loop(&mut self, continue_to: u32, has_iterator: bool) {
        let finally_depth = self.unit().finally_bodies.len();
        self.unit().loops.push(Loop { continue_to, breaks: Vec::new(), finally_depth, has_iterator });
    }

    fn break_or_continue(&mut self, is_break: bool, at: usize) -> CResult<()> {
        let Some(lp) = self.unit().loops.last() else {
            let what = if is_break { "'break' outside loop" } else { "'continue' not properly in loop" };
            return Err(CompileError::Syntax(SyntaxError::new(what, at, at)));
        };
        let (depth, has_iterator, target) = (lp.finally_depth, lp.has_iterator, lp.continue_to);
        let saved_depth = self.unit().depth;
        self.run_finally_bodies(depth, false)?;
        if is_break {
            if has_iterator {
                self.emit(Instr::Pop);
            }
            let j = self.emit(Instr::Jump(0));
            self.unit().loops.last_mut().expect("the loop").breaks.push(j);
        } else {
            self.emit(Instr::Jump(target));
        }
        // The pops above are only on this path.
        self.unit().depth = saved_depth;
        Ok(())
    }

    /// Emits the `finally` bodies opened after `down_to`, innermost first,
    /// for a `return` (keeping the return value on top) or a jump.
    fn run_finally_bodies(&mut self, down_to: usize, returning: bool) -> CResult<()> {
        let bodies: Vec<Cleanup> = self.unit().finally_bodies[down_to..].iter().rev().cloned().collect();
        if bodies.is_empty() {
            return Ok(());
        }
        let saved = std::mem::take(&mut self.unit().finally_bodies);
        self.unit().finally_bodies = saved[..down_to].to_vec();
        for b in &bodies {
            self.run_cleanup(b, returning)?;
        }
        self.unit().finally_bodies = saved;
        Ok(())
    }

    /// `try` statements; `star` for `except*` clauses (`try_star.rs`).
    fn try_stmt(&mut self, t: &ast::Try, star: bool) -> CResult<()> {
        let has_finally = !t.finalbody.is_empty();
        let depth = self.unit().depth;
        let finally_start = self.here();
        if has_finally {
            self.unit().finally_bodies.push(Cleanup::Finally(t.finalbody.clone()));
        }
        // try body, protected by the except clauses.
        let body_start = self.here();
        self.body(&t.body)?;
        let body_end = self.here();
        let mut to_end = Vec::new();
        if !t.handlers.is_empty() {
            self.body(&t.orelse)?;
            to_end.push(self.emit(Instr::Jump(0)));
            let handler_start = self.here();
            self.unit().code.handlers.push(Handler { start: body_start, end: body_end, handler: handler_start, depth });
            self.unit().depth = depth + 1;
            self.emit(Instr::PushExcInfo);
            let handlers_start = self.here();
            let nothing_raised = if star { Some(self.except_star_clauses(&t.handlers, depth)?) } else { None };
            for h in t.handlers.iter().filter(|_| !star) {
                self.set_loc(h.range);
                let next = match &h.type_ {
                    Some(ty) => {
                        self.expr(ty)?;
                        self.emit(Instr::CheckExcMatch);
                        Some(self.emit(Instr::PopJumpIfFalse(0)))
                    }
                    None => None,
                };
                match &h.name {
                    Some(n) => self.store_name(n),
                    None => {
                        self.emit(Instr::Pop);
                    }
                }
                self.body(&h.body)?;
                if let Some(n) = &h.name {
                    self.clear_handler_name(n);
                }
                self.emit(Instr::PopExcept);
                to_end.push(self.emit(Instr::Jump(0)));
                if let Some(n) = next {
                    let here = self.here();
                    self.patch(n, here);
                    self.unit().depth = depth + 1;
                }
            }
            // No clause matched: the exception goes on.
            self.emit(Instr::Raise(3));
            let handlers_end = self.here();
            // An exception inside a handler leaves it: forget the handled one.
            self.unit().code.handlers.push(Handler { start: handlers_start, end: handlers_end, handler: handlers_end, depth });
            self.unit().depth = depth + 1;
            self.emit(Instr::PopExcept);
            self.emit(Instr::Raise(3));
            if let Some(jump) = nothing_raised {
                let here = self.here();
                self.patch(jump, here);
                self.unit().depth = depth;
                self.emit(Instr::PopExcept);
                to_end.push(self.emit(Instr::Jump(0)));
            }
        } else {
            self.body(&t.orelse)?;
        }
        let end = self.here();
        for j in to_end {
            self.patch(j, end);
        }
        self.unit().depth = depth;
        if has_finally {
            self.unit().finally_bodies.pop();
            let protected_end = self.here();
            self.body(&t.finalbody)?;
            let skip = self.emit(Instr::Jump(0));
            let handler = self.here();
            self.unit().code.handlers.push(Handler { start: finally_start, end: protected_end, handler, depth });
            self.unit().depth = depth + 1;
            self.finally_on_exception(&t.finalbody, depth)?;
            let after = self.here();
            self.patch(skip, after);
            self.unit().depth = depth;
        }
        Ok(())
    }

    /// A module or class body opening with a string literal: stores it
    /// as `__doc__` and returns the statements after it.
    fn store_docstring<'b>(&mut self, body: &'b [Stmt]) -> CResult<&'b [Stmt]> {
        let Some(StmtKind::Expr { value }) = body.first().map(|s| &s.kind) else { return Ok(body) };
        if !matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. }) {
            return Ok(body);
        }
        self.set_loc(body[0].range);
        self.expr(value)?;
        let store = self.name_index("__doc__");
        self.emit(Instr::StoreName(store));
        Ok(&body[1..])
    }

    fn function_def(&mut self, s: &Stmt, f: &ast::FunctionDef) -> CResult<()> {
        for d in &f.decorator_list {
            self.expr(d)?;
        }
        let scope = self.table.scope_of_stmt(s).expect("the symbol table has every def");
        let line = self.line_of(s.range.start);
        let qualname = self.qualname(&f.name);
        let mut flags = self.defaults(&f.args)?;
        flags |= self.function_annotations(&f.args, f.returns.as_deref(), line)?;
        let doc = self.docstring(&f.body);
        self.enter(scope, &f.name, &qualname, line, self.units.last().and_then(|u| u.private.clone()));
        self.set_arg_counts(&f.args);
        self.unit().code.doc = doc;
        self.body(&f.body)?;
        let none = self.const_none();
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::Return);
        let code = self.leave();
        self.make_function(code, &qualname, flags)?;
        self.apply_decorators(&f.decorator_list)?;
        self.store_name(&f.name);
        Ok(())
    }

    /// Calls the decorators (pushed before the function or class, which
    /// is on top), innermost first, each call at its decorator's
    /// location.
    fn apply_decorators(&mut self, decorators: &[Expr]) -> CResult<()> {
        for d in decorators.iter().rev() {
            let p = self.span(d.range);
            self.at(p, |c| Ok(c.emit(Instr::Call(1))))?;
        }
        Ok(())
    }

    fn qualname(&self, name: &str) -> String {
        let mut parts = Vec::new();
        for u in self.units.iter().skip(1) {
            let s = self.table.scope(u.scope);
            parts.push(u.code.name.clone());
            if s.kind.is_function() {
                parts.push("<locals>".to_string());
            }
        }
        parts.push(name.to_string());
        parts.join(".")
    }

    fn set_arg_counts(&mut self, a: &ast::Arguments) {
        let c = &mut self.unit().code;
        c.posonlyargcount = a.posonlyargs.len() as u32;
        c.argcount = (a.posonlyargs.len() + a.args.len()) as u32;
        c.kwonlyargcount = a.kwonlyargs.len() as u32;
    }

    /// Pushes the defaults tuple and kw-defaults dict; returns the
    /// `MakeFunction` bits for them.
    fn defaults(&mut self, a: &ast::Arguments) -> CResult<u32> {
        let mut bits = 0;
        if !a.defaults.is_empty() {
            for d in &a.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(a.defaults.len() as u32));
            bits |= 1;
        }
        let kw: Vec<(&ast::Arg, &Expr)> =
            a.kwonlyargs.iter().zip(&a.kw_defaults).filter_map(|(arg, d)| d.as_ref().map(|d| (arg, d))).collect();
        if !kw.is_empty() {
            for (arg, d) in &kw {
                let name = self.vm.intern(&self.mangled(&arg.arg));
                let k = self.add_const(name);
                self.emit(Instr::LoadConst(k));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            bits |= 2;
        }
        Ok(bits)
    }

    /// Pushes the closure (if the code has free variables), the code and
    /// its qualified name, then `MakeFunction`.
    fn make_function(&mut self, code: Rc<Code>, qualname: &str, mut bits: u32) -> CResult<()> {
        if !code.freevars.is_empty() {
            for name in &code.freevars {
                let u = self.units.last().expect("a unit");
                let i = u
                    .code
                    .cellvars
                    .iter()
                    .position(|v| v == name)
                    .or_else(|| u.code.freevars.iter().position(|v| v == name).map(|i| i + u.code.cellvars.len()));
                match i {
                    Some(i) => {
                        self.emit(Instr::LoadClosure(i as u32));
                    }
                    None => return not_implemented("this closure", code.firstlineno),
                }
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            bits |= 8;
        }
        let code_obj = Obj::new(CodeValue(code), &self.vm.types.code);
        let c = self.add_const(code_obj);
        self.emit(Instr::LoadConst(c));
        let q = self.vm.new_str(qualname);
        let q = self.add_const(q);
        self.emit(Instr::LoadConst(q));
        self.emit(Instr::MakeFunction(bits));
        Ok(())
    }

    fn class_def(
        &mut self,
        s: &Stmt,
        name: &str,
        bases: &[Expr],
        keywords: &[ast::Keyword],
        body: &[Stmt],
        decorators: &[Expr],
    ) -> CResult<()> {
        if bases.iter().any(|b| matches!(b.kind, ExprKind::Starred { .. })) {
            return not_implemented("* in class bases", self.line_of(s.range.start));
        }
        for d in decorators {
            self.expr(d)?;
        }
        let scope = self.table.scope_of_stmt(s).expect("the symbol table has every class");
        let line = self.line_of(s.range.start);
        let class_cell = self.table.scope(scope).needs_class_closure;
        self.emit(Instr::LoadBuildClass);
        let qualname = self.qualname(name);
        let private = name.trim_start_matches('_').to_string();
        self.enter(scope, name, &qualname, line, Some(private));
        let module_name = self.name_index("__name__");
        self.emit(Instr::LoadGlobal(module_name));
        let store = self.name_index("__module__");
        self.emit(Instr::StoreName(store));
        let q = self.vm.new_str(&qualname);
        let q = self.add_const(q);
        self.emit(Instr::LoadConst(q));
        let store = self.name_index("__qualname__");
        self.emit(Instr::StoreName(store));
        let body = self.store_docstring(body)?;
        self.setup_annotations(body);
        self.body(body)?;
        if class_cell {
            // CPython's scheme: the body hands its `__class__` cell to
            // `type.__new__` as `__classcell__`, which fills it.
            self.emit(Instr::LoadClosure(0));
            let store = self.name_index("__classcell__");
            self.emit(Instr::StoreName(store));
        }
        let none = self.const_none();
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::Return);
        let code = self.leave();
        self.make_function(code, &qualname, 0)?;
        let n = self.vm.new_str(name);
        let n = self.add_const(n);
        self.emit(Instr::LoadConst(n));
        for b in bases {
            self.expr(b)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(2 + bases.len() as u32));
        } else {
            let mut names = Vec::new();
            for k in keywords {
                self.expr(&k.value)?;
                names.push(self.vm.intern(k.arg.as_deref().expect("checked by the caller")));
            }
            let t = self.vm.new_tuple(names);
            let c = self.add_const(t);
            self.emit(Instr::LoadConst(c));
            self.emit(Instr::CallKw((2 + bases.len() + keywords.len()) as u32));
        }
        self.apply_decorators(decorators)?;
        self.store_name(name);
        Ok(())
    }

    /// Stores the top of the stack into `target`, at the target's
    /// location.
    fn assign(&mut self, target: &Expr) -> CResult<()> {
        let p = self.span(target.range);
        self.at(p, |c| c.assign_here(target))
    }

    fn assign_here(&mut self, target: &Expr) -> CResult<()> {
        match &target.kind {
            ExprKind::Name { id, .. } => self.store_name(id),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name_index(&self.mangled(attr));
                let p = self.start_at_attr_name(self.units.last().expect("a unit").loc, target);
                self.unit().loc = p;
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                if elts.iter().any(|e| matches!(e.kind, ExprKind::Starred { .. })) {
                    return self.assign_starred(target, elts);
                }
                self.emit(Instr::UnpackSequence(elts.len() as u32));
                for e in elts {
                    self.assign(e)?;
                }
            }
            _ => return not_implemented("this assignment target", self.line_of(target.range.start)),
        }
        Ok(())
    }

    /// `del target`, at the target's location.
    fn delete(&mut self, target: &Expr) -> CResult<()> {
        let p = self.span(target.range);
        self.at(p, |c| c.delete_here(target))
    }

    fn delete_here(&mut self, target: &Expr) -> CResult<()> {
        match &target.kind {
            ExprKind::Name { id, .. } => self.name_op(id, ExprContext::Del),
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name_index(&self.mangled(attr));
                let p = self.start_at_attr_name(self.units.last().expect("a unit").loc, target);
                self.unit().loc = p;
                self.emit(Instr::DeleteAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.delete(e)?;
                }
            }
            _ => return not_implemented("this del target", self.line_of(target.range.start)),
        }
        Ok(())
    }

    /// `target op= value`. As in CPython, the target's load and store are
    /// located at the target, the operator at the whole statement.
    fn aug_assign(&mut self, target: &Expr, op: ast::Operator, value: &Expr) -> CResult<()> {
        let op = binop(op);
        let statement = self.unit().loc;
        let mut target_loc = self.span(target.range);
        if let ExprKind::Attribute { .. } = target.kind {
            target_loc = self.start_at_attr_name(target_loc, target);
        }
        match &target.kind {
            ExprKind::Name { id, .. } => {
                self.at(target_loc, |c| Ok(c.load_name(id)))?;
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.at(target_loc, |c| Ok(c.store_name(id)))?;
            }
            ExprKind::Attribute { value: obj, attr, .. } => {
                let i = self.name_index(&self.mangled(attr));
                self.at(target_loc, |c| {
                    c.expr(obj)?;
                    c.emit(Instr::Dup);
                    c.emit(Instr::LoadAttr(i));
                    Ok(())
                })?;
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                self.unit().loc = target_loc;
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, slice, .. } => {
                self.at(target_loc, |c| {
                    c.expr(obj)?;
                    c.expr(slice)?;
                    c.emit(Instr::Dup2);
                    c.emit(Instr::Subscr);
                    Ok(())
                })?;
                self.expr(value)?;
                self.emit(Instr::Inplace(op));
                // [obj, key, result] -> [result, obj, key]
                self.unit().loc = target_loc;
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => return not_implemented("this augmented assignment", self.line_of(target.range.start)),
        }
        self.unit().loc = statement;
        Ok(())
    }

    // ---------------------------------------------------------- expressions

    /// Compiles `e` at its own location (CPython's `compiler_visit_expr`).
    fn expr(&mut self, e: &Expr) -> CResult<()> {
        let p = self.span(e.range);
        self.at(p, |c| c.expr_here(e))
    }

    fn expr_here(&mut self, e: &Expr) -> CResult<()> {
        let line = self.line_of(e.range.start);
        if let Some(o) = self.folded(e) {
            self.load_folded(o);
            return Ok(());
        }
        match &e.kind {
            ExprKind::Constant { .. } => unreachable!("a constant always folds"),
            ExprKind::Name { id, .. } => self.load_name(id),
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::Binary(binop(*op)));
            }
            ExprKind::UnaryOp { op: ast::UnaryOp::Not, operand } if Self::negated_compare(operand).is_some() => {
                let (left, flipped, right) = Self::negated_compare(operand).expect("checked by the guard");
                self.compare(left, &[flipped], std::slice::from_ref(right))?;
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(match op {
                    ast::UnaryOp::Invert => UnOp::Invert,
                    ast::UnaryOp::Not => UnOp::Not,
                    ast::UnaryOp::UAdd => UnOp::Pos,
                    ast::UnaryOp::USub => UnOp::Neg,
                }));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            ast::BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            ast::BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                let end = self.here();
                for j in jumps {
                    self.patch(j, end);
                }
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators)?,
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords, line)?,
            ExprKind::Attribute { value, attr, .. } => {
                self.expr(value)?;
                let i = self.name_index(&self.mangled(attr));
                let p = self.start_at_attr_name(self.span(e.range), e);
                self.unit().loc = p;
                self.emit(Instr::LoadAttr(i));
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => {
                            let none = self.const_none();
                            self.emit(Instr::LoadConst(none));
                        }
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } | ExprKind::Set { elts } => {
                if elts.iter().any(|x| matches!(x.kind, ExprKind::Starred { .. })) && !matches!(e.kind, ExprKind::Set { .. }) {
                    return self.starred_display(elts, matches!(e.kind, ExprKind::Tuple { .. }));
                }
                for x in elts {
                    self.expr(x)?;
                }
                let n = elts.len() as u32;
                match &e.kind {
                    ExprKind::Tuple { .. } => self.emit(Instr::BuildTuple(n)),
                    ExprKind::List { .. } => self.emit(Instr::BuildList(n)),
                    _ => self.emit(Instr::BuildSet(n)),
                };
            }
            ExprKind::Dict { keys, values } if keys.iter().any(|k| k.is_none()) => self.dict_display_unpack(keys, values)?,
            ExprKind::Dict { keys, values } => {
                for (k, v) in keys.iter().zip(values) {
                    match k {
                        Some(k) => self.expr(k)?,
                        None => return not_implemented("** in a dict display", line),
                    }
                    self.expr(v)?;
                }
                self.emit(Instr::BuildMap(keys.len() as u32));
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let to_else = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let to_end = self.emit(Instr::Jump(0));
                let else_start = self.here();
                self.patch(to_else, else_start);
                self.unit().depth -= 1;
                self.expr(orelse)?;
                let end = self.here();
                self.patch(to_end, end);
            }
            ExprKind::Lambda { args, body } => {
                let scope = self.table.scope_of_expr(e).expect("the symbol table has every lambda");
                let bits = self.defaults(args)?;
                let qualname = self.qualname("<lambda>");
                self.enter(scope, "<lambda>", &qualname, line, self.units.last().and_then(|u| u.private.clone()));
                self.set_arg_counts(args);
                self.expr(body)?;
                self.emit(Instr::Return);
                let code = self.leave();
                self.make_function(code, &qualname, bits)?;
            }
            ExprKind::ListComp { elt, generators } => self.comprehension(e, Comp::List(elt), generators, line)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, Comp::Set(elt), generators, line)?,
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, Comp::Dict(key, value), generators, line)?
            }
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, Comp::Gen(elt), generators, line)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Dup);
                self.assign(target)?;
            }
            ExprKind::Starred { .. } => {
                return Err(CompileError::Syntax(SyntaxError::new(
                    "can't use starred expression here",
                    e.range.start as usize,
                    e.range.end as usize,
                )));
            }
            ExprKind::Await { .. } => return not_implemented("await", line),
            ExprKind::Yield { value } => self.yield_expr(value.as_deref())?,
            ExprKind::YieldFrom { value } => self.yield_from(value)?,
            ExprKind::JoinedStr { values } => self.joined_str(values)?,
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.formatted_value(value, *conversion, format_spec.as_deref())?
            }
        }
        Ok(())
    }

    /// An f-string: each part pushes a str, then `BuildString` joins them
    /// (a lone part needs no join; no part is `''`).
    fn joined_str(&mut self, values: &[Expr]) -> Result<(), CompileError> {
        if values.is_empty() {
            let o = self.vm.new_str("");
            let i = self.add_const(o);
            self.emit(Instr::LoadConst(i));
            return Ok(());
        }
        for v in values {
            // CPython 3.11 locates a field's formatting at the whole
            // f-string (the expressions inside keep their own spans).
            match v.kind {
                ExprKind::FormattedValue { .. } => self.expr_here(v)?,
                _ => self.expr(v)?,
            }
        }
        if values.len() > 1 {
            self.emit(Instr::BuildString(values.len() as u32));
        }
        Ok(())
    }

    /// One `{value!conversion:spec}` field of an f-string.
    fn formatted_value(&mut self, value: &Expr, conversion: i32, spec: Option<&Expr>) -> Result<(), CompileError> {
        use crate::bytecode::format_flags as ff;
        self.expr(value)?;
        let mut flags = match u8::try_from(conversion).map(char::from) {
            Ok('s') => ff::STR,
            Ok('r') => ff::REPR,
            Ok('a') => ff::ASCII,
            _ => 0,
        };
        if let Some(spec) = spec {
            self.expr(spec)?;
            flags |= ff::HAS_SPEC;
        }
        self.emit(Instr::FormatValue(flags));
        Ok(())
    }

    fn constant(&mut self, c: &Constant) -> Obj {
        match c {
            Constant::None => self.vm.none(),
            Constant::Bool(b) => self.vm.bool_obj(*b),
            Constant::Ellipsis => self.vm.singletons.ellipsis.clone(),
            Constant::Int(i) => match i64::try_from(*i) {
                Ok(i) => self.vm.new_int(i),
                Err(_) => self.vm.new_bigint(num_bigint::BigInt::from(*i)),
            },
            Constant::BigInt(b) => self.vm.new_bigint(num_bigint::BigInt::from((**b).clone())),
            Constant::Float(f) => self.vm.new_float(*f),
            Constant::Str(s) => match s.as_str() {
                // CPython interns identifier-like constants.
                Some(t) if fold::is_name_like(t) => self.vm.intern(t),
                _ => self.vm.new_str_wtf8(s.clone()),
            },
            Constant::Imaginary(im) => self.vm.new_complex(0.0, *im),
            Constant::Bytes(b) => self.vm.new_bytes(b.clone()),
        }
    }

    fn compare(&mut self, left: &Expr, ops: &[ast::CmpOp], comparators: &[Expr]) -> CResult<()> {
        self.warn_is_literal(left, ops, comparators)?;
        self.expr(left)?;
        let mut cleanups = Vec::new();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            let last = i + 1 == ops.len();
            if last && matches!(op, ast::CmpOp::In | ast::CmpOp::NotIn) {
                self.iterable(right)?;
            } else {
                self.expr(right)?;
            }
            if !last {
                // [a, b] -> [b, a, b]: keep b for the next comparison.
                self.emit(Instr::Dup);
                self.emit(Instr::Rot3);
            }
            self.emit(match op {
                ast::CmpOp::Eq => Instr::Compare(CmpOp::Eq),
                ast::CmpOp::NotEq => Instr::Compare(CmpOp::Ne),
                ast::CmpOp::Lt => Instr::Compare(CmpOp::Lt),
                ast::CmpOp::LtE => Instr::Compare(CmpOp::Le),
                ast::CmpOp::Gt => Instr::Compare(CmpOp::Gt),
                ast::CmpOp::GtE => Instr::Compare(CmpOp::Ge),
                ast::CmpOp::Is => Instr::Is(0),
                ast::CmpOp::IsNot => Instr::Is(1),
                ast::CmpOp::In => Instr::Contains(0),
                ast::CmpOp::NotIn => Instr::Contains(1),
            });
            if !last {
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            }
        }
        if !cleanups.is_empty() {
            let to_end = self.emit(Instr::Jump(0));
            // The failed comparison's path arrives with [b, False].
            self.unit().depth += 1;
            let cleanup = self.here();
            for j in cleanups {
                self.patch(j, cleanup);
            }
            // [b, false] -> [false]
            self.emit(Instr::Rot2);
            self.emit(Instr::Pop);
            let end = self.here();
            self.patch(to_end, end);
        }
        Ok(())
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[ast::Keyword], line: u32) -> CResult<()> {
        if args.iter().any(|a| matches!(a.kind, ExprKind::Starred { .. })) || keywords.iter().any(|k| k.arg.is_none()) {
            return self.call_ex(func, args, keywords);
        }
        let _ = line;
        if let (ExprKind::Attribute { value, attr, .. }, true) = (&func.kind, keywords.is_empty()) {
            // `obj.name(args)`: no bound method object (CPython's
            // LOAD_METHOD / CALL pair).
            // The lookup is located at the attribute, the call at the
            // whole call (both from the name on, over several lines).
            self.expr(value)?;
            let i = self.name_index(&self.mangled(attr));
            let call_loc = self.unit().loc;
            let attr_loc = self.start_at_attr_name(self.span(func.range), func);
            self.at(attr_loc, |c| Ok(c.emit(Instr::LoadMethod(i))))?;
            for a in args {
                self.expr(a)?;
            }
            let p = self.start_at_attr_name(call_loc, func);
            self.at(p, |c| Ok(c.emit(Instr::CallMethod(args.len() as u32))))?;
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.emit(Instr::Call(args.len() as u32));
            return Ok(());
        }
        let mut names = Vec::new();
        for k in keywords {
            self.expr(&k.value)?;
            names.push(self.vm.intern(k.arg.as_deref().expect("checked above")));
        }
        let n = names.len();
        let t = self.vm.new_tuple(names);
        let c = self.add_const(t);
        self.emit(Instr::LoadConst(c));
        self.emit(Instr::CallKw((args.len() + n) as u32));
        Ok(())
    }

    /// A comprehension in its own function scope, called at once with the
    /// outermost iterator (evaluated here, in the enclosing scope) as its
    /// argument `.0`. A generator expression's function is a generator,
    /// so the call returns the generator.
    fn comprehension(&mut self, e: &Expr, kind: Comp<'_>, generators: &[ast::Comprehension], line: u32) -> CResult<()> {
        if generators.iter().any(|g| g.is_async) {
            return not_implemented("async comprehensions", line);
        }
        let scope = self.table.scope_of_expr(e).expect("the symbol table has every comprehension");
        let name = match kind {
            Comp::List(_) => "<listcomp>",
            Comp::Set(_) => "<setcomp>",
            Comp::Dict(..) => "<dictcomp>",
            Comp::Gen(_) => "<genexpr>",
        };
        let qualname = self.qualname(name);
        self.iterable(&generators[0].iter)?;
        self.emit(Instr::GetIter);
        self.enter(scope, name, &qualname, line, self.units.last().and_then(|u| u.private.clone()));
        self.unit().code.argcount = 1;
        match kind {
            Comp::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
            Comp::Gen(_) => {}
        }
        self.comprehension_loops(generators, 0, kind)?;
        if let Comp::Gen(_) = kind {
            let none = self.const_none();
            self.emit(Instr::LoadConst(none));
        }
        self.emit(Instr::Return);
        let code = self.leave();
        self.make_function(code, &qualname, 0)?;
        self.emit(Instr::Rot2);
        self.emit(Instr::Call(1));
        Ok(())
    }

    fn comprehension_loops(&mut self, generators: &[ast::Comprehension], level: usize, kind: Comp<'_>) -> CResult<()> {
        let g = &generators[level];
        if level == 0 {
            // The iterator is the comprehension function's argument `.0`.
            self.emit(Instr::LoadFast(0));
        } else {
            self.iterable(&g.iter)?;
            self.emit(Instr::GetIter);
        }
        let start = self.here();
        let for_iter = self.emit(Instr::ForIter(0));
        self.assign(&g.target)?;
        let mut skips = Vec::new();
        for cond in &g.ifs {
            self.expr(cond)?;
            skips.push(self.emit(Instr::PopJumpIfFalse(0)));
        }
        if level + 1 < generators.len() {
            self.comprehension_loops(generators, level + 1, kind)?;
        } else {
            // The result (list or dict) is below the level + 1 iterators.
            let depth = level as u32 + 2;
            match kind {
                Comp::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                Comp::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                Comp::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                Comp::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue(0));
                    self.emit(Instr::Pop);
                }
            }
        }
        for s in skips {
            self.patch(s, start);
        }
        self.emit(Instr::Jump(start));
        let end = self.here();
        self.patch(for_iter, end);
        self.unit().depth = self.unit().depth.saturating_sub(1);
        Ok(())
    }

    /// `yield x`: the value sent in on resume is the expression's value.
    fn yield_expr(&mut self, value: Option<&Expr>) -> CResult<()> {
        match value {
            Some(v) => self.expr(v)?,
            None => {
                let none = self.const_none();
                self.emit(Instr::LoadConst(none));
            }
        }
        self.emit(Instr::YieldValue(0));
        Ok(())
    }

    /// `yield from x`: send values into iter(x) and yield what it yields
    /// until it returns; its return value is the expression's value.
    fn yield_from(&mut self, value: &Expr) -> CResult<()> {
        self.expr(value)?;
        self.emit(Instr::GetYieldFromIter);
        let none = self.const_none();
        self.emit(Instr::LoadConst(none));
        let send = self.emit(Instr::Send(0));
        self.emit(Instr::YieldValue(1));
        self.emit(Instr::Jump(send as u32));
        let end = self.here();
        self.patch(send, end);
        // `Send` leaves [result] where [iter, value] were.
        self.unit().depth -= 1;
        Ok(())
    }
}

/// What a comprehension builds, with the expressions it evaluates per item.
#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}


/// The comparison whose location a conditional jump on `test` leaves
/// set in CPython 3.11 (`compiler_jump_if`): `test` itself, or through
/// `not` and the last operand of `and`/`or`.
fn tested_comparison(test: &Expr) -> Option<&Expr> {
    match &test.kind {
        ExprKind::Compare { .. } => Some(test),
        ExprKind::UnaryOp { op: ast::UnaryOp::Not, operand } => tested_comparison(operand),
        ExprKind::BoolOp { values, .. } => values.last().and_then(tested_comparison),
        _ => None,
    }
}

fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

/// How an instruction changes the stack depth (for exception-table
/// depths and `stacksize`).
fn stack_effect(i: &Instr) -> i32 {
    use Instr::*;
    match *i {
        Nop | Rot2 | Rot3 | Jump(_) | Unary(_) | LoadAttr(_) | GetIter | PushExcInfo | PopExcept | PastEnd => 0,
        Pop | PrintExpr | ImportStar | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_) => -1,
        DeleteFast(_) | DeleteGlobal(_) | DeleteName(_) => 0,
        Dup | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadGlobal(_) | LoadName(_) => 1,
        LoadBuildClass | ImportName(_) | ImportFrom(_) | ForIter(_) => 1,
        StoreAttr(_) => -2,
        DeleteAttr(_) => -1,
        Binary(_) | Inplace(_) | Compare(_) | Is(_) | Contains(_) | Subscr => -1,
        StoreSubscr => -3,
        DeleteSubscr => -2,
        BuildTuple(n) | BuildList(n) | BuildSet(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        BuildSlice(n) => 1 - n as i32,
        ListAppend(_) | SetAdd(_) => -1,
        UnpackSequence(n) => n as i32 - 1,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => -1,
        Call(n) => -(n as i32),
        LoadMethod(_) => 1,
        CallMethod(n) => -(n as i32) - 1,
        CallKw(n) => -(n as i32) - 1,
        MakeFunction(bits) => -1 - bits.count_ones() as i32,
        SetupAnnotations => 0,
        Return => -1,
        Raise(n) => [0, -1, -2, -1][n.min(3) as usize],
        Dup2 => 2,
        CheckExcMatch | CheckEgMatch(_) => 0,
        PrepReraiseStar(_) => -1,
        FormatValue(flags) => -((flags & crate::bytecode::format_flags::HAS_SPEC != 0) as i32),
        BuildString(n) => 1 - n as i32,
        YieldValue(_) | GetYieldFromIter | Send(_) => 0,
        MapAdd(_) => -2,
        ListExtend(_) | DictUpdate(_) | DictMerge(_) => -1,
        ListToTuple | CopyDictWithoutKeys => 0,
        BeforeWith => 1,
        CallEx(n) => -1 - n as i32,
        UnpackEx(n) => (n & 0xff) as i32 + (n >> 8) as i32,
        WithExceptStart | GetLen | MatchSequence | MatchMapping | MatchKeys => 1,
        MatchClass(_) => -2,
        LoadFastLoadFast(..) | LoadFastLoadConst(..) | LoadConstLoadFast(..) => 2,
        LoadFastLoadAttr(..) => 1,
        StoreFastLoadFast(..) | ForIterStoreFast(..) => 0,
        UnpackStoreFast(_) => -1,
        ReturnFast(_) | ReturnConst(_) => 0,
        LoadConstOperand(_) => 1,
    }
}
