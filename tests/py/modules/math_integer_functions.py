import math
print(math.gcd(0, 0), math.gcd(-12, 8), math.gcd(2 ** 100, 2 ** 60 * 3))
print(math.isqrt(10 ** 40), math.factorial(25), math.comb(50, 25))
print(math.floor(2.0 ** 60), math.ceil(-0.5), math.floor(10 ** 30))
