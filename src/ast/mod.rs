//! The abstract syntax tree, mirroring CPython 3.11's `ast` module.
//!
//! Node names, field names and field order follow `Parser/Python.asdl` of
//! CPython 3.11 exactly, so that `dump` can print what `ast.dump` prints.
//! Where CPython has a class per node we have an enum variant; the ASDL
//! sum types (`stmt`, `expr`, `pattern`) are a struct holding the source
//! range plus a `kind` enum.
//!
//! Invariants:
//! - Every range is a pair of byte offsets into the source the tree was
//!   parsed from (for f-string parts: into the enclosing source).
//! - An `Option` field is an ASDL `?` field; a `Vec` field is an ASDL `*`.
//! - `ExprContext` is set by the parser: `Store`/`Del` only on targets.
//! - An expression is never deeper than `MAX_DEPTH`: the parser refuses to
//!   build a deeper one (as CPython does), so recursive walks (dump, drop,
//!   compile) stay within a bounded Rust stack.

pub mod dump;

use crate::text::Wtf8Buf;
use num_bigint::BigUint;

/// An identifier, already NFKC-normalised as CPython does.
pub type Identifier = Box<str>;

/// A half-open range of byte offsets into the source.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TextRange {
    pub start: u32,
    pub end: u32,
}

impl TextRange {
    pub fn new(start: usize, end: usize) -> Self {
        TextRange { start: start as u32, end: end as u32 }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Mod {
    Module { body: Vec<Stmt>, type_ignores: Vec<TypeIgnore> },
    Interactive { body: Vec<Stmt> },
    Expression { body: Box<Expr> },
}

#[derive(Clone, Debug, PartialEq)]
pub struct TypeIgnore {
    pub lineno: u32,
    pub tag: Box<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub range: TextRange,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef(FunctionDef),
    AsyncFunctionDef(FunctionDef),
    ClassDef {
        name: Identifier,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    Return { value: Option<Box<Expr>> },
    Delete { targets: Vec<Expr> },
    Assign { targets: Vec<Expr>, value: Box<Expr>, type_comment: Option<Box<str>> },
    AugAssign { target: Box<Expr>, op: Operator, value: Box<Expr> },
    /// `simple` is true for a bare name target not in parentheses.
    AnnAssign { target: Box<Expr>, annotation: Box<Expr>, value: Option<Box<Expr>>, simple: bool },
    For(For),
    AsyncFor(For),
    While { test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> },
    If { test: Box<Expr>, body: Vec<Stmt>, orelse: Vec<Stmt> },
    With(With),
    AsyncWith(With),
    Match { subject: Box<Expr>, cases: Vec<MatchCase> },
    Raise { exc: Option<Box<Expr>>, cause: Option<Box<Expr>> },
    Try(Try),
    TryStar(Try),
    Assert { test: Box<Expr>, msg: Option<Box<Expr>> },
    Import { names: Vec<Alias> },
    ImportFrom { module: Option<Identifier>, names: Vec<Alias>, level: u32 },
    Global { names: Vec<Identifier> },
    Nonlocal { names: Vec<Identifier> },
    Expr { value: Box<Expr> },
    Pass,
    Break,
    Continue,
}

/// Shared by `FunctionDef` and `AsyncFunctionDef`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    pub name: Identifier,
    pub args: Box<Arguments>,
    pub body: Vec<Stmt>,
    pub decorator_list: Vec<Expr>,
    pub returns: Option<Box<Expr>>,
    pub type_comment: Option<Box<str>>,
}

/// Shared by `For` and `AsyncFor`.
#[derive(Clone, Debug, PartialEq)]
pub struct For {
    pub target: Box<Expr>,
    pub iter: Box<Expr>,
    pub body: Vec<Stmt>,
    pub orelse: Vec<Stmt>,
    pub type_comment: Option<Box<str>>,
}

/// Shared by `With` and `AsyncWith`.
#[derive(Clone, Debug, PartialEq)]
pub struct With {
    pub items: Vec<WithItem>,
    pub body: Vec<Stmt>,
    pub type_comment: Option<Box<str>>,
}

/// Shared by `Try` and `TryStar`.
#[derive(Clone, Debug, PartialEq)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<ExceptHandler>,
    pub orelse: Vec<Stmt>,
    pub finalbody: Vec<Stmt>,
}

/// How deeply expressions may nest. CPython refuses trees beyond about
/// 3,000 levels ("maximum recursion depth exceeded during ast construction").
pub const MAX_DEPTH: u16 = 2990;

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub range: TextRange,
    /// 1 + the depth of the deepest child expression. Kept so that the
    /// parser can refuse over-deep trees while it builds them.
    depth: u16,
    pub kind: ExprKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// Always at least two values; `a and b and c` is one node.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    NamedExpr { target: Box<Expr>, value: Box<Expr> },
    BinOp { left: Box<Expr>, op: Operator, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    /// A `None` key is a `**mapping` entry.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    Set { elts: Vec<Expr> },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await { value: Box<Expr> },
    Yield { value: Option<Box<Expr>> },
    YieldFrom { value: Box<Expr> },
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    /// `conversion` is -1 (none) or the code of `s`, `r` or `a`.
    FormattedValue { value: Box<Expr>, conversion: i32, format_spec: Option<Box<Expr>> },
    JoinedStr { values: Vec<Expr> },
    /// `kind` is `Some("u")` for a `u"..."` literal, else `None`.
    Constant { value: Constant, kind: Option<Box<str>> },
    Attribute { value: Box<Expr>, attr: Identifier, ctx: ExprContext },
    Subscript { value: Box<Expr>, slice: Box<Expr>, ctx: ExprContext },
    Starred { value: Box<Expr>, ctx: ExprContext },
    Name { id: Identifier, ctx: ExprContext },
    List { elts: Vec<Expr>, ctx: ExprContext },
    Tuple { elts: Vec<Expr>, ctx: ExprContext },
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
}

/// The value of a literal. Ints are non-negative at parse time (`-1` is a
/// `UnaryOp`); those that do not fit a `u64` are `BigInt`.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(u64),
    BigInt(Box<BigUint>),
    Float(f64),
    /// An imaginary literal: the complex number `0 + imag*j`.
    Imaginary(f64),
    /// A str may hold lone surrogates (`"\ud800"`), hence WTF-8.
    Str(Wtf8Buf),
    Bytes(Vec<u8>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExprContext {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Operator {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub range: TextRange,
    pub type_: Option<Box<Expr>>,
    pub name: Option<Identifier>,
    pub body: Vec<Stmt>,
}

/// `kw_defaults` has one entry per `kwonlyargs` entry (`None` where the
/// parameter has no default); `defaults` belong to the last positional
/// parameters (`posonlyargs` then `args`).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Box<Arg>>,
    pub kwonlyargs: Vec<Arg>,
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Box<Arg>>,
    pub defaults: Vec<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub range: TextRange,
    pub arg: Identifier,
    pub annotation: Option<Box<Expr>>,
    pub type_comment: Option<Box<str>>,
}

/// `arg` is `None` for `**mapping` at a call site.
#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    pub range: TextRange,
    pub arg: Option<Identifier>,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub range: TextRange,
    pub name: Identifier,
    pub asname: Option<Identifier>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Box<Expr>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Box<Expr>>,
    pub body: Vec<Stmt>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pattern {
    pub range: TextRange,
    pub kind: PatternKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum PatternKind {
    MatchValue { value: Box<Expr> },
    /// `None`, `True` or `False`.
    MatchSingleton { value: Constant },
    MatchSequence { patterns: Vec<Pattern> },
    MatchMapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Identifier> },
    MatchClass {
        cls: Box<Expr>,
        patterns: Vec<Pattern>,
        kwd_attrs: Vec<Identifier>,
        kwd_patterns: Vec<Pattern>,
    },
    MatchStar { name: Option<Identifier> },
    MatchAs { pattern: Option<Box<Pattern>>, name: Option<Identifier> },
    MatchOr { patterns: Vec<Pattern> },
}

impl Expr {
    /// Builds a node; its depth is derived from its direct children.
    pub fn new(range: TextRange, kind: ExprKind) -> Self {
        let depth = kind.max_child_depth().saturating_add(1);
        Expr { range, depth, kind }
    }

    pub fn depth(&self) -> u16 {
        self.depth
    }
}

fn depth_of(e: &Expr) -> u16 {
    e.depth
}

fn max_depth<'a>(it: impl IntoIterator<Item = &'a Expr>) -> u16 {
    it.into_iter().map(depth_of).max().unwrap_or(0)
}

fn arguments_depth(a: &Arguments) -> u16 {
    let anns = a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs)
        .chain(a.vararg.as_deref()).chain(a.kwarg.as_deref())
        .filter_map(|arg| arg.annotation.as_deref());
    max_depth(anns).max(max_depth(&a.defaults)).max(max_depth(a.kw_defaults.iter().flatten()))
}

fn generators_depth(gens: &[Comprehension]) -> u16 {
    gens.iter()
        .map(|g| depth_of(&g.target).max(depth_of(&g.iter)).max(max_depth(&g.ifs)))
        .max()
        .unwrap_or(0)
}

impl ExprKind {
    fn max_child_depth(&self) -> u16 {
        use ExprKind::*;
        match self {
            BoolOp { values, .. } => max_depth(values),
            NamedExpr { target, value } => target.depth.max(value.depth),
            BinOp { left, right, .. } => left.depth.max(right.depth),
            UnaryOp { operand, .. } => operand.depth,
            Lambda { args, body } => arguments_depth(args).max(body.depth),
            IfExp { test, body, orelse } => test.depth.max(body.depth).max(orelse.depth),
            Dict { keys, values } => max_depth(keys.iter().flatten()).max(max_depth(values)),
            Set { elts } | List { elts, .. } | Tuple { elts, .. } => max_depth(elts),
            ListComp { elt, generators } | SetComp { elt, generators } | GeneratorExp { elt, generators } => {
                elt.depth.max(generators_depth(generators))
            }
            DictComp { key, value, generators } => key.depth.max(value.depth).max(generators_depth(generators)),
            Await { value } | YieldFrom { value } => value.depth,
            Yield { value } => value.as_deref().map_or(0, depth_of),
            Compare { left, comparators, .. } => left.depth.max(max_depth(comparators)),
            Call { func, args, keywords } => {
                func.depth.max(max_depth(args)).max(max_depth(keywords.iter().map(|k| &k.value)))
            }
            FormattedValue { value, format_spec, .. } => value.depth.max(format_spec.as_deref().map_or(0, depth_of)),
            JoinedStr { values } => max_depth(values),
            Constant { .. } | Name { .. } => 0,
            Attribute { value, .. } | Starred { value, .. } => value.depth,
            Subscript { value, slice, .. } => value.depth.max(slice.depth),
            Slice { lower, upper, step } => max_depth([lower, upper, step].into_iter().flatten().map(|b| &**b)),
        }
    }
}

impl Stmt {
    pub fn new(range: TextRange, kind: StmtKind) -> Self {
        Stmt { range, kind }
    }
}

impl Pattern {
    pub fn new(range: TextRange, kind: PatternKind) -> Self {
        Pattern { range, kind }
    }
}
