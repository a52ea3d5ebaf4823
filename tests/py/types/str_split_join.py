s = "a,b,,c"
print(s.split(","), s.split(",", 1), s.rsplit(",", 1))
print("  many   spaces here ".split(), "x".split(","), "".split(), "".split(","))
print("a b c".rsplit(None, 1), "1-2-3".split("-", maxsplit=1))
print("-".join(["a", "b", "c"]), "".join("xyz"), ", ".join(map(str, range(3))))
