import string
t = string.Template("$a and $b")
print(t.safe_substitute(a=1))
try:
    t.substitute(a=1)
except KeyError as e:
    print("KeyError", e)
