name = "Zoë"
print(f"{name!r} {name!s} {name!a}")
print(f"{3 + 4} {'nested'} {[1, 2][1]} {dict(a=1)['a']}")
x = 42
print(f"{x=} {x*2=} {name = }")
print(f"{{braces}} {x:{'>'}{6}}")
