b'abc'
B"x"
b'\x00\xff\n'
b'\101'
b'\u00e9'
b'a' b'b'
b'''multi
line'''
br'\n'
