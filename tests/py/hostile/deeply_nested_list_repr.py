x = []
for _ in range(100):
    x = [x]
print(str(x)[:20], len(str(x)))
y = 0
for _ in range(200):
    y = (y,)
print(len(repr(y)))
