x, y = 7, "naïve"
print(f"{x=}", f"{y = }", f"{x*2=:>4}", f"{y!s:*^11}", f"{y!r:.4}")
width, prec = 10, 3
print(f"[{3.14159:{width}.{prec}}]", f"[{x:{'<' if x > 3 else '>'}{width}}]")
print(f"{'nested ' + f'{x:03}'}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }", f"{x:#b} {x:#o} {x:#X} {-x:+} {1234567:_}")
print(f"{1e100:g} {float('nan')} {-0.0:+.1f} {12345.6789:,.2f} {0.5:%}")
s = "ǅungla ΣΑΣ"
print(s.lower(), s.upper(), s.title(), s.swapcase(), s.casefold(), len(s))
t = "αβγ-δεζ-ηθ"
print(t.split("-"), t.rsplit("-", 1), t.find("δ"), t.rfind("-"), t.index("θ"), t[2:5], t.center(14, "·"), t.partition("-"))
print("x\ud800y".find("y"), repr("\ud800".upper()))
def f(v):
    return f"<{v}>"
print(f(1), f(None), f([1, "a"]))
print("%-8s|%8.3f|%+05d|%#x" % ("ké", 2.5, 42, 255), "%(n)s=%(v)r" % {"n": "k", "v": "é"})
print("{!r:>10}|{:^9}|{:08.2f}|{:+,}".format("é", "mid", -3.14159, 1234567))
