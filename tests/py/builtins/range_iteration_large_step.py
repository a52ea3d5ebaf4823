print(list(range(0, 100, 25)), list(range(100, 0, -25)), list(range(1, 2, 100)))
print(sum(range(1, 10001)), max(range(7)), min(range(3, 9)))
