# bytearray item and slice assignment and deletion.
ba = bytearray(b"0123456789")
ba[0] = 65
ba[-1] = 90
print(ba)
ba[1:3] = b"xy"
ba[3:3] = b"INS"
ba[5:8] = b""
print(ba)
ba[::2] = b"-" * len(ba[::2])
print(ba)
del ba[0]
del ba[::3]
del ba[-2:]
print(ba, len(ba))
ba[:] = [65, 66, 67]
print(ba, ba[::-1], ba[1:], ba[5:])
def set5(): ba[5] = 1
def set256(): ba[0] = 256
def setstr(): ba[0] = "x"
def setext(): ba[::2] = b"toolong"
def setint(): ba[0:1] = 5
for bad in [set5, set256, setstr, setext, setint]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    del ba[10]
except IndexError as e:
    print("IndexError:", e)
try:
    b"immutable"[0] = 1
except TypeError as e:
    print("TypeError:", e)
