use super::*;

fn table(src: &str) -> SymbolTable {
    let m = crate::parse_module(src).expect("parses");
    build(&m, src).expect("symtable builds")
}

fn error(src: &str) -> SyntaxError {
    let m = crate::parse_module(src).expect("parses");
    build(&m, src).expect_err("symtable rejects")
}

#[test]
fn smoke() {
    let t = table("x = 1\ndef f(a):\n    return a + x\n");
    assert_eq!(t.root().lookup("x").unwrap().scope, SymbolScope::Local);
}

fn scope<'a>(t: &'a SymbolTable, path: &[&str]) -> &'a Scope {
    let mut s = t.root();
    for name in path {
        let id = s
            .children
            .iter()
            .copied()
            .find(|&c| &*t.scope(c).name == *name)
            .unwrap_or_else(|| panic!("no child scope {name} in {}", s.name));
        s = t.scope(id);
    }
    s
}

fn sc(t: &SymbolTable, path: &[&str], name: &str) -> SymbolScope {
    scope(t, path).lookup(name).unwrap_or_else(|| panic!("no symbol {name}")).scope
}

use SymbolScope::*;

#[test]
fn locals_globals_and_free() {
    let t = table("x = 1\ndef f(a, *b, c, **d):\n    y = a\n    def g():\n        return y + x\n    return g\n");
    let f = scope(&t, &["f"]);
    assert_eq!(f.params, vec!["a".into(), "c".into(), "b".into(), "d".into()] as Vec<Box<str>>);
    assert!(f.has_varargs && f.has_varkeywords);
    assert_eq!(f.lookup("y").unwrap().scope, Cell);
    assert_eq!(f.cellvars(), vec!["y"]);
    assert_eq!(sc(&t, &["f", "g"], "y"), Free);
    assert_eq!(sc(&t, &["f", "g"], "x"), GlobalImplicit);
    assert_eq!(scope(&t, &["f", "g"]).freevars(), vec!["y"]);
    assert_eq!(f.varnames(), vec!["a", "c", "b", "d", "g"]);
}

#[test]
fn class_scope_is_skipped_by_methods() {
    let src = "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self):\n            return x\n    return C\n";
    let t = table(src);
    assert_eq!(sc(&t, &["f"], "x"), Cell);
    assert_eq!(sc(&t, &["f", "C", "m"], "x"), Free);
    let c = scope(&t, &["f", "C"]);
    let x = c.lookup("x").unwrap();
    assert_eq!(x.scope, Local);
    assert!(x.is_free_class());
    assert_eq!(c.freevars(), vec!["x"]);
    // A name only the method uses passes through the class as free.
    let t = table("def f():\n    y = 1\n    class C:\n        def m(self):\n            return y\n");
    assert_eq!(sc(&t, &["f", "C"], "y"), Free);
    assert_eq!(scope(&t, &["f", "C"]).lookup("y").unwrap().flags, 0);
    // Class-level names are globals for the methods.
    let t = table("class C:\n    z = 1\n    def m(self):\n        return z\n");
    assert_eq!(sc(&t, &["C", "m"], "z"), GlobalImplicit);
}

#[test]
fn implicit_class_cell() {
    let t = table("class C:\n    def m(self):\n        return super().m()\n    def n(self):\n        return __class__\n");
    let c = scope(&t, &["C"]);
    assert!(c.needs_class_closure);
    assert!(c.lookup("__class__").is_none());
    assert_eq!(c.cellvars(), vec!["__class__"]);
    assert_eq!(sc(&t, &["C", "m"], "__class__"), Free);
    assert_eq!(sc(&t, &["C", "m"], "super"), GlobalImplicit);
    assert_eq!(sc(&t, &["C", "n"], "__class__"), Free);
    // Not in a plain function.
    let t = table("def f():\n    return super()\n");
    assert_eq!(sc(&t, &["f"], "__class__"), GlobalImplicit);
    // super at class level is just a name.
    let t = table("class C:\n    super()\n");
    assert!(!scope(&t, &["C"]).needs_class_closure);
}

#[test]
fn comprehensions() {
    let t = table("def f(xs):\n    return [x * y for x in xs if x for y in g(x)]\n");
    let lc = scope(&t, &["f", "listcomp"]);
    assert_eq!(lc.kind, ScopeKind::ListComp);
    assert_eq!(lc.params, vec![".0".into()] as Vec<Box<str>>);
    assert_eq!(lc.lookup("x").unwrap().scope, Local);
    assert!(lc.lookup("x").unwrap().flags & flags::DEF_COMP_ITER != 0);
    assert_eq!(lc.lookup("g").unwrap().scope, GlobalImplicit);
    // The outermost iterable is evaluated in f.
    assert!(lc.lookup("xs").is_none());
    assert!(scope(&t, &["f"]).lookup("xs").unwrap().is_referenced());
    let t = table("g = (a for a in b)\ns = {a for a in b}\nd = {k: v for k, v in b}\n");
    let ge = scope(&t, &["genexpr"]);
    assert!(ge.is_generator);
    assert!(!scope(&t, &["setcomp"]).is_generator);
    assert_eq!(scope(&t, &["dictcomp"]).lookup("v").unwrap().scope, Local);
    // Nested: the inner comprehension's outer iterable is in the outer one.
    let t = table("def f(m):\n    return [[c for c in row] for row in m]\n");
    assert_eq!(sc(&t, &["f", "listcomp"], "row"), Local);
    assert!(scope(&t, &["f", "listcomp", "listcomp"]).lookup("row").is_none());
    let t = table("def f(m):\n    return [[c + row for c in cols] for row in m]\n");
    assert_eq!(sc(&t, &["f", "listcomp"], "row"), Cell);
    assert_eq!(sc(&t, &["f", "listcomp", "listcomp"], "row"), Free);
    // async comprehension makes the enclosing function a coroutine.
    let t = table("async def f(a):\n    return [x async for x in a]\n");
    assert!(scope(&t, &["f", "listcomp"]).is_coroutine);
}

#[test]
fn walrus_in_comprehension() {
    let t = table("def f(xs):\n    if any((hit := x) > 0 for x in xs):\n        return hit\n");
    let f = scope(&t, &["f"]);
    assert_eq!(f.lookup("hit").unwrap().scope, Cell);
    let ge = scope(&t, &["f", "genexpr"]);
    let hit = ge.lookup("hit").unwrap();
    assert_eq!(hit.scope, Free);
    assert!(hit.is_nonlocal() && hit.is_assigned());
    // At module level it is global.
    let t = table("[last := x for x in y]\n");
    let lc = scope(&t, &["listcomp"]);
    assert_eq!(lc.lookup("last").unwrap().scope, GlobalExplicit);
    assert_eq!(t.root().lookup("last").unwrap().scope, GlobalExplicit);
    // In a function that declares it global.
    let t = table("def f():\n    global g\n    [g := 1 for x in y]\n");
    assert_eq!(sc(&t, &["f", "listcomp"], "g"), GlobalExplicit);
    assert_eq!(
        error("[i := 0 for i in range(3)]\n").msg,
        "assignment expression cannot rebind comprehension iteration variable 'i'"
    );
    assert_eq!(
        error("class C:\n    [y := 1 for x in z]\n").msg,
        "assignment expression within a comprehension cannot be used in a class body"
    );
    assert_eq!(
        error("def f():\n    [x for x in (y := [1])]\n").msg,
        "assignment expression cannot be used in a comprehension iterable expression"
    );
    assert_eq!(
        error("[x for x in y if (j := x) for j in z]\n").msg,
        "comprehension inner loop cannot rebind assignment expression target 'j'"
    );
    // Plain walrus in a class body is fine and local.
    let t = table("class C:\n    (y := 1)\n");
    assert_eq!(sc(&t, &["C"], "y"), Local);
}

#[test]
fn nonlocal_chains() {
    let src = "def a():\n    x = 1\n    def b():\n        def c():\n            nonlocal x\n            x = 2\n        return c\n    return b\n";
    let t = table(src);
    assert_eq!(sc(&t, &["a"], "x"), Cell);
    assert_eq!(sc(&t, &["a", "b"], "x"), Free);
    assert_eq!(scope(&t, &["a", "b"]).lookup("x").unwrap().flags, 0);
    let x = scope(&t, &["a", "b", "c"]).lookup("x").unwrap();
    assert_eq!(x.scope, Free);
    assert!(x.is_nonlocal() && x.is_assigned());
    // A nonlocal that is itself a cell for an inner function stays free.
    let src = "def a():\n    x = 1\n    def b():\n        nonlocal x\n        def c():\n            return x\n";
    let t = table(src);
    assert_eq!(sc(&t, &["a", "b"], "x"), Free);
    assert_eq!(sc(&t, &["a", "b", "c"], "x"), Free);
    // A global in between hides the binding.
    let e = error("def a():\n    x = 1\n    def b():\n        global x\n        def c():\n            nonlocal x\n");
    assert_eq!(e.msg, "no binding for nonlocal 'x' found");
}

#[test]
fn global_and_nonlocal_errors() {
    let cases = [
        ("nonlocal x\n", "nonlocal declaration not allowed at module level"),
        ("def f(x):\n    global x\n", "name 'x' is parameter and global"),
        ("def f(x):\n    nonlocal x\n", "name 'x' is parameter and nonlocal"),
        ("x = 1\nglobal x\n", "name 'x' is assigned to before global declaration"),
        ("def f():\n    print(x)\n    global x\n", "name 'x' is used prior to global declaration"),
        ("def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n", "name 'x' is assigned to before nonlocal declaration"),
        ("def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n", "name 'x' is used prior to nonlocal declaration"),
        ("def f():\n    def g():\n        nonlocal x\n", "no binding for nonlocal 'x' found"),
        ("def f():\n    global x\n    nonlocal x\n", "name 'x' is nonlocal and global"),
        ("def f():\n    x: int\n    global x\n", "annotated name 'x' can't be global"),
        ("def f():\n    global x\n    x: int\n", "annotated name 'x' can't be global"),
        ("def f(a, b, a):\n    pass\n", "duplicate argument 'a' in function definition"),
        ("lambda a, *, a: 0\n", "duplicate argument 'a' in function definition"),
        ("def f():\n    from os import *\n", "import * only allowed at module level"),
        ("class C:\n    from os import *\n", "import * only allowed at module level"),
        ("yield 1\n", "'yield' outside function"),
        ("class C:\n    x = yield\n", "'yield' outside function"),
        ("await x\n", "'await' outside function"),
        ("def f():\n    [(yield x) for x in y]\n", "'yield' inside list comprehension"),
        ("def f():\n    ((yield x) for x in y)\n", "'yield' inside generator expression"),
    ];
    for (src, msg) in cases {
        assert_eq!(error(src).msg, msg, "for {src:?}");
    }
    // Ranges: the directive statement, the duplicate parameter.
    let e = error("def f():\n    global x\n    nonlocal x\n");
    assert_eq!((e.range.start, e.range.end), (13, 21));
    let e = error("def f(a, a): pass");
    assert_eq!((e.range.start, e.range.end), (9, 10));
    // Symbol-table errors win over a yield outside a function found earlier.
    assert_eq!(error("yield\nnonlocal x\n").msg, "nonlocal declaration not allowed at module level");
}

#[test]
fn global_declaration_reaches_the_module() {
    let t = table("def f():\n    global g\n    g = 1\n");
    let g = t.root().lookup("g").unwrap();
    assert_eq!(g.scope, GlobalExplicit);
    assert_eq!(g.flags, flags::DEF_GLOBAL);
    let g = scope(&t, &["f"]).lookup("g").unwrap();
    assert_eq!(g.scope, GlobalExplicit);
    assert!(g.is_assigned() && g.is_declared_global());
    // A function nested in one declaring a global sees it as global.
    let t = table("def f():\n    global g\n    def h():\n        return g\n");
    assert_eq!(sc(&t, &["f", "h"], "g"), GlobalImplicit);
}

#[test]
fn mangling() {
    assert_eq!(mangle(Some("C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("_C"), "__x"), "_C__x");
    assert_eq!(mangle(Some("__"), "__x"), "__x");
    assert_eq!(mangle(Some("C"), "__x__"), "__x__");
    assert_eq!(mangle(Some("C"), "_x"), "_x");
    assert_eq!(mangle(Some("C"), "__"), "__");
    assert_eq!(mangle(None, "__x"), "__x");
    let src = "class C:\n    __a = 1\n    def m(self, __p):\n        __b = __p\n        return lambda: __b\n    __d__ = 2\n";
    let t = table(src);
    let c = scope(&t, &["C"]);
    assert!(c.lookup("_C__a").is_some() && c.lookup("__a").is_none());
    assert!(c.lookup("__d__").is_some());
    let m = scope(&t, &["C", "m"]);
    assert_eq!(m.params, vec!["self".into(), "_C__p".into()] as Vec<Box<str>>);
    assert_eq!(m.lookup("_C__b").unwrap().scope, Cell);
    assert_eq!(sc(&t, &["C", "m", "lambda"], "_C__b"), Free);
    // The class name itself is bound unmangled outside, and names in a
    // nested class use the inner class's name.
    let t = table("class C:\n    class __D:\n        __e = 1\n");
    assert!(scope(&t, &["C"]).lookup("_C__D").is_some());
    assert!(scope(&t, &["C", "__D"]).lookup("_D__e").is_some());
}

#[test]
fn defaults_decorators_annotations_in_enclosing_scope() {
    let src = "def outer(d):\n    @deco(d)\n    def f(a: A = d, *, k: K = kd) -> R:\n        return a\n    g = lambda x=d, *, y=yd: x\n    return f\n";
    let t = table(src);
    let outer = scope(&t, &["outer"]);
    for name in ["deco", "A", "K", "kd", "R", "yd"] {
        assert!(outer.lookup(name).unwrap().is_referenced(), "{name}");
    }
    assert_eq!(outer.lookup("d").unwrap().scope, Local);
    let f = scope(&t, &["outer", "f"]);
    assert!(f.lookup("A").is_none() && f.lookup("deco").is_none());
    let lam = scope(&t, &["outer", "lambda"]);
    assert_eq!(lam.params, vec!["x".into(), "y".into()] as Vec<Box<str>>);
    assert!(lam.lookup("d").is_none());
    // Class bases, keywords and decorators too.
    let t = table("def f():\n    b = 1\n    @dec\n    class C(b, metaclass=M):\n        pass\n");
    assert_eq!(sc(&t, &["f"], "b"), Local);
    assert!(scope(&t, &["f", "C"]).symbols().is_empty());
}

#[test]
fn future_annotations_use_detached_scopes() {
    let src = "from __future__ import annotations\ndef f(a: A) -> R:\n    x: X = 1\n";
    let t = table(src);
    assert!(t.future_annotations);
    assert!(t.root().lookup("A").is_none() && t.root().lookup("R").is_none());
    let f = scope(&t, &["f"]);
    assert!(f.lookup("X").is_none());
    assert!(f.lookup("x").unwrap().is_annotated());
    assert_eq!(t.root().children.len(), 1);
    let e = error("from __future__ import braces\n");
    assert_eq!(e.msg, "not a chance");
    let e = error("from __future__ import annotations, spam\n");
    assert_eq!(e.msg, "future feature spam is not defined");
    let e = error("import os; from __future__ import annotations\n");
    assert_eq!(e.msg, "from __future__ imports must occur at the beginning of the file");
    // On a later line it is the compiler's error, and not a future import.
    assert!(!table("import os\nfrom __future__ import annotations\ndef f(a: A): pass\n").future_annotations);
    assert!(table("'''doc'''\nfrom __future__ import division\nfrom __future__ import annotations\n").future_annotations);
    let e = error("from __future__ import annotations\ndef f(a: (yield)): pass\n");
    assert_eq!(e.msg, "'yield expression' can not be used within an annotation");
}

#[test]
fn except_import_and_star() {
    let t = table("def f():\n    import a.b.c, d.e as g\n    try:\n        pass\n    except E as e:\n        pass\n");
    let f = scope(&t, &["f"]);
    assert!(f.lookup("a").unwrap().is_imported());
    assert!(f.lookup("a.b.c").is_none() && f.lookup("d").is_none());
    assert!(f.lookup("g").unwrap().is_imported());
    assert!(f.lookup("e").unwrap().is_assigned());
    assert_eq!(f.lookup("E").unwrap().scope, GlobalImplicit);
    let t = table("from os import *\nfrom os.path import join as j\n");
    assert!(t.root().lookup("*").is_none());
    assert!(t.root().lookup("j").unwrap().is_imported());
}

#[test]
fn generators_coroutines_and_node_lookup() {
    let src = "async def f():\n    await g()\ndef h():\n    yield\nk = lambda: (yield)\n";
    let m = crate::parse_module(src).unwrap();
    let t = build(&m, src).unwrap();
    let Mod::Module { body, .. } = &m else { unreachable!() };
    let f = t.scope(t.scope_of_stmt(&body[0]).unwrap());
    assert!(f.is_coroutine && !f.is_generator && f.kind == ScopeKind::Function);
    let h = t.scope(t.scope_of_stmt(&body[1]).unwrap());
    assert!(h.is_generator && !h.is_coroutine);
    let StmtKind::Assign { value, .. } = &body[2].kind else { unreachable!() };
    let lam = t.scope(t.scope_of_expr(value).unwrap());
    assert!(lam.kind == ScopeKind::Lambda && lam.is_generator);
    assert!(t.scope_of_stmt(&body[2]).is_none());
}

#[test]
fn match_patterns_bind() {
    let t = table("def f(v):\n    match v:\n        case [a, *rest] | {'k': a, **rest}:\n            pass\n        case P(x=b) as c:\n            pass\n");
    let f = scope(&t, &["f"]);
    for n in ["a", "rest", "b", "c"] {
        assert_eq!(f.lookup(n).unwrap().scope, Local, "{n}");
    }
    assert_eq!(f.lookup("P").unwrap().scope, GlobalImplicit);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut src = String::from("x = ");
    for _ in 0..200 {
        src.push_str("lambda: ");
    }
    src.push_str("x\n");
    let t = table(&src);
    assert_eq!(t.scopes.len(), 201);
}

#[test]
fn code_lists() {
    let src = "def f(a, b, *c):\n    x: int\n    y: int = 1\n    z = 2\n    def g():\n        return b + z\n    return g\n";
    let t = table(src);
    let f = scope(&t, &["f"]);
    assert_eq!(f.varnames(), vec!["a", "b", "c", "y", "g"]);
    assert_eq!(f.cellvars(), vec!["b", "z"]);
    let g = scope(&t, &["f", "g"]);
    assert_eq!(g.freevars(), vec!["b", "z"]);
    // Cell parameters come first, in parameter order, then other cells sorted.
    let t = table("def f(q, p):\n    a = 1\n    return lambda: (a, p, q)\n");
    assert_eq!(scope(&t, &["f"]).cellvars(), vec!["q", "p", "a"]);
    let src = "class C:\n    def m(self):\n        def inner():\n            return __class__\n        return inner\n    class D:\n        pass\ndef top():\n    def h():\n        pass\n    global k\n    def k():\n        pass\n";
    let t = table(src);
    let names: Vec<String> = (1..t.scopes.len()).map(|i| t.qualname(ScopeId(i as u32))).collect();
    assert_eq!(names, vec!["C", "C.m", "C.m.<locals>.inner", "C.D", "top", "top.<locals>.h", "k"]);
    assert_eq!(scope(&t, &["C", "m"]).cellvars(), Vec::<&str>::new());
    assert_eq!(scope(&t, &["C", "m"]).freevars(), vec!["__class__"]);
}

#[test]
fn expression_and_interactive_modes() {
    let src = "lambda x: x + y";
    let m = crate::parse(src, crate::Mode::Expression).unwrap();
    let t = build(&m, src).unwrap();
    let lam = t.scope(t.root().children[0]);
    assert_eq!(lam.kind, ScopeKind::Lambda);
    assert_eq!(lam.lookup("y").unwrap().scope, GlobalImplicit);
    let src = "x = 1\n";
    let m = crate::parse(src, crate::Mode::Interactive).unwrap();
    let t = build(&m, src).unwrap();
    assert_eq!(t.root().lookup("x").unwrap().scope, Local);
}

#[test]
fn varnames_follow_code_order() {
    let src = "def f(p):\n    n: int\n    a = (b := p)\n    for c in (d := p):\n        pass\n    @(e := p)\n    def g(): pass\n    n = 1\n";
    let t = table(src);
    assert_eq!(scope(&t, &["f"]).varnames(), vec!["p", "b", "a", "d", "c", "e", "g", "n"]);
}
