for i in range(10):
    continue
else:
    pass
for a, b in c: pass
for x, in y: pass
for i in 1, 2, 3: pass
