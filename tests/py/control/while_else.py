n = 0
while n < 3:
    n += 1
else:
    print("finished normally", n)

n = 0
while n < 10:
    n += 1
    if n == 4:
        break
else:
    print("not printed")
print("broke at", n)
