# exec/eval namespaces: explicit globals and locals, defaults, errors
g = {"a": 1}
l = {"b": 2}
exec("c = a + b", g, l)
print(sorted(l), "c" in g, "__builtins__" in g)
print(eval("a * 10 + b", g, l), eval("  x + 1", {"x": 1}), eval("len('ab')", {}))
def f():
    y = 5
    return eval("y + 1"), sorted(locals())
print(f())
class K:
    z = 3
    w = eval("z * 2")
print(K.w)
for args in ((), ("1", [], None), (5,), ("1", {}, 5)):
    try:
        eval(*args)
    except TypeError as e:
        print(e)
try:
    exec("x = = 1")
except SyntaxError as e:
    print(type(e).__name__, e, e.lineno, e.offset)
try:
    eval("1 +* 2")
except SyntaxError as e:
    print(e.msg, e.text.strip())
exec("if True:\n  pass\n    oops")
