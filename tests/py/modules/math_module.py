import math
print(math.pi, math.e, math.tau, math.inf, math.nan != math.nan)
print(math.sqrt(16), math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3))
print(math.gcd(12, 18), math.lcm(4, 6), math.factorial(10), math.comb(5, 2), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1.0))
print(math.log(math.e), math.log2(1024), math.log10(1000), math.exp(0), math.pow(2, 10))
print(math.hypot(3, 4), math.copysign(1, -0.0), math.isqrt(99), math.fsum([0.1] * 10), math.prod([1, 2, 3, 4]))
