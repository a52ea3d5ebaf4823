# Spectral norm of an infinite matrix: float arithmetic in nested loops,
# small functions called from comprehensions, sum() and zip().

def entry(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)

def times(v):
    n = len(v)
    return [sum(entry(i, j) * v[j] for j in range(n)) for i in range(n)]

def times_transposed(v):
    n = len(v)
    out = []
    for i in range(n):
        total = 0.0
        for j in range(n):
            total += entry(j, i) * v[j]
        out.append(total)
    return out

def times_ata(v):
    return times_transposed(times(v))

def spectral_norm(n, rounds):
    u = [1.0] * n
    v = None
    for _ in range(rounds):
        v = times_ata(u)
        u = times_ata(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return (vbv / vv) ** 0.5

for n in (10, 60, 120):
    print(n, round(spectral_norm(n, 6), 9))
