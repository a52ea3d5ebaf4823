# math.hypot, dist, frexp, ldexp, nextafter, ulp and exp2 give CPython's
# results to the last bit (printed as hex), with its errors. cbrt is the
# libm crate's correctly rounded one, not glibc's (which CPython calls, and
# which is off by an ulp for about half of all inputs, cbrt(27) included):
# its results are compared to 12 significant digits.
import math, random

random.seed(2024)
rows = []
for _ in range(300):
    k = random.randint(2, 4)
    e = random.choice([0, 8, -8, 300, -300, -1070])
    xs = [random.uniform(-1, 1) * 10.0 ** (e + random.randint(-2, 2)) for _ in range(k)]
    x = xs[0]
    m, ex = math.frexp(x)
    try:
        scaled = math.ldexp(x, random.randint(-1100, 1100)).hex()
    except OverflowError:
        scaled = "OverflowError"
    rows.append(" ".join([math.hypot(*xs).hex(), math.dist(xs, [0.5] * k).hex(), m.hex(), str(ex), scaled,
                          math.nextafter(x, 0).hex(), math.ulp(x).hex(), f"{math.cbrt(x):.12g}", math.exp2(x % 60).hex()]))
print(len(rows))
for row in rows[::15]:
    print(row)
print(sum(hash(r) for r in rows) == sum(hash(r) for r in rows))

print(math.hypot(), math.hypot(-3), math.hypot(3, 4), math.hypot(1, 2, 2), math.hypot(math.inf, math.nan), math.hypot(math.nan, 1))
print(math.dist((0, 0), (3, 4)), math.dist([1, 1, 1], iter([2, 2, 2])), math.dist((), ()))
print(math.frexp(0.0), math.frexp(-math.inf), math.frexp(5e-324), math.ldexp(1, 1024 - 1) , math.ldexp(1.5, -1080), math.ldexp(-0.0, 5))
print(math.nextafter(0.0, -1), math.nextafter(1.0, 1.0), math.ulp(0.0), math.ulp(1.0), math.ulp(math.inf), math.ulp(-1.7976931348623157e308))
print(round(math.cbrt(27), 12), math.cbrt(-8.0), math.cbrt(0.0), math.cbrt(-math.inf), math.exp2(10), math.exp2(-1075))
for call in [lambda: math.ldexp(1.0, 1.5), lambda: math.ldexp(1.0, 10**30), lambda: math.ldexp(1.0, -10**30),
             lambda: math.exp2(1024), lambda: math.dist((1, 2), (1,)), lambda: math.dist(1, (1,)),
             lambda: math.dist((1,)), lambda: math.hypot("a"), lambda: math.nextafter(1.0)]:
    try:
        print(call())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
