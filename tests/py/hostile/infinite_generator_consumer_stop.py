def forever():
    n = 0
    while True:
        n += 1
        yield n
total = 0
for v in forever():
    total += v
    if total > 10 ** 6:
        break
print(v, total)
