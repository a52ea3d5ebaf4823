//! Argument lists at call sites and parameter lists of `def`/`lambda`.
//!
//! The grammar reads both as flat lists (an LR(1) grammar cannot encode
//! their ordering rules without conflicts); the order is checked here,
//! with CPython 3.11's messages, and the AST's split fields are filled:
//! `Call.args`/`Call.keywords` and `arguments(posonlyargs, args, vararg,
//! kwonlyargs, kw_defaults, kwarg, defaults)`.

use super::PResult;
use super::build::{checked, expr, fail, stmt};
use crate::ast::{self, Arguments, Constant, Expr, ExprKind, Identifier, Stmt, StmtKind};
use crate::error::SyntaxError;
use lalrpop_util::ParseError;

/// One item of a call's argument list.
pub enum Arg {
    Positional(Expr),
    /// `f(x for x in y)`: only valid as the sole argument.
    Generator(Expr),
    Keyword(ast::Keyword),
    Starred(Expr),
    DoubleStarred(ast::Keyword),
}

/// One item of a parameter list.
///
/// `VarArgs` and `KwArgs` carry the offset of their `*`/`**` and, with a
/// (forbidden) default, the offset of its `=`: CPython points at those.
pub enum Param {
    Plain(ast::Arg, Option<Expr>),
    Slash(usize, usize),
    Star(usize, usize),
    VarArgs(usize, ast::Arg, Option<(usize, Expr)>),
    KwArgs(usize, ast::Arg, Option<(usize, Expr)>),
}

fn span(e: &Expr) -> (usize, usize) {
    (e.range.start as usize, e.range.end as usize)
}

/// Splits a call's arguments into positional and keyword ones, checking
/// their order.
fn split_args(items: Vec<Arg>) -> PResult<(Vec<Expr>, Vec<ast::Keyword>)> {
    let lone = items.len() == 1;
    let (mut args, mut keywords) = (Vec::new(), Vec::<ast::Keyword>::new());
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for item in items {
        match item {
            Arg::Positional(e) | Arg::Generator(e) if seen_double_star => {
                let msg = "positional argument follows keyword argument unpacking";
                return Err(ParseError::User { error: SyntaxError::at_token_after(msg, span(&e).1) });
            }
            Arg::Positional(e) | Arg::Generator(e) if seen_keyword => {
                let msg = "positional argument follows keyword argument";
                return Err(ParseError::User { error: SyntaxError::at_token_after(msg, span(&e).1) });
            }
            Arg::Generator(e) if !lone => {
                let (s, r) = span(&e);
                return fail("Generator expression must be parenthesized", s, r);
            }
            Arg::Positional(e) | Arg::Generator(e) => args.push(e),
            Arg::Starred(e) if seen_double_star => {
                let s = span(&e).0;
                return fail("iterable argument unpacking follows keyword argument unpacking", s, s + 1);
            }
            Arg::Starred(e) => args.push(e),
            Arg::Keyword(k) => {
                seen_keyword = true;
                keywords.push(k);
            }
            Arg::DoubleStarred(k) => {
                seen_double_star = true;
                keywords.push(k);
            }
        }
    }
    Ok((args, keywords))
}

/// A call `func(items)` spanning `l..r`, its `(` at `paren`.
pub fn call(l: usize, paren: usize, r: usize, func: Expr, mut items: Vec<Arg>) -> PResult<Expr> {
    if let [Arg::Generator(e)] = &mut items[..] {
        // A lone generator argument borrows the call's parentheses, which
        // CPython counts as its own (its span, as in `(x for x in y)`).
        e.range = ast::TextRange::new(paren, r);
    }
    let (args, keywords) = split_args(items)?;
    checked(expr(l, r, ExprKind::Call { func: Box::new(func), args, keywords }))
}

pub fn class_def(l: usize, name: Identifier, items: Option<Vec<Arg>>, body: Vec<Stmt>) -> PResult<Stmt> {
    let items = items.unwrap_or_default();
    if let Some(Arg::Generator(e)) = items.first() {
        let (s, r) = span(e);
        return fail("invalid syntax", s, r);
    }
    let (bases, keywords) = split_args(items)?;
    let r = body.last().map_or(l, |s| s.range.end as usize);
    Ok(stmt(l, r, StmtKind::ClassDef { name, bases, keywords, body, decorator_list: vec![] }))
}

pub fn func_def(l: usize, is_async: bool, name: Identifier, params: Vec<Param>, returns: Option<Expr>, body: Vec<Stmt>) -> PResult<Stmt> {
    let args = Box::new(parameters(params)?);
    let r = body.last().map_or(l, |s| s.range.end as usize);
    let f = ast::FunctionDef { name, args, body, decorator_list: vec![], returns: returns.map(Box::new), type_comment: None };
    Ok(stmt(l, r, if is_async { StmtKind::AsyncFunctionDef(f) } else { StmtKind::FunctionDef(f) }))
}

pub fn lambda(l: usize, r: usize, params: Vec<Param>, body: Expr) -> PResult<Expr> {
    let args = Box::new(parameters(params)?);
    checked(expr(l, r, ExprKind::Lambda { args, body: Box::new(body) }))
}

fn arg_span(a: &ast::Arg) -> (usize, usize) {
    (a.range.start as usize, a.range.end as usize)
}

/// Builds `arguments` from a flat parameter list, enforcing CPython's
/// order: positional-only, `/`, positional, `*` or `*args`, keyword-only,
/// `**kwargs`; defaults only at the end of the positional ones.
fn parameters(params: Vec<Param>) -> PResult<Arguments> {
    let mut a = Arguments::default();
    let mut star_at: Option<(usize, usize, bool)> = None; // (start, end, bare)
    let mut slash_seen = false;
    for p in params {
        if a.kwarg.is_some() {
            let (s, e) = match &p {
                Param::Plain(x, _) => arg_span(x),
                Param::VarArgs(s, x, _) | Param::KwArgs(s, x, _) => (*s, x.range.end as usize),
                Param::Slash(s, e) | Param::Star(s, e) => (*s, *e),
            };
            return fail("arguments cannot follow var-keyword argument", s, e);
        }
        match p {
            Param::Slash(s, e) => {
                if slash_seen {
                    return fail("/ may appear only once", s, e);
                }
                if star_at.is_some() {
                    return fail("/ must be ahead of *", s, e);
                }
                if a.args.is_empty() {
                    return fail("at least one argument must precede /", s, e);
                }
                slash_seen = true;
                a.posonlyargs = std::mem::take(&mut a.args);
            }
            Param::Star(s, e) => {
                if star_at.is_some() {
                    return fail("* argument may appear only once", s, e);
                }
                star_at = Some((s, e, true));
            }
            Param::VarArgs(star, x, default) => {
                if star_at.is_some() {
                    return fail("* argument may appear only once", star, star + 1);
                }
                if let Some((eq, _)) = default {
                    return fail("var-positional argument cannot have default value", eq, eq + 1);
                }
                star_at = Some((star, x.range.end as usize, false));
                a.vararg = Some(Box::new(x));
            }
            Param::KwArgs(_, x, default) => {
                if let Some((eq, _)) = default {
                    return fail("var-keyword argument cannot have default value", eq, eq + 1);
                }
                a.kwarg = Some(Box::new(x));
            }
            Param::Plain(x, default) if star_at.is_some() => {
                a.kwonlyargs.push(x);
                a.kw_defaults.push(default);
            }
            Param::Plain(x, Some(d)) => {
                a.args.push(x);
                a.defaults.push(d);
            }
            Param::Plain(x, None) => {
                if !a.defaults.is_empty() {
                    let (s, e) = arg_span(&x);
                    return fail("non-default argument follows default argument", s, e);
                }
                a.args.push(x);
            }
        }
    }
    if let Some((s, e, true)) = star_at {
        if a.kwonlyargs.is_empty() {
            return fail("named arguments must follow bare *", s, e);
        }
    }
    Ok(a)
}

/// `name=value` at a call site. The grammar reads any expression before
/// the `=`, so that CPython's messages can be given for the wrong ones.
/// `eq` is the end of the `=`, where CPython's error ranges end.
pub fn keyword_argument(l: usize, eq: usize, r: usize, key: Expr, value: Expr) -> PResult<Arg> {
    match key.kind {
        ExprKind::Name { id, .. } if key.range.start as usize == l => Ok(Arg::Keyword(ast::Keyword {
            range: ast::TextRange::new(l, r),
            arg: Some(id),
            value,
        })),
        ExprKind::Constant { value: Constant::Bool(b), .. } => {
            fail(format!("cannot assign to {}", if b { "True" } else { "False" }), l, eq)
        }
        ExprKind::Constant { value: Constant::None, .. } => fail("cannot assign to None", l, eq),
        _ => fail("expression cannot contain assignment, perhaps you meant \"==\"?", l, eq),
    }
}
