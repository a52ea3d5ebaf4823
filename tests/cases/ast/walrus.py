if (n := len(a)) > 10:
    pass
while (line := f()):
    pass
[y := f(x), y**2]
f(x := 1)
x[(y := 1)]
(z := 5)
