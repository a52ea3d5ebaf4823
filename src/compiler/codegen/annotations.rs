//! Annotations and docstrings, compiled as CPython 3.11 compiles them.
//!
//! - A function's annotations become a dict (parameter name → value,
//!   `return` last) pushed before its closure; `MakeFunction` bit 4.
//! - A module or class body holding an annotated assignment (outside
//!   nested defs) starts with `SetupAnnotations`; `x: T` on a simple name
//!   there stores `T` in `__annotations__`. In functions annotations are
//!   never evaluated. A complex target (`a.b: T`) evaluates its
//!   sub-expressions when there is no value, and `T` in module and class
//!   bodies, storing nothing.
//! - A docstring is the first statement when it is a string constant.
//! - `from __future__ import annotations` (annotations as strings) needs
//!   an unparser, which ouro does not have: it is `NotImplementedError`.

use super::{CResult, Compiler, not_implemented};
use crate::ast::{self, Constant, Expr, ExprKind, Stmt, StmtKind};
use crate::bytecode::Instr;
use crate::heap::Obj;

impl Compiler<'_> {
    /// The docstring of a def or class body, as a str object.
    pub(super) fn docstring(&mut self, body: &[Stmt]) -> Option<Obj> {
        let StmtKind::Expr { value } = &body.first()?.kind else { return None };
        match &value.kind {
            ExprKind::Constant { value: Constant::Str(s), .. } => Some(self.vm.new_str_wtf8(s.clone())),
            _ => None,
        }
    }

    /// Pushes the annotations dict of a def; returns its `MakeFunction`
    /// bit (0 when nothing is annotated).
    pub(super) fn function_annotations(&mut self, a: &ast::Arguments, returns: Option<&Expr>, line: u32) -> CResult<u32> {
        let mut annotated: Vec<(&str, &Expr)> = Vec::new();
        let params = a.posonlyargs.iter().chain(&a.args).chain(a.vararg.as_deref()).chain(&a.kwonlyargs).chain(a.kwarg.as_deref());
        for p in params {
            if let Some(ann) = &p.annotation {
                annotated.push((&p.arg, ann));
            }
        }
        if let Some(r) = returns {
            annotated.push(("return", r));
        }
        if annotated.is_empty() {
            return Ok(0);
        }
        if self.table.future_annotations {
            return not_implemented("annotations under 'from __future__ import annotations'", line);
        }
        for (name, ann) in &annotated {
            let key = self.vm.intern(&self.mangled(name));
            let k = self.add_const(key);
            self.emit(Instr::LoadConst(k));
            self.expr(ann)?;
        }
        self.emit(Instr::BuildMap(annotated.len() as u32));
        Ok(4)
    }

    /// `SetupAnnotations` at the start of a module or class body that
    /// needs it.
    pub(super) fn setup_annotations(&mut self, body: &[Stmt]) {
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
    }

    /// `target: annotation [= value]`.
    pub(super) fn ann_assign(&mut self, target: &Expr, annotation: &Expr, value: Option<&Expr>, simple: bool, line: u32) -> CResult<()> {
        if let Some(v) = value {
            self.expr(v)?;
            self.assign(target)?;
        }
        let in_namespace = !self.scope().kind.is_function();
        if in_namespace && self.table.future_annotations {
            return not_implemented("annotations under 'from __future__ import annotations'", line);
        }
        match &target.kind {
            ExprKind::Name { id, .. } if simple && in_namespace => {
                self.expr(annotation)?;
                let ann = self.name_index("__annotations__");
                self.emit(Instr::LoadName(ann));
                let key = self.vm.intern(&self.mangled(id));
                let k = self.add_const(key);
                self.emit(Instr::LoadConst(k));
                self.emit(Instr::StoreSubscr);
                return Ok(());
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Instr::Pop);
            }
            ExprKind::Subscript { value: obj, slice, .. } if value.is_none() => {
                self.expr(obj)?;
                self.emit(Instr::Pop);
                self.expr(slice)?;
                self.emit(Instr::Pop);
            }
            _ => {}
        }
        if !simple && in_namespace {
            self.expr(annotation)?;
            self.emit(Instr::Pop);
        }
        Ok(())
    }
}

/// Whether a body holds an annotated assignment (CPython's `find_ann`:
/// compound statements are searched, nested defs and classes are not).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For(f) | StmtKind::AsyncFor(f) => has_annotations(&f.body) || has_annotations(&f.orelse),
        StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With(w) | StmtKind::AsyncWith(w) => has_annotations(&w.body),
        StmtKind::Try(t) | StmtKind::TryStar(t) => {
            has_annotations(&t.body)
                || t.handlers.iter().any(|h| has_annotations(&h.body))
                || has_annotations(&t.orelse)
                || has_annotations(&t.finalbody)
        }
        _ => false,
    })
}
