import sys
import warnings


def base(name):
    return name.rsplit("/", 1)[-1]


def emit():
    warnings.warn("first")
    warnings.warn("second", DeprecationWarning)
    warnings.warn(RuntimeWarning("third"))


print(len(warnings.filters))
with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    emit()
    emit()
    print(len(warnings.filters))
print(len(warnings.filters))
for m in log:
    print(m.category.__name__, m.message, type(m.message).__name__, m.lineno, base(m.filename), m.file, m.line, m.source)
print(str(log[0]).replace(log[0].filename, "FILE"))
print(warnings.catch_warnings(), warnings.catch_warnings(record=True))

with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("an error now")
    except UserWarning as e:
        print("caught", type(e).__name__, e.args)
    try:
        warnings.warn("deprecated error", DeprecationWarning)
    except DeprecationWarning as e:
        print("caught", type(e).__name__, e)
warnings.warn("back to printing")

with warnings.catch_warnings(action="ignore"):
    warnings.warn("not shown")
with warnings.catch_warnings(record=True) as outer:
    warnings.simplefilter("always")
    with warnings.catch_warnings(record=True) as inner:
        warnings.warn("inner one")
    warnings.warn("outer one")
print([str(m.message) for m in outer], [str(m.message) for m in inner])

for bad in (5, ValueError, "UserWarning", None.__class__):
    try:
        warnings.warn("bad category", bad)
    except TypeError as e:
        print("TypeError", e)
try:
    warnings.warn("bad level", stacklevel="2")
except TypeError as e:
    print("TypeError", e)


def my_showwarning(message, category, filename, lineno, file=None, line=None):
    print("showwarning:", message, category.__name__, base(filename), lineno, file, line)


warnings.showwarning = my_showwarning
warnings.simplefilter("always")
warnings.warn("through the hook")
warnings.showwarning = warnings._showwarning_orig


def my_format(message, category, filename, lineno, line=None):
    return "FORMATTED %s (%s) line %d\n" % (message, category.__name__, lineno)


warnings.formatwarning = my_format
warnings.warn("through the formatter")
warnings.formatwarning = warnings._formatwarning_orig
print(warnings.formatwarning("text", UserWarning, "some.py", 7, "  the line  "), end="")
print(warnings.formatwarning("text", UserWarning, "missing_file.py", 7), end="")
warnings.showwarning("to stdout", UserWarning, "other.py", 3, sys.stdout, "source()")
warnings.showwarning("to stderr", UserWarning, "other.py", 3)

warnings.warn_explicit("explicit", UserWarning, "warnings_catch.py", 5)
warnings.warn_explicit("explicit", UserWarning, "fake.py", 9, module=None)
registry = {}
warnings.simplefilter("default")
for i in range(2):
    warnings.warn_explicit("explicit once", SyntaxWarning, "fake.py", 9, registry=registry)
print(sorted((k[0], k[1].__name__, k[2]) for k in registry if k != "version"))
warnings.warn("with a source", ResourceWarning, source=object())
cm = warnings.catch_warnings()
try:
    cm.__exit__(None, None, None)
except RuntimeError as e:
    print("RuntimeError", e)
cm.__enter__()
try:
    cm.__enter__()
except RuntimeError as e:
    print("RuntimeError", e)
cm.__exit__(None, None, None)
