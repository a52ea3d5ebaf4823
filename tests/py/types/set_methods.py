s = {1, 2}
s.add(3); s.add(1)
s.update([4, 5], {6})
s.discard(100); s.discard(6)
s.remove(5)
print(sorted(s), len(s))
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
p = s.pop()
print(p in (1, 2, 3, 4), len(s))
s.clear()
print(s, set(), set("aab") == {"a", "b"})
