# compile(): code objects for exec and eval, modes, errors.
code = compile("x = 6 * 7\nprint('exec ran', x)", "<demo>", "exec")
print(type(code).__name__)
ns = {}
exec(code, ns)
print(ns["x"])

expr = compile("a + b", "<expr>", "eval")
print(eval(expr, {"a": 2, "b": 3}))
print(eval(compile(b"len('abc')", "<bytes>", "eval")))

single = compile("1 + 1", "<single>", "single")
exec(single)

for args in [("1 +", "<bad>", "exec"), ("x = (", "f.py", "exec")]:
    try:
        compile(*args)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)

try:
    compile("1", "<m>", "run")
except ValueError as e:
    print("ValueError:", e)
try:
    compile(42, "<m>", "exec")
except TypeError as e:
    print("TypeError:", e)
try:
    compile("1")
except TypeError as e:
    print("TypeError:", e)
try:
    compile("a\0b", "<m>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e)

def_code = compile("def f(n):\n    return n * 2\n", "<def>", "exec")
g = {}
exec(def_code, g)
print(g["f"](21))

try:
    exec(compile("1 / 0", "<zero>", "exec"))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

r = repr(compile("pass", "named.py", "exec"))
print(r.split(" at ")[0], r.split(", ", 1)[1])
print(repr(compile(b"0", b"bytes_name", "eval")).split(", ", 1)[1])
