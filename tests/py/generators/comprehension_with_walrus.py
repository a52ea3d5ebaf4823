data = [1, 2, 3, 4]
total = 0
running = [total := total + x for x in data]
print(running, total)
print([y for x in data if (y := x * x) > 4])
