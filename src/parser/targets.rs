//! The cover grammar's second half: expressions parsed in target position
//! (`x, y[0] = ...`, `for a.b in`, `del x`, `with ... as t`) are checked
//! and given their `Store`/`Del` context here, with CPython's messages for
//! what cannot be a target.

use super::PResult;
use super::build::fail;
use crate::ast::{Constant, Expr, ExprContext, ExprKind, UnaryOp};

/// The words CPython uses for an expression in error messages
/// (`_PyPegen_get_expr_name`).
pub fn expr_name(e: &Expr) -> &'static str {
    use ExprKind::*;
    match &e.kind {
        Attribute { .. } => "attribute",
        Subscript { .. } => "subscript",
        Starred { .. } => "starred",
        Name { .. } => "name",
        List { .. } => "list",
        Tuple { .. } => "tuple",
        Lambda { .. } => "lambda",
        Call { .. } => "function call",
        BoolOp { .. } | BinOp { .. } | UnaryOp { .. } => "expression",
        GeneratorExp { .. } => "generator expression",
        Yield { .. } | YieldFrom { .. } => "yield expression",
        Await { .. } => "await expression",
        ListComp { .. } => "list comprehension",
        SetComp { .. } => "set comprehension",
        DictComp { .. } => "dict comprehension",
        Dict { .. } => "dict literal",
        Set { .. } => "set display",
        JoinedStr { .. } | FormattedValue { .. } => "f-string expression",
        Constant { value: crate::ast::Constant::None, .. } => "None",
        Constant { value: crate::ast::Constant::Bool(true), .. } => "True",
        Constant { value: crate::ast::Constant::Bool(false), .. } => "False",
        Constant { value: crate::ast::Constant::Ellipsis, .. } => "ellipsis",
        Constant { .. } => "literal",
        Compare { .. } => "comparison",
        IfExp { .. } => "conditional expression",
        NamedExpr { .. } => "named expression",
        Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target in `ctx`, if any.
pub fn find_invalid(e: &Expr, ctx: ExprContext) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => elts.iter().find_map(|x| find_invalid(x, ctx)),
        ExprKind::Starred { value, .. } if ctx == ExprContext::Store => find_invalid(value, ctx),
        _ => Some(e),
    }
}

#[cold]
fn invalid<T>(bad: &Expr, ctx: ExprContext, hint: bool) -> PResult<T> {
    let verb = if ctx == ExprContext::Del { "delete" } else { "assign to" };
    let suffix = if hint { " here. Maybe you meant '==' instead of '='?" } else { "" };
    fail(format!("cannot {verb} {}{suffix}", expr_name(bad)), bad.range.start as usize, bad.range.end as usize)
}

/// Gives `e` and its sub-targets the context `ctx`, or reports why `e`
/// cannot be a target.
pub fn set_context(e: Expr, ctx: ExprContext) -> PResult<Expr> {
    if let Some(bad) = find_invalid(&e, ctx) {
        return invalid(bad, ctx, false);
    }
    Ok(with_context(e, ctx))
}

/// Like `set_context` for the single target of `target = value`, where
/// CPython suggests `==` if the target reads like one side of a comparison.
pub fn set_assign_target(e: Expr, value: &Expr) -> PResult<Expr> {
    if let Some(bad) = find_invalid(&e, ExprContext::Store) {
        let top_level = std::ptr::eq(bad, &e) || matches!(&e.kind, ExprKind::Tuple { elts, .. }
            if elts.last().is_some_and(|last| std::ptr::eq(bad, last)) && e.range.start == elts[0].range.start);
        return invalid(bad, ExprContext::Store, top_level && reads_as_operand(bad) && reads_as_operand_start(value));
    }
    Ok(with_context(e, ExprContext::Store))
}

/// Could CPython's `bitwise_or` rule have matched this expression?
fn reads_as_operand(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Compare { .. } | ExprKind::BoolOp { .. } | ExprKind::IfExp { .. } | ExprKind::Lambda { .. } => false,
        ExprKind::NamedExpr { .. } | ExprKind::Starred { .. } | ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => false,
        ExprKind::UnaryOp { op: UnaryOp::Not, .. } => false,
        ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => false,
        ExprKind::Constant { value: Constant::None | Constant::Bool(_), .. } => false,
        _ => true,
    }
}

/// Does the value begin with something `bitwise_or` can read?
fn reads_as_operand_start(value: &Expr) -> bool {
    match &value.kind {
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } | ExprKind::Lambda { .. } | ExprKind::Starred { .. } => false,
        ExprKind::UnaryOp { op: UnaryOp::Not, .. } => false,
        ExprKind::Tuple { elts, .. } if elts.first().is_some_and(|f| f.range.start == value.range.start) => {
            reads_as_operand_start(&elts[0])
        }
        _ => true,
    }
}

fn with_context(mut e: Expr, new: ExprContext) -> Expr {
    match &mut e.kind {
        ExprKind::Name { ctx, .. } | ExprKind::Attribute { ctx, .. } | ExprKind::Subscript { ctx, .. } => *ctx = new,
        ExprKind::Starred { value, ctx } => {
            *ctx = new;
            let inner = std::mem::replace(&mut **value, placeholder());
            **value = with_context(inner, new);
        }
        ExprKind::Tuple { elts, ctx } | ExprKind::List { elts, ctx } => {
            *ctx = new;
            for x in elts.iter_mut() {
                let inner = std::mem::replace(x, placeholder());
                *x = with_context(inner, new);
            }
        }
        _ => {}
    }
    e
}

fn placeholder() -> Expr {
    Expr::new(Default::default(), ExprKind::Constant { value: Constant::None, kind: None })
}
