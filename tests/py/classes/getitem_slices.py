class Seq:
    def __getitem__(self, key):
        if isinstance(key, slice):
            return ("slice", key.start, key.stop, key.step)
        return ("index", key)

s = Seq()
print(s[1])
print(s[1:2])
print(s[::3])
print(s[:, 1])
print(s[...])
