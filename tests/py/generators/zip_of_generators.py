def count_up(n):
    for i in range(n):
        print("up", i)
        yield i

pairs = list(zip(count_up(3), "ab"))
print(pairs)
