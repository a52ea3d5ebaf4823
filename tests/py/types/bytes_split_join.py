# split, rsplit, splitlines, join and partition on bytes and bytearray.
print(b"a,b,,c".split(b","), b"a,b,c".split(b",", 1), b"a,b,c".rsplit(b",", 1))
print(b"  a  b c ".split(), b" a b c ".split(None, 1), b" a b c ".rsplit(None, 1))
print(b"a--b--c".split(b"--"), b"".split(), b"".split(b","), b"abc".split(b"abc"))
print(b"l1\nl2\r\nl3\rl4".splitlines(), b"x\ny\n".splitlines(True), b"".splitlines())
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b"".join([]), bytearray(b", ").join([b"x", b"y"]))
print(type(bytearray(b"a b").split()[0]).__name__, type(b"-".join([bytearray(b"a")])).__name__)
print(b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"kv".partition(b"="), b"kv".rpartition(b"="))
try:
    b"-".join([b"a", "b"])
except TypeError as e:
    print("TypeError:", e)
try:
    b"abc".split(b"")
except ValueError as e:
    print("ValueError:", e)
