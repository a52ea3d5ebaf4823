# Compile-time SyntaxWarnings go through the warnings module once it is
# loaded: its filters record them, or make them SyntaxErrors.
import warnings
x = 5
src = "y = x is 'abc'"
exec(src)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    compile("z is -1", "<cmp>", "exec")
    print(len(w), w[0].category.__name__ if w else None, str(w[0].message) if w else None, w[0].lineno if w else None)
warnings.simplefilter("error")
try:
    compile("z is not ()", "f.py", "exec")
except SyntaxError as e:
    print("SyntaxError", e.msg, e.lineno)
print(x is None, x is not True, x is ..., 1 == 1 is 2)
