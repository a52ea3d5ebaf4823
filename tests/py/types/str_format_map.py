class Default(dict):
    def __missing__(self, k):
        return "<" + k + ">"
print("{a} {b}".format_map({"a": 1, "b": 2}))
print("{x} {y}".format_map(Default(x="X")))
