# memoryview: slicing views, writing through to a bytearray, release.
ba = bytearray(b"abcdefgh")
m = memoryview(ba)
s = m[2:6]
print(len(s), s.tobytes(), s[0], s[-1], bytes(s[::2]), m[::-1].tobytes(), s.tolist())
s[0] = 90
s[1:3] = b"YX"
print(ba, m.readonly, memoryview(b"ro").readonly, m.nbytes, m.itemsize, m.format)
print(m.obj is ba, m == b"abZYXfgh", s == ba[2:6], list(memoryview(b"\x01\x02")))
with memoryview(b"ctx") as v:
    print(v.tobytes())
try:
    v[0]
except ValueError as e:
    print("ValueError:", e)
try:
    memoryview(b"ro")[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    memoryview("str")
except TypeError as e:
    print("TypeError:", e)
try:
    m[100]
except IndexError as e:
    print("IndexError:", e)
