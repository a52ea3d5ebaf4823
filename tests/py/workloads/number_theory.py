# Integer work: a sieve, trial division, gcd and modular powers, digit
# manipulation, big ints from factorials and Fibonacci numbers, closures
# and exceptions in a loop.

def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
    return [i for i, f in enumerate(flags) if f]

def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        factors.append(n)
    return factors

def gcd(a, b):
    while b:
        a, b = b, a % b
    return a

def digit_sum(n):
    total = 0
    while n:
        n, r = divmod(n, 10)
        total += r
    return total

def make_counter(step):
    count = 0
    def bump():
        nonlocal count
        count += step
        return count
    return bump

primes = sieve(200000)
print(len(primes), primes[-3:], sum(primes) % 1000007)
print([factorize(n) for n in (360, 9973, 1234567, 600851475143)])
print(sum(gcd(a, b) for a in range(1, 300) for b in range(1, 300, 7)))
print(sum(digit_sum(n * n) for n in range(20000)))
print(pow(3, 10**6, 10**9 + 7), pow(2, -1, 97), 7 ** 77 % 1000)

fact = 1
for i in range(1, 400):
    fact *= i
print(len(str(fact)), digit_sum(fact), fact.bit_length())
a, b = 0, 1
for _ in range(2000):
    a, b = b, a + b
print(len(str(a)), a % 10**12, (a >> 1300) & 0xFFFF)

bump = make_counter(3)
errors = 0
for i in range(30000):
    try:
        if bump() % 7 == 0:
            raise ValueError(i)
    except ValueError as e:
        errors += e.args[0] % 3
print(bump(), errors)
print(sum(x * y for x, y in zip(range(100000), range(100000, 0, -1))) // 3, -17 // 5, -17 % 5, 17 // -5)
