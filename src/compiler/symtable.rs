//! The symbol table: which scope every name of a module lives in.
//!
//! A faithful port of CPython 3.11's `Python/symtable.c`, in two passes:
//!
//! 1. **Build** (`Builder`): one walk over the tree in CPython's visiting
//!    order creates a scope per module, class, `def`/`async def`, `lambda`
//!    and comprehension (list, set, dict, generator: each is a function-like
//!    scope in 3.11, whose first iterable is visited in the *enclosing*
//!    scope and received as the implicit parameter `.0`), and records for
//!    each name the raw `DEF_*`/`USE` flags of `symtable.c`. Decorators,
//!    default values, annotations, class bases and keywords are visited in
//!    the enclosing scope. Names are mangled (`__x` in class `C` becomes
//!    `_C__x`) inside a class and in everything nested in it. Errors found
//!    here (duplicate argument, global/nonlocal after use, walrus in
//!    comprehensions, `import *` in a function, `yield` in a comprehension)
//!    stop the walk.
//! 2. **Analyze** (`analyze_block`): `analyze_name`, `analyze_cells`,
//!    `drop_class_free` and `update_symbols` of CPython give every symbol its
//!    resolved [`SymbolScope`]; free variables propagate up through
//!    enclosing functions and classes (a class whose own binding shadows a
//!    free name of a method gets `DEF_FREE_CLASS`), and a method using
//!    `super` or `__class__` makes its class need the implicit `__class__`
//!    cell (`Scope::needs_class_closure`).
//!
//! Invariants of a built [`SymbolTable`]:
//! - Scope 0 is the module (`top`); every other reachable scope is listed in
//!   exactly one parent's `children`, in the order CPython creates them
//!   (source order, except that a function's or lambda's defaults and
//!   annotations come before it, and a comprehension's first iterable before
//!   it).
//! - Every symbol has a resolved scope; symbols keep first-seen order.
//! - With `from __future__ import annotations`, annotations are visited in
//!   throw-away scopes that are in nobody's `children` (as in CPython; they
//!   only matter for their errors).
//! - [`SymbolTable::scope_of_stmt`] / [`SymbolTable::scope_of_expr`] find
//!   the scope of a `FunctionDef`, `AsyncFunctionDef`, `ClassDef`, `Lambda`
//!   or comprehension node by its kind and source range, which no two such
//!   nodes share. This is the contract the compiler relies on.
//!
//! Errors that CPython 3.11 reports from its *compiler* rather than its
//! symbol table, `'yield' outside function` and `'await' outside function`,
//! are reported too, but only if the symbol table is otherwise error-free
//! (the first one in visiting order), as CPython reports symbol-table errors
//! before any compiler error.
//!
//! Recursion follows the tree: the parser bounds expression depth
//! (`ast::MAX_DEPTH`), so the walk's stack stays bounded.

use crate::ast::*;
use crate::error::SyntaxError;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

/// Raw symbol flags, with CPython's values (`Include/internal/pycore_symtable.h`).
pub mod flags {
    /// `global` statement.
    pub const DEF_GLOBAL: u16 = 1;
    /// Assignment (or deletion) in this scope.
    pub const DEF_LOCAL: u16 = 2;
    /// Formal parameter.
    pub const DEF_PARAM: u16 = 4;
    /// `nonlocal` statement (also set by a comprehension's walrus target).
    pub const DEF_NONLOCAL: u16 = 8;
    /// Name is read.
    pub const USE: u16 = 16;
    /// Free variable from a nested scope, bound in a class (`symtable.c`'s
    /// `DEF_FREE_CLASS`): the class body must pass the cell on.
    pub const DEF_FREE_CLASS: u16 = 64;
    /// Bound by an import.
    pub const DEF_IMPORT: u16 = 128;
    /// Annotated (`x: int`).
    pub const DEF_ANNOT: u16 = 256;
    /// A comprehension's iteration variable.
    pub const DEF_COMP_ITER: u16 = 512;
    /// Any binding in this scope.
    pub const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
}
use flags::*;

/// Index of a scope in [`SymbolTable::scopes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ScopeId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScopeKind {
    Module,
    /// `def` and `async def`.
    Function,
    Lambda,
    Class,
    ListComp,
    SetComp,
    DictComp,
    GenExpr,
    /// A throw-away scope for annotations under `from __future__ import
    /// annotations`; never anyone's child.
    Annotation,
}

impl ScopeKind {
    /// CPython's `FunctionBlock`: functions, lambdas and comprehensions.
    /// Its locals are fast locals; `return` and `yield` are allowed.
    pub fn is_function(self) -> bool {
        matches!(
            self,
            ScopeKind::Function
                | ScopeKind::Lambda
                | ScopeKind::ListComp
                | ScopeKind::SetComp
                | ScopeKind::DictComp
                | ScopeKind::GenExpr
        )
    }

    pub fn is_comprehension(self) -> bool {
        matches!(self, ScopeKind::ListComp | ScopeKind::SetComp | ScopeKind::DictComp | ScopeKind::GenExpr)
    }

    /// What Python's `symtable.SymbolTable.get_type()` says.
    pub fn type_name(self) -> &'static str {
        match self {
            ScopeKind::Module => "module",
            ScopeKind::Class => "class",
            ScopeKind::Annotation => "annotation",
            _ => "function",
        }
    }
}

/// Where a name resolves (CPython's `LOCAL` ... `CELL`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SymbolScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

impl SymbolScope {
    pub fn name(self) -> &'static str {
        match self {
            SymbolScope::Local => "LOCAL",
            SymbolScope::GlobalExplicit => "GLOBAL_EXPLICIT",
            SymbolScope::GlobalImplicit => "GLOBAL_IMPLICIT",
            SymbolScope::Free => "FREE",
            SymbolScope::Cell => "CELL",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    /// The name after private-name mangling.
    pub name: Box<str>,
    /// `flags::*` bits.
    pub flags: u16,
    pub scope: SymbolScope,
    /// When the symbol first occurred other than as a bare annotation
    /// (`x: int` without a value, for which the compiler emits no code in
    /// a function); `u32::MAX` if never.
    first_in_code: u32,
}

impl Symbol {
    pub fn is_parameter(&self) -> bool {
        self.flags & DEF_PARAM != 0
    }
    /// Assigned, deleted or otherwise bound by `DEF_LOCAL` (Python's `is_assigned`).
    pub fn is_assigned(&self) -> bool {
        self.flags & DEF_LOCAL != 0
    }
    /// Any binding: assignment, parameter or import.
    pub fn is_bound(&self) -> bool {
        self.flags & DEF_BOUND != 0
    }
    pub fn is_referenced(&self) -> bool {
        self.flags & USE != 0
    }
    pub fn is_declared_global(&self) -> bool {
        self.scope == SymbolScope::GlobalExplicit
    }
    pub fn is_global(&self) -> bool {
        matches!(self.scope, SymbolScope::GlobalExplicit | SymbolScope::GlobalImplicit)
    }
    pub fn is_nonlocal(&self) -> bool {
        self.flags & DEF_NONLOCAL != 0
    }
    pub fn is_imported(&self) -> bool {
        self.flags & DEF_IMPORT != 0
    }
    pub fn is_annotated(&self) -> bool {
        self.flags & DEF_ANNOT != 0
    }
    /// Local or cell (Python's `is_local`).
    pub fn is_local(&self) -> bool {
        matches!(self.scope, SymbolScope::Local | SymbolScope::Cell)
    }
    pub fn is_free(&self) -> bool {
        self.scope == SymbolScope::Free
    }
    /// A class-scope name that a nested scope also uses as a free variable.
    pub fn is_free_class(&self) -> bool {
        self.flags & DEF_FREE_CLASS != 0
    }
}

#[derive(Clone, Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// `top`, the function or class name, `lambda`, `listcomp`, `setcomp`,
    /// `dictcomp`, `genexpr` (or `_annotation`).
    pub name: Box<str>,
    /// The range of the scope's node (empty for the module).
    pub range: TextRange,
    pub parent: Option<ScopeId>,
    pub children: Vec<ScopeId>,
    /// Parameter names (mangled) in CPython's order: positional-only,
    /// positional, keyword-only, `*args`, `**kwargs`. `.0` for comprehensions.
    pub params: Vec<Box<str>>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub has_varargs: bool,
    pub has_varkeywords: bool,
    /// Inside a function (directly or not): CPython's `ste_nested`.
    pub is_nested: bool,
    /// A class one of whose methods uses `super` or `__class__`: the class
    /// body must create the implicit `__class__` cell.
    pub needs_class_closure: bool,
    /// Contains `return <value>`.
    pub returns_value: bool,
    symbols: Vec<Symbol>,
    index: HashMap<Box<str>, usize>,
    // Build state, as in CPython's ste_comp_iter_target / _expr / directives.
    comp_iter_target: bool,
    comp_iter_expr: u32,
    directives: Vec<(Box<str>, TextRange)>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, range: TextRange, parent: Option<ScopeId>) -> Self {
        Scope {
            kind,
            name: name.into(),
            range,
            parent,
            children: Vec::new(),
            params: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            has_varargs: false,
            has_varkeywords: false,
            is_nested: false,
            needs_class_closure: false,
            returns_value: false,
            symbols: Vec::new(),
            index: HashMap::new(),
            comp_iter_target: false,
            comp_iter_expr: 0,
            directives: Vec::new(),
        }
    }

    /// The symbol for a (mangled) name, if the scope has one.
    pub fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.index.get(name).map(|&i| &self.symbols[i])
    }

    /// All symbols, in first-seen order.
    pub fn symbols(&self) -> &[Symbol] {
        &self.symbols
    }

    fn flags_of(&self, name: &str) -> u16 {
        self.lookup(name).map_or(0, |s| s.flags)
    }

    /// `co_varnames`: the parameters, then the other local (non-cell)
    /// symbols in the order CPython's compiler first emits them: first-seen
    /// order, corrected where the compiler emits in another order than the
    /// symbol table visits (an assignment's value before its targets, a
    /// `def`'s decorators before its name, a `for`'s iterable before its
    /// target). A bare annotation `x: int` does not count, and a local
    /// that is only annotated is left out, as CPython does. The order is
    /// checked against `co_varnames` over the standard library
    /// (`scripts/symtable_diff.py --vars`); a compiler that must be exact
    /// in every case can add locals as it emits them, starting from `params`.
    pub fn varnames(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.params.iter().map(|s| &**s).collect();
        if self.kind.is_function() {
            let mut locals: Vec<&Symbol> = self
                .symbols
                .iter()
                .filter(|s| s.scope == SymbolScope::Local && !s.is_parameter() && s.first_in_code != u32::MAX)
                .collect();
            locals.sort_by_key(|s| s.first_in_code);
            out.extend(locals.iter().map(|s| &*s.name));
        }
        out
    }

    /// `co_cellvars` in CPython 3.11's order: parameters that are cells, in
    /// parameter order, then the other cells sorted by name; for a class
    /// that needs it, just `__class__`.
    pub fn cellvars(&self) -> Vec<&str> {
        if self.needs_class_closure {
            return vec!["__class__"];
        }
        let is_cell = |name: &str| self.lookup(name).is_some_and(|s| s.scope == SymbolScope::Cell);
        let mut out: Vec<&str> = self.params.iter().map(|p| &**p).filter(|p| is_cell(p)).collect();
        let mut rest: Vec<&str> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Cell && !s.is_parameter())
            .map(|s| &*s.name)
            .collect();
        rest.sort_unstable();
        out.extend(rest);
        out
    }

    /// `co_freevars`: free symbols and (in a class) names passed on to
    /// methods (`DEF_FREE_CLASS`), sorted by name.
    pub fn freevars(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self
            .symbols
            .iter()
            .filter(|s| s.scope == SymbolScope::Free || s.is_free_class())
            .map(|s| &*s.name)
            .collect();
        out.sort_unstable();
        out
    }
}

/// The scopes of one module.
#[derive(Clone, Debug)]
pub struct SymbolTable {
    /// All scopes; `scopes[0]` is the module.
    pub scopes: Vec<Scope>,
    /// The module has `from __future__ import annotations`.
    pub future_annotations: bool,
    by_node: HashMap<(ScopeKind, u32, u32), ScopeId>,
}

impl SymbolTable {
    pub fn root(&self) -> &Scope {
        &self.scopes[0]
    }

    pub fn scope(&self, id: ScopeId) -> &Scope {
        &self.scopes[id.0 as usize]
    }

    /// The `__qualname__` CPython's compiler gives the scope's code object
    /// (`compiler_set_qualname`): `f.<locals>.g`, `C.m`, `<lambda>`,
    /// `f.<locals>.<listcomp>`; a function or class declared `global` in
    /// its parent is named as if at module level. `""` for the module.
    pub fn qualname(&self, id: ScopeId) -> String {
        let s = self.scope(id);
        let name = self.code_name(s);
        let Some(pid) = s.parent.filter(|p| p.0 != 0) else {
            return name.into_owned();
        };
        let parent = self.scope(pid);
        if matches!(s.kind, ScopeKind::Function | ScopeKind::Class) {
            let private = self.enclosing_class_name(pid);
            let mangled = mangle(private, &s.name);
            if parent.lookup(&mangled).is_some_and(|sym| sym.scope == SymbolScope::GlobalExplicit) {
                return name.into_owned();
            }
        }
        let mut q = self.qualname(pid);
        if matches!(parent.kind, ScopeKind::Function | ScopeKind::Lambda) {
            q.push_str(".<locals>");
        }
        q.push('.');
        q.push_str(&name);
        q
    }

    /// `co_name`: the scope's name, with `<...>` around `lambda` and the
    /// comprehension names.
    fn code_name<'a>(&self, s: &'a Scope) -> Cow<'a, str> {
        match s.kind {
            ScopeKind::Lambda | ScopeKind::ListComp | ScopeKind::SetComp | ScopeKind::DictComp | ScopeKind::GenExpr => {
                Cow::Owned(format!("<{}>", s.name))
            }
            _ => Cow::Borrowed(&s.name),
        }
    }

    /// The name private names are mangled with inside scope `id`: that of
    /// the innermost class that is `id` or encloses it.
    pub fn enclosing_class_name(&self, mut id: ScopeId) -> Option<&str> {
        loop {
            let s = self.scope(id);
            if s.kind == ScopeKind::Class {
                return Some(&s.name);
            }
            id = s.parent?;
        }
    }

    /// The scope of a `FunctionDef`, `AsyncFunctionDef` or `ClassDef`.
    pub fn scope_of_stmt(&self, s: &Stmt) -> Option<ScopeId> {
        let kind = match s.kind {
            StmtKind::FunctionDef(_) | StmtKind::AsyncFunctionDef(_) => ScopeKind::Function,
            StmtKind::ClassDef { .. } => ScopeKind::Class,
            _ => return None,
        };
        self.by_node.get(&(kind, s.range.start, s.range.end)).copied()
    }

    /// The scope of a `Lambda` or a comprehension.
    pub fn scope_of_expr(&self, e: &Expr) -> Option<ScopeId> {
        let kind = expr_scope_kind(&e.kind)?;
        self.by_node.get(&(kind, e.range.start, e.range.end)).copied()
    }
}

fn expr_scope_kind(e: &ExprKind) -> Option<ScopeKind> {
    Some(match e {
        ExprKind::Lambda { .. } => ScopeKind::Lambda,
        ExprKind::ListComp { .. } => ScopeKind::ListComp,
        ExprKind::SetComp { .. } => ScopeKind::SetComp,
        ExprKind::DictComp { .. } => ScopeKind::DictComp,
        ExprKind::GeneratorExp { .. } => ScopeKind::GenExpr,
        _ => return None,
    })
}

/// Builds and analyzes the symbol table of a module parsed from `source`
/// (the text is needed only to tell whether two statements share a line,
/// for the `from __future__` checks).
///
/// Checks the module's `from __future__` imports first, as CPython's
/// `Python/future.c` does before building its symbol table.
pub fn build(module: &Mod, source: &str) -> Result<SymbolTable, SyntaxError> {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "top", TextRange::default(), None)],
        stack: vec![ScopeId(0)],
        private: None,
        future_annotations: false,
        by_node: HashMap::new(),
        deferred: None,
        bare_annotation: false,
        seq: 0,
    };
    match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => {
            b.future_annotations = future_features(body, source)?;
            b.visit_stmts(body)?;
        }
        Mod::Expression { body } => b.visit_expr(body)?,
    }
    let mut free = HashSet::new();
    b.analyze_block(0, None, &mut free, HashSet::new())?;
    if let Some(err) = b.deferred {
        return Err(err);
    }
    Ok(SymbolTable { scopes: b.scopes, future_annotations: b.future_annotations, by_node: b.by_node })
}

/// The features CPython 3.11 knows; all but `annotations` (and
/// `barry_as_FLUFL`, the parser's business) are no-ops.
const FUTURE_FEATURES: [&str; 10] = [
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// CPython's `future_parse`: reads the leading `from __future__ import`
/// statements (after an optional docstring) and returns whether
/// `annotations` is among them. Unknown features are errors, and so is a
/// future import after another statement *on the same line*; a late
/// future import on a later line is the compiler's error.
fn future_features(body: &[Stmt], source: &str) -> Result<bool, SyntaxError> {
    let mut annotations = false;
    let mut done = false;
    let mut prev_start: Option<u32> = None;
    let skip = match body.first() {
        Some(Stmt { kind: StmtKind::Expr { value }, .. })
            if matches!(value.kind, ExprKind::Constant { value: Constant::Str(_), .. }) =>
        {
            1
        }
        _ => 0,
    };
    for s in &body[skip..] {
        if let Some(prev) = prev_start {
            let later_line =
                source.get(prev as usize..s.range.start as usize).is_none_or(|t| t.contains('\n'));
            if done && later_line {
                break;
            }
        }
        prev_start = Some(s.range.start);
        match &s.kind {
            StmtKind::ImportFrom { module: Some(m), names, .. } if &**m == "__future__" => {
                let at = |msg: String| err(msg, TextRange::new(s.range.start as usize, s.range.start as usize));
                if done {
                    return Err(at("from __future__ imports must occur at the beginning of the file".into()));
                }
                for a in names {
                    if &*a.name == "braces" {
                        return Err(at("not a chance".into()));
                    }
                    if !FUTURE_FEATURES.contains(&&*a.name) {
                        return Err(at(format!("future feature {} is not defined", a.name)));
                    }
                    annotations |= &*a.name == "annotations";
                }
            }
            _ => done = true,
        }
    }
    Ok(annotations)
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` is `_C__x`, except
/// dunder names, dotted names and classes named only with underscores.
pub fn mangle<'a>(private: Option<&str>, name: &'a str) -> Cow<'a, str> {
    let Some(class) = private else { return Cow::Borrowed(name) };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return Cow::Borrowed(name);
    }
    let class = class.trim_start_matches('_');
    if class.is_empty() {
        return Cow::Borrowed(name);
    }
    Cow::Owned(format!("_{class}{name}"))
}

struct Builder {
    scopes: Vec<Scope>,
    /// Open scopes, innermost last (CPython's `st_stack`).
    stack: Vec<ScopeId>,
    /// The innermost enclosing class's name (CPython's `st_private`).
    private: Option<Box<str>>,
    future_annotations: bool,
    by_node: HashMap<(ScopeKind, u32, u32), ScopeId>,
    deferred: Option<SyntaxError>,
    /// Set while adding the target of a bare annotation (`x: int`).
    bare_annotation: bool,
    /// Counts occurrences in code, for `Symbol::first_in_code`.
    seq: u32,
}

type R = Result<(), SyntaxError>;

#[cold]
fn err(msg: String, range: TextRange) -> SyntaxError {
    SyntaxError::new(msg, range.start as usize, range.end as usize)
}

fn comprehension_name(kind: ScopeKind) -> &'static str {
    match kind {
        ScopeKind::ListComp => "listcomp",
        ScopeKind::SetComp => "setcomp",
        ScopeKind::DictComp => "dictcomp",
        _ => "genexpr",
    }
}

impl Builder {
    fn cur_id(&self) -> usize {
        self.stack.last().expect("scope stack never empty").0 as usize
    }

    fn cur(&mut self) -> &mut Scope {
        let id = self.cur_id();
        &mut self.scopes[id]
    }

    fn enter(&mut self, kind: ScopeKind, name: &str, range: TextRange) {
        let id = self.scopes.len();
        let prev = self.cur_id();
        let mut scope = Scope::new(kind, name, range, Some(ScopeId(prev as u32)));
        let p = &self.scopes[prev];
        scope.is_nested = p.is_nested || p.kind.is_function();
        scope.comp_iter_expr = p.comp_iter_expr;
        self.scopes.push(scope);
        self.stack.push(ScopeId(id as u32));
        if kind != ScopeKind::Annotation {
            self.scopes[prev].children.push(ScopeId(id as u32));
            self.by_node.insert((kind, range.start, range.end), ScopeId(id as u32));
        }
    }

    fn exit(&mut self) {
        self.stack.pop();
    }

    fn lookup(&self, name: &str) -> u16 {
        let m = mangle(self.private.as_deref(), name);
        self.scopes[self.cur_id()].flags_of(&m)
    }

    fn add_def(&mut self, name: &str, flag: u16, range: TextRange) -> R {
        self.add_def_in(name, flag, self.cur_id(), range)
    }

    /// CPython's `symtable_add_def_helper`.
    fn add_def_in(&mut self, name: &str, flag: u16, sid: usize, range: TextRange) -> R {
        let mangled = mangle(self.private.as_deref(), name);
        let scope = &mut self.scopes[sid];
        let existing = scope.index.get(&*mangled).copied();
        let mut val = match existing {
            Some(i) => {
                let old = scope.symbols[i].flags;
                if flag & DEF_PARAM != 0 && old & DEF_PARAM != 0 {
                    return Err(err(format!("duplicate argument '{name}' in function definition"), range));
                }
                old | flag
            }
            None => flag,
        };
        if scope.comp_iter_target {
            if val & (DEF_GLOBAL | DEF_NONLOCAL) != 0 {
                return Err(err(
                    format!("comprehension inner loop cannot rebind assignment expression target '{name}'"),
                    range,
                ));
            }
            val |= DEF_COMP_ITER;
        }
        let i = match existing {
            Some(i) => i,
            None => insert_symbol(scope, &mangled, 0),
        };
        scope.symbols[i].flags = val;
        if !self.bare_annotation && scope.symbols[i].first_in_code == u32::MAX {
            scope.symbols[i].first_in_code = self.seq;
            self.seq += 1;
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled.as_ref().into());
        } else if flag & DEF_GLOBAL != 0 {
            let module = &mut self.scopes[0];
            match module.index.get(&*mangled) {
                Some(&i) => module.symbols[i].flags |= flag,
                None => {
                    insert_symbol(module, &mangled, flag);
                }
            }
        }
        Ok(())
    }

    /// The compiler emits some things in another order than this walk
    /// visits them (an assignment's value before its targets, a `def`'s
    /// decorators and defaults before its name, a `for`'s iterable before
    /// its target): the names first seen in `start..mid` (what the compiler
    /// emits second) are moved after those first seen in `mid..self.seq`,
    /// for `varnames()`'s order. Only the current scope's order matters.
    fn code_order_swap(&mut self, start: u32, mid: u32) {
        let end = self.seq;
        if start == mid || mid == end {
            return;
        }
        let sid = self.cur_id();
        for sym in &mut self.scopes[sid].symbols {
            let f = sym.first_in_code;
            if (start..mid).contains(&f) {
                sym.first_in_code = f + (end - mid);
            } else if (mid..end).contains(&f) {
                sym.first_in_code = f - (mid - start);
            }
        }
    }

    fn record_directive(&mut self, name: &str, range: TextRange) {
        let m: Box<str> = mangle(self.private.as_deref(), name).as_ref().into();
        self.cur().directives.push((m, range));
    }

    fn defer(&mut self, msg: &str, range: TextRange) {
        if self.deferred.is_none() {
            self.deferred = Some(err(msg.to_string(), range));
        }
    }

    fn visit_stmts(&mut self, stmts: &[Stmt]) -> R {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> R {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    fn visit_stmt(&mut self, s: &Stmt) -> R {
        match &s.kind {
            StmtKind::FunctionDef(f) | StmtKind::AsyncFunctionDef(f) => {
                let start = self.seq;
                self.add_def(&f.name, DEF_LOCAL, s.range)?;
                let mid = self.seq;
                self.visit_exprs(&f.args.defaults)?;
                f.args.kw_defaults.iter().flatten().try_for_each(|e| self.visit_expr(e))?;
                self.visit_annotations(s, &f.args, f.returns.as_deref())?;
                self.visit_exprs(&f.decorator_list)?;
                self.code_order_swap(start, mid);
                self.enter(ScopeKind::Function, &f.name, s.range);
                if matches!(s.kind, StmtKind::AsyncFunctionDef(_)) {
                    self.cur().is_coroutine = true;
                }
                self.visit_params(&f.args)?;
                self.visit_stmts(&f.body)?;
                self.exit();
            }
            StmtKind::ClassDef { name, bases, keywords, body, decorator_list } => {
                let start = self.seq;
                self.add_def(name, DEF_LOCAL, s.range)?;
                let mid = self.seq;
                self.visit_exprs(bases)?;
                keywords.iter().try_for_each(|k| self.visit_expr(&k.value))?;
                self.visit_exprs(decorator_list)?;
                self.code_order_swap(start, mid);
                self.enter(ScopeKind::Class, name, s.range);
                let saved = self.private.replace(name.clone());
                let r = self.visit_stmts(body);
                self.private = saved;
                r?;
                self.exit();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.visit_expr(v)?;
                    self.cur().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                let start = self.seq;
                self.visit_exprs(targets)?;
                let mid = self.seq;
                self.visit_expr(value)?;
                self.code_order_swap(start, mid);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                let start = self.seq;
                if let ExprKind::Name { id, .. } = &target.kind {
                    let cur = self.lookup(id);
                    if cur & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && self.cur_id() != 0 && *simple {
                        let what = if cur & DEF_GLOBAL != 0 { "global" } else { "nonlocal" };
                        return Err(err(format!("annotated name '{id}' can't be {what}"), s.range));
                    }
                    if *simple {
                        self.bare_annotation = value.is_none();
                        let r = self.add_def(id, DEF_ANNOT | DEF_LOCAL, target.range);
                        self.bare_annotation = false;
                        r?;
                    }
                    if value.is_some() {
                        self.add_def(id, DEF_LOCAL, target.range)?;
                    }
                } else {
                    self.visit_expr(target)?;
                }
                let mid = self.seq;
                self.visit_annotation(annotation)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.code_order_swap(start, mid);
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
            }
            StmtKind::For(f) | StmtKind::AsyncFor(f) => {
                let start = self.seq;
                self.visit_expr(&f.target)?;
                let mid = self.seq;
                self.visit_expr(&f.iter)?;
                self.code_order_swap(start, mid);
                self.visit_stmts(&f.body)?;
                self.visit_stmts(&f.orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::With(w) | StmtKind::AsyncWith(w) => {
                for item in &w.items {
                    self.visit_expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.visit_expr(v)?;
                    }
                }
                self.visit_stmts(&w.body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                for case in cases {
                    self.visit_pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.visit_expr(g)?;
                    }
                    self.visit_stmts(&case.body)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                    }
                }
            }
            StmtKind::Try(t) | StmtKind::TryStar(t) => {
                self.visit_stmts(&t.body)?;
                self.visit_stmts(&t.orelse)?;
                for h in &t.handlers {
                    if let Some(ty) = &h.type_ {
                        self.visit_expr(ty)?;
                    }
                    if let Some(name) = &h.name {
                        self.add_def(name, DEF_LOCAL, h.range)?;
                    }
                    self.visit_stmts(&h.body)?;
                }
                self.visit_stmts(&t.finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    self.visit_alias(a)?;
                }
            }
            StmtKind::Global { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and global")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to global declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be global")
                        } else {
                            format!("name '{name}' is assigned to before global declaration")
                        };
                        return Err(err(msg, s.range));
                    }
                    self.add_def(name, DEF_GLOBAL, s.range)?;
                    self.record_directive(name, s.range);
                }
            }
            StmtKind::Nonlocal { names } => {
                for name in names {
                    let cur = self.lookup(name);
                    if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT) != 0 {
                        let msg = if cur & DEF_PARAM != 0 {
                            format!("name '{name}' is parameter and nonlocal")
                        } else if cur & USE != 0 {
                            format!("name '{name}' is used prior to nonlocal declaration")
                        } else if cur & DEF_ANNOT != 0 {
                            format!("annotated name '{name}' can't be nonlocal")
                        } else {
                            format!("name '{name}' is assigned to before nonlocal declaration")
                        };
                        return Err(err(msg, s.range));
                    }
                    self.add_def(name, DEF_NONLOCAL, s.range)?;
                    self.record_directive(name, s.range);
                }
            }
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    /// CPython's `symtable_visit_alias`: `import a.b` binds `a`.
    fn visit_alias(&mut self, a: &Alias) -> R {
        let name = a.asname.as_deref().unwrap_or(&a.name);
        if name == "*" {
            if self.scopes[self.cur_id()].kind != ScopeKind::Module {
                return Err(err("import * only allowed at module level".into(), a.range));
            }
            return Ok(());
        }
        let store = name.split('.').next().unwrap_or(name);
        self.add_def(store, DEF_IMPORT, a.range)
    }

    /// Parameters, in `co_varnames` order, inside the function's scope.
    fn visit_params(&mut self, a: &Arguments) -> R {
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs) {
            self.add_def(&arg.arg, DEF_PARAM, arg.range)?;
        }
        if let Some(v) = &a.vararg {
            self.add_def(&v.arg, DEF_PARAM, v.range)?;
            self.cur().has_varargs = true;
        }
        if let Some(k) = &a.kwarg {
            self.add_def(&k.arg, DEF_PARAM, k.range)?;
            self.cur().has_varkeywords = true;
        }
        Ok(())
    }

    /// Parameter and return annotations, in the enclosing scope.
    fn visit_annotations(&mut self, s: &Stmt, a: &Arguments, returns: Option<&Expr>) -> R {
        let future = self.future_annotations;
        if future {
            self.enter(ScopeKind::Annotation, "_annotation", s.range);
        }
        let anns = a
            .posonlyargs
            .iter()
            .chain(&a.args)
            .chain(a.vararg.as_deref())
            .chain(a.kwarg.as_deref())
            .chain(&a.kwonlyargs)
            .filter_map(|arg| arg.annotation.as_deref());
        for ann in anns {
            self.visit_expr(ann)?;
        }
        if future {
            self.exit();
        }
        if let Some(r) = returns {
            self.visit_annotation(r)?;
        }
        Ok(())
    }

    fn visit_annotation(&mut self, e: &Expr) -> R {
        let future = self.future_annotations;
        if future {
            self.enter(ScopeKind::Annotation, "_annotation", e.range);
        }
        self.visit_expr(e)?;
        if future {
            self.exit();
        }
        Ok(())
    }

    fn visit_pattern(&mut self, p: &Pattern) -> R {
        match &p.kind {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?
            }
            PatternKind::MatchStar { name } => {
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.visit_exprs(keys)?;
                patterns.iter().try_for_each(|q| self.visit_pattern(q))?;
                if let Some(n) = rest {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.visit_expr(cls)?;
                patterns.iter().chain(kwd_patterns).try_for_each(|q| self.visit_pattern(q))?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.visit_pattern(q)?;
                }
                if let Some(n) = name {
                    self.add_def(n, DEF_LOCAL, p.range)?;
                }
            }
        }
        Ok(())
    }

    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> R {
        if self.scopes[self.cur_id()].kind == ScopeKind::Annotation {
            return Err(err(format!("'{what}' can not be used within an annotation"), e.range));
        }
        Ok(())
    }

    fn check_yield(&mut self, e: &Expr) -> R {
        let kind = self.scopes[self.cur_id()].kind;
        self.cur().is_generator = true;
        let msg = match kind {
            ScopeKind::ListComp => "'yield' inside list comprehension",
            ScopeKind::SetComp => "'yield' inside set comprehension",
            ScopeKind::DictComp => "'yield' inside dict comprehension",
            ScopeKind::GenExpr => "'yield' inside generator expression",
            ScopeKind::Module | ScopeKind::Class => {
                self.defer("'yield' outside function", e.range);
                return Ok(());
            }
            _ => return Ok(()),
        };
        Err(err(msg.into(), e.range))
    }

    fn visit_expr(&mut self, e: &Expr) -> R {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.handle_namedexpr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.visit_exprs(&args.defaults)?;
                args.kw_defaults.iter().flatten().try_for_each(|d| self.visit_expr(d))?;
                self.enter(ScopeKind::Lambda, "lambda", e.range);
                self.visit_params(args)?;
                self.visit_expr(body)?;
                self.exit();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.visit_expr(k))?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::ListComp { elt, generators } => {
                self.handle_comprehension(e, ScopeKind::ListComp, generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.handle_comprehension(e, ScopeKind::SetComp, generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.handle_comprehension(e, ScopeKind::GenExpr, generators, elt, None)?
            }
            ExprKind::DictComp { key, value, generators } => {
                self.handle_comprehension(e, ScopeKind::DictComp, generators, key, Some(value))?
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(v) = value {
                    self.visit_expr(v)?;
                }
                self.check_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.check_yield(e)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(value)?;
                self.cur().is_coroutine = true;
                if matches!(self.scopes[self.cur_id()].kind, ScopeKind::Module | ScopeKind::Class) {
                    self.defer("'await' outside function", e.range);
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call { func, args, keywords } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                keywords.iter().try_for_each(|k| self.visit_expr(&k.value))?;
            }
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.visit_expr(value)?;
                if let Some(f) = format_spec {
                    self.visit_expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => self.visit_expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let load = *ctx == ExprContext::Load;
                self.add_def(id, if load { USE } else { DEF_LOCAL }, e.range)?;
                // `super` counts as a use of `__class__`.
                if load && &**id == "super" && self.scopes[self.cur_id()].kind.is_function() {
                    self.add_def("__class__", USE, e.range)?;
                }
            }
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        Ok(())
    }

    fn visit_comprehension(&mut self, c: &Comprehension) -> R {
        self.cur().comp_iter_target = true;
        let r = self.visit_expr(&c.target);
        self.cur().comp_iter_target = false;
        r?;
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&c.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.visit_exprs(&c.ifs)?;
        if c.is_async {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }

    fn handle_comprehension(
        &mut self,
        e: &Expr,
        kind: ScopeKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> R {
        let Some(outermost) = generators.first() else { return Ok(()) };
        // The outermost iterable is evaluated in the enclosing scope.
        self.cur().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur().comp_iter_expr -= 1;
        self.enter(kind, comprehension_name(kind), e.range);
        if outermost.is_async {
            self.cur().is_coroutine = true;
        }
        // ... and received as the implicit parameter `.0`.
        self.add_def(".0", DEF_PARAM, e.range)?;
        self.cur().comp_iter_target = true;
        let r = self.visit_expr(&outermost.target);
        self.cur().comp_iter_target = false;
        r?;
        self.visit_exprs(&outermost.ifs)?;
        generators[1..].iter().try_for_each(|g| self.visit_comprehension(g))?;
        if let Some(v) = value {
            self.visit_expr(v)?;
        }
        self.visit_expr(elt)?;
        let is_generator = kind == ScopeKind::GenExpr;
        let cur = self.cur();
        cur.is_generator = is_generator;
        let is_async = cur.is_coroutine && !is_generator;
        self.exit();
        if is_async {
            self.cur().is_coroutine = true;
        }
        Ok(())
    }

    fn handle_namedexpr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> R {
        if self.scopes[self.cur_id()].comp_iter_expr > 0 {
            return Err(err("assignment expression cannot be used in a comprehension iterable expression".into(), e.range));
        }
        if self.scopes[self.cur_id()].kind.is_comprehension() {
            if let ExprKind::Name { id, .. } = &target.kind {
                self.extend_namedexpr_scope(id, target.range)?;
            }
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// A walrus target inside a comprehension binds in the nearest
    /// enclosing function or module scope (CPython's
    /// `symtable_extend_namedexpr_scope`).
    fn extend_namedexpr_scope(&mut self, name: &str, range: TextRange) -> R {
        for i in (0..self.stack.len()).rev() {
            let sid = self.stack[i].0 as usize;
            let ste = &self.scopes[sid];
            // CPython looks the target up unmangled here.
            let in_scope = ste.flags_of(name);
            if ste.kind.is_comprehension() {
                if in_scope & DEF_COMP_ITER != 0 {
                    return Err(err(
                        format!("assignment expression cannot rebind comprehension iteration variable '{name}'"),
                        range,
                    ));
                }
                continue;
            }
            match ste.kind {
                ScopeKind::Function | ScopeKind::Lambda => {
                    let flag = if in_scope & DEF_GLOBAL != 0 { DEF_GLOBAL } else { DEF_NONLOCAL };
                    self.add_def(name, flag, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, DEF_LOCAL, sid, range);
                }
                ScopeKind::Module => {
                    self.add_def(name, DEF_GLOBAL, range)?;
                    self.record_directive(name, range);
                    return self.add_def_in(name, DEF_GLOBAL, sid, range);
                }
                ScopeKind::Class => {
                    return Err(err(
                        "assignment expression within a comprehension cannot be used in a class body".into(),
                        range,
                    ));
                }
                _ => {}
            }
        }
        Ok(())
    }

    // ---- Analysis (CPython's analyze_block and friends) ----

    fn analyze_block(
        &mut self,
        sid: usize,
        mut bound: Option<HashSet<Box<str>>>,
        free: &mut HashSet<Box<str>>,
        mut global: HashSet<Box<str>>,
    ) -> R {
        let kind = self.scopes[sid].kind;
        let is_class = kind == ScopeKind::Class;
        let mut local: HashSet<Box<str>> = HashSet::new();
        let mut newglobal: HashSet<Box<str>> = HashSet::new();
        let mut newbound: HashSet<Box<str>> = HashSet::new();
        let mut newfree: HashSet<Box<str>> = HashSet::new();
        // Class bindings are not visible in nested scopes: what children see
        // is fixed before the class's own names are analyzed.
        if is_class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let mut scopes: Vec<SymbolScope> = Vec::with_capacity(self.scopes[sid].symbols.len());
        for i in 0..self.scopes[sid].symbols.len() {
            let sym = &self.scopes[sid].symbols[i];
            let sc = self.analyze_name(sid, &sym.name, sym.flags, &mut bound, &mut local, free, &mut global)?;
            scopes.push(sc);
        }
        if !is_class {
            if kind.is_function() {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = &bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
        }
        let mut allfree: HashSet<Box<str>> = HashSet::new();
        for ci in 0..self.scopes[sid].children.len() {
            let child = self.scopes[sid].children[ci].0 as usize;
            let mut temp_free = newfree.clone();
            self.analyze_block(child, Some(newbound.clone()), &mut temp_free, newglobal.clone())?;
            allfree.extend(temp_free);
        }
        newfree.extend(allfree);
        let scope = &mut self.scopes[sid];
        if kind.is_function() {
            // analyze_cells: locals that children use become cells.
            for (sym, sc) in scope.symbols.iter().zip(scopes.iter_mut()) {
                if *sc == SymbolScope::Local && newfree.remove(&sym.name) {
                    *sc = SymbolScope::Cell;
                }
            }
        } else if is_class && newfree.remove("__class__") {
            scope.needs_class_closure = true;
        }
        // update_symbols
        for (sym, sc) in scope.symbols.iter_mut().zip(scopes) {
            sym.scope = sc;
        }
        let mut pending: Vec<&Box<str>> = newfree.iter().collect();
        pending.sort_unstable();
        for name in pending {
            if let Some(&i) = scope.index.get(name) {
                let sym = &mut scope.symbols[i];
                if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if let Some(b) = &bound {
                if !b.contains(name) {
                    continue; // a global
                }
            }
            insert_symbol(scope, name, 0);
            scope.symbols.last_mut().expect("just inserted").scope = SymbolScope::Free;
        }
        free.extend(newfree);
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &self,
        sid: usize,
        name: &str,
        flags: u16,
        bound: &mut Option<HashSet<Box<str>>>,
        local: &mut HashSet<Box<str>>,
        free: &mut HashSet<Box<str>>,
        global: &mut HashSet<Box<str>>,
    ) -> Result<SymbolScope, SyntaxError> {
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                return Err(self.error_at_directive(sid, name, format!("name '{name}' is nonlocal and global")));
            }
            global.insert(name.into());
            if let Some(b) = bound {
                b.remove(name);
            }
            return Ok(SymbolScope::GlobalExplicit);
        }
        if flags & DEF_NONLOCAL != 0 {
            let Some(b) = bound else {
                return Err(self.error_at_directive(sid, name, "nonlocal declaration not allowed at module level".into()));
            };
            if !b.contains(name) {
                return Err(self.error_at_directive(sid, name, format!("no binding for nonlocal '{name}' found")));
            }
            free.insert(name.into());
            return Ok(SymbolScope::Free);
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.into());
            global.remove(name);
            return Ok(SymbolScope::Local);
        }
        if let Some(b) = bound {
            if b.contains(name) {
                free.insert(name.into());
                return Ok(SymbolScope::Free);
            }
        }
        Ok(SymbolScope::GlobalImplicit)
    }

    #[cold]
    fn error_at_directive(&self, sid: usize, name: &str, msg: String) -> SyntaxError {
        let range = self.scopes[sid]
            .directives
            .iter()
            .find(|(n, _)| &**n == name)
            .map_or(self.scopes[sid].range, |(_, r)| *r);
        err(msg, range)
    }
}

fn insert_symbol(scope: &mut Scope, name: &str, flags: u16) -> usize {
    let i = scope.symbols.len();
    scope.index.insert(name.into(), i);
    scope.symbols.push(Symbol { name: name.into(), flags, scope: SymbolScope::GlobalImplicit, first_in_code: u32::MAX });
    i
}

/// The canonical dump `scripts/symtable_diff.py` compares with CPython's
/// `symtable` module (see that script for the format). `source` is the
/// text the tree was parsed from, for line numbers.
pub fn dump(table: &SymbolTable, source: &str) -> String {
    let mut out = String::new();
    dump_scope(table, ScopeId(0), 0, source, &mut out);
    out
}

/// One line per scope below the module: its qualname, `co_varnames`,
/// `co_cellvars` and `co_freevars` as `varnames()`, `cellvars()` and
/// `freevars()` give them, sorted by qualname (what
/// `scripts/symtable_diff.py --vars` compares with CPython's code objects).
pub fn dump_vars(table: &SymbolTable) -> String {
    let mut lines: Vec<String> = (1..table.scopes.len())
        .map(|i| ScopeId(i as u32))
        .filter(|&id| table.is_reachable(id))
        .map(|id| {
            let s = table.scope(id);
            format!(
                "{} | {} | {} | {}",
                table.qualname(id),
                s.varnames().join(" "),
                s.cellvars().join(" "),
                s.freevars().join(" ")
            )
        })
        .collect();
    lines.sort();
    lines.iter().map(|l| format!("{l}\n")).collect()
}

impl SymbolTable {
    /// In the tree: not an annotation scope nor inside one.
    fn is_reachable(&self, mut id: ScopeId) -> bool {
        loop {
            let s = self.scope(id);
            if s.kind == ScopeKind::Annotation {
                return false;
            }
            match s.parent {
                Some(p) => id = p,
                None => return true,
            }
        }
    }
}

fn line_of(source: &str, offset: u32) -> usize {
    let end = (offset as usize).min(source.len());
    source.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count() + 1
}

fn dump_scope(table: &SymbolTable, id: ScopeId, depth: usize, source: &str, out: &mut String) {
    let s = table.scope(id);
    let ind = "  ".repeat(depth);
    let line = if id.0 == 0 { 0 } else { line_of(source, s.range.start) };
    let _ = writeln!(out, "{ind}{} {} line={line} nested={}", s.kind.type_name(), s.name, s.is_nested as u8);
    let names = |pred: &dyn Fn(&Symbol) -> bool| {
        let mut v: Vec<&str> = s.symbols.iter().filter(|x| pred(x)).map(|x| &*x.name).collect();
        v.sort_unstable();
        v.join(" ")
    };
    if s.kind.is_function() {
        let line = |label: &str, text: String| {
            if text.is_empty() { format!("{ind}  {label}:\n") } else { format!("{ind}  {label}: {text}\n") }
        };
        let params: Vec<&str> = s.params.iter().map(|p| &**p).collect();
        out.push_str(&line("params", params.join(" ")));
        out.push_str(&line("locals", names(&|x| x.is_local())));
        out.push_str(&line("frees", names(&|x| x.is_free())));
        out.push_str(&line("globals", names(&|x| x.is_global())));
        out.push_str(&line("nonlocals", names(&|x| x.is_nonlocal())));
    }
    let mut syms: Vec<&Symbol> = s.symbols.iter().collect();
    syms.sort_unstable_by(|a, b| a.name.cmp(&b.name));
    for sym in syms {
        let mut text = format!("{ind}  sym {} {} flags={:x}", sym.name, sym.scope.name(), sym.flags);
        // Python's `is_global`/`is_local` also count names bound at module
        // level, which `symtable.py` recognises by the scope's name `top`
        // (so a function named `top` counts too).
        let module_bound = &*s.name == "top" && sym.flags & DEF_BOUND != 0;
        let preds = [
            ("P", sym.is_parameter()),
            ("G", sym.is_global() || module_bound),
            ("DG", sym.is_declared_global()),
            ("L", sym.is_local() || module_bound),
            ("R", sym.is_referenced()),
            ("A", sym.is_assigned()),
            ("I", sym.is_imported()),
            ("N", sym.is_nonlocal()),
            ("Ann", sym.is_annotated()),
        ];
        for (p, ok) in preds {
            if ok {
                text.push(' ');
                text.push_str(p);
            }
        }
        out.push_str(&text);
        out.push('\n');
    }
    for &c in &s.children {
        dump_scope(table, c, depth + 1, source, out);
    }
}

#[cfg(test)]
mod tests;
