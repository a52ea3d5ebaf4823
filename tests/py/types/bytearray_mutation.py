# bytearray's mutating methods and in-place operators.
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba.extend(bytearray(b"i"))
ba.insert(0, 64)
ba.insert(-1, 35)
ba.insert(100, 33)
print(ba, len(ba))
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord("c"))
print(ba)
alias = ba
ba += b"++"
ba *= 2
print(ba is alias, alias)
c = ba.copy()
c.reverse()
print(c, c is ba, ba.clear(), ba, len(c))
for bad in [lambda: ba.pop(), lambda: c.remove(0), lambda: c.append(256), lambda: c.append("x"),
            lambda: c.extend(1), lambda: c.pop(99)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
