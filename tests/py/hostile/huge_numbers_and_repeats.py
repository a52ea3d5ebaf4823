# Huge results: computed when CPython computes them, otherwise the same
# MemoryError / OverflowError / ValueError, never a crash or a hang.
def check(label, f):
    try:
        r = f()
        print(label, "->", r if isinstance(r, int) and r.bit_length() < 64 else type(r).__name__)
    except Exception as e:
        print(label, "!", type(e).__name__, e)

big = 10 ** 10 ** 5
check("10**10**5 bits", lambda: big.bit_length())
check("str(10**10**5)", lambda: str(big))
check("repr(-10**10**5)", lambda: repr(-big))
check("f-string", lambda: f"{big}")
check("int('9' * 5000)", lambda: int("9" * 5000))
check("len(hex(big))", lambda: len(hex(big)))
check("big % 97", lambda: big % 97)
check("float(big)", lambda: float(big))
check("big / 3", lambda: big / 3)
check("2.0 ** 10000", lambda: 2.0 ** 10000)
check("1 << 2**64", lambda: 1 << 2 ** 64)
check("1 << -1", lambda: 1 << -1)
check("0 << 10**30", lambda: 0 << 10 ** 30)
check("1 >> 10**30", lambda: 1 >> 10 ** 30)
check("-1 >> 10**30", lambda: -1 >> 10 ** 30)
check("'a' * 10**12", lambda: "a" * 10 ** 12)
check("'ab' * 2**62", lambda: "ab" * 2 ** 62)
check("[0] * 10**12", lambda: [0] * 10 ** 12)
check("(1,) * 2**62", lambda: (1,) * 2 ** 62)
check("[1] * 2**64", lambda: [1] * 2 ** 64)
check("'x' * -5", lambda: "x" * -5)
check("list(range(10**12))", lambda: list(range(10 ** 12)))
check("'a' * 1.5", lambda: "a" * 1.5)
x = [1, 2]
try:
    x *= 10 ** 12
except MemoryError:
    print("in-place repeat MemoryError", x)
print("still alive", len("ab" * 1000))
