data = [1, 5, 12, 7, 30]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 10])
print(y)
chunks = iter(["a", "b", ""])
while (c := next(chunks)):
    print("chunk", c)
print((z := 5) + z)
