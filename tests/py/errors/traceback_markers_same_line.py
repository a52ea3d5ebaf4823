# Two statements on one line: the failing one is marked; trailing spaces
# stay on the shown line.
x = 1; y = x / 0   
