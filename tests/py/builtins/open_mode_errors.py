# open(): modes, reprs, mode attributes and argument errors.
import os
name = "ouro_test_tmp_modes.txt"
for mode in ["w", "r", "a", "r+", "wb", "rb", "ab", "r+b", "w+b", "a+", "rt"]:
    with open(name, mode) as f:
        print(mode, repr(f), f.mode, f.readable(), f.writable())
for mode in ["rw", "rbt", "q", "", "rr", "+"]:
    try:
        open(name, mode)
    except ValueError as e:
        print(repr(mode), "ValueError:", e)
for kw in [{"encoding": "utf-8"}, {"errors": "strict"}, {"newline": ""}]:
    try:
        open(name, "rb", **kw)
    except ValueError as e:
        print("ValueError:", e)
for args in [(name, "r", -1, None, None, "x"), (3.5,), (name, 5)]:
    try:
        open(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    open(name, "r", 0)
except ValueError as e:
    print("ValueError:", e)
os.remove(name)
