s = "héllo wörld ☃ snow"
a = "plain ascii text"
for t in (s, a, ""):
    n = len(t)
    for start in (None, -100, -3, -1, 0, 1, 2, 5, n, 100):
        for stop in (None, -100, -3, -1, 0, 1, 4, n, 100):
            for step in (None, 1, 2, 3, -1, -2, -5, 100, -100):
                r = t[start:stop:step]
                assert r == "".join(t[i] for i in range(*slice(start, stop, step).indices(n))), (t, start, stop, step)
                print(repr(r), end=" ")
    print()
    for i in range(-n, n):
        print(t[i], end="")
    print()
l = list(range(10)); tp = tuple(l)
print(l[::3], l[8:2:-2], tp[1:4], tp[::-1], l[-3:], tp[:] is tp, l[:] is l, l[5:5], tp[100:])
class T(tuple): pass
class S(str): pass
print(type(T(tp)[:]), type(S("ab")[:]), S("ab")[:] == "ab", S("ab")[:] is not S("ab"))
print(s[::-1], s[1:9:3], a[::-1], chr(200) is chr(200), chr(1000) == "Ϩ")
print(l[::9223372036854775807], l[::-9223372036854775808], a[-9223372036854775808:9223372036854775807:3])
# One-character strs below 256 are shared, as in CPython.
t = "abc"
print(t[0] is t[0], t[1:2] is t[1], [c for c in "aa"][0] is t[0], chr(97) is t[0], chr(300) is chr(300))
big = "x" * 100000 + "yz"
print(big[100000], big[-1], big[99999:100002], len(big[1:-1]), big[::50000])
wide = "☃" * 1000 + "abc" + "é" * 1000
print(wide[1000:1003], wide[999], wide[1003], wide[-1], len(wide[::7]), wide[2004:990:-500])
