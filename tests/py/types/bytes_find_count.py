# Searching bytes: find/rfind/index/rindex/count, int needles, bounds, `in`.
h = b"hello world"
print(h.find(b"o"), h.find(b"o", 5), h.find(b"o", 5, 7), h.rfind(b"o"), h.find(b"zz"))
print(h.find(111), h.rfind(ord("l")), h.index(b"w"), h.rindex(b"l"), h.count(b"l"), h.count(b"l", 4))
print(h.find(b""), h.find(b"", 11), h.find(b"", 12), h.count(b""), b"aaaa".count(b"aa"))
print(h.find(b"o", -4), h.startswith(b"hell"), h.startswith((b"x", b"he")), h.endswith(b"ld", 0, 11), h.startswith(b"wor", 6))
print(b"ll" in h, 104 in h, 0 in h, b"" in h, bytearray(b"wor") in h, b"lo" in bytearray(h))
for bad in [lambda: h.index(b"z"), lambda: h.rindex(b"z"), lambda: 300 in h, lambda: "o" in h, lambda: h.find("o")]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
