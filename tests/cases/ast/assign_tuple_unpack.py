a, b = b, a
(c, d) = [e, f] = g
[h, [i, j]] = k
