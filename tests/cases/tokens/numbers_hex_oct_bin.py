0x1F
0XdeadBEEF
0x_ff
0o17
0O7_7
0b1010
0B1_0
0xffffffffffffffffffffffff
