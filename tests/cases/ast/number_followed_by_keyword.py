x = 1if y else 2
[0x1for x in y]
z = 0 if 1else 2
w = 1.5or 2
