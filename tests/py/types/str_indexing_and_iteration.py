s = "héllo"
print(s[0], s[-1], s[1], len(s))
print(list(s), [ord(c) for c in s])
try:
    s[10]
except IndexError as e:
    print(e)
try:
    s[0] = "H"
except TypeError as e:
    print(e)
