//! Trees built by hand (the parser is elsewhere); expected strings are
//! what CPython 3.11's `ast.dump(ast.parse(src))` prints for the source
//! quoted above each case.

use super::*;

fn r() -> TextRange {
    TextRange::default()
}
fn e(kind: ExprKind) -> Expr {
    Expr::new(r(), kind)
}
fn b(kind: ExprKind) -> Box<Expr> {
    Box::new(e(kind))
}
fn s(kind: StmtKind) -> Stmt {
    Stmt::new(r(), kind)
}
fn name(id: &str, ctx: ExprContext) -> Expr {
    e(ExprKind::Name { id: id.into(), ctx })
}
fn load(id: &str) -> Expr {
    name(id, ExprContext::Load)
}
fn int(i: u64) -> Expr {
    e(ExprKind::Constant { value: Constant::Int(i), kind: None })
}
fn arg(a: &str) -> Arg {
    Arg { range: r(), arg: a.into(), annotation: None, type_comment: None }
}
fn module(body: Vec<Stmt>) -> String {
    dump_mod(&Mod::Module { body, type_ignores: vec![] })
}
fn pat(kind: PatternKind) -> Pattern {
    Pattern::new(r(), kind)
}
fn capture(n: &str) -> Pattern {
    pat(PatternKind::MatchAs { pattern: None, name: Some(n.into()) })
}

#[test]
fn simple_module() {
    // 1
    assert_eq!(
        module(vec![s(StmtKind::Expr { value: Box::new(int(1)) })]),
        "Module(body=[Expr(value=Constant(value=1))], type_ignores=[])"
    );
    // from a import b
    let alias = Alias { range: r(), name: "b".into(), asname: None };
    assert_eq!(
        module(vec![s(StmtKind::ImportFrom { module: Some("a".into()), names: vec![alias.clone()], level: 0 })]),
        "Module(body=[ImportFrom(module='a', names=[alias(name='b')], level=0)], type_ignores=[])"
    );
    // from . import b
    assert_eq!(
        module(vec![s(StmtKind::ImportFrom { module: None, names: vec![alias], level: 1 })]),
        "Module(body=[ImportFrom(names=[alias(name='b')], level=1)], type_ignores=[])"
    );
    // x (eval and single modes)
    assert_eq!(dump_mod(&Mod::Expression { body: Box::new(load("x")) }), "Expression(body=Name(id='x', ctx=Load()))");
    assert_eq!(
        dump_mod(&Mod::Interactive { body: vec![s(StmtKind::Expr { value: Box::new(load("x")) })] }),
        "Interactive(body=[Expr(value=Name(id='x', ctx=Load()))])"
    );
}

#[test]
fn constants() {
    let c = |value, kind: Option<&str>| dump_expr(&e(ExprKind::Constant { value, kind: kind.map(Into::into) }));
    assert_eq!(c(Constant::Str(crate::text::Wtf8Buf::from_str("x")), Some("u")), "Constant(value='x', kind='u')");
    assert_eq!(c(Constant::Bytes(b"a\x00".to_vec()), None), "Constant(value=b'a\\x00')");
    assert_eq!(c(Constant::Imaginary(1.5), None), "Constant(value=1.5j)");
    assert_eq!(c(Constant::Float(1e16), None), "Constant(value=1e+16)");
    assert_eq!(c(Constant::Ellipsis, None), "Constant(value=Ellipsis)");
    assert_eq!(c(Constant::Bool(true), None), "Constant(value=True)");
    assert_eq!(c(Constant::None, None), "Constant(value=None)");
    let big = num_bigint::BigUint::from(10u32).pow(30);
    assert_eq!(c(Constant::BigInt(Box::new(big)), None), "Constant(value=1000000000000000000000000000000)");
    let mut sur = crate::text::Wtf8Buf::new();
    sur.push_code_point(0xD800);
    assert_eq!(c(Constant::Str(sur), None), "Constant(value='\\ud800')");
}

#[test]
fn function_def_arguments() {
    // def f(a, /, b=1, *c, d, e=2, **g) -> r: pass
    let args = Arguments {
        posonlyargs: vec![arg("a")],
        args: vec![arg("b")],
        vararg: Some(Box::new(arg("c"))),
        kwonlyargs: vec![arg("d"), arg("e")],
        kw_defaults: vec![None, Some(int(2))],
        kwarg: Some(Box::new(arg("g"))),
        defaults: vec![int(1)],
    };
    let f = FunctionDef {
        name: "f".into(),
        args: Box::new(args),
        body: vec![s(StmtKind::Pass)],
        decorator_list: vec![],
        returns: Some(Box::new(load("r"))),
        type_comment: None,
    };
    assert_eq!(
        module(vec![s(StmtKind::FunctionDef(f))]),
        "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], \
         vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], \
         kwarg=arg(arg='g'), defaults=[Constant(value=1)]), body=[Pass()], decorator_list=[], \
         returns=Name(id='r', ctx=Load()))], type_ignores=[])"
    );
    // lambda x: 1
    let lam = e(ExprKind::Lambda {
        args: Box::new(Arguments { args: vec![arg("x")], ..Default::default() }),
        body: Box::new(int(1)),
    });
    assert_eq!(
        dump_expr(&lam),
        "Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x')], kwonlyargs=[], kw_defaults=[], defaults=[]), \
         body=Constant(value=1))"
    );
}

#[test]
fn expressions() {
    // [a for a in b if c]
    let comp = e(ExprKind::ListComp {
        elt: Box::new(load("a")),
        generators: vec![Comprehension {
            target: name("a", ExprContext::Store),
            iter: load("b"),
            ifs: vec![load("c")],
            is_async: false,
        }],
    });
    assert_eq!(
        dump_expr(&comp),
        "ListComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), \
         iter=Name(id='b', ctx=Load()), ifs=[Name(id='c', ctx=Load())], is_async=0)])"
    );
    // f'{a!r:>{w}}'
    let fv = e(ExprKind::JoinedStr {
        values: vec![e(ExprKind::FormattedValue {
            value: Box::new(load("a")),
            conversion: 114,
            format_spec: Some(b(ExprKind::JoinedStr {
                values: vec![
                    e(ExprKind::Constant { value: Constant::Str(crate::text::Wtf8Buf::from_str(">")), kind: None }),
                    e(ExprKind::FormattedValue { value: Box::new(load("w")), conversion: -1, format_spec: None }),
                ],
            })),
        })],
    });
    assert_eq!(
        dump_expr(&fv),
        "JoinedStr(values=[FormattedValue(value=Name(id='a', ctx=Load()), conversion=114, \
         format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='w', ctx=Load()), \
         conversion=-1)]))])"
    );
    // {**a, b: c}
    let d = e(ExprKind::Dict { keys: vec![None, Some(load("b"))], values: vec![load("a"), load("c")] });
    assert_eq!(
        dump_expr(&d),
        "Dict(keys=[None, Name(id='b', ctx=Load())], values=[Name(id='a', ctx=Load()), Name(id='c', ctx=Load())])"
    );
    // a[1:2, ::3] (as a del target)
    let sub = e(ExprKind::Subscript {
        value: Box::new(load("a")),
        slice: b(ExprKind::Tuple {
            elts: vec![
                e(ExprKind::Slice { lower: Some(Box::new(int(1))), upper: Some(Box::new(int(2))), step: None }),
                e(ExprKind::Slice { lower: None, upper: None, step: Some(Box::new(int(3))) }),
            ],
            ctx: ExprContext::Load,
        }),
        ctx: ExprContext::Del,
    });
    assert_eq!(
        dump_expr(&sub),
        "Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), \
         upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Del())"
    );
    // a < b is not c not in d
    let cmp = e(ExprKind::Compare {
        left: Box::new(load("a")),
        ops: vec![CmpOp::Lt, CmpOp::IsNot, CmpOp::NotIn],
        comparators: vec![load("b"), load("c"), load("d")],
    });
    assert_eq!(
        dump_expr(&cmp),
        "Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), IsNot(), NotIn()], comparators=[Name(id='b', \
         ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())])"
    );
    // f(*a, k=1, **kw)
    let call = e(ExprKind::Call {
        func: Box::new(load("f")),
        args: vec![e(ExprKind::Starred { value: Box::new(load("a")), ctx: ExprContext::Load })],
        keywords: vec![
            Keyword { range: r(), arg: Some("k".into()), value: int(1) },
            Keyword { range: r(), arg: None, value: load("kw") },
        ],
    });
    assert_eq!(
        dump_expr(&call),
        "Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], \
         keywords=[keyword(arg='k', value=Constant(value=1)), keyword(value=Name(id='kw', ctx=Load()))])"
    );
    // not -x ; yield
    let un = e(ExprKind::UnaryOp {
        op: UnaryOp::Not,
        operand: b(ExprKind::UnaryOp { op: UnaryOp::USub, operand: Box::new(load("x")) }),
    });
    assert_eq!(dump_expr(&un), "UnaryOp(op=Not(), operand=UnaryOp(op=USub(), operand=Name(id='x', ctx=Load())))");
    assert_eq!(dump_expr(&e(ExprKind::Yield { value: None })), "Yield()");
}

#[test]
fn statements() {
    // try: pass / except E as e: pass / else: pass / finally: pass
    let t = Try {
        body: vec![s(StmtKind::Pass)],
        handlers: vec![ExceptHandler {
            range: r(),
            type_: Some(Box::new(load("E"))),
            name: Some("e".into()),
            body: vec![s(StmtKind::Pass)],
        }],
        orelse: vec![s(StmtKind::Pass)],
        finalbody: vec![s(StmtKind::Pass)],
    };
    assert_eq!(
        dump_stmt(&s(StmtKind::Try(t))),
        "Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()])], \
         orelse=[Pass()], finalbody=[Pass()])"
    );
    // with a as (b, *c), d: pass
    let w = With {
        items: vec![
            WithItem {
                context_expr: load("a"),
                optional_vars: Some(b(ExprKind::Tuple {
                    elts: vec![
                        name("b", ExprContext::Store),
                        e(ExprKind::Starred { value: Box::new(name("c", ExprContext::Store)), ctx: ExprContext::Store }),
                    ],
                    ctx: ExprContext::Store,
                })),
            },
            WithItem { context_expr: load("d"), optional_vars: None },
        ],
        body: vec![s(StmtKind::Pass)],
        type_comment: None,
    };
    assert_eq!(
        dump_stmt(&s(StmtKind::With(w))),
        "With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Tuple(elts=[Name(id='b', \
         ctx=Store()), Starred(value=Name(id='c', ctx=Store()), ctx=Store())], ctx=Store())), \
         withitem(context_expr=Name(id='d', ctx=Load()))], body=[Pass()])"
    );
    // x: int = 1
    let ann = StmtKind::AnnAssign {
        target: Box::new(name("x", ExprContext::Store)),
        annotation: Box::new(load("int")),
        value: Some(Box::new(int(1))),
        simple: true,
    };
    assert_eq!(
        dump_stmt(&s(ann)),
        "AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), \
         value=Constant(value=1), simple=1)"
    );
    // global x
    assert_eq!(dump_stmt(&s(StmtKind::Global { names: vec!["x".into()] })), "Global(names=['x'])");
    // return
    assert_eq!(dump_stmt(&s(StmtKind::Return { value: None })), "Return()");
    // class C(B, metaclass=M): pass
    let class = StmtKind::ClassDef {
        name: "C".into(),
        bases: vec![load("B")],
        keywords: vec![Keyword { range: r(), arg: Some("metaclass".into()), value: load("M") }],
        body: vec![s(StmtKind::Pass)],
        decorator_list: vec![],
    };
    assert_eq!(
        dump_stmt(&s(class)),
        "ClassDef(name='C', bases=[Name(id='B', ctx=Load())], keywords=[keyword(arg='metaclass', \
         value=Name(id='M', ctx=Load()))], body=[Pass()], decorator_list=[])"
    );
}

#[test]
fn patterns() {
    // case P(1, a=b) | _
    let p = pat(PatternKind::MatchOr {
        patterns: vec![
            pat(PatternKind::MatchClass {
                cls: Box::new(load("P")),
                patterns: vec![pat(PatternKind::MatchValue { value: Box::new(int(1)) })],
                kwd_attrs: vec!["a".into()],
                kwd_patterns: vec![capture("b")],
            }),
            pat(PatternKind::MatchAs { pattern: None, name: None }),
        ],
    });
    assert_eq!(
        dump_pattern(&p),
        "MatchOr(patterns=[MatchClass(cls=Name(id='P', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))], \
         kwd_attrs=['a'], kwd_patterns=[MatchAs(name='b')]), MatchAs()])"
    );
    // case {'k': v, **rest}
    let m = pat(PatternKind::MatchMapping {
        keys: vec![e(ExprKind::Constant { value: Constant::Str(crate::text::Wtf8Buf::from_str("k")), kind: None })],
        patterns: vec![capture("v")],
        rest: Some("rest".into()),
    });
    assert_eq!(
        dump_pattern(&m),
        "MatchMapping(keys=[Constant(value='k')], patterns=[MatchAs(name='v')], rest='rest')"
    );
    assert_eq!(dump_pattern(&pat(PatternKind::MatchSingleton { value: Constant::None })), "MatchSingleton(value=None)");
    // case (y as z)
    let nested = pat(PatternKind::MatchAs { pattern: Some(Box::new(capture("y"))), name: Some("z".into()) });
    assert_eq!(dump_pattern(&nested), "MatchAs(pattern=MatchAs(name='y'), name='z')");
    // match x: case [1, *r] if g: pass
    let case = MatchCase {
        pattern: pat(PatternKind::MatchSequence {
            patterns: vec![
                pat(PatternKind::MatchValue { value: Box::new(int(1)) }),
                pat(PatternKind::MatchStar { name: Some("r".into()) }),
            ],
        }),
        guard: Some(Box::new(load("g"))),
        body: vec![s(StmtKind::Pass)],
    };
    assert_eq!(
        dump_stmt(&s(StmtKind::Match { subject: Box::new(load("x")), cases: vec![case] })),
        "Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=\
         [MatchValue(value=Constant(value=1)), MatchStar(name='r')]), guard=Name(id='g', ctx=Load()), body=[Pass()])])"
    );
}

#[test]
fn deepest_tree_fits_the_stack() {
    // A tree at the parser's depth limit must dump even from a test
    // thread's 2 MiB stack (and drop from it, as the parser's trees must).
    let mut x = load("x");
    for _ in 1..MAX_DEPTH {
        x = e(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(x) });
    }
    let out = dump_expr(&x);
    assert!(out.starts_with("UnaryOp(op=Not(), operand=UnaryOp("));
    let closing = ")".repeat(MAX_DEPTH as usize - 1);
    assert!(out.ends_with(&format!("operand=Name(id='x', ctx=Load()){closing}")));
}

