def naturals():
    n = 0
    while True:
        yield n
        n += 1

out = []
for n in naturals():
    if n >= 8:
        break
    out.append(n)
print(out)

def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1

g = primes()
print([next(g) for _ in range(10)])
