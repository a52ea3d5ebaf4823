# exit and quit come from CPython's site module: a Quitter whose repr tells
# how to leave the prompt and whose call raises SystemExit.
import sys

print(repr(exit))
print(str(quit))
print(type(exit).__name__, callable(exit))
for q, args, kwargs in [(exit, (), {}), (quit, (4,), {}), (exit, (), {"code": "bye"})]:
    try:
        q(*args, **kwargs)
    except SystemExit as e:
        print("SystemExit", e.args)
try:
    exit(1, 2)
except TypeError as e:
    print("TypeError", e)
sys.displayhook(None)
sys.displayhook([1, "a"])
print(sys.displayhook is not None, sys.__displayhook__ is not None)
quit(3)
print("not reached")
