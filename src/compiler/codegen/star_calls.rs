//! Calls with `*iterable` or `**mapping` arguments: compiled to `CallEx`,
//! whose operands are the argument parts in order (runs of plain
//! positional arguments packed in tuples, runs of named keywords in dicts).

use super::{CResult, Compiler};
use crate::ast::{self, Expr, ExprKind};
use crate::bytecode::Instr;

impl Compiler<'_> {
    pub(super) fn star_call(&mut self, func: &Expr, args: &[Expr], keywords: &[ast::Keyword], _line: u32) -> CResult<()> {
        self.expr(func)?;
        let mut npos = 0u32;
        let mut run = 0u32;
        for a in args {
            match &a.kind {
                ExprKind::Starred { value, .. } => {
                    if run > 0 {
                        self.emit(Instr::BuildTuple(run));
                        npos += 1;
                        run = 0;
                    }
                    self.expr(value)?;
                    npos += 1;
                }
                _ => {
                    self.expr(a)?;
                    run += 1;
                }
            }
        }
        if run > 0 {
            self.emit(Instr::BuildTuple(run));
            npos += 1;
        }
        let mut nkw = 0u32;
        let mut run = 0u32;
        for k in keywords {
            match &k.arg {
                Some(name) => {
                    let key = self.vm.intern(name);
                    let c = self.add_const(key);
                    self.emit(Instr::LoadConst(c));
                    self.expr(&k.value)?;
                    run += 1;
                }
                None => {
                    if run > 0 {
                        self.emit(Instr::BuildMap(run));
                        nkw += 1;
                        run = 0;
                    }
                    self.expr(&k.value)?;
                    nkw += 1;
                }
            }
        }
        if run > 0 {
            self.emit(Instr::BuildMap(run));
            nkw += 1;
        }
        self.emit(Instr::CallEx(npos | (nkw << 16)));
        Ok(())
    }
}
