def lookup(d, k):
    return d.get(k)

value = lookup({"a": None}, "a")
print("value is", value)
value.strip()
