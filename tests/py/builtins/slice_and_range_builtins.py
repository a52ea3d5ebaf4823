print(list(range(10))[slice(2, 8, 3)], slice(5))
print(len(range(0, 100, 7)), list(range(-3, 3)), range(5)[-1])
