a if b else c
a if b else c if d else e
(a if b else c) if d else e
x = [a for a in b if (a if c else d)]
y = [a if c else d for a in b]
