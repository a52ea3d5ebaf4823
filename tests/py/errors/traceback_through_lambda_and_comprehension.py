convert = lambda s: int(s)
values = ["1", "2", "x"]
print([convert(v) for v in values])
