class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i

s = Squares()
print(list(s))
print(9 in s, 10 in s)
for x in s:
    print(x, end=" ")
print()
