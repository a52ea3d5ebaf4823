//! `ast.dump` of CPython 3.11, byte for byte.
//!
//! Model: CPython's `ast.dump(tree)` with its defaults (annotate_fields,
//! no attributes, no indent): `Class(field=value, ...)` over the ASDL
//! fields in order, where an optional (`?`) field holding None is left
//! out, a list prints as `[a, b]`, and a plain value as its `repr`.
//!
//! Invariant: everything is written into one `String` owned by a `Dumper`;
//! a node's writer only appends, so a whole module costs no allocation
//! beyond that buffer's growth. The writer recurses; depth is bounded
//! because the parser bounds expression depth (`MAX_DEPTH`) and block
//! nesting, and the public entry points run it on a thread whose stack
//! fits that bound.

use super::*;
use crate::text::repr::{repr_bytes, repr_code_points, repr_float, repr_imaginary, repr_str};

/// Stack for dumping a tree that may be deep. Each nesting level costs a
/// few frames (over a kilobyte each in debug builds), and a tree may nest
/// `MAX_DEPTH` expressions inside nested blocks, more than a default 2 MiB
/// thread stack holds; the reservation is virtual, so only touched pages
/// cost memory.
const DEEP_STACK: usize = 256 << 20;

/// Expression depth below which the caller's stack surely suffices.
const SHALLOW: u16 = 64;

/// Runs `f` on a helper thread with `DEEP_STACK` unless `deep` is false.
fn with_stack(deep: bool, f: impl FnOnce(&mut Dumper) + Send) -> String {
    let run = move || {
        let mut d = Dumper::new();
        f(&mut d);
        d.out
    };
    if !deep {
        return run();
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(DEEP_STACK)
            .spawn_scoped(scope, run)
            .expect("spawning the dump thread")
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
    })
}

/// What `ast.dump(tree)` prints for a module.
pub fn dump_mod(m: &Mod) -> String {
    // Finding the depth would itself be a walk, so a module always gets
    // the big stack; one thread per dump is cheap next to the dump.
    with_stack(true, |d| d.module(m))
}

/// What `ast.dump(node)` prints for a statement.
pub fn dump_stmt(s: &Stmt) -> String {
    with_stack(true, |d| d.stmt(s))
}

/// What `ast.dump(node)` prints for an expression.
pub fn dump_expr(e: &Expr) -> String {
    with_stack(e.depth() > SHALLOW, |d| d.expr(e))
}

/// What `ast.dump(node)` prints for a pattern.
pub fn dump_pattern(p: &Pattern) -> String {
    with_stack(true, |d| d.pattern(p))
}

/// `repr` of a constant's value, as `ast.dump` prints `Constant.value`.
pub fn repr_constant(c: &Constant, out: &mut String) {
    match c {
        Constant::None => out.push_str("None"),
        Constant::Bool(true) => out.push_str("True"),
        Constant::Bool(false) => out.push_str("False"),
        Constant::Ellipsis => out.push_str("Ellipsis"),
        Constant::Int(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
        }
        Constant::BigInt(i) => {
            use std::fmt::Write;
            let _ = write!(out, "{i}");
        }
        Constant::Float(f) => repr_float(*f, out),
        Constant::Imaginary(f) => repr_imaginary(*f, out),
        Constant::Str(s) => repr_str(s, out),
        Constant::Bytes(b) => repr_bytes(b, out),
    }
}

/// The writer. `open` positions (the buffer length just after a node's
/// `(`) let `field` know whether a separator is due, so optional fields
/// can be skipped without tracking state.
pub struct Dumper {
    pub out: String,
}

impl Default for Dumper {
    fn default() -> Self {
        Self::new()
    }
}

impl Dumper {
    pub fn new() -> Self {
        Dumper { out: String::with_capacity(256) }
    }

    fn open(&mut self, class: &str) -> usize {
        self.out.push_str(class);
        self.out.push('(');
        self.out.len()
    }

    fn field(&mut self, open: usize, name: &str) {
        if self.out.len() != open {
            self.out.push_str(", ");
        }
        self.out.push_str(name);
        self.out.push('=');
    }

    fn close(&mut self) {
        self.out.push(')');
    }

    /// A node with no fields: operators, contexts, `Pass`.
    fn unit(&mut self, class: &str) {
        self.out.push_str(class);
        self.out.push_str("()");
    }

    fn list<T>(&mut self, open: usize, name: &str, items: &[T], mut each: impl FnMut(&mut Self, &T)) {
        self.field(open, name);
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            each(self, item);
        }
        self.out.push(']');
    }

    fn str_field(&mut self, open: usize, name: &str, s: &str) {
        self.field(open, name);
        repr_code_points(s.chars().map(u32::from), &mut self.out);
    }

    /// An optional (`?`) string field: absent when None.
    fn opt_str_field(&mut self, open: usize, name: &str, s: Option<&str>) {
        if let Some(s) = s {
            self.str_field(open, name, s);
        }
    }

    fn int_field(&mut self, open: usize, name: &str, v: i64) {
        use std::fmt::Write;
        self.field(open, name);
        let _ = write!(self.out, "{v}");
    }

    fn expr_field(&mut self, open: usize, name: &str, e: &Expr) {
        self.field(open, name);
        self.expr(e);
    }

    fn opt_expr_field(&mut self, open: usize, name: &str, e: Option<&Expr>) {
        if let Some(e) = e {
            self.expr_field(open, name, e);
        }
    }

    fn exprs(&mut self, open: usize, name: &str, es: &[Expr]) {
        self.list(open, name, es, |d, e| d.expr(e));
    }

    /// A list whose elements may be None (`Dict.keys`, `kw_defaults`).
    fn opt_exprs(&mut self, open: usize, name: &str, es: &[Option<Expr>]) {
        self.list(open, name, es, |d, e| match e {
            Some(e) => d.expr(e),
            None => d.out.push_str("None"),
        });
    }

    fn stmts(&mut self, open: usize, name: &str, ss: &[Stmt]) {
        self.list(open, name, ss, |d, s| d.stmt(s));
    }

    fn idents(&mut self, open: usize, name: &str, ids: &[Identifier]) {
        self.list(open, name, ids, |d, id| repr_code_points(id.chars().map(u32::from), &mut d.out));
    }

    fn ctx_field(&mut self, open: usize, ctx: ExprContext) {
        self.field(open, "ctx");
        self.unit(match ctx {
            ExprContext::Load => "Load",
            ExprContext::Store => "Store",
            ExprContext::Del => "Del",
        });
    }

    fn operator_field(&mut self, open: usize, op: Operator) {
        self.field(open, "op");
        self.unit(operator_name(op));
    }

    pub fn module(&mut self, m: &Mod) {
        match m {
            Mod::Module { body, type_ignores } => {
                let o = self.open("Module");
                self.stmts(o, "body", body);
                self.list(o, "type_ignores", type_ignores, |d, t| {
                    let o = d.open("TypeIgnore");
                    d.int_field(o, "lineno", i64::from(t.lineno));
                    d.str_field(o, "tag", &t.tag);
                    d.close();
                });
            }
            Mod::Interactive { body } => {
                let o = self.open("Interactive");
                self.stmts(o, "body", body);
            }
            Mod::Expression { body } => {
                let o = self.open("Expression");
                self.expr_field(o, "body", body);
            }
        }
        self.close();
    }

    pub fn stmt(&mut self, s: &Stmt) {
        use StmtKind as S;
        match &s.kind {
            S::FunctionDef(f) => self.function_def("FunctionDef", f),
            S::AsyncFunctionDef(f) => self.function_def("AsyncFunctionDef", f),
            S::ClassDef { name, bases, keywords, body, decorator_list } => {
                let o = self.open("ClassDef");
                self.str_field(o, "name", name);
                self.exprs(o, "bases", bases);
                self.list(o, "keywords", keywords, |d, k| d.keyword(k));
                self.stmts(o, "body", body);
                self.exprs(o, "decorator_list", decorator_list);
                self.close();
            }
            S::Return { value } => {
                let o = self.open("Return");
                self.opt_expr_field(o, "value", value.as_deref());
                self.close();
            }
            S::Delete { targets } => {
                let o = self.open("Delete");
                self.exprs(o, "targets", targets);
                self.close();
            }
            S::Assign { targets, value, type_comment } => {
                let o = self.open("Assign");
                self.exprs(o, "targets", targets);
                self.expr_field(o, "value", value);
                self.opt_str_field(o, "type_comment", type_comment.as_deref());
                self.close();
            }
            S::AugAssign { target, op, value } => {
                let o = self.open("AugAssign");
                self.expr_field(o, "target", target);
                self.operator_field(o, *op);
                self.expr_field(o, "value", value);
                self.close();
            }
            S::AnnAssign { target, annotation, value, simple } => {
                let o = self.open("AnnAssign");
                self.expr_field(o, "target", target);
                self.expr_field(o, "annotation", annotation);
                self.opt_expr_field(o, "value", value.as_deref());
                self.int_field(o, "simple", i64::from(*simple));
                self.close();
            }
            S::For(f) => self.for_loop("For", f),
            S::AsyncFor(f) => self.for_loop("AsyncFor", f),
            S::While { test, body, orelse } => self.test_body_orelse("While", test, body, orelse),
            S::If { test, body, orelse } => self.test_body_orelse("If", test, body, orelse),
            S::With(w) => self.with("With", w),
            S::AsyncWith(w) => self.with("AsyncWith", w),
            S::Match { subject, cases } => {
                let o = self.open("Match");
                self.expr_field(o, "subject", subject);
                self.list(o, "cases", cases, |d, c| {
                    let o = d.open("match_case");
                    d.field(o, "pattern");
                    d.pattern(&c.pattern);
                    d.opt_expr_field(o, "guard", c.guard.as_deref());
                    d.stmts(o, "body", &c.body);
                    d.close();
                });
                self.close();
            }
            S::Raise { exc, cause } => {
                let o = self.open("Raise");
                self.opt_expr_field(o, "exc", exc.as_deref());
                self.opt_expr_field(o, "cause", cause.as_deref());
                self.close();
            }
            S::Try(t) => self.try_stmt("Try", t),
            S::TryStar(t) => self.try_stmt("TryStar", t),
            S::Assert { test, msg } => {
                let o = self.open("Assert");
                self.expr_field(o, "test", test);
                self.opt_expr_field(o, "msg", msg.as_deref());
                self.close();
            }
            S::Import { names } => {
                let o = self.open("Import");
                self.list(o, "names", names, |d, a| d.alias(a));
                self.close();
            }
            S::ImportFrom { module, names, level } => {
                let o = self.open("ImportFrom");
                self.opt_str_field(o, "module", module.as_deref());
                self.list(o, "names", names, |d, a| d.alias(a));
                self.int_field(o, "level", i64::from(*level));
                self.close();
            }
            S::Global { names } => {
                let o = self.open("Global");
                self.idents(o, "names", names);
                self.close();
            }
            S::Nonlocal { names } => {
                let o = self.open("Nonlocal");
                self.idents(o, "names", names);
                self.close();
            }
            S::Expr { value } => {
                let o = self.open("Expr");
                self.expr_field(o, "value", value);
                self.close();
            }
            S::Pass => self.unit("Pass"),
            S::Break => self.unit("Break"),
            S::Continue => self.unit("Continue"),
        }
    }

    fn function_def(&mut self, class: &str, f: &FunctionDef) {
        let o = self.open(class);
        self.str_field(o, "name", &f.name);
        self.field(o, "args");
        self.arguments(&f.args);
        self.stmts(o, "body", &f.body);
        self.exprs(o, "decorator_list", &f.decorator_list);
        self.opt_expr_field(o, "returns", f.returns.as_deref());
        self.opt_str_field(o, "type_comment", f.type_comment.as_deref());
        self.close();
    }

    fn for_loop(&mut self, class: &str, f: &For) {
        let o = self.open(class);
        self.expr_field(o, "target", &f.target);
        self.expr_field(o, "iter", &f.iter);
        self.stmts(o, "body", &f.body);
        self.stmts(o, "orelse", &f.orelse);
        self.opt_str_field(o, "type_comment", f.type_comment.as_deref());
        self.close();
    }

    fn test_body_orelse(&mut self, class: &str, test: &Expr, body: &[Stmt], orelse: &[Stmt]) {
        let o = self.open(class);
        self.expr_field(o, "test", test);
        self.stmts(o, "body", body);
        self.stmts(o, "orelse", orelse);
        self.close();
    }

    fn with(&mut self, class: &str, w: &With) {
        let o = self.open(class);
        self.list(o, "items", &w.items, |d, item| {
            let o = d.open("withitem");
            d.expr_field(o, "context_expr", &item.context_expr);
            d.opt_expr_field(o, "optional_vars", item.optional_vars.as_deref());
            d.close();
        });
        self.stmts(o, "body", &w.body);
        self.opt_str_field(o, "type_comment", w.type_comment.as_deref());
        self.close();
    }

    fn try_stmt(&mut self, class: &str, t: &Try) {
        let o = self.open(class);
        self.stmts(o, "body", &t.body);
        self.list(o, "handlers", &t.handlers, |d, h| {
            let o = d.open("ExceptHandler");
            d.opt_expr_field(o, "type", h.type_.as_deref());
            d.opt_str_field(o, "name", h.name.as_deref());
            d.stmts(o, "body", &h.body);
            d.close();
        });
        self.stmts(o, "orelse", &t.orelse);
        self.stmts(o, "finalbody", &t.finalbody);
        self.close();
    }

    fn alias(&mut self, a: &Alias) {
        let o = self.open("alias");
        self.str_field(o, "name", &a.name);
        self.opt_str_field(o, "asname", a.asname.as_deref());
        self.close();
    }

    fn keyword(&mut self, k: &Keyword) {
        let o = self.open("keyword");
        self.opt_str_field(o, "arg", k.arg.as_deref());
        self.expr_field(o, "value", &k.value);
        self.close();
    }

    fn arg(&mut self, a: &Arg) {
        let o = self.open("arg");
        self.str_field(o, "arg", &a.arg);
        self.opt_expr_field(o, "annotation", a.annotation.as_deref());
        self.opt_str_field(o, "type_comment", a.type_comment.as_deref());
        self.close();
    }

    fn opt_arg_field(&mut self, open: usize, name: &str, a: Option<&Arg>) {
        if let Some(a) = a {
            self.field(open, name);
            self.arg(a);
        }
    }

    fn arguments(&mut self, a: &Arguments) {
        let o = self.open("arguments");
        self.list(o, "posonlyargs", &a.posonlyargs, |d, a| d.arg(a));
        self.list(o, "args", &a.args, |d, a| d.arg(a));
        self.opt_arg_field(o, "vararg", a.vararg.as_deref());
        self.list(o, "kwonlyargs", &a.kwonlyargs, |d, a| d.arg(a));
        self.opt_exprs(o, "kw_defaults", &a.kw_defaults);
        self.opt_arg_field(o, "kwarg", a.kwarg.as_deref());
        self.exprs(o, "defaults", &a.defaults);
        self.close();
    }

    fn comprehensions(&mut self, open: usize, gens: &[Comprehension]) {
        self.list(open, "generators", gens, |d, g| {
            let o = d.open("comprehension");
            d.expr_field(o, "target", &g.target);
            d.expr_field(o, "iter", &g.iter);
            d.exprs(o, "ifs", &g.ifs);
            d.int_field(o, "is_async", i64::from(g.is_async));
            d.close();
        });
    }

    pub fn expr(&mut self, e: &Expr) {
        use ExprKind as E;
        match &e.kind {
            E::BoolOp { op, values } => {
                let o = self.open("BoolOp");
                self.field(o, "op");
                self.unit(match op {
                    BoolOp::And => "And",
                    BoolOp::Or => "Or",
                });
                self.exprs(o, "values", values);
            }
            E::NamedExpr { target, value } => {
                let o = self.open("NamedExpr");
                self.expr_field(o, "target", target);
                self.expr_field(o, "value", value);
            }
            E::BinOp { left, op, right } => {
                let o = self.open("BinOp");
                self.expr_field(o, "left", left);
                self.operator_field(o, *op);
                self.expr_field(o, "right", right);
            }
            E::UnaryOp { op, operand } => {
                let o = self.open("UnaryOp");
                self.field(o, "op");
                self.unit(match op {
                    UnaryOp::Invert => "Invert",
                    UnaryOp::Not => "Not",
                    UnaryOp::UAdd => "UAdd",
                    UnaryOp::USub => "USub",
                });
                self.expr_field(o, "operand", operand);
            }
            E::Lambda { args, body } => {
                let o = self.open("Lambda");
                self.field(o, "args");
                self.arguments(args);
                self.expr_field(o, "body", body);
            }
            E::IfExp { test, body, orelse } => {
                let o = self.open("IfExp");
                self.expr_field(o, "test", test);
                self.expr_field(o, "body", body);
                self.expr_field(o, "orelse", orelse);
            }
            E::Dict { keys, values } => {
                let o = self.open("Dict");
                self.opt_exprs(o, "keys", keys);
                self.exprs(o, "values", values);
            }
            E::Set { elts } => {
                let o = self.open("Set");
                self.exprs(o, "elts", elts);
            }
            E::ListComp { elt, generators } => {
                let o = self.open("ListComp");
                self.expr_field(o, "elt", elt);
                self.comprehensions(o, generators);
            }
            E::SetComp { elt, generators } => {
                let o = self.open("SetComp");
                self.expr_field(o, "elt", elt);
                self.comprehensions(o, generators);
            }
            E::DictComp { key, value, generators } => {
                let o = self.open("DictComp");
                self.expr_field(o, "key", key);
                self.expr_field(o, "value", value);
                self.comprehensions(o, generators);
            }
            E::GeneratorExp { elt, generators } => {
                let o = self.open("GeneratorExp");
                self.expr_field(o, "elt", elt);
                self.comprehensions(o, generators);
            }
            E::Await { value } => {
                let o = self.open("Await");
                self.expr_field(o, "value", value);
            }
            E::Yield { value } => {
                let o = self.open("Yield");
                self.opt_expr_field(o, "value", value.as_deref());
            }
            E::YieldFrom { value } => {
                let o = self.open("YieldFrom");
                self.expr_field(o, "value", value);
            }
            E::Compare { left, ops, comparators } => {
                let o = self.open("Compare");
                self.expr_field(o, "left", left);
                self.list(o, "ops", ops, |d, op| d.unit(cmpop_name(*op)));
                self.exprs(o, "comparators", comparators);
            }
            E::Call { func, args, keywords } => {
                let o = self.open("Call");
                self.expr_field(o, "func", func);
                self.exprs(o, "args", args);
                self.list(o, "keywords", keywords, |d, k| d.keyword(k));
            }
            E::FormattedValue { value, conversion, format_spec } => {
                let o = self.open("FormattedValue");
                self.expr_field(o, "value", value);
                self.int_field(o, "conversion", i64::from(*conversion));
                self.opt_expr_field(o, "format_spec", format_spec.as_deref());
            }
            E::JoinedStr { values } => {
                let o = self.open("JoinedStr");
                self.exprs(o, "values", values);
            }
            E::Constant { value, kind } => {
                let o = self.open("Constant");
                self.field(o, "value");
                repr_constant(value, &mut self.out);
                self.opt_str_field(o, "kind", kind.as_deref());
            }
            E::Attribute { value, attr, ctx } => {
                let o = self.open("Attribute");
                self.expr_field(o, "value", value);
                self.str_field(o, "attr", attr);
                self.ctx_field(o, *ctx);
            }
            E::Subscript { value, slice, ctx } => {
                let o = self.open("Subscript");
                self.expr_field(o, "value", value);
                self.expr_field(o, "slice", slice);
                self.ctx_field(o, *ctx);
            }
            E::Starred { value, ctx } => {
                let o = self.open("Starred");
                self.expr_field(o, "value", value);
                self.ctx_field(o, *ctx);
            }
            E::Name { id, ctx } => {
                let o = self.open("Name");
                self.str_field(o, "id", id);
                self.ctx_field(o, *ctx);
            }
            E::List { elts, ctx } => {
                let o = self.open("List");
                self.exprs(o, "elts", elts);
                self.ctx_field(o, *ctx);
            }
            E::Tuple { elts, ctx } => {
                let o = self.open("Tuple");
                self.exprs(o, "elts", elts);
                self.ctx_field(o, *ctx);
            }
            E::Slice { lower, upper, step } => {
                let o = self.open("Slice");
                self.opt_expr_field(o, "lower", lower.as_deref());
                self.opt_expr_field(o, "upper", upper.as_deref());
                self.opt_expr_field(o, "step", step.as_deref());
            }
        }
        self.close();
    }

    pub fn pattern(&mut self, p: &Pattern) {
        use PatternKind as P;
        match &p.kind {
            P::MatchValue { value } => {
                let o = self.open("MatchValue");
                self.expr_field(o, "value", value);
            }
            P::MatchSingleton { value } => {
                let o = self.open("MatchSingleton");
                self.field(o, "value");
                repr_constant(value, &mut self.out);
            }
            P::MatchSequence { patterns } => {
                let o = self.open("MatchSequence");
                self.patterns(o, "patterns", patterns);
            }
            P::MatchMapping { keys, patterns, rest } => {
                let o = self.open("MatchMapping");
                self.exprs(o, "keys", keys);
                self.patterns(o, "patterns", patterns);
                self.opt_str_field(o, "rest", rest.as_deref());
            }
            P::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                let o = self.open("MatchClass");
                self.expr_field(o, "cls", cls);
                self.patterns(o, "patterns", patterns);
                self.idents(o, "kwd_attrs", kwd_attrs);
                self.patterns(o, "kwd_patterns", kwd_patterns);
            }
            P::MatchStar { name } => {
                let o = self.open("MatchStar");
                self.opt_str_field(o, "name", name.as_deref());
            }
            P::MatchAs { pattern, name } => {
                let o = self.open("MatchAs");
                if let Some(pat) = pattern {
                    self.field(o, "pattern");
                    self.pattern(pat);
                }
                self.opt_str_field(o, "name", name.as_deref());
            }
            P::MatchOr { patterns } => {
                let o = self.open("MatchOr");
                self.patterns(o, "patterns", patterns);
            }
        }
        self.close();
    }

    fn patterns(&mut self, open: usize, name: &str, ps: &[Pattern]) {
        self.list(open, name, ps, |d, p| d.pattern(p));
    }
}

fn operator_name(op: Operator) -> &'static str {
    use Operator::*;
    match op {
        Add => "Add",
        Sub => "Sub",
        Mult => "Mult",
        MatMult => "MatMult",
        Div => "Div",
        Mod => "Mod",
        Pow => "Pow",
        LShift => "LShift",
        RShift => "RShift",
        BitOr => "BitOr",
        BitXor => "BitXor",
        BitAnd => "BitAnd",
        FloorDiv => "FloorDiv",
    }
}

fn cmpop_name(op: CmpOp) -> &'static str {
    use CmpOp::*;
    match op {
        Eq => "Eq",
        NotEq => "NotEq",
        Lt => "Lt",
        LtE => "LtE",
        Gt => "Gt",
        GtE => "GtE",
        Is => "Is",
        IsNot => "IsNot",
        In => "In",
        NotIn => "NotIn",
    }
}

#[cfg(test)]
mod tests;
