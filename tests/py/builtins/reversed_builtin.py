print(list(reversed([1, 2, 3])), "".join(reversed("abc")), list(reversed(range(4))))
print(list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
class R:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(R())))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
