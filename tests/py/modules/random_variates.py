# random's real-valued distributions draw CPython's numbers from a seed,
# with their errors; gauss keeps its second value until the next seed.
import random

random.seed(12345)
print([random.gauss() for _ in range(3)])
print(random.gauss(10, 2), random.normalvariate(), random.normalvariate(5, sigma=0.5))
print(random.lognormvariate(0, 0.25), random.expovariate(1.5))
print(random.triangular(), random.triangular(1, 3), random.triangular(0, 10, 8), random.triangular(2, 2, 5))
print(random.paretovariate(3), random.weibullvariate(1, 1.5))
print([random.vonmisesvariate(1.0, k) for k in (0, 0.5, 4)])
print([random.gammavariate(a, 2.0) for a in (0.5, 1.0, 3.5)])
print(random.betavariate(2, 5), random.randbytes(6).hex(), random.randbytes(0))
print(round(random.random(), 15))

r = random.Random(7)
a = r.gauss()
r.seed(7)
print(r.gauss() == a, r.gauss() != a)
s = random.Random(7)
print(s.gauss() == a)

print(random.BPF, round(random.NV_MAGICCONST, 15), round(random.TWOPI, 15), round(random.LOG4, 15), round(random.SG_MAGICCONST, 15), random.RECIP_BPF)

for call in [lambda: random.gammavariate(0, 1), lambda: random.expovariate(0), lambda: random.paretovariate(0),
             lambda: random.expovariate(), lambda: random.gauss(1, 2, 3), lambda: random.gauss(mu=1, bad=2),
             lambda: random.weibullvariate(1), lambda: random.randbytes(-1), lambda: random.gauss(1, mu=2)]:
    try:
        print(call())
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
