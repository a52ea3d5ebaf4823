s = {x % 4 for x in range(20)}
print(sorted(s))
words = "the quick brown the lazy the".split()
print(sorted({w for w in words}))
print(len({len(w) for w in words}))
