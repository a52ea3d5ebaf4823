class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dynamic " + name
        raise AttributeError(f"no {name}")

d = Dyn()
print(d.real, d.xyz)
print(getattr(d, "xa", None), getattr(d, "q", "default"))
print(hasattr(d, "x1"), hasattr(d, "nope"))
