class O:
    pass
o = O()
setattr(o, "color", "red")
print(getattr(o, "color"), getattr(o, "size", "n/a"), hasattr(o, "color"))
delattr(o, "color")
print(hasattr(o, "color"))
try:
    getattr(o, "color")
except AttributeError as e:
    print(e)
print(getattr("abc", "upper")(), getattr([], "nope", 0))
