//! Node builders called by the grammar's one-line actions.
//!
//! Offsets are byte offsets into the source being parsed (already shifted
//! for f-string sub-expressions). Builders that can fail return `PResult`
//! so the grammar can use `=>?`; every builder that lets expressions nest
//! without brackets (operators, calls, attributes, lambda, conditional
//! expressions) checks `MAX_DEPTH`, which is what keeps recursive walks of
//! the tree within the Rust stack.

use super::PResult;
pub use super::args::{Arg, Param};
use super::targets::{set_assign_target, set_context};
use crate::ast::{self, Constant, Expr, ExprContext, ExprKind, Identifier, Operator, Pattern, PatternKind, Stmt, StmtKind, TextRange};
use crate::error::{SyntaxError, SyntaxErrorKind};
use lalrpop_util::ParseError;

pub use super::args::{call, class_def, func_def, keyword_argument, lambda};
pub use super::strings::strings;

#[cold]
pub(crate) fn fail<T>(msg: impl Into<String>, start: usize, end: usize) -> PResult<T> {
    Err(ParseError::User { error: SyntaxError::new(msg, start, end) })
}

fn range(l: usize, r: usize) -> TextRange {
    TextRange::new(l, r)
}

/// Refuses trees deeper than CPython would build.
pub(crate) fn checked(e: Expr) -> PResult<Expr> {
    if e.depth() > ast::MAX_DEPTH {
        return Err(ParseError::User { error: too_deep(e.range.start as usize) });
    }
    Ok(e)
}

#[cold]
pub(crate) fn too_deep(at: usize) -> SyntaxError {
    SyntaxError::new("maximum recursion depth exceeded during ast construction", at, at)
        .with_kind(SyntaxErrorKind::RecursionError)
}

// ------------------------------------------------------------------ lists

pub fn push<T>(mut v: Vec<T>, x: T) -> Vec<T> {
    v.push(x);
    v
}

pub fn extend<T>(mut v: Vec<T>, xs: Vec<T>) -> Vec<T> {
    v.extend(xs);
    v
}

pub fn prepend<T>(first: T, rest: Vec<T>) -> Vec<T> {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend(rest);
    v
}

// ---------------------------------------------------------------- leaves

pub fn identifier(name: &str) -> Identifier {
    if name.is_ascii() {
        name.into()
    } else {
        use unicode_normalization::UnicodeNormalization;
        name.nfkc().collect::<String>().into()
    }
}

pub fn dotted(prefix: Identifier, last: Identifier) -> Identifier {
    format!("{prefix}.{last}").into()
}

pub fn expr(l: usize, r: usize, kind: ExprKind) -> Expr {
    Expr::new(range(l, r), kind)
}

pub fn stmt(l: usize, r: usize, kind: StmtKind) -> Stmt {
    Stmt::new(range(l, r), kind)
}

pub fn pattern(l: usize, r: usize, kind: PatternKind) -> Pattern {
    Pattern::new(range(l, r), kind)
}

pub fn name(l: usize, r: usize, id: Identifier) -> Expr {
    expr(l, r, ExprKind::Name { id, ctx: ExprContext::Load })
}

pub fn constant(l: usize, r: usize, value: Constant) -> Expr {
    expr(l, r, ExprKind::Constant { value, kind: None })
}

pub fn tuple(l: usize, r: usize, elts: Vec<Expr>) -> Expr {
    expr(l, r, ExprKind::Tuple { elts, ctx: ExprContext::Load })
}

pub fn list(l: usize, r: usize, elts: Vec<Expr>) -> Expr {
    expr(l, r, ExprKind::List { elts, ctx: ExprContext::Load })
}

pub fn starred(l: usize, r: usize, value: Expr) -> Expr {
    expr(l, r, ExprKind::Starred { value: Box::new(value), ctx: ExprContext::Load })
}

pub fn dict(l: usize, r: usize, entries: Vec<(Option<Expr>, Expr)>) -> Expr {
    let (keys, values) = entries.into_iter().unzip();
    expr(l, r, ExprKind::Dict { keys, values })
}

/// `(*x)` is never valid.
pub fn parenthesized_star(e: Expr) -> PResult<Expr> {
    fail("cannot use starred expression here", e.range.start as usize, e.range.end as usize)
}

pub fn keyword(l: usize, r: usize, arg: Option<Identifier>, value: Expr) -> ast::Keyword {
    ast::Keyword { range: range(l, r), arg, value }
}

pub fn alias(l: usize, r: usize, name: Identifier, asname: Option<Identifier>) -> ast::Alias {
    ast::Alias { range: range(l, r), name, asname }
}

pub fn arg(l: usize, r: usize, name: Identifier, annotation: Option<Expr>) -> ast::Arg {
    ast::Arg { range: range(l, r), arg: name, annotation: annotation.map(Box::new), type_comment: None }
}

pub fn slice(l: usize, r: usize, lower: Option<Expr>, upper: Option<Expr>, step: Option<Expr>) -> Expr {
    expr(l, r, ExprKind::Slice { lower: lower.map(Box::new), upper: upper.map(Box::new), step: step.map(Box::new) })
}

// ------------------------------------------------------------ operators

pub fn binop(l: usize, r: usize, left: Expr, op: Operator, right: Expr) -> PResult<Expr> {
    checked(expr(l, r, ExprKind::BinOp { left: Box::new(left), op, right: Box::new(right) }))
}

pub fn unary(l: usize, r: usize, op: ast::UnaryOp, operand: Expr) -> PResult<Expr> {
    checked(expr(l, r, ExprKind::UnaryOp { op, operand: Box::new(operand) }))
}

pub fn bool_op(l: usize, r: usize, op: ast::BoolOp, first: Expr, rest: Vec<Expr>) -> Expr {
    expr(l, r, ExprKind::BoolOp { op, values: prepend(first, rest) })
}

pub fn compare(l: usize, r: usize, left: Expr, rest: Vec<(ast::CmpOp, Expr)>) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(l, r, ExprKind::Compare { left: Box::new(left), ops, comparators })
}

pub fn if_exp(l: usize, r: usize, test: Expr, body: Expr, orelse: Expr) -> PResult<Expr> {
    checked(expr(l, r, ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) }))
}

pub fn await_expr(l: usize, r: usize, value: Expr) -> PResult<Expr> {
    checked(expr(l, r, ExprKind::Await { value: Box::new(value) }))
}

pub fn attribute(l: usize, r: usize, value: Expr, attr: Identifier) -> PResult<Expr> {
    checked(expr(l, r, ExprKind::Attribute { value: Box::new(value), attr, ctx: ExprContext::Load }))
}

pub fn subscript(l: usize, r: usize, value: Expr, slice: Expr) -> PResult<Expr> {
    checked(expr(l, r, ExprKind::Subscript { value: Box::new(value), slice: Box::new(slice), ctx: ExprContext::Load }))
}


pub fn named_expr(l: usize, r: usize, target: Expr, value: Expr) -> PResult<Expr> {
    if !matches!(target.kind, ExprKind::Name { .. }) {
        let what = super::targets::expr_name(&target);
        let (s, e) = (target.range.start as usize, target.range.end as usize);
        return fail(format!("cannot use assignment expressions with {what}"), s, e);
    }
    let target = set_context(target, ExprContext::Store)?;
    checked(expr(l, r, ExprKind::NamedExpr { target: Box::new(target), value: Box::new(value) }))
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> PResult<ast::Comprehension> {
    let target = set_context(target, ExprContext::Store)?;
    Ok(ast::Comprehension { target, iter, ifs, is_async })
}

// ------------------------------------------------------------ statements

pub fn delete(l: usize, r: usize, targets: Vec<Expr>) -> PResult<Stmt> {
    let targets = targets.into_iter().map(|t| set_context(t, ExprContext::Del)).collect::<PResult<_>>()?;
    Ok(stmt(l, r, StmtKind::Delete { targets }))
}

/// `first = rest[0] = ... = value`: every part but the last is a target.
pub fn assign(l: usize, r: usize, first: Expr, mut rest: Vec<Expr>) -> PResult<Stmt> {
    let value = rest.pop().expect("grammar gives at least one value");
    let mut targets = Vec::with_capacity(rest.len() + 1);
    let single = rest.is_empty();
    for (i, t) in std::iter::once(first).chain(rest).enumerate() {
        // A `yield` between two `=` (`x = yield = 1`); a first target that
        // is a parenthesised `yield` gets the general message instead.
        if let (1.., ExprKind::Yield { .. } | ExprKind::YieldFrom { .. }) = (i, &t.kind) {
            return fail("assignment to yield expression not possible", t.range.start as usize, t.range.end as usize);
        }
        targets.push(if single { set_assign_target(t, &value)? } else { set_context(t, ExprContext::Store)? });
    }
    Ok(stmt(l, r, StmtKind::Assign { targets, value: Box::new(value), type_comment: None }))
}

pub fn aug_assign(l: usize, r: usize, target: Expr, op: Operator, value: Expr) -> PResult<Stmt> {
    match target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            let what = super::targets::expr_name(&target);
            let (s, e) = (target.range.start as usize, target.range.end as usize);
            return fail(format!("'{what}' is an illegal expression for augmented assignment"), s, e);
        }
    }
    let target = set_context(target, ExprContext::Store)?;
    Ok(stmt(l, r, StmtKind::AugAssign { target: Box::new(target), op, value: Box::new(value) }))
}

pub fn ann_assign(l: usize, r: usize, target: Expr, annotation: Expr, value: Option<Expr>) -> PResult<Stmt> {
    let (s, e) = (target.range.start as usize, target.range.end as usize);
    let simple = match &target.kind {
        // A parenthesised name starts after the statement's first byte.
        ExprKind::Name { .. } => s == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        // CPython points at the first element of an unparenthesised tuple.
        ExprKind::Tuple { elts, .. } if elts.first().is_some_and(|f| f.range.start as usize == s) => {
            return fail("only single target (not tuple) can be annotated", s, elts[0].range.end as usize);
        }
        ExprKind::Tuple { .. } => return fail("only single target (not tuple) can be annotated", s, e),
        ExprKind::List { .. } => return fail("only single target (not list) can be annotated", s, e),
        _ => return fail("illegal target for annotation", s, e),
    };
    let target = set_context(target, ExprContext::Store)?;
    Ok(stmt(l, r, StmtKind::AnnAssign {
        target: Box::new(target),
        annotation: Box::new(annotation),
        value: value.map(Box::new),
        simple,
    }))
}

pub fn import_from(l: usize, r: usize, module: (u32, Option<Identifier>), names: Vec<ast::Alias>) -> Stmt {
    let (level, module) = module;
    stmt(l, r, StmtKind::ImportFrom { module, names, level })
}

pub fn trailing_import_comma<T>(at: usize) -> PResult<T> {
    fail("trailing comma not allowed without surrounding parentheses", at, at)
}

pub fn decorate(decorators: Vec<(usize, Expr)>, mut s: Stmt) -> Stmt {
    let list = decorators.into_iter().map(|(_, e)| e).collect();
    match &mut s.kind {
        StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => f.decorator_list = list,
        StmtKind::ClassDef { decorator_list, .. } => *decorator_list = list,
        _ => unreachable!("only definitions are decorated"),
    }
    s
}

fn block_end(body: &[Stmt], fallback: usize) -> usize {
    body.last().map_or(fallback, |s| s.range.end as usize)
}

/// The `elif`/`else` part of an `if`, with the nesting it adds (an `elif`
/// chain is a chain of nested `If` nodes, so it is depth-checked too).
#[derive(Default)]
pub struct ElseTail {
    body: Vec<Stmt>,
    depth: u16,
}

impl ElseTail {
    pub fn block(body: Vec<Stmt>) -> Self {
        ElseTail { body, depth: 0 }
    }
}

pub fn elif(l: usize, test: Expr, body: Vec<Stmt>, tail: ElseTail) -> PResult<ElseTail> {
    let depth = tail.depth + 1;
    if depth > ast::MAX_DEPTH {
        return Err(ParseError::User { error: too_deep(l) });
    }
    let s = if_stmt(l, test, body, tail)?;
    Ok(ElseTail { body: vec![s], depth })
}

pub fn if_stmt(l: usize, test: Expr, body: Vec<Stmt>, tail: ElseTail) -> PResult<Stmt> {
    let r = block_end(&tail.body, block_end(&body, l));
    Ok(stmt(l, r, StmtKind::If { test: Box::new(test), body, orelse: tail.body }))
}

pub fn while_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let r = block_end(&orelse, block_end(&body, l));
    stmt(l, r, StmtKind::While { test: Box::new(test), body, orelse })
}

pub fn for_stmt(l: usize, is_async: bool, target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> PResult<Stmt> {
    let target = set_context(target, ExprContext::Store)?;
    let orelse = orelse.unwrap_or_default();
    let r = block_end(&orelse, block_end(&body, l));
    let f = ast::For { target: Box::new(target), iter: Box::new(iter), body, orelse, type_comment: None };
    Ok(stmt(l, r, if is_async { StmtKind::AsyncFor(f) } else { StmtKind::For(f) }))
}

/// One `except` clause; for `except*`, where its `*` ends.
pub struct HandlerPart {
    star_end: Option<usize>,
    handler: ast::ExceptHandler,
}

pub fn handler(l: usize, star_end: Option<usize>, type_: Option<Expr>, name: Option<Identifier>, body: Vec<Stmt>) -> HandlerPart {
    let r = block_end(&body, l);
    HandlerPart { star_end, handler: ast::ExceptHandler { range: range(l, r), type_: type_.map(Box::new), name, body } }
}

pub fn try_stmt(l: usize, body: Vec<Stmt>, handlers: Vec<HandlerPart>, orelse: Option<Vec<Stmt>>, finalbody: Option<Vec<Stmt>>) -> PResult<Stmt> {
    let star = handlers.first().is_some_and(|h| h.star_end.is_some());
    if let Some(h) = handlers.iter().find(|h| h.star_end.is_some() != star) {
        let at = h.handler.range.start as usize;
        let end = h.star_end.unwrap_or(at + "except".len());
        return fail("cannot have both 'except' and 'except*' on the same 'try'", at, end);
    }
    if let Some(h) = handlers.iter().rev().skip(1).find(|h| h.handler.type_.is_none()) {
        let at = h.handler.range.start as usize;
        return fail("default 'except:' must be last", at, at + 6);
    }
    let handlers: Vec<_> = handlers.into_iter().map(|h| h.handler).collect();
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let r = block_end(&finalbody, block_end(&orelse, handlers.last().map_or(block_end(&body, l), |h| h.range.end as usize)));
    let t = ast::Try { body, handlers, orelse, finalbody };
    Ok(stmt(l, r, if star { StmtKind::TryStar(t) } else { StmtKind::Try(t) }))
}

pub fn with_item(context_expr: Expr, target: Expr) -> PResult<ast::WithItem> {
    let target = set_context(target, ExprContext::Store)?;
    Ok(ast::WithItem { context_expr, optional_vars: Some(Box::new(target)) })
}

pub fn with_stmt(l: usize, is_async: bool, items: Vec<ast::WithItem>, body: Vec<Stmt>) -> Stmt {
    let r = block_end(&body, l);
    let w = ast::With { items, body, type_comment: None };
    stmt(l, r, if is_async { StmtKind::AsyncWith(w) } else { StmtKind::With(w) })
}

pub fn match_stmt(l: usize, subject: Expr, cases: Vec<ast::MatchCase>) -> Stmt {
    let r = cases.last().map_or(l, |c| block_end(&c.body, l));
    stmt(l, r, StmtKind::Match { subject: Box::new(subject), cases })
}

// -------------------------------------------------------------- patterns

pub fn capture_pattern(l: usize, r: usize, name: Identifier) -> Pattern {
    let name = if &*name == "_" { None } else { Some(name) };
    pattern(l, r, PatternKind::MatchAs { pattern: None, name })
}

pub fn star_pattern(l: usize, r: usize, name: Identifier) -> Pattern {
    let name = if &*name == "_" { None } else { Some(name) };
    pattern(l, r, PatternKind::MatchStar { name })
}

pub fn as_pattern(l: usize, r: usize, p: Pattern, name: Identifier) -> PResult<Pattern> {
    if &*name == "_" {
        return fail("cannot use '_' as a target", r - 1, r);
    }
    Ok(pattern(l, r, PatternKind::MatchAs { pattern: Some(Box::new(p)), name: Some(name) }))
}

pub enum MappingItem {
    Entry(Expr, Pattern),
    Rest(usize, usize, Identifier),
}

pub fn mapping_pattern(l: usize, r: usize, items: Vec<MappingItem>) -> PResult<Pattern> {
    let (mut keys, mut patterns, mut rest) = (Vec::new(), Vec::new(), None);
    for item in items {
        match item {
            MappingItem::Entry(k, p) if rest.is_none() => {
                keys.push(k);
                patterns.push(p);
            }
            MappingItem::Entry(k, _) => return fail("invalid syntax", k.range.start as usize, k.range.end as usize),
            MappingItem::Rest(s, e, _) if rest.is_some() => return fail("invalid syntax", s, e),
            MappingItem::Rest(_, _, name) => rest = Some(name),
        }
    }
    Ok(pattern(l, r, PatternKind::MatchMapping { keys, patterns, rest }))
}

pub enum ClassPatternArg {
    Positional(Pattern),
    Keyword(usize, Identifier, Pattern),
}

pub fn class_pattern(l: usize, r: usize, cls: Expr, args: Vec<ClassPatternArg>) -> PResult<Pattern> {
    let (mut patterns, mut kwd_attrs, mut kwd_patterns) = (Vec::new(), Vec::new(), Vec::new());
    for a in args {
        match a {
            ClassPatternArg::Positional(p) if kwd_attrs.is_empty() => patterns.push(p),
            ClassPatternArg::Positional(p) => {
                return fail("positional patterns follow keyword patterns", p.range.start as usize, p.range.end as usize);
            }
            ClassPatternArg::Keyword(_, name, p) => {
                kwd_attrs.push(name);
                kwd_patterns.push(p);
            }
        }
    }
    Ok(pattern(l, r, PatternKind::MatchClass { cls: Box::new(cls), patterns, kwd_attrs, kwd_patterns }))
}
