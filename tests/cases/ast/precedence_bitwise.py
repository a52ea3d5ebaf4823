a | b ^ c & d << e + f * g
(a | b) ^ c
a & b | c & d
a << b >> c
