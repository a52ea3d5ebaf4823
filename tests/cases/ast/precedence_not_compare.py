not a == b
not a in b
a == b and not c
