a | b & c ^ d << e >> f
~a
a < b > c <= d >= e == f != g
