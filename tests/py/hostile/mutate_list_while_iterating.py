lst = [1, 2, 3, 4, 5, 6]
for x in lst:
    if x % 2 == 0:
        lst.remove(x)
print(lst)
lst = [1]
n = 0
for x in lst:
    n += 1
    if n < 5:
        lst.append(x)
print(lst, n)
