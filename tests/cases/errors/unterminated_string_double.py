s = "abc
y = 2
