a, *b = c
*d, e = f
[g, *h, i] = j
for *k, l in m: pass
