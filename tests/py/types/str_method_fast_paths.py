# Fast paths of str methods: byte-level split/strip/case/join must agree with the Unicode rules.
texts = ["a b  c", "  lead", "trail  ", "", "   ", "x\x1cy\x1dz\x1e w\x1fv\tu\nt\x0bs\x0cr\rq",
         "caf\xe9 na\xefve", "a\xa0b", "a\u3000b\x85c", "\ud800 x \udc00", "\U0001f600 \U0001f601",
         "one,two,,three", "a::b::c::", "::", "\xe9,\xe9", "\xe9\xe9\xe9"]
for t in texts:
    print(repr(t), t.split(), t.split(None), t.split(","), t.split("::"), t.split("\xe9"), t.split(" "))
    print(t.split(maxsplit=1), t.split(",", 1), t.rsplit(), t.split(sep=","))
    print(repr(t.strip()), repr(t.lstrip()), repr(t.rstrip()), repr(t.strip(" a")), repr(t.strip(None)))
    print(repr(t.strip("\xe9")), repr(t.strip("q\r")), repr(t.rstrip("\udc00 ")), repr(t.upper()), repr(t.lower()))
    print(repr(",".join(t.split())), repr("\xe9".join([t, t])), repr("".join((t,))))
for w in ["\xa0abc\xa0", "abc\xa0", "\x85x", "x\x85", "  \xe9  ", "\u2028y\u2029", "12ab34", "0123456789"]:
    print(repr(w.strip()), repr(w.lstrip()), repr(w.rstrip()), repr(w.strip("0123456789")))
s = "same"
print(s.strip() is s, s.lstrip("x") is s, s.rstrip(None) is s)
class S(str):
    pass
u = S(" sub ")
print(type(u.strip()).__name__, type(S("x").strip()).__name__, repr(S("ab").strip()), type(u.split()[0]).__name__)
print(type(S("ab").upper()).__name__, S("Ab").lower(), "-".join([S("a"), "b"]), S(",").join(("x", "y")))
print("ΣΑΣ".lower(), "ς".upper(), "ß".upper(), "İ".lower(), "ﬁ".upper())
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".strip(1), lambda: ",".join(["a", 1]),
            lambda: ",".join(("a", None)), lambda: ",".join(5), lambda: "a".upper(1), lambda: "a".split(",", 1, 2),
            lambda: str.split(1), lambda: str.strip(b"x"), lambda: str.upper(None)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(",".join([]), ",".join(()), ",".join(["only"]), ",".join(x for x in "abc"), repr(", ".join(["a", "\ud800"])))
class L(list):
    pass
print("+".join(L(["p", "q"])), "a b".split(sep=None), "a,b".split(",", maxsplit=-1))
