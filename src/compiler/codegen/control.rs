//! Control-flow and unpacking constructs: `with`, `*`/`**` at call sites
//! and in displays, starred assignment targets, and `match`.
//!
//! `match` is compiled as CPython 3.11 compiles it: the subject stays on
//! the stack while the cases are tried; each case matches a copy. A
//! pattern consumes the value on top of the stack; on failure it jumps
//! to a label that pops whatever the pattern left on the stack (counted
//! from the compiler's stack depth) and goes on with the next case or
//! alternative.

use super::{CResult, CompileError, Compiler, not_implemented};
use crate::ast::{self, Expr, ExprKind, Pattern, PatternKind, Stmt};
use crate::bytecode::{CmpOp, Handler, Instr, Position};
use crate::error::SyntaxError;

/// What a `return`, `break` or `continue` must run on its way out.
#[derive(Clone)]
pub(super) enum Cleanup {
    /// A `finally` body.
    Finally(Vec<Stmt>),
    /// A `with` block (at its statement's location): call `__exit__(None, None, None)`
    /// (on the stack).
    With(Position),
}

/// The failure jumps of one pattern context: each jump with the number
/// of stack items (above `base`) still to pop at its target.
struct FailJumps {
    base: u32,
    jumps: Vec<(usize, u32)>,
}

impl Compiler<'_> {
    pub(super) fn run_cleanup(&mut self, c: &Cleanup, returning: bool) -> CResult<()> {
        match c {
            Cleanup::Finally(body) => self.body(body),
            Cleanup::With(loc) => {
                let saved = std::mem::replace(&mut self.unit().loc, *loc);
                if returning {
                    // [exit, value] -> [value, exit]
                    self.emit(Instr::Rot2);
                }
                self.call_exit_with_nones();
                self.unit().loc = saved;
                Ok(())
            }
        }
    }

    /// `[exit] -> []`: `exit(None, None, None)`, result dropped.
    fn call_exit_with_nones(&mut self) {
        let none = self.const_none();
        self.emit(Instr::LoadConst(none));
        self.emit(Instr::Dup);
        self.emit(Instr::Dup);
        self.emit(Instr::Call(3));
        self.emit(Instr::Pop);
    }

    /// The end of `except E as name:`: `name = None; del name`.
    pub(super) fn clear_handler_name(&mut self, name: &str) {
        let none = self.const_none();
        self.emit(Instr::LoadConst(none));
        self.store_name(name);
        self.name_op(name, ast::ExprContext::Del);
    }

    /// The `finally` body run for an exception `[exc]`: the exception is
    /// the one being handled meanwhile (the context of any new one), then
    /// it is raised again.
    pub(super) fn finally_on_exception(&mut self, body: &[Stmt], depth: u32) -> CResult<()> {
        self.emit(Instr::PushExcInfo);
        let start = self.here();
        self.body(body)?;
        let end = self.here();
        self.emit(Instr::PopExcept);
        self.emit(Instr::Raise(3));
        let cleanup = self.here();
        self.unit().code.handlers.push(Handler { start, end, handler: cleanup, depth });
        self.unit().depth = depth + 1;
        self.emit(Instr::PopExcept);
        self.emit(Instr::Raise(3));
        Ok(())
    }

    // ----------------------------------------------------------------- with

    pub(super) fn with_stmt(&mut self, items: &[ast::WithItem], body: &[Stmt]) -> CResult<()> {
        let item = &items[0];
        let with_loc = self.unit().loc;
        self.expr(&item.context_expr)?;
        self.emit(Instr::BeforeWith);
        // [exit, entered]
        let exit_depth = self.unit().depth - 1;
        let body_start = self.here();
        match &item.optional_vars {
            Some(t) => self.assign(t)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        self.unit().finally_bodies.push(Cleanup::With(with_loc));
        if items.len() > 1 {
            self.with_stmt(&items[1..], body)?;
        } else {
            self.body(body)?;
        }
        self.unit().finally_bodies.pop();
        let body_end = self.here();
        self.unit().loc = with_loc;
        self.call_exit_with_nones();
        let to_end = self.emit(Instr::Jump(0));

        // An exception in the block: [exit, exc].
        let handler = self.here();
        self.unit().code.handlers.push(Handler { start: body_start, end: body_end, handler, depth: exit_depth });
        self.unit().depth = exit_depth + 1;
        self.emit(Instr::PushExcInfo);
        let cleanup_start = self.here();
        self.emit(Instr::WithExceptStart);
        let suppress = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Raise(3));
        let cleanup_end = self.here();
        // Suppressed: [exit, exc] -> []
        self.unit().depth = exit_depth + 1;
        self.patch(suppress, cleanup_end);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        let to_end2 = self.emit(Instr::Jump(0));
        // `__exit__` raised, or the exception goes on: forget the handled one.
        let reraise = self.here();
        self.unit().code.handlers.push(Handler {
            start: cleanup_start,
            end: cleanup_end,
            handler: reraise,
            depth: exit_depth - 1,
        });
        self.unit().depth = exit_depth;
        self.emit(Instr::PopExcept);
        self.emit(Instr::Raise(3));
        let end = self.here();
        self.patch(to_end, end);
        self.patch(to_end2, end);
        self.unit().depth = exit_depth - 1;
        Ok(())
    }

    // -------------------------------------------------------- star unpacking

    /// Pushes a list of `elts`, where some are `*iterable`.
    fn star_list(&mut self, elts: &[Expr]) -> CResult<()> {
        let mut n = 0;
        let mut built = false;
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => {
                    if !built {
                        self.emit(Instr::BuildList(n));
                        built = true;
                    }
                    self.expr(value)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.expr(e)?;
                    if built {
                        self.emit(Instr::ListAppend(1));
                    } else {
                        n += 1;
                    }
                }
            }
        }
        if !built {
            self.emit(Instr::BuildList(n));
        }
        Ok(())
    }

    /// `[a, *b]` or `(a, *b)`.
    pub(super) fn starred_display(&mut self, elts: &[Expr], tuple: bool) -> CResult<()> {
        self.star_list(elts)?;
        if tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// `{a: 1, **m}`.
    pub(super) fn dict_display_unpack(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> CResult<()> {
        let mut have_dict = false;
        let mut n = 0;
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    n += 1;
                }
                None => {
                    if n > 0 || !have_dict {
                        self.emit(Instr::BuildMap(n));
                        if have_dict {
                            self.emit(Instr::DictUpdate(1));
                        }
                        have_dict = true;
                        n = 0;
                    }
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        if n > 0 {
            self.emit(Instr::BuildMap(n));
            self.emit(Instr::DictUpdate(1));
        }
        Ok(())
    }

    /// A call with `*args` or `**kwargs`: `CallEx` with a tuple and a dict.
    pub(super) fn call_ex(&mut self, func: &Expr, args: &[Expr], keywords: &[ast::Keyword]) -> CResult<()> {
        self.expr(func)?;
        match args {
            [Expr { kind: ExprKind::Starred { value, .. }, .. }] => self.expr(value)?,
            _ => {
                self.star_list(args)?;
                self.emit(Instr::ListToTuple);
            }
        }
        if keywords.is_empty() {
            self.emit(Instr::CallEx(0));
            return Ok(());
        }
        let mut have_dict = false;
        let mut pending: Vec<&ast::Keyword> = Vec::new();
        for k in keywords {
            match &k.arg {
                Some(_) => pending.push(k),
                None => {
                    if !pending.is_empty() {
                        self.keyword_map(&pending)?;
                        pending.clear();
                        if have_dict {
                            self.emit(Instr::DictMerge(1));
                        }
                        have_dict = true;
                    }
                    if !have_dict {
                        self.emit(Instr::BuildMap(0));
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        if !pending.is_empty() {
            self.keyword_map(&pending)?;
            if have_dict {
                self.emit(Instr::DictMerge(1));
            }
        }
        self.emit(Instr::CallEx(1));
        Ok(())
    }

    fn keyword_map(&mut self, kws: &[&ast::Keyword]) -> CResult<()> {
        for k in kws {
            let name = self.vm.intern(k.arg.as_deref().unwrap_or_default());
            let c = self.add_const(name);
            self.emit(Instr::LoadConst(c));
            self.expr(&k.value)?;
        }
        self.emit(Instr::BuildMap(kws.len() as u32));
        Ok(())
    }

    /// `a, *b, c = ...`
    pub(super) fn assign_starred(&mut self, target: &Expr, elts: &[Expr]) -> CResult<()> {
        let stars: Vec<usize> =
            elts.iter().enumerate().filter(|(_, e)| matches!(e.kind, ExprKind::Starred { .. })).map(|(i, _)| i).collect();
        if stars.len() > 1 {
            let (s, e) = (target.range.start as usize, target.range.end as usize);
            return Err(CompileError::Syntax(SyntaxError::new("multiple starred expressions in assignment", s, e)));
        }
        let before = stars[0];
        let after = elts.len() - before - 1;
        if before > 255 {
            return not_implemented("more than 255 targets before a starred one", self.line_of(target.range.start));
        }
        self.emit(Instr::UnpackEx(before as u32 | (after as u32) << 8));
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.assign(value)?,
                _ => self.assign(e)?,
            }
        }
        Ok(())
    }

    // ---------------------------------------------------------------- match

    pub(super) fn match_stmt(&mut self, subject: &Expr, cases: &[ast::MatchCase]) -> CResult<()> {
        self.expr(subject)?;
        let base = self.unit().depth;
        let mut to_end = Vec::new();
        for case in cases {
            self.set_loc(case.pattern.range);
            self.emit(Instr::Dup);
            let mut fails = FailJumps { base, jumps: Vec::new() };
            self.pattern(&case.pattern, &mut fails)?;
            if let Some(g) = &case.guard {
                self.expr(g)?;
                self.fail_if(Instr::PopJumpIfFalse(0), &mut fails);
            }
            // Matched: drop the subject, run the body.
            self.emit(Instr::Pop);
            self.body(&case.body)?;
            to_end.push(self.emit(Instr::Jump(0)));
            self.close_fails(fails);
        }
        self.emit(Instr::Pop);
        let end = self.here();
        for j in to_end {
            self.patch(j, end);
        }
        self.unit().depth = base - 1;
        Ok(())
    }

    /// Emits a conditional jump to the failure path of `fails`.
    fn fail_if(&mut self, jump: Instr, fails: &mut FailJumps) {
        let at = self.emit(jump);
        let pops = self.unit().depth - fails.base;
        fails.jumps.push((at, pops));
    }

    /// The failure path: pops what each jump left, down to `fails.base`.
    fn close_fails(&mut self, fails: FailJumps) {
        let max = fails.jumps.iter().map(|j| j.1).max().unwrap_or(0);
        for n in (1..=max).rev() {
            let here = self.here();
            for &(at, pops) in &fails.jumps {
                if pops == n {
                    self.patch(at, here);
                }
            }
            self.emit(Instr::Pop);
        }
        let here = self.here();
        for &(at, pops) in &fails.jumps {
            if pops == 0 {
                self.patch(at, here);
            }
        }
        self.unit().depth = fails.base;
    }

    fn pattern(&mut self, p: &Pattern, fails: &mut FailJumps) -> CResult<()> {
        match &p.kind {
            PatternKind::MatchValue { value } => {
                self.expr(value)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.fail_if(Instr::PopJumpIfFalse(0), fails);
            }
            PatternKind::MatchSingleton { value } => {
                let o = self.constant(value);
                let c = self.add_const(o);
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::Is(0));
                self.fail_if(Instr::PopJumpIfFalse(0), fails);
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(inner) = pattern {
                    if name.is_some() {
                        self.emit(Instr::Dup);
                    }
                    self.pattern(inner, fails)?;
                }
                match name {
                    Some(n) => self.store_name(n),
                    None if pattern.is_none() => {
                        self.emit(Instr::Pop);
                    }
                    None => {}
                }
            }
            PatternKind::MatchStar { name } => match name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            },
            PatternKind::MatchOr { patterns } => {
                let mut to_end = Vec::new();
                let (last, alternatives) = patterns.split_last().expect("an or-pattern has alternatives");
                for alt in alternatives {
                    let base = self.unit().depth;
                    self.emit(Instr::Dup);
                    let mut inner = FailJumps { base, jumps: Vec::new() };
                    self.pattern(alt, &mut inner)?;
                    self.emit(Instr::Pop);
                    to_end.push(self.emit(Instr::Jump(0)));
                    self.close_fails(inner);
                }
                self.pattern(last, fails)?;
                let end = self.here();
                for j in to_end {
                    self.patch(j, end);
                }
            }
            PatternKind::MatchSequence { patterns } => self.sequence_pattern(p, patterns, fails)?,
            PatternKind::MatchMapping { keys, patterns, rest } => self.mapping_pattern(keys, patterns, rest.as_deref(), fails)?,
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.expr(cls)?;
                let names: Vec<_> = kwd_attrs.iter().map(|a| self.vm.intern(a)).collect();
                let t = self.vm.new_tuple(names);
                let c = self.add_const(t);
                self.emit(Instr::LoadConst(c));
                self.emit(Instr::MatchClass(patterns.len() as u32));
                self.emit(Instr::Dup);
                let none = self.const_none();
                self.emit(Instr::LoadConst(none));
                self.emit(Instr::Is(1));
                self.fail_if(Instr::PopJumpIfFalse(0), fails);
                let n = patterns.len() + kwd_patterns.len();
                self.emit(Instr::UnpackSequence(n as u32));
                for sub in patterns.iter().chain(kwd_patterns) {
                    self.pattern(sub, fails)?;
                }
            }
        }
        Ok(())
    }

    fn sequence_pattern(&mut self, p: &Pattern, patterns: &[Pattern], fails: &mut FailJumps) -> CResult<()> {
        let stars: Vec<usize> = patterns
            .iter()
            .enumerate()
            .filter(|(_, s)| matches!(s.kind, PatternKind::MatchStar { .. }))
            .map(|(i, _)| i)
            .collect();
        if stars.len() > 1 {
            let (s, e) = (p.range.start as usize, p.range.end as usize);
            return Err(CompileError::Syntax(SyntaxError::new("multiple starred names in sequence pattern", s, e)));
        }
        self.emit(Instr::MatchSequence);
        self.fail_if(Instr::PopJumpIfFalse(0), fails);
        self.emit(Instr::GetLen);
        let n = patterns.len() - stars.len();
        let k = self.vm.new_int(n as i64);
        let k = self.add_const(k);
        self.emit(Instr::LoadConst(k));
        self.emit(Instr::Compare(if stars.is_empty() { CmpOp::Eq } else { CmpOp::Ge }));
        self.fail_if(Instr::PopJumpIfFalse(0), fails);
        match stars.first() {
            None => {
                self.emit(Instr::UnpackSequence(n as u32));
            }
            Some(&before) => {
                let after = patterns.len() - before - 1;
                self.emit(Instr::UnpackEx(before as u32 | (after as u32) << 8));
            }
        }
        for sub in patterns {
            self.pattern(sub, fails)?;
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        keys: &[Expr],
        patterns: &[Pattern],
        rest: Option<&str>,
        fails: &mut FailJumps,
    ) -> CResult<()> {
        self.emit(Instr::MatchMapping);
        self.fail_if(Instr::PopJumpIfFalse(0), fails);
        if keys.is_empty() && rest.is_none() {
            self.emit(Instr::Pop);
            return Ok(());
        }
        if !keys.is_empty() {
            self.emit(Instr::GetLen);
            let k = self.vm.new_int(keys.len() as i64);
            let k = self.add_const(k);
            self.emit(Instr::LoadConst(k));
            self.emit(Instr::Compare(CmpOp::Ge));
            self.fail_if(Instr::PopJumpIfFalse(0), fails);
        }
        for k in keys {
            self.expr(k)?;
        }
        self.emit(Instr::BuildTuple(keys.len() as u32));
        if !keys.is_empty() {
            self.emit(Instr::MatchKeys);
            self.emit(Instr::Dup);
            let none = self.const_none();
            self.emit(Instr::LoadConst(none));
            self.emit(Instr::Is(1));
            self.fail_if(Instr::PopJumpIfFalse(0), fails);
            self.emit(Instr::UnpackSequence(keys.len() as u32));
            for sub in patterns {
                self.pattern(sub, fails)?;
            }
        }
        match rest {
            Some(r) => {
                self.emit(Instr::CopyDictWithoutKeys);
                self.store_name(r);
                self.emit(Instr::Pop);
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }
}
