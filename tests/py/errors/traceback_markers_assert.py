# `assert` on a comparison marks the comparison.
def check(n):
    assert n % 2 == 0, f'{n} is odd'
    return n

print(check(4))
check(5)
