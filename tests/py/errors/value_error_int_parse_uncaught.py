data = ["10", "20", "thirty"]
total = 0
for d in data:
    total += int(d)
print(total)
