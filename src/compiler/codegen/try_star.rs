//! `except*` clauses (PEP 654), compiled as CPython 3.11 compiles them.
//!
//! Stack model while the clauses run, above the `try`'s depth:
//! `[orig, results, rest]`. `orig` is the exception that entered the
//! handler (also the one being handled); `results` collects what each
//! clause raised; `rest` is what no clause has matched yet. Each clause
//! splits `rest` with `CheckEgMatch`; its body runs with the match as the
//! exception being handled, and an exception escaping the body is
//! appended to `results`. At the end `rest` joins `results` and
//! `PrepReraiseStar` merges them into what the statement raises, if
//! anything. `return`, `break` and `continue` may not leave a clause
//! body (a SyntaxError, as in CPython).

use super::{CResult, CompileError, Compiler, not_implemented};
use crate::ast::{self, Stmt};
use crate::bytecode::{Handler, Instr};
use crate::error::SyntaxError;

impl Compiler<'_> {
    /// Emits the clauses after `PushExcInfo` (stack `[orig]` above
    /// `depth`). Leaves `[exc]` to raise on the fall-through path and
    /// returns the jump taken when nothing is raised (stack at `depth`,
    /// the handled exception still to be popped).
    pub(super) fn except_star_clauses(&mut self, handlers: &[ast::ExceptHandler], depth: u32) -> CResult<usize> {
        // [orig] -> [orig, results, rest]
        self.emit(Instr::Dup);
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Rot2);
        for h in handlers {
            self.set_loc(h.range);
            let Some(type_) = &h.type_ else {
                let line = self.line_of(h.range.start);
                return not_implemented("except* without a type", line);
            };
            self.expr(type_)?;
            let no_match = self.emit(Instr::CheckEgMatch(0));
            match &h.name {
                Some(n) => self.store_name(n),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            let body_depth = self.unit().depth;
            let body_start = self.here();
            let open_loops = self.unit().loops.len();
            let saved = self.unit().except_star_loops.replace(open_loops);
            let compiled = self.body(&h.body);
            self.unit().except_star_loops = saved;
            compiled?;
            let body_end = self.here();
            if let Some(n) = &h.name {
                self.clear_handler_name(n);
            }
            self.emit(Instr::PopExcept);
            let done = self.emit(Instr::Jump(0));
            // An exception escaping the body: [orig, results, rest, e].
            let raised = self.here();
            self.unit().code.handlers.push(Handler { start: body_start, end: body_end, handler: raised, depth: body_depth });
            self.unit().depth = body_depth + 1;
            if let Some(n) = &h.name {
                self.clear_handler_name(n);
            }
            self.emit(Instr::PopExcept);
            self.emit(Instr::ListAppend(2));
            let next = self.here();
            self.patch(done, next);
            self.patch(no_match, next);
            self.unit().depth = depth + 3;
        }
        // [orig, results, rest] -> [orig, results + [rest]] -> [exc]
        self.emit(Instr::ListAppend(1));
        Ok(self.emit(Instr::PrepReraiseStar(0)))
    }

    /// A `break` or `continue` here would leave an `except*` clause body.
    pub(super) fn loop_exit_leaves_except_star(&self) -> bool {
        self.units.last().is_some_and(|u| u.except_star_loops.is_some_and(|open| u.loops.len() <= open))
    }

    pub(super) fn exits_except_star(&self, s: &Stmt) -> CompileError {
        let (start, end) = (s.range.start as usize, s.range.end as usize);
        CompileError::Syntax(SyntaxError::new("'break', 'continue' and 'return' cannot appear in an except* block", start, end))
    }
}
