# Combinatorial search: n-queens with generators and sets, permutations
# by recursion, and the fannkuch flips on lists.

def queens(n):
    cols = set()
    diag1 = set()
    diag2 = set()
    placed = []

    def place(row):
        if row == n:
            yield tuple(placed)
            return
        for c in range(n):
            if c in cols or (row + c) in diag1 or (row - c) in diag2:
                continue
            cols.add(c); diag1.add(row + c); diag2.add(row - c); placed.append(c)
            yield from place(row + 1)
            cols.discard(c); diag1.discard(row + c); diag2.discard(row - c); placed.pop()

    return place(0)

for n in range(4, 9):
    solutions = list(queens(n))
    print(n, len(solutions), solutions[0] if solutions else None)

def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p

def flips(perm):
    perm = perm[:]
    count = 0
    first = perm[0]
    while first != 0:
        perm[:first + 1] = perm[first::-1]
        count += 1
        first = perm[0]
    return count

def fannkuch(n):
    best = 0
    checksum = 0
    for index, perm in enumerate(permutations(list(range(n)))):
        f = flips(perm)
        best = max(best, f)
        checksum += f if index % 2 == 0 else -f
    return best, checksum

for n in (5, 6, 7, 8):
    print("fannkuch", n, fannkuch(n))
